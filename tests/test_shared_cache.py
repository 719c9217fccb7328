"""What one process retires, no process serves: the pages cache in Redis, as in production, and in
files, as `make run` keeps it. While Redis is down, pages and inquiries still work without it.

The web workers and the scheduler (scheduled publishing) are separate processes; a cache kept in
each process's memory would let them disagree. The Redis tests use the real Redis server.
"""

import os
import subprocess
import sys
import uuid
from pathlib import Path

import environ
import pytest
import redis
from django.core.cache import caches
from django.core.checks import run_checks

from contact.models import Inquiry
from contact.tests.conftest import valid_data
from tests.servers import free_port

REDIS_URL = os.environ.get("TEST_REDIS_URL", "redis://127.0.0.1:6379/15")
ROOT = Path(__file__).resolve().parent.parent


def redis_answers():
    try:
        return redis.Redis.from_url(REDIS_URL, socket_connect_timeout=1).ping()
    except redis.RedisError:
        return False


needs_redis = pytest.mark.skipif(
    not redis_answers(),
    reason=f"Redis is not answering at {REDIS_URL} (set TEST_REDIS_URL); shared-cache tests skipped.",
)


@pytest.fixture
def redis_page_cache_url(settings):
    """The pages cache in Redis under a prefix of its own, removed afterwards."""
    prefix = f"ellemes-test-{uuid.uuid4().hex}"
    url = f"{REDIS_URL.replace('redis://', 'rediscache://', 1)}?key_prefix={prefix}"
    settings.CACHES = {**settings.CACHES, "pages": environ.Env.cache_url_config(url)}
    settings.PAGE_CACHE_ENABLED = True
    yield url
    server = redis.Redis.from_url(REDIS_URL)
    for key in server.scan_iter(f"{prefix}:*"):
        server.delete(key)


@pytest.fixture
def file_page_cache_url(settings, tmp_path):
    """The pages cache in files, as `make run` keeps it for the site, the worker and the scheduler."""
    url = f"filecache://{tmp_path / 'pages'}"
    settings.CACHES = {**settings.CACHES, "pages": environ.Env.cache_url_config(url)}
    settings.PAGE_CACHE_ENABLED = True
    return url


def retire_pages_in_another_process(page_cache_url):
    """What a publish in another web worker, or scheduled publishing in the worker, does to the cache."""
    script = "import django; django.setup(); from ellemes.page_cache import invalidate_all; invalidate_all()"
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "ellemes.settings.dev", "PAGE_CACHE_URL": page_cache_url}
    subprocess.run([sys.executable, "-c", script], cwd=ROOT, env=env, check=True, timeout=60)


@needs_redis
@pytest.mark.django_db
class TestPagesInRedis:
    def test_a_page_is_kept_in_redis_and_served_from_it(self, client, redis_page_cache_url):
        article = "/blog/botox-for-facial-symmetry/"
        assert client.get(article)["X-Cache"] == "miss"
        response = client.get(article)
        assert response["X-Cache"] == "hit"
        assert "What is Botox?" in response.content.decode()

    def test_a_change_made_in_another_process_retires_pages_here(self, client, redis_page_cache_url):
        client.get("/blog/")
        assert client.get("/blog/")["X-Cache"] == "hit"
        retire_pages_in_another_process(redis_page_cache_url)
        assert client.get("/blog/")["X-Cache"] == "miss"

    def test_fragments_kept_in_redis_follow_a_publish(self, client, redis_page_cache_url, settings):
        from blog.models import ArticlePage

        settings.PAGE_CACHE_ENABLED = False
        article = ArticlePage.objects.live().get(slug="botox-for-facial-symmetry")
        client.get(article.url)
        article.intro = "Rewritten while the page was kept in Redis."
        article.save_revision().publish()
        assert "Rewritten while the page was kept in Redis." in client.get(article.url).content.decode()


@pytest.mark.django_db
def test_in_development_a_change_made_by_the_scheduler_retires_pages_the_site_keeps(client, file_page_cache_url):
    client.get("/blog/")
    assert client.get("/blog/")["X-Cache"] == "hit"
    retire_pages_in_another_process(file_page_cache_url)
    assert client.get("/blog/")["X-Cache"] == "miss"


class TestDeploymentCheck:
    def test_a_cache_kept_in_each_process_is_flagged_for_deployment(self, settings):
        settings.CACHES = {
            "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
            "pages": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": REDIS_URL},
        }
        warnings = [m for m in run_checks(include_deployment_checks=True) if m.id == "ellemes.W001"]
        assert [w.msg for w in warnings] == ["The 'default' cache lives in each process's memory."]
        assert "CACHE_URL" in warnings[0].hint

    def test_shared_caches_pass(self, settings):
        settings.CACHES = {
            alias: {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": REDIS_URL}
            for alias in ("default", "pages")
        }
        assert not [m for m in run_checks(include_deployment_checks=True) if m.id == "ellemes.W001"]


@pytest.fixture
def redis_down(settings):
    """Both caches in a Redis that does not answer: a local port nothing listens on."""
    location = f"redis://127.0.0.1:{free_port()}/0"
    settings.CACHES = {
        alias: {"BACKEND": "ellemes.cache.FailSoftRedisCache", "LOCATION": location} for alias in ("default", "pages")
    }
    settings.PAGE_CACHE_ENABLED = True


class TestRedisDown:
    def test_an_unreachable_redis_answers_as_an_empty_cache(self, redis_down):
        cache = caches["default"]
        cache.set("key", 1)
        assert cache.get("key", "missing") == "missing"
        assert cache.add("key", 1) is False
        assert cache.get_many(["key"]) == {}
        assert cache.get_or_set("key", 2) == 2
        with pytest.raises(ValueError):
            cache.incr("key")

    @pytest.mark.django_db
    def test_pages_are_served_and_inquiries_taken_without_redis(self, client, redis_down):
        for url in ("/", "/blog/botox-for-facial-symmetry/", "/search/?q=botox", "/contact/"):
            assert client.get(url).status_code == 200, url
        response = client.post("/contact/", valid_data(message="Sent while the cache server was down."))
        assert response.status_code == 302
        assert Inquiry.objects.filter(message="Sent while the cache server was down.").exists()

    def test_production_settings_use_the_fail_soft_cache_for_redis(self):
        script = "import django; django.setup(); from django.conf import settings; print(settings.CACHES)"
        env = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "ellemes.settings.dev",
            "CACHE_URL": "rediscache://127.0.0.1:6379/0",
        }
        output = subprocess.run(
            [sys.executable, "-c", script], cwd=ROOT, env=env, check=True, capture_output=True, text=True, timeout=60
        ).stdout
        assert "'default': {'BACKEND': 'ellemes.cache.FailSoftRedisCache'" in output
