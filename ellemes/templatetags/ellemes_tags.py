from django import template
from django.utils.html import format_html, format_html_join
from django.utils.safestring import mark_safe
from wagtail.models import Site

from ellemes import public_urls, slots
from ellemes.images import FORMATS, PRESETS

register = template.Library()


@register.simple_tag(takes_context=True)
def slot(context, name):
    """Render what the content apps registered for the named layout slot."""
    return slots.render(name, context.get("request"), context.get("page"))


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
    for menu_page in site.root_page.get_children().live().public().in_menu().specific(defer=True):
        state = None
        if current is not None and current.path.startswith(menu_page.path):
            state = "page" if current.pk == menu_page.pk else "true"
        items.append({"page": menu_page, "current": state})
    return items


class FragmentNode(template.Node):
    def __init__(self, name, vary, nodelist, per_page=False):
        self.name, self.vary, self.nodelist, self.per_page = name, vary, nodelist, per_page

    def render(self, context):
        from ellemes.page_cache import cached_per_generation

        request = context.get("request")
        vary = [value.resolve(context) for value in self.vary]
        if self.per_page:
            page, variant = context.get("page"), context.get("fragment_variant", "")
            # Previews show editors their unsaved changes; a page may opt out for some requests.
            if getattr(request, "is_preview", False) or getattr(page, "pk", None) is None or variant is None:
                return self.nodelist.render(context)
            vary += [page.pk, variant]
        # Per host: several sites may share the code, each with its own settings and menu.
        vary.insert(0, request.get_host() if request else "")
        return cached_per_generation(self.name, vary, lambda: self.nodelist.render(context))


def _fragment_tag(parser, token, per_page):
    bits = token.split_contents()
    if len(bits) < 2:
        raise template.TemplateSyntaxError(f"{bits[0]} needs a name")
    nodelist = parser.parse((f"end{bits[0]}",))
    parser.delete_first_token()
    vary = [parser.compile_filter(bit) for bit in bits[2:]]
    return FragmentNode(bits[1].strip("\"'"), vary, nodelist, per_page=per_page)


@register.tag
def layout_fragment(parser, token):
    """`{% layout_fragment "footer" var… %}…{% endlayout_fragment %}`: shared layout cached per content generation.

    Only for markup that is the same on every page apart from the values named after the name.
    """
    return _fragment_tag(parser, token, per_page=False)


@register.tag
def page_fragment(parser, token):
    """`{% page_fragment "article-body" var… %}…{% endpage_fragment %}`: part of one page, kept per content generation.

    For markup that depends only on the published page, other published content, the day, the
    context's `fragment_variant` (say, the listing's page number; None when this request must not
    be cached) and the values named after the name: never on the visitor (no form tokens, nothing
    personal). Previews are never cached. Context only the fragment needs should be a callable, so
    that a cached fragment costs no query.
    """
    return _fragment_tag(parser, token, per_page=True)


@register.simple_tag(takes_context=True)
def menu_section(context):
    """The top-level section the current page belongs to (what the menu's aria-current depends on)."""
    page = context.get("page")
    path = getattr(page, "path", "") or ""
    return f"{path[:12]}:{getattr(page, 'depth', 0) <= 3}"


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
