"""The specials pages: tree rules, listing, detail states, structured data and sharing."""

import datetime
import json
from decimal import Decimal

import pytest
from bs4 import BeautifulSoup
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Page

from ellemes.dates import short_date
from ellemes.factories import ImageFactory, TreatmentFactory
from specials.models import SpecialPage, SpecialsIndexPage
from specials.tests.conftest import clinic_time

DEC_1 = datetime.date(2026, 12, 1)
DEC_31 = datetime.date(2026, 12, 31)


def soup(response):
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


def json_ld(html):
    """The page's own structured data; the breadcrumbs' is tested with the shared include."""
    scripts = [json.loads(script.string) for script in html.find_all("script", type="application/ld+json")]
    return [data for data in scripts if data.get("@type") != "BreadcrumbList"]


@pytest.mark.django_db
class TestTree:
    def test_specials_live_only_under_the_index(self, home, specials_index):
        assert SpecialPage.can_create_at(specials_index)
        assert not SpecialPage.can_exist_under(home)
        assert SpecialPage.allowed_subpage_models() == []
        assert not SpecialsIndexPage.can_create_at(home)

    def test_routable(self, specials_index, make_special):
        special = make_special("eye-week", DEC_1, DEC_31)
        assert special.url == "/specials/eye-week/"
        assert Page.find_for_request  # the index itself is /specials/
        assert specials_index.url == "/specials/"


@pytest.mark.django_db
class TestListing:
    @pytest.fixture
    def listing(self, no_specials, make_special):
        make_special("ends-late", datetime.date(2026, 11, 1), datetime.date(2027, 1, 31))
        make_special("ends-soon", datetime.date(2026, 12, 1), datetime.date(2026, 12, 20))
        make_special("ends-mid", datetime.date(2026, 12, 10), DEC_31)
        make_special("starts-in-ten-days", datetime.date(2026, 12, 25), datetime.date(2027, 1, 10))
        make_special("starts-in-five-days", datetime.date(2026, 12, 20), datetime.date(2027, 1, 10))
        make_special("starts-in-two-months", datetime.date(2027, 2, 15), datetime.date(2027, 2, 28))
        make_special("ended", datetime.date(2026, 11, 1), datetime.date(2026, 11, 30))
        make_special("draft", datetime.date(2026, 12, 1), DEC_31, live=False)

    def slugs(self, section):
        return [a["href"].strip("/").split("/")[-1] for a in section.select(".card__link")]

    def test_running_ending_soonest_then_coming_soon(self, client, listing, at):
        with at(clinic_time(2026, 12, 15)):
            html = soup(client.get("/specials/"))
        running = html.find("section", attrs={"aria-labelledby": "running-specials"})
        coming = html.find("section", attrs={"aria-labelledby": "coming-soon"})
        assert self.slugs(running) == ["ends-soon", "ends-mid", "ends-late"]
        assert coming.find("h2").get_text() == "Coming soon"
        assert self.slugs(coming) == ["starts-in-five-days", "starts-in-ten-days"]
        assert "ended" not in html.get_text() and "/specials/ended/" not in str(html)
        assert "/specials/draft/" not in str(html)

    def test_listing_changes_at_midnight(self, client, listing, at):
        with at(clinic_time(2026, 12, 20, 23, 59)):
            assert "/specials/ends-soon/" in client.get("/specials/").content.decode()
        with at(clinic_time(2026, 12, 21, 0, 1)):
            html = soup(client.get("/specials/"))
        running = html.find("section", attrs={"aria-labelledby": "running-specials"})
        assert self.slugs(running) == ["ends-mid", "starts-in-five-days", "ends-late"]

    def test_empty_state(self, client, sections, no_specials):
        html = soup(client.get("/specials/"))
        empty = html.find(class_="empty-state")
        assert "no specials running right now" in empty.get_text()
        assert empty.find("a")["href"] == "/contact/"
        assert html.find("section", attrs={"aria-labelledby": "coming-soon"}) is None

    def test_item_list(self, client, listing, at):
        with at(clinic_time(2026, 12, 15)):
            html = soup(client.get("/specials/"))
        (item_list,) = json_ld(html)
        assert item_list["@type"] == "ItemList"
        assert [item["position"] for item in item_list["itemListElement"]] == [1, 2, 3]
        assert item_list["itemListElement"][0]["url"].endswith("/specials/ends-soon/")

    def test_query_count_does_not_grow_with_specials(
        self, client, no_specials, make_special, django_assert_max_num_queries
    ):
        image = ImageFactory()
        today = datetime.date.today()

        def add(count, start):
            for number in range(start, start + count):
                make_special(
                    f"offer-{number}",
                    today - datetime.timedelta(days=1),
                    today + datetime.timedelta(days=number + 1),
                    image=image,
                    regular_price=Decimal("100"),
                    special_price=Decimal("80"),
                )
                make_special(
                    f"soon-{number}",
                    today + datetime.timedelta(days=2),
                    today + datetime.timedelta(days=9),
                    image=image,
                )

        add(2, 0)
        client.get("/specials/")  # renditions made, caches warm
        with CaptureQueriesContext(connection) as few:
            client.get("/specials/")
        baseline = len(few)
        add(10, 2)
        client.get("/specials/")
        with django_assert_max_num_queries(baseline):
            html = soup(client.get("/specials/"))
        assert len(html.select(".card__link")) == 24


