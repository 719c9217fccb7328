"""`SpecialPage.objects.next_change()`: until when a page showing specials may be cached."""

import datetime

import pytest
from django.utils import timezone

from specials.models import SpecialPage
from specials.tests.conftest import clinic_time

HOUR = 3600


def next_boundary(now=None):
    return SpecialPage.objects.next_change(now)


def seconds_until_next_boundary(now=None):
    boundary = next_boundary(now)
    return None if boundary is None else int((boundary - (now or timezone.now())).total_seconds())


@pytest.mark.django_db
class TestNextBoundary:
    def test_nothing_scheduled(self, no_specials):
        assert seconds_until_next_boundary(clinic_time(2026, 12, 15)) is None

    def test_ended_specials_set_no_boundary(self, no_specials, make_special):
        make_special("ended", datetime.date(2026, 11, 1), datetime.date(2026, 11, 30))
        assert seconds_until_next_boundary(clinic_time(2026, 12, 15)) is None

    def test_until_the_midnight_after_the_last_day(self, no_specials, make_special):
        make_special("december", datetime.date(2026, 12, 1), datetime.date(2026, 12, 31))
        assert next_boundary(clinic_time(2026, 12, 31, 12)) == clinic_time(2027, 1, 1, 0)
        assert seconds_until_next_boundary(clinic_time(2026, 12, 31, 12)) == 12 * HOUR
        assert seconds_until_next_boundary(clinic_time(2026, 12, 31, 23, 59)) == 60
        assert seconds_until_next_boundary(clinic_time(2026, 12, 31, 23, 59, 59)) == 1

    def test_until_a_start(self, no_specials, make_special):
        make_special("running", datetime.date(2026, 12, 1), datetime.date(2026, 12, 31))
        make_special("next", datetime.date(2026, 12, 20), datetime.date(2027, 1, 31))
        assert next_boundary(clinic_time(2026, 12, 19, 23, 59)) == clinic_time(2026, 12, 20, 0)
        assert seconds_until_next_boundary(clinic_time(2026, 12, 19, 23, 59)) == 60
        # Once it has started, the next boundary is the end of the first to finish.
        assert next_boundary(clinic_time(2026, 12, 20, 0, 1)) == clinic_time(2027, 1, 1, 0)

    def test_across_spring_forward(self, no_specials, make_special):
        # March 8, 2026 has 23 hours in Atlanta: from noon on the 7th to midnight on the 9th is 35 hours.
        make_special("march", datetime.date(2026, 3, 1), datetime.date(2026, 3, 8))
        assert seconds_until_next_boundary(clinic_time(2026, 3, 7, 12)) == 35 * HOUR
        assert next_boundary(clinic_time(2026, 3, 7, 12)) == datetime.datetime(2026, 3, 9, 4, tzinfo=datetime.UTC)

    def test_across_fall_back(self, no_specials, make_special):
        # November 1, 2026 has 25 hours in Atlanta: from noon on October 31 to midnight on November 2 is 37 hours.
        make_special("november", datetime.date(2026, 11, 2), datetime.date(2026, 11, 30))
        assert seconds_until_next_boundary(clinic_time(2026, 10, 31, 12)) == 37 * HOUR

    def test_entering_coming_soon_is_a_boundary(self, no_specials, make_special):
        # Listed under "Coming soon" from 30 days before it starts.
        make_special("february", datetime.date(2027, 2, 10), datetime.date(2027, 2, 28))
        assert next_boundary(clinic_time(2026, 12, 1)) == clinic_time(2027, 1, 11, 0)

    def test_unpublished_specials_do_not_count_unless_scheduled(self, no_specials, make_special):
        draft = make_special("draft", datetime.date(2026, 12, 1), datetime.date(2026, 12, 31), live=False)
        assert next_boundary(clinic_time(2026, 12, 15)) is None
        draft.go_live_at = clinic_time(2026, 12, 20, 9, 30)
        draft.save()
        assert next_boundary(clinic_time(2026, 12, 15)) == clinic_time(2026, 12, 20, 9, 30)

    def test_wagtail_expiry_counts(self, no_specials, make_special):
        special = make_special("expiring", datetime.date(2026, 12, 1), datetime.date(2026, 12, 31))
        special.expire_at = clinic_time(2026, 12, 24, 18)
        special.save()
        assert next_boundary(clinic_time(2026, 12, 15)) == clinic_time(2026, 12, 24, 18)

    def test_defaults_to_now(self, no_specials, make_special, at):
        make_special("december", datetime.date(2026, 12, 1), datetime.date(2026, 12, 31))
        with at(clinic_time(2026, 12, 31, 22)):
            assert seconds_until_next_boundary() == 2 * HOUR

    def test_one_query(self, no_specials, make_special, django_assert_num_queries):
        for day in range(1, 11):
            make_special(f"offer-{day}", datetime.date(2026, 12, day), datetime.date(2026, 12, 20 + day))
        with django_assert_num_queries(1):
            seconds_until_next_boundary(clinic_time(2026, 12, 5))
