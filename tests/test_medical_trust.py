"""Medical trust: the review line belongs to the text reviewed, and risky claims go live only with a reviewer.

Every route to the public is driven through the admin's own views (the editor, the dashboard's
workflow actions, bulk actions) or Wagtail's own commands, as staff would use them.
"""

import datetime
import io
import json

import pytest
import time_machine
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone
from django.utils.timezone import localdate
from wagtail.models import PageLogEntry
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from blog.models import ArticlePage, BlogIndexPage
from editorial.roles import EDITORS, MEDICAL_REVIEWERS, SITE_MANAGERS
from ellemes.models import ClinicImage, ClinicSettings, MedicalReviewTask
from ellemes.models.claims import UnapprovedClaims
from specials.models import SpecialPage
from staff.models import StaffMemberPage
from tests.admin_forms import clinic_settings_form, image_form, special_form, staff_form

pytestmark = pytest.mark.usefixtures("small_site")

SAFE_BODY = "<p>Most people notice a softer look after two weeks. Individual results vary.</p>"


@pytest.fixture
def article(db):
    """A live article that has never been medically reviewed."""
    blog = BlogIndexPage.objects.get()
    page = ArticlePage(
        title="Eyelid care after a peel",
        slug="eyelid-care-after-a-peel",
        intro="How to look after the thin skin around the eyes.",
        hero_image=ClinicImage.objects.exclude(alt_text="").first(),
        body=json.dumps([{"type": "paragraph", "value": SAFE_BODY}]),
        author=StaffMemberPage.objects.get(slug="lauren-siso"),
        published_on=datetime.date(2025, 3, 3),
    )
    blog.add_child(instance=page)
    page.save_revision().publish()
    return ArticlePage.objects.get(pk=page.pk)


def article_form(page, **changes):
    """The editor's form for `page`, as a browser would send it, with `changes` applied."""
    values = {
        "title": page.title,
        "slug": page.slug,
        "seo_title": page.seo_title,
        "search_description": page.search_description,
        "intro": page.intro,
        "hero_image": page.hero_image_id,
        "body": streamfield([("paragraph", rich_text(SAFE_BODY))]),
        "author": page.author_id,
        "published_on": page.published_on.isoformat(),
        "updated_on": page.updated_on.isoformat() if page.updated_on else "",
        "go_live_at": "",
        "expire_at": "",
        "related_links-TOTAL_FORMS": "0",
        "related_links-INITIAL_FORMS": "0",
        "related_links-MIN_NUM_FORMS": "0",
        "related_links-MAX_NUM_FORMS": "3",
        "comments-TOTAL_FORMS": "0",
        "comments-INITIAL_FORMS": "0",
        "comments-MIN_NUM_FORMS": "0",
        "comments-MAX_NUM_FORMS": "1000",
    }
    values.update(changes)
    return nested_form_data(values)


def edit_url(page):
    return reverse("wagtailadmin_pages:edit", args=[page.pk])


def submit_for_review(client, editor, page, **changes):
    client.force_login(editor)
    response = client.post(edit_url(page), {**article_form(page, **changes), "action-submit": "1"})
    assert response.status_code == 302, response.content.decode()[:2000]
    return ArticlePage.objects.get(pk=page.pk)


def review_line(client, page):
    client.logout()
    html = client.get(ArticlePage.objects.get(pk=page.pk).url).content.decode()
    start = html.find('class="article__review"')
    return html[start : html.find("</p>", start)] if start >= 0 else ""


def structured_data(client, page):
    client.logout()
    html = client.get(ArticlePage.objects.get(pk=page.pk).url).content.decode()
    start = html.index('<script type="application/ld+json">') + len('<script type="application/ld+json">')
    blocks = [json.loads(html[start : html.index("</script>", start)])]
    return next(block for block in blocks if block.get("@type") == "MedicalWebPage")


def today_text():
    return localdate().strftime("%B %-d, %Y")


