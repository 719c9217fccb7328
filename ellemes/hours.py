"""Whether the clinic is open at a moment, by its opening hours in the clinic's time zone (settings.TIME_ZONE)."""

import datetime
from dataclasses import dataclass

from django.utils import dateformat, timezone

# Monday is 0, as `date.weekday()` counts.
WEEKDAY_NUMBERS = {"Mo": 0, "Tu": 1, "We": 2, "Th": 3, "Fr": 4, "Sa": 5, "Su": 6}


@dataclass(frozen=True)
class OpenState:
    """Open or closed at a moment; `changes_at` is when that stops being true (None: never, no hours given)."""

    is_open: bool
    changes_at: datetime.datetime | None
    today: datetime.date

    @property
    def next_change_text(self):
        """“until 7:00 PM”, “opens tomorrow at 10:00 AM”, “opens Monday at 10:00 AM”."""
        if self.changes_at is None:
            return ""
        at = timezone.localtime(self.changes_at)
        time = dateformat.format(at, "g:i A")
        if self.is_open:
            return f"until {time}"
        days = (at.date() - self.today).days
        day = "today" if days == 0 else "tomorrow" if days == 1 else dateformat.format(at, "l")
        return f"opens {day} at {time}"


def _moment(day, time):
    return timezone.make_aware(datetime.datetime.combine(day, time))


def open_state(opening_hours, now=None):
    """The clinic's state at `now` from its opening hours (`OpeningDay`s); None when it has given no hours."""
    given = list(opening_hours)
    if not given:
        return None
    hours = {WEEKDAY_NUMBERS[day.weekday]: day for day in given if not day.closed and day.opens and day.closes}
    local = timezone.localtime(now)
    today = local.date()
    # Look a full week ahead (and the same weekday again): the next opening is always within it.
    for offset in range(8):
        day = today + datetime.timedelta(days=offset)
        times = hours.get(day.weekday())
        if times is None:
            continue
        opens, closes = _moment(day, times.opens), _moment(day, times.closes)
        if local < opens:
            return OpenState(is_open=False, changes_at=opens, today=today)
        if local < closes:
            return OpenState(is_open=True, changes_at=closes, today=today)
    # Closed every day of the week.
    return OpenState(is_open=False, changes_at=None, today=today)
