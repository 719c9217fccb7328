"""Password reset: mailed by the worker, the same answer for every address, throttled, valid for an hour."""

import re

import pytest
from django.contrib.auth.password_validation import validate_password
from django.core import mail
from django.core.exceptions import ValidationError
from django.test import Client
from django_tasks_db.models import DBTaskResult

from editorial.roles import EDITORS

pytestmark = pytest.mark.django_db
TASK = "accounts.tasks.send_password_reset"


@pytest.fixture
def run_worker(monkeypatch):
    """Run the real database worker until the queue is empty, as `manage.py db_worker --batch` does."""
    from django.core.management import call_command
    from django_tasks_db.management.commands import db_worker

    # The worker closes connections that are inside a transaction; in a test that one holds the test's data.
    monkeypatch.setattr(db_worker, "close_old_connections", lambda: None)
    return lambda: call_command("db_worker", "--batch", "--backend", "durable", "--no-startup-delay", verbosity=0)


def ask(email, client=None, **extra):
    return (client or Client()).post("/admin/password_reset/", {"email": email}, **extra)


def reset_link(message):
    return re.search(r"https?://[^/\s]+(/admin/password_reset/confirm/\S+/)", message.body).group(1)


def test_known_and_unknown_addresses_get_the_same_answer_and_both_queue_one_task(staff):
    staff(EDITORS, "elena")
    known = ask("elena@ellemes.example", REMOTE_ADDR="198.51.100.1")
    unknown = ask("nobody@ellemes.example", REMOTE_ADDR="198.51.100.2")
    assert known.status_code == unknown.status_code == 302
    assert known["Location"] == unknown["Location"] == "/admin/password_reset/done/"
    assert known.content == unknown.content
    assert DBTaskResult.objects.filter(task_path=TASK).count() == 2
    assert mail.outbox == []  # nothing is sent while the visitor waits


def test_the_worker_mails_a_known_address_once_and_an_unknown_one_never(staff, run_worker, settings):
    settings.WAGTAILADMIN_BASE_URL = "https://www.ellemes.example"
    staff(EDITORS, "elena")
    ask("elena@ellemes.example")
    ask("nobody@ellemes.example")
    run_worker()
    assert [message.to for message in mail.outbox] == [["elena@ellemes.example"]]
    # The link's host comes from the settings, whatever Host the request named.
    assert "https://www.ellemes.example/admin/password_reset/confirm/" in mail.outbox[0].body


def test_the_sixth_request_from_one_client_is_throttled(staff):
    client = Client()
    for number in range(5):
        assert ask(f"person{number}@ellemes.example", client).status_code == 302
    throttled = ask("person5@ellemes.example", client)
    assert throttled.status_code == 429
    assert "Too many password reset requests" in throttled.content.decode()
    assert DBTaskResult.objects.filter(task_path=TASK).count() == 5


def test_the_sixth_request_for_one_address_is_throttled_from_any_client():
    for number in range(5):
        assert ask("elena@ellemes.example", REMOTE_ADDR=f"198.51.100.{number}").status_code == 302
    assert ask("ELENA@ellemes.example", REMOTE_ADDR="203.0.113.7").status_code == 429


def test_the_link_works_within_the_hour_and_not_after(staff, run_worker, time_machine):
    staff(EDITORS, "elena")
    time_machine.move_to("2026-03-02 10:00:00-05:00", tick=False)
    ask("elena@ellemes.example")
    run_worker()
    link = reset_link(mail.outbox[0])
    time_machine.move_to("2026-03-02 10:59:00-05:00", tick=False)
    assert Client().get(link).status_code == 302  # on to the new-password form
    time_machine.move_to("2026-03-02 11:00:01-05:00", tick=False)
    expired = Client().get(link, follow=True)
    assert not expired.context["validlink"]


def test_the_new_password_needs_twelve_characters(staff, run_worker):
    user = staff(EDITORS, "elena")
    ask("elena@ellemes.example")
    run_worker()
    client = Client()
    form = client.get(reset_link(mail.outbox[0]), follow=True)
    set_password = form.request["PATH_INFO"]
    short = client.post(set_password, {"new_password1": "Xq7#mP2$vL9", "new_password2": "Xq7#mP2$vL9"})
    assert "at least 12 characters" in short.content.decode()
    with pytest.raises(ValidationError):
        validate_password("Xq7#mP2$vL9")
    client.post(set_password, {"new_password1": "Xq7#mP2$vL9w", "new_password2": "Xq7#mP2$vL9w"})
    user.refresh_from_db()
    assert user.check_password("Xq7#mP2$vL9w")
