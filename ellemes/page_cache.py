"""The page cache rule in one place: anonymous GET pages are cached whole, at the edge and in the `pages`
cache, until the next change by the calendar; signed-in users, previews, forms and sessions never are.

wagtail-cache stores and serves the pages (configured in settings: `WAGTAIL_CACHE_*`); this module says
which responses may be kept and for how long, states every response's cacheability, and keeps the site
up when Redis is not. `ellemes.cache_invalidation` empties the caches when content changes.
"""

import datetime
import logging
import re
import time

import redis
from django.conf import settings
from django.core.cache import caches
from django.core.cache.backends.base import DEFAULT_TIMEOUT
from django.core.cache.backends.redis import RedisCache
from django.utils import timezone
from django.utils.cache import add_never_cache_headers, cc_delim_re, patch_cache_control
from django.utils.http import parse_http_date_safe
from wagtail import hooks

logger = logging.getLogger(__name__)

LIFETIME_HOOK = "page_cache_expires_by"
# When public content last changed (seconds since the epoch), set in the `pages` cache on every purge.
CHANGED_AT_KEY = "content-changed-at"


def is_anonymous_read(request):
    """A GET or HEAD without a session, outside the admin and previews: the layout is the same for everyone."""
    return (
        settings.PAGE_CACHE_ENABLED
        and request.method in ("GET", "HEAD")
        and settings.SESSION_COOKIE_NAME not in request.COOKIES
        # Previews are rendered through a dummy request; `is_preview` is set only once the page serves it.
        and not getattr(request, "is_dummy", False)
        and not getattr(request, "is_preview", False)
        and not request.path.startswith(tuple(settings.PAGE_CACHE_SKIP_PREFIXES))
    )


def is_public_read(request):
    """An anonymous read carrying none of a visitor's own words (a search, a thank-you reference): the only
    requests a shared cache may answer whole."""
    return is_anonymous_read(request) and not any(name in request.GET for name in settings.PAGE_PRIVATE_PARAMETERS)


@hooks.register("is_request_cacheable")
def only_public_reads(request, is_cacheable):
    return is_cacheable and is_public_read(request)


@hooks.register("is_response_cacheable")
def only_pages_given_a_lifetime(response, is_cacheable):
    # PageLifetimeMiddleware marks what may be kept; anything else (media, a 404, a form) is not.
    return is_cacheable and "s-maxage" in response.get("Cache-Control", "")


def expires_by(now):
    """The moment a page rendered at `now` stops being current: the usual lifetime, the clinic's next
    midnight, or an earlier change by the calendar that an app reports through the `page_cache_expires_by`
    hook (`fn(now)` returns an aware datetime, or None)."""
    today = timezone.localdate(now)
    midnight = datetime.datetime.combine(
        today + datetime.timedelta(days=1), datetime.time.min, timezone.get_current_timezone()
    )
    moments = [now + datetime.timedelta(seconds=settings.PAGE_CACHE_SECONDS), midnight]
    moments += [moment for fn in hooks.get_hooks(LIFETIME_HOOK) if (moment := fn(now)) is not None]
    return min(moments)


def show_until(request, moment):
    """The page being rendered shows something true only until `moment` (the clinic's “Open now”): it is
    kept no longer. Only that page: the calendar hooks above shorten every page's lifetime."""
    if request is None or moment is None:
        return
    current = getattr(request, "_shown_until", None)
    request._shown_until = moment if current is None else min(current, moment)


def never_cached(response):
    """For one visitor only (staff, a form, an error): no shared cache keeps it, browsers ask again."""
    add_never_cache_headers(response)
    patch_cache_control(response, private=True)
    return response


def _without_vary_cookie(response):
    # Cached pages hold nothing per visitor (no CSRF token, no session), so a cookie must not split them.
    if response.has_header("Vary"):
        kept = [item for item in cc_delim_re.split(response["Vary"]) if item.lower() != "cookie"]
        if kept:
            response["Vary"] = ", ".join(kept)
        else:
            del response["Vary"]


