"""Two-factor authentication for the admin: a password, then a code from an authenticator app or a backup code.

Every user who can reach the admin enrols an authenticator app (TOTP) before any admin page opens, and
enters a code after each password sign-in. Enrolling also makes single-use backup codes. Outside the
admin a session that has only passed the password counts as anonymous, so a stolen password alone
opens nothing a signed-in user would see (restricted pages, documents, the editor's toolbar).
"""

from base64 import b32encode

import segno
from django.conf import settings
from django.contrib.auth.models import AnonymousUser
from django.contrib.auth.views import redirect_to_login
from django.db import transaction
from django.urls import Resolver404, resolve, reverse
from django_otp import user_has_device
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

AUTHENTICATOR_NAME = "Authenticator app"
BACKUP_CODES_NAME = "Backup codes"

# Admin pages a signed-in user may open before the second factor: signing out, enrolling, entering a code,
# and the icons and translations those pages load.
OPEN_BEFORE_SECOND_FACTOR = {
    "wagtailadmin_login",
    "wagtailadmin_logout",
    "wagtailadmin_sprite",
    "wagtailadmin_javascript_catalog",
    "accounts_two_factor_setup",
    "accounts_two_factor_verify",
}


def needs_second_factor(user):
    """Whether this signed-in user can reach the admin, and so must present a second factor."""
    return user.is_superuser or user.has_perm("wagtailadmin.access_admin")


def is_exempt(user):
    """`make run`'s own admin, and only under the development settings with DEBUG on."""
    return (
        settings.DEBUG
        and settings.SETTINGS_MODULE == "ellemes.settings.dev"
        and user.get_username() in getattr(settings, "TWO_FACTOR_EXEMPT_USERNAMES", ())
    )


def has_passed(user):
    """Signed in and, when the admin asks it of them, verified by a second factor in this session."""
    if not user.is_authenticated:
        return False
    return user.is_verified() or not needs_second_factor(user) or is_exempt(user)


def is_enrolled(user):
    return user_has_device(user, confirmed=True)


def pending_authenticator(user):
    """The not yet confirmed authenticator being enrolled, made on first use; reused so a reload keeps the QR code."""
    device = TOTPDevice.objects.filter(user=user, confirmed=False).first()
    return device or TOTPDevice.objects.create(user=user, name=AUTHENTICATOR_NAME, confirmed=False)


@transaction.atomic
def confirm_authenticator(device):
    """Make `device` the user's only authenticator, with a fresh set of backup codes; returns the codes."""
    TOTPDevice.objects.filter(user=device.user).exclude(pk=device.pk).delete()
    device.confirmed = True
    device.save(update_fields=["confirmed"])
    return new_backup_codes(device.user)


@transaction.atomic
def new_backup_codes(user):
    """Replace the user's backup codes with new single-use ones; returns them to show once."""
    StaticDevice.objects.filter(user=user).delete()
    device = StaticDevice.objects.create(user=user, name=BACKUP_CODES_NAME, confirmed=True)
    codes = [StaticToken.random_token() for _ in range(settings.TWO_FACTOR_BACKUP_CODES)]
    StaticToken.objects.bulk_create(StaticToken(device=device, token=code) for code in codes)
    return codes


def qr_code_svg(config_url):
    """The enrolment QR code as inline SVG, made here: the secret never leaves for a QR service."""
    return segno.make(config_url, error="m").svg_inline(
        scale=5, light="#fff", title="QR code for your authenticator app"
    )


def readable_secret(device):
    """The secret in groups of four letters, for typing into an app that cannot scan."""
    secret = b32encode(device.bin_key).decode().rstrip("=")
    return " ".join(secret[i : i + 4] for i in range(0, len(secret), 4))


def backup_codes_left(user):
    return StaticToken.objects.filter(device__user=user, device__confirmed=True).count()


class TwoFactorRequiredMiddleware:
    """No admin page without a second factor; elsewhere a password-only session counts as anonymous."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = request.user
        if user.is_authenticated and not has_passed(user):
            if request.path_info.startswith(reverse("wagtailadmin_home")):
                if self.url_name(request) not in OPEN_BEFORE_SECOND_FACTOR:
                    step = "accounts_two_factor_verify" if is_enrolled(user) else "accounts_two_factor_setup"
                    return redirect_to_login(request.get_full_path(), reverse(step))
            else:
                request.user = AnonymousUser()
        return self.get_response(request)

    @staticmethod
    def url_name(request):
        try:
            return resolve(request.path_info).url_name
        except Resolver404:
            return None
