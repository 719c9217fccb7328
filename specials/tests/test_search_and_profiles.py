"""Specials in the site search (running and upcoming only) and on staff profiles."""

import datetime
import io

import pytest
from bs4 import BeautifulSoup
from django.core.management import call_command
from django.db import connection
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext
from wagtail.models import Page

from ellemes import slots
from specials.models import SpecialPage
from specials.search import remove_ended_from_search
from specials.tests.conftest import clinic_time
from staff.factories import StaffMemberPageFactory


def site_search(query):
    """What the site search runs: live, public pages matching the query."""
    return {page.pk for page in Page.objects.live().public().search(query)}


@pytest.fixture
def indexed(make_special, django_capture_on_commit_callbacks):
    def make(slug, starts_on, ends_on, **fields):
        with django_capture_on_commit_callbacks(execute=True):
            special = make_special(slug, starts_on, ends_on, **fields)
            special.save()
        return special

    return make


@pytest.mark.django_db
class TestSearch:
    def test_running_and_upcoming_specials_are_found(self, indexed):
        today = datetime.date.today()
        running = indexed("zanzibar-glow", today, today + datetime.timedelta(days=5), title="Zanzibar Glow")
        upcoming = indexed(
            "zanzibar-soon",
            today + datetime.timedelta(days=3),
            today + datetime.timedelta(days=9),
            title="Zanzibar Soon",
        )
        assert site_search("Zanzibar") == {running.pk, upcoming.pk}

    def test_ended_specials_are_not_indexed(self, make_special):
        today = datetime.date.today()
        make_special("past", today - datetime.timedelta(days=9), today - datetime.timedelta(days=1))
        assert not SpecialPage.get_indexed_objects().filter(slug="past").exists()

    def test_a_special_that_runs_out_leaves_the_search_on_the_schedulers_next_round(self, client, indexed, at):
        special = indexed("quokka-week", datetime.date(2026, 1, 1), datetime.date(2099, 12, 31), title="Quokka Week")
        assert special.pk in site_search("Quokka")
        # Its end date passes; no one edits it. A page view leaves the index alone; the scheduler tidies the index.
        SpecialPage.objects.filter(pk=special.pk).update(ends_on=datetime.date(2026, 1, 31))
        with at(clinic_time(2026, 2, 1, 0, 1)):
            with CaptureQueriesContext(connection) as queries:
                assert client.get("/").status_code == 200
            assert not [query for query in queries if query["sql"].startswith("DELETE")], "a page view deletes nothing"
            assert special.pk in site_search("Quokka")
            call_command("run_periodic", "--once", stdout=io.StringIO(), stderr=io.StringIO())
        assert special.pk not in site_search("Quokka")

    def test_saving_an_ended_special_removes_it(self, indexed, django_capture_on_commit_callbacks):
        today = datetime.date.today()
        special = indexed("wombat-week", today, today + datetime.timedelta(days=5), title="Wombat Week")
        assert special.pk in site_search("Wombat")
        special.ends_on = special.starts_on = today - datetime.timedelta(days=1)
        with django_capture_on_commit_callbacks(execute=True):
            special.save()
        assert special.pk not in site_search("Wombat")

    def test_remove_ended_from_search_counts(self, no_specials, make_special):
        make_special("gone", datetime.date(2026, 1, 1), datetime.date(2026, 1, 31))
        assert remove_ended_from_search(on=datetime.date(2026, 2, 1)) == 1


@pytest.mark.django_db
class TestStaffProfiles:
    @pytest.fixture
    def provider(self, specials_index):
        return StaffMemberPageFactory(
            title="Jordan Example",
            role="Nurse Injector",
            short_bio="Gentle, careful, exact.",
            license_type="Registered Nurse",
            publish=False,
        )

    def render(self, page):
        request = RequestFactory().get(page.url)
        return str(slots.render("staff_profile", request, page))

    def test_running_specials_they_provide(self, provider, make_special, at):
        special = make_special("eye-nurse-week", datetime.date(2026, 12, 1), datetime.date(2026, 12, 31))
        special.providers = [provider]
        special.save()
        make_special("not-theirs", datetime.date(2026, 12, 1), datetime.date(2026, 12, 31))
        with at(clinic_time(2026, 12, 15)):
            html = self.render(provider)
        assert "Current specials with Jordan Example" in html
        assert "/specials/eye-nurse-week/" in html
        assert "/specials/not-theirs/" not in html
        with at(clinic_time(2027, 1, 1, 0, 1)):
            assert self.render(provider) == ""

    def test_nothing_without_specials(self, provider):
        assert self.render(provider) == ""

    def test_other_pages_get_nothing(self, home):
        assert self.render(home) == ""

    def test_special_page_names_provider_with_license(self, client, provider, make_special):
        today = datetime.date.today()
        special = make_special("with-provider", today, today)
        special.providers = [provider]
        special.save()
        html = BeautifulSoup(client.get(special.url).content, "html.parser")
        names = [item.get_text() for item in html.select(".special__providers li")]
        assert names == ["Jordan Example, Registered Nurse — Nurse Injector"]
