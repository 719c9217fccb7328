"""The Staff Spotlight: who it shows this week, and its place in the footer and on the home page."""

from django.utils import timezone

from ellemes.models import ClinicSettings
from ellemes.public_urls import public_site
from ellemes.slots import once_per_request
from staff.models import StaffSettings


def spotlight_for(day, site=None):
    """The staff member in the spotlight on `day`: the editors' choice if on show, else this week's turn."""
    site = site or public_site()
    if site is None:
        return None
    return StaffSettings.spotlight_for(site, day)


def spotlight_for_request(request):
    """Today's spotlight for the request's site, worked out once per request (footer and home page share it)."""

    def today():
        return spotlight_for(timezone.localdate(), public_site(request))

    return once_per_request(request, "staff spotlight", today)


def caption(member, clinic_name):
    return f"{member.name_license_and_role} at {clinic_name}"


def _context(variant):
    def get_context(request, page):
        if request is None:
            return None
        member = spotlight_for_request(request)
        if member is None:
            return None
        # At most once per page: the footer (rendered after the page's body) leaves it out when the
        # body already shows it, as the home page does.
        if variant == "footer" and getattr(request, "_staff_spotlight_shown", False):
            return None
        request._staff_spotlight_shown = True
        return {
            "member": member,
            "variant": variant,
            "caption": caption(member, ClinicSettings.for_request(request).name),
        }

    return get_context


footer_context = _context("footer")
home_context = _context("home")
