"""Schema.org data on treatment pages and the price list: valid JSON, the required properties, nothing unescaped."""

import json
import re
from decimal import Decimal

import pytest
from wagtail.rich_text import RichText

from treatments.factories import TreatmentPriceFactory
from treatments.tests.conftest import staff_member

SCRIPT = re.compile(r'<script type="application/ld\+json">(.*?)</script>', re.S)


def json_ld(client, url):
    response = client.get(url)
    assert response.status_code == 200
    blocks = [json.loads(payload) for payload in SCRIPT.findall(response.content.decode())]
    return {block["@type"]: block for block in blocks}, response.content.decode()


@pytest.fixture
def treatment(catalog):
    page = catalog["treatment"]
    TreatmentPriceFactory(
        page=page, label="Range", amount=Decimal("300"), kind="range", upper_amount=Decimal("450"), unit="session"
    )
    page.faqs = [
        (
            "faq",
            {
                "question": "Is </script><script>alert(1)</script> safe?",
                "answer": RichText("<p>Yes </script> & no.</p>"),
            },
        )
    ]
    page.how_it_works = "<p>A few tiny injections.</p>"
    page.save_revision().publish()
    staff_member("nurse-nadia", title="Nadia Nurse", treatments=[page.treatment])
    return page


def test_a_treatment_is_a_medical_procedure_with_priced_offers(client, treatment):
    data, _ = json_ld(client, treatment.url)
    procedure = data["MedicalProcedure"]
    assert procedure["@context"] == "https://schema.org"
    assert procedure["name"] == "Neuromodulator"
    assert procedure["url"].endswith(treatment.url)
    assert procedure["provider"]["@type"] == "MedicalBusiness" and procedure["provider"]["name"]
    assert procedure["howPerformed"] == "A few tiny injections."
    first, second = procedure["offers"]
    assert first["priceSpecification"] == {
        "@type": "UnitPriceSpecification",
        "priceCurrency": "USD",
        "price": "12.00",
        "unitText": "unit",
        "minPrice": "12.00",
    }
    assert (first["price"], first["priceCurrency"]) == ("12.00", "USD")
    assert second["priceSpecification"]["minPrice"] == "300.00"
    assert second["priceSpecification"]["maxPrice"] == "450.00"
    assert second["priceSpecification"]["unitText"] == "session"
    assert procedure["performer"] == [
        {
            "@type": "Person",
            "name": "Nadia Nurse",
            "url": procedure["performer"][0]["url"],
            "hasCredential": {"@type": "EducationalOccupationalCredential", "credentialCategory": "Registered Nurse"},
        }
    ]


def test_the_faqs_are_a_faq_page_and_cannot_close_the_script(client, treatment):
    data, html = json_ld(client, treatment.url)
    faq = data["FAQPage"]
    (question,) = faq["mainEntity"]
    assert question["@type"] == "Question"
    assert question["name"] == "Is </script><script>alert(1)</script> safe?"
    assert question["acceptedAnswer"] == {"@type": "Answer", "text": "<p>Yes </script> & no.</p>"}
    assert "<script>alert(1)" not in html
    assert "\\u003C/script\\u003E" in html


def test_breadcrumbs_are_a_breadcrumb_list(client, treatment):
    data, _ = json_ld(client, treatment.url)
    names = [item["name"] for item in data["BreadcrumbList"]["itemListElement"]]
    assert names[-3:] == ["Treatments", "Injectables", "Neuromodulator"]
    assert [item["position"] for item in data["BreadcrumbList"]["itemListElement"]] == list(range(1, len(names) + 1))


def test_the_price_list_is_an_offer_catalog(client, treatment):
    data, _ = json_ld(client, "/treatments/prices/")
    catalog = data["OfferCatalog"]
    assert catalog["url"].endswith("/treatments/prices/")
    (category,) = catalog["itemListElement"]
    assert (category["@type"], category["name"]) == ("OfferCatalog", "Injectables")
    assert [offer["price"] for offer in category["itemListElement"]] == ["12.00", "300.00"]
    assert all(offer["priceCurrency"] == "USD" and offer["url"] for offer in category["itemListElement"])


def test_a_treatment_without_faqs_has_no_faq_page(client, catalog):
    page = catalog["treatment"]
    page.faqs = []
    page.save_revision().publish()
    data, _ = json_ld(client, page.url)
    assert "FAQPage" not in data and "MedicalProcedure" in data
