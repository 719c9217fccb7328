from django import template
from wagtail.models import Site

from contact.jsonld import clinic_data, json_ld_script

register = template.Library()


@register.simple_tag(takes_context=True)
def clinic_json_ld(context):
    """The clinic as schema.org JSON-LD, from the site's clinic details."""
    from ellemes.models import ClinicSettings

    request = context.get("request")
    if request is None:
        return ""
    site = Site.find_for_request(request)
    clinic = ClinicSettings.for_site(site) if site else None
    if clinic is None:
        return ""
    return json_ld_script(clinic_data(clinic, request))
