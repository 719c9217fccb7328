"""Scheduled publishing without cron: it publishes, it retires cached pages, and it leaves a trace."""

import datetime
import io

import pytest
from django.core.management import call_command
from django.utils import timezone

from blog.models import BlogIndexPage
from ellemes.models import CommandRun

pytestmark = pytest.mark.usefixtures("small_site")


def schedule_new_title(title, go_live_at):
    blog = BlogIndexPage.objects.get()
    blog.title = title
    revision = blog.save_revision(approved_go_live_at=go_live_at)
    return revision


@pytest.mark.django_db
class TestScheduledPublishing:
    def test_publishes_due_changes_and_retires_the_cached_page(self, client):
        assert client.get("/blog/")["X-Cache"] == "miss"
        schedule_new_title("Skin journal", timezone.now() - datetime.timedelta(minutes=1))
        assert "Skin journal" not in client.get("/blog/").content.decode()

        call_command("publish_scheduled", stdout=io.StringIO())

        response = client.get("/blog/")
        assert response["X-Cache"] == "miss"
        assert "Skin journal" in response.content.decode()
        assert CommandRun.last_run("publish_scheduled") is not None

    def test_leaves_future_changes_alone(self, client):
        schedule_new_title("Not yet", timezone.now() + datetime.timedelta(days=1))
        call_command("publish_scheduled", stdout=io.StringIO())
        assert "Not yet" not in client.get("/blog/").content.decode()

    def test_dry_run_records_nothing(self):
        call_command("publish_scheduled", "--dryrun", stdout=io.StringIO())
        assert CommandRun.last_run("publish_scheduled") is None

    def test_periodic_runner_runs_scheduled_publishing(self):
        schedule_new_title("Skin journal", timezone.now() - datetime.timedelta(minutes=1))
        call_command("run_periodic", "--once", stdout=io.StringIO())
        assert BlogIndexPage.objects.get().title == "Skin journal"
        assert CommandRun.last_run("publish_scheduled") is not None
