"""Spam protection for the inquiry form without a third-party CAPTCHA.

Layers: a honeypot field, a signed one-time form token that also dates the form,
a link/keyword heuristic and a per-IP rate limit in the shared Django cache (counted in the
database when the cache has no count, say because it is down).
Only the rate limit turns a sender away; everything else sends the inquiry to
quarantine, where staff can still rescue a real patient's message.
"""

import hashlib
import re
import secrets
import time

from django.conf import settings
from django.core import signing
from django.core.cache import cache
from django.db import connection

from contact.models.inquiry import Inquiry
from ellemes.client_ip import client_ip

TOKEN_SALT = "contact.inquiry-form"  # noqa: S105 - a signing namespace, not a secret

LINK = re.compile(r"(https?://|www\.|\[url|<a\s)", re.IGNORECASE)
SPAM_WORDS = re.compile(
    r"\b(viagra|cialis|casino|crypto(currency)?|bitcoin|forex|backlinks?|seo services|payday loan|"
    r"web traffic|guest post|escort)\b",
    re.IGNORECASE,
)
MAX_LINKS = 2


def new_form_token():
    """A signed, dated token for one rendering of the form; its nonce makes a resubmission recognizable."""
    return signing.dumps({"nonce": secrets.token_hex(16), "issued": int(time.time())}, salt=TOKEN_SALT)


def read_form_token(value):
    """Return (nonce, reason): the nonce if the token is genuine, and why the submission looks automated, if it does."""
    try:
        data = signing.loads(value or "", salt=TOKEN_SALT)
        nonce, issued = str(data["nonce"]), int(data["issued"])
    except (signing.BadSignature, KeyError, TypeError, ValueError):
        return None, "missing or altered form token"
    age = time.time() - issued
    if age < settings.INQUIRY_MIN_FILL_SECONDS:
        return nonce, f"sent {max(age, 0):.1f} seconds after the form was shown"
    if age > settings.INQUIRY_MAX_FORM_AGE:
        return nonce, "form was more than 24 hours old"
    return nonce, ""


def content_spam_reason(cleaned_data):
    """Why the words of an inquiry look like spam, or an empty string."""
    if cleaned_data.get("website"):
        return "hidden honeypot field was filled in"
    name = cleaned_data.get("name", "")
    message = cleaned_data.get("message", "")
    if LINK.search(name):
        return "link in the name"
    if len(LINK.findall(message)) > MAX_LINKS:
        return f"more than {MAX_LINKS} links in the message"
    match = SPAM_WORDS.search(f"{name} {message}")
    if match:
        return f"spam keyword “{match.group(0).lower()}”"
    return ""


class RateLimit:
    """At most INQUIRY_RATE_LIMIT inquiries per client address per window.

    `take_slot()` counts an inquiry before it is saved, atomically, so parallel posts cannot all
    pass: in the shared cache (an atomic increment) or, when the cache has no count because it is
    down, in the database under a per-address lock. Each inquiry keeps the window's key, which is
    what the database counts. The address is the client's as seen through the trusted proxies.
    """

    def __init__(self, request, now=None):
        self.now = now if now is not None else time.time()
        self.window = settings.INQUIRY_RATE_LIMIT_WINDOW
        self.limit = settings.INQUIRY_RATE_LIMIT
        bucket = int(self.now // self.window)
        # Hashed so the cache never holds a patient's IP address in clear.
        address = hashlib.sha256(f"{settings.SECRET_KEY}:{client_ip(request)}".encode()).hexdigest()
        # Per window: an address's inquiries in one hour cannot be linked to those of another.
        self.window_key = hashlib.sha256(f"{address}:{bucket}".encode()).hexdigest()[:32]
        self.key = f"contact:inquiries:{self.window_key}"
        self.window_ends = (bucket + 1) * self.window

    def take_slot(self):
        """Count one more inquiry; returns the seconds to wait when that is over the limit, else None.

        Call it inside the transaction that saves the inquiry: the database fallback's lock lasts until then.
        """
        # A cache without a count starts from the database's, so emptying the cache forgives nobody.
        cache.add(self.key, self.stored_count(), timeout=self.window)
        count = cache.incr(self.key)
        if count is None:  # the cache is down: count in the database, one request per address at a time
            self._lock_address()
            count = self.stored_count() + 1
        if count > self.limit:
            return max(int(self.window_ends - self.now), 1)
        return None

    def stored_count(self):
        """Inquiries saved from this address in this window (each keeps `window_key`)."""
        return Inquiry.objects.filter(rate_limit_key=self.window_key).count()

    def _lock_address(self):
        # PostgreSQL holds the lock until the transaction ends; SQLite (development) runs one writer at a time.
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute("SELECT pg_advisory_xact_lock(hashtext(%s))", [self.key])
