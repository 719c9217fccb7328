from django import template
from django.utils.functional import SimpleLazyObject
from wagtail.images.models import Picture
from wagtail.models import Page, Site

from ellemes import hours, page_cache, public_urls, slots, structured_data
from ellemes.images import PICTURES, picture_filters
from ellemes.models import ClinicSettings
from ellemes.visibility import PublishedPageQuerySet

register = template.Library()


@register.simple_tag(takes_context=True)
def slot(context, name):
    """Render what the content apps registered for the named layout slot."""
    return slots.render(name, context.get("request"), context.get("page"))


@register.filter
def json_ld(data):
    """`data` (a dict from an app's structured_data.py) as a JSON-LD script element, safe whatever its text."""
    return structured_data.json_ld_script(data) if data else ""


@register.simple_tag(takes_context=True)
def clinic_data(context):
    """The clinic in full as schema.org data (home and contact pages), or None before a site is set up."""
    request = context.get("request")
    if request is None or public_urls.public_site(request) is None:
        return None
    # The request's own copy of the settings: the layout reads the same one, hours and links included.
    return structured_data.clinic_data(ClinicSettings.for_request(request), request)


@register.simple_tag(takes_context=True)
def layout_cache(context):
    """`seconds` and `version` for caching the shared layout's fragments (ellemes/page_cache.py)."""
    seconds, version = page_cache.layout_fragment(context.get("request"))
    return {"seconds": seconds, "version": version}


@register.simple_tag(takes_context=True)
def clinic_open_state(context):
    """Whether the clinic is open now (an `ellemes.hours.OpenState`), or None when it gives no hours.

    The page is cached no longer than the state holds: it must not say “Open now” after closing time."""
    request = context.get("request")
    if request is None or public_urls.public_site(request) is None:
        return None
    # The request's own copy of the settings, with the hours the page lists beside the state.
    state = hours.open_state(ClinicSettings.for_request(request).hours)
    if state is not None:
        page_cache.show_until(request, state.changes_at)
    return state


@register.simple_tag(takes_context=True)
def absolute_url(context, path):
    """`path` as a public absolute URL, on the host of the request's Wagtail Site (ellemes/public_urls.py)."""
    return public_urls.absolute_url(public_urls.public_site(context.get("request")), path)


def _clinic_settings(context):
    """The request's Clinic details, or the default site's outside a request (emails); None without a site."""
    request = context.get("request")
    site = public_urls.public_site(request)
    if site is None:
        return None
    return ClinicSettings.for_request(request) if request is not None else ClinicSettings.for_site(site)


@register.simple_tag(takes_context=True)
def contact_url(context):
    """The contact page chosen under Settings › Clinic details: every “contact us” link leads there."""
    clinic = _clinic_settings(context)
    return clinic.contact_url(context.get("request")) if clinic else ""


@register.simple_tag(takes_context=True)
def privacy_url(context):
    """The privacy policy chosen under Settings › Clinic details, while published; "" otherwise."""
    clinic = _clinic_settings(context)
    return clinic.privacy_url(context.get("request")) if clinic else ""


@register.simple_tag(takes_context=True)
def main_menu(context):
    """The home page's live children marked “show in menus”, with their aria-current state and any feed.

    Looked up when first used, so a page whose layout comes from the `pages` cache never looks it up."""
    return SimpleLazyObject(lambda: _menu_items(context))


def _menu_items(context):
    request = context.get("request")
    site = Site.find_for_request(request) if request else None
    if site is None:
        return []
    current = context.get("page")
    items = []
    # Menu items may be of any page type: the listing rule applied to plain pages.
    menu = PublishedPageQuerySet(Page).child_of(site.root_page).published().in_menu().specific(defer=True)
    for menu_page in menu:
        state = None
        if current is not None and current.path.startswith(menu_page.path):
            state = "page" if current.pk == menu_page.pk else "true"
        items.append({"page": menu_page, "current": state, **_feed(menu_page, request)})
    return items


def _feed(page, request):
    """A menu page that names a feed (`feed_name`) serves it at its `feed` route (Wagtail's RoutablePageMixin)."""
    if not getattr(page, "feed_name", ""):
        return {}
    return {"feed_name": page.feed_name, "feed_url": page.get_url(request) + page.reverse_subpage("feed")}


@register.simple_tag
def picture_of(image, name, priority=False, eager=False, alt=None, css_class=""):
    """Wagtail's `Picture` of `image` at the sizes named `name` in ellemes/images.py.

    `priority=True` for the largest image above the fold: loaded at once with `fetchpriority="high"`;
    `eager=True` for small images always in view (the logo); every other image loads lazily.
    Alt text comes from the image (empty when it is decorative) unless `alt` is given.
    """
    if not image:
        return ""
    renditions = image.get_renditions(*picture_filters(name))
    sizes = PICTURES[name][1]
    if sizes is None:
        # Shown at the smallest rendition's width: the larger ones serve denser screens.
        sizes = f"{min(rendition.width for rendition in renditions.values())}px"
    attrs = {"sizes": sizes}
    if alt is not None:
        attrs["alt"] = alt
    if css_class:
        attrs["class"] = css_class
    if priority:
        attrs["fetchpriority"] = "high"
    elif not eager:
        attrs.update(loading="lazy", decoding="async")
    return Picture(renditions, attrs)


@register.filter
def grouped_days(hours):
    """Opening hours with consecutive days of the same hours together (“Mon–Fri”): the footer's short form.
    Each row has `days`, and `opens` and `closes` (None when closed)."""
    groups = []
    for day in hours:
        times = (None, None) if day.closed else (day.opens, day.closes)
        if groups and groups[-1][2] == times:
            groups[-1][1] = day
        else:
            groups.append([day, day, times])
    rows = []
    for first, last, (opens, closes) in groups:
        days = first.get_weekday_display()[:3]
        if last is not first:
            days += "–" + last.get_weekday_display()[:3]
        rows.append({"days": days, "opens": opens, "closes": closes})
    return rows
