"""Structured data (schema.org JSON-LD) describing the clinic, for search engines and maps."""

from ellemes.public_urls import absolute_url, public_site
from ellemes.structured_data import clinic_business


def opening_hours_specification(clinic):
    """One entry per distinct opening time, listing the weekdays that share it; closed days are left out."""
    groups = {}
    for day in clinic.opening_hours.all():
        if day.closed or not (day.opens and day.closes):
            continue
        key = (day.opens.strftime("%H:%M"), day.closes.strftime("%H:%M"))
        groups.setdefault(key, []).append(day.schema_day)
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
    if clinic.logo:
        data["logo"] = absolute_url(site, clinic.logo.get_rendition("height-160").url)
    return data
