"""Helpers for the specials tests: clinic-time clocks and specials made to measure."""

import datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine

from specials.models import SpecialPage, SpecialsIndexPage

CLINIC_TZ = ZoneInfo("America/New_York")


def clinic_time(year, month, day, hour=12, minute=0, second=0):
    return datetime.datetime(year, month, day, hour, minute, second, tzinfo=CLINIC_TZ)


@pytest.fixture
def at():
    """`with at(clinic_time(...)):` freezes the clock at that moment."""

    def travel(moment):
        return time_machine.travel(moment, tick=False)

    return travel


@pytest.fixture
def specials_index(db):
    return SpecialsIndexPage.objects.get()


@pytest.fixture
def no_specials(specials_index):
    """Start from an empty specials section (the demo specials come back after the test)."""
    for special in SpecialPage.objects.all():
        special.delete()
    return specials_index


@pytest.fixture
def make_special(specials_index):
    def make(slug, starts_on, ends_on, live=True, **fields):
        fields.setdefault("title", slug.replace("-", " ").title())
        fields.setdefault("campaign", "Test Campaign")
        fields.setdefault("bar_label", fields["title"][:40])
        fields.setdefault("summary", f"A summary of {fields['title']}.")
        special = SpecialPage(slug=slug, starts_on=starts_on, ends_on=ends_on, live=live, **fields)
        specials_index.add_child(instance=special)
        return special

    return make
