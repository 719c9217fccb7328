"""The clinic's `MedicalBusiness`: its profiles, its place on the map, its image and its price range."""

import json
from decimal import Decimal

import pytest
from bs4 import BeautifulSoup
from django.core.exceptions import ValidationError
from wagtail.models import Site

from ellemes.factories import ImageFactory
from ellemes.models import social_link

pytestmark = pytest.mark.usefixtures("small_site")


def business(client, path):
    """The `MedicalBusiness` a page describes: the contact page's clinic, or the team's employer."""
    html = BeautifulSoup(client.get(path).content, "html.parser")
    scripts = [json.loads(script.string) for script in html.find_all("script", type="application/ld+json")]
    # Beside the breadcrumbs' own (tested with the shared include).
    (data,) = [item for item in scripts if item.get("@type") != "BreadcrumbList"]
    return data


@pytest.fixture
def described_clinic(clinic):
    clinic.logo = ImageFactory(
        title="Structured data logo",
        alt_text="Clinic logo",
        file__width=300,
        file__height=100,
        file__filename="structured-data-logo.jpg",
    )
    clinic.price_range = "$$$"
    clinic.latitude, clinic.longitude = Decimal("33.749000"), Decimal("-84.388000")
    clinic.social_links = [
        social_link("Instagram", "https://www.instagram.com/ellemes.example/"),
        social_link("TikTok", "https://www.tiktok.com/@ellemes.example"),
    ]
    clinic.save()
    return clinic


@pytest.mark.django_db
class TestClinicBusiness:
    @pytest.mark.parametrize("path", ["/contact/", "/staff/"])
    def test_names_profiles_place_image_and_price_range_when_set(self, client, described_clinic, path):
        data = business(client, path)
        assert data["sameAs"] == [
            "https://www.instagram.com/ellemes.example/",
            "https://www.tiktok.com/@ellemes.example",
        ]
        assert data["geo"] == {"@type": "GeoCoordinates", "latitude": 33.749, "longitude": -84.388}
        assert data["priceRange"] == "$$$"
        site_root = Site.objects.get(is_default_site=True).root_url
        assert data["image"].startswith(f"{site_root}/")
        assert "structured-data-logo" in data["image"]

    def test_leaves_out_what_is_not_set(self, client, described_clinic):
        described_clinic.latitude = described_clinic.longitude = None
        described_clinic.price_range = ""
        described_clinic.logo = None
        described_clinic.social_links = []
        described_clinic.save()
        data = business(client, "/contact/")
        assert not {"geo", "priceRange", "sameAs"} & data.keys()
        # Without an uploaded logo the clinic is pictured by the ELLEMES wordmark.
        assert data["image"].endswith("/static/img/logo.png")


@pytest.mark.django_db
class TestCoordinates:
    @pytest.mark.parametrize(("latitude", "longitude"), [("90.000001", "0"), ("-90.5", "0"), ("0", "180.5")])
    def test_must_be_on_the_globe(self, clinic, latitude, longitude):
        clinic.latitude, clinic.longitude = Decimal(latitude), Decimal(longitude)
        with pytest.raises(ValidationError):
            clinic.full_clean()

    @pytest.mark.parametrize(
        ("latitude", "longitude", "missing"), [("33.7", None, "longitude"), (None, "-84.3", "latitude")]
    )
    def test_come_in_pairs(self, clinic, latitude, longitude, missing):
        clinic.latitude = Decimal(latitude) if latitude else None
        clinic.longitude = Decimal(longitude) if longitude else None
        with pytest.raises(ValidationError) as error:
            clinic.full_clean()
        assert missing in error.value.message_dict

    def test_the_edges_of_the_globe_are_valid(self, clinic):
        clinic.latitude, clinic.longitude = Decimal("-90"), Decimal("180")
        clinic.full_clean()
