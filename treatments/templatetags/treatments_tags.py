from django import template

from ellemes.structured_data import json_ld_script

register = template.Library()


@register.filter
def json_ld(data):
    """`data` (a dict from `treatments.structured_data`) as a JSON-LD script element; nothing for None."""
    return json_ld_script(data) if data else ""
