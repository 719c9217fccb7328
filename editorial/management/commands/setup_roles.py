from django.core.management.base import BaseCommand

from editorial.roles import apply_roles


class Command(BaseCommand):
    """Create or update the admin roles: Editors, Medical reviewers, Front desk and Site managers."""

    help = "Create the staff roles as Wagtail groups with exactly the permissions each needs. Safe to run again."

    def handle(self, *args, **options):
        for name, created in apply_roles().items():
            self.stdout.write(f"  {name}: {'created' if created else 'updated'}")
        self.stdout.write(self.style.SUCCESS("Roles are up to date."))
