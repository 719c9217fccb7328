"""Helpers for the specials tests: clinic-time clocks and specials made to measure."""

import datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine

from specials.factories import SpecialPageFactory, SpecialsIndexPageFactory

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
def specials_index(home):
    return SpecialsIndexPageFactory()


@pytest.fixture
def no_specials(specials_index):
    """An empty specials section."""
    return specials_index


@pytest.fixture
def make_special(specials_index):
    """`make_special(slug, starts_on, ends_on, live=True, **fields)`: a special under the specials page."""

    def make(slug, starts_on, ends_on, live=True, **fields):
        fields.setdefault("title", slug.replace("-", " ").title())
        return SpecialPageFactory(
            parent=specials_index, slug=slug, starts_on=starts_on, ends_on=ends_on, live=live, publish=False, **fields
        )

    return make
