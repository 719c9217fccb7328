"""The page cache rule: anonymous GET pages are cached whole, never past the next change by the calendar;
signed-in users, previews, forms and sessions never are; any change to public content shows at once."""

import datetime
import random
import re
import string

import pytest
import time_machine
from django.contrib.auth import get_user_model
from django.core.cache import caches

from blog.factories import ArticlePageFactory
from blog.models import ARTICLES_PER_PAGE, BlogIndexPage
from specials.models import SpecialPage, SpecialsIndexPage
from specials.tests.conftest import clinic_time

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("small_site")]


def s_maxage(response):
    return int(re.search(r"s-maxage=(\d+)", response["Cache-Control"]).group(1))


def entries():
    return len(caches["pages"]._cache)


class TestWhatIsCached:
    def test_second_anonymous_visit_is_served_from_the_cache_without_queries(self, client, django_assert_num_queries):
        first = client.get("/blog/")
        assert first["X-Cache"] == "miss"
        with django_assert_num_queries(0):
            second = client.get("/blog/")
        assert second["X-Cache"] == "hit"
        assert second.content == first.content
        assert "public" in second["Cache-Control"] and s_maxage(second) > 0

    def test_signed_in_staff_always_get_a_fresh_page(self, client):
        user = get_user_model().objects.create_user("editor", password="a-long-password-1")
        client.force_login(user)
        for _ in range(2):
            response = client.get("/blog/")
            assert response["X-Cache"] == "skip"
            assert "private" in response["Cache-Control"]

    @pytest.mark.parametrize("url", ["/no-such-page/", "/blog/?q=botox", "/search/?q=botox", "/healthz", "/readyz"])
    def test_never_cached(self, client, url):
        client.get(url)
        response = client.get(url)
        assert response["X-Cache"] == "skip"
        assert "public" not in response["Cache-Control"]
        assert "no-cache" in response["Cache-Control"] or "no-store" in response["Cache-Control"]

    def test_the_admin_is_never_cached(self, client):
        response = client.get("/admin/login/")
        assert "private" in response["Cache-Control"] or "no-cache" in response["Cache-Control"]
        assert "public" not in response["Cache-Control"]

    def test_post_is_never_cached(self, client):
        response = client.post("/blog/")
        assert response["X-Cache"] == "skip"
        assert "public" not in response["Cache-Control"]

    def test_the_contact_form_is_never_cached_nor_shared(self, client):
        first, second = client.get("/contact/"), client.get("/contact/")
        assert second["X-Cache"] != "hit"
        assert "private" in second["Cache-Control"]
        token = re.compile(r'name="form_token" value="([^"]+)"')
        assert token.search(first.content.decode())[1] != token.search(second.content.decode())[1]

    def test_tracking_and_unknown_parameters_make_no_new_entries(self, client):
        client.get("/blog/")
        kept = entries()
        rng = random.Random(14)
        for _ in range(1000):
            value = "".join(rng.choices(string.ascii_lowercase, k=12))
            name = rng.choice(["utm", "utm_source", "gclid", "fbclid", "ref", value[:5]])
            assert client.get(f"/blog/?{name}={value}")["X-Cache"] == "hit"
        assert entries() == kept

    def test_a_parameter_a_page_reads_still_gets_its_own_page(self, client):
        for n in range(ARTICLES_PER_PAGE):
            ArticlePageFactory(title=f"Listed article {n}", publish=False)
        assert client.get("/blog/").content != client.get("/blog/?page=2&utm_source=mail").content

    def test_a_csrf_cookie_or_a_malformed_one_does_not_skip_the_cache(self, client):
        client.get("/blog/")
        client.cookies["csrftoken"] = "A" * 32
        assert client.get("/blog/")["X-Cache"] == "hit"
        client.cookies["csrftoken"] = "not-a-token"
        assert client.get("/blog/")["X-Cache"] == "hit"

    def test_cached_pages_vary_only_on_the_encoding(self, client):
        response = client.get("/blog/", HTTP_ACCEPT_ENCODING="gzip, deflate, br")
        assert "cookie" not in response.get("Vary", "").lower()
        again = client.get("/blog/", HTTP_ACCEPT_ENCODING="br, gzip")
        assert again["X-Cache"] == "hit" and again["Content-Encoding"] == "gzip"

    def test_browsers_keep_a_page_briefly_shared_caches_longer(self, client, settings):
        response = client.get("/blog/")
        max_age = int(re.search(r"\bmax-age=(\d+)", response["Cache-Control"]).group(1))
        assert max_age <= settings.PAGE_BROWSER_SECONDS < s_maxage(response) <= settings.PAGE_CACHE_SECONDS


