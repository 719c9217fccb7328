"""What specials put in the shared layout: the announcement bar, the home page section, staff profiles."""

from django.db.models import Case, IntegerField, Value, When

from ellemes.public_urls import public_site
from specials.models import SpecialPage, SpecialsIndexPage, SpecialsSettings

HOME_LIMIT = 3


def _settings_for(request):
    if request is not None:
        return SpecialsSettings.for_request(request)
    site = public_site()
    return SpecialsSettings.for_site(site) if site else None


def bar_special(request=None, on=None):
    """The special the announcement bar features: the picked one while it runs, else the one ending soonest."""
    specials_settings = _settings_for(request)
    picked_id = specials_settings.featured_special_id if specials_settings else None
    running = SpecialPage.objects.published().running(on)
    if picked_id:
        # One query either way: the picked special sorts first if it is running at all.
        running = running.annotate(
            picked=Case(When(pk=picked_id, then=Value(0)), default=Value(1), output_field=IntegerField())
        ).order_by("picked", "ends_on", "starts_on", "path")
    else:
        running = running.ending_soonest()
    return running.first()


def _index_url(request):
    index_page = SpecialsIndexPage.objects.published().first()
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
