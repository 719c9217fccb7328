"""Prices as numbers, written the way a spa menu writes them: “from $12 per unit”, “$300–$450 per session”."""

from decimal import ROUND_HALF_UP, Decimal

from django.db import models


class PriceKind(models.TextChoices):
    EXACT = "exact", "Exact price"
    FROM = "from", "From (a starting price)"
    RANGE = "range", "Range (from one amount to another)"


class PriceUnit(models.TextChoices):
    UNIT = "unit", "per unit"
    SYRINGE = "syringe", "per syringe"
    SESSION = "session", "per session"
    AREA = "area", "per area"
    PACKAGE = "package", "per package"


def dollars(amount):
    """“$12”, “$12.50”, “$1,200”: cents only when there are any."""
    amount = Decimal(amount).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
    if amount == amount.to_integral_value():
        return f"${amount:,.0f}"
    return f"${amount:,.2f}"


def format_price(amount, kind=PriceKind.EXACT, unit="", upper_amount=None):
    """The price as patients read it, or "" when there is no amount."""
    if amount is None:
        return ""
    if kind == PriceKind.RANGE and upper_amount is not None and upper_amount != amount:
        text = f"{dollars(amount)}–{dollars(upper_amount)}"
    elif kind == PriceKind.FROM:
        text = f"from {dollars(amount)}"
    else:
        text = dollars(amount)
    if unit:
        text = f"{text} {PriceUnit(unit).label}"
    return text
