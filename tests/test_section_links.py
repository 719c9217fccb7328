"""Links between sections come from the page tree and Clinic details, never from addresses written into the code."""

import importlib

import pytest
from django.apps import apps

from blog.models import BlogIndexPage
from contact.models import ContactPage
from ellemes.models import HomePage
from legal.models import LegalPage
from specials.models import SpecialPage, SpecialsIndexPage
from staff.models import StaffIndexPage
from treatments.models import TreatmentIndexPage

choose_existing_contact_page = importlib.import_module(
    "contact.migrations.0006_clinic_contact_page"
).choose_existing_contact_page

pytestmark = pytest.mark.usefixtures("small_site")


@pytest.fixture
def moved_contact_page(db):
    """The contact page under a new address, as an editor would move it."""
    page = ContactPage.objects.get()
    page.slug = "get-in-touch"
    page.save_revision().publish()
    return page


@pytest.fixture
def running_special(db):
    return SpecialPage.objects.running().first()


def test_every_contact_link_follows_the_contact_page_chosen_in_clinic_details(client, moved_contact_page):
    home = client.get("/").content.decode()
    assert 'href="/get-in-touch/"' in home
    assert 'href="/contact/"' not in home
    team = client.get("/staff/").content.decode()
    assert 'href="/get-in-touch/"' in team


def test_a_specials_book_button_leads_to_the_chosen_contact_page_with_the_special_chosen(
    client, moved_contact_page, running_special
):
    html = client.get(running_special.url).content.decode()
    assert f'href="/get-in-touch/?special={running_special.slug}"' in html


def test_without_a_contact_page_chosen_pages_show_no_broken_contact_links(client, clinic, running_special):
    clinic.contact_page = None
    clinic.save()
    special = client.get(running_special.url)
    assert special.status_code == 200
    assert "Book this special" not in special.content.decode()
    not_found = client.get("/no-such-page/")
    assert not_found.status_code == 404
    assert "Ask us a question" not in not_found.content.decode()


def test_the_migration_chooses_the_existing_contact_page(clinic):
    clinic.contact_page = None
    clinic.save()
    choose_existing_contact_page(apps, None)
    clinic.refresh_from_db()
    assert clinic.contact_page_id == ContactPage.objects.get().pk


def test_the_migration_keeps_a_contact_page_already_chosen(clinic, home):
    clinic.contact_page = home
    clinic.save()
    choose_existing_contact_page(apps, None)
    clinic.refresh_from_db()
    assert clinic.contact_page_id == home.pk


def test_the_feed_is_the_blog_index_pages_route_and_moves_with_it(client):
    assert client.get("/blog/feed/")["Content-Type"].startswith("application/rss+xml")
    blog = BlogIndexPage.objects.get()
    blog.slug = "articles"
    blog.save_revision().publish()
    feed = client.get("/articles/feed/")
    assert feed.status_code == 200
    assert b"/articles/</link>" in feed.content
    assert 'type="application/rss+xml"' in client.get("/").content.decode()
    assert 'href="/articles/feed/"' in client.get("/").content.decode()
    assert client.get("/blog/feed/").status_code == 404


def test_the_404_page_offers_the_menus_sections(client):
    html = client.get("/no-such-page/").content.decode()
    for section in (BlogIndexPage, SpecialsIndexPage, StaffIndexPage):
        assert f'href="{section.objects.get().url}"' in html
    assert 'href="/contact/">Ask us a question' in html


def test_the_home_pages_children_are_the_sections_that_name_it_as_their_parent():
    assert set(HomePage.creatable_subpage_models()) == {
        TreatmentIndexPage,
        BlogIndexPage,
        SpecialsIndexPage,
        StaffIndexPage,
        ContactPage,
        LegalPage,
    }
