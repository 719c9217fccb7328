"""Every public absolute URL names the Wagtail Site's host, whatever host the request arrived on."""

import datetime
import json
import re
import xml.etree.ElementTree as ET

import pytest
from bs4 import BeautifulSoup
from django.utils import timezone
from wagtail.models import Site

from blog.models import ArticlePage, BlogIndexPage
from ellemes.factories import ImageFactory
from ellemes.public_urls import absolute_url
from specials.models import SpecialPage, SpecialsIndexPage
from staff.models import StaffIndexPage, StaffMemberPage

pytestmark = pytest.mark.usefixtures("small_site")

SITE_ROOT = "https://www.ellemes.example"
# What a proxy in front of the site might pass on, and the admin's own address: neither may leak.
REQUEST_HOST = "internal.ellemes.test"
ADMIN_ROOT = "https://admin.ellemes.example"
SITEMAP_NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}


def parse_xml(content):
    return ET.fromstring(content)  # noqa: S314 (the site's own response, parsed to check it)


@pytest.fixture
def site_behind_a_proxy(db, settings):
    settings.ALLOWED_HOSTS = ["www.ellemes.example", REQUEST_HOST]
    settings.WAGTAILADMIN_BASE_URL = ADMIN_ROOT
    site = Site.objects.get(is_default_site=True)
    site.hostname, site.port = "www.ellemes.example", 443
    site.save()
    return site


@pytest.fixture
def promoted_pages(db):
    """An article, a special and a staff profile, each with an image, as the pages worth sharing."""
    image = ImageFactory(title="One host share image", alt_text="A treatment room", file__width=1300, file__height=700)
    member = StaffMemberPage(
        title="Ana Host",
        slug="ana-host",
        role="Nurse Injector",
        short_bio="Ana.",
        photo=image,
        license_type="Registered Nurse",
    )
    StaffIndexPage.objects.get().add_child(instance=member)
    article = ArticlePage(
        title="One host article",
        slug="one-host-article",
        intro="An introduction.",
        hero_image=image,
        author=member,
        published_on=datetime.date(2024, 1, 1),
        body=json.dumps([{"type": "paragraph", "value": "<p>Text.</p>"}]),
    )
    BlogIndexPage.objects.get().add_child(instance=article)
    today = timezone.localdate()
    special = SpecialPage(
        title="One host special",
        slug="one-host-special",
        campaign="Test",
        bar_label="One host special",
        summary="A summary.",
        starts_on=today - datetime.timedelta(days=1),
        ends_on=today + datetime.timedelta(days=5),
        image=image,
    )
    SpecialsIndexPage.objects.get().add_child(instance=special)
    return [member.url, article.url, special.url]


def get(client, path):
    response = client.get(path, HTTP_HOST=REQUEST_HOST)
    return response, response.content.decode()


def json_ld_urls(value, key=None):
    """Every URL in JSON-LD, leaving out schema.org's own names and the clinic's profiles elsewhere (`sameAs`)."""
    if isinstance(value, dict):
        return [url for k, v in value.items() if k not in ("@context", "sameAs") for url in json_ld_urls(v, k)]
    if isinstance(value, list):
        return [url for item in value for url in json_ld_urls(item, key)]
    if isinstance(value, str) and re.match(r"https?://", value) and not value.startswith("https://schema.org/"):
        return [value]
    return []


def head_urls(html):
    """The page's canonical link, its og:/twitter: URLs and every URL in its JSON-LD."""
    soup = BeautifulSoup(html, "html.parser")
    urls = [soup.find("link", rel="canonical")["href"]]
    for meta in soup.find_all("meta", attrs={"property": re.compile("^og:(url|image)$")}):
        urls.append(meta["content"])
    for meta in soup.find_all("meta", attrs={"name": "twitter:image"}):
        urls.append(meta["content"])
    for script in soup.find_all("script", type="application/ld+json"):
        urls += json_ld_urls(json.loads(script.string))
    return urls


def assert_no_other_host(text):
    assert REQUEST_HOST not in text
    assert ADMIN_ROOT not in text


def test_absolute_url_joins_paths_to_the_site_root_and_keeps_absolute_addresses(site_behind_a_proxy):
    assert absolute_url(site_behind_a_proxy, "/media/a.jpg") == f"{SITE_ROOT}/media/a.jpg"
    assert absolute_url(site_behind_a_proxy, "https://cdn.example/a.jpg") == "https://cdn.example/a.jpg"
    assert absolute_url(None, "/sitemap.xml") == "/sitemap.xml"


@pytest.mark.django_db
@pytest.mark.usefixtures("site_behind_a_proxy")
class TestOneHost:
    @pytest.mark.parametrize(
        "path", ["/", "/blog/", "/specials/", "/staff/", "/contact/", "/search/?q=botox", "/no-such-page/"]
    )
    def test_sections_name_only_the_site_host(self, client, path):
        response, html = get(client, path)
        assert response.status_code in (200, 404)
        urls = head_urls(html)
        assert urls
        assert all(url.startswith(f"{SITE_ROOT}/") for url in urls), urls
        assert_no_other_host(html)

    def test_shared_pages_name_only_the_site_host_for_pages_and_images(self, client, promoted_pages):
        for path in promoted_pages:
            response, html = get(client, path)
            assert response.status_code == 200
            urls = head_urls(html)
            assert any("/media/" in url or "/images/" in url for url in urls), (path, urls)
            assert all(url.startswith(f"{SITE_ROOT}/") for url in urls), (path, urls)
            assert_no_other_host(html)

    def test_sitemap(self, client):
        response, xml = get(client, "/sitemap.xml")
        locations = [
            url.findtext("s:loc", namespaces=SITEMAP_NS) for url in parse_xml(xml).findall("s:url", SITEMAP_NS)
        ]
        assert locations
        assert all(location.startswith(f"{SITE_ROOT}/") for location in locations)
        assert_no_other_host(xml)

    def test_robots_txt(self, client):
        _, text = get(client, "/robots.txt")
        assert f"Sitemap: {SITE_ROOT}/sitemap.xml" in text.splitlines()
        assert_no_other_host(text)

    def test_feed(self, client, promoted_pages):
        _, xml = get(client, "/blog/feed/")
        channel = parse_xml(xml).find("channel")
        self_link = channel.find("{http://www.w3.org/2005/Atom}link")
        links = [channel.findtext("link"), self_link.get("href")]
        links += [item.findtext(tag) for item in channel.findall("item") for tag in ("link", "guid")]
        assert f"{SITE_ROOT}/blog/one-host-article/" in links
        assert all(link.startswith(f"{SITE_ROOT}/") for link in links), links
        assert_no_other_host(xml)
