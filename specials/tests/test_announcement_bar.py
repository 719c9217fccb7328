"""The announcement bar: what it says, which special it features, and when it goes away."""

import datetime

import pytest
from bs4 import BeautifulSoup
from wagtail.models import Site

from specials.layout import bar_special
from specials.models import SpecialsSettings
from specials.tests.conftest import clinic_time


def bar_of(client, url="/"):
    return BeautifulSoup(client.get(url).content, "html.parser").find("aside", class_="announcement")


def bar_text(bar):
    return " ".join(bar.get_text(" ").split())


def pick(special):
    bar = SpecialsSettings.for_site(Site.objects.get(is_default_site=True))
    bar.featured_special = special
    bar.save()


@pytest.fixture
def december_campaign(sections, make_special):
    return make_special(
        "eye-treatment-promos",
        datetime.date(2026, 12, 1),
        datetime.date(2026, 12, 31),
        title="Eye Treatment Promos",
        campaign="December Spa Specials",
        bar_label="Eye Treatment Promos",
    )


@pytest.mark.django_db
class TestCampaignBar:
    def test_the_december_campaign_is_in_the_bar(self, client, december_campaign, at):
        with at(clinic_time(2026, 12, 15)):
            bar = bar_of(client)
        assert bar["aria-label"] == "Current special"
        assert bar_text(bar) == "December Spa Specials | Eye Treatment Promos | Ends 12.31 | See All Specials"
        links = {a.get_text(): a["href"] for a in bar.find_all("a")}
        assert links == {"Eye Treatment Promos": "/specials/eye-treatment-promos/", "See All Specials": "/specials/"}

    @pytest.mark.parametrize("url", ["/", "/specials/", "/blog/", "/staff/", "/contact/"])
    def test_the_bar_is_above_the_header_on_every_page(self, client, december_campaign, at, url):
        with at(clinic_time(2026, 12, 15)):
            html = BeautifulSoup(client.get(url).content, "html.parser")
        bar = html.find("aside", class_="announcement")
        assert bar is not None
        assert bar.find_next("header", class_="site-header") is not None


@pytest.mark.django_db
class TestWhichSpecial:
    @pytest.fixture
    def three(self, no_specials, make_special):
        return {
            "ends_first": make_special("ends-first", datetime.date(2026, 12, 1), datetime.date(2026, 12, 10)),
            "ends_later": make_special("ends-later", datetime.date(2026, 11, 1), datetime.date(2027, 1, 5)),
            "ended": make_special("ended", datetime.date(2026, 10, 1), datetime.date(2026, 11, 30)),
        }

    def test_automatic_choice_is_the_one_ending_soonest(self, client, three, at):
        with at(clinic_time(2026, 12, 5)):
            bar = bar_of(client)
        assert bar.find("a")["href"] == "/specials/ends-first/"
        assert "Ends 12.10" in bar_text(bar)

    def test_picked_special_wins_while_it_runs(self, client, three, at):
        pick(three["ends_later"])
        with at(clinic_time(2026, 12, 5)):
            bar = bar_of(client)
        assert bar.find("a")["href"] == "/specials/ends-later/"
        assert "Ends 1.05" in bar_text(bar)

    def test_picked_special_that_ended_falls_back(self, client, three, at):
        pick(three["ended"])
        with at(clinic_time(2026, 12, 5)):
            assert bar_special(on=datetime.date(2026, 12, 5)) == three["ends_first"]
            assert bar_of(client).find("a")["href"] == "/specials/ends-first/"

    def test_picked_special_not_yet_running_falls_back(self, client, three, at):
        pick(three["ends_first"])
        # On October 15 the picked special has not started; only "ended" (until November 30) runs.
        with at(clinic_time(2026, 10, 15)):
            assert bar_of(client).find("a")["href"] == "/specials/ended/"

    def test_bar_switches_at_midnight(self, client, three, at):
        with at(clinic_time(2026, 12, 10, 23, 59)):
            assert bar_of(client).find("a")["href"] == "/specials/ends-first/"
        with at(clinic_time(2026, 12, 11, 0, 1)):
            assert bar_of(client).find("a")["href"] == "/specials/ends-later/"
        with at(clinic_time(2027, 1, 5, 23, 59)):
            assert bar_of(client).find("a")["href"] == "/specials/ends-later/"
        with at(clinic_time(2027, 1, 6, 0, 1)):
            assert bar_of(client) is None


@pytest.mark.django_db
class TestNoBar:
    def test_no_running_specials_no_bar_at_all(self, client, no_specials, make_special, at):
        make_special("ended", datetime.date(2026, 10, 1), datetime.date(2026, 11, 30))
        make_special("upcoming", datetime.date(2027, 1, 1), datetime.date(2027, 1, 31))
        with at(clinic_time(2026, 12, 15)):
            html = client.get("/").content.decode()
        assert 'class="announcement"' not in html
        assert "Current special" not in html

    def test_unpublished_special_is_not_announced(self, client, no_specials, make_special, at):
        make_special("draft", datetime.date(2026, 12, 1), datetime.date(2026, 12, 31), live=False)
        with at(clinic_time(2026, 12, 15)):
            assert bar_of(client) is None

    def test_editor_text_is_escaped(self, client, no_specials, make_special, at):
        make_special(
            "escaped",
            datetime.date(2026, 12, 1),
            datetime.date(2026, 12, 31),
            campaign="<script>alert(1)</script>",
            bar_label="Promos & <b>more</b>",
        )
        with at(clinic_time(2026, 12, 15)):
            html = client.get("/").content.decode()
        assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
        assert "Promos &amp; &lt;b&gt;more&lt;/b&gt;" in html
