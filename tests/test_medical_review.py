"""The medical review workflow end to end: submit, request changes, resubmit, approve → live and reviewed."""

import pytest
from django.core import mail
from django.urls import reverse
from django.utils.timezone import localdate

from blog.factories import ArticlePageFactory
from blog.models import ArticlePage
from editorial.roles import EDITORS, MEDICAL_REVIEWERS
from staff.models import StaffMemberPage

pytestmark = pytest.mark.usefixtures("small_site")


@pytest.fixture
def mail_outbox(settings):
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    mail.outbox = []
    return mail.outbox


@pytest.fixture
def article(small_site):
    """A live article that a medical reviewer approved."""
    return ArticlePageFactory(
        title="Lip Filler: Setting Realistic Expectations",
        slug="lip-filler-expectations",
        author=small_site.team["lauren-siso"],
        reviewed_by=small_site.team["maya-okafor"],
    )


@pytest.fixture
def editor(user_in):
    return user_in(EDITORS, "elena")


def recipients(message):
    return sorted(message.to)


def workflow_action(client, article, action, comment=""):
    task_state = ArticlePage.objects.get(pk=article.pk).current_workflow_task_state
    url = reverse("wagtailadmin_pages:workflow_action", args=[article.pk, action, task_state.pk])
    return client.post(url, {"comment": comment})


def submit(article, editor, title, django_capture_on_commit_callbacks):
    article.title = title
    article.save_revision(user=editor)
    with django_capture_on_commit_callbacks(execute=True):
        return article.get_workflow().start(article, editor)


@pytest.mark.django_db
def test_submit_reject_resubmit_approve(
    client, article, editor, reviewer, mail_outbox, django_capture_on_commit_callbacks
):
    old_reviewer, live_title = article.reviewed_by, article.title
    assert old_reviewer.slug != "jordan-reyes"

    # The editor submits: the medical reviewers hear about it, the page stays as it was.
    workflow_state = submit(article, editor, "Lip filler: realistic expectations", django_capture_on_commit_callbacks)
    assert workflow_state.workflow.name == "Medical review"
    assert [recipients(message) for message in mail_outbox] == [["dr-reyes@ellemes.example"]]
    assert "Lip filler: realistic expectations" in mail_outbox[0].subject
    assert ArticlePage.objects.get(pk=article.pk).title == live_title

    # The reviewer asks for changes with a comment: the editor is told, with the comment.
    mail_outbox.clear()
    client.force_login(reviewer)
    with django_capture_on_commit_callbacks(execute=True):
        response = workflow_action(client, article, "reject", comment="Please add the expected swelling.")
    assert response.status_code in (200, 302)
    workflow_state.refresh_from_db()
    assert workflow_state.status == workflow_state.STATUS_NEEDS_CHANGES
    assert [recipients(message) for message in mail_outbox] == [["elena@ellemes.example"]]
    assert "Please add the expected swelling." in mail_outbox[0].body
    assert ArticlePage.objects.get(pk=article.pk).title == live_title

    # The editor fixes it and resubmits: the reviewers hear again.
    mail_outbox.clear()
    article = ArticlePage.objects.get(pk=article.pk)
    article.title = "Lip filler: realistic expectations and swelling"
    article.save_revision(user=editor)
    with django_capture_on_commit_callbacks(execute=True):
        workflow_state.resume(user=editor)
    assert [recipients(message) for message in mail_outbox] == [["dr-reyes@ellemes.example"]]

    # The reviewer approves: it goes live, naming the reviewer and today.
    mail_outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        response = workflow_action(client, article, "approve")
    assert response.status_code in (200, 302)
    workflow_state.refresh_from_db()
    assert workflow_state.status == workflow_state.STATUS_APPROVED
    published = ArticlePage.objects.get(pk=article.pk)
    assert published.live and not published.has_unpublished_changes
    assert published.title == "Lip filler: realistic expectations and swelling"
    assert published.reviewed_by.slug == "jordan-reyes"
    assert published.last_reviewed_on == localdate()
    assert [recipients(message) for message in mail_outbox] == [["elena@ellemes.example"]]
    assert "approved" in mail_outbox[0].subject.lower()

    html = client.get(published.url).content.decode()
    assert "Jordan Reyes" in html


@pytest.mark.django_db
def test_an_approver_without_a_staff_profile_publishes_without_crediting_anyone(
    client, article, editor, user_in, django_capture_on_commit_callbacks
):
    assert article.medical_review_is_current
    unlinked = user_in(MEDICAL_REVIEWERS, "locum")
    submit(article, editor, "Lip filler, revised", django_capture_on_commit_callbacks)
    client.force_login(unlinked)
    with django_capture_on_commit_callbacks(execute=True):
        workflow_action(client, article, "approve")
    published = ArticlePage.objects.get(pk=article.pk)
    assert published.title == "Lip filler, revised"
    assert published.content_is_approved
    assert not published.medical_review_is_current
    assert "Medically reviewed by" not in client.get(published.url).content.decode()


@pytest.mark.django_db
def test_editors_cannot_approve(client, article, editor, django_capture_on_commit_callbacks):
    submit(article, editor, "Self-approved", django_capture_on_commit_callbacks)
    client.force_login(editor)
    workflow_action(client, article, "approve")
    assert ArticlePage.objects.get(pk=article.pk).title != "Self-approved"


def test_the_approval_stamp_names_the_linked_licensed_profile(db, reviewer, article):
    assert article.approval_stamp(reviewer, localdate()) == {
        "approved_content_hash": article.content_hash(),
        "reviewed_by": StaffMemberPage.objects.get(slug="jordan-reyes").pk,
        "last_reviewed_on": localdate().isoformat(),
    }
    unlicensed = StaffMemberPage.objects.get(slug="priya-shah")
    unlicensed.user = reviewer
    StaffMemberPage.objects.filter(slug="jordan-reyes").update(user=None)
    unlicensed.save()
    reviewer.refresh_from_db()
    # Unchanged, already reviewed text keeps its reviewer; changed text is credited to nobody.
    assert article.approval_stamp(reviewer, localdate()) == {"approved_content_hash": article.content_hash()}
    article.title = "Lip filler, rewritten"
    assert article.approval_stamp(reviewer, localdate()) == {
        "approved_content_hash": article.content_hash(),
        "reviewed_by": None,
        "last_reviewed_on": None,
    }
