"""The path of an inquiry from the form to the front desk's inbox, including mail failures."""

import datetime
import io

import pytest
import time_machine
from django.core import mail
from django.core.management import call_command
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from contact.models import Inquiry
from contact.tests.conftest import valid_data

pytestmark = pytest.mark.usefixtures("contact_page")

PATIENT_WORDS = ["Maria", "Lopez", "maria@example.com", "dermaplaning", "555-0199"]


def notification_jobs():
    return DBTaskResult.objects.filter(task_path="contact.tasks.send_inquiry_notification")


def submit(client, **overrides):
    return client.post("/contact/", valid_data(**overrides))


@pytest.mark.django_db
class TestSubmission:
    def test_saves_the_inquiry_with_its_job_and_redirects_to_the_thank_you_page(self, client, settings):
        response = submit(client, phone="(404) 555-0199", contact_method="phone")
        assert response.status_code == 302
        assert response["Location"].startswith("/contact/thank-you/?sent=")
        inquiry = Inquiry.objects.get()
        assert inquiry.name == "Maria Lopez"
        assert inquiry.status == Inquiry.Status.NEW
        assert inquiry.notice_status == inquiry.acknowledgement_status == Inquiry.Notification.PENDING
        assert inquiry.consent_text == "I agree that ELLEMES Medical Spa may contact me about this inquiry"
        assert abs(inquiry.consented_at - timezone.now()) < datetime.timedelta(minutes=1)
        job = notification_jobs().get()
        assert job.args_kwargs["args"] == [inquiry.pk]
        assert job.status == "READY"
        assert mail.outbox == [], "nothing is sent before the worker runs"

        page = client.get(response["Location"])
        assert page.status_code == 200
        assert f"#{inquiry.reference}" in page.content.decode()
        assert "private" in page["Cache-Control"]
        assert settings.SESSION_COOKIE_NAME not in client.cookies, "a patient who sent an inquiry has no session"

    def test_worker_notifies_the_front_desk_without_patient_data(self, client, clinic, run_worker):
        submit(client, phone="(404) 555-0199")
        inquiry = Inquiry.objects.get()
        run_worker()
        inquiry.refresh_from_db()
        assert inquiry.notice_status == inquiry.acknowledgement_status == Inquiry.Notification.SENT
        assert inquiry.notified_at and inquiry.acknowledged_at
        notice, acknowledgement = mail.outbox
        assert notice.to == [clinic.inquiry_inbox]
        assert notice.subject == f"New inquiry #{inquiry.reference} (Book a consultation)"
        assert f"/admin/inquiries/edit/{inquiry.pk}/" in notice.body
        message = notice.message().as_string()
        for word in PATIENT_WORDS:
            assert word not in message
        assert acknowledgement.to == ["maria@example.com"]
        assert f"#{inquiry.reference}" in acknowledgement.body
        assert "dermaplaning" not in acknowledgement.message().as_string()
        assert notification_jobs().get().status == "SUCCESSFUL"

    def test_without_a_worker_the_inquiry_is_kept_and_the_notice_waits(self, client):
        submit(client)
        assert Inquiry.objects.get().notice_status == Inquiry.Notification.PENDING
        assert notification_jobs().filter(status="READY").count() == 1

    def test_acknowledgement_can_be_switched_off(self, client, settings, run_worker):
        settings.INQUIRY_SEND_ACKNOWLEDGEMENT = False
        submit(client)
        run_worker()
        assert len(mail.outbox) == 1
        inquiry = Inquiry.objects.get()
        assert inquiry.notice_status == Inquiry.Notification.SENT
        assert inquiry.acknowledgement_status == Inquiry.Notification.SKIPPED

    def test_double_submit_creates_one_inquiry(self, client):
        data = valid_data()
        first = client.post("/contact/", data)
        second = client.post("/contact/", data)
        assert first["Location"].startswith("/contact/thank-you/?sent=")
        assert client.get(first["Location"]).content == client.get(second["Location"]).content
        assert Inquiry.objects.count() == 1
        assert notification_jobs().count() == 1

    def test_replayed_token_from_another_browser_creates_nothing(self, client, django_user_model):
        from django.test import Client

        data = valid_data()
        client.post("/contact/", data)
        replay = Client().post("/contact/", {**data, "name": "Someone Else"})
        assert replay.status_code == 302
        assert Inquiry.objects.count() == 1
        assert Inquiry.objects.get().name == "Maria Lopez"

    def test_thank_you_page_without_a_submission_leads_to_the_form(self, client):
        response = client.get("/contact/thank-you/")
        assert response.status_code == 302
        assert response["Location"] == "/contact/"

    @pytest.mark.parametrize("sent", ["123456", "123456:forged:signature"])
    def test_a_made_up_reference_leads_to_the_form(self, client, sent):
        response = client.get("/contact/thank-you/", {"sent": sent})
        assert response.status_code == 302
        assert response["Location"] == "/contact/"

    def test_the_reference_is_shown_for_an_hour_only(self, client):
        with time_machine.travel(timezone.now(), tick=False) as clock:
            location = submit(client)["Location"]
            assert client.get(location).status_code == 200
            clock.shift(datetime.timedelta(hours=1, seconds=1))
            assert client.get(location).status_code == 302

    def test_after_an_inquiry_pages_still_come_from_the_cache(self, client, sections):
        client.get("/blog/")
        client.get(submit(client)["Location"])
        assert client.get("/blog/")["X-Cache"] == "hit"


