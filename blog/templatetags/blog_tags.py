from django import template

from ellemes.structured_data import json_ld_script

register = template.Library()


@register.filter
def ld_json(data):
    """Render `data` as a JSON-LD script element that is safe whatever the text inside it."""
    return json_ld_script(data)
