"""The front desk's side: who sees inquiries, what they see, exports and the audit trail."""

import csv
import datetime
import io
import re

import pytest
from django.contrib.auth.models import Group, Permission
from django.utils import timezone
from django_tasks_db.models import DBTaskResult
from openpyxl import load_workbook
from wagtail.models import ModelLogEntry

from contact.factories import InquiryFactory
from contact.models import Inquiry

SCRIPT = "<script>alert(1)</script>"


def make_inquiry(**fields):
    fields.setdefault("email", "maria@example.com")
    fields.setdefault("message", "Consultation please.")
    return InquiryFactory(**fields)


@pytest.fixture
def front_desk(django_user_model):
    group, _ = Group.objects.get_or_create(name="Front desk")
    group.permissions.add(
        Permission.objects.get(codename="access_admin"),
        *Permission.objects.filter(content_type__app_label="contact", codename__endswith="_inquiry"),
    )
    user = django_user_model.objects.create_user("frontdesk", password="x")
    user.groups.add(group)
    return user


@pytest.fixture
def editor(django_user_model, roles):
    user = django_user_model.objects.create_user("editor", password="x")
    user.groups.add(Group.objects.get(name="Editors"))
    return user


@pytest.mark.django_db
class TestPermissions:
    def test_editors_cannot_see_inquiries(self, client, editor):
        inquiry = make_inquiry()
        client.force_login(editor)
        for url in [
            "/admin/inquiries/",
            f"/admin/inquiries/edit/{inquiry.pk}/",
            f"/admin/inquiries/inspect/{inquiry.pk}/",
            "/admin/inquiries/?export=csv",
        ]:
            response = client.get(url)
            assert response.status_code in (302, 403), url
            assert b"Maria" not in response.content
        assert "Inquiries" not in client.get("/admin/").content.decode()
        assert not ModelLogEntry.objects.filter(action="contact.inquiry.view").exists()

    def test_front_desk_sees_the_menu_and_the_list(self, client, front_desk):
        make_inquiry()
        client.force_login(front_desk)
        assert "Inquiries" in client.get("/admin/").content.decode()
        assert "Maria Lopez" in client.get("/admin/inquiries/").content.decode()

    def test_nobody_adds_inquiries_in_the_admin(self, admin_client):
        assert admin_client.get("/admin/inquiries/new/").status_code in (302, 403)
        assert "/admin/inquiries/new/" not in admin_client.get("/admin/inquiries/").content.decode()


@pytest.mark.django_db
class TestListing:
    def test_spam_is_hidden_by_default_and_shown_in_quarantine(self, admin_client):
        make_inquiry(name="Real Patient")
        make_inquiry(name="Spam Bot", is_spam=True, spam_reason="honeypot")
        default = admin_client.get("/admin/inquiries/").content.decode()
        assert "Real Patient" in default and "Spam Bot" not in default
        quarantine = admin_client.get("/admin/inquiries/?spam=quarantine").content.decode()
        assert "Spam Bot" in quarantine and "Real Patient" not in quarantine

    def test_filters_by_status_and_type(self, admin_client):
        make_inquiry(name="Booked Patient", status=Inquiry.Status.BOOKED)
        make_inquiry(name="Business Person", inquiry_type=Inquiry.Type.BUSINESS)
        booked = admin_client.get("/admin/inquiries/?status=booked").content.decode()
        assert "Booked Patient" in booked and "Business Person" not in booked
        business = admin_client.get("/admin/inquiries/?inquiry_type=business").content.decode()
        assert "Business Person" in business and "Booked Patient" not in business

    def test_filters_by_date_range(self, admin_client):
        make_inquiry(name="Old Patient", created_at=timezone.now() - timezone.timedelta(days=40))
        make_inquiry(name="New Patient")
        since = (timezone.localdate() - timezone.timedelta(days=7)).isoformat()
        html = admin_client.get(f"/admin/inquiries/?created_at_from={since}").content.decode()
        assert "New Patient" in html and "Old Patient" not in html

    @pytest.mark.parametrize("query", ["lopez", "maria@example", "REFERENCE"])
    def test_search_by_name_email_and_reference(self, admin_client, query):
        inquiry = make_inquiry()
        make_inquiry(name="Other Person", email="other@example.com")
        query = inquiry.reference if query == "REFERENCE" else query
        html = admin_client.get("/admin/inquiries/", {"q": query}).content.decode()
        assert "Maria Lopez" in html and "Other Person" not in html

    def test_patient_text_is_escaped_in_the_list(self, admin_client):
        make_inquiry(name=SCRIPT)
        html = admin_client.get("/admin/inquiries/").content.decode()
        assert SCRIPT not in html
        assert "&lt;script&gt;" in html


