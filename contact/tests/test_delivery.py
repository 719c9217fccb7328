"""Delivery against a real SMTP server: a refused address is final, a busy server is retried, nothing goes twice."""

import datetime
import importlib
import io

import pytest
import time_machine
from django.apps import apps
from django.core.management import call_command
from django.utils import timezone

from contact.models import Inquiry
from contact.tasks import notification_jobs, notify_later
from contact.tests.conftest import valid_data
from tests.servers import SMTPServer

pytestmark = pytest.mark.usefixtures("contact_page")

REFUSED = "nobody@example.com"
BUSY = "busy@example.com"


@pytest.fixture
def smtp(settings):
    with SMTPServer(refused=[REFUSED], busy=[BUSY]) as server:
        server.use_in(settings)
        yield server


def submit(client, email):
    response = client.post("/contact/", valid_data(email=email))
    assert response.status_code == 302
    return Inquiry.objects.get(email=email)


@pytest.mark.django_db
class TestPermanentAndTemporaryErrors:
    def test_a_refused_patient_address_is_final_and_shown_as_address_refused(
        self, client, admin_client, clinic, smtp, run_worker
    ):
        inquiry = submit(client, REFUSED)
        run_worker()
        inquiry.refresh_from_db()
        assert inquiry.notice_status == Inquiry.Notification.SENT
        assert inquiry.acknowledgement_status == Inquiry.Notification.REFUSED
        assert "550" in inquiry.notification_error and REFUSED not in inquiry.notification_error
        assert len(smtp.received_by(clinic.inquiry_inbox)) == 1
        assert not notification_jobs().filter(status="READY").exists(), "a 550 is not retried"

        output = io.StringIO()
        call_command("retry_inquiry_notifications", stdout=output)
        assert "Queued 0" in output.getvalue()
        assert "Address refused" in admin_client.get("/admin/inquiries/").content.decode()

    def test_a_busy_server_is_retried_with_backoff_until_it_accepts(self, client, clinic, settings, smtp, run_worker):
        settings.INQUIRY_NOTIFICATION_RETRY_DELAYS = [60, 300]
        inquiry = submit(client, BUSY)
        with time_machine.travel(timezone.now(), tick=False) as clock:
            run_worker()
            inquiry.refresh_from_db()
            assert inquiry.notice_status == Inquiry.Notification.SENT
            assert inquiry.acknowledgement_status == Inquiry.Notification.RETRYING
            assert "421" in inquiry.notification_error
            retry = notification_jobs().filter(status="READY").get()
            assert retry.run_after == timezone.now() + datetime.timedelta(seconds=60)

            smtp.busy.clear()
            clock.shift(datetime.timedelta(seconds=61))
            run_worker()
        inquiry.refresh_from_db()
        assert inquiry.acknowledgement_status == Inquiry.Notification.SENT
        assert len(smtp.received_by(BUSY)) == 1
        assert len(smtp.received_by(clinic.inquiry_inbox)) == 1, "the notice is not sent again with the retry"

    def test_a_refusal_against_a_busy_server_in_one_inquiry_each(self, client, clinic, smtp, run_worker):
        refused, busy = submit(client, REFUSED), submit(client, BUSY)
        run_worker()
        refused.refresh_from_db()
        busy.refresh_from_db()
        assert refused.acknowledgement_status == Inquiry.Notification.REFUSED
        assert busy.acknowledgement_status == Inquiry.Notification.RETRYING
        assert list(notification_jobs().filter(status="READY").values_list("args_kwargs__args__0", flat=True)) == [
            busy.pk
        ]
        assert len(smtp.received_by(clinic.inquiry_inbox)) == 2


@pytest.mark.django_db
class TestExactlyOnce:
    def test_a_second_job_for_the_same_inquiry_sends_nothing(self, client, clinic, smtp, run_worker):
        inquiry = submit(client, "maria@example.com")
        notify_later(inquiry)  # queued again, as a retry or the stuck-job sweep would
        run_worker()
        assert notification_jobs().filter(status="SUCCESSFUL").count() == 2
        assert len(smtp.received_by(clinic.inquiry_inbox)) == 1
        assert len(smtp.received_by("maria@example.com")) == 1

    def test_the_resend_command_covers_every_unsent_notice(self, client, clinic, smtp, run_worker):
        waiting = submit(client, "maria@example.com")
        retrying = submit(client, "lee@example.com")
        Inquiry.objects.filter(pk=retrying.pk).update(acknowledgement_status=Inquiry.Notification.RETRYING)
        notification_jobs().delete()  # as if the jobs were lost
        output = io.StringIO()
        call_command("retry_inquiry_notifications", "--dry-run", stdout=output)
        assert "2 notifications to retry" in output.getvalue()
        call_command("retry_inquiry_notifications", stdout=output)
        run_worker()
        for inquiry in (waiting, retrying):
            inquiry.refresh_from_db()
            assert inquiry.notice_status == inquiry.acknowledgement_status == Inquiry.Notification.SENT
        assert len(smtp.received_by(clinic.inquiry_inbox)) == 2


