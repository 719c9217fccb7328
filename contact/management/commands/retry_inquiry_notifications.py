from django.core.management.base import BaseCommand
from django.db import transaction

from contact.models import Inquiry
from contact.tasks import notify_later, send_inquiry_notification


class Command(BaseCommand):
    """Send again the front-desk notices that failed every retry, once the mail server is back."""

    help = "Queue the notification of every inquiry flagged “notification failed” (or send it now with --now)."

    def add_arguments(self, parser):
        parser.add_argument("--now", action="store_true", help="Send in this process instead of queueing.")
        parser.add_argument("--dry-run", action="store_true", help="Only list the inquiries that would be retried.")

    def handle(self, *args, now=False, dry_run=False, **options):
        failed = list(Inquiry.objects.notification_failed().order_by("created_at"))
        if dry_run:
            for inquiry in failed:
                self.stdout.write(f"Would retry {inquiry}")
            self.stdout.write(f"{len(failed)} notifications to retry.")
            return
        sent = 0
        for inquiry in failed:
            with transaction.atomic():
                inquiry.notification_status = Inquiry.Notification.PENDING
                inquiry.notification_attempts = 0
                inquiry.save(update_fields=["notification_status", "notification_attempts"])
                if not now:
                    notify_later(inquiry)
            if now:
                result = send_inquiry_notification.call(inquiry.pk)
                sent += result == "sent"
                self.stdout.write(f"{inquiry}: {Inquiry.objects.get(pk=inquiry.pk).get_notification_status_display()}")
        if now:
            style = self.style.SUCCESS if sent == len(failed) else self.style.WARNING
            self.stdout.write(style(f"Sent {sent} of {len(failed)} notifications."))
        else:
            self.stdout.write(self.style.SUCCESS(f"Queued {len(failed)} notifications for the worker."))
