"""Structured data (schema.org JSON-LD) describing the clinic, for search engines and maps."""

from wagtail.models import Site


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
    site = Site.find_for_request(request)
    root_url = site.root_url.rstrip("/") + "/" if site else request.build_absolute_uri("/")
    data = {
        "@context": "https://schema.org",
        "@type": ["MedicalBusiness", "HealthAndBeautyBusiness"],
        "name": clinic.name,
        "url": root_url,
        "address": {
            "@type": "PostalAddress",
            "streetAddress": clinic.street_address,
            "addressLocality": clinic.city,
            "addressRegion": clinic.region,
            "postalCode": clinic.postal_code,
            "addressCountry": "US",
        },
        "openingHoursSpecification": opening_hours_specification(clinic),
    }
    if clinic.phone:
        data["telephone"] = clinic.phone
    if clinic.email:
        data["email"] = clinic.email
    if clinic.logo:
        data["logo"] = request.build_absolute_uri(clinic.logo.get_rendition("height-160").url)
    return data
