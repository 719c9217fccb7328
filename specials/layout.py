"""What specials put in the shared layout: the announcement bar, the home page section, staff profiles."""

from django.db.models import Exists, OuterRef

from ellemes.public_urls import public_site
from ellemes.slots import section_page
from specials.models import SpecialPage, SpecialsIndexPage, SpecialsSettings

HOME_LIMIT = 3


def bar_special(request=None, on=None):
    """The special the announcement bar features: the editors' pick (Settings › Announcement bar) while it
    runs, else the running one ending soonest. One query: the pick is read within it."""
    picked = SpecialsSettings.objects.filter(site=public_site(request), featured_special=OuterRef("pk"))
    running = SpecialPage.objects.published().running(on).annotate(picked=Exists(picked))
    return running.order_by("-picked", "ends_on", "starts_on", "path").first()


def _index_url(request):
    index_page = section_page(request, SpecialsIndexPage)
    return index_page.get_url(request) if index_page else None


def announcement_context(request, page):
    special = bar_special(request)
    if special is None:
        return None
    return {"special": special, "specials_url": _index_url(request)}


def home_context(request, page):
    specials = list(SpecialPage.objects.published().running().ending_soonest().for_cards()[:HOME_LIMIT])
    if not specials:
        return None
    return {"specials": specials, "specials_url": _index_url(request)}


def staff_profile_context(request, page):
    """The running specials the person on this profile provides (the staff app knows nothing of specials)."""
    related = getattr(page, "specials", None)
    if related is None or not hasattr(related, "running"):
        return None
    specials = list(related.published().running().ending_soonest().for_cards())
    if not specials:
        return None
    return {"specials": specials, "provider": page}
