from django.conf import settings
from django.core.management.base import BaseCommand
from django.db import transaction

from contact.audit import log_each_inquiry
from contact.models import Inquiry


class Command(BaseCommand):
    """Delete inquiries kept longer than the retention period, so patient data is not kept forever."""

    help = (
        "Delete inquiries older than INQUIRY_RETENTION_DAYS (spam: INQUIRY_SPAM_RETENTION_DAYS) "
        "and record the deletion in the audit log."
    )

    def add_arguments(self, parser):
        parser.add_argument("--dry-run", action="store_true", help="Only count what would be deleted.")

    def handle(self, *args, dry_run=False, **options):
        due = Inquiry.objects.due_for_purge()
        total = due.count()
        spam = due.filter(is_spam=True).count()
        retention = (
            f"older than {settings.INQUIRY_RETENTION_DAYS} days, spam older than {settings.INQUIRY_SPAM_RETENTION_DAYS}"
        )
        if dry_run:
            self.stdout.write(f"Would delete {total} inquiries ({spam} spam), {retention}.")
            return
        with transaction.atomic():
            doomed = list(due.select_for_update().only("pk", "reference"))
            log_each_inquiry(doomed, "contact.inquiry.purge", deleted=True, data={"retention": retention})
            deleted, _ = Inquiry.objects.filter(pk__in=[inquiry.pk for inquiry in doomed]).delete()
        self.stdout.write(self.style.SUCCESS(f"Deleted {deleted} inquiries ({spam} spam), {retention}."))
