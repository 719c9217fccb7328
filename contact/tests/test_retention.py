"""Inquiries are not kept forever."""

import io

import pytest
from django.core.management import call_command
from django.utils import timezone
from wagtail.models import ModelLogEntry

from contact.models import Inquiry
from contact.tests.test_admin import make_inquiry


def days_ago(days):
    return timezone.now() - timezone.timedelta(days=days)


@pytest.mark.django_db
class TestPurge:
    @pytest.fixture
    def inquiries(self):
        return {
            "recent": make_inquiry(name="Recent", created_at=days_ago(10)),
            "old": make_inquiry(name="Old", created_at=days_ago(400)),
            "recent_spam": make_inquiry(name="Recent spam", is_spam=True, created_at=days_ago(5)),
            "old_spam": make_inquiry(name="Old spam", is_spam=True, created_at=days_ago(45)),
        }

    def test_dry_run_counts_and_deletes_nothing(self, inquiries):
        output = io.StringIO()
        call_command("purge_inquiries", "--dry-run", stdout=output)
        assert "Would delete 2 inquiries (1 spam)" in output.getvalue()
        assert Inquiry.objects.count() == 4

    def test_deletes_what_is_past_retention_and_audits_it(self, inquiries):
        output = io.StringIO()
        call_command("purge_inquiries", stdout=output)
        assert "Deleted 2 inquiries (1 spam)" in output.getvalue()
        assert set(Inquiry.objects.values_list("name", flat=True)) == {"Recent", "Recent spam"}
        entries = ModelLogEntry.objects.filter(action="contact.inquiry.purge")
        assert {entry.object_id for entry in entries} == {str(inquiries["old"].pk), str(inquiries["old_spam"].pk)}
        assert all(entry.deleted for entry in entries)
        assert "Old" not in " ".join(entry.label for entry in entries)

    def test_retention_comes_from_settings(self, inquiries, settings):
        settings.INQUIRY_RETENTION_DAYS = 7
        call_command("purge_inquiries", stdout=io.StringIO())
        assert list(Inquiry.objects.values_list("name", flat=True)) == ["Recent spam"]
