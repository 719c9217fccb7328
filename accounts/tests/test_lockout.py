"""The 5th wrong password for one username from one client locks that pair for an hour, with a friendly page."""

import pytest
from django.contrib.auth import get_user_model

from editorial.roles import EDITORS

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("sections")]


def signed_in(client):
    """Whether the client's session belongs to a signed-in user."""
    return "_auth_user_id" in client.session


def lock(client, sign_in, username, **extra):
    for attempt in range(1, 5):
        response = sign_in(client, username, "wrong-password", **extra)
        assert response.status_code == 200, f"attempt {attempt} already locked"
    return sign_in(client, username, "wrong-password", **extra)


def test_the_fifth_failure_locks_and_the_right_password_is_then_refused(client, staff, sign_in, clinic):
    staff(EDITORS, "elena")
    clinic.phone = "(404) 555-0142"
    clinic.save()
    locked = lock(client, sign_in, "elena")
    assert locked.status_code == 429
    html = locked.content.decode()
    assert "Sign-in paused" in html
    assert 'class="site-header__wordmark"' in html
    assert "Please try again after" in html
    assert "(404) 555-0142" in html
    assert "Traceback" not in html
    assert int(locked["Retry-After"]) == 3600

    again = sign_in(client, "elena")
    assert again.status_code == 429
    assert "Sign-in paused" in again.content.decode()
    assert not signed_in(client)
    assert client.get("/admin/pages/").status_code == 302


def test_the_lock_lifts_after_an_hour(client, staff, sign_in, time_machine):
    staff(EDITORS, "elena")
    time_machine.move_to("2026-03-02 10:00:00-05:00", tick=False)
    assert lock(client, sign_in, "elena").status_code == 429
    time_machine.move_to("2026-03-02 11:01:00-05:00", tick=False)
    assert sign_in(client, "elena").status_code == 302
    assert signed_in(client)


def test_another_username_from_the_same_client_is_unaffected(client, staff, sign_in):
    staff(EDITORS, "elena")
    staff(EDITORS, "maya")
    assert lock(client, sign_in, "elena").status_code == 429
    assert sign_in(client, "maya").status_code == 302
    assert signed_in(client)


def test_a_forged_forwarded_for_header_changes_nothing_without_trusted_proxies(client, staff, sign_in, settings):
    settings.TRUSTED_PROXY_COUNT = 0
    staff(EDITORS, "elena")
    assert lock(client, sign_in, "elena", REMOTE_ADDR="198.51.100.7").status_code == 429
    forged = sign_in(client, "elena", REMOTE_ADDR="198.51.100.7", HTTP_X_FORWARDED_FOR="203.0.113.50")
    assert forged.status_code == 429
    assert not signed_in(client)


def test_behind_one_trusted_proxy_the_forwarded_client_counts(client, staff, sign_in, settings):
    settings.TRUSTED_PROXY_COUNT = 1
    staff(EDITORS, "elena")
    proxy = {"REMOTE_ADDR": "10.0.0.2"}
    assert lock(client, sign_in, "elena", HTTP_X_FORWARDED_FOR="198.51.100.7", **proxy).status_code == 429
    # The attacker's own entry to the left of the proxy's does not get them out of the lock.
    spoofed = sign_in(client, "elena", HTTP_X_FORWARDED_FOR="203.0.113.50, 198.51.100.7", **proxy)
    assert spoofed.status_code == 429
    # Another patient-facing client behind the same proxy signs in as usual.
    assert sign_in(client, "elena", HTTP_X_FORWARDED_FOR="198.51.100.8", **proxy).status_code == 302
    assert signed_in(client)


def test_a_login_flood_leaves_cached_pages_without_a_query(client, staff, sign_in, django_assert_num_queries):
    staff(EDITORS, "elena")
    assert client.get("/").status_code == 200  # fills the page cache
    lock(client, sign_in, "elena")
    client.cookies.clear()
    with django_assert_num_queries(0):
        response = client.get("/")
    assert response["X-Cache"] == "hit"


def test_the_locked_username_is_escaped_on_no_page(client, sign_in):
    username = "<script>alert(1)</script>"
    response = lock(client, sign_in, username)
    assert response.status_code == 429
    assert "<script>alert" not in response.content.decode()
    assert not get_user_model().objects.filter(username=username).exists()