class PageLifetimeMiddleware:
    """Inside wagtail-cache: gives each cacheable page its lifetime, and marks every other public read private."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        started = timezone.now()  # what the page shows was current at this moment, not when rendering ended
        response = self.get_response(request)
        if response.has_header("Expires") and "s-maxage" in response.get("Cache-Control", ""):
            _without_vary_cookie(response)  # a page from the cache: the session middleware looked again
            return response
        if response.has_header("Cache-Control"):
            return response  # the view said (search, media, server errors)
        if not is_public_read(request) or response.status_code != 200 or response.streaming or response.cookies:
            return never_cached(response)
        expiry = expires_by(started)
        if getattr(request, "_shown_until", None) is not None:
            expiry = min(expiry, request._shown_until)
        lifetime = int((expiry - timezone.now()).total_seconds())
        if lifetime <= 0 or changed_since(started):
            return never_cached(response)
        _without_vary_cookie(response)
        patch_cache_control(response, public=True, max_age=lifetime, s_maxage=lifetime)
        return response


def layout_fragment(request):
    """How the shared layout (announcement bar, menu, footer) of this response may be kept in the `pages`
    cache, for the pages never cached whole (contact, search) and the first view of the others:
    `(seconds, version)` for `includes/layout_fragment.html`.

    Only anonymous reads keep it (0 seconds: rendered without the cache), a search included: the fragments
    never hold the visitor's words. Never past the next change by the calendar. `version` is when content
    last changed, so a fragment rendered from the data before a change is never read after it.
    """
    if request is None or not is_anonymous_read(request):
        return 0, ""
    now = timezone.now()
    version = caches[settings.WAGTAIL_CACHE_BACKEND].get(CHANGED_AT_KEY, "")
    return max(int((expires_by(now) - now).total_seconds()), 0), version


def changed_since(moment):
    """Whether public content changed after `moment`. A page whose rendering began before a change
    committed may show the old content; kept after the purge, it would stay stale for its lifetime.
    (Compared in wall-clock time: the app servers keep their clocks in sync.)"""
    changed_at = caches[settings.WAGTAIL_CACHE_BACKEND].get(CHANGED_AT_KEY)
    return changed_at is not None and changed_at > moment.timestamp()


class PublicPageMiddleware:
    """Outside wagtail-cache: one cache key per encoding, and a `Cache-Control` on every response.

    Browsers cannot be purged, so they keep a page at most `PAGE_BROWSER_SECONDS`; shared caches (the
    edge, which is purged) keep it until the `pages` cache entry expires, never past the next change.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if is_public_read(request):
            # Clients spell Accept-Encoding many ways; the bytes differ only by gzip or not.
            gzip = "gzip" in request.META.get("HTTP_ACCEPT_ENCODING", "")
            request.META["HTTP_ACCEPT_ENCODING"] = "gzip" if gzip else "identity"
        response = self.get_response(request)
        cache_control = response.get("Cache-Control", "")
        if "s-maxage" in cache_control:
            expires = parse_http_date_safe(response.get("Expires", ""))
            # Expires is when the `pages` cache lets the page go; without that cache, the lifetime just given.
            remaining = _s_maxage(cache_control) if expires is None else max(int(expires - time.time()), 0)
            browser = min(remaining, settings.PAGE_BROWSER_SECONDS)
            response["Cache-Control"] = f"public, max-age={browser}, s-maxage={remaining}"
        elif not cache_control:
            never_cached(response)
        return response


def _s_maxage(cache_control):
    for item in cc_delim_re.split(cache_control):
        name, _, value = item.partition("=")
        if name.strip() == "s-maxage":
            return int(value)
    return 0


def _without_password(url):
    # The warnings below name the server; a password in its URL must not reach the logs.
    return re.sub(r"//[^@/]*@", "//", url)


class ResilientRedisCache(RedisCache):
    """Django's Redis cache that answers "not cached" when Redis is down or hanging, instead of an error.

    Short socket timeouts bound the wait; after a failure the server is left alone for
    `RETRY_SECONDS`, so a hanging Redis costs one timeout per interval, not one per request.
    A warning is logged when Redis stops answering and again when it is back, not per request.
    """

    RETRY_SECONDS = 30
    _down_until = {}  # per server, shared by the threads of a process

    def __init__(self, server, params):
        options = {"socket_connect_timeout": 0.25, "socket_timeout": 0.5, **params.get("OPTIONS", {})}
        params = {**params, "OPTIONS": options}
        super().__init__(server, params)

    def _guard(self, operation, fallback, *args, **kwargs):
        location = _without_password(self._servers[0])
        if self._down_until.get(location, 0) > time.monotonic():
            return fallback
        try:
            result = getattr(super(), operation)(*args, **kwargs)
        except (redis.RedisError, OSError) as error:
            if location not in self._down_until:
                logger.warning("Cache at %s is not answering (%s); pages are served uncached.", location, error)
            self._down_until[location] = time.monotonic() + self.RETRY_SECONDS
            return fallback
        if self._down_until.pop(location, None) is not None:
            logger.warning("Cache at %s answers again.", location)
        return result

    def get(self, key, default=None, version=None):
        return self._guard("get", default, key, default, version)

    def get_many(self, keys, version=None):
        return self._guard("get_many", {}, keys, version)

    def has_key(self, key, version=None):
        return self._guard("has_key", False, key, version)

    def add(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        return self._guard("add", False, key, value, timeout, version)

    def set(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        return self._guard("set", None, key, value, timeout, version)

    def set_many(self, data, timeout=DEFAULT_TIMEOUT, version=None):
        return self._guard("set_many", list(data), data, timeout, version)

    def touch(self, key, timeout=DEFAULT_TIMEOUT, version=None):
        return self._guard("touch", False, key, timeout, version)

    def incr(self, key, delta=1, version=None):
        return self._guard("incr", None, key, delta, version)

    def delete(self, key, version=None):
        return self._guard("delete", False, key, version)

    def delete_many(self, keys, version=None):
        return self._guard("delete_many", None, keys, version)

    def clear(self):
        return self._guard("clear", None)
