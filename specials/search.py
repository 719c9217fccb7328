"""Keeping ended specials out of the site search.

`SpecialPage.get_indexed_objects()` leaves ended specials out whenever the index is written
(on save, on `update_index`), and saving an ended special removes it. A special that simply
runs out was indexed while it ran: `run_periodic` runs `remove_ended_specials_from_search`
every few minutes (settings.PERIODIC_COMMANDS), so a page view never writes to the database.
"""

from wagtail.search import index

from specials.models import SpecialPage


def remove_ended_from_search(on=None):
    """Remove every ended special from the search index; returns how many were removed."""
    ended = list(SpecialPage.objects.ended(on).only("pk", "title", "content_type"))
    for special in ended:
        index.remove_object(special)
    return len(ended)


def remove_when_saved_ended(sender, instance, **kwargs):
    """post_save: an ended special that is saved (say, to fix a typo) leaves the search index."""
    if not kwargs.get("raw") and instance.starts_on and instance.ends_on and instance.has_ended:
        index.remove_object(instance)
