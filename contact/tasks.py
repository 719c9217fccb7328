"""Background work for inquiries: tell the front desk, thank the sender, retry when mail fails.

The notices carry no patient data: the front desk reads the inquiry in the admin,
behind a login and the audit log. No header is built from anything a sender typed.

Each message is sent once: its row is locked while it is sent, and its sent time and status are
saved in that same transaction, so a second job for the same inquiry (a retry, the stuck-job sweep,
the resend command) waits for the first and then finds nothing owed. Only a worker killed between
the mail server's acceptance and that commit can send a message twice.
"""

import datetime
import logging
import smtplib
from dataclasses import dataclass

from django.conf import settings
from django.core.mail import EmailMessage
from django.db import models, transaction
from django.urls import reverse
from django.utils import timezone
from django_tasks import task
from django_tasks_db.models import DBTaskResult

from contact.models.inquiry import Inquiry
from ellemes.models import ClinicSettings
from ellemes.public_urls import public_site

logger = logging.getLogger(__name__)

TASK_PATH = "contact.tasks.send_inquiry_notification"


def notify_later(inquiry):
    """Queue the notification job in the caller's transaction: it exists exactly when the inquiry does."""
    return send_inquiry_notification.enqueue(inquiry.pk)


def retry_later(inquiry, delay):
    run_after = timezone.now() + datetime.timedelta(seconds=delay)
    return send_inquiry_notification.using(run_after=run_after).enqueue(inquiry.pk)


def notification_jobs(inquiry_id=None):
    jobs = DBTaskResult.objects.filter(task_path=TASK_PATH)
    return jobs if inquiry_id is None else jobs.filter(args_kwargs__args__0=inquiry_id)


def clinic_settings():
    site = public_site()
    return ClinicSettings.for_site(site) if site else ClinicSettings()


def admin_url(inquiry):
    path = reverse("inquiries:edit", args=[inquiry.pk])
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path


def front_desk_notice(inquiry, clinic):
    inbox = clinic.inquiry_inbox or clinic.email
    if not inbox:
        return None
    subject = f"New inquiry #{inquiry.reference} ({inquiry.get_inquiry_type_display()})"
    body = (
        f"{subject}\n\n"
        f"Read it and reply in the admin (sign-in required):\n{admin_url(inquiry)}\n\n"
        "This notice deliberately leaves out what the sender wrote.\n"
    )
    return EmailMessage(subject=subject, body=body, to=[inbox])


def acknowledgement(inquiry, clinic):
    if not settings.INQUIRY_SEND_ACKNOWLEDGEMENT:
        return None
    subject = f"We received your inquiry #{inquiry.reference}"
    phone = f", or call us on {clinic.phone}" if clinic.phone else ""
    body = (
        "Hello,\n\n"
        f"Thank you for contacting {clinic.name}. We received your inquiry #{inquiry.reference} "
        "and a member of our team will get back to you within one business day.\n\n"
        "For your privacy this email does not repeat your message. If anything is urgent, "
        f"reply to this email{phone}.\n\n"
        f"{clinic.name}\n"
    )
    reply_to = [clinic.email] if clinic.email else []
    return EmailMessage(subject=subject, body=body, to=[inquiry.email], reply_to=reply_to)


@dataclass(frozen=True)
class Message:
    """One email owed for an inquiry, with the fields that record whether it went."""

    label: str
    status_field: str
    sent_field: str
    build: object


MESSAGES = (
    Message("front-desk notice", "notice_status", "notified_at", front_desk_notice),
    Message("acknowledgement", "acknowledgement_status", "acknowledged_at", acknowledgement),
)


def is_permanent(error):
    """A 5xx answer about the recipient or the message: sending it again would be refused again."""
    if isinstance(error, smtplib.SMTPRecipientsRefused):
        codes = [code for code, _ in error.recipients.values()]
        return bool(codes) and all(code >= 500 for code in codes)
    if isinstance(
        error,
        smtplib.SMTPAuthenticationError | smtplib.SMTPSenderRefused | smtplib.SMTPConnectError | smtplib.SMTPHeloError,
    ):
        # Our own account, sender address or mail server: once the configuration is fixed, a retry succeeds.
        return False
    return isinstance(error, smtplib.SMTPResponseException) and error.smtp_code >= 500


def describe(error):
    """The kind of error and its SMTP code, never its text: an SMTP error message may quote an address."""
    codes = sorted({code for code, _ in getattr(error, "recipients", {}).values()})
    code = getattr(error, "smtp_code", None)
    codes = codes or ([code] if isinstance(code, int) and code > 0 else [])
    return " ".join([type(error).__name__, *map(str, codes)])