@pytest.mark.django_db
class TestEveryApprovalStampsWhatGoesLive:
    def test_approve_and_publish_from_the_editor(self, client, user_in, reviewer, article):
        submit_for_review(client, user_in(EDITORS), article, intro="Gentle care for the skin around the eyes.")
        client.force_login(reviewer)
        page = ArticlePage.objects.get(pk=article.pk)
        response = client.post(
            edit_url(page),
            {
                **article_form(page, intro="Gentle, careful care for the skin around the eyes."),
                "action-workflow-action": "1",
                "workflow-action-name": "approve",
            },
        )
        assert response.status_code == 302
        live = ArticlePage.objects.get(pk=article.pk)
        assert live.intro == "Gentle, careful care for the skin around the eyes."
        line = review_line(client, article)
        assert "Jordan Reyes" in line and today_text() in line
        data = structured_data(client, article)
        assert data["reviewedBy"]["name"].startswith("Jordan Reyes")
        assert data["lastReviewed"] == localdate().isoformat()

    @pytest.mark.parametrize("comment", ["", "Checked the aftercare advice."])
    def test_approve_from_the_dashboard_with_and_without_a_comment(self, client, user_in, reviewer, article, comment):
        submit_for_review(client, user_in(EDITORS), article, intro="Gentle care for the skin around the eyes.")
        task_state = ArticlePage.objects.get(pk=article.pk).current_workflow_task_state
        client.force_login(reviewer)
        url = reverse("wagtailadmin_pages:workflow_action", args=[article.pk, "approve", task_state.pk])
        client.post(url, {"comment": comment})
        assert ArticlePage.objects.get(pk=article.pk).intro == "Gentle care for the skin around the eyes."
        assert "Jordan Reyes" in review_line(client, article)

    def test_an_approval_scheduled_to_go_live_later_keeps_its_stamp(self, client, user_in, reviewer, article):
        go_live = timezone.localtime() + datetime.timedelta(hours=2)
        submit_for_review(
            client,
            user_in(EDITORS),
            article,
            intro="Gentle care for the skin around the eyes.",
            go_live_at=go_live.strftime("%Y-%m-%d %H:%M"),
        )
        client.force_login(reviewer)
        task_state = ArticlePage.objects.get(pk=article.pk).current_workflow_task_state
        client.post(reverse("wagtailadmin_pages:workflow_action", args=[article.pk, "approve", task_state.pk]))
        assert ArticlePage.objects.get(pk=article.pk).intro != "Gentle care for the skin around the eyes."

        with time_after(go_live):
            call_command("publish_scheduled", stdout=io.StringIO())
        assert ArticlePage.objects.get(pk=article.pk).intro == "Gentle care for the skin around the eyes."
        assert "Jordan Reyes" in review_line(client, article)

    def test_a_reviewer_publishing_directly_is_recorded_as_the_approver(self, client, reviewer, article):
        client.force_login(reviewer)
        response = client.post(
            edit_url(article), {**article_form(article, intro="Results are guaranteed."), "action-publish": "1"}
        )
        assert response.status_code == 302
        assert ArticlePage.objects.get(pk=article.pk).intro == "Results are guaranteed."
        assert "Jordan Reyes" in review_line(client, article)

    def test_superusers_cannot_approve_a_medical_review(self, client, user_in, article):
        submit_for_review(client, user_in(EDITORS), article, intro="Gentle care for the skin around the eyes.")
        admin = get_user_model().objects.create_superuser("root", "root@ellemes.example", "not-used")
        task = MedicalReviewTask.objects.get()
        assert task.get_actions(article, admin) == []
        task_state = ArticlePage.objects.get(pk=article.pk).current_workflow_task_state
        client.force_login(admin)
        client.post(reverse("wagtailadmin_pages:workflow_action", args=[article.pk, "approve", task_state.pk]))
        assert ArticlePage.objects.get(pk=article.pk).intro != "Gentle care for the skin around the eyes."


