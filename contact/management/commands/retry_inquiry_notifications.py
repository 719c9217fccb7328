from django.core.management.base import BaseCommand

from contact.models import Inquiry
from contact.tasks import requeue, send_inquiry_notification


class Command(BaseCommand):
    """Send every inquiry notice or acknowledgement still owed, once the mail server is back."""

    help = (
        "Queue (or send now with --now) every notice and acknowledgement not sent yet: waiting, retrying, or "
        "flagged “notification failed”. Addresses the mail server refused are left for staff to check."
    )

    def add_arguments(self, parser):
        parser.add_argument("--now", action="store_true", help="Send in this process instead of queueing.")
        parser.add_argument("--dry-run", action="store_true", help="Only list the inquiries that would be retried.")

    def handle(self, *args, now=False, dry_run=False, **options):
        unsent = list(Inquiry.objects.notification_unsent().order_by("created_at"))
        if dry_run:
            for inquiry in unsent:
                self.stdout.write(f"Would retry {inquiry}")
            self.stdout.write(f"{len(unsent)} notifications to retry.")
            return
        sent = 0
        for inquiry in unsent:
            requeue(inquiry.pk, enqueue=not now)
            if now:
                send_inquiry_notification.call(inquiry.pk)
                inquiry.refresh_from_db()
                sent += inquiry.notice_status not in Inquiry.OWED and inquiry.acknowledgement_status not in Inquiry.OWED
                self.stdout.write(
                    f"{inquiry}: notice {inquiry.get_notice_status_display().lower()}, "
                    f"acknowledgement {inquiry.get_acknowledgement_status_display().lower()}"
                )
        if now:
            style = self.style.SUCCESS if sent == len(unsent) else self.style.WARNING
            self.stdout.write(style(f"Sent {sent} of {len(unsent)} notifications."))
        else:
            self.stdout.write(self.style.SUCCESS(f"Queued {len(unsent)} notifications for the worker."))
