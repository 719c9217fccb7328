"""Named places in the shared layout that content apps fill.

The layout lives in `ellemes` and must not import the content apps, so each app
registers what it shows in a slot (the announcement bar, the footer spotlight,
sections of the home page) from its `AppConfig.ready()`.
"""

from collections.abc import Callable
from dataclasses import dataclass

from django.template.loader import render_to_string
from django.utils.html import format_html_join


@dataclass(frozen=True)
class SlotProvider:
    template_name: str
    get_context: Callable
    order: int


_providers: dict[str, list[SlotProvider]] = {}


def register(slot, template_name, get_context, order=0):
    """Show `template_name` in `slot`; `get_context(request, page)` returns its context or None to show nothing."""
    providers = [p for p in _providers.get(slot, []) if p.template_name != template_name]
    providers.append(SlotProvider(template_name, get_context, order))
    _providers[slot] = sorted(providers, key=lambda p: p.order)


def once_per_request(request, key, compute):
    """`compute()`, worked out once per request for `key`: several parts of a page (the announcement bar,
    the home page's sections, the footer) show the same thing."""
    if request is None:
        return compute()
    found = request.__dict__.setdefault("_slot_values", {})
    if key not in found:
        found[key] = compute()
    return found[key]


def section_page(request, page_type):
    """The live, public page of `page_type`, a section the site has one of (the blog, the specials, the
    treatments), which several parts of a page link to."""
    return once_per_request(request, page_type, lambda: page_type.objects.published().first())


def render(slot, request, page=None):
    parts = []
    for provider in _providers.get(slot, []):
        part = _render_provider(provider, request, page)
        if part:
            parts.append(part)
    # Each part is a rendered (so already escaped) template: join without escaping it again.
    return format_html_join("", "{}", ((part,) for part in parts))


def _render_provider(provider, request, page):
    context = provider.get_context(request, page)
    if context is None:
        return ""
    return render_to_string(provider.template_name, context, request=request)
