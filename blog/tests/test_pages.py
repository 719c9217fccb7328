"""What readers and search engines get from the blog index and the article pages."""

import datetime
import json

import pytest
from bs4 import BeautifulSoup
from django.db import connection
from django.test.utils import CaptureQueriesContext

from blog.models import ARTICLES_PER_PAGE, ArticlePage
from blog.tests.conftest import heading, paragraph
from ellemes.factories import ImageFactory

BOTOX_URL = "/blog/botox-for-facial-symmetry/"


def soup(response):
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


def json_ld(html, schema_type):
    for script in html.find_all("script", type="application/ld+json"):
        data = json.loads(script.string)
        if data["@type"] == schema_type:
            return data
    raise AssertionError(f"no {schema_type} JSON-LD")


def text(element):
    return " ".join(element.get_text().split())


def card_titles(html):
    return [text(h) for h in html.select(".article-list .article-card__title")]


def image_block(image, alt_text):
    return {"type": "image", "value": {"image": image.pk, "alt_text": alt_text, "caption": ""}}


@pytest.fixture
def botox_article(clinic, make_article, treatment, lauren, maya):
    """An article built like the clinic's reference page: dated, reviewed, illustrated, with picked links."""
    botox = treatment("botox")
    crows_feet = make_article("Crow's Feet: Comparing Your Treatment Options", published_on=datetime.date(2023, 3, 6))
    first_visit = make_article("Your First Botox Appointment: What to Expect", published_on=datetime.date(2023, 6, 12))
    hero = ImageFactory(title="Botox consultation", alt_text="woman receiving botox treatment")
    vial = ImageFactory(title="Botox vial and syringe", alt_text="botox treatment")
    sections = ["What is Botox?", "How Botox helps with facial symmetry", "Other benefits of Botox"]
    body = [paragraph("<p>Botox is one of the most requested aesthetic treatments in the world.</p>")]
    body += [heading(sections[0]), image_block(vial, "botox treatment"), paragraph("<p>A neuromodulator.</p>")]
    body += [heading(sections[1]), paragraph("<p>Very few faces are symmetrical.</p>")]
    body += [{"type": "pull_quote", "value": {"quote": "The goal is balance.", "attribution": "Lauren Siso"}}]
    body += [heading(sections[2]), heading("How Botox works"), heading("Risks of Botox")]
    body += [{"type": "callout", "value": {"title": "Risks and side effects", "text": "<p>Bruising.</p>"}}]
    return make_article(
        "The Benefits of Botox for Facial Symmetry: How It Works and Potential Risks",
        slug="botox-for-facial-symmetry",
        intro="Botox is best known for softening wrinkles, but carefully placed injections can also even out a face.",
        hero_image=hero,
        body=body,
        treatments=[botox],
        related=[crows_feet, first_visit],
        published_on=datetime.date(2023, 2, 20),
        updated_on=datetime.date(2023, 4, 10),
        last_reviewed_on=datetime.date(2023, 4, 10),
    )


