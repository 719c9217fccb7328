"""Page view restrictions read once per request instead of once per listing.

Every `.public()` listing and Wagtail's own check before serving a page ask the database for the
view restrictions. During a GET request for a public page they cannot change, so the page cache
middleware opens a request scope in which the first lookup is shared by the rest, and
kept for the content generation.
"""

from contextlib import contextmanager
from contextvars import ContextVar

_restrictions: ContextVar[list | None] = ContextVar("page_view_restrictions", default=None)
_in_scope: ContextVar[bool] = ContextVar("page_view_restrictions_scope", default=False)


@contextmanager
def request_scope():
    scope, cached = _in_scope.set(True), _restrictions.set(None)
    try:
        yield
    finally:
        _restrictions.reset(cached)
        _in_scope.reset(scope)


def all_restrictions():
    """Every view restriction with its page, read at most once in a request scope."""
    from wagtail.models import PageViewRestriction

    if not _in_scope.get():
        return list(PageViewRestriction.objects.select_related("page"))
    restrictions = _restrictions.get()
    if restrictions is None:
        from ellemes.page_cache import cached_per_generation

        # Restrictions are public content: changing one starts a new generation.
        restrictions = cached_per_generation(
            "view-restrictions", [], lambda: list(PageViewRestriction.objects.select_related("page"))
        )
        _restrictions.set(restrictions)
    return restrictions


def _private_q(self):
    from django.db.models import Q

    q = Q()
    for restriction in all_restrictions():
        q |= self.descendant_of_q(restriction.page, inclusive=True)
    # Match no page if no private section exists (as Wagtail does).
    return q if q else Q(pk__in=[])


def _get_view_restrictions(original):
    def get_view_restrictions(self):
        from wagtail.models import PageViewRestriction

        if _in_scope.get() and not all_restrictions():
            return PageViewRestriction.objects.none()  # nothing is restricted anywhere
        return original(self)

    return get_view_restrictions


def install():
    from wagtail.models import Page
    from wagtail.query import PageQuerySet

    if getattr(PageQuerySet.private_q, "_shared", False):
        return
    _private_q._shared = True
    PageQuerySet.private_q = _private_q
    Page.get_view_restrictions = _get_view_restrictions(Page.get_view_restrictions)
