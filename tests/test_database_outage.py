"""A database that hangs or is down: fast, friendly 503 pages with the clinic's phone and the patient's own text."""

import json
import logging
import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

import pytest
from django.db import OperationalError, connection

from contact.models import Inquiry
from contact.tests.conftest import valid_data
from ellemes.outage import read_clinic_contact
from tests.servers import SilentServer, free_port

pytestmark = pytest.mark.usefixtures("small_site")

ROOT = Path(__file__).resolve().parent.parent
PATIENT_TEXT = 'Is dermaplaning safe before my wedding? </textarea><script>alert("x")</script> & thanks'


def failing_database(execute, sql, params, many, context):
    raise OperationalError("could not connect to server")


@pytest.fixture
def contact_copy(settings, tmp_path):
    settings.CLINIC_CONTACT_FILE = str(tmp_path / "clinic-contact.json")
    return Path(settings.CLINIC_CONTACT_FILE)


@pytest.mark.django_db
class TestOutagePage:
    def test_saving_clinic_details_keeps_a_copy_the_outage_page_shows(self, client, clinic, contact_copy):
        clinic.phone = "(404) 555-0142"
        clinic.save()
        assert json.loads(contact_copy.read_text())["phone"] == "(404) 555-0142"
        client.raise_request_exception = False
        with connection.execute_wrapper(failing_database):
            response = client.get("/blog/")
        assert response.status_code == 503
        body = response.content.decode()
        assert '<a href="tel:4045550142">(404) 555-0142</a>' in body
        assert "textarea" not in body

    def test_without_a_copy_the_page_still_answers_without_a_phone(self, client, contact_copy):
        contact_copy.write_text("not json")
        assert read_clinic_contact() == {}
        client.raise_request_exception = False
        with connection.execute_wrapper(failing_database):
            response = client.get("/blog/")
        assert response.status_code == 503
        assert "tel:" not in response.content.decode()

    def test_an_inquiry_post_gets_its_text_back_escaped_and_nowhere_else(self, client, clinic, contact_copy, caplog):
        clinic.phone = "(404) 555-0142"
        clinic.save()
        client.raise_request_exception = False
        caplog.set_level(logging.DEBUG)
        with connection.execute_wrapper(failing_database):
            response = client.post("/contact/", valid_data(message=PATIENT_TEXT))
        assert response.status_code == 503
        assert response["Cache-Control"] == "no-store"
        body = response.content.decode()
        assert "Your message was not sent" in body and "(404) 555-0142" in body
        assert "&lt;/textarea&gt;&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; thanks</textarea>" in body
        assert "<script>" not in body
        assert Inquiry.objects.count() == 0
        for record in caplog.records:
            assert "dermaplaning" not in record.getMessage() and "dermaplaning" not in (record.exc_text or "")
        assert client.get("/blog/").status_code == 200

    def test_an_admin_form_is_never_shown_back(self, client):
        client.raise_request_exception = False
        with connection.execute_wrapper(failing_database):
            response = client.post("/admin/login/", {"username": "a", "password": "secret-pass", "message": "x"})
        assert response.status_code == 503
        assert "secret-pass" not in response.content.decode() and "textarea" not in response.content.decode()


def request(url, data=None, headers=None):
    """(status, body, seconds) of one HTTP request."""
    started = time.monotonic()
    try:
        with urllib.request.urlopen(urllib.request.Request(url, data=data, headers=headers or {}), timeout=30) as reply:
            status, body = reply.status, reply.read().decode()
    except urllib.error.HTTPError as error:
        status, body = error.code, error.read().decode()
    return status, body, time.monotonic() - started


def wait_for_port(port, process, timeout=90):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        assert process.poll() is None, "the server exited"
        with socket.socket() as probe:
            if probe.connect_ex(("127.0.0.1", port)) == 0:
                return
        time.sleep(0.2)
    raise AssertionError("the server did not start")


def test_a_database_that_never_answers_gets_a_friendly_503_within_the_timeout(tmp_path):
    """Against a socket that accepts connections and never replies, under gunicorn."""
    contact_copy = tmp_path / "clinic-contact.json"
    contact_copy.write_text(json.dumps({"name": "ELLEMES Medical Spa", "phone": "(404) 555-0142"}))
    port = free_port()
    log = tmp_path / "server.log"
    with SilentServer() as database, log.open("w") as output:
        env = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "ellemes.settings.test",
            "DATABASE_URL": f"postgres://postgres@127.0.0.1:{database.port}/ellemes",
            "DB_CONNECT_TIMEOUT": "3",
            "CLINIC_CONTACT_FILE": str(contact_copy),
        }
        server = subprocess.Popen(
            [sys.executable, "-m", "gunicorn", "ellemes.wsgi:application", "--preload", "--workers", "1"]
            + ["--bind", f"127.0.0.1:{port}", "--timeout", "60", "--access-logfile", "-"],
            cwd=ROOT,
            env=env,
            stdout=output,
            stderr=subprocess.STDOUT,
        )
        try:
            wait_for_port(port, server)
            base = f"http://127.0.0.1:{port}"
            status, body, seconds = request(f"{base}/healthz")
            assert status == 503 and json.loads(body)["status"] == "error"
            assert seconds < 10, f"/healthz took {seconds:.1f} s"

            status, body, seconds = request(f"{base}/blog/")
            assert status == 503 and "right back" in body and "(404) 555-0142" in body
            assert seconds < 10, f"/blog/ took {seconds:.1f} s"

            # A patient whose form loaded before the database stopped answering.
            token = "a" * 32
            form = urllib.parse.urlencode({**valid_data(message=PATIENT_TEXT), "csrfmiddlewaretoken": token})
            status, body, seconds = request(
                f"{base}/contact/", data=form.encode(), headers={"Cookie": f"csrftoken={token}", "Referer": base}
            )
            assert status == 503 and "Your message was not sent" in body
            assert "Is dermaplaning safe before my wedding? &lt;/textarea&gt;" in body
            assert seconds < 10, f"the inquiry POST took {seconds:.1f} s"
        finally:
            server.terminate()
            server.wait(timeout=30)
    assert "dermaplaning" not in log.read_text()