@pytest.mark.django_db
class TestReferenceArticle:
    def test_dates_and_review_line_as_on_the_reference_page(self, client, botox_article, lauren, maya):
        html = soup(client.get(BOTOX_URL))
        assert text(html.select_one(".article__updated")) == "Updated: April 10, 2023"
        assert text(html.select_one(".article__published")) == "First published: February 20, 2023"
        review = f"Medically reviewed by {maya.name_with_license} on April 10, 2023"
        assert text(html.select_one(".article__review")) == review
        assert maya.name_with_license.endswith(", MD")
        assert text(html.select_one(".article__byline")).startswith(f"By {lauren.name_with_license}")

    def test_sections_images_and_table_of_contents(self, client, botox_article):
        html = soup(client.get(BOTOX_URL))
        body = html.select_one(".article__body")
        headings = [h.get_text() for h in body.find_all("h2")]
        assert headings == [
            "What is Botox?",
            "How Botox helps with facial symmetry",
            "Other benefits of Botox",
            "How Botox works",
            "Risks of Botox",
        ]
        toc_links = [a["href"] for a in html.select("nav.toc a")]
        assert toc_links == [f"#{h['id']}" for h in body.find_all("h2")]
        alts = {img["alt"] for img in html.find("main").find_all("img")}
        assert {"woman receiving botox treatment", "botox treatment"} <= alts
        assert html.select_one(".article-callout").find(string=lambda s: "Risks and side effects" in s)

    def test_structured_data(self, client, botox_article, lauren, maya):
        html = soup(client.get(BOTOX_URL))
        data = json_ld(html, "MedicalWebPage")
        assert data["headline"].startswith("The Benefits of Botox for Facial Symmetry")
        assert data["datePublished"] == "2023-02-20"
        assert data["dateModified"] == "2023-04-10"
        assert data["lastReviewed"] == "2023-04-10"
        assert data["author"] == {**data["author"], "@type": "Person", "name": lauren.title}
        assert data["author"]["url"].endswith("/staff/lauren-siso/")
        assert data["reviewedBy"]["name"] == maya.title
        assert data["reviewedBy"]["hasCredential"] == {
            **data["reviewedBy"]["hasCredential"],
            "@type": "EducationalOccupationalCredential",
            "credentialCategory": "license",
            "name": "MD",
        }
        # The clinic is described as on every other page that names it.
        assert data["publisher"]["name"] == "ELLEMES Medical Spa"
        assert data["publisher"]["address"]["addressLocality"] == "Atlanta"
        assert data["publisher"]["logo"]["url"].startswith("http")
        assert data["image"].startswith("http") and "fill-1200x630" in data["image"]
        assert data["description"]
        assert {"@type": "MedicalProcedure", "name": "Botox"} in data["about"]

    def test_breadcrumbs(self, client, botox_article):
        html = soup(client.get(BOTOX_URL))
        crumbs = [text(li) for li in html.select("nav.breadcrumbs li")]
        assert crumbs[:2] == ["Home", "Blog"] and crumbs[2].startswith("The Benefits of Botox")
        data = json_ld(html, "BreadcrumbList")
        assert [item["position"] for item in data["itemListElement"]] == [1, 2, 3]
        assert data["itemListElement"][1]["item"].endswith("/blog/")

    def test_social_and_meta_tags(self, client, botox_article):
        html = soup(client.get(BOTOX_URL))

        def meta(**attrs):
            return html.find("meta", attrs=attrs)["content"]

        assert meta(property="og:type") == "article"
        assert meta(property="og:image").startswith("http")
        assert meta(property="og:image:alt") == "woman receiving botox treatment"
        assert meta(name="twitter:card") == "summary_large_image"
        assert meta(name="description").startswith("Botox is best known")
        assert html.find("link", rel="canonical")["href"].endswith(BOTOX_URL)
        feed = html.find("link", rel="alternate", type="application/rss+xml")
        assert feed["href"] == "/blog/feed/"

    def test_related_articles_show_the_manual_picks(self, client, botox_article):
        html = soup(client.get(BOTOX_URL))
        related = [text(a) for a in html.select(".related-articles .card__link")]
        assert related[:2] == [
            "Crow's Feet: Comparing Your Treatment Options",
            "Your First Botox Appointment: What to Expect",
        ]
        assert len(related) <= 3


