from django.conf import settings
from django.core.management.base import BaseCommand

from contact.tasks import requeue_stuck


class Command(BaseCommand):
    """Queue again the inquiry notices whose job died with its worker, so none waits forever."""

    help = (
        "Mark notification jobs running longer than INQUIRY_NOTIFICATION_LEASE_SECONDS as failed, and queue a job "
        "for every inquiry still waiting for a notice or acknowledgement without a live job. Nothing is sent twice."
    )

    def add_arguments(self, parser):
        parser.add_argument("--dry-run", action="store_true", help="Only count what would be queued again.")

    def handle(self, *args, dry_run=False, verbosity=1, **options):
        stuck, orphans = requeue_stuck(dry_run=dry_run)
        lease = settings.INQUIRY_NOTIFICATION_LEASE_SECONDS
        if dry_run:
            self.stdout.write(f"{stuck} jobs running past the {lease} s lease; would queue {len(orphans)} inquiries.")
            return
        # Run every minute by run_periodic: quiet when there was nothing to do.
        if stuck or orphans or verbosity > 1:
            self.stdout.write(
                self.style.SUCCESS(
                    f"Failed {stuck} jobs running past the {lease} s lease; queued {len(orphans)} inquiries again: "
                    + (", ".join(str(inquiry) for inquiry in orphans) or "none")
                )
            )
