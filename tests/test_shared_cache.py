"""What one process clears, no process serves: the pages cache in the real Redis, as in production.

The web workers and the scheduler (scheduled publishing) are separate processes; a cache kept in
each process's memory would let them disagree, so a deployment with one is refused.
"""

import os
import subprocess
import sys
import uuid
from pathlib import Path

import environ
import pytest
import redis
from django.core.checks import run_checks

from blog.models import BlogIndexPage
from ellemes.page_cache import ResilientRedisCache

pytestmark = pytest.mark.usefixtures("small_site")

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
    config = environ.Env.cache_url_config(url)
    config["BACKEND"] = "ellemes.page_cache.ResilientRedisCache"
    settings.CACHES = {**settings.CACHES, "pages": config}
    yield url
    server = redis.Redis.from_url(REDIS_URL)
    for key in server.scan_iter(f"{prefix}:*"):
        server.delete(key)


def clear_in_another_process(page_cache_url):
    """What a deploy, a publish in another web worker or scheduled publishing in the worker does."""
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "ellemes.settings.dev",
        "PAGE_CACHE_ENABLED": "true",
        "PAGE_CACHE_URL": page_cache_url,
    }
    manage = [sys.executable, "manage.py", "clear_page_cache"]
    subprocess.run(manage, cwd=ROOT, env=env, check=True, timeout=60, capture_output=True)


@needs_redis
@pytest.mark.django_db
class TestPagesInRedis:
    def test_a_page_is_kept_in_redis_and_served_from_it(self, client, redis_page_cache_url):
        article = "/blog/botox-for-facial-symmetry/"
        assert client.get(article)["X-Cache"] == "miss"
        assert client.get(article)["X-Cache"] == "hit"

    def test_a_change_made_in_another_process_clears_pages_here(self, client, redis_page_cache_url):
        client.get("/blog/")
        assert client.get("/blog/")["X-Cache"] == "hit"
        clear_in_another_process(redis_page_cache_url)
        assert client.get("/blog/")["X-Cache"] == "miss"

    def test_a_published_change_shows_on_the_next_view(self, client, redis_page_cache_url):
        client.get("/blog/")
        blog = BlogIndexPage.objects.get()
        blog.title = "Treatment guides"
        blog.save_revision().publish()
        assert "Treatment guides" in client.get("/blog/").content.decode()


@pytest.mark.django_db
class TestDeploymentCheck:
    def test_a_cache_kept_in_each_process_is_refused_for_deployment(self, settings):
        settings.CACHES = {
            "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
            "pages": {"BACKEND": "ellemes.page_cache.ResilientRedisCache", "LOCATION": REDIS_URL},
        }
        errors = [m for m in run_checks(include_deployment_checks=True) if m.id == "ellemes.E001"]
        assert [e.msg for e in errors] == ["The 'default' cache lives in each process's memory."]
        assert errors[0].is_serious()

    def test_shared_caches_pass(self, settings):
        settings.CACHES = {
            alias: {"BACKEND": "ellemes.page_cache.ResilientRedisCache", "LOCATION": REDIS_URL}
            for alias in ("default", "pages")
        }
        assert not [m for m in run_checks(include_deployment_checks=True) if m.id == "ellemes.E001"]


def test_the_outage_warning_never_names_the_cache_password(caplog):
    cache = ResilientRedisCache("redis://:s3cret-pass@127.0.0.1:1/0", {})
    with caplog.at_level("WARNING", logger="ellemes.page_cache"):
        assert cache.get("anything", "fallback") == "fallback"
    assert "not answering" in caplog.text
    assert "s3cret-pass" not in caplog.text