class SMTPDown:
    """Point Django's real SMTP backend at a local port where nothing listens."""

    @staticmethod
    def apply(settings):
        import socket

        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            port = probe.getsockname()[1]
        settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
        settings.EMAIL_HOST = "127.0.0.1"
        settings.EMAIL_PORT = port
        settings.EMAIL_USE_TLS = False
        settings.EMAIL_USE_SSL = False
        settings.EMAIL_HOST_USER = ""
        settings.EMAIL_HOST_PASSWORD = ""
        settings.EMAIL_TIMEOUT = 2


@pytest.mark.django_db
class TestMailFailure:
    def test_retries_with_backoff_then_flags_and_the_command_resends(self, client, settings, run_worker):
        settings.INQUIRY_NOTIFICATION_RETRY_DELAYS = [60, 300]
        thank_you = submit(client)["Location"]
        inquiry = Inquiry.objects.get()
        SMTPDown.apply(settings)

        with time_machine.travel(timezone.now(), tick=False) as clock:
            run_worker()
            inquiry.refresh_from_db()
            assert inquiry.notice_status == inquiry.acknowledgement_status == Inquiry.Notification.RETRYING
            assert inquiry.notification_attempts == 1
            assert "front-desk notice: ConnectionRefusedError" in inquiry.notification_error
            retry = notification_jobs().filter(status="READY").get()
            assert retry.run_after == timezone.now() + datetime.timedelta(seconds=60)

            run_worker()  # too early: the retry waits for its time
            assert notification_jobs().filter(status="READY").count() == 1

            clock.shift(datetime.timedelta(seconds=61))
            run_worker()
            inquiry.refresh_from_db()
            assert inquiry.notification_attempts == 2
            retry = notification_jobs().filter(status="READY").get()
            assert retry.run_after == timezone.now() + datetime.timedelta(seconds=300)

            clock.shift(datetime.timedelta(seconds=301))
            run_worker()
            inquiry.refresh_from_db()
            assert inquiry.notice_status == inquiry.acknowledgement_status == Inquiry.Notification.FAILED
            assert inquiry.notification_attempts == 3
            assert not notification_jobs().filter(status="READY").exists()

        assert Inquiry.objects.notification_failed().get() == inquiry
        # The patient saw the thank-you page all along; the inquiry is still there.
        assert client.get(thank_you).status_code == 200

        settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
        output = io.StringIO()
        call_command("retry_inquiry_notifications", stdout=output)
        assert "Queued 1" in output.getvalue()
        run_worker()
        inquiry.refresh_from_db()
        assert inquiry.notice_status == inquiry.acknowledgement_status == Inquiry.Notification.SENT
        assert mail.outbox[0].subject.startswith(f"New inquiry #{inquiry.reference}")

    def test_resend_now_and_dry_run(self, client, settings):
        submit(client)
        Inquiry.objects.update(
            notice_status=Inquiry.Notification.FAILED,
            acknowledgement_status=Inquiry.Notification.FAILED,
            notification_attempts=5,
        )
        output = io.StringIO()
        call_command("retry_inquiry_notifications", "--dry-run", stdout=output)
        assert "1 notifications to retry" in output.getvalue()
        assert mail.outbox == []
        call_command("retry_inquiry_notifications", "--now", stdout=output)
        assert "Sent 1 of 1" in output.getvalue()
        assert Inquiry.objects.get().notice_status == Inquiry.Notification.SENT

    def test_the_patient_never_sees_a_mail_error(self, client, settings, run_worker):
        SMTPDown.apply(settings)
        response = submit(client)
        assert response.status_code == 302
        run_worker()
        assert Inquiry.objects.get().notice_status == Inquiry.Notification.RETRYING
