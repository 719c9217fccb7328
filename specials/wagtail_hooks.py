from wagtail import hooks
from wagtail.admin.ui.tables import Column
from wagtail.admin.viewsets.pages import PageListingViewSet

from ellemes.dates import short_date
from specials.models import SpecialPage


class SpecialPageListingViewSet(PageListingViewSet):
    """Every special with its offer status and dates, under “Specials” in the admin menu."""

    model = SpecialPage
    icon = "tag"
    menu_label = "Specials"
    menu_order = 210
    add_to_admin_menu = True
    columns = [
        *PageListingViewSet.columns,
        Column("offer_status", label="Offer", accessor=lambda page: page.status().capitalize(), width="10%"),
        Column("starts_on", label="Starts", accessor=lambda page: short_date(page.starts_on), sort_key="starts_on"),
        Column("ends_on", label="Ends", accessor=lambda page: short_date(page.ends_on), sort_key="ends_on"),
    ]


@hooks.register("register_admin_viewset")
def register_special_listing():
    return SpecialPageListingViewSet("specials")


@hooks.register("page_cache_expires_by")
def next_specials_change(now):
    """Every page carries the announcement bar: none may be cached past a special starting or ending."""
    return SpecialPage.objects.next_change(now)
