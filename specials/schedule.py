"""When what the site shows about specials next changes: the one rule caches must follow.

The announcement bar, the specials listing, the home page section and staff profiles all
compute “running”, “upcoming” and “ended” from the date at request time. A page showing any
of them stays correct only until the next *boundary*: a midnight, clinic time, at which

- a special starts (its `starts_on`),
- a special ends (the day after its `ends_on`: the end date is inclusive),
- an upcoming special enters “Coming soon” (`COMING_SOON_DAYS` before it starts),

or a moment at which Wagtail's own scheduling publishes or unpublishes a special
(`go_live_at`, `expire_at`). Anything that caches such a page (the full-page cache, an HTTP
`Cache-Control: max-age`) must not keep it longer than `seconds_until_next_boundary()`.
"""

import datetime
import math
from zoneinfo import ZoneInfo

from django.conf import settings
from django.db.models import Min, Q
from django.utils import timezone

from specials.models import COMING_SOON_DAYS, SpecialPage


def clinic_midnight(day):
    """The moment `day` begins in the clinic's time zone (an aware datetime; DST-safe)."""
    return datetime.datetime.combine(day, datetime.time.min, tzinfo=ZoneInfo(settings.TIME_ZONE))


def next_boundary(now=None):
    """The next specials boundary after `now` (an aware UTC datetime), or None if nothing is scheduled."""
    now = now or timezone.now()
    today = timezone.localdate(now)
    soon = today + datetime.timedelta(days=COMING_SOON_DAYS)
    found = SpecialPage.objects.aggregate(
        next_start=Min("starts_on", filter=Q(live=True, starts_on__gt=today)),
        last_day=Min("ends_on", filter=Q(live=True, ends_on__gte=today)),
        next_announced=Min("starts_on", filter=Q(live=True, starts_on__gt=soon)),
        go_live=Min("go_live_at", filter=Q(go_live_at__gt=now)),
        expiry=Min("expire_at", filter=Q(live=True, expire_at__gt=now)),
    )
    days = []
    if found["next_start"]:
        days.append(found["next_start"])
    if found["last_day"]:
        days.append(found["last_day"] + datetime.timedelta(days=1))
    if found["next_announced"]:
        days.append(found["next_announced"] - datetime.timedelta(days=COMING_SOON_DAYS))
    moments = [clinic_midnight(day) for day in days]
    moments += [found[key] for key in ("go_live", "expiry") if found[key]]
    # Compare in UTC: arithmetic between datetimes sharing a tzinfo ignores DST changes in between.
    now = now.astimezone(datetime.UTC)
    moments = [moment.astimezone(datetime.UTC) for moment in moments]
    return min((moment for moment in moments if moment > now), default=None)


def seconds_until_next_boundary(now=None):
    """Whole seconds (rounded up) until the next specials boundary, or None when none is scheduled.

    A page cache should use `min(its usual lifetime, this)` for any page showing the
    announcement bar, a specials listing or a special; None means “no limit from specials”.
    """
    now = now or timezone.now()
    boundary = next_boundary(now)
    if boundary is None:
        return None
    return max(1, math.ceil((boundary - now.astimezone(datetime.UTC)).total_seconds()))