@pytest.mark.django_db
class TestArticleRendering:
    def test_title_with_script_tag_cannot_break_out_of_json_ld(self, client, make_article):
        title = 'Peels </script><script>alert("x")</script> & more'
        article = make_article(title, intro="Intro with </script> too")
        response = client.get(article.url)
        assert b"<script>alert" not in response.content
        html = soup(response)
        data = json_ld(html, "MedicalWebPage")
        assert data["headline"] == title
        assert html.find("h1").get_text() == title

    def test_small_articles_have_no_table_of_contents(self, client, make_article):
        article = make_article("Two sections", body=[heading("One"), heading("Two")])
        html = soup(client.get(article.url))
        assert html.select_one("nav.toc") is None
        # Without contents the text takes the whole reading width, not the contents' column
        # (tests/browser/test_layout.py measures it).
        assert "article__layout--with-toc" not in html.select_one(".article__layout")["class"]

    def test_heading_levels_and_anchors(self, client, make_article):
        article = make_article("Levels", body=[heading("Main"), heading("Detail", "h3"), heading("Main")])
        body = soup(client.get(article.url)).select_one(".article__body")
        assert [(h.name, h["id"]) for h in body.find_all(["h2", "h3"])] == [
            ("h2", "main"),
            ("h3", "detail"),
            ("h2", "main-2"),
        ]

    def test_without_a_review_no_review_line(self, client, make_article):
        article = make_article("Unreviewed", reviewed_by=None, last_reviewed_on=None)
        html = soup(client.get(article.url))
        assert html.select_one(".article__review") is None
        assert "reviewedBy" not in json_ld(html, "MedicalWebPage")
        assert html.select_one(".article__updated") is None

    def test_user_text_is_escaped(self, client, make_article):
        article = make_article("Escaping <b>bold</b>", intro="An <i>intro</i>")
        content = client.get(article.url).content.decode()
        assert "<b>bold</b>" not in content and "&lt;b&gt;bold&lt;/b&gt;" in content
        assert "<i>intro</i>" not in content

    def test_draft_preview(self, make_article, blog_index):
        article = make_article("Draft only", live=False)
        article.title = "Draft only, edited"
        article.save_revision()
        response = article.make_preview_request()
        assert response.status_code == 200
        assert b"Draft only" in response.content
        assert blog_index.make_preview_request().status_code == 200

    def test_preview_of_an_article_not_yet_saved(self, blog_index, lauren, treatment):
        article = ArticlePage(
            title="Brand new draft",
            slug="brand-new-draft",
            intro="Not saved yet.",
            author=lauren,
            body=json.dumps([heading("One"), heading("Two"), heading("Three")]),
        )
        article.treatments.set([treatment("botox")])
        # What the admin does before previewing a page that is not in the tree yet.
        article.depth = blog_index.depth + 1
        article.path = blog_index.path + "ZZZZ"
        article.set_url_path(blog_index)
        response = article.make_preview_request()
        html = soup(response)
        assert html.find("h1").get_text() == "Brand new draft"
        assert len(html.select("nav.toc a")) == 3

    def test_admin_forms_open(self, admin_client, make_article, blog_index):
        article = make_article("Editable")
        assert admin_client.get(f"/admin/pages/{article.pk}/edit/").status_code == 200
        assert admin_client.get(f"/admin/pages/add/blog/articlepage/{blog_index.pk}/").status_code == 200

    def test_unpublished_articles_are_not_served(self, client, make_article):
        article = make_article("Not yet", live=False)
        assert client.get("/blog/not-yet/").status_code == 404
        assert article.pk


@pytest.fixture
def one_page_and_one_article(make_article):
    """One more than fits on the first page, each published on a different day."""
    return [
        make_article(f"Listed article {n}", published_on=datetime.date(2024, 1, 1 + n))
        for n in range(ARTICLES_PER_PAGE + 1)
    ]


