"""When Redis stops, or hangs, the site keeps working: pages render uncached within a second, inquiries
are stored and notified, and the inquiry limit is counted in the database.

Each test runs its own `redis-server` on a free port and stops it mid-test; the hanging server is a
socket that accepts connections and never answers.
"""

import logging
import shutil
import socket
import subprocess
import time

import pytest
import redis
from django.core import mail

from blog.factories import ArticlePageFactory
from contact.models import Inquiry
from contact.tests.conftest import valid_data
from specials.factories import SpecialPageFactory

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.usefixtures("site_pages"),
    pytest.mark.skipif(not shutil.which("redis-server"), reason="redis-server is not installed; outage tests skipped."),
]
PAGES = ["/", "/blog/", "/blog/botox-for-facial-symmetry/", "/specials/", "/staff/", "/contact/", "/search/?q=botox"]


@pytest.fixture
def site_pages(sections, the_team):
    ArticlePageFactory(
        title="The Benefits of Botox for Facial Symmetry",
        slug="botox-for-facial-symmetry",
        author=the_team["lauren-siso"],
        reviewed_by=the_team["maya-okafor"],
    )
    SpecialPageFactory(title="Eye Treatment Promos")


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture
def redis_server():
    """A real Redis on a free port, without persistence; `.stop()` ends it."""
    port = free_port()
    process = subprocess.Popen(  # noqa: S603
        [shutil.which("redis-server"), "--port", str(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"],
        stdout=subprocess.DEVNULL,
    )
    client = redis.Redis(port=port, socket_connect_timeout=0.2)
    for _ in range(50):
        try:
            client.ping()
            break
        except redis.ConnectionError:
            time.sleep(0.1)

    class Server:
        url = f"redis://127.0.0.1:{port}/0"

        @staticmethod
        def stop():
            process.terminate()
            process.wait(timeout=10)

    yield Server
    if process.poll() is None:
        Server.stop()


@pytest.fixture
def hanging_server():
    """Accepts connections (the kernel completes them) and never answers a command."""
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    sock.listen(128)
    yield f"redis://127.0.0.1:{sock.getsockname()[1]}/0"
    sock.close()


def use_redis(settings, url):
    backend = {"BACKEND": "ellemes.page_cache.ResilientRedisCache", "LOCATION": url}
    settings.CACHES = {"default": {**backend, "KEY_PREFIX": "default"}, "pages": {**backend, "KEY_PREFIX": "pages"}}


def timed_get(client, url):
    started = time.monotonic()
    response = client.get(url)
    return response, time.monotonic() - started


def assert_the_site_works(client, run_worker):
    # The first view of a page in a fresh test database also makes its image renditions (seconds of
    # image work that production does ahead with `warm_renditions`), so only the second view is held
    # to one second; the first must still answer, and within a few.
    for url in PAGES:
        response, seconds = timed_get(client, url)
        assert response.status_code == 200, url
        assert seconds < 5, f"{url} took {seconds:.2f} s"
    for url in PAGES:
        response, seconds = timed_get(client, url)
        assert response.status_code == 200, url
        assert seconds < 1, f"{url} took {seconds:.2f} s"
    sent = client.post("/contact/", valid_data())
    assert sent.status_code == 302
    inquiry = Inquiry.objects.get()
    run_worker()
    inquiry.refresh_from_db()
    assert inquiry.notice_status == Inquiry.Notification.SENT
    assert mail.outbox[0].subject.startswith(f"New inquiry #{inquiry.reference}")
    assert client.get(sent["Location"]).status_code == 200


def test_redis_stopped_mid_test(client, settings, redis_server, run_worker, caplog):
    use_redis(settings, redis_server.url)
    assert client.get("/blog/")["X-Cache"] == "miss"
    assert client.get("/blog/")["X-Cache"] == "hit"
    redis_server.stop()
    with caplog.at_level(logging.WARNING, logger="ellemes.page_cache"):
        assert_the_site_works(client, run_worker)
    warnings = [r for r in caplog.records if "not answering" in r.getMessage()]
    assert len(warnings) <= 2, "one warning per cache when Redis stops, not one per request"


def test_redis_hanging(client, settings, hanging_server, run_worker):
    use_redis(settings, hanging_server)
    assert_the_site_works(client, run_worker)


def test_the_inquiry_limit_is_counted_in_the_database_while_redis_is_down(client, settings, redis_server):
    use_redis(settings, redis_server.url)
    settings.INQUIRY_RATE_LIMIT = 2
    assert client.post("/contact/", valid_data(email="first@example.com")).status_code == 302
    redis_server.stop()
    assert client.post("/contact/", valid_data(email="second@example.com")).status_code == 302
    assert client.post("/contact/", valid_data(email="third@example.com")).status_code == 429
    assert Inquiry.objects.count() == 2
