"""Background work for inquiries: tell the front desk, thank the sender, retry when mail fails.

The notices carry no patient data: the front desk reads the inquiry in the admin,
behind a login and the audit log. No header is built from anything a sender typed.
"""

import datetime
import logging

from django.conf import settings
from django.core.mail import EmailMessage
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django_tasks import task
from wagtail.models import Site

from contact.models import Inquiry

logger = logging.getLogger(__name__)


def notify_later(inquiry):
    """Queue the notification job in the caller's transaction: it exists exactly when the inquiry does."""
    return send_inquiry_notification.enqueue(inquiry.pk)


def retry_later(inquiry, delay):
    run_after = timezone.now() + datetime.timedelta(seconds=delay)
    return send_inquiry_notification.using(run_after=run_after).enqueue(inquiry.pk)


def clinic_settings():
    from ellemes.models import ClinicSettings

    site = Site.objects.filter(is_default_site=True).first()
    return ClinicSettings.for_site(site) if site else ClinicSettings()


def admin_url(inquiry):
    path = reverse("inquiries:edit", args=[inquiry.pk])
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path


def front_desk_notice(inquiry, clinic):
    subject = f"New inquiry #{inquiry.reference} ({inquiry.get_inquiry_type_display()})"
    body = (
        f"{subject}\n\n"
        f"Read it and reply in the admin (sign-in required):\n{admin_url(inquiry)}\n\n"
        "This notice deliberately leaves out what the sender wrote.\n"
    )
    return EmailMessage(subject=subject, body=body, to=[clinic.inquiry_inbox or clinic.email])


def acknowledgement(inquiry, clinic):
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


def deliver(inquiry):
    """Send whatever is still owed for this inquiry; raise if the mail server fails."""
    clinic = clinic_settings()
    if inquiry.notified_at is None:
        if clinic.inquiry_inbox or clinic.email:
            front_desk_notice(inquiry, clinic).send()
        inquiry.notified_at = timezone.now()
        inquiry.save(update_fields=["notified_at"])
    if settings.INQUIRY_SEND_ACKNOWLEDGEMENT and inquiry.acknowledged_at is None:
        acknowledgement(inquiry, clinic).send()
        inquiry.acknowledged_at = timezone.now()
        inquiry.save(update_fields=["acknowledged_at"])


@task(backend="durable")
def send_inquiry_notification(inquiry_id):
    """Notify the front desk of one inquiry; on failure try again later, and after the last try flag it."""
    inquiry = Inquiry.objects.filter(pk=inquiry_id).first()
    if inquiry is None or inquiry.is_spam or inquiry.notification_status == Inquiry.Notification.SENT:
        return "nothing to send"
    try:
        deliver(inquiry)
    except Exception as error:
        return record_failure(inquiry, error)
    inquiry.notification_status = Inquiry.Notification.SENT
    inquiry.notification_error = ""
    inquiry.save(update_fields=["notification_status", "notification_error"])
    return "sent"


def record_failure(inquiry, error):
    delays = settings.INQUIRY_NOTIFICATION_RETRY_DELAYS
    # Only the kind of error is kept: an SMTP error message may quote an address.
    logger.warning("Notification for inquiry %s failed: %s", inquiry.pk, type(error).__name__)
    with transaction.atomic():
        inquiry.notification_attempts += 1
        inquiry.notification_error = type(error).__name__
        if inquiry.notification_attempts <= len(delays):
            inquiry.notification_status = Inquiry.Notification.RETRYING
            retry_later(inquiry, delays[inquiry.notification_attempts - 1])
        else:
            inquiry.notification_status = Inquiry.Notification.FAILED
        inquiry.save(update_fields=["notification_attempts", "notification_error", "notification_status"])
    return inquiry.notification_status
