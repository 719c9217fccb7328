"""The policies: where they live, what a patient reads, and the links to them from every page and the inquiry form."""

import pytest
from bs4 import BeautifulSoup

from ellemes.models import ClinicSettings, HomePage
from legal.factories import LegalPageFactory
from legal.models import LegalPage

PAGES = ["/", "/blog/", "/specials/", "/staff/", "/contact/", "/treatments/"]


def soup(response):
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


@pytest.fixture
def policies(sections):
    privacy = LegalPageFactory(
        title="Privacy policy",
        slug="privacy-policy",
        body="<h2>What we collect</h2><p>Your name and email address, to answer your inquiry.</p>",
    )
    terms = LegalPageFactory(title="Terms of use", slug="terms-of-use")
    return {"privacy": privacy, "terms": terms}


@pytest.mark.django_db
class TestPlace:
    def test_policies_live_under_the_home_page_only(self, policies, sections):
        home = HomePage.objects.get()
        assert LegalPage.can_exist_under(home)
        assert not LegalPage.can_exist_under(sections.blog)
        assert not LegalPage.can_exist_under(policies["privacy"])
        assert LegalPage.creatable_subpage_models() == []

    def test_a_handful_at_most(self, policies):
        assert LegalPage.max_count == 8
        assert LegalPage.can_create_at(HomePage.objects.get())

    def test_kept_out_of_the_main_menu(self, client, policies):
        nav = soup(client.get("/")).find("nav", attrs={"aria-label": "Main"})
        assert "Privacy policy" not in nav.get_text()


@pytest.mark.django_db
class TestPage:
    def test_shows_title_last_updated_and_body(self, client, policies):
        html = soup(client.get("/privacy-policy/"))
        assert html.h1.get_text() == "Privacy policy"
        assert html.find("time")["datetime"] == "2026-11-02"
        assert " ".join(html.find(class_="meta").get_text().split()) == "Last updated November 2, 2026"
        assert html.find("h2", string="What we collect")
        assert "Your name and email address, to answer your inquiry." in html.find("main").get_text()

    def test_breadcrumbs_lead_home(self, client, policies):
        crumbs = soup(client.get("/privacy-policy/")).find("nav", class_="breadcrumbs")
        assert crumbs.find("a", string="Home")["href"] == "/"
        assert crumbs.find(attrs={"aria-current": "page"}).get_text() == "Privacy policy"

    def test_meta_description_falls_back_to_the_policy_text(self, client, policies):
        description = soup(client.get("/privacy-policy/")).find("meta", attrs={"name": "description"})["content"]
        assert description.startswith("What we collect Your name and email address")


@pytest.mark.django_db
class TestFooterLinks:
    @pytest.mark.parametrize("url", PAGES)
    def test_every_page_links_the_policies_on_the_legal_line(self, client, policies, url):
        legal_line = soup(client.get(url)).find(class_="site-footer__legal")
        links = [(a.get_text(), a["href"]) for a in legal_line.find_all("a")]
        assert links == [("Privacy policy", "/privacy-policy/"), ("Terms of use", "/terms-of-use/")]

    def test_an_unpublished_policy_is_not_linked(self, client, policies):
        policies["terms"].unpublish()
        legal_line = soup(client.get("/")).find(class_="site-footer__legal")
        assert [a.get_text() for a in legal_line.find_all("a")] == ["Privacy policy"]

    def test_no_policies_no_links(self, client, sections):
        legal_line = soup(client.get("/")).find(class_="site-footer__legal")
        assert legal_line.find("nav") is None
        assert "©" in legal_line.get_text()


@pytest.mark.django_db
class TestConsentLink:
    def consent_label(self, client):
        return soup(client.get("/contact/")).find("label", attrs={"for": "id_consent"})

    def test_the_consent_checkbox_links_the_chosen_privacy_policy(self, client, policies):
        ClinicSettings.objects.update(privacy_page=policies["privacy"])
        label = self.consent_label(client)
        assert label.find("a", string="privacy policy")["href"] == "/privacy-policy/"
        assert "I agree that ELLEMES Medical Spa may contact me about this inquiry" in label.get_text()

    def test_no_link_until_a_policy_is_chosen(self, client, policies):
        assert self.consent_label(client).find("a") is None

    def test_no_link_to_an_unpublished_policy(self, client, policies):
        ClinicSettings.objects.update(privacy_page=policies["privacy"])
        policies["privacy"].unpublish()
        assert self.consent_label(client).find("a") is None
