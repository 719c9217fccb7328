from django import template
from wagtail.models import Site

from ellemes import slots

register = template.Library()


@register.simple_tag(takes_context=True)
def slot(context, name):
    """Render what the content apps registered for the named layout slot."""
    return slots.render(name, context.get("request"), context.get("page"))


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
