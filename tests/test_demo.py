"""The demo site that `make run` builds: complete, safe to load again, and every page of it answers.

This is the only module that loads the demo; every other test builds the data it needs with the factories.
"""

import io
import re

import pytest
from bs4 import BeautifulSoup
from django.core.management import call_command
from django.db import transaction
from wagtail.models import Page

from editorial.roles import EDITORS, FRONT_DESK, MEDICAL_REVIEWERS, SITE_MANAGERS
from ellemes.demo_art import ARTWORKS, artwork_in
from ellemes.models import ClinicImage, ClinicSettings, Treatment
from specials.models import SpecialPage
from staff.models import StaffMemberPage
from staff.spotlight import spotlight_for

DEMO_TREATMENTS = {"Botox", "Eye treatments", "Dermaplaning", "Laser treatments", "Chemical peels", "Dermal fillers"}


def counts():
    return (Page.objects.count(), ClinicImage.objects.count(), Treatment.objects.count())


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker):
    """The demo loaded once for this module, inside a transaction rolled back when the module ends."""
    with django_db_blocker.unblock(), transaction.atomic():
        output = io.StringIO()
        call_command("load_demo_content", stdout=output)
        yield output.getvalue()
        transaction.set_rollback(True)


@pytest.mark.django_db
class TestDemoContent:
    def test_loading_twice_creates_nothing_new(self, demo):
        assert "items created" in demo and "(0 items created)" not in demo
        before = counts()
        output = io.StringIO()
        call_command("load_demo_content", stdout=output)
        assert counts() == before
        assert "0 items created" in output.getvalue()

    def test_reset_rebuilds_the_same_site(self, demo):
        before = counts()
        call_command("load_demo_content", "--reset", stdout=io.StringIO())
        assert counts() == before

    def test_every_demo_page_answers(self, demo, client):
        pages = Page.objects.live().public().specific().filter(depth__gt=1)
        assert pages.count() > 20
        for page in pages:
            response = client.get(page.url)
            assert response.status_code == 200, page.url
            title = re.search(r"<title>(.*?)</title>", response.content.decode(), re.S).group(1)
            assert title.count("ELLEMES") == 1, f"{page.url}: the clinic's name once in the title, not {title!r}"

    def test_treatments(self, demo):
        assert set(Treatment.objects.values_list("name", flat=True)) >= DEMO_TREATMENTS

    def test_clinic_details(self, demo):
        clinic = ClinicSettings.objects.get()
        assert clinic.name == "ELLEMES Medical Spa"
        assert clinic.city == "Atlanta"
        # No logo is uploaded: the header shows the ELLEMES wordmark until the clinic uploads one.
        assert clinic.logo is None
        assert len(clinic.hours) == 7


@pytest.mark.django_db
class TestDemoSpecials:
    def test_one_of_each(self, demo):
        assert SpecialPage.objects.running().count() >= 2
        assert SpecialPage.objects.upcoming().exists()
        assert SpecialPage.objects.ended().exists()
        assert SpecialPage.objects.running().exclude(special_price=None).exists()

    def test_december_campaign(self, demo):
        eye = SpecialPage.objects.running().get(slug="eye-treatment-promos")
        assert eye.campaign == "December Spa Specials"
        assert eye.bar_label == "Eye Treatment Promos"
        assert eye.ends_label == "12.31"

    def test_the_demo_special_that_ended_is_not_found(self, demo):
        def site_search(query):
            return {page.pk for page in Page.objects.live().public().search(query)}

        ended = SpecialPage.objects.ended().get(slug="autumn-peel-series")
        assert ended.pk not in site_search("Autumn Peel")
        assert SpecialPage.objects.running().get(slug="eye-treatment-promos").pk in site_search("Eye Treatment")

    def test_demo_links_the_eye_special_to_its_provider_once_staff_exist(self, demo):
        from ellemes.demo import DemoLoader
        from specials import demo as specials_demo

        jordan = StaffMemberPage.objects.get(slug="jordan-reyes")
        eye = SpecialPage.objects.get(slug="eye-treatment-promos")
        eye.providers.clear()
        specials_demo.load_demo(DemoLoader())
        eye = SpecialPage.objects.get(slug="eye-treatment-promos")
        assert list(eye.providers.all()) == [jordan]
        assert eye.live and not eye.has_unpublished_changes


def painted(path):
    """The description of the demo artwork an image or rendition file shows (ellemes/demo_art.py), else None."""
    found = artwork_in(path)
    return ARTWORKS[found[0]].describe(found[1]) if found else None


def report(rows):
    """Each alt text next to the description of what was painted, a line each, the wrong ones marked."""
    lines = []
    for where, alt, expected in rows:
        mark = "  " if alt == expected else "✗ "
        lines.append(f"{mark}{where}: alt {alt!r} | painted {expected!r}")
    return "\n".join(lines)


