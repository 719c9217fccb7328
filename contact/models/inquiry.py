"""An inquiry sent through the contact form, and which inquiries staff see, keep and delete."""

import datetime
import secrets

from django.conf import settings
from django.db import models
from django.utils import timezone


class InquiryQuerySet(models.QuerySet):
    """Which inquiries staff work on, which wait in quarantine, and which are due for deletion."""

    def inbox(self):
        return self.filter(is_spam=False)

    def quarantined(self):
        return self.filter(is_spam=True)

    def notification_failed(self):
        return self.filter(
            models.Q(notice_status=Inquiry.Notification.FAILED)
            | models.Q(acknowledgement_status=Inquiry.Notification.FAILED)
        )

    def notification_unsent(self):
        """Not spam, with a notice or acknowledgement still owed: waiting, retrying or failed after every retry."""
        owed = Inquiry.OWED
        return self.inbox().filter(models.Q(notice_status__in=owed) | models.Q(acknowledgement_status__in=owed))

    def due_for_purge(self, now=None):
        now = now or timezone.now()
        kept = datetime.timedelta(days=settings.INQUIRY_RETENTION_DAYS)
        spam_kept = datetime.timedelta(days=settings.INQUIRY_SPAM_RETENTION_DAYS)
        return self.filter(models.Q(created_at__lt=now - kept) | models.Q(is_spam=True, created_at__lt=now - spam_kept))


class Inquiry(models.Model):
    """A message a patient or business sent through the contact form, and the front desk's work on it."""

    class Type(models.TextChoices):
        TREATMENT_QUESTION = "treatment", "Treatment question"
        CONSULTATION = "consultation", "Book a consultation"
        SPECIAL = "special", "Claim a special"
        BUSINESS = "business", "Business inquiry"
        OTHER = "other", "Other"

    class Status(models.TextChoices):
        NEW = "new", "New"
        CONTACTED = "contacted", "Contacted"
        BOOKED = "booked", "Booked"
        CLOSED = "closed", "Closed"

    class ContactMethod(models.TextChoices):
        EMAIL = "email", "Email"
        PHONE = "phone", "Phone"

    class Notification(models.TextChoices):
        PENDING = "pending", "Waiting to be sent"
        RETRYING = "retrying", "Retrying"
        SENT = "sent", "Sent"
        FAILED = "failed", "Notification failed"
        # The mail server answered 5xx for the address: retrying cannot help, a person must check it.
        REFUSED = "refused", "Address refused"
        SKIPPED = "skipped", "Not sent (switched off or no address)"
        QUARANTINED = "quarantined", "Not sent (quarantined)"

    # What the worker still tries to send; the resend command turns "failed" back into "pending".
    SENDABLE = (Notification.PENDING, Notification.RETRYING)
    OWED = (Notification.PENDING, Notification.RETRYING, Notification.FAILED)

    reference = models.CharField(max_length=12, unique=True, editable=False)
    created_at = models.DateTimeField("received", default=timezone.now, db_index=True, editable=False)

    name = models.CharField(max_length=100)
    email = models.EmailField()
    phone = models.CharField(max_length=30, blank=True)
    contact_method = models.CharField(
        "preferred contact method", max_length=10, choices=ContactMethod.choices, default=ContactMethod.EMAIL
    )
    inquiry_type = models.CharField("type", max_length=20, choices=Type.choices)
    treatment = models.ForeignKey(
        "ellemes.Treatment", null=True, blank=True, on_delete=models.SET_NULL, related_name="inquiries"
    )
    special = models.ForeignKey(
        "specials.SpecialPage", null=True, blank=True, on_delete=models.SET_NULL, related_name="inquiries"
    )
    staff_member = models.ForeignKey(
        "staff.StaffMemberPage",
        verbose_name="preferred staff member",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="inquiries",
    )
    message = models.TextField(max_length=2000)
    consent_text = models.TextField(help_text="The consent statement exactly as the sender saw and ticked it.")
    consented_at = models.DateTimeField()

    status = models.CharField(max_length=20, choices=Status.choices, default=Status.NEW, db_index=True)
    assigned_to = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="assigned_inquiries",
        limit_choices_to={"is_active": True},
    )
    internal_notes = models.TextField(blank=True, help_text="For staff only; never shown or sent to the patient.")

    is_spam = models.BooleanField(
        "quarantined as spam",
        default=False,
        help_text="Untick to release a real inquiry from quarantine; the front desk is then notified.",
    )
    spam_reason = models.CharField(max_length=200, blank=True, editable=False)

    # The front desk's notice and the patient's acknowledgement succeed or fail separately: a refused
    # patient address must not hold the notice back, nor a sent notice hide a failed acknowledgement.
    notice_status = models.CharField(
        "front-desk notice", max_length=20, choices=Notification.choices, default=Notification.PENDING, editable=False
    )
    acknowledgement_status = models.CharField(
        "acknowledgement to the sender",
        max_length=20,
        choices=Notification.choices,
        default=Notification.PENDING,
        editable=False,
    )
    notification_attempts = models.PositiveSmallIntegerField(default=0, editable=False)
    notification_error = models.CharField(max_length=200, blank=True, editable=False)
    # Set in the same transaction as the status, with the row locked while sending: each is sent once.
    notified_at = models.DateTimeField(null=True, blank=True, editable=False)
    acknowledged_at = models.DateTimeField(null=True, blank=True, editable=False)
    # The one-time token of the form that sent it: a second copy of the same form finds this row.
    form_token = models.CharField(max_length=64, unique=True, null=True, blank=True, editable=False)
    # The sender's address and the hour, hashed (contact.protection.RateLimit): counts inquiries while the cache cannot.
    rate_limit_key = models.CharField(max_length=32, blank=True, db_index=True, editable=False)

    objects = InquiryQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at"]
        verbose_name_plural = "inquiries"

    def __str__(self):
        # Audit log labels and email subjects use this: never the patient's own words.
        return f"Inquiry #{self.reference}"

    def save(self, *args, **kwargs):
        if not self.reference:
            self.reference = self._unused_reference()
        super().save(*args, **kwargs)

    @classmethod
    def _unused_reference(cls):
        # Random rather than sequential, so a reference says nothing about how many inquiries the clinic gets.
        while True:
            reference = str(100000 + secrets.randbelow(900000))
            if not cls.objects.filter(reference=reference).exists():
                return reference
