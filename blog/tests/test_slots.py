"""What the blog adds to the shared layout: the home page's latest articles and a person's articles."""

import datetime

import pytest
from bs4 import BeautifulSoup
from django.test import RequestFactory

from blog.models import ArticlePage
from ellemes import slots


def render(slot, page):
    request = RequestFactory().get("/")
    return BeautifulSoup(str(slots.render(slot, request, page)), "html.parser")


@pytest.mark.django_db
class TestHomePage:
    def test_shows_the_three_newest_articles(self, client):
        html = BeautifulSoup(client.get("/").content, "html.parser")
        section = html.select_one(".home-articles")
        titles = [a.get_text() for a in section.select(".card__link")]
        assert titles == [a.title for a in ArticlePage.objects.published().newest_first()[:3]]
        assert section.find("a", string="All articles")["href"] == "/blog/"

    def test_new_article_appears_first(self, client, make_article):
        make_article("Fresh advice", published_on=datetime.date.today())
        html = BeautifulSoup(client.get("/").content, "html.parser")
        assert html.select_one(".home-articles .card__link").get_text() == "Fresh advice"

    def test_nothing_when_there_are_no_articles(self, home):
        for article in ArticlePage.objects.all():
            article.unpublish()
        assert not render("home", home).select(".home-articles")


@pytest.mark.django_db
class TestStaffProfile:
    def test_lists_articles_written_and_reviewed(self, lauren, maya):
        written = render("staff_profile", lauren)
        assert written.find("h3", string="Written by Lauren Siso")
        assert not written.find("h3", string="Medically reviewed by Lauren Siso")
        assert len(written.select(".card__link")) == ArticlePage.objects.published().filter(author=lauren).count()
        reviewed = render("staff_profile", maya)
        assert reviewed.find("h3", string="Medically reviewed by Maya Okafor")
        assert "The Benefits of Botox for Facial Symmetry" in reviewed.get_text()

    def test_nothing_for_staff_without_live_articles(self, lauren):
        for article in ArticlePage.objects.filter(author=lauren):
            article.unpublish()
        assert str(slots.render("staff_profile", RequestFactory().get("/"), lauren)) == ""

    def test_nothing_for_other_pages(self, home):
        assert str(slots.render("staff_profile", RequestFactory().get("/"), home)) == ""
        assert str(slots.render("staff_profile", RequestFactory().get("/"), None)) == ""
