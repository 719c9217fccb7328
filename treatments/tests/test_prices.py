from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from treatments.models import TreatmentPrice
from treatments.prices import PriceKind, PriceUnit, dollars, format_price


@pytest.mark.parametrize(
    ("amount", "expected"),
    [
        (Decimal("0"), "$0"),
        (Decimal("12"), "$12"),
        (Decimal("12.5"), "$12.50"),
        (Decimal("12.005"), "$12.01"),
        (Decimal("999.99"), "$999.99"),
        (Decimal("1000"), "$1,000"),
        (Decimal("123456.7"), "$123,456.70"),
    ],
)
def test_dollars_show_cents_only_when_there_are_some(amount, expected):
    assert dollars(amount) == expected


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        ((Decimal("12"), PriceKind.FROM, PriceUnit.UNIT), "from $12 per unit"),
        ((Decimal("650"), PriceKind.EXACT, PriceUnit.SYRINGE), "$650 per syringe"),
        ((Decimal("300"), PriceKind.RANGE, PriceUnit.SESSION, Decimal("450")), "$300–$450 per session"),
        ((Decimal("300"), PriceKind.RANGE, PriceUnit.AREA, Decimal("300")), "$300 per area"),
        ((Decimal("1200"), PriceKind.EXACT, PriceUnit.PACKAGE), "$1,200 per package"),
        ((Decimal("0"), PriceKind.EXACT, PriceUnit.SESSION), "$0 per session"),
        ((Decimal("95"), PriceKind.EXACT, ""), "$95"),
        ((None, PriceKind.EXACT, PriceUnit.UNIT), ""),
    ],
)
def test_prices_read_like_a_spa_menu(args, expected):
    assert format_price(*args) == expected


def errors_of(price):
    with pytest.raises(ValidationError) as caught:
        price.full_clean(exclude=["page"])
    return caught.value.message_dict


def test_a_negative_price_is_refused_on_its_field():
    errors = errors_of(TreatmentPrice(amount=Decimal("-1"), kind=PriceKind.EXACT, unit=PriceUnit.UNIT))
    assert errors == {"amount": ["A price cannot be negative."]}


def test_a_range_whose_top_is_below_its_bottom_is_refused():
    errors = errors_of(
        TreatmentPrice(amount=Decimal("450"), upper_amount=Decimal("449.99"), kind=PriceKind.RANGE, unit="session")
    )
    assert errors == {"upper_amount": ["The highest price cannot be below the lowest."]}


def test_a_range_needs_its_top_and_only_a_range_has_one():
    assert "upper_amount" in errors_of(TreatmentPrice(amount=Decimal("300"), kind=PriceKind.RANGE, unit="session"))
    assert "upper_amount" in errors_of(
        TreatmentPrice(amount=Decimal("300"), upper_amount=Decimal("400"), kind=PriceKind.EXACT, unit="session")
    )


def test_a_price_needs_its_unit_and_an_amount():
    assert errors_of(TreatmentPrice(amount=Decimal("650"), kind=PriceKind.EXACT)) == {
        "unit": ["Choose what the price is for: per unit, syringe, session, area or package."]
    }
    assert "amount" in errors_of(TreatmentPrice(kind=PriceKind.EXACT, unit="unit"))


def test_a_range_at_its_boundary_is_accepted():
    TreatmentPrice(amount=Decimal("300"), upper_amount=Decimal("300"), kind=PriceKind.RANGE, unit="area").full_clean(
        exclude=["page"]
    )
