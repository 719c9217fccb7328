from django import template

from ellemes.public_urls import public_site
from ellemes.structured_data import json_ld_script
from specials import structured_data

register = template.Library()


@register.simple_tag(takes_context=True)
def offer_json_ld(context, special):
    """The special's schema.org `Offer` as a JSON-LD script element."""
    return json_ld_script(structured_data.offer_data(special, context.get("request")))


@register.simple_tag(takes_context=True)
def specials_item_list_json_ld(context, specials):
    """A schema.org `ItemList` of the listed specials as a JSON-LD script element."""
    return json_ld_script(structured_data.item_list_data(specials, context.get("request")))


@register.simple_tag(takes_context=True)
def share_image_url(context, special):
    """The special's share image as an absolute URL on the site's own host, or None."""
    return structured_data.share_image_url(special, public_site(context.get("request")))


@register.filter
def usd(amount):
    """150 → “$150”, 119.5 → “$119.50”."""
    if amount is None:
        return ""
    if amount == amount.to_integral_value():
        return f"${amount:,.0f}"
    return f"${amount:,.2f}"