@pytest.mark.django_db
class TestDemoImages:
    """The demo's pictures are painted art, and every alt text says what is in the picture, not a photo it is not."""

    def test_every_demo_image_is_described_as_painted(self, demo):
        rows = [(image.title, image.default_alt_text, painted(image.file.name)) for image in ClinicImage.objects.all()]
        assert rows and all(expected is not None for _, _, expected in rows), report(rows)
        assert all(alt == expected for _, alt, expected in rows), report(rows)

    def test_every_alt_text_on_the_demo_site_describes_its_picture(self, demo, client):
        rows = []
        for page in Page.objects.live().public().specific().filter(depth__gt=1):
            html = BeautifulSoup(client.get(page.url).content, "html.parser")
            for img in html.find_all("img"):
                rows.append((page.url, img.get("alt"), painted(img["src"])))
            # Shared-link previews: the image and its alt text, for Open Graph and for X.
            for image_attrs, alt_attrs in [
                ({"property": "og:image"}, {"property": "og:image:alt"}),
                ({"name": "twitter:image"}, {"name": "twitter:image:alt"}),
            ]:
                if preview := html.find("meta", attrs=image_attrs):
                    alt = html.find("meta", attrs=alt_attrs)
                    alt_text = alt["content"] if alt else ""
                    rows.append((f"{page.url} {image_attrs}", alt_text, painted(preview["content"])))
        print(report(rows))  # shown with -rP: every alt text beside what its picture shows
        assert len(rows) > 30
        assert all(expected is not None for _, _, expected in rows), report(rows)
        assert all(alt == expected for _, alt, expected in rows), report(rows)

    def test_the_team_has_monograms_not_made_up_photos(self, demo, client):
        assert not StaffMemberPage.objects.exclude(photo=None).exists()
        assert not StaffMemberPage.objects.exclude(action_photo=None).exists()
        html = BeautifulSoup(client.get("/staff/").content, "html.parser")
        monograms = [card.get_text(strip=True) for card in html.select(".staff-card .monogram")]
        assert monograms == ["MO", "LS", "JR", "PS"]


@pytest.mark.django_db
class TestDemoLayout:
    def test_demo_spotlights_lauren_siso(self, demo):
        import datetime

        assert spotlight_for(datetime.date(2026, 11, 23)).slug == "lauren-siso"


@pytest.mark.django_db
class TestDemoPolicies:
    def test_the_four_policies_are_linked_from_the_footer(self, demo, client):
        html = BeautifulSoup(client.get("/").content, "html.parser")
        links = [(a.get_text(), a["href"]) for a in html.find(class_="site-footer__legal").find_all("a")]
        assert links == [
            ("Privacy policy", "/privacy-policy/"),
            ("Terms of use", "/terms-of-use/"),
            ("Accessibility statement", "/accessibility/"),
            ("Results vary", "/results-vary/"),
        ]

    def test_the_privacy_policy_describes_what_the_site_does(self, demo, client, settings):
        text = BeautifulSoup(client.get("/privacy-policy/").content, "html.parser").find("main").get_text()
        assert "your name and email address" in text
        assert "does not contain what you wrote" in text
        # The retention the `purge_inquiries` command applies (INQUIRY_RETENTION_DAYS, INQUIRY_SPAM_RETENTION_DAYS).
        assert settings.INQUIRY_RETENTION_DAYS == 365
        spam_days = settings.INQUIRY_SPAM_RETENTION_DAYS
        kept = f"We keep an inquiry for one year after you send it, and messages set aside as spam for {spam_days} days"
        assert kept in " ".join(text.split())
        assert "ask us to show you, correct or delete" in text

    def test_the_consent_checkbox_links_the_privacy_policy(self, demo, client):
        html = BeautifulSoup(client.get("/contact/").content, "html.parser")
        assert html.find("label", attrs={"for": "id_consent"}).find("a")["href"] == "/privacy-policy/"

    def test_the_example_contact_details_say_so(self, demo, client):
        clinic = ClinicSettings.objects.get()
        assert clinic.email == "hello@example.com"
        assert all(link.url.startswith("https://example.com/") for link in clinic.links)
        assert "its phone number, email address and social links are examples" in clinic.about_us
        assert "its phone number, email address and social links are examples" in demo
        footer = BeautifulSoup(client.get("/").content, "html.parser").find("footer")
        assert "are examples" in footer.find(class_="site-footer__about").get_text()


@pytest.mark.django_db
class TestDemoUsers:
    def test_made_in_development_with_a_password_shown_once(self, demo, settings, django_user_model):
        settings.DEBUG = True
        out = io.StringIO()
        call_command("load_demo_content", stdout=out)
        for username, group in [
            ("editor", EDITORS),
            ("reviewer", MEDICAL_REVIEWERS),
            ("frontdesk", FRONT_DESK),
            ("manager", SITE_MANAGERS),
        ]:
            user = django_user_model.objects.get(username=username)
            assert list(user.groups.values_list("name", flat=True)) == [group]
            assert not user.is_superuser
            assert f"demo user “{username}”" in out.getvalue()
        assert StaffMemberPage.objects.get(slug="maya-okafor").user.username == "reviewer"
        again = io.StringIO()
        call_command("load_demo_content", stdout=again)
        assert "password" not in again.getvalue()

    def test_never_made_outside_development(self, demo, django_user_model):
        call_command("load_demo_content", stdout=io.StringIO())
        assert not django_user_model.objects.filter(username__in=["editor", "reviewer", "manager"]).exists()
