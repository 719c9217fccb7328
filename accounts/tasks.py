"""Background work for staff accounts: the password reset email, sent by the durable worker."""

from urllib.parse import urlsplit

from django.conf import settings
from django_tasks import task
from wagtail.admin.forms.auth import PasswordResetForm


@task(backend="durable")
def send_password_reset(email):
    """Email a reset link to each active account with this address; nothing when there is none."""
    form = PasswordResetForm({"email": email})
    if not form.is_valid():
        return "invalid address"
    # The link's address comes from the settings, never from the Host header of whoever asked.
    base_url = urlsplit(settings.WAGTAILADMIN_BASE_URL)
    form.save(
        domain_override=base_url.netloc,
        use_https=base_url.scheme == "https",
        subject_template_name="wagtailadmin/account/password_reset/email_subject.txt",
        email_template_name="wagtailadmin/account/password_reset/email.txt",
        from_email=settings.DEFAULT_FROM_EMAIL,
    )
    return "done"
