"""Model rules: where staff pages live, credentials and how experience is counted."""

import datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.core.exceptions import ValidationError
from wagtail.models import Page

from staff.models import StaffIndexPage, StaffMemberPage, week_number

NEW_YORK = ZoneInfo("America/New_York")


def frozen(year, month, day, hour=12):
    return time_machine.travel(datetime.datetime(year, month, day, hour, tzinfo=NEW_YORK), tick=False)


@pytest.mark.django_db
class TestTreeRules:
    def test_team_page_is_a_singleton_under_home(self, home, team):
        assert StaffIndexPage.can_exist_under(home)
        assert not StaffIndexPage.can_create_at(home)

    def test_staff_live_only_under_the_team_page(self, home, team):
        assert StaffMemberPage.can_create_at(team)
        assert not StaffMemberPage.can_exist_under(home)
        assert StaffMemberPage.allowed_subpage_models() == []

    def test_staff_pages_are_routable_under_the_team_page(self, add_member):
        assert add_member("sam-lee").url == "/staff/sam-lee/"

    def test_staff_pages_are_found_by_role_bio_and_license(self, add_member):
        member = add_member(
            "sam-lee",
            role="Zephyrologist",
            short_bio="Sam knows quasarwave peels.",
            bio="<p>Trained in oxbowlift massage.</p>",
            license_type="Licensed Nimbusician",
        )
        for word in ("Zephyrologist", "quasarwave", "oxbowlift", "Nimbusician"):
            assert [page.pk for page in Page.objects.live().search(word)] == [member.pk], word


@pytest.mark.django_db
class TestCredentialRules:
    def test_name_with_license(self, add_member):
        assert add_member("a", title="Ana Cruz", license_type="Physician Assistant").name_with_license == (
            "Ana Cruz, Physician Assistant"
        )
        assert add_member("b", title="Bo Kim").name_with_license == "Bo Kim"

    def test_name_license_and_role_shows_the_license_only_when_there_is_one(self, add_member):
        nurse = add_member("a", title="Ana Cruz", role="Nurse Injector", license_type="Registered Nurse")
        assert nurse.name_license_and_role == "Ana Cruz, Registered Nurse — Nurse Injector"
        coordinator = add_member("b", title="Bo Kim", role="Patient Care Coordinator")
        assert coordinator.name_license_and_role == "Bo Kim — Patient Care Coordinator"

    def test_license_number_is_hidden_unless_ticked(self, add_member):
        member = add_member("ana", license_type="Registered Nurse", license_number="RN123", license_state="ga")
        assert member.license_display == ""
        member.show_license_number = True
        assert member.license_display == "GA license RN123"

    def test_showing_a_license_number_needs_the_number_and_state(self, add_member):
        with pytest.raises(ValidationError) as error:
            add_member("ana", license_type="Registered Nurse", license_number="RN123", show_license_number=True)
        assert "show_license_number" in error.value.message_dict

    def test_a_license_number_needs_a_license_type(self, add_member):
        with pytest.raises(ValidationError) as error:
            add_member("ana", license_number="RN123", license_state="GA")
        assert "license_type" in error.value.message_dict

    def test_action_photo_needs_a_caption(self, add_member, portrait):
        with pytest.raises(ValidationError) as error:
            add_member("ana", action_photo=portrait)
        assert "action_photo_caption" in error.value.message_dict

    def test_nobody_supervises_themselves(self, add_member):
        member = add_member("ana", license_type="MD")
        member.supervising_physician = member
        with pytest.raises(ValidationError) as error:
            member.full_clean()
        assert "supervising_physician" in error.value.message_dict

    def test_a_photo_is_optional(self, add_member):
        # Without one, the cards, the profile and the spotlight show the person's monogram.
        member = add_member("ana", photo=None)
        assert member.photo is None and member.initials

    def test_short_bio_is_at_most_300_characters(self, add_member):
        with pytest.raises(ValidationError) as error:
            add_member("ana", short_bio="x" * 301)
        assert "short_bio" in error.value.message_dict

    def test_practicing_since_cannot_be_in_the_future(self, add_member):
        with frozen(2026, 12, 31, hour=23), pytest.raises(ValidationError) as error:
            # 23:00 in New York is already 2027 in UTC: the clinic's calendar decides.
            add_member("ana", practicing_since=2027)
        assert "practicing_since" in error.value.message_dict


class TestExperience:
    @pytest.mark.parametrize(
        ("since", "today", "years", "text"),
        [
            (2013, datetime.date(2026, 1, 1), 12, "over 10 years of experience"),
            (2013, datetime.date(2028, 12, 31), 14, "over 10 years of experience"),
            (2013, datetime.date(2029, 1, 1), 15, "over 15 years of experience"),
            (2020, datetime.date(2026, 6, 1), 5, "over 5 years of experience"),
            (2024, datetime.date(2026, 6, 1), 1, "over a year of experience"),
            (2026, datetime.date(2026, 6, 1), 0, ""),
            (None, datetime.date(2026, 6, 1), None, ""),
        ],
    )
    def test_counts_whole_years_certainly_completed(self, since, today, years, text):
        member = StaffMemberPage(title="Lauren Siso", practicing_since=since)
        assert member.years_of_experience(today) == years
        assert member.experience_text(today) == text

    def test_stays_true_every_year_without_edits(self):
        member = StaffMemberPage(title="Lauren Siso", practicing_since=2013)
        with frozen(2026, 3, 1):
            assert member.years_of_experience() == 12
            assert member.experience == "over 10 years of experience"
        with frozen(2031, 3, 1):
            assert member.years_of_experience() == 17
            assert member.experience == "over 15 years of experience"


class TestWeekNumber:
    def test_same_for_a_whole_iso_week_and_next_for_the_next(self):
        monday = datetime.date(2026, 12, 28)  # ISO week 53 of 2026, running into 2027
        week = [monday + datetime.timedelta(days=n) for n in range(7)]
        assert {week_number(day) for day in week} == {week_number(monday)}
        assert week_number(monday + datetime.timedelta(days=7)) == week_number(monday) + 1
        assert week_number(monday - datetime.timedelta(days=1)) == week_number(monday) - 1


@pytest.mark.parametrize(
    ("name", "initials"),
    [("Dr. Maya Okafor", "MO"), ("Priya Shah", "PS"), ("Jordan Alex Reyes", "JR"), ("Cher", "C"), ("ana li", "AL")],
)
def test_monogram_initials_leave_out_titles(name, initials):
    assert StaffMemberPage(title=name).initials == initials
