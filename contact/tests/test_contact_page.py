"""The contact page: tree rules, routes, clinic facts and structured data."""

import json

import pytest
from bs4 import BeautifulSoup

from contact.models import ContactPage

pytestmark = pytest.mark.usefixtures("contact_page")


def json_ld(response):
    """The clinic's structured data (the breadcrumbs' is tested with the shared include)."""
    scripts = BeautifulSoup(response.content, "html.parser").find_all("script", type="application/ld+json")
    data = [json.loads(script.string) for script in scripts]
    clinic = [item for item in data if item.get("@type") != "BreadcrumbList"]
    assert len(clinic) == 1
    return clinic[0]


@pytest.mark.django_db
class TestContactPage:
    def test_lives_once_under_the_home_page(self, home):
        assert ContactPage.can_exist_under(home)
        assert not ContactPage.can_create_at(home)
        assert ContactPage.allowed_subpage_models() == []

    def test_routes(self, contact_page):
        assert contact_page.url == "/contact/"
        assert contact_page.reverse_subpage("thank_you") == "thank-you/"

    def test_shows_the_clinic_facts_and_directions(self, client, clinic):
        html = BeautifulSoup(client.get("/contact/").content, "html.parser")
        main = html.find("main")
        assert main.find("a", href=clinic.phone_href).get_text() == clinic.phone
        assert main.find("a", href=f"mailto:{clinic.email}")
        assert clinic.street_address in main.get_text()
        assert "Saturday" in main.get_text()
        directions = main.find("a", string=lambda s: s and "Get directions" in s) or main.find(
            "a", href=clinic.directions_url
        )
        assert directions["href"] == clinic.directions_url
        assert not html.find("iframe")

    def test_json_ld_describes_the_clinic(self, client, clinic):
        data = json_ld(client.get("/contact/"))
        assert "MedicalBusiness" in data["@type"]
        assert data["name"] == clinic.name
        assert data["telephone"] == clinic.phone
        assert data["address"]["streetAddress"] == clinic.street_address
        assert data["address"]["addressLocality"] == "Atlanta"
        assert data["logo"].startswith("http")
        weekdays = next(spec for spec in data["openingHoursSpecification"] if "Monday" in spec["dayOfWeek"])
        assert weekdays["opens"] == "10:00" and weekdays["closes"] == "19:00"
        assert all("Sunday" not in spec["dayOfWeek"] for spec in data["openingHoursSpecification"])

    def test_json_ld_is_on_the_home_page_too(self, client, home):
        data = json_ld(client.get("/"))
        assert data["@type"] == ["MedicalBusiness", "HealthAndBeautyBusiness"]

    def test_json_ld_cannot_be_broken_out_of(self, client, clinic):
        clinic.name = "</script><script>alert(1)</script>"
        clinic.save()
        body = client.get("/contact/").content.decode()
        assert "</script><script>alert(1)" not in body
        assert json_ld(client.get("/contact/"))["name"] == clinic.name
