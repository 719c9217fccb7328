"""Any change to public content empties the `pages` cache and purges the edge, whoever made it
(the admin, a management command, scheduled publishing).

Everything is purged at once: the site is small, and a single rule leaves nothing stale by accident.
"""

import logging
import time

from django.conf import settings
from django.core.cache import caches
from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_save
from wagtail.contrib.frontend_cache.utils import PurgeBatch, get_backends
from wagtail.contrib.redirects.models import Redirect
from wagtail.contrib.settings.models import BaseGenericSetting, BaseSiteSetting
from wagtail.images.models import AbstractImage
from wagtail.models import BaseViewRestriction, Orderable, Page, Site
from wagtail.signals import page_published, page_unpublished, post_page_move
from wagtail.snippets.models import get_snippet_models
from wagtailcache.cache import clear_cache

from ellemes.page_cache import CHANGED_AT_KEY

logger = logging.getLogger(__name__)
_last_purge_started = 0.0


def clear_everything():
    """Empty the `pages` cache and purge every page of every site from the edge caches."""
    global _last_purge_started
    _last_purge_started = time.monotonic()
    clear_cache()
    # Pages still rendering from the data before this change must not be kept (page_cache.changed_since).
    caches[settings.WAGTAIL_CACHE_BACKEND].set(CHANGED_AT_KEY, time.time(), None)
    if not get_backends():
        return
    batch = PurgeBatch()
    for site in Site.objects.all():
        # The site root first: the Varnish configuration bans everything under a purged path.
        batch.add_urls([f"{site.root_url}/", f"{site.root_url}/sitemap.xml"])
    batch.add_pages(Page.objects.live().filter(depth__gt=1))
    batch.purge()


def content_changed(sender=None, **kwargs):
    """Clear now, so this process never serves what it just changed; clear and purge again on commit,
    so no other process keeps a page it rendered from the data before the commit."""
    if kwargs.get("raw"):
        return
    clear_cache()
    changed_at = time.monotonic()
    transaction.on_commit(lambda: _purge_unless_done_since(changed_at))


def _purge_unless_done_since(changed_at):
    # One publish sends several signals; the first purge after them covers them all.
    if _last_purge_started <= changed_at:
        clear_everything()


def _model_changed(sender, **kwargs):
    if is_public_content(sender):
        content_changed(**kwargs)


def _links_changed(sender, instance, **kwargs):
    # The sender is the link table; what changed is the object on either end (a view restriction's groups).
    if is_public_content(sender) or is_public_content(type(instance)):
        content_changed(**kwargs)


def is_public_content(model):
    """Pages, sites, settings, snippets, images, redirects, view restrictions, and rows that belong to them."""
    public = (Page, Site, BaseSiteSetting, BaseGenericSetting, AbstractImage, BaseViewRestriction, Redirect)
    if issubclass(model, public) or model in get_snippet_models():
        return True
    # Inline rows (opening hours, social links, related articles) belong to whatever they hang off.
    return issubclass(model, Orderable) and any(
        is_public_content(field.related_model)
        for field in model._meta.get_fields()
        if getattr(field, "many_to_one", False) and field.related_model is not model
    )


def connect():
    """Connect the signals once, from `EllemesConfig.ready()`."""
    post_save.connect(_model_changed, dispatch_uid="cache_invalidation_saved")
    post_delete.connect(_model_changed, dispatch_uid="cache_invalidation_deleted")
    m2m_changed.connect(_links_changed, dispatch_uid="cache_invalidation_links")
    page_published.connect(content_changed, dispatch_uid="cache_invalidation_published")
    page_unpublished.connect(content_changed, dispatch_uid="cache_invalidation_unpublished")
    post_page_move.connect(content_changed, dispatch_uid="cache_invalidation_moved")