@pytest.mark.django_db
def test_the_old_single_status_is_split_by_what_was_actually_sent():
    migration = importlib.import_module("contact.migrations.0004_separate_notification_statuses")
    now = timezone.now()
    base = {"inquiry_type": "other", "message": "x", "consent_text": "x", "consented_at": now}
    rows = {
        "sent": Inquiry.objects.create(
            name="a", email="a@example.com", notice_status="sent", notified_at=now, acknowledged_at=now, **base
        ),
        "sent, no receipt": Inquiry.objects.create(
            name="b", email="b@example.com", notice_status="sent", notified_at=now, **base
        ),
        "failed after the notice": Inquiry.objects.create(
            name="c", email="c@example.com", notice_status="failed", notified_at=now, **base
        ),
        "retrying": Inquiry.objects.create(name="d", email="d@example.com", notice_status="retrying", **base),
        "spam": Inquiry.objects.create(
            name="e", email="e@example.com", notice_status="quarantined", is_spam=True, **base
        ),
    }
    migration.split_status(apps, None)
    statuses = {
        key: tuple(Inquiry.objects.filter(pk=row.pk).values_list("notice_status", "acknowledgement_status").get())
        for key, row in rows.items()
    }
    assert statuses == {
        "sent": ("sent", "sent"),
        "sent, no receipt": ("sent", "skipped"),
        "failed after the notice": ("sent", "failed"),
        "retrying": ("retrying", "retrying"),
        "spam": ("quarantined", "quarantined"),
    }


def killed_mid_send(job, minutes_ago):
    """The worker claimed the job `minutes_ago`, then died (kill -9) without finishing it."""
    with time_machine.travel(timezone.now() - datetime.timedelta(minutes=minutes_ago)):
        job.claim("killed-worker")


@pytest.mark.django_db
class TestStuckJobs:
    def test_a_job_stuck_running_past_its_lease_is_requeued_by_the_periodic_runner_and_sends_once(
        self, client, clinic, smtp, run_worker
    ):
        inquiry = submit(client, "maria@example.com")
        job = notification_jobs().get()
        killed_mid_send(job, minutes_ago=11)
        run_worker()
        assert smtp.messages == [], "the only job is still marked running"

        output = io.StringIO()
        call_command("run_periodic", "--once", stdout=output)
        assert f"queued 1 inquiries again: {inquiry}" in output.getvalue()
        job.refresh_from_db()
        assert job.status == "FAILED" and job.exception_class_path.endswith("LeaseExpired")
        run_worker()
        inquiry.refresh_from_db()
        assert inquiry.notice_status == inquiry.acknowledgement_status == Inquiry.Notification.SENT

        call_command("run_periodic", "--once", stdout=io.StringIO())
        run_worker()
        assert len(smtp.received_by(clinic.inquiry_inbox)) == 1
        assert len(smtp.received_by("maria@example.com")) == 1

    def test_killed_after_the_notice_went_out_only_the_acknowledgement_is_sent(self, client, clinic, smtp, run_worker):
        inquiry = submit(client, "maria@example.com")
        Inquiry.objects.filter(pk=inquiry.pk).update(
            notice_status=Inquiry.Notification.SENT, notified_at=timezone.now()
        )
        killed_mid_send(notification_jobs().get(), minutes_ago=30)
        call_command("requeue_stuck_notifications", stdout=io.StringIO())
        run_worker()
        assert smtp.received_by(clinic.inquiry_inbox) == []
        assert len(smtp.received_by("maria@example.com")) == 1

    def test_a_pending_inquiry_whose_job_was_lost_is_requeued(self, client, smtp, run_worker):
        inquiry = submit(client, "maria@example.com")
        notification_jobs().update(status="FAILED")  # e.g. the database failed under the task
        call_command("requeue_stuck_notifications", stdout=io.StringIO())
        run_worker()
        inquiry.refresh_from_db()
        assert inquiry.acknowledgement_status == Inquiry.Notification.SENT

    def test_a_job_within_its_lease_and_a_waiting_retry_are_left_alone(self, client, smtp):
        running, retrying = submit(client, "maria@example.com"), submit(client, "lee@example.com")
        killed_mid_send(notification_jobs(running.pk).get(), minutes_ago=2)
        Inquiry.objects.filter(pk=retrying.pk).update(notice_status=Inquiry.Notification.RETRYING)
        notification_jobs(retrying.pk).update(run_after=timezone.now() + datetime.timedelta(hours=2))
        output = io.StringIO()
        call_command("requeue_stuck_notifications", "--dry-run", stdout=output)
        assert "0 jobs running past the 600 s lease; would queue 0 inquiries" in output.getvalue()
        call_command("requeue_stuck_notifications", stdout=output)
        assert notification_jobs().count() == 2
