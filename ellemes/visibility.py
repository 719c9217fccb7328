"""What a visitor may see of the page tree: live pages outside any private section.

Wagtail's `PageQuerySet.public()` reads every view restriction in a query of its own each time it is
called, and a page lists many querysets (the menu, the announcement bar, the cards). The same rule,
written as a subquery, costs no query of its own: `published()` below is used wherever the site lists pages
(every page model's manager has it; for plain pages, `PublishedPageQuerySet(Page)`).
"""

from django.db.models import Exists, OuterRef
from django.db.models.functions import Length, Substr
from wagtail.models import PageManager, PageViewRestriction
from wagtail.query import PageQuerySet


def outside_private_sections():
    """A filter for pages that no view restriction covers, on the page itself or on an ancestor: the rule of
    Wagtail's `public()`. A restriction covers the pages whose tree path begins with its page's path."""
    covering = PageViewRestriction.objects.filter(page__path=Substr(OuterRef("path"), 1, Length("page__path")))
    return ~Exists(covering)


class PublishedPageQuerySet(PageQuerySet):
    def published(self):
        """Live and outside any private section: the pages a visitor may see listed."""
        return self.live().filter(outside_private_sections())


PublishedPageManager = PageManager.from_queryset(PublishedPageQuerySet)
