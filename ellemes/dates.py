"""The one way the site's admin writes a day: “Dec 1, 2026”, or “Dec 1” where the year goes without saying."""

from django.utils.formats import date_format


def short_date(value, year=True):
    """`value` (a date or datetime, already in the clinic's time zone) as “Dec 1, 2026” or “Dec 1”; "" for None."""
    if value is None:
        return ""
    return date_format(value, "M j, Y" if year else "M j")
