"""Running, upcoming and ended, computed from the clinic's calendar at request time."""

import datetime

import pytest

from specials.models import SpecialPage
from specials.tests.conftest import clinic_time

DEC_1 = datetime.date(2026, 12, 1)
DEC_31 = datetime.date(2026, 12, 31)


def state_of(special):
    pk = special.pk
    return {
        "running": SpecialPage.objects.running().filter(pk=pk).exists(),
        "upcoming": SpecialPage.objects.upcoming().filter(pk=pk).exists(),
        "ended": SpecialPage.objects.ended().filter(pk=pk).exists(),
        "status": SpecialPage.objects.get(pk=pk).status(),
    }


@pytest.mark.django_db
class TestBoundaries:
    @pytest.mark.parametrize(
        ("moment", "expected"),
        [
            (clinic_time(2026, 11, 30, 0, 1), "upcoming"),
            (clinic_time(2026, 11, 30, 23, 59), "upcoming"),
            (clinic_time(2026, 12, 1, 0, 1), "running"),
            (clinic_time(2026, 12, 1, 23, 59), "running"),
            (clinic_time(2026, 12, 2, 0, 1), "running"),
            (clinic_time(2026, 12, 30, 23, 59), "running"),
            (clinic_time(2026, 12, 31, 0, 1), "running"),
            (clinic_time(2026, 12, 31, 23, 59), "running"),
            (clinic_time(2027, 1, 1, 0, 1), "ended"),
            (clinic_time(2027, 1, 1, 23, 59), "ended"),
        ],
    )
    def test_status_around_start_and_end(self, make_special, at, moment, expected):
        special = make_special("boundary-offer", DEC_1, DEC_31)
        with at(moment):
            state = state_of(special)
        assert state["status"] == expected
        assert [name for name in ("running", "upcoming", "ended") if state[name]] == [expected]

    def test_the_clinic_calendar_not_utc_decides(self, make_special, at):
        special = make_special("boundary-offer", DEC_1, DEC_31)
        # 03:00 UTC on January 1 is still 22:00 on December 31 in Atlanta.
        with at(datetime.datetime(2027, 1, 1, 3, 0, tzinfo=datetime.UTC)):
            assert state_of(special)["status"] == "running"
        with at(datetime.datetime(2027, 1, 1, 5, 1, tzinfo=datetime.UTC)):
            assert state_of(special)["status"] == "ended"

    def test_end_on_the_night_clocks_go_back(self, make_special, at):
        # Daylight saving time ends at 02:00 on Sunday November 1, 2026: that day has 25 hours.
        special = make_special("fall-back", datetime.date(2026, 10, 1), datetime.date(2026, 11, 1))
        with at(clinic_time(2026, 11, 1, 23, 59)):
            assert state_of(special)["status"] == "running"
        # 04:30 UTC is 23:30 EST on November 1 (it would be 00:30 on November 2 in EDT).
        with at(datetime.datetime(2026, 11, 2, 4, 30, tzinfo=datetime.UTC)):
            assert state_of(special)["status"] == "running"
        with at(clinic_time(2026, 11, 2, 0, 1)):
            assert state_of(special)["status"] == "ended"

    def test_start_on_the_night_clocks_go_forward(self, make_special, at):
        # Daylight saving time starts at 02:00 on Sunday March 8, 2026: that day has 23 hours.
        special = make_special("spring-forward", datetime.date(2026, 3, 9), datetime.date(2026, 3, 31))
        with at(clinic_time(2026, 3, 8, 23, 59)):
            assert state_of(special)["status"] == "upcoming"
        # 04:30 UTC is 00:30 EDT on March 9 (it would still be 23:30 on March 8 in EST).
        with at(datetime.datetime(2026, 3, 9, 4, 30, tzinfo=datetime.UTC)):
            assert state_of(special)["status"] == "running"

    def test_one_day_special(self, make_special, at):
        special = make_special("flash-sale", DEC_31, DEC_31)
        with at(clinic_time(2026, 12, 30, 23, 59)):
            assert state_of(special)["status"] == "upcoming"
        with at(clinic_time(2026, 12, 31, 0, 1)):
            assert state_of(special)["status"] == "running"
        with at(clinic_time(2027, 1, 1, 0, 1)):
            assert state_of(special)["status"] == "ended"

    def test_unpublished_specials_never_run(self, make_special):
        today = datetime.date.today()
        special = make_special("draft-offer", today - datetime.timedelta(days=1), today, live=False)
        assert not SpecialPage.objects.running().filter(pk=special.pk).exists()

    def test_upcoming_within_days(self, make_special, at):
        make_special("soon", datetime.date(2026, 12, 10), DEC_31)
        make_special("later", datetime.date(2027, 2, 1), datetime.date(2027, 2, 28))
        with at(clinic_time(2026, 12, 1)):
            soon = SpecialPage.objects.upcoming(within_days=30).filter(slug__in=["soon", "later"])
            assert [special.slug for special in soon] == ["soon"]


class TestWording:
    @pytest.mark.parametrize(
        ("ends_on", "label"),
        [
            (datetime.date(2026, 12, 31), "12.31"),
            (datetime.date(2027, 1, 5), "1.05"),
            (datetime.date(2027, 10, 1), "10.01"),
        ],
    )
    def test_ends_label(self, ends_on, label):
        assert SpecialPage(starts_on=ends_on, ends_on=ends_on).ends_label == label
