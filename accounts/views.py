"""Views of the staff accounts: the lockout page, enrolling and entering the second factor, password reset."""

from axes.helpers import get_cool_off
from django.conf import settings
from django.contrib import messages
from django.shortcuts import redirect, render
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.decorators import method_decorator
from django.utils.http import url_has_allowed_host_and_scheme, urlencode
from django.views import View
from django.views.decorators.cache import never_cache
from django.views.decorators.debug import sensitive_post_parameters
from django_otp import login as otp_login
from django_otp import verify_token
from django_otp.plugins.otp_static.models import StaticDevice
from django_otp.plugins.otp_totp.models import TOTPDevice
from wagtail.admin.views.account import PasswordResetView

from accounts import two_factor
from accounts.forms import CodeForm, QueuedPasswordResetForm
from ellemes.models import ClinicSettings
from ellemes.public_urls import public_site


def clinic_contact(request):
    """The clinic's phone and email from its settings, or None when the site is not set up yet."""
    site = public_site(request)
    return ClinicSettings.for_site(site) if site else None


def locked_out(request, original_response=None, credentials=None):
    """django-axes' answer to a locked-out sign-in: when to try again and whom to ask, as a 429."""
    cool_off = get_cool_off(request)
    retry_at = timezone.localtime(timezone.now() + cool_off)
    # Rendered now: the middleware replacing the login page sits inside the others, which read the content.
    response = render(
        request,
        "accounts/locked_out.html",
        {"site_name": settings.WAGTAIL_SITE_NAME, "retry_at": retry_at, "clinic": clinic_contact(request)},
        status=429,
    )
    response["Retry-After"] = str(int(cool_off.total_seconds()))
    response["Cache-Control"] = "no-store"
    return response


def next_url(request):
    """Where to go once the second factor is done: the page first asked for, if it is on this site."""
    candidate = request.POST.get("next") or request.GET.get("next") or ""
    if url_has_allowed_host_and_scheme(
        candidate, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return candidate
    return reverse("wagtailadmin_home")


def verified(request, device):
    """Mark this session as having passed the second factor, under a new session key."""
    request.session.cycle_key()
    otp_login(request, device)


@method_decorator([never_cache, sensitive_post_parameters()], name="dispatch")
class TwoFactorSetupView(View):
    """Enrol an authenticator app: scan the QR code, confirm one code, keep the backup codes shown once."""

    template_name = "accounts/two_factor_setup.html"

    def dispatch(self, request, *args, **kwargs):
        # A second authenticator needs the first: with only a password, the enrolled go to the code page.
        if two_factor.is_enrolled(request.user) and not request.user.is_verified():
            return redirect(f"{reverse('accounts_two_factor_verify')}?{urlencode({'next': next_url(request)})}")
        return super().dispatch(request, *args, **kwargs)

    def get(self, request):
        return self.render(CodeForm())

    def post(self, request):
        if "new_backup_codes" in request.POST and request.user.is_verified():
            codes = two_factor.new_backup_codes(request.user)
            return self.render_codes(codes)
        form = CodeForm(request.POST)
        device = two_factor.pending_authenticator(request.user)
        if form.is_valid():
            if device.verify_token(form.cleaned_data["code"]):
                codes = two_factor.confirm_authenticator(device)
                verified(request, device)
                return self.render_codes(codes)
            form.add_error(
                "code",
                "That code did not match. Check that your phone’s clock is right, then enter the code "
                "the app shows now.",
            )
        return self.render(form, status=400)

    def render(self, form, status=200):
        device = two_factor.pending_authenticator(self.request.user)
        context = {
            "form": form,
            "qr_code": two_factor.qr_code_svg(device.config_url),
            "secret": two_factor.readable_secret(device),
            "next": next_url(self.request),
            "enrolled": two_factor.is_enrolled(self.request.user),
            "backup_codes_left": two_factor.backup_codes_left(self.request.user),
        }
        return TemplateResponse(self.request, self.template_name, context, status=status)

    def render_codes(self, codes):
        context = {"codes": codes, "next": next_url(self.request)}
        return TemplateResponse(self.request, "accounts/backup_codes.html", context)


@method_decorator([never_cache, sensitive_post_parameters()], name="dispatch")
class TwoFactorVerifyView(View):
    """After the password: a code from the authenticator app, or one backup code (which is then used up)."""

    template_name = "accounts/two_factor_verify.html"

    def dispatch(self, request, *args, **kwargs):
        if not two_factor.is_enrolled(request.user):
            return redirect(f"{reverse('accounts_two_factor_setup')}?{urlencode({'next': next_url(request)})}")
        return super().dispatch(request, *args, **kwargs)

    def get(self, request):
        return self.render(CodeForm())

    def post(self, request):
        form = CodeForm(request.POST)
        if form.is_valid():
            device = self.device_for(request.user, form.cleaned_data["code"])
            if device is not None:
                verified(request, device)
                if isinstance(device, StaticDevice):
                    left = two_factor.backup_codes_left(request.user)
                    messages.warning(
                        request,
                        f"You used a backup code; {left} left. Make new ones under Account › Two-factor "
                        "authentication.",
                    )
                return redirect(next_url(request))
            form.add_error("code", "That code did not match. Enter the code your app shows now, or a backup code.")
        return self.render(form, status=400)

    @staticmethod
    def device_for(user, code):
        """The device that accepts `code`: six digits go to the authenticator app, anything else is a backup code."""
        model = TOTPDevice if code.isdigit() and len(code) == 6 else StaticDevice
        for device in model.objects.filter(user=user, confirmed=True):
            verified = verify_token(user, device.persistent_id, code)
            if verified is not None:
                return verified
        return None

    def render(self, form, status=200):
        context = {"form": form, "next": next_url(self.request)}
        return TemplateResponse(self.request, self.template_name, context, status=status)


class QueuedPasswordResetView(PasswordResetView):
    """Wagtail's password reset, with the email queued for the worker and requests throttled."""

    form_class = QueuedPasswordResetForm

    def get_form_class(self):
        return self.form_class

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "request": self.request}

    def form_invalid(self, form):
        response = super().form_invalid(form)
        if form.throttled:
            response.status_code = 429
        return response
