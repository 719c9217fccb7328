"""Keeping ended specials out of the site search without a scheduled job.

`SpecialPage.get_indexed_objects()` leaves ended specials out whenever the index is written
(on save, on `update_index`), and saving an ended special removes it. A special that simply
runs out was indexed while it ran, so once a day (per cache) the first page rendered with the
announcement bar removes the specials that have ended since from the index.
"""

from django.core.cache import cache
from django.utils.timezone import localdate
from wagtail.search import index

from specials.models import SpecialPage


def remove_ended_from_search(on=None):
    """Remove every ended special from the search index; returns how many were removed."""
    ended = list(SpecialPage.objects.ended(on).only("pk", "title", "content_type"))
    for special in ended:
        index.remove_object(special)
    return len(ended)


def remove_ended_from_search_once_a_day(on=None):
    """Run `remove_ended_from_search` at most once per clinic day (per cache)."""
    on = on or localdate()
    key = f"specials:search-pruned:{on.isoformat()}"
    if cache.add(key, True, timeout=60 * 60 * 25):
        remove_ended_from_search(on)


def remove_when_saved_ended(sender, instance, **kwargs):
    """post_save: an ended special that is saved (say, to fix a typo) leaves the search index."""
    if not kwargs.get("raw") and instance.starts_on and instance.ends_on and instance.has_ended:
        index.remove_object(instance)
