"""The clinic's calendar: days begin at midnight in the clinic's time zone, whatever the server's."""

import datetime
from zoneinfo import ZoneInfo

from django.conf import settings


def clinic_midnight(day):
    """The moment `day` begins in the clinic's time zone (an aware datetime; DST-safe)."""
    return datetime.datetime.combine(day, datetime.time.min, tzinfo=ZoneInfo(settings.TIME_ZONE))
