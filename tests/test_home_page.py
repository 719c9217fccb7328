"""The home page, built around treatments: what a patient sees in each section, and only when it has content."""

import datetime
from urllib.parse import parse_qs, urlsplit
from zoneinfo import ZoneInfo

import pytest
import time_machine
from bs4 import BeautifulSoup

from blog.models import ArticlePage
from ellemes.models import WEEKDAYS, ClinicSettings, opening_day
from specials.models import SpecialPage
from staff.models import StaffMemberPage
from treatments.factories import ConcernFactory, TreatmentCategoryPageFactory, TreatmentPageFactory
from treatments.models import TreatmentIndexPage, TreatmentPage

NEW_YORK = ZoneInfo("America/New_York")
# The clinic's week in the factories: Monday to Friday 10 AM–7 PM, Saturday 10 AM–4 PM, closed on Sunday.
TUESDAY = datetime.date(2026, 12, 1)
SATURDAY = datetime.date(2026, 12, 5)


def at(day, hour, minute=0):
    return time_machine.travel(datetime.datetime.combine(day, datetime.time(hour, minute), NEW_YORK), tick=False)


def set_hours(days):
    """The clinic's opening hours, as an editor saves them under Settings › Clinic details."""
    clinic = ClinicSettings.objects.get()
    clinic.opening_hours = days
    clinic.save()


def home(client):
    response = client.get("/")
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


def section(html, heading_id):
    heading = html.find(id=heading_id)
    return heading.find_parent("section") if heading else None


@pytest.fixture
def catalog(small_site):
    """Treatments › Injectables › Botox (for fine lines), beside the small site's sections."""
    index = TreatmentIndexPage.objects.get()
    category = TreatmentCategoryPageFactory(
        parent=index, title="Injectables", slug="injectables", intro="Smooth lines and restore volume."
    )
    botox = TreatmentPageFactory(parent=category, title="Botox", slug="botox")
    botox.concerns.set([ConcernFactory(name="Fine lines", slug="fine-lines")])
    botox.save_revision().publish()
    return category


@pytest.mark.django_db
class TestHero:
    def test_book_leads_to_the_contact_page_and_call_dials_the_clinic(self, client, small_site):
        hero = home(client).find("section", class_="hero")
        assert hero.h1.get_text() == "Skin care and aesthetic medicine, done with care"
        book = hero.find("a", class_="hero__book")
        assert book["href"] == "/contact/"
        assert book.get_text(strip=True) == "Book a consultation"
        call = hero.find("a", class_="hero__call")
        assert call["href"] == "tel:4045550142"
        assert call.get_text() == "Call (404) 555-0142"

    def test_book_leads_to_online_booking_when_the_clinic_has_it(self, client, small_site):
        clinic = ClinicSettings.objects.get()
        clinic.booking_url = "https://www.vagaro.com/ellemes"
        clinic.save()
        book = home(client).find("a", class_="hero__book")
        assert book["href"] == "https://www.vagaro.com/ellemes"
        assert "at vagaro.com" in book.get_text()

    def test_no_call_button_without_a_phone_number(self, client, small_site):
        ClinicSettings.objects.update(phone="")
        hero = home(client).find("section", class_="hero")
        assert hero.find("a", class_="hero__call") is None
        assert hero.find("a", class_="hero__book")


@pytest.mark.django_db
class TestSectionsWithContent:
    def test_every_section_shows_in_order(self, client, catalog):
        html = home(client)
        headings = [h2.get_text() for h2 in html.find("main").find_all("h2")]
        assert headings == [
            "Our treatments",
            "What would you like to improve?",
            "Current specials",
            "Meet our team",
            "Staff Spotlight",
            "Latest articles",
            "Visit us",
        ]

    def test_treatment_categories_link_to_their_pages_and_name_their_treatments(self, client, catalog):
        categories = section(home(client), "home-categories-heading")
        card = categories.find("li", class_="category-card")
        assert card.find("a", class_="card__link")["href"] == "/treatments/injectables/"
        assert "Smooth lines and restore volume." in card.get_text()
        assert card.find(class_="category-card__treatments").get_text(strip=True) == "Botox"
        assert categories.find("a", string="See all treatments")["href"] == "/treatments/"

    def test_the_concern_finder_links_to_the_treatments_for_each_concern(self, client, catalog):
        concerns = section(home(client), "home-concerns-heading")
        assert concerns.find("a", string="Fine lines")["href"] == "/treatments/?concern=fine-lines"

    def test_running_specials(self, client, catalog):
        specials = section(home(client), "home-specials-heading")
        assert [a.get_text() for a in specials.select(".card__link")] == ["Eye Treatment Promos"]

    def test_the_team_shows_three_and_links_to_the_rest(self, client, catalog):
        team = section(home(client), "home-team-heading")
        names = [a.get_text() for a in team.select(".card__link")]
        assert names == ["Dr. Maya Okafor, MD", "Lauren Siso, Licensed Esthetician", "Jordan Reyes, Registered Nurse"]
        assert team.find("a", string="Meet the whole team")["href"] == "/staff/"

    def test_latest_articles(self, client, catalog):
        articles = section(home(client), "home-articles")
        assert [a.get_text() for a in articles.select(".card__link")] == [
            "What Is Dermaplaning? A Gentle Exfoliation Explained",
            "The Benefits of Botox for Facial Symmetry: How It Works and Potential Risks",
        ]

    def test_visit_details_with_directions(self, client, catalog):
        visit = section(home(client), "home-visit-heading")
        assert "3500 Peachtree Rd NE, Suite 210" in visit.address.get_text()
        directions = visit.find("a", class_="home-visit__directions")
        query = parse_qs(urlsplit(directions["href"]).query)
        assert directions["href"].startswith("https://www.google.com/maps/search/")
        assert query["query"] == ["3500 Peachtree Rd NE, Suite 210, Atlanta, GA 30326"]
        assert visit.find("a", string="Send us an inquiry")["href"] == "/contact/"
        assert [dt.get_text() for dt in visit.select(".opening-hours dt")][:2] == ["Monday", "Tuesday"]

    def test_the_home_page_has_its_own_stylesheet(self, client, catalog):
        # How its cards fill their rows is measured in a browser (tests/browser/test_home_layout.py).
        assert home(client).find("link", rel="stylesheet", href="/static/css/home.css")


