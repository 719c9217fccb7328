import sys

from django.core.management.base import BaseCommand

from editorial.content_health import find_issues


class Command(BaseCommand):
    """Print what needs an editor's attention; exit with status 1 if anything does (for cron and monitoring)."""

    help = (
        "List articles due for medical review, ended specials still live, upcoming specials without an image, "
        "images without alt text, incomplete staff profiles and stalled scheduled publishing. Exits 1 if any."
    )

    def handle(self, *args, **options):
        issues = find_issues()
        if not issues:
            self.stdout.write(self.style.SUCCESS("Content health: nothing needs attention."))
            return
        check = None
        for issue in issues:
            if issue.check != check:
                check = issue.check
                self.stdout.write(f"\n{check}")
            self.stdout.write(f"  - {issue.title}: {issue.detail}")
        count = len(issues)
        self.stdout.write(self.style.WARNING(f"\n{count} item{'s' if count != 1 else ''} need attention."))
        sys.exit(1)
