"""The rules editors meet in the admin: dates in order, prices that make sense."""

import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from wagtail.test.utils.form_data import rich_text

from specials.models import SpecialPage

DEC_1 = datetime.date(2026, 12, 1)
DEC_31 = datetime.date(2026, 12, 31)


def special(**fields):
    values = {
        "title": "Eye Treatment Promos",
        "slug": "eye-treatment-promos-test",
        "campaign": "December Spa Specials",
        "bar_label": "Eye Treatment Promos",
        "summary": "Twenty percent off.",
        "starts_on": DEC_1,
        "ends_on": DEC_31,
        "path": "ZZZZ",
        "depth": 1,
    }
    values.update(fields)
    return SpecialPage(**values)


def errors_of(page):
    with pytest.raises(ValidationError) as caught:
        page.full_clean()
    return caught.value.message_dict


@pytest.mark.django_db
class TestModelValidation:
    def test_a_valid_special(self):
        special(regular_price=Decimal("150"), special_price=Decimal("119")).full_clean()

    def test_end_before_start(self):
        errors = errors_of(special(starts_on=DEC_31, ends_on=DEC_1))
        assert errors["ends_on"] == ["The end date must be on or after the start date."]

    def test_one_day_offer_is_allowed(self):
        special(starts_on=DEC_31, ends_on=DEC_31).full_clean()

    @pytest.mark.parametrize("special_price", [Decimal("150"), Decimal("180")])
    def test_special_price_must_be_below_regular(self, special_price):
        errors = errors_of(special(regular_price=Decimal("150"), special_price=special_price))
        assert errors["special_price"] == ["The special price must be lower than the regular price."]

    @pytest.mark.parametrize("field", ["regular_price", "special_price"])
    def test_negative_price(self, field):
        errors = errors_of(special(**{field: Decimal("-1")}))
        assert errors[field] == ["A price cannot be negative."]

    def test_prices_are_optional(self):
        special(discount_text="20% off").full_clean()

    def test_bar_label_is_short(self):
        assert "bar_label" in errors_of(special(bar_label="x" * 41))


@pytest.mark.django_db
class TestAdminForm:
    def post(self, admin_client, specials_index, **fields):
        data = {
            "title": "Lip Filler Week",
            "slug": "lip-filler-week",
            "campaign": "Spring Specials",
            "bar_label": "Lip Filler Week",
            "summary": "A week of savings on lip filler.",
            "body": rich_text(""),
            "starts_on": "2026-12-01",
            "ends_on": "2026-12-31",
            "regular_price": "",
            "special_price": "",
            "discount_text": "",
            "promo_code": "",
            "terms": "",
        }
        data.update(fields)
        return admin_client.post(f"/admin/pages/add/specials/specialpage/{specials_index.pk}/", data)

    def test_admin_creates_a_valid_special(self, admin_client, specials_index):
        response = self.post(admin_client, specials_index, regular_price="100", special_price="80")
        assert response.status_code == 302
        assert SpecialPage.objects.get(slug="lip-filler-week").special_price == Decimal("80")

    def test_admin_shows_the_date_error(self, admin_client, specials_index):
        response = self.post(admin_client, specials_index, starts_on="2026-12-31", ends_on="2026-12-01")
        assert response.status_code == 200
        assert "The end date must be on or after the start date." in response.content.decode()
        assert not SpecialPage.objects.filter(slug="lip-filler-week").exists()

    def test_admin_shows_the_price_errors(self, admin_client, specials_index):
        response = self.post(admin_client, specials_index, regular_price="100", special_price="120")
        assert "The special price must be lower than the regular price." in response.content.decode()
        response = self.post(admin_client, specials_index, regular_price="-5")
        assert "A price cannot be negative." in response.content.decode()
