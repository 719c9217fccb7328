from django import template

from ellemes.public_urls import public_site
from specials import structured_data

register = template.Library()


@register.simple_tag(takes_context=True)
def offer_data(context, special):
    """The special's schema.org `Offer` (render it with `json_ld`)."""
    return structured_data.offer_data(special, context.get("request"))


@register.simple_tag(takes_context=True)
def item_list_data(context, specials):
    """A schema.org `ItemList` of the listed specials (render it with `json_ld`)."""
    return structured_data.item_list_data(specials, context.get("request"))


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
