from decimal import Decimal

import pytest
from django.contrib.auth import get_user_model
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from conftest import VerifiedClient
from ellemes.models import HomePage
from tests.builders import build_sections
from treatments.factories import (
    TreatmentCategoryPageFactory,
    TreatmentPageFactory,
    TreatmentPriceFactory,
)
from treatments.models import TreatmentCategoryPage, TreatmentIndexPage, TreatmentPage
from treatments.prices import PriceKind, PriceUnit
from treatments.tests.conftest import fresh_index


class TreatmentTreeTests(WagtailPageTestCase):
    @classmethod
    def setUpTestData(cls):
        cls.home = build_sections().contact.get_parent().specific
        cls.index = fresh_index()
        cls.category = TreatmentCategoryPageFactory(parent=cls.index, title="Injectables", slug="injectables")
        cls.treatment = TreatmentPageFactory(parent=cls.category, title="Neuromodulator", slug="neuromodulator")
        TreatmentPriceFactory(page=cls.treatment, amount=Decimal("12"), kind=PriceKind.FROM, unit=PriceUnit.UNIT)

    client_class = VerifiedClient

    def setUp(self):
        self.user = get_user_model().objects.create_superuser("treatments-admin", "admin@example.com", "x" * 16)
        self.client.force_login(self.user)

    def test_tree_rules(self):
        self.assertAllowedParentPageTypes(TreatmentIndexPage, {HomePage})
        self.assertAllowedSubpageTypes(TreatmentIndexPage, {TreatmentCategoryPage})
        self.assertAllowedParentPageTypes(TreatmentCategoryPage, {TreatmentIndexPage})
        self.assertAllowedSubpageTypes(TreatmentCategoryPage, {TreatmentPage})
        self.assertAllowedParentPageTypes(TreatmentPage, {TreatmentCategoryPage})
        self.assertAllowedSubpageTypes(TreatmentPage, set())
        self.assertCanCreateAt(HomePage, TreatmentIndexPage)
        self.assertCanNotCreateAt(TreatmentIndexPage, TreatmentPage)

    def test_only_one_treatments_page(self):
        assert TreatmentIndexPage.max_count == 1
        assert not TreatmentIndexPage.can_create_at(self.home)

    def test_can_create_a_category(self):
        self.assertCanCreate(
            self.index, TreatmentCategoryPage, nested_form_data({"title": "Laser", "slug": "laser", "intro": "Light."})
        )

    def test_can_create_a_treatment_with_prices_and_questions(self):
        self.assertCanCreate(
            self.category,
            TreatmentPage,
            nested_form_data(
                {
                    "title": "Lip filler",
                    "slug": "lip-filler",
                    "summary": "Soft, natural-looking lips.",
                    "suits": rich_text("<p>Adults who want fuller lips.</p>"),
                    "not_suited": rich_text("<p>Pregnancy.</p>"),
                    "how_it_works": rich_text("<p>A fine needle.</p>"),
                    "preparation": rich_text(""),
                    "aftercare": rich_text(""),
                    "prices": inline_formset(
                        [
                            {
                                "label": "",
                                "amount": "650",
                                "kind": "exact",
                                "upper_amount": "",
                                "unit": "syringe",
                                "note": "",
                            }
                        ]
                    ),
                    "faqs": streamfield(
                        [("faq", {"question": "Will it look natural?", "answer": rich_text("<p>We start small.</p>")})]
                    ),
                    "concerns": [],
                }
            ),
        )
        created = TreatmentPage.objects.get(slug="lip-filler")
        assert created.prices.get().formatted == "$650 per syringe"

    def post_treatment(self, price, **fields):
        data = {
            "title": "Lip filler",
            "slug": "lip-filler",
            "summary": "Soft, natural-looking lips.",
            "suits": rich_text(""),
            "not_suited": rich_text(""),
            "how_it_works": rich_text(""),
            "preparation": rich_text(""),
            "aftercare": rich_text(""),
            "prices": inline_formset([{"label": "", "upper_amount": "", "note": "", "unit": "", **price}]),
            "faqs": streamfield([]),
            "concerns": [],
            **fields,
        }
        url = f"/admin/pages/add/treatments/treatmentpage/{self.category.pk}/"
        response = self.client.post(url, nested_form_data(data))
        assert response.status_code == 200  # the form again, with the errors
        assert not TreatmentPage.objects.filter(slug="lip-filler").exists()
        return response.content.decode()

    def test_the_editor_says_what_is_wrong_with_a_price(self):
        assert "A price cannot be negative." in self.post_treatment(
            {"amount": "-5", "kind": "exact", "unit": "syringe"}
        )
        assert "The highest price cannot be below the lowest." in self.post_treatment(
            {"amount": "450", "kind": "range", "upper_amount": "300", "unit": "session"}
        )
        assert "Choose what the price is for" in self.post_treatment({"amount": "650", "kind": "exact"})

    def test_the_editor_refuses_an_unanswered_question_and_a_plain_http_booking_link(self):
        html = self.post_treatment(
            {"amount": "650", "kind": "exact", "unit": "syringe"},
            faqs=streamfield([("faq", {"question": "Does it hurt?", "answer": rich_text("")})]),
            booking_url="http://book.example.com/lips",
        )
        assert "Write the answer to this question, or delete the question." in html
        assert "Use a secure link that starts with https://." in html

    def test_every_page_is_routable_and_renders(self):
        for page in (self.index, self.category, self.treatment):
            self.assertPageIsRoutable(page)
            self.assertPageIsRenderable(page)
        self.assertPageIsRoutable(self.index, "prices/")

    def test_the_treatment_page_shows_its_price_and_a_book_button(self):
        html = self.client.get(self.treatment.url).content.decode()
        assert "from $12 per unit" in html
        assert f'href="/contact/?treatment={self.treatment.treatment.slug}"' in html

    def test_treatments_is_in_the_main_menu(self):
        self.index.show_in_menus = True
        self.index.save()
        self.client.logout()
        html = self.client.get("/").content.decode()
        assert '<a href="/treatments/">Treatments</a>' in html

    def test_the_price_list_lists_every_price_by_category(self):
        response = self.client.get("/treatments/prices/")
        assert response.status_code == 200
        html = response.content.decode()
        assert "Injectables" in html and "Neuromodulator" in html and "from $12 per unit" in html


def faq_errors(question, answer):
    from treatments.blocks import FAQBlock

    block = FAQBlock()
    value = block.to_python({"question": question, "answer": answer})
    from wagtail.blocks.struct_block import StructBlockValidationError

    with pytest.raises(StructBlockValidationError) as caught:
        block.clean(value)
    return {name: [str(m) for m in error.messages] for name, error in caught.value.block_errors.items()}


def test_a_question_without_an_answer_is_refused_on_the_answer():
    assert faq_errors("Does it hurt?", "<p> </p>") == {
        "answer": ["Write the answer to this question, or delete the question."]
    }


def test_an_answer_without_a_question_is_refused_on_the_question():
    assert list(faq_errors("", "<p>Yes.</p>")) == ["question"]
