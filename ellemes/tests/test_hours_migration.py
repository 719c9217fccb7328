"""The migration that moves the opening hours and social links into the Clinic details keeps every row, in order."""

import datetime

import pytest

from ellemes.models import ClinicSettings
from tests.migrations import migrate

BEFORE = [("ellemes", "0011_home_book_button_privacy_page")]
AFTER = [("ellemes", "0012_clinic_hours_and_links_in_settings")]


def rows(apps, clinic_id):
    OpeningHours = apps.get_model("ellemes", "OpeningHours")
    SocialLink = apps.get_model("ellemes", "SocialLink")
    hours = OpeningHours.objects.filter(settings_id=clinic_id).order_by("sort_order")
    links = SocialLink.objects.filter(settings_id=clinic_id).order_by("sort_order")
    return (
        [(day.weekday, day.opens, day.closes, day.closed) for day in hours],
        [(link.network, link.url) for link in links],
    )


# Outside a transaction: SQLite cannot alter its schema inside one, as migrating backwards does.
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_every_day_and_link_moves_in_order_and_back():
    old = migrate(BEFORE)
    try:
        site = old.get_model("wagtailcore", "Site").objects.get(is_default_site=True)
        clinic = old.get_model("ellemes", "ClinicSettings").objects.create(site_id=site.pk)
        OpeningHours = old.get_model("ellemes", "OpeningHours")
        # Saved in one order, sorted by editors into another.
        OpeningHours.objects.create(
            settings=clinic, sort_order=1, weekday="Mo", opens=datetime.time(10), closes=datetime.time(19)
        )
        OpeningHours.objects.create(settings=clinic, sort_order=2, weekday="Su", closed=True)
        OpeningHours.objects.create(
            settings=clinic, sort_order=0, weekday="Tu", opens=datetime.time(9, 30), closes=datetime.time(17)
        )
        SocialLink = old.get_model("ellemes", "SocialLink")
        SocialLink.objects.create(settings=clinic, sort_order=1, network="Instagram", url="https://instagram.com/x")
        SocialLink.objects.create(settings=clinic, sort_order=0, network="TikTok", url="https://tiktok.com/@x")
        before = rows(old, clinic.pk)

        migrate(AFTER)
        moved = ClinicSettings.objects.get(pk=clinic.pk)
        assert [str(day) for day in moved.hours] == ["Tuesday: 09:30–17:00", "Monday: 10:00–19:00", "Sunday: closed"]
        assert [(link.network, link.url) for link in moved.links] == [
            ("TikTok", "https://tiktok.com/@x"),
            ("Instagram", "https://instagram.com/x"),
        ]

        assert rows(migrate(BEFORE), clinic.pk) == before
    finally:
        migrate(AFTER)
