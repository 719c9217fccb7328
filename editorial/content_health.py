"""Content health: what on the site needs an editor's attention.

One list for the admin report (Reports › Content health), the dashboard and
`manage.py content_health`.
"""

import datetime
from dataclasses import dataclass

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.urls import reverse
from django.utils import timezone
from wagtail.images import get_image_model
from wagtail.models import Revision, WorkflowState

from blog.models import ArticlePage
from ellemes.dates import short_date
from ellemes.models import CommandRun
from specials.models import SpecialPage
from staff.models import StaffMemberPage

SCHEDULED_PUBLISHING_GRACE = datetime.timedelta(hours=1)


@dataclass(frozen=True)
class Issue:
    check: str
    title: str
    detail: str
    edit_url: str = ""


def _page_edit_url(page):
    return reverse("wagtailadmin_pages:edit", args=[page.pk])


def _moment(value):
    value = timezone.localtime(value)
    return f"{short_date(value)} {value:%H:%M}"


def review_due_before(today=None):
    """Articles last reviewed before this day are due for a new medical review."""
    today = today or timezone.localdate()
    return today - datetime.timedelta(days=settings.MEDICAL_REVIEW_INTERVAL_DAYS)


def articles_due_for_review(today=None):
    """Live articles never reviewed, changed since, or reviewed over MEDICAL_REVIEW_INTERVAL_DAYS ago."""
    due_before = review_due_before(today)
    articles = ArticlePage.objects.live().order_by("last_reviewed_on", "title")
    return [
        article
        for article in articles
        if not article.medical_review_is_current or article.last_reviewed_on < due_before
    ]


def review_status(article):
    """Why an article is due, in a few words for the report and the dashboard."""
    if not article.last_reviewed_on:
        return "Never medically reviewed."
    if not article.medical_review_is_current:
        return f"Changed since its medical review on {short_date(article.last_reviewed_on)}."
    return f"Last medically reviewed on {short_date(article.last_reviewed_on)}."


def articles_awaiting_review():
    """Articles submitted to a workflow and waiting for a reviewer, oldest submission first."""
    states = WorkflowState.objects.filter(
        status=WorkflowState.STATUS_IN_PROGRESS, content_type=ContentType.objects.get_for_model(ArticlePage)
    ).order_by("created_at")
    since = {int(state.object_id): state.created_at for state in states}
    articles = ArticlePage.objects.filter(pk__in=since).in_bulk()
    return [(articles[pk], submitted_at) for pk, submitted_at in since.items() if pk in articles]


def specials_ending_soon(days=7, today=None):
    today = today or timezone.localdate()
    return list(SpecialPage.objects.running(today).filter(ends_on__lte=today + datetime.timedelta(days=days)))


def _overdue_articles(today):
    for article in articles_due_for_review(today):
        yield Issue("Article due for medical review", article.title, review_status(article), _page_edit_url(article))


def _specials(today):
    for special in SpecialPage.objects.live().ended(today).order_by("ends_on", "title"):
        yield Issue(
            "Ended special still live",
            special.title,
            f"Ended on {short_date(special.ends_on)}; unpublish it or give it new dates.",
            _page_edit_url(special),
        )
    for special in SpecialPage.objects.upcoming(today).filter(image__isnull=True).order_by("starts_on", "title"):
        yield Issue(
            "Upcoming special without an image",
            special.title,
            f"Starts on {short_date(special.starts_on)}; choose an image for its card.",
            _page_edit_url(special),
        )


def _images():
    for image in get_image_model().objects.filter(alt_text="", is_decorative=False).order_by("title"):
        yield Issue(
            "Image without alt text",
            image.title,
            "Describe what it shows, or mark it decorative.",
            reverse("wagtailimages:edit", args=[image.pk]),
        )


def _staff():
    for member in StaffMemberPage.objects.live().order_by("path").prefetch_related("specialties"):
        missing = []
        if member.photo_id is None:
            missing.append("a photo")
        # Staff who provide treatments must show their license type; reception staff hold none.
        if not member.license_type and (member.accepts_bookings or member.specialties.all()):
            missing.append("a license type")
        if missing:
            yield Issue(
                "Staff profile incomplete",
                member.title,
                f"Add {' and '.join(missing)}.",
                _page_edit_url(member),
            )


def _scheduled_publishing(now):
    last_run = CommandRun.last_run("publish_scheduled")
    if last_run is not None and now - last_run <= SCHEDULED_PUBLISHING_GRACE:
        return
    ran = f"last ran {_moment(last_run)}" if last_run else "has never run"
    for revision in (
        Revision.objects.page_revisions().filter(approved_go_live_at__isnull=False).order_by("approved_go_live_at")
    ):
        yield Issue(
            "Scheduled publishing not running",
            revision.object_str,
            f"Scheduled to go live {_moment(revision.approved_go_live_at)}, but scheduled publishing {ran}.",
            reverse("wagtailadmin_pages:edit", args=[revision.object_id]),
        )


def find_issues(now=None):
    """Everything that needs attention, grouped by check."""
    now = now or timezone.now()
    today = timezone.localdate(now)
    return [
        *_overdue_articles(today),
        *_specials(today),
        *_images(),
        *_staff(),
        *_scheduled_publishing(now),
    ]
