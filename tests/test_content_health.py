"""Content health: the command (output and exit code), the admin report with its exports, and the dashboard."""

import datetime
import io

import pytest
import time_machine
from django.core.management import call_command
from django.utils import timezone
from django.utils.timezone import localdate
from openpyxl import load_workbook

from blog.models import ArticlePage
from contact.models import Inquiry
from editorial.content_health import find_issues
from editorial.roles import EDITORS, FRONT_DESK, MEDICAL_REVIEWERS, SITE_MANAGERS
from ellemes.factories import ImageFactory
from ellemes.models import ClinicImage, CommandRun
from specials.factories import SpecialPageFactory
from specials.models import SpecialPage
from staff.models import StaffMemberPage

pytestmark = pytest.mark.usefixtures("small_site")


@pytest.fixture(autouse=True)
def specials_of_every_kind(small_site):
    """Besides the small site's running special: one ended, one more running, one coming."""
    today = localdate()
    SpecialPageFactory(
        title="Autumn Peel Series",
        starts_on=today - datetime.timedelta(days=60),
        ends_on=today - datetime.timedelta(days=30),
    )
    SpecialPageFactory(
        title="Dermaplaning Glow Facial",
        starts_on=today - datetime.timedelta(days=10),
        ends_on=today + datetime.timedelta(days=45),
        image=ImageFactory(title="Dermaplaning glow facial"),
    )
    SpecialPageFactory(
        title="New Year Laser Refresh",
        starts_on=today + datetime.timedelta(days=20),
        ends_on=today + datetime.timedelta(days=50),
        image=ImageFactory(title="New year laser refresh"),
    )


def run_content_health():
    out = io.StringIO()
    try:
        call_command("content_health", stdout=out)
    except SystemExit as exit:
        return exit.code, out.getvalue()
    return 0, out.getvalue()


@pytest.fixture
def healthy(db):
    """The demo site with every article freshly reviewed and ended specials unpublished."""
    ArticlePage.objects.update(last_reviewed_on=localdate())
    for special in SpecialPage.objects.live().ended():
        special.unpublish()
    assert find_issues() == []


def inquiry(name, **fields):
    return Inquiry.objects.create(
        name=name,
        email="patient@example.com",
        inquiry_type=Inquiry.Type.CONSULTATION,
        message="Hello",
        consent_text="I agree",
        consented_at=timezone.now(),
        **fields,
    )


@pytest.mark.django_db
class TestCommand:
    def test_a_healthy_site_exits_zero(self, healthy):
        assert run_content_health() == (0, "Content health: nothing needs attention.\n")

    def test_lists_everything_that_needs_attention_and_exits_one(self, healthy):
        article = ArticlePage.objects.live().first()
        ArticlePage.objects.filter(pk=article.pk).update(last_reviewed_on=localdate() - datetime.timedelta(days=400))
        ended = SpecialPage.objects.ended().first()
        ended.save_revision().publish()
        upcoming = SpecialPage.objects.upcoming().first()
        SpecialPage.objects.filter(pk=upcoming.pk).update(image=None)
        image = ClinicImage.objects.first()
        ClinicImage.objects.filter(pk=image.pk).update(alt_text="")
        StaffMemberPage.objects.filter(slug="jordan-reyes").update(license_type="")
        StaffMemberPage.objects.filter(slug="lauren-siso").update(photo=None)

        code, output = run_content_health()
        assert code == 1
        assert f"Article due for medical review\n  - {article.title}: Last medically reviewed on" in output
        assert f"Ended special still live\n  - {ended.title}: Ended on" in output
        assert f"Upcoming special without an image\n  - {upcoming.title}: Starts on" in output
        assert f"Image without alt text\n  - {image.title}" in output
        assert "  - Jordan Reyes: Add a license type." in output
        assert "  - Lauren Siso: Add a photo." in output
        assert "Priya Shah" not in output  # reception staff hold no license
        assert output.rstrip().endswith("6 items need attention.")

    def test_the_review_interval_is_a_setting(self, healthy, settings):
        ArticlePage.objects.update(last_reviewed_on=localdate() - datetime.timedelta(days=100))
        assert run_content_health()[0] == 0
        settings.MEDICAL_REVIEW_INTERVAL_DAYS = 90
        code, output = run_content_health()
        assert code == 1
        assert output.count("Last medically reviewed on") == ArticlePage.objects.live().count()

    def test_never_reviewed_articles_are_due(self, healthy):
        ArticlePage.objects.filter(pk=ArticlePage.objects.first().pk).update(last_reviewed_on=None, reviewed_by=None)
        assert "Never medically reviewed." in run_content_health()[1]

    def test_scheduled_pages_need_scheduled_publishing_to_run(self, healthy):
        special = SpecialPage.objects.running().first()
        special.title = "Winter glow"
        special.save_revision(approved_go_live_at=timezone.now() + datetime.timedelta(days=1))
        code, output = run_content_health()
        assert code == 1
        assert "Scheduled publishing not running\n  - Winter glow: Scheduled to go live" in output
        assert "scheduled publishing has never run" in output

        call_command("publish_scheduled", stdout=io.StringIO())
        assert run_content_health()[0] == 0
        with time_machine.travel(timezone.now() + datetime.timedelta(minutes=59)):
            assert run_content_health()[0] == 0
        with time_machine.travel(timezone.now() + datetime.timedelta(hours=2)):
            code, output = run_content_health()
        assert code == 1
        assert "scheduled publishing last ran" in output
        assert CommandRun.last_run("publish_scheduled") is not None


