"""The footer's short opening hours: consecutive days with the same hours read as one line."""

import datetime

from ellemes.models import opening_day
from ellemes.templatetags.ellemes_tags import grouped_days


def day(code, opens=None, closes=None):
    if opens is None:
        return opening_day(code)[1]
    return opening_day(code, datetime.time(opens), datetime.time(closes))[1]


def test_consecutive_days_with_the_same_hours_are_grouped():
    week = [day(code, 10, 19) for code in ("Mo", "Tu", "We", "Th", "Fr")] + [day("Sa", 10, 16), day("Su")]
    rows = [(row["days"], row["opens"], row["closes"]) for row in grouped_days(week)]
    assert rows == [
        ("Mon–Fri", datetime.time(10), datetime.time(19)),
        ("Sat", datetime.time(10), datetime.time(16)),
        ("Sun", None, None),
    ]


def test_days_apart_stay_apart():
    rows = [row["days"] for row in grouped_days([day("Mo", 9, 17), day("Tu"), day("We", 9, 17)])]
    assert rows == ["Mon", "Tue", "Wed"]
