"""What the blog adds to the shared layout: the home page's latest articles and a person's articles."""

import datetime

import pytest
from bs4 import BeautifulSoup
from django.test import RequestFactory

from blog.slots import staff_articles
from ellemes import slots


def render(slot, page):
    request = RequestFactory().get("/")
    return BeautifulSoup(str(slots.render(slot, request, page)), "html.parser")


def staff_section(page):
    """Only the blog's part of the profile slot; other apps add their own sections."""
    return render("staff_profile", page).select_one(".staff-articles")


@pytest.mark.django_db
class TestHomePage:
    def test_shows_the_three_newest_articles(self, client, make_article):
        for n in range(4):
            make_article(f"Home article {n}", published_on=datetime.date(2024, 2, 1 + n))
        html = BeautifulSoup(client.get("/").content, "html.parser")
        section = html.select_one(".home-articles")
        titles = [a.get_text() for a in section.select(".card__link")]
        assert titles == ["Home article 3", "Home article 2", "Home article 1"]
        assert section.find("a", string="All articles")["href"] == "/blog/"

    def test_new_article_appears_first(self, client, make_article):
        make_article("Fresh advice", published_on=datetime.date.today())
        html = BeautifulSoup(client.get("/").content, "html.parser")
        assert html.select_one(".home-articles .card__link").get_text() == "Fresh advice"

    def test_nothing_when_there_are_no_articles(self, home, make_article):
        make_article("Unpublished later").unpublish()
        assert not render("home", home).select(".home-articles")


@pytest.mark.django_db
class TestStaffProfile:
    def test_lists_articles_written_and_reviewed(self, make_article, lauren, maya):
        make_article("The Benefits of Botox for Facial Symmetry", author=lauren, reviewed_by=maya)
        make_article("Dermaplaning aftercare", author=lauren, reviewed_by=maya)
        make_article("Someone else's article", author=maya, reviewed_by=None)
        written = staff_section(lauren)
        assert written.find("h3", string=f"Written by {lauren.title}")
        assert not written.find("h3", string=f"Medically reviewed by {lauren.title}")
        assert len(written.select(".card__link")) == 2
        reviewed = staff_section(maya)
        assert reviewed.find("h3", string=f"Medically reviewed by {maya.title}")
        assert "The Benefits of Botox for Facial Symmetry" in reviewed.get_text()

    def test_nothing_for_staff_without_live_articles(self, make_article, lauren):
        make_article("Withdrawn article", author=lauren).unpublish()
        assert staff_articles(RequestFactory().get("/"), lauren) is None
        assert staff_section(lauren) is None

    def test_nothing_for_other_pages(self, home):
        assert staff_articles(RequestFactory().get("/"), home) is None
        assert staff_articles(RequestFactory().get("/"), None) is None
        assert staff_section(home) is None