@pytest.mark.django_db
class TestSectionsWithoutContent:
    def test_a_new_site_shows_the_hero_and_no_empty_section(self, client, small_site):
        for child in small_site.home.get_children():
            child.delete()
        ClinicSettings.objects.update(street_address="", city="", region="", postal_code="", phone="", opening_hours=[])
        html = home(client)
        assert html.find("main").find_all("h2") == []
        assert html.h1.get_text() == "Skin care and aesthetic medicine, done with care"

    def test_each_section_goes_when_its_content_goes(self, client, catalog):
        TreatmentPage.objects.all().unpublish()
        SpecialPage.objects.all().unpublish()
        StaffMemberPage.objects.all().unpublish()
        ArticlePage.objects.all().unpublish()
        html = home(client)
        for heading_id in ["home-categories-heading", "home-concerns-heading", "home-specials-heading"]:
            assert section(html, heading_id) is None, heading_id
        assert section(html, "home-team-heading") is None
        assert section(html, "home-articles") is None
        assert section(html, "home-visit-heading") is not None

    def test_a_small_team_is_shown_whole(self, client, catalog):
        for slug in ["jordan-reyes", "priya-shah"]:
            StaffMemberPage.objects.get(slug=slug).unpublish()
        team = section(home(client), "home-team-heading")
        assert len(team.select(".card__link")) == 2
        assert team.find("a", string="Meet the whole team") is None
        assert team.find("a", string="About our team")["href"] == "/staff/"


@pytest.mark.django_db
class TestOpenNow:
    def state(self, client):
        visit = section(home(client), "home-visit-heading")
        return " ".join(visit.find(class_="open-state").get_text().split())

    @pytest.mark.parametrize(
        ("day", "hour", "minute", "expected"),
        [
            (TUESDAY, 9, 59, "Closed now · opens today at 10:00 AM"),
            (TUESDAY, 10, 0, "Open now · until 7:00 PM"),
            (TUESDAY, 18, 59, "Open now · until 7:00 PM"),
            (TUESDAY, 19, 0, "Closed now · opens tomorrow at 10:00 AM"),
            (SATURDAY, 15, 30, "Open now · until 4:00 PM"),
            # Closed on Sunday: the next opening is Monday's.
            (SATURDAY, 16, 30, "Closed now · opens Monday at 10:00 AM"),
        ],
    )
    def test_in_the_clinics_time_zone(self, client, small_site, day, hour, minute, expected):
        with at(day, hour, minute):
            assert self.state(client) == expected

    def test_a_visitor_in_another_time_zone_sees_the_clinics_hours(self, client, small_site):
        # 8 AM in Los Angeles is 11 AM in Atlanta.
        moment = datetime.datetime.combine(TUESDAY, datetime.time(8), ZoneInfo("America/Los_Angeles"))
        with time_machine.travel(moment, tick=False):
            assert self.state(client) == "Open now · until 7:00 PM"

    @staticmethod
    def kept_for(response):
        """How long shared caches may keep the page (its s-maxage), in seconds."""
        return int(response["Cache-Control"].split("s-maxage=")[1].split(",")[0])

    def test_the_page_is_not_kept_past_closing_time(self, client, small_site):
        with at(TUESDAY, 18, 57):
            response = client.get("/")
        assert 0 < self.kept_for(response) <= 3 * 60

    def test_the_page_is_not_kept_past_opening_time(self, client, small_site):
        with at(TUESDAY, 9, 58):
            response = client.get("/")
        assert 0 < self.kept_for(response) <= 2 * 60

    def test_other_pages_keep_their_usual_lifetime(self, client, small_site):
        with at(TUESDAY, 18, 57):
            assert self.kept_for(client.get("/blog/")) > 3 * 60

    def test_closed_every_day_says_closed_and_nothing_more(self, client, small_site):
        set_hours([opening_day(code) for code, _ in WEEKDAYS])
        with at(TUESDAY, 11):
            assert self.state(client) == "Closed now"

    def test_no_state_without_opening_hours(self, client, small_site):
        set_hours([])
        visit = section(home(client), "home-visit-heading")
        assert visit.find(class_="open-state") is None