@pytest.mark.django_db
class TestDetail:
    @pytest.mark.parametrize("view", ["edit", "inspect"])
    def test_viewing_is_audited_and_escaped(self, client, front_desk, view):
        inquiry = make_inquiry(name=SCRIPT, message=SCRIPT, phone=SCRIPT)
        client.force_login(front_desk)
        response = client.get(f"/admin/inquiries/{view}/{inquiry.pk}/")
        assert response.status_code == 200
        html = response.content.decode()
        assert SCRIPT not in html
        assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
        entry = ModelLogEntry.objects.get(action="contact.inquiry.view")
        assert entry.user == front_desk
        assert entry.object_id == str(inquiry.pk)
        assert SCRIPT not in entry.label

    def test_status_assignment_and_notes(self, client, front_desk):
        inquiry = make_inquiry()
        client.force_login(front_desk)
        response = client.post(
            f"/admin/inquiries/edit/{inquiry.pk}/",
            {"status": "contacted", "assigned_to": front_desk.pk, "internal_notes": "Called, left a message."},
        )
        assert response.status_code == 302
        inquiry.refresh_from_db()
        assert inquiry.status == Inquiry.Status.CONTACTED
        assert inquiry.assigned_to == front_desk
        assert inquiry.internal_notes == "Called, left a message."
        assert inquiry.name == "Maria Lopez"

    def test_patient_fields_cannot_be_changed_by_staff(self, admin_client):
        inquiry = make_inquiry()
        admin_client.post(
            f"/admin/inquiries/edit/{inquiry.pk}/", {"status": "new", "name": "Changed", "message": "Changed"}
        )
        inquiry.refresh_from_db()
        assert inquiry.name == "Maria Lopez" and inquiry.message == "Consultation please."

    def test_rescuing_from_quarantine_notifies_the_front_desk(self, admin_client):
        inquiry = make_inquiry(
            is_spam=True,
            notice_status=Inquiry.Notification.QUARANTINED,
            acknowledgement_status=Inquiry.Notification.QUARANTINED,
        )
        admin_client.post(f"/admin/inquiries/edit/{inquiry.pk}/", {"status": "new", "is_spam": ""})
        inquiry.refresh_from_db()
        assert not inquiry.is_spam
        assert inquiry.notice_status == inquiry.acknowledgement_status == Inquiry.Notification.PENDING
        job = DBTaskResult.objects.get(task_path="contact.tasks.send_inquiry_notification")
        assert job.args_kwargs["args"] == [inquiry.pk]


@pytest.mark.django_db
class TestExport:
    def test_csv_has_a_bom_neutralises_formulas_and_keeps_unicode(self, client, front_desk):
        make_inquiry(name='=HYPERLINK("http://evil.example")', phone="+1 404 555 0142", message="@SUM(A1)")
        make_inquiry(name="José 李", message="-2+3", email="jose@example.com", internal_notes="\tcmd")
        client.force_login(front_desk)
        response = client.get("/admin/inquiries/?export=csv")
        assert response.status_code == 200
        content = b"".join(response.streaming_content)
        assert content.startswith(b"\xef\xbb\xbf")
        rows = list(csv.DictReader(io.StringIO(content.decode("utf-8-sig"))))
        assert len(rows) == 2
        for row in rows:
            for value in row.values():
                assert not value.startswith(("=", "+", "-", "@", "\t", "\r")), value
        names = {row["Name"] for row in rows}
        assert "José 李" in names
        assert '\'=HYPERLINK("http://evil.example")' in names
        assert {row["Message"] for row in rows} == {"'@SUM(A1)", "'-2+3"}

    def test_export_follows_the_filters_and_is_audited(self, client, front_desk):
        booked = make_inquiry(name="Booked Patient", status=Inquiry.Status.BOOKED)
        make_inquiry(name="New Patient")
        make_inquiry(name="Spam Bot", is_spam=True)
        client.force_login(front_desk)
        response = client.get("/admin/inquiries/?status=booked&export=csv")
        content = b"".join(response.streaming_content).decode("utf-8-sig")
        assert "Booked Patient" in content and "New Patient" not in content and "Spam Bot" not in content
        entries = ModelLogEntry.objects.filter(action="contact.inquiry.export")
        assert [(entry.object_id, entry.user) for entry in entries] == [(str(booked.pk), front_desk)]
        assert entries.get().data == {"format": "csv"}

    def test_xlsx_export(self, client, front_desk):
        make_inquiry(name="=1+1", message=SCRIPT)
        client.force_login(front_desk)
        response = client.get("/admin/inquiries/?export=xlsx")
        assert response.status_code == 200
        workbook = load_workbook(io.BytesIO(b"".join(response.streaming_content)))
        rows = list(workbook.active.iter_rows(values_only=True))
        headings, row = rows[0], rows[1]
        record = dict(zip(headings, row, strict=True))
        assert record["Name"] == "=1+1"
        assert workbook.active.cell(row=2, column=headings.index("Name") + 1).data_type == "s"
        assert record["Message"] == SCRIPT
        assert ModelLogEntry.objects.filter(action="contact.inquiry.export", data__format="xlsx").count() == 1


