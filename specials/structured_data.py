"""Schema.org data for specials: an `Offer` per special and an `ItemList` on the index."""

import datetime

from ellemes.images import SHARE_IMAGE
from ellemes.models import ClinicSettings
from ellemes.public_urls import absolute_url, public_site
from ellemes.structured_data import clinic_business
from specials.schedule import clinic_midnight


def _clinic(request):
    if request is not None:
        return ClinicSettings.for_request(request), public_site(request)
    site = public_site()
    return ClinicSettings.for_site(site), site


def share_image_url(special, site):
    if special.image is None:
        return None
    return absolute_url(site, special.image.get_rendition(SHARE_IMAGE).url)


def offer_data(special, request=None):
    clinic, site = _clinic(request)
    data = {
        "@context": "https://schema.org",
        "@type": "Offer",
        "name": special.title,
        "description": special.summary,
        "url": special.get_full_url(request),
        "priceCurrency": "USD",
        "validFrom": clinic_midnight(special.starts_on).isoformat(),
        # The offer holds through the whole of its last day, clinic time.
        "validThrough": (clinic_midnight(special.ends_on + datetime.timedelta(days=1)) - datetime.timedelta(seconds=1))
        .replace(microsecond=0)
        .isoformat(),
        "seller": clinic_business(clinic, site),
    }
    if special.price is not None:
        data["price"] = f"{special.price:.2f}"
    if special.shown_regular_price is not None and special.special_price is not None:
        data["priceSpecification"] = {
            "@type": "UnitPriceSpecification",
            "price": f"{special.shown_regular_price:.2f}",
            "priceCurrency": "USD",
            "priceType": "https://schema.org/ListPrice",
        }
    image = share_image_url(special, site)
    if image:
        data["image"] = image
    treatments = [treatment.name for treatment in special.treatments.all()]
    if treatments:
        data["itemOffered"] = [{"@type": "Service", "name": name} for name in treatments]
    return data


def item_list_data(specials, request=None):
    return {
        "@context": "https://schema.org",
        "@type": "ItemList",
        "itemListElement": [
            {"@type": "ListItem", "position": position, "name": special.title, "url": special.get_full_url(request)}
            for position, special in enumerate(specials, start=1)
        ],
    }