@pytest.mark.django_db
class TestBlogIndex:
    def test_lists_twelve_newest_first_with_a_second_page(self, client, one_page_and_one_article):
        html = soup(client.get("/blog/"))
        titles = card_titles(html)
        assert len(titles) == 12, "twelve fill whole rows of one, two, three or four cards"
        expected = [a.title for a in ArticlePage.objects.published().newest_first()]
        assert titles == expected[:12] == [a.title for a in reversed(one_page_and_one_article[1:])]
        assert card_titles(soup(client.get("/blog/?page=2"))) == expected[12:24]
        assert html.select_one("nav.pagination a[rel=next]")["href"] == "?page=2"

    def test_cards_show_image_title_intro_date_and_reading_time(self, client, make_article):
        make_article("A listed article")
        card = soup(client.get("/blog/")).select_one(".article-list .article-card")
        assert card.find("img")["alt"]
        assert card.find("time")["datetime"]
        assert "min read" in text(card)
        assert card.find("p", class_=None).get_text()

    @pytest.mark.parametrize(
        ("raw", "expected"), [("abc", 1), ("0", 1), ("-3", 1), ("999", 2), ("2", 2), ("1e3", 1), ("", 1)]
    )
    def test_bad_page_numbers_show_the_nearest_page(self, client, one_page_and_one_article, raw, expected):
        html = soup(client.get("/blog/", {"page": raw}))
        assert text(html.select_one("nav.pagination [aria-current=page]")) == str(expected)

    def test_filter_by_treatment(self, client, make_article, treatment):
        fillers, botox = treatment("dermal-fillers"), treatment("botox")
        make_article("Lip filler expectations", treatments=[fillers])
        make_article("Fillers explained", treatments=[fillers, botox])
        make_article("Your first Botox appointment", treatments=[botox])
        make_article("A draft about fillers", treatments=[fillers], live=False)
        html = soup(client.get("/blog/?treatment=dermal-fillers"))
        assert sorted(card_titles(html)) == ["Fillers explained", "Lip filler expectations"]
        assert html.select_one(".treatment-filter [aria-current=page]").get_text() == "Dermal fillers"

    @pytest.mark.parametrize("slug", ["no-such-treatment", "<script>", "x" * 500, "bad\x00byte", "' OR 1=1 --"])
    def test_unknown_treatment_shows_a_clear_message(self, client, make_article, slug):
        make_article("Listed whatever the filter")
        html = soup(client.get("/blog/", {"treatment": slug}))
        assert card_titles(html) == []
        assert "We have no treatment called" in text(html.select_one(".empty-state"))

    def test_treatment_filter_is_kept_across_pages(self, client, make_article, treatment):
        peels = treatment("chemical-peels")
        for n in range(ARTICLES_PER_PAGE + 1):
            make_article(f"Peel article {n}", treatments=[peels])
        html = soup(client.get("/blog/?treatment=chemical-peels"))
        assert html.select_one("nav.pagination a[rel=next]")["href"] == "?treatment=chemical-peels&page=2"

    def test_drafts_are_not_listed(self, client, make_article):
        make_article("Hidden draft", live=False, published_on=datetime.date.today())
        assert "Hidden draft" not in card_titles(soup(client.get("/blog/")))


def count_queries(client, url):
    with CaptureQueriesContext(connection) as context:
        assert client.get(url).status_code == 200
    return len(context.captured_queries)


@pytest.mark.django_db
class TestQueryCounts:
    # Fixed bounds with room for the shared layout's slots (announcement bar, footer spotlight).
    INDEX_LIMIT = 45
    ARTICLE_LIMIT = 55

    def test_blog_index_does_not_grow_with_the_number_of_articles(
        self, client, make_article, treatment, django_assert_max_num_queries
    ):
        client.get("/blog/")  # creates the image renditions once
        before = count_queries(client, "/blog/")
        botox = treatment("botox")
        for n in range(50):
            make_article(f"Bulk article {n}", treatments=[botox], published_on=datetime.date(2025, 6, 1))
        client.get("/blog/")
        with django_assert_max_num_queries(self.INDEX_LIMIT):
            client.get("/blog/")
        assert count_queries(client, "/blog/") == before
        assert count_queries(client, "/blog/?page=5&treatment=botox") <= self.INDEX_LIMIT

    def test_article_page_does_not_grow_with_the_number_of_articles(
        self, client, make_article, treatment, django_assert_max_num_queries
    ):
        botox = treatment("botox")
        article = make_article("Measured article", treatments=[botox], body=[heading("A"), paragraph("<p>b</p>")])
        client.get(article.url)
        before = count_queries(client, article.url)
        for n in range(50):
            make_article(f"Related bulk {n}", treatments=[botox])
        client.get(article.url)
        with django_assert_max_num_queries(self.ARTICLE_LIMIT):
            client.get(article.url)
        assert count_queries(client, article.url) == before
