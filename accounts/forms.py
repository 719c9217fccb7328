"""Forms of the staff accounts: the second-factor code and the queued, throttled password reset."""

from django import forms
from django.conf import settings
from django.core.cache import cache
from wagtail.admin.forms.auth import PasswordResetForm

from accounts.tasks import send_password_reset
from ellemes.client_ip import client_ip


class CodeForm(forms.Form):
    """One code: six digits from the authenticator app, or one backup code."""

    code = forms.CharField(
        label="Code",
        max_length=32,
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "autofocus": True, "spellcheck": "false"}),
    )

    def clean_code(self):
        return "".join(self.cleaned_data["code"].split()).lower()


class RateLimit:
    """A count of requests per key and window in the shared cache, raised atomically."""

    def __init__(self, name, key):
        self.window = settings.PASSWORD_RESET_RATE_LIMIT_WINDOW
        self.limit = settings.PASSWORD_RESET_RATE_LIMIT
        self.key = f"accounts:{name}:{key}"

    def hit(self):
        """Count one request; False once the limit is passed."""
        cache.add(self.key, 0, timeout=self.window)
        try:
            count = cache.incr(self.key)
        except ValueError:  # expired between add and incr
            cache.set(self.key, 1, timeout=self.window)
            count = 1
        return count <= self.limit


class QueuedPasswordResetForm(PasswordResetForm):
    """Queues the reset email for every address alike, so the answer never tells which addresses are staff."""

    throttled_message = (
        "Too many password reset requests. For your account’s safety, please wait an hour and try again, "
        "or ask a site manager to help."
    )

    def __init__(self, *args, request=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.request = request
        self.throttled = False

    def clean(self):
        cleaned = super().clean()
        email = cleaned.get("email")
        if email and self.request is not None:
            # Both counts always go up, so which one ran out says nothing about the address.
            by_client = RateLimit("password-reset-client", client_ip(self.request)).hit()
            by_address = RateLimit("password-reset-address", email.strip().lower()).hit()
            if not (by_client and by_address):
                self.throttled = True
                raise forms.ValidationError(self.throttled_message, code="throttled")
        return cleaned

    def save(self, **kwargs):
        """Queue the work; the task itself looks the address up, so a known and an unknown one cost the same here."""
        send_password_reset.enqueue(self.cleaned_data["email"])
