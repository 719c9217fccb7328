"""The background worker outlives a database outage: it waits, reconnects and goes on processing jobs."""

import io
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from django.core.management import call_command
from django.db import InterfaceError, connection, transaction
from django.utils import timezone
from django_tasks_db.management.commands.db_worker import Worker

from contact.models import Inquiry
from contact.tasks import notification_jobs, notify_later
from tests.servers import TCPProxy

ROOT = Path(__file__).resolve().parent.parent


def wait_for(condition, timeout, message):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return
        time.sleep(0.2)
    raise AssertionError(message)


def database_url(port):
    database = connection.settings_dict
    return f"postgres://{database['USER']}:{database['PASSWORD']}@127.0.0.1:{port}/{database['NAME']}"


@pytest.fixture
def database_proxy(db):
    if connection.vendor != "postgresql":
        pytest.skip("the worker test reaches PostgreSQL through a TCP proxy; set DATABASE_URL to PostgreSQL")
    with TCPProxy(
        int(connection.settings_dict["PORT"] or 5432), connection.settings_dict["HOST"] or "127.0.0.1"
    ) as proxy:
        yield proxy


# The worker, another process, sees only committed rows: the clinic's details (its inbox) are committed here, then
# the database is emptied and Wagtail's initial rows are put back.
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_the_worker_survives_a_database_outage_and_then_processes_a_new_job(
    database_proxy, committed, tmp_path, clinic
):
    heartbeat = tmp_path / "heartbeat"
    log = (tmp_path / "worker.log").open("w")
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "ellemes.settings.test",
        "DATABASE_URL": database_url(database_proxy.port),
        "PYTHONUNBUFFERED": "1",
    }
    worker = subprocess.Popen(
        [
            sys.executable,
            "manage.py",
            "run_worker",
            "--interval",
            "0.2",
            "--max-delay",
            "2",
            "--heartbeat",
            str(heartbeat),
        ],
        cwd=ROOT,
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    inquiry = None
    try:
        wait_for(heartbeat.exists, 90, "the worker never looked at the queue")

        database_proxy.stop()
        time.sleep(5)
        assert worker.poll() is None, "the worker died with the database"
        database_proxy.start()

        with committed(), transaction.atomic():
            inquiry = Inquiry.objects.create(
                name="Maria Lopez",
                email="maria@example.com",
                inquiry_type=Inquiry.Type.CONSULTATION,
                message="Queued after the outage.",
                consent_text="I agree",
                consented_at=timezone.now(),
            )
            notify_later(inquiry)

        def processed():
            return notification_jobs(inquiry.pk).filter(status="SUCCESSFUL").exists()

        wait_for(processed, 60, "the worker did not process the job queued after the outage")
        assert worker.poll() is None
        inquiry.refresh_from_db()
        assert inquiry.notice_status == Inquiry.Notification.SENT
        output = (tmp_path / "worker.log").read_text
        assert "Database unavailable" in output()
        # The worker says so once the pass that ran the job ends, which can be just after the job is marked done.
        wait_for(lambda: "Database reachable again" in output(), 30, f"the worker never said it was back: {output()}")
    finally:
        worker.send_signal(signal.SIGTERM)
        try:
            worker.wait(timeout=20)
        except subprocess.TimeoutExpired:
            worker.kill()
        log.close()
        if inquiry is not None:
            with committed():
                notification_jobs(inquiry.pk).delete()
                inquiry.delete()


def test_the_worker_survives_a_connection_lost_while_a_job_ran(monkeypatch):
    """Recording the failure of a job whose connection dropped raises InterfaceError, not a DatabaseError."""
    runs = []

    def run(worker):
        runs.append(worker)
        if len(runs) == 1:
            raise InterfaceError("connection already closed")
        worker.running = False

    monkeypatch.setattr(Worker, "run", run)
    monkeypatch.setattr(Worker, "configure_signals", lambda worker: None)
    errors = io.StringIO()
    call_command("run_worker", "--interval", "0", "--max-delay", "0.01", stdout=io.StringIO(), stderr=errors)
    assert len(runs) == 2
    assert "Database unavailable (InterfaceError)" in errors.getvalue()
