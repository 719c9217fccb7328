from django import template
from wagtail.models import Site

from contact.jsonld import clinic_data
from ellemes.models import ClinicSettings
from ellemes.structured_data import json_ld_script

register = template.Library()


@register.simple_tag(takes_context=True)
def clinic_json_ld(context):
    """The clinic as schema.org JSON-LD, from the site's clinic details."""
    request = context.get("request")
    if request is None:
        return ""
    if Site.find_for_request(request) is None:
        return ""
    # The request's own copy of the settings: the layout reads the same one, hours and links included.
    clinic = ClinicSettings.for_request(request)
    return json_ld_script(clinic_data(clinic, request))
