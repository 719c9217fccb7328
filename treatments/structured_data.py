"""Schema.org data for treatments, as plain dicts: the procedure with its prices, its FAQs, the price list."""

from django.utils.html import strip_tags

from ellemes.public_urls import absolute_url, public_site
from ellemes.structured_data import clinic_business
from treatments.prices import PriceKind

UNIT_TEXT = {"unit": "unit", "syringe": "syringe", "session": "session", "area": "area", "package": "package"}


def price_specification(price):
    """A `UnitPriceSpecification`: the amount, or for a range and a starting price its bounds."""
    data = {"@type": "UnitPriceSpecification", "priceCurrency": "USD", "price": f"{price.amount:.2f}"}
    if price.unit:
        data["unitText"] = UNIT_TEXT[price.unit]
    if price.kind == PriceKind.RANGE and price.upper_amount is not None:
        data["minPrice"] = f"{price.amount:.2f}"
        data["maxPrice"] = f"{price.upper_amount:.2f}"
    elif price.kind == PriceKind.FROM:
        data["minPrice"] = f"{price.amount:.2f}"
    return data


def offer(page, price, url=None):
    data = {
        "@type": "Offer",
        "name": f"{page.title}: {price.label}" if price.label else page.title,
        "price": f"{price.amount:.2f}",
        "priceCurrency": "USD",
        "priceSpecification": price_specification(price),
    }
    if url:
        data["url"] = url
    return data


def _person(provider, request):
    data = {"@type": "Person", "name": provider.title, "url": provider.get_full_url(request)}
    if provider.license_type:
        data["hasCredential"] = {
            "@type": "EducationalOccupationalCredential",
            "credentialCategory": provider.license_type,
        }
    return data


def treatment_data(page, request, clinic):
    """A `MedicalProcedure` offered by the clinic, with its prices as offers and its providers as performers."""
    site = public_site(request)
    url = page.get_full_url(request)
    data = {
        "@context": "https://schema.org",
        "@type": "MedicalProcedure",
        "name": page.title,
        "description": page.summary,
        "url": url,
        "provider": clinic_business(clinic, site),
    }
    if page.hero_image:
        data["image"] = absolute_url(site, page.hero_image.get_rendition("fill-1200x630").url)
    if page.how_it_works:
        data["howPerformed"] = strip_tags(page.how_it_works)
    if page.preparation:
        data["preparation"] = strip_tags(page.preparation)
    if page.aftercare:
        data["followup"] = strip_tags(page.aftercare)
    offers = [offer(page, price, url) for price in page.prices.all() if price.amount is not None]
    if offers:
        data["offers"] = offers
    if page.providers:
        data["performer"] = [_person(provider, request) for provider in page.providers]
    if page.medical_review_is_current:
        data["lastReviewed"] = page.last_reviewed_on.isoformat()
    return data


def faq_page(page):
    """A `FAQPage` with the treatment's questions and answers, or None without any."""
    entities = [
        {
            "@type": "Question",
            "name": block.value["question"],
            "acceptedAnswer": {"@type": "Answer", "text": block.value["answer"].source},
        }
        for block in page.faqs
        if block.block_type == "faq" and block.value["question"] and block.value["answer"]
    ]
    if not entities:
        return None
    return {"@context": "https://schema.org", "@type": "FAQPage", "mainEntity": entities}


def offer_catalog(index_page, categories, request):
    """The price list as an `OfferCatalog`: one catalog per category, one offer per price."""
    return {
        "@context": "https://schema.org",
        "@type": "OfferCatalog",
        "name": "Treatment prices",
        "url": index_page.get_full_url(request) + "prices/",
        "itemListElement": [
            {
                "@type": "OfferCatalog",
                "name": category.title,
                "itemListElement": [
                    offer(treatment, price, treatment.get_full_url(request))
                    for treatment in category.listed
                    for price in treatment.prices.all()
                    if price.amount is not None
                ],
            }
            for category in categories
        ],
    }
