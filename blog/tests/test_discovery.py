"""How the articles are found: RSS feed, sitemap, robots.txt and the site search."""

import datetime
import xml.etree.ElementTree as ET

import pytest
from bs4 import BeautifulSoup
from wagtail.models import Site

from blog.models import ArticlePage
from blog.tests.conftest import heading, paragraph
from contact.factories import ContactPageFactory

SITEMAP_NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}


def parse_xml(content):
    return ET.fromstring(content)  # noqa: S314 (the site's own response, parsed to check it is well-formed)


@pytest.mark.django_db
class TestFeed:
    def test_feed_lists_the_newest_articles(self, client, clinic, make_article):
        for n in range(3):
            make_article(f"Feed entry {n}", published_on=datetime.date(2024, 5, 1 + n))
        response = client.get("/blog/feed/")
        assert response.status_code == 200
        assert response["Content-Type"].startswith("application/rss+xml")
        channel = parse_xml(response.content).find("channel")
        assert channel.findtext("title") == "ELLEMES Medical Spa: articles"
        items = channel.findall("item")
        newest = ArticlePage.objects.published().order_by("-published_on")
        assert [item.findtext("title") for item in items] == ["Feed entry 2", "Feed entry 1", "Feed entry 0"]
        first = items[0]
        assert first.findtext("link").endswith(newest[0].url)
        assert first.findtext("description") == newest[0].intro
        assert first.findtext("pubDate")

    def test_feed_holds_at_most_twenty_and_no_drafts(self, client, make_article):
        for n in range(21):
            make_article(f"Feed article {n}", published_on=datetime.date(2025, 8, 1))
        make_article("Feed draft", live=False, published_on=datetime.date(2025, 9, 1))
        items = parse_xml(client.get("/blog/feed/").content).find("channel").findall("item")
        titles = [item.findtext("title") for item in items]
        assert len(titles) == 20
        assert "Feed draft" not in titles

    def test_feed_escapes_titles(self, client, make_article):
        make_article("Peels & <lasers>", published_on=datetime.date(2025, 10, 1))
        items = parse_xml(client.get("/blog/feed/").content).find("channel").findall("item")
        assert items[0].findtext("title") == "Peels & <lasers>"


@pytest.mark.django_db
class TestSitemapAndRobots:
    def test_sitemap_lists_live_pages_with_lastmod(self, client, make_article):
        make_article("Sitemap article")
        make_article("Sitemap draft", live=False)
        ContactPageFactory()
        response = client.get("/sitemap.xml")
        assert response.status_code == 200
        urls = parse_xml(response.content).findall("s:url", SITEMAP_NS)
        locations = {url.findtext("s:loc", namespaces=SITEMAP_NS) for url in urls}
        paths = {loc.split("://", 1)[1].split("/", 1)[1] for loc in locations}
        assert {"", "blog/", "blog/sitemap-article/", "staff/", "contact/"} <= paths
        assert "blog/sitemap-draft/" not in paths
        assert all(url.findtext("s:lastmod", namespaces=SITEMAP_NS) for url in urls)

    def test_robots_txt(self, client, home):
        response = client.get("/robots.txt")
        assert response.status_code == 200
        assert response["Content-Type"].startswith("text/plain")
        lines = response.content.decode().splitlines()
        assert "User-agent: *" in lines
        assert "Disallow: /admin/" in lines
        # The Site's own address, not the request's host (tests/test_public_urls.py).
        assert f"Sitemap: {Site.objects.get(is_default_site=True).root_url}/sitemap.xml" in lines


def search(client, query, **params):
    response = client.get("/search/", {"q": query, **params})
    assert response.status_code == 200
    return response, BeautifulSoup(response.content, "html.parser")


def result_titles(html):
    return [a.get_text() for a in html.select(".search-result h2 a")]


@pytest.mark.django_db
class TestSearch:
    def test_finds_articles_by_title_and_body(self, client, make_article):
        make_article("What Is Dermaplaning? A Gentle Exfoliation Explained")
        botox = "The Benefits of Botox for Facial Symmetry: How It Works and Potential Risks"
        make_article(botox, body=[heading("What is Botox?"), paragraph("<p>Botox is a neuromodulator.</p>")])
        make_article("Sun care after treatments")
        _, html = search(client, "dermaplaning")
        assert result_titles(html) == ["What Is Dermaplaning? A Gentle Exfoliation Explained"]
        _, html = search(client, "neuromodulator")
        titles = result_titles(html)
        assert titles == [botox]
        assert html.select(".search-result__type")[titles.index(botox)].get_text() == "Article"

    def test_finds_staff_profiles(self, client, maya):
        _, html = search(client, "Okafor")
        assert "Dr. Maya Okafor, MD — Medical Director" in result_titles(html)

    def test_new_articles_are_found_and_drafts_are_not(self, client, make_article):
        make_article("Microneedling myths", intro="Collagen induction explained.")
        make_article("Secret zyxwvut draft", live=False)
        _, html = search(client, "microneedling")
        assert result_titles(html) == ["Microneedling myths"]
        _, html = search(client, "zyxwvut")
        assert result_titles(html) == []

    def test_empty_query_shows_a_prompt(self, client, home):
        _, html = search(client, "")
        assert html.select_one(".empty-state").get_text().startswith("Type a treatment")
        assert not html.select(".search-result")

    def test_no_results_message(self, client, make_article):
        make_article("An article that does not match")
        _, html = search(client, "qwertyuiopasdf")
        assert "Nothing matched" in html.select_one(".empty-state").get_text()

    def test_search_pages_are_not_indexed(self, client, home):
        response, html = search(client, "botox")
        assert html.find("meta", attrs={"name": "robots"})["content"] == "noindex"
        assert response["X-Robots-Tag"] == "noindex"

    def test_query_shows_in_the_header_box(self, client, home):
        _, html = search(client, "peels")
        assert html.find("input", id="site-search-q")["value"] == "peels"

    @pytest.mark.parametrize(
        "query",
        [
            "x" * 1000,
            "botox " * 200,
            "'; DROP TABLE wagtailcore_page; --",
            '"unbalanced quote',
            "<script>alert(1)</script>",
            "a AND (b OR NOT c*) NEAR/2 \\",
            "%_%",
            "bad\x00byte",
            "!!! ??? ***",
        ],
    )
    def test_odd_queries_return_a_normal_page(self, client, make_article, query):
        make_article("Botox basics")
        response, html = search(client, query)
        assert html.find("h1").get_text() == "Search"
        assert b"<script>alert(1)" not in response.content

    def test_results_are_paginated(self, client, make_article):
        for n in range(12):
            make_article(f"Paginated quokka {n}", intro="Quokka notes.")
        _, first = search(client, "quokka")
        assert len(result_titles(first)) == 10
        assert first.select_one("nav.pagination a[rel=next]")["href"] == "?q=quokka&page=2"
        _, second = search(client, "quokka", page="2")
        assert len(result_titles(second)) == 2
        _, clamped = search(client, "quokka", page="nonsense")
        assert result_titles(clamped) == result_titles(first)

    def test_the_count_is_right_whether_or_not_the_first_page_is_full(self, client, make_article):
        for n in range(3):
            make_article(f"Counted wallaby {n}", intro="Wallaby notes.")
        _, few = search(client, "wallaby")
        assert few.select_one(".search-page [role=status]").get_text() == "3 results for “wallaby”"
        for n in range(3, 12):
            make_article(f"Counted wallaby {n}", intro="Wallaby notes.")
        _, many = search(client, "wallaby")
        assert many.select_one(".search-page [role=status]").get_text() == "12 results for “wallaby”"