def send_once(inquiry_id, message, clinic):
    """Send one message if it is still owed; return the error of a temporary failure, else None."""
    with transaction.atomic():
        inquiry = Inquiry.objects.select_for_update().filter(pk=inquiry_id).first()
        if inquiry is None or inquiry.is_spam:
            return None
        status = getattr(inquiry, message.status_field)
        if getattr(inquiry, message.sent_field) is not None:
            if status != Inquiry.Notification.SENT:
                setattr(inquiry, message.status_field, Inquiry.Notification.SENT)
                inquiry.save(update_fields=[message.status_field])
            return None
        if status not in Inquiry.SENDABLE:
            return None
        email = message.build(inquiry, clinic)
        update_fields = [message.status_field]
        if email is None:
            setattr(inquiry, message.status_field, Inquiry.Notification.SKIPPED)
        else:
            try:
                email.send()
            except Exception as error:  # noqa: BLE001 - every failure is recorded; only 5xx ones are final
                if not is_permanent(error):
                    return error
                logger.warning("The %s for inquiry %s was refused: %s", message.label, inquiry_id, describe(error))
                setattr(inquiry, message.status_field, Inquiry.Notification.REFUSED)
                inquiry.notification_error = f"{message.label}: {describe(error)}"[:200]
                update_fields.append("notification_error")
            else:
                setattr(inquiry, message.status_field, Inquiry.Notification.SENT)
                setattr(inquiry, message.sent_field, timezone.now())
                update_fields.append(message.sent_field)
        inquiry.save(update_fields=update_fields)
    return None


@task(backend="durable")
def send_inquiry_notification(inquiry_id):
    """Send what is still owed for one inquiry; on a temporary failure try again later, after the last try flag it."""
    clinic = clinic_settings()
    errors = {}
    for message in MESSAGES:
        error = send_once(inquiry_id, message, clinic)
        if error is not None:
            errors[message] = error
    if errors:
        record_failure(inquiry_id, errors)
    inquiry = Inquiry.objects.filter(pk=inquiry_id).first()
    if inquiry is None:
        return "nothing to send"
    return f"notice {inquiry.notice_status}, acknowledgement {inquiry.acknowledgement_status}"


def record_failure(inquiry_id, errors):
    delays = settings.INQUIRY_NOTIFICATION_RETRY_DELAYS
    for message, error in errors.items():
        logger.warning("The %s for inquiry %s failed: %s", message.label, inquiry_id, describe(error))
    with transaction.atomic():
        inquiry = Inquiry.objects.select_for_update().get(pk=inquiry_id)
        inquiry.notification_attempts += 1
        inquiry.notification_error = "; ".join(
            f"{message.label}: {describe(error)}" for message, error in errors.items()
        )[:200]
        retrying = inquiry.notification_attempts <= len(delays)
        for message in errors:
            if getattr(inquiry, message.status_field) in Inquiry.SENDABLE:
                status = Inquiry.Notification.RETRYING if retrying else Inquiry.Notification.FAILED
                setattr(inquiry, message.status_field, status)
        if retrying:
            retry_later(inquiry, delays[inquiry.notification_attempts - 1])
        inquiry.save(
            update_fields=["notification_attempts", "notification_error", *(message.status_field for message in errors)]
        )


def requeue(inquiry_id, *, enqueue=True):
    """Give an inquiry's unsent messages a fresh set of retries, replacing any job still waiting for its time."""
    with transaction.atomic():
        inquiry = Inquiry.objects.select_for_update().get(pk=inquiry_id)
        for message in MESSAGES:
            if getattr(inquiry, message.status_field) == Inquiry.Notification.FAILED:
                setattr(inquiry, message.status_field, Inquiry.Notification.PENDING)
        inquiry.notification_attempts = 0
        inquiry.save(update_fields=["notice_status", "acknowledgement_status", "notification_attempts"])
        notification_jobs(inquiry_id).filter(status="READY").delete()
        if enqueue:
            notify_later(inquiry)
    return inquiry


class LeaseExpired(Exception):
    """A notification job stayed "running" past its lease: its worker died while it ran."""


def requeue_stuck(*, dry_run=False):
    """Fail jobs stuck running past the lease and queue a job for every inquiry still owed one without a live job.

    Returns the number of stuck jobs and the inquiries queued again.
    """
    now = timezone.now()
    expired = now - datetime.timedelta(seconds=settings.INQUIRY_NOTIFICATION_LEASE_SECONDS)
    stuck = notification_jobs().filter(status="RUNNING", started_at__lt=expired)
    live = notification_jobs().filter(models.Q(status="READY") | models.Q(status="RUNNING", started_at__gte=expired))
    live_ids = set(live.values_list("args_kwargs__args__0", flat=True))
    orphans = list(
        Inquiry.objects.inbox()
        .filter(models.Q(notice_status__in=Inquiry.SENDABLE) | models.Q(acknowledgement_status__in=Inquiry.SENDABLE))
        .exclude(pk__in=live_ids)
        .order_by("created_at")
    )
    if dry_run:
        return stuck.count(), orphans
    stuck_count = stuck.update(
        status="FAILED",
        finished_at=now,
        exception_class_path=f"{__name__}.{LeaseExpired.__qualname__}",
        traceback=f"{LeaseExpired.__doc__} (lease {settings.INQUIRY_NOTIFICATION_LEASE_SECONDS} s)",
    )
    for inquiry in orphans:
        with transaction.atomic():
            notify_later(inquiry)
    return stuck_count, orphans