@pytest.mark.django_db
class TestTheReviewLineBelongsToTheText:
    def test_it_disappears_after_an_unreviewed_edit_and_returns_after_approval(
        self, client, user_in, reviewer, article
    ):
        client.force_login(reviewer)
        client.post(edit_url(article), {**article_form(article), "action-publish": "1"})
        assert "Jordan Reyes" in review_line(client, article)

        # A site manager changes the text: "Updated:" shows their date, the review line is gone.
        client.force_login(user_in(SITE_MANAGERS))
        page = ArticlePage.objects.get(pk=article.pk)
        updated = localdate().isoformat()
        response = client.post(
            edit_url(page),
            {**article_form(page, title="Eyelid care after any peel", updated_on=updated), "action-publish": "1"},
        )
        assert response.status_code == 302
        assert review_line(client, article) == ""
        html = client.get(ArticlePage.objects.get(pk=article.pk).url).content.decode()
        assert "Updated:" in html
        assert "reviewedBy" not in json.dumps(structured_data(client, article))

        # A medical reviewer approves the new text: the line is back.
        submit_for_review(client, user_in(EDITORS), ArticlePage.objects.get(pk=article.pk))
        client.force_login(reviewer)
        task_state = ArticlePage.objects.get(pk=article.pk).current_workflow_task_state
        client.post(reverse("wagtailadmin_pages:workflow_action", args=[article.pk, "approve", task_state.pk]))
        assert "Jordan Reyes" in review_line(client, article)

    def test_an_approver_without_a_licensed_profile_is_not_credited_with_a_name(
        self, client, user_in, reviewer, article
    ):
        client.force_login(reviewer)
        client.post(edit_url(article), {**article_form(article), "action-publish": "1"})
        locum = user_in(MEDICAL_REVIEWERS, "locum")
        client.force_login(locum)
        page = ArticlePage.objects.get(pk=article.pk)
        client.post(edit_url(page), {**article_form(page, title="Eyelid care, revised"), "action-publish": "1"})
        assert ArticlePage.objects.get(pk=article.pk).title == "Eyelid care, revised"
        assert review_line(client, article) == ""

    def test_editors_cannot_write_the_review_record_themselves(self, client, user_in, article):
        maya = StaffMemberPage.objects.get(slug="maya-okafor")
        submit_for_review(client, user_in(EDITORS), article, reviewed_by=maya.pk, last_reviewed_on="2025-01-01")
        draft = ArticlePage.objects.get(pk=article.pk).get_latest_revision_as_object()
        assert draft.reviewed_by_id is None and draft.last_reviewed_on is None


def publish_from_editor(client, user, page, **changes):
    """Press Publish in the editor of a special or a staff profile, as `user`."""
    client.force_login(user)
    assert client.get(edit_url(page)).status_code == 200
    page = page.specific_class.objects.get(pk=page.pk).get_latest_revision_as_object()
    form = special_form if isinstance(page, SpecialPage) else staff_form
    return client.post(edit_url(page), {**form(page, **changes), "action-publish": "1"}, follow=True)


@pytest.fixture
def special(db):
    return SpecialPage.objects.running().first()


