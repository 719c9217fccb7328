"""The Staff Spotlight: the editors' choice, the weekly rotation, and where it appears."""

import datetime

import pytest
from bs4 import BeautifulSoup
from wagtail.models import Site

from staff.models import StaffMemberPage, StaffSettings
from staff.spotlight import spotlight_for

MONDAY = datetime.date(2026, 11, 23)

pytestmark = pytest.mark.usefixtures("the_team")


def weeks(count, start=MONDAY):
    return [start + datetime.timedelta(weeks=n) for n in range(count)]


@pytest.fixture
def staff_settings(db):
    return StaffSettings.for_site(Site.objects.get(is_default_site=True))


@pytest.fixture
def rotating(staff_settings):
    staff_settings.spotlight = None
    staff_settings.save()
    return staff_settings


def live_slugs():
    return set(StaffMemberPage.objects.live().values_list("slug", flat=True))


@pytest.mark.django_db
class TestChoice:
    def test_editors_choice_is_shown_every_week(self, staff_settings):
        staff_settings.spotlight = StaffMemberPage.objects.get(slug="jordan-reyes")
        staff_settings.save()
        assert {spotlight_for(day).slug for day in weeks(6)} == {"jordan-reyes"}

    def test_unpublished_choice_gives_way_to_the_rotation(self, staff_settings):
        StaffMemberPage.objects.get(slug="lauren-siso").unpublish()
        shown = {spotlight_for(day).slug for day in weeks(6)}
        assert "lauren-siso" not in shown
        assert shown == live_slugs()


@pytest.mark.django_db
class TestRotation:
    def test_same_person_all_week(self, rotating):
        week = [MONDAY + datetime.timedelta(days=n) for n in range(7)]
        assert len({spotlight_for(day).pk for day in week}) == 1

    def test_moves_on_each_week_and_visits_everyone(self, rotating):
        shown = [spotlight_for(day).slug for day in weeks(4)]
        assert len(set(shown)) == 4
        assert set(shown) == live_slugs()
        assert [spotlight_for(day).slug for day in weeks(4, MONDAY + datetime.timedelta(weeks=4))] == shown

    def test_deterministic_for_a_given_week(self, rotating):
        assert spotlight_for(MONDAY + datetime.timedelta(days=3)) == spotlight_for(MONDAY)

    def test_unpublished_staff_never_come_round(self, rotating):
        StaffMemberPage.objects.get(slug="priya-shah").unpublish()
        assert "priya-shah" not in {spotlight_for(day).slug for day in weeks(12)}

    def test_nobody_to_show(self, rotating):
        for member in StaffMemberPage.objects.all():
            member.unpublish()
        assert spotlight_for(MONDAY) is None


def spotlight_in(html, selector):
    return BeautifulSoup(html, "html.parser").select_one(selector)


@pytest.mark.django_db
class TestLayout:
    @pytest.mark.parametrize("url", ["/blog/", "/specials/", "/staff/", "/contact/", "/staff/priya-shah/"])
    def test_footer_of_every_page_but_the_home_page(self, client, url):
        block = spotlight_in(client.get(url).content, "footer .spotlight")
        assert block.h2.get_text() == "Staff Spotlight"
        assert block.h3.get_text() == "Lauren Siso, Licensed Esthetician"
        assert block.h3.a["href"] == "/staff/lauren-siso/"
        assert block.img["alt"] == "Portrait of Lauren Siso"

    @pytest.mark.parametrize("url", ["/", "/blog/", "/staff/"])
    def test_once_per_page(self, client, url):
        # The home page shows it in full in its body, so its footer leaves it out.
        html = BeautifulSoup(client.get(url).content, "html.parser")
        assert len(html.find_all(string="Staff Spotlight")) == 1
        assert (html.select_one("main .spotlight") is None) == (url != "/")

    def test_shows_photo_role_bio_and_caption(self, client):
        block = spotlight_in(client.get("/").content, "main .spotlight")
        assert block.find(class_="spotlight__role").get_text() == "Medical Aesthetician"
        assert "confident" in block.get_text()
        assert block.figure.figcaption.get_text() == (
            "Lauren Siso, Licensed Esthetician — Medical Aesthetician at ELLEMES Medical Spa"
        )
        assert block.figure.img["alt"] == "Lauren Siso performing a dermaplaning treatment on a client"
        assert block.find("a", string="Meet Lauren Siso")["href"] == "/staff/lauren-siso/"

    def test_caption_uses_the_clinic_name_from_the_settings(self, client, clinic):
        clinic.name = "ELLEMES Buckhead"
        clinic.save()
        block = spotlight_in(client.get("/").content, "main .spotlight")
        assert block.figcaption.get_text() == (
            "Lauren Siso, Licensed Esthetician — Medical Aesthetician at ELLEMES Buckhead"
        )

    def test_portrait_when_there_is_no_action_photo(self, client, staff_settings):
        staff_settings.spotlight = StaffMemberPage.objects.get(slug="priya-shah")
        staff_settings.save()
        block = spotlight_in(client.get("/").content, "main .spotlight")
        assert block.img["alt"] == "Portrait of Priya Shah"
        assert block.h3.get_text() == "Priya Shah"

    def test_monogram_when_there_is_no_photo(self, client, staff_settings):
        priya = StaffMemberPage.objects.get(slug="priya-shah")
        priya.photo = None
        priya.save_revision().publish()
        staff_settings.spotlight = priya
        staff_settings.save()
        for url, selector in [("/", "main .spotlight"), ("/blog/", "footer .spotlight")]:
            block = spotlight_in(client.get(url).content, selector)
            assert block.img is None
            monogram = block.find(class_="monogram")
            assert monogram.get_text(strip=True) == "PS" and monogram["aria-hidden"] == "true"

    def test_nothing_shown_when_nobody_is_on_show(self, client):
        for member in StaffMemberPage.objects.all():
            member.unpublish()
        response = client.get("/")
        assert response.status_code == 200
        assert b"Staff Spotlight" not in response.content
