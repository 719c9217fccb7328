"""Full-page cache for anonymous visitors, invalidated by content changes and bounded by the schedule.

Pages are stored in the "pages" cache under a generation number; any change to public
content bumps the generation, which retires every cached page at once, whether the change
came from the admin, a management command or scheduled publishing. Content apps may cap
how long a page may be kept (the specials app caps it at the next start or end of a special)
with `register_lifetime_limit`.
"""

import contextvars
import datetime
import hashlib
import time
from collections.abc import Callable

from django.conf import settings
from django.core.cache import caches
from django.utils import timezone
from django.utils.cache import patch_cache_control

GENERATION_KEY = "page-cache-generation"
# The generation a public read started with. It is read once, so all of a page's fragments come from
# one generation and a shared cache (Redis) is asked for it once per request, not once per fragment.
_request_generation = contextvars.ContextVar("request_generation", default=None)
CACHEABLE_STATUS = {200}
_lifetime_limits: list[Callable[[], int | None]] = []


def register_lifetime_limit(seconds_left):
    """`seconds_left()` returns how many seconds a page rendered now may be kept, or None for no limit."""
    if seconds_left not in _lifetime_limits:
        _lifetime_limits.append(seconds_left)


def page_lifetime():
    lifetime = settings.PAGE_CACHE_SECONDS
    limit = _seconds_until_limit()
    if limit is not None:
        lifetime = min(lifetime, limit)
    return max(lifetime, 0)


def _seconds_until_limit():
    """Seconds left before the earliest registered limit, worked out once per content generation.

    A limit is a moment (the next start or end of a special): it moves only when content changes,
    which starts a new generation, so the moment is kept and only the seconds left are recomputed.
    """
    cache = page_cache()
    key = f"page-limit:{generation()}"
    now = time.time()
    deadline = cache.get(key)
    if deadline is None:
        limits = [int(limit) for limit in (seconds_left() for seconds_left in _lifetime_limits) if limit is not None]
        deadline = now + min(limits) if limits else "none"
        if not limits or min(limits) > 0:
            cache.set(key, deadline, timeout=min(limits) if limits else settings.PAGE_CACHE_SECONDS)
    if deadline == "none":
        return None
    return max(int(deadline - now), 0)


def generation():
    current = _request_generation.get()
    return current if current is not None else page_cache().get(GENERATION_KEY, 0)


def seconds_until_midnight():
    """Seconds until the clinic's next midnight, when day-based content (the weekly spotlight, the year) may change."""
    now = timezone.localtime()
    midnight = datetime.datetime.combine(now.date() + datetime.timedelta(days=1), datetime.time.min, now.tzinfo)
    return max(int((midnight - now).total_seconds()), 0)


def cached_per_generation(name, vary, compute, keep=None):
    """A rendered fragment (header, footer, a page's body) or a value every page needs (the site,
    its settings), worked out once per content generation instead of on every request.

    It lives no longer than a cached page would, and never past the clinic's midnight: it is stored
    with that lifetime, so whatever the cache still holds is current and a hit needs no more checks.
    None is never kept, nor a value for which `keep(value)` is false: the next request works it out again.
    """
    if not settings.LAYOUT_CACHE_ENABLED:
        return compute()
    cache = page_cache()
    key = _fragment_key(generation(), name, tuple(vary))
    value = cache.get(key)
    if value is None:
        value = compute()
        lifetime = _fragment_lifetime()
        if value is not None and lifetime > 0 and (keep is None or keep(value)):
            cache.set(key, value, timeout=lifetime)
    return value


def cached_many_per_generation(name, keys, compute_missing):
    """Several values of one kind (one per search result, say) in a single cache round trip.

    `compute_missing(keys)` works out, as a dict by key, the values the cache does not hold yet.
    They are kept like those of `cached_per_generation`.
    """
    if not settings.LAYOUT_CACHE_ENABLED:
        return compute_missing(keys)
    cache = page_cache()
    current = generation()
    cache_keys = {key: _fragment_key(current, name, key) for key in keys}
    found = cache.get_many(cache_keys.values())
    values = {key: found[cache_key] for key, cache_key in cache_keys.items() if cache_key in found}
    missing = [key for key in keys if key not in values]
    if missing:
        computed = compute_missing(missing)
        lifetime = _fragment_lifetime()
        if lifetime > 0:
            cache.set_many({cache_keys[key]: value for key, value in computed.items()}, timeout=lifetime)
        values.update(computed)
    return values


def _fragment_key(current_generation, name, vary):
    return f"fragment:{current_generation}:{name}:{hashlib.sha256(repr(vary).encode()).hexdigest()[:32]}"


def _fragment_lifetime():
    return min(page_lifetime(), seconds_until_midnight())


def share_site_and_settings(request):
    """Give a public read the site and the clinic's settings from the cache rather than two queries.

    Both are public content, so any change to them starts a new generation. The site's home page
    is stored in its specific form, ready for routing.
    """
    from wagtail.models import Site

    from ellemes.models import ClinicSettings

    def find_site():
        site = Site.find_for_request(request)
        if site is not None:
            site.root_page.specific  # noqa: B018 - kept with the site, so routing starts without a query
        return site

    site = cached_per_generation("site", [request.get_host(), request.get_port()], find_site)
    if site is None:
        return
    request._wagtail_site = site  # where Site.find_for_request keeps its answer for the request
    clinic = cached_per_generation("clinic-settings", [site.pk], lambda: ClinicSettings.for_site(site))
    clinic._request = request
    setattr(request, ClinicSettings.get_cache_attr_name(), clinic)


