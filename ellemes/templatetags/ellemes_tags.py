from django import template
from django.utils.html import format_html, format_html_join
from django.utils.safestring import mark_safe
from wagtail.models import Page, Site

from ellemes import page_cache, public_urls, slots
from ellemes.images import FORMATS, PRESETS

register = template.Library()


@register.simple_tag(takes_context=True)
def slot(context, name):
    """Render what the content apps registered for the named layout slot."""
    return slots.render(name, context.get("request"), context.get("page"))


@register.simple_tag(takes_context=True)
def layout_cache(context):
    """`seconds` and `version` for caching the shared layout's fragments (ellemes/page_cache.py)."""
    seconds, version = page_cache.layout_fragment(context.get("request"))
    return {"seconds": seconds, "version": version}


@register.simple_tag(takes_context=True)
def absolute_url(context, path):
    """`path` as a public absolute URL, on the host of the request's Wagtail Site (ellemes/public_urls.py)."""
    return public_urls.absolute_url(public_urls.public_site(context.get("request")), path)


@register.simple_tag(takes_context=True)
def main_menu(context):
    """The home page's live children marked “show in menus”, with their aria-current state."""
    request = context.get("request")
    site = Site.find_for_request(request) if request else None
    if site is None:
        return []
    current = context.get("page")
    items = []
    menu = Page.objects.child_of(site.root_page).live().public().in_menu().specific(defer=True)
    for menu_page in menu:
        state = None
        if current is not None and current.path.startswith(menu_page.path):
            state = "page" if current.pk == menu_page.pk else "true"
        items.append({"page": menu_page, "current": state})
    return items


@register.simple_tag
def responsive_image(image, preset_name, priority=False, eager=False, alt=None, css_class=""):
    """A `<picture>` in AVIF, WebP and JPEG at the preset's sizes (ellemes/images.py).

    `priority=True` for the largest image above the fold: loaded at once with `fetchpriority="high"`;
    `eager=True` for small images always in view (the logo); every other image loads lazily.
    Alt text comes from the image (empty when it is decorative).
    """
    if not image:
        return ""
    preset = PRESETS[preset_name]
    renditions = image.get_renditions(*preset.all_specs())
    sources = []
    for image_format, mime_type in FORMATS:
        chosen = _distinct([renditions[spec] for spec in preset.specs(image_format)], preset.density)
        if preset.density:
            srcset = ", ".join(f"{r.url} {n}x" for n, r in enumerate(chosen, start=1))
        else:
            srcset = ", ".join(f"{r.url} {r.width}w" for r in chosen)
        sources.append((mime_type, srcset, chosen))
    fallback = sources[-1][2]
    main = fallback[0] if preset.density else fallback[-1]
    sizes = format_html(' sizes="{}"', preset.sizes) if preset.sizes else ""
    source_tags = format_html_join(
        "", '<source type="{}" srcset="{}"{}>', ((mime, srcset, sizes) for mime, srcset, _ in sources[:-1])
    )
    # Safe: constant markup, nothing from a user.
    if priority:
        loading = mark_safe(' fetchpriority="high"')  # nosec B308
    elif eager:
        loading = ""
    else:
        loading = mark_safe(' loading="lazy" decoding="async"')  # nosec B308
    return format_html(
        '<picture>{}<img src="{}" srcset="{}"{} width="{}" height="{}" alt="{}"{}{}></picture>',
        source_tags,
        main.url,
        sources[-1][1],
        sizes,
        main.width,
        main.height,
        image.default_alt_text if alt is None else alt,
        format_html(' class="{}"', css_class) if css_class else "",
        loading,
    )


def _distinct(renditions, density):
    """Drop renditions no larger than the one before (a small original cannot be enlarged)."""
    kept = []
    for rendition in renditions:
        if not kept or (rendition.height if density else rendition.width) > (
            kept[-1].height if density else kept[-1].width
        ):
            kept.append(rendition)
    return kept
