"""Contact and search are rendered for each visitor, but their shared layout (announcement bar, header,
footer) is kept for public reads: fewer queries on a repeat view, and still fresh after any change."""

import re

import pytest
import time_machine
from django.contrib.auth import get_user_model
from django.core.cache import caches
from django.db import connection
from django.test.utils import CaptureQueriesContext

from blog.models import BlogIndexPage
from specials.tests.conftest import clinic_time
from tests.test_page_cache import last_day_of_december  # noqa: F401 (a fixture)

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("small_site")]

NEVER_CACHED_WHOLE = ["/contact/", "/search/?q=botox"]
# Kept, the menu, the announcement bar (the special, the specials page), the spotlight and the
# footer's policies cost no query: at least this many fewer.
LAYOUT_QUERIES = 5


def queries_for(client, url):
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200
    return len(captured), response.content.decode()


def layout_of(html):
    """The page without its main content: what every page shares."""
    return re.sub(r"<main.*</main>", "", html, flags=re.DOTALL)


@pytest.mark.parametrize("url", NEVER_CACHED_WHOLE)
def test_a_repeat_view_reuses_the_layout_and_shows_the_same_layout(client, url):
    first_queries, first = queries_for(client, url)
    second_queries, second = queries_for(client, url)
    assert second_queries <= first_queries - LAYOUT_QUERIES
    # The form tokens differ from view to view; the shared layout does not.
    assert layout_of(second) == layout_of(first)
    assert 'aria-label="Main"' in second and "site-footer" in second


@pytest.mark.parametrize("url", NEVER_CACHED_WHOLE)
def test_a_renamed_menu_section_shows_on_the_next_view(client, url):
    client.get(url)
    blog = BlogIndexPage.objects.get()
    blog.title = "Treatment guides"
    blog.save_revision().publish()
    assert ">Treatment guides</a>" in client.get(url).content.decode()


@pytest.mark.parametrize("url", NEVER_CACHED_WHOLE)
def test_edited_clinic_details_show_in_the_footer_at_once(client, clinic, url):
    client.get(url)
    clinic.about_us = "Skin care by licensed providers in Midtown."
    clinic.save()
    assert "Skin care by licensed providers in Midtown." in client.get(url).content.decode()


@pytest.mark.parametrize("url", NEVER_CACHED_WHOLE)
def test_the_bar_is_gone_at_midnight_after_the_last_day(client, last_day_of_december, url):  # noqa: F811
    with time_machine.travel(clinic_time(2026, 12, 31, 23, 50), tick=False) as clock:
        assert "Ends 12.31" in client.get(url).content.decode()
        assert "Ends 12.31" in client.get(url).content.decode()
        clock.move_to(clinic_time(2027, 1, 1, 0, 0, 1))
        assert "Ends 12.31" not in client.get(url).content.decode()


def test_a_signed_in_view_keeps_nothing_for_anonymous_visitors(client):
    staff = get_user_model().objects.create_superuser("layout-editor", "editor@example.com", "x")
    client.force_login(staff)
    client.get("/contact/")
    client.logout()
    anonymous_first, _ = queries_for(client, "/contact/")
    anonymous_second, _ = queries_for(client, "/contact/")
    assert anonymous_second <= anonymous_first - LAYOUT_QUERIES


def test_a_search_for_other_words_reuses_the_layout_and_shows_the_visitors_own_words(client):
    queries_for(client, "/search/?q=botox")  # keeps the layout
    with_layout_kept, other = queries_for(client, "/search/?q=dermaplaning")
    caches["pages"].clear()
    without, _ = queries_for(client, "/search/?q=dermaplaning")
    assert with_layout_kept <= without - LAYOUT_QUERIES
    assert 'value="dermaplaning"' in other and 'value="botox"' not in other
    assert 'aria-label="Main"' in other and "site-footer" in other