@pytest.mark.django_db
class TestRiskyClaimsNeedAMedicalReviewer:
    def test_an_editors_seo_title_and_search_description(self, client, user_in, special):
        response = publish_from_editor(
            client,
            user_in(EDITORS),
            special,
            seo_title="Miracle cure for tired eyes, guaranteed",
            search_description="Guaranteed results with no side effects…",
        )
        html = response.content.decode()
        assert "Saved as draft, not published" in html
        assert "“miracle”" in html and "“cure”" in html and "“guaranteed”" in html
        assert "could not be saved" not in html
        live = SpecialPage.objects.get(pk=special.pk)
        assert live.seo_title != "Miracle cure for tired eyes, guaranteed"
        assert live.get_latest_revision_as_object().seo_title == "Miracle cure for tired eyes, guaranteed"
        client.logout()
        assert "Miracle cure" not in client.get(live.url).content.decode()

    def test_a_superusers_body_text(self, client, article):
        admin = get_user_model().objects.create_superuser("root", "root@ellemes.example", "not-used")
        client.force_login(admin)
        body = streamfield([("paragraph", rich_text("<p>Results are guaranteed… completely painless.</p>"))])
        response = client.post(edit_url(article), {**article_form(article, body=body), "action-publish": "1"})
        assert response.status_code == 302
        assert "guaranteed" not in ArticlePage.objects.get(pk=article.pk).body.raw_data[0]["value"]

    def test_a_site_managers_intro(self, client, user_in, article):
        client.force_login(user_in(SITE_MANAGERS))
        client.post(
            edit_url(article),
            {**article_form(article, intro="Guaranteed results with zero risk."), "action-publish": "1"},
        )
        assert ArticlePage.objects.get(pk=article.pk).intro != "Guaranteed results with zero risk."

    def test_a_staff_bio(self, client, user_in):
        profile = StaffMemberPage.objects.get(slug="lauren-siso")
        publish_from_editor(
            client, user_in(EDITORS), profile, short_bio="Lauren’s facials are painless and the results permanent."
        )
        assert "painless" not in StaffMemberPage.objects.get(pk=profile.pk).short_bio

    def test_an_editors_scheduled_draft_does_not_go_live_at_its_time(self, client, user_in, special):
        go_live = timezone.localtime() + datetime.timedelta(hours=1)
        publish_from_editor(
            client,
            user_in(EDITORS),
            special,
            summary="A miracle for tired eyes.",
            go_live_at=go_live.strftime("%Y-%m-%d %H:%M"),
        )
        # Even a schedule set behind the editor's back is refused at go-live time.
        revision = SpecialPage.objects.get(pk=special.pk).get_latest_revision()
        revision.approved_go_live_at = go_live
        revision.save()
        with time_after(go_live):
            call_command("publish_scheduled", stdout=io.StringIO())
        live = SpecialPage.objects.get(pk=special.pk)
        assert live.summary != "A miracle for tired eyes."
        revision.refresh_from_db()
        assert revision.approved_go_live_at is None
        assert PageLogEntry.objects.filter(page=special, action="ellemes.claims.schedule_refused").exists()

    @pytest.mark.parametrize("superuser", [False, True])
    def test_a_bulk_publish(self, client, user_in, special, superuser):
        special.summary = "Guaranteed results, no side effects."
        special.save_revision()
        user = (
            get_user_model().objects.create_superuser("root", "root@ellemes.example", "not-used")
            if superuser
            else user_in(SITE_MANAGERS)
        )
        client.force_login(user)
        url = f"/admin/bulk/wagtailcore/page/publish/?id={special.pk}"
        response = client.post(url, {"include_descendants": ""}, follow=True)
        assert "Not published: risky claims need a medical reviewer’s approval" in response.content.decode()
        assert SpecialPage.objects.get(pk=special.pk).summary != "Guaranteed results, no side effects."

    def test_a_shell_or_command_publish(self, special):
        special.summary = "Guaranteed results, no side effects."
        revision = special.save_revision()
        with pytest.raises(UnapprovedClaims):
            revision.publish()
        assert SpecialPage.objects.get(pk=special.pk).summary != "Guaranteed results, no side effects."

    def test_a_medical_reviewer_may_publish_it(self, client, reviewer, special):
        response = publish_from_editor(client, reviewer, special, summary="Guaranteed glow for the holidays.")
        assert response.status_code == 200
        assert SpecialPage.objects.get(pk=special.pk).summary == "Guaranteed glow for the holidays."


@pytest.mark.django_db
class TestSettingsAndImagesAreCheckedToo:
    def test_about_us_needs_a_medical_reviewer(self, client, user_in, reviewer):
        manager = user_in(SITE_MANAGERS)
        client.force_login(manager)
        url = reverse("wagtailsettings:edit", args=["ellemes", "clinicsettings", ClinicSettings.objects.get().site_id])
        assert client.get(url).status_code == 200
        data = clinic_settings_form(ClinicSettings.objects.get(), about_us="Our miracle treatments are painless.")
        html = client.post(url, data).content.decode()
        assert "need a medical reviewer" in html and "“miracle”" in html and "“painless”" in html
        assert "miracle" not in ClinicSettings.objects.get().about_us

        manager.groups.add(*reviewer.groups.all())
        client.force_login(manager)
        assert client.post(url, data).status_code == 302
        assert ClinicSettings.objects.get().about_us == "Our miracle treatments are painless."

    def test_image_alt_text(self, client, user_in):
        image = ClinicImage.objects.exclude(alt_text="").first()
        client.force_login(user_in(EDITORS))
        url = reverse("wagtailimages:edit", args=[image.pk])
        assert client.get(url).status_code == 200
        data = image_form(image, alt_text="Guaranteed wrinkle cure")
        html = client.post(url, data).content.decode()
        assert "need a medical reviewer" in html and "“guaranteed”" in html and "“cure”" in html
        assert ClinicImage.objects.get(pk=image.pk).alt_text != "Guaranteed wrinkle cure"


def time_after(moment):
    return time_machine.travel(moment + datetime.timedelta(minutes=1), tick=True)


@pytest.mark.django_db
def test_a_site_manager_cannot_grant_their_group_medical_approval(client, user_in):
    from django.contrib.auth.models import Group

    manager = user_in(SITE_MANAGERS)
    client.force_login(manager)
    group = Group.objects.get(name=SITE_MANAGERS)
    response = client.get(reverse("wagtailusers_groups:edit", args=[group.pk]))
    assert response.status_code in (302, 403)
    assert not manager.has_perm("ellemes.publish_risky_claims")