@pytest.mark.django_db
class TestReport:
    def test_lists_the_issues_with_links_to_fix_them(self, client, user_in):
        client.force_login(user_in(EDITORS))
        html = client.get("/admin/reports/content-health/").content.decode()
        article = ArticlePage.objects.live().order_by("last_reviewed_on").first()
        assert "Content health" in html
        assert article.title in html
        assert f"/admin/pages/{article.pk}/edit/" in html
        assert "Ended special still live" in html

    def test_exports_csv_and_xlsx(self, client, user_in):
        client.force_login(user_in(EDITORS))
        issues = find_issues()
        csv = client.get("/admin/reports/content-health/?export=csv")
        assert csv["Content-Disposition"].startswith('attachment; filename="content-health-')
        lines = b"".join(csv.streaming_content).decode("utf-8-sig").splitlines()
        assert lines[0] == "Check,Item,What to do"
        assert len(lines) == len(issues) + 1
        xlsx = client.get("/admin/reports/content-health/?export=xlsx")
        rows = list(load_workbook(io.BytesIO(b"".join(xlsx.streaming_content))).active.values)
        assert rows[0] == ("Check", "Item", "What to do")
        assert rows[1] == (issues[0].check, issues[0].title, issues[0].detail)

    def test_is_in_the_reports_menu_for_editors_only(self, client, user_in):
        client.force_login(user_in(EDITORS))
        assert "/admin/reports/content-health/" in client.get("/admin/").content.decode()
        client.force_login(user_in(FRONT_DESK))
        assert "/admin/reports/content-health/" not in client.get("/admin/").content.decode()


@pytest.mark.django_db
class TestDashboard:
    def test_editors_see_content_panels_but_no_inquiries(self, client, user_in):
        inquiry("Maria Lopez")
        client.force_login(user_in(EDITORS))
        html = client.get("/admin/").content.decode()
        assert "Specials ending in the next 7 days" in html
        assert "Articles awaiting medical review" in html
        assert "Articles due for a new medical review" in html
        assert "New inquiries" not in html
        assert "Maria Lopez" not in html

    def test_front_desk_sees_new_inquiries_only(self, client, user_in):
        for number in range(7):
            inquiry(f"Patient {number}")
        inquiry("Already booked", status=Inquiry.Status.BOOKED)
        inquiry("Spammer", is_spam=True)
        client.force_login(user_in(FRONT_DESK))
        html = client.get("/admin/").content.decode()
        assert "7 new inquiries" in html
        newest = Inquiry.objects.filter(status=Inquiry.Status.NEW, is_spam=False).order_by("-created_at")
        shown = [item.reference for item in newest[:5]]
        hidden = [item.reference for item in newest[5:]]
        assert all(reference in html for reference in shown)
        assert not any(reference in html for reference in hidden)
        assert "Articles due for a new medical review" not in html

    def test_site_managers_see_everything(self, client, user_in):
        client.force_login(user_in(SITE_MANAGERS))
        html = client.get("/admin/").content.decode()
        assert "New inquiries" in html and "Articles due for a new medical review" in html

    def test_panels_list_the_right_pages(self, client, user_in, django_capture_on_commit_callbacks):
        today = localdate()
        ending = SpecialPage.objects.running().first()
        SpecialPage.objects.filter(pk=ending.pk).update(ends_on=today + datetime.timedelta(days=3))
        later = SpecialPage.objects.running().exclude(pk=ending.pk).first()
        SpecialPage.objects.filter(pk=later.pk).update(ends_on=today + datetime.timedelta(days=30))
        editor = user_in(EDITORS)
        submitted = ArticlePage.objects.live().first()
        with django_capture_on_commit_callbacks(execute=True):
            submitted.get_workflow().start(submitted, editor)
        ArticlePage.objects.exclude(pk=submitted.pk).update(last_reviewed_on=today)

        client.force_login(user_in(MEDICAL_REVIEWERS))
        html = client.get("/admin/").content.decode()
        ending_panel = html.split("Specials ending in the next 7 days", 1)[1].split("Articles awaiting", 1)[0]
        assert ending.title in ending_panel and later.title not in ending_panel
        awaiting_panel = html.split("Articles awaiting medical review", 1)[1].split("Articles due for", 1)[0]
        assert submitted.title in awaiting_panel
        due_panel = html.split("Articles due for a new medical review", 1)[1]
        assert submitted.title in due_panel
        assert ArticlePage.objects.exclude(pk=submitted.pk).first().title not in due_panel