def page_cache():
    return caches[settings.PAGE_CACHE_ALIAS]


def invalidate_all():
    _request_generation.set(None)  # whatever this request renders next belongs to the new generation
    cache = page_cache()
    try:
        cache.incr(GENERATION_KEY)
    except ValueError:
        cache.set(GENERATION_KEY, 1, timeout=None)


def _cache_key(request):
    encoding = "gzip" if "gzip" in request.META.get("HTTP_ACCEPT_ENCODING", "") else "identity"
    url = f"{encoding}:{request.get_host()}{request.get_full_path()}"
    digest = hashlib.sha256(url.encode()).hexdigest()
    return f"page:{generation()}:{digest}"


def _is_public_read(request):
    """A GET or HEAD for a page of the site (not the admin, the health check, media or static files)."""
    return request.method in ("GET", "HEAD") and not any(
        request.path.startswith(prefix) for prefix in settings.PAGE_CACHE_SKIP_PREFIXES
    )


def _is_cacheable_request(request):
    if not settings.PAGE_CACHE_ENABLED:
        return False
    if settings.SESSION_COOKIE_NAME in request.COOKIES:
        return False  # signed-in staff, or a visitor mid-form: always fresh
    return "q" not in request.GET


def _is_cacheable_response(request, response):
    if response.status_code not in CACHEABLE_STATUS or response.streaming or response.cookies:
        return False
    if request.META.get("CSRF_COOKIE_NEEDS_UPDATE") or request.META.get("CSRF_COOKIE_USED"):
        return False  # the page holds a form with a per-visitor token
    cache_control = response.get("Cache-Control", "")
    return not any(word in cache_control for word in ("private", "no-cache", "no-store"))


class PageCacheMiddleware:
    """Serve anonymous GET/HEAD requests for public pages from the cache; `X-Cache` says hit, miss or skip."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not _is_public_read(request):
            return self._mark(self.get_response(request), "skip")
        started_with = _request_generation.set(generation())
        try:
            return self._serve_public_read(request)
        finally:
            _request_generation.reset(started_with)

    def _serve_public_read(self, request):
        if not _is_cacheable_request(request):
            return self._mark(self._render(request), "skip")
        key = _cache_key(request)
        cached = page_cache().get(key)
        if cached is not None:
            return self._mark(cached, "hit")
        response = self._render(request)
        lifetime = page_lifetime()
        if lifetime <= 0 or not _is_cacheable_response(request, response):
            return self._mark(response, "skip")
        patch_cache_control(response, public=True, max_age=min(60, lifetime), s_maxage=lifetime)
        if hasattr(response, "render") and callable(response.render):
            response = response.render()
        page_cache().set(key, response, timeout=lifetime)
        return self._mark(response, "miss")

    def _render(self, request):
        share_site_and_settings(request)  # only for pages actually rendered: a cache hit needs neither
        return self.get_response(request)

    @staticmethod
    def _mark(response, state):
        response["X-Cache"] = state
        return response


def _invalidate_on_change(sender, **kwargs):
    if kwargs.get("raw"):
        return
    if _is_public_content(sender):
        invalidate_all()


def _is_public_content(model):
    from wagtail.contrib.settings.models import BaseGenericSetting, BaseSiteSetting
    from wagtail.images.models import AbstractImage
    from wagtail.models import BaseViewRestriction, Orderable, Page, Site
    from wagtail.snippets.models import get_snippet_models

    public = (Page, Site, BaseSiteSetting, BaseGenericSetting, AbstractImage, BaseViewRestriction)
    if issubclass(model, public):
        return True
    if model in get_snippet_models():
        return True
    # Inline rows (opening hours, social links) belong to whatever they hang off.
    return issubclass(model, Orderable) and any(
        _is_public_content(field.related_model)
        for field in model._meta.get_fields()
        if getattr(field, "many_to_one", False) and field.related_model is not model
    )


def _invalidate_on_m2m_change(sender, instance, **kwargs):
    # The sender is the link table; what changed is the object on either end (a view restriction's groups).
    if _is_public_content(sender) or _is_public_content(type(instance)):
        invalidate_all()


def _invalidate(**kwargs):
    invalidate_all()


def connect_invalidation():
    """Retire cached pages whenever public content changes, however the change was made."""
    from django.db.models.signals import m2m_changed, post_delete, post_save
    from wagtail.signals import page_published, page_unpublished, post_page_move

    post_save.connect(_invalidate_on_change, dispatch_uid="page_cache_post_save")
    post_delete.connect(_invalidate_on_change, dispatch_uid="page_cache_post_delete")
    m2m_changed.connect(_invalidate_on_m2m_change, dispatch_uid="page_cache_m2m")
    page_published.connect(_invalidate, dispatch_uid="page_cache_published")
    page_unpublished.connect(_invalidate, dispatch_uid="page_cache_unpublished")
    post_page_move.connect(_invalidate, dispatch_uid="page_cache_moved")
