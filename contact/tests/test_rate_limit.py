"""The inquiry limit holds when posts arrive at the same moment, and counts each real client behind the proxy."""

import threading
import uuid
from concurrent.futures import ThreadPoolExecutor

import pytest
from django.db import connection
from django.test import Client
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from contact.models import Inquiry
from contact.tests.conftest import valid_data
from tests.servers import free_port

# The threads post through connections of their own, which see only committed rows: these tests commit the
# contact page, and afterwards the database is emptied and Wagtail's initial rows are put back.
committing = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def post_at_once(count, **headers):
    """`count` inquiries posted by as many threads released together; returns the status codes and the marker."""
    marker = uuid.uuid4().hex
    barrier = threading.Barrier(count)
    # The page's images have their renditions, as the worker makes them when an image is uploaded: only the
    # limit is raced. (Two first views storing the same new renditions at once can deadlock in PostgreSQL:
    # Wagtail inserts them in the order its threads finish making them.)
    Client().get("/contact/")

    def send(number):
        try:
            client = Client()
            data = valid_data(name=f"Patient {number}", message=f"Parallel inquiry {marker} number {number}.")
            barrier.wait(timeout=10)
            return client.post("/contact/", data, **headers).status_code
        finally:
            connection.close()  # each thread's own connection, committed on its own

    with ThreadPoolExecutor(count) as pool:
        return sorted(pool.map(send, range(count))), marker


@pytest.fixture
def sent_in_threads():
    """Removes what the threads committed (outside the test's transaction) when the test ends."""
    markers, started = [], timezone.now()

    yield markers

    def clean():
        try:
            for marker in markers:
                Inquiry.objects.filter(message__contains=marker).delete()
            DBTaskResult.objects.filter(enqueued_at__gte=started).delete()
        finally:
            connection.close()

    thread = threading.Thread(target=clean)
    thread.start()
    thread.join()


def stored(marker):
    return Inquiry.objects.filter(message__contains=marker).count()


@committing
@pytest.mark.usefixtures("contact_page")
def test_the_sixth_of_six_parallel_posts_is_refused(settings, sent_in_threads):
    settings.INQUIRY_RATE_LIMIT = 5
    codes, marker = post_at_once(6)
    sent_in_threads.append(marker)
    assert codes == [302, 302, 302, 302, 302, 429]
    assert stored(marker) == 5


@committing
@pytest.mark.usefixtures("contact_page")
def test_with_the_cache_down_the_database_count_holds_too(settings, sent_in_threads):
    # Nothing listens on this port: every cache call fails fast and the limit is counted in the database.
    dead = f"redis://127.0.0.1:{free_port()}/0"
    backend = {"BACKEND": "ellemes.page_cache.ResilientRedisCache", "LOCATION": dead}
    settings.CACHES = {"default": {**backend, "KEY_PREFIX": "default"}, "pages": {**backend, "KEY_PREFIX": "pages"}}
    settings.INQUIRY_RATE_LIMIT = 3
    codes, marker = post_at_once(5)
    sent_in_threads.append(marker)
    assert codes == [302, 302, 302, 429, 429]
    assert stored(marker) == 3


@pytest.mark.django_db
@pytest.mark.usefixtures("contact_page")
def test_each_client_behind_the_proxy_has_its_own_limit(settings, client):
    settings.TRUSTED_PROXY_COUNT = 1
    settings.INQUIRY_RATE_LIMIT = 2
    patient = {"REMOTE_ADDR": "10.0.0.2", "HTTP_X_FORWARDED_FOR": "203.0.113.5"}
    for _ in range(2):
        assert client.post("/contact/", valid_data(), **patient).status_code == 302
    assert client.post("/contact/", valid_data(), **patient).status_code == 429
    # Another patient behind the same proxy is not held back by the first one's inquiries.
    neighbor = {"REMOTE_ADDR": "10.0.0.2", "HTTP_X_FORWARDED_FOR": "198.51.100.9"}
    assert client.post("/contact/", valid_data(), **neighbor).status_code == 302
    # A client cannot escape its limit by writing its own X-Forwarded-For entry: the proxy appends the real one.
    forged = {"REMOTE_ADDR": "10.0.0.2", "HTTP_X_FORWARDED_FOR": "192.0.2.1, 203.0.113.5"}
    assert client.post("/contact/", valid_data(), **forged).status_code == 429
