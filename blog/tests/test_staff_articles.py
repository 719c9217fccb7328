"""A staff profile lists a few of the person's articles and links to the rest: the blog filtered by that person."""

import datetime

import pytest
from bs4 import BeautifulSoup

from blog.factories import ArticlePageFactory
from blog.slots import STAFF_ARTICLES


def soup(response):
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


def articles_by(author, count, reviewed_by=None, start=datetime.date(2025, 1, 1)):
    return [
        ArticlePageFactory(
            title=f"Guide {n + 1} by {author.title}",
            author=author,
            reviewed_by=reviewed_by,
            published_on=start + datetime.timedelta(days=n),
        )
        for n in range(count)
    ]


def see_all(section):
    """The link to the rest of the person's articles, if the profile shows one."""
    for link in section.find_all("a"):
        if " ".join(link.get_text().split()) == "See all articles written or reviewed by Lauren Siso":
            return link
    return None


def profile_section(client, member):
    return soup(client.get(member.url)).find("section", class_="staff-articles")


@pytest.mark.django_db
class TestProfile:
    def test_at_most_six_articles_newest_first_and_a_link_to_all(self, client, lauren, maya):
        articles_by(lauren, 8, reviewed_by=maya)
        section = profile_section(client, lauren)
        titles = [a.get_text() for a in section.select(".card__link")]
        assert STAFF_ARTICLES == 6
        assert titles == [f"Guide {n} by Lauren Siso" for n in range(8, 2, -1)]
        link = see_all(section)
        assert link["href"] == "/blog/?staff=lauren-siso"

    def test_written_articles_come_before_reviewed_ones_within_the_six(self, client, lauren, maya):
        articles_by(maya, 4, reviewed_by=lauren, start=datetime.date(2025, 6, 1))
        articles_by(lauren, 4, reviewed_by=maya)
        section = profile_section(client, lauren)
        written = section.find("h3", string="Written by Lauren Siso").find_next("ul")
        reviewed = section.find("h3", string="Medically reviewed by Lauren Siso").find_next("ul")
        assert len(written.select(".card__link")) == 4
        assert len(reviewed.select(".card__link")) == 2
        assert see_all(section)

    def test_no_link_when_every_article_is_listed(self, client, lauren, maya):
        articles_by(lauren, 3, reviewed_by=maya)
        section = profile_section(client, lauren)
        assert len(section.select(".card__link")) == 3
        assert see_all(section) is None


@pytest.mark.django_db
class TestBlogFilteredByStaff:
    def test_lists_every_article_the_person_wrote_or_reviewed(self, client, lauren, maya):
        articles_by(lauren, 8, reviewed_by=maya)
        html = soup(client.get("/blog/", {"staff": "maya-okafor"}))
        assert len(html.select(".article-list .card__link")) == 8
        status = html.find(attrs={"role": "status"})
        assert " ".join(status.get_text().split()) == "Articles written or medically reviewed by Dr. Maya Okafor, MD"
        assert status.a["href"] == "/staff/maya-okafor/"

    def test_only_that_persons_articles(self, client, lauren, maya):
        articles_by(lauren, 2, reviewed_by=None)
        articles_by(maya, 1, reviewed_by=None)
        html = soup(client.get("/blog/", {"staff": "maya-okafor"}))
        assert [a.get_text() for a in html.select(".article-list .card__link")] == ["Guide 1 by Dr. Maya Okafor"]

    @pytest.mark.parametrize("slug", ["nobody", "<b>x</b>"])
    def test_an_unknown_person_says_so(self, client, lauren, slug):
        articles_by(lauren, 1)
        html = soup(client.get("/blog/", {"staff": slug}))
        assert html.select(".article-list") == []
        assert "We have no team member called" in html.find(class_="empty-state").get_text()