@pytest.mark.django_db
class TestSpecialPage:
    @pytest.fixture
    def special(self, clinic, sections, make_special):
        special = make_special(
            "eye-week",
            DEC_1,
            DEC_31,
            title="Eye Week </script><script>alert(1)</script>",
            summary="Brighter eyes & fewer lines.",
            regular_price=Decimal("150.00"),
            special_price=Decimal("119.50"),
            promo_code="BRIGHT",
            terms="Cannot be combined with other offers.",
            image=ImageFactory(title="Eye treatment special"),
        )
        special.treatments = [TreatmentFactory(name="Eye treatments", slug="eye-treatments")]
        special.save()
        return special

    def test_running(self, client, special, at):
        with at(clinic_time(2026, 12, 15)):
            html = soup(client.get(special.url))
        assert html.find("meta", attrs={"name": "robots"}) is None
        assert html.find("a", string="Book this special")["href"] == "/contact/?special=eye-week"
        assert "Ends December 31, 2026" in html.get_text()
        assert "$119.50" in html.get_text() and "$150" in html.get_text()
        assert "BRIGHT" in html.get_text()
        assert "Cannot be combined with other offers." in html.get_text()

    def test_book_comes_before_the_photo_and_the_description(self, client, special, at):
        special.body = "<p>" + "All about the treatment. " * 200 + "</p>"
        special.save_revision().publish()
        with at(clinic_time(2026, 12, 15)):
            html = soup(client.get(special.url))
        # On a phone the columns stack in document order: the button must not wait below the long text.
        book = html.find("a", string="Book this special")
        assert book.find_parent("header") is not None
        assert book.find_next(class_="rich-text") is not None
        assert book.find_next("img", class_="special__image") is not None
        assert len(html.find_all("a", string="Book this special")) == 1

    def test_ended(self, client, special, at):
        with at(clinic_time(2027, 1, 1, 0, 1)):
            html = soup(client.get(special.url))
            assert special.get_sitemap_urls() == []
        assert html.find("meta", attrs={"name": "robots"})["content"] == "noindex"
        notice = html.find(class_="special__notice--ended")
        assert "This offer ended on December 31, 2026" in notice.get_text()
        assert notice.find("a")["href"] == "/specials/"
        assert html.find("a", string="Book this special") is None
        assert "BRIGHT" not in html.get_text()
        assert json_ld(html) == []

    def test_upcoming(self, client, special, at):
        with at(clinic_time(2026, 11, 30, 23, 59)):
            html = soup(client.get(special.url))
        assert "This offer starts on December 1, 2026" in html.get_text()
        assert html.find("a", string="Book this special") is None

    def test_in_the_sitemap_while_not_ended(self, special, at):
        with at(clinic_time(2026, 12, 31, 23, 59)):
            assert [entry["location"] for entry in special.get_sitemap_urls()] == [special.full_url]

    def test_offer_json_ld(self, client, special, at):
        with at(clinic_time(2026, 12, 15)):
            response = client.get(special.url)
        html = soup(response)
        (offer,) = json_ld(html)
        assert offer["@type"] == "Offer"
        assert offer["name"] == special.title
        assert offer["description"] == "Brighter eyes & fewer lines."
        assert offer["price"] == "119.50"
        assert offer["priceCurrency"] == "USD"
        assert offer["validFrom"] == "2026-12-01T00:00:00-05:00"
        assert offer["validThrough"] == "2026-12-31T23:59:59-05:00"
        assert offer["url"] == special.full_url
        assert offer["seller"]["name"] == "ELLEMES Medical Spa"
        assert offer["seller"]["address"]["addressLocality"] == "Atlanta"
        assert offer["image"].endswith(".jpg")
        assert offer["itemOffered"] == [{"@type": "Service", "name": "Eye treatments"}]
        # Editors' text cannot close the script element early.
        assert b"</script><script>alert(1)" not in response.content

    def test_open_graph(self, client, special, at):
        with at(clinic_time(2026, 12, 15)):
            html = soup(client.get(special.url))
        og = {tag["property"]: tag["content"] for tag in html.find_all("meta", property=True)}
        assert og["og:title"] == special.title
        assert og["og:url"] == special.full_url
        assert og["og:image"].startswith("http") and "fill-1200x630" in og["og:image"]
        assert og["og:image:alt"] == special.image.alt_text

    def test_admin_title_shows_status_and_dates(self, special, at):
        with at(clinic_time(2026, 12, 15)):
            assert special.get_admin_display_title().endswith("· Running · Dec 1 – Dec 31, 2026")
        with at(clinic_time(2027, 1, 1)):
            assert "· Ended ·" in special.get_admin_display_title()

    def test_admin_listing_has_status_and_dates(self, admin_client, make_special):
        today = datetime.date.today()
        make_special("running-now", today, today + datetime.timedelta(days=3), title="Running Now")
        make_special("over", today - datetime.timedelta(days=9), today - datetime.timedelta(days=2), title="All Over")
        html = soup(admin_client.get("/admin/specials/"))
        rows = {tr.select_one("td.title").get_text(" ").split("·")[0].strip(): tr for tr in html.select("tbody tr")}
        cells = " ".join(rows["Running Now"].get_text(" ").split())
        assert "Running" in cells
        assert short_date(today) in cells
        assert "Ended" in " ".join(rows["All Over"].get_text(" ").split())
        assert admin_client.get("/admin/specials/?ordering=ends_on").status_code == 200


@pytest.mark.django_db
class TestHomePage:
    def test_up_to_three_running_specials(self, client, no_specials, make_special, at):
        for number in range(5):
            make_special(f"offer-{number}", DEC_1, DEC_31 - datetime.timedelta(days=number))
        make_special("upcoming", datetime.date(2026, 12, 20), DEC_31)
        with at(clinic_time(2026, 12, 15)):
            html = soup(client.get(no_specials.get_parent().url))
        section = html.find("section", class_="home-specials")
        links = [a["href"] for a in section.select(".card__link")]
        assert links == ["/specials/offer-4/", "/specials/offer-3/", "/specials/offer-2/"]
        assert section.find("a", string="See all specials")["href"] == "/specials/"

    def test_no_section_without_running_specials(self, client, no_specials):
        assert soup(client.get("/")).find("section", class_="home-specials") is None
