"""The page tree, the shared layout and the meta tags every page carries."""

import pytest
from bs4 import BeautifulSoup
from wagtail.models import Page

from blog.models import BlogIndexPage
from contact.models import ContactPage
from ellemes.models import HomePage
from legal.models import LegalPage
from specials.models import SpecialsIndexPage
from staff.models import StaffIndexPage
from treatments.models import TreatmentIndexPage

SECTIONS = [
    (TreatmentIndexPage, "/treatments/"),
    (BlogIndexPage, "/blog/"),
    (SpecialsIndexPage, "/specials/"),
    (StaffIndexPage, "/staff/"),
    (ContactPage, "/contact/"),
]


pytestmark = pytest.mark.usefixtures("sections")


def soup(response):
    return BeautifulSoup(response.content, "html.parser")


@pytest.mark.django_db
class TestPageTree:
    def test_home_page_is_a_singleton_under_the_root(self, home):
        root = Page.get_first_root_node()
        assert not HomePage.can_create_at(root)
        assert HomePage.can_exist_under(root)
        assert not HomePage.can_exist_under(home)

    @pytest.mark.parametrize(("model", "url"), SECTIONS)
    def test_sections_live_only_under_the_home_page_once(self, home, model, url):
        assert model.can_exist_under(home)
        assert not model.can_create_at(home), "a second one must not be allowed"
        for other, _ in SECTIONS:
            assert not model.can_exist_under(other.objects.get())

    def test_home_page_children_are_the_five_sections_and_the_policies(self, home):
        assert set(HomePage.creatable_subpage_models()) == {model for model, _ in SECTIONS} | {LegalPage}


@pytest.mark.django_db
class TestRendering:
    @pytest.mark.parametrize("url", ["/", "/blog/", "/specials/", "/staff/", "/contact/"])
    def test_every_section_renders_with_the_shared_layout(self, client, url):
        response = client.get(url)
        assert response.status_code == 200
        html = soup(response)
        assert html.html["lang"] == "en"
        assert html.title.string.strip()
        assert html.find("meta", attrs={"name": "description"})["content"].strip()
        assert html.find("link", rel="canonical")["href"].endswith(url)
        assert html.find("header") and html.find("main", id="main") and html.find("footer")
        assert html.find("a", class_="skip-link")["href"] == "#main"

    @pytest.mark.parametrize(("model", "url"), SECTIONS)
    def test_sections_are_routable_at_their_urls(self, model, url):
        assert model.objects.get().url == url

    def test_navigation_lists_the_sections_in_order(self, client):
        nav = soup(client.get("/")).find("nav", attrs={"aria-label": "Main"})
        assert [a.get_text() for a in nav.find_all("a")] == ["Treatments", "Blog", "Specials", "Our Team", "Contact"]

    def test_current_section_is_marked_in_the_navigation(self, client):
        nav = soup(client.get("/specials/")).find("nav", attrs={"aria-label": "Main"})
        assert nav.find("a", attrs={"aria-current": "page"}).get_text() == "Specials"

    def test_clinic_settings_appear_in_the_layout(self, client, clinic):
        clinic.phone = "(404) 555-0199"
        clinic.about_us = "A clinic <b>for</b> everyone."
        clinic.save()
        html = client.get("/").content.decode()
        assert 'href="tel:4045550199"' in html
        assert "(404) 555-0199" in html
        assert "A clinic &lt;b&gt;for&lt;/b&gt; everyone." in html
        assert clinic.street_address in html
        assert "Saturday" in html and "Closed" in html

    def test_footer_calls_patients_to_contact_the_clinic(self, client):
        footer = soup(client.get("/blog/")).find("footer")
        assert footer.find("h2", string="About Us")
        assert footer.find(string="How can we help you?")
        assert footer.find("a", string="submit an inquiry online")["href"] == "/contact/"

    def test_meta_description_falls_back_to_the_intro(self, client):
        page = BlogIndexPage.objects.get()
        page.search_description = ""
        page.save()
        description = soup(client.get("/blog/")).find("meta", attrs={"name": "description"})["content"]
        assert description == page.intro

    def test_missing_page_is_a_styled_404(self, client):
        response = client.get("/no-such-page/")
        assert response.status_code == 404
        html = soup(response)
        assert "couldn’t find that page" in html.h1.get_text()
        assert html.find("nav", attrs={"aria-label": "Main"})
