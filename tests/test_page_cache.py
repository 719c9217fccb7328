"""The full-page cache: what it stores, what it never stores, and when it lets go."""

import datetime
import re

import pytest
import time_machine
from django.contrib.auth import get_user_model

from blog.models import BlogIndexPage
from ellemes import page_cache


@pytest.fixture
def limit(monkeypatch):
    limits = []
    monkeypatch.setattr(page_cache, "_lifetime_limits", limits)
    return limits


@pytest.mark.django_db
class TestPageCache:
    def test_second_anonymous_visit_is_served_from_the_cache_without_queries(self, client, django_assert_num_queries):
        first = client.get("/blog/")
        assert first["X-Cache"] == "miss"
        with django_assert_num_queries(0):
            second = client.get("/blog/")
        assert second["X-Cache"] == "hit"
        assert second.content == first.content
        assert "s-maxage" in second["Cache-Control"] and "public" in second["Cache-Control"]

    def test_signed_in_staff_always_get_a_fresh_page(self, client):
        user = get_user_model().objects.create_user("editor", password="a-long-password-1")
        client.force_login(user)
        assert client.get("/blog/")["X-Cache"] == "skip"
        assert client.get("/blog/")["X-Cache"] == "skip"

    @pytest.mark.parametrize("url", ["/no-such-page/", "/blog/?q=botox", "/healthz", "/admin/login/"])
    def test_never_cached(self, client, url):
        client.get(url)
        assert client.get(url)["X-Cache"] == "skip"

    def test_post_is_never_cached(self, client):
        assert client.post("/blog/")["X-Cache"] == "skip"

    def test_publishing_retires_cached_pages(self, client):
        assert "Blog" in client.get("/blog/").content.decode()
        blog = BlogIndexPage.objects.get()
        blog.title = "Treatment guides"
        blog.save_revision().publish()
        response = client.get("/blog/")
        assert response["X-Cache"] == "miss"
        assert "Treatment guides" in response.content.decode()
        assert client.get("/")["X-Cache"] == "miss"

    def test_editing_clinic_details_retires_cached_pages(self, client, clinic):
        client.get("/")
        clinic.phone = "(404) 555-0100"
        clinic.save()
        response = client.get("/")
        assert response["X-Cache"] == "miss"
        assert "(404) 555-0100" in response.content.decode()

    def test_unpublishing_retires_cached_pages(self, client):
        client.get("/blog/")
        BlogIndexPage.objects.get().unpublish()
        assert client.get("/blog/").status_code == 404

    def test_lifetime_is_capped_by_registered_limits(self, client, limit):
        limit.append(lambda: 90)
        limit.append(lambda: None)
        response = client.get("/blog/")
        # The limit is a moment: rendering the page may already have used a second or two of it.
        s_maxage = int(re.search(r"s-maxage=(\d+)", response["Cache-Control"]).group(1))
        assert 80 <= s_maxage <= 90

    def test_page_expires_at_the_limit(self, client, limit):
        with time_machine.travel(datetime.datetime(2026, 12, 31, 23, 59, tzinfo=datetime.UTC), tick=False) as clock:
            limit.append(lambda: 60)
            assert client.get("/blog/")["X-Cache"] == "miss"
            assert client.get("/blog/")["X-Cache"] == "hit"
            clock.shift(61)
            assert client.get("/blog/")["X-Cache"] == "miss"

    def test_a_limit_of_zero_disables_caching(self, client, limit):
        limit.append(lambda: 0)
        client.get("/blog/")
        assert client.get("/blog/")["X-Cache"] == "skip"