class TestChangesShowAtOnce:
    def test_publishing_clears_cached_pages(self, client):
        assert "Blog" in client.get("/blog/").content.decode()
        client.get("/")
        blog = BlogIndexPage.objects.get()
        blog.title = "Treatment guides"
        blog.save_revision().publish()
        response = client.get("/blog/")
        assert response["X-Cache"] == "miss"
        assert "Treatment guides" in response.content.decode()
        assert "Treatment guides" in client.get("/").content.decode()

    def test_a_page_still_rendering_when_a_change_commits_is_not_kept(self, client, monkeypatch):
        """Rendered from the data before the change, it would stay stale after the purge."""
        from ellemes.cache_invalidation import clear_everything

        render = BlogIndexPage.get_context

        def change_commits_meanwhile(page, request, *args, **kwargs):
            context = render(page, request, *args, **kwargs)
            clear_everything()  # as a publish in another process does once it commits
            return context

        monkeypatch.setattr(BlogIndexPage, "get_context", change_commits_meanwhile)
        response = client.get("/blog/")
        assert "public" not in response["Cache-Control"]
        monkeypatch.undo()
        assert client.get("/blog/")["X-Cache"] == "miss"
        assert client.get("/blog/")["X-Cache"] == "hit"

    def test_editing_clinic_details_clears_cached_pages(self, client, clinic):
        client.get("/")
        clinic.phone = "(404) 555-0100"
        clinic.save()
        response = client.get("/")
        assert response["X-Cache"] == "miss"
        assert "(404) 555-0100" in response.content.decode()

    def test_unpublishing_clears_cached_pages(self, client):
        client.get("/blog/")
        BlogIndexPage.objects.get().unpublish()
        assert client.get("/blog/").status_code == 404


@pytest.fixture
def last_day_of_december(db):
    """The only special running on December 31, 2026, and nothing else scheduled."""
    for special in SpecialPage.objects.all():
        special.delete()
    SpecialsIndexPage.objects.get().add_child(
        instance=SpecialPage(
            title="Eye Treatment Promos",
            slug="eye-treatment-promos",
            campaign="December Spa Specials",
            bar_label="Eye Treatment Promos",
            summary="Brighter eyes for the holidays.",
            starts_on=datetime.date(2026, 12, 1),
            ends_on=datetime.date(2026, 12, 31),
        )
    )


class TestTheCalendar:
    @pytest.mark.parametrize("url", ["/", "/blog/", "/specials/", "/staff/"])
    def test_the_bar_is_gone_at_midnight_after_the_last_day(self, client, last_day_of_december, url):
        with time_machine.travel(clinic_time(2026, 12, 31, 23, 50), tick=False) as clock:
            response = client.get(url)
            assert "Ends 12.31" in response.content.decode()
            assert client.get(url)["X-Cache"] == "hit"
            clock.move_to(clinic_time(2027, 1, 1, 0, 0, 1))
            response = client.get(url)
            assert response["X-Cache"] == "miss"
            assert "Ends 12.31" not in response.content.decode()

    def test_s_maxage_never_runs_past_the_next_change(self, client, last_day_of_december):
        midnight = clinic_time(2027, 1, 1, 0, 0)
        for moment in (
            clinic_time(2026, 12, 31, 12),
            clinic_time(2026, 12, 31, 23, 55),
            clinic_time(2026, 12, 31, 23, 59, 58),
        ):
            with time_machine.travel(moment, tick=False):
                for _ in range(2):  # the miss, then the hit
                    response = client.get("/")
                    assert moment + datetime.timedelta(seconds=s_maxage(response)) <= midnight

    def test_a_hit_states_only_the_lifetime_left(self, client, last_day_of_december):
        with time_machine.travel(clinic_time(2026, 12, 31, 23, 55), tick=False) as clock:
            first = s_maxage(client.get("/"))
            clock.shift(60)
            second = client.get("/")
        assert second["X-Cache"] == "hit"
        assert s_maxage(second) == first - 60

    def test_nothing_is_kept_past_the_clinics_midnight(self, client, settings):
        with time_machine.travel(clinic_time(2026, 6, 10, 23, 59, 30), tick=False):
            assert s_maxage(client.get("/staff/")) <= 30