@pytest.fixture
def priya(django_user_model):
    return django_user_model.objects.create_user("pshah", first_name="Priya", last_name="Shah", password="x")


@pytest.mark.django_db
class TestForPeople:
    """What the front desk reads: links they can click, names rather than accounts, words rather than codes."""

    @pytest.mark.parametrize("view", ["edit", "inspect"])
    def test_email_and_phone_open_the_mail_program_and_the_dialler(self, client, front_desk, view):
        inquiry = make_inquiry(email="o'brien&co@example.com", phone="+1 (404) 555-0142")
        client.force_login(front_desk)
        html = client.get(f"/admin/inquiries/{view}/{inquiry.pk}/").content.decode()
        assert '<a href="mailto:o%27brien%26co@example.com">o&#x27;brien&amp;co@example.com</a>' in html
        assert '<a href="tel:+14045550142">+1 (404) 555-0142</a>' in html

    def test_a_phone_field_that_is_not_a_number_is_shown_escaped_without_a_link(self, client, front_desk):
        inquiry = make_inquiry(phone=SCRIPT)
        client.force_login(front_desk)
        html = client.get(f"/admin/inquiries/edit/{inquiry.pk}/").content.decode()
        assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
        assert 'href="tel:' not in html

    def test_assigned_staff_are_named_in_the_list_the_filter_and_the_form(self, client, front_desk, priya):
        inquiry = make_inquiry(assigned_to=priya)
        client.force_login(front_desk)
        listing = client.get("/admin/inquiries/").content.decode()
        assert "Priya Shah" in listing
        assert re.search(rf'<option value="{priya.pk}"[^>]*>Priya Shah</option>', listing)
        form = client.get(f"/admin/inquiries/edit/{inquiry.pk}/").content.decode()
        assert re.search(rf'<option value="{priya.pk}" selected>Priya Shah</option>', form)
        inspect = client.get(f"/admin/inquiries/inspect/{inquiry.pk}/").content.decode()
        assert "Priya Shah" in inspect and ">pshah<" not in inspect

    def test_downloads_are_buttons_of_their_own(self, client, front_desk):
        client.force_login(front_desk)
        html = client.get("/admin/inquiries/?status=new").content.decode()
        header = html[html.index("w-slim-header") : html.index('id="listing-results"')]
        dropdowns = re.findall(r'data-controller="w-dropdown".*?</div>\s*</div>', header, re.S)
        for label, export in [("Download CSV", "csv"), ("Download Excel", "xlsx")]:
            link = rf'<a [^>]*href="/admin/inquiries/\?status=new&amp;export={export}"[^>]*>.*?</a>'
            button = re.search(link, header, re.S)
            assert button and label in button.group(0) and "w-header-button" in button.group(0)
            assert not any(f"export={export}" in dropdown for dropdown in dropdowns)

    def test_exports_use_clinic_time_and_plain_words(self, client, front_desk, priya):
        received = datetime.datetime(2026, 7, 1, 16, 30, 5, 123456, tzinfo=datetime.UTC)  # 12:30 in Atlanta (EDT)
        make_inquiry(
            created_at=received,
            consented_at=received,
            inquiry_type=Inquiry.Type.SPECIAL,
            contact_method=Inquiry.ContactMethod.PHONE,
            phone="404 555 0142",
            assigned_to=priya,
        )
        client.force_login(front_desk)
        response = client.get("/admin/inquiries/?export=csv")
        row = next(csv.DictReader(io.StringIO(b"".join(response.streaming_content).decode("utf-8-sig"))))
        assert row["Received"] == "2026-07-01 12:30:05"
        assert row["Consented at"] == "2026-07-01 12:30:05"
        assert row["Status"] == "New"
        assert row["Type"] == "Claim a special"
        assert row["Preferred contact method"] == "Phone"
        assert row["Assigned to"] == "Priya Shah"
        assert row["Spam"] == "No"
        assert row["Front-desk notice"] == "Waiting to be sent"
        assert "new" not in row.values() and "special" not in row.values()

        response = client.get("/admin/inquiries/?export=xlsx")
        rows = list(load_workbook(io.BytesIO(b"".join(response.streaming_content))).active.iter_rows(values_only=True))
        record = dict(zip(rows[0], rows[1], strict=True))
        assert record["Received"] == datetime.datetime(2026, 7, 1, 12, 30, 5)
        assert record["Status"] == "New" and record["Type"] == "Claim a special"
        assert record["Assigned to"] == "Priya Shah"
