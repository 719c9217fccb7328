"""Schema.org data as JSON-LD, shared by every app that describes its pages to search engines.

Each app's `structured_data.py` returns plain dicts; templates render them with the `json_ld` filter
(ellemes_tags), the one place that turns data into a `<script type="application/ld+json">`.
"""

import json

from django.core.serializers.json import DjangoJSONEncoder
from django.templatetags.static import static
from django.utils.safestring import mark_safe

from ellemes.public_urls import absolute_url, public_site

# As Django's json_script does: text from editors (a title with "</script>") can never close the element.
_SCRIPT_ESCAPES = {ord("<"): "\\u003C", ord(">"): "\\u003E", ord("&"): "\\u0026"}


def json_ld_script(data):
    """A `<script type="application/ld+json">` element holding `data`, safe to put in a template."""
    payload = json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False).translate(_SCRIPT_ESCAPES)
    # Safe: every character that could end the script element is escaped above.
    return mark_safe(f'<script type="application/ld+json">{payload}</script>')  # noqa: S308  # nosec B308 B703


def logo_url(clinic, site):
    """The clinic's logo as an absolute URL: the one uploaded in Clinic details, else the ELLEMES wordmark."""
    if clinic.logo:
        return absolute_url(site, clinic.logo.get_rendition("height-160").url)
    return absolute_url(site, static("img/logo.png"))


def clinic_business(clinic, site):
    """The clinic as a schema.org `MedicalBusiness`, the same wherever a page names it: as the
    publisher of an article, the employer of a team member, the seller of a special."""
    data = {"@type": "MedicalBusiness", "name": clinic.name}
    if site is not None:
        data["url"] = absolute_url(site, "/")
        data["image"] = logo_url(clinic, site)
    if clinic.phone:
        data["telephone"] = clinic.phone
    if clinic.price_range:
        data["priceRange"] = clinic.price_range
    if clinic.street_address:
        data["address"] = {
            "@type": "PostalAddress",
            "streetAddress": clinic.street_address,
            "addressLocality": clinic.city,
            "addressRegion": clinic.region,
            "postalCode": clinic.postal_code,
            "addressCountry": "US",
        }
    if clinic.has_coordinates:
        data["geo"] = {
            "@type": "GeoCoordinates",
            "latitude": float(clinic.latitude),
            "longitude": float(clinic.longitude),
        }
    if same_as := [link.url for link in clinic.links]:
        data["sameAs"] = same_as
    return data


def opening_hours_specification(clinic):
    """One entry per distinct opening time, listing the weekdays that share it; closed days are left out."""
    groups = {}
    for day in clinic.hours:
        if day.closed or not (day.opens and day.closes):
            continue
        key = (day.opens.strftime("%H:%M"), day.closes.strftime("%H:%M"))
        groups.setdefault(key, []).append(day.get_weekday_display())
    return [
        {"@type": "OpeningHoursSpecification", "dayOfWeek": days, "opens": opens, "closes": closes}
        for (opens, closes), days in groups.items()
    ]


def clinic_data(clinic, request):
    """The clinic in full for its own contact details: what every page says of it, plus hours, email and logo."""
    site = public_site(request)
    data = {
        "@context": "https://schema.org",
        **clinic_business(clinic, site),
        "@type": ["MedicalBusiness", "HealthAndBeautyBusiness"],
        "openingHoursSpecification": opening_hours_specification(clinic),
    }
    if clinic.email:
        data["email"] = clinic.email
    if site is not None:
        data["logo"] = logo_url(clinic, site)
    return data
