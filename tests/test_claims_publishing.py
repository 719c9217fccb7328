"""The claims check in the editor, and the rule that risky claims go live only with a medical reviewer."""

import pytest

from editorial.roles import EDITORS, MEDICAL_REVIEWERS, SITE_MANAGERS
from ellemes.models import ClaimsSettings
from specials.models import SpecialPage
from tests.admin_forms import special_form

pytestmark = pytest.mark.usefixtures("small_site")

RISKY_SUMMARY = "Guaranteed results with no side effects, for the whole of December."


@pytest.fixture
def special(db):
    return SpecialPage.objects.running().first()


def edit(client, page, action, **changes):
    url = f"/admin/pages/{page.pk}/edit/"
    assert client.get(url).status_code == 200
    page = SpecialPage.objects.get(pk=page.pk).get_latest_revision_as_object()
    return client.post(url, {**special_form(page, **changes), action: "1"})


@pytest.mark.django_db
class TestPublishRule:
    def test_editors_cannot_publish_risky_claims(self, client, user_in, special):
        client.force_login(user_in(EDITORS))
        response = edit(client, special, "action-publish", summary=RISKY_SUMMARY)
        assert response.status_code == 302
        html = client.get(response["Location"]).content.decode()
        assert "Saved as draft, not published" in html
        assert "need a medical reviewer’s approval" in html
        assert "“guaranteed”" in html and "“no side effects”" in html
        special.refresh_from_db()
        assert special.summary != RISKY_SUMMARY
        assert special.get_latest_revision_as_object().summary == RISKY_SUMMARY

    def test_editors_can_still_save_the_draft(self, client, user_in, special):
        client.force_login(user_in(EDITORS))
        response = edit(client, special, "action-draft", summary=RISKY_SUMMARY)
        assert response.status_code == 302
        special.refresh_from_db()
        assert special.summary != RISKY_SUMMARY
        assert special.get_latest_revision_as_object().summary == RISKY_SUMMARY

    def test_editors_can_submit_it_for_medical_review(self, client, user_in, special):
        client.force_login(user_in(EDITORS))
        response = edit(client, special, "action-submit", summary=RISKY_SUMMARY)
        assert response.status_code == 302
        special.refresh_from_db()
        assert special.current_workflow_state.workflow.name == "Medical review"

    def test_editors_publish_specials_without_risky_claims(self, client, user_in, special):
        client.force_login(user_in(EDITORS))
        assert edit(client, special, "action-publish", summary="A calm facial at a December price.").status_code == 302
        special.refresh_from_db()
        assert special.summary == "A calm facial at a December price."

    def test_medical_reviewers_may_publish_them(self, client, user_in, special):
        client.force_login(user_in(MEDICAL_REVIEWERS))
        assert edit(client, special, "action-publish", summary=RISKY_SUMMARY).status_code == 302
        special.refresh_from_db()
        assert special.summary == RISKY_SUMMARY

    def test_site_managers_may_not(self, client, user_in, special):
        client.force_login(user_in(SITE_MANAGERS))
        edit(client, special, "action-publish", summary=RISKY_SUMMARY)
        special.refresh_from_db()
        assert special.summary != RISKY_SUMMARY

    def test_the_phrases_come_from_the_claims_settings(self, client, user_in, special):
        settings = ClaimsSettings.load()
        settings.risky_phrases = "miraculous"
        settings.save()
        client.force_login(user_in(EDITORS))
        edit(client, special, "action-publish", summary=RISKY_SUMMARY)
        assert SpecialPage.objects.get(pk=special.pk).summary == RISKY_SUMMARY
        edit(client, special, "action-publish", summary="Miraculous glow.")
        assert SpecialPage.objects.get(pk=special.pk).summary == RISKY_SUMMARY

    def test_bulk_publishing_follows_the_same_rule(self, client, user_in, special):
        special.summary = RISKY_SUMMARY
        special.save_revision()
        url = f"/admin/bulk/wagtailcore/page/publish/?id={special.pk}"
        client.force_login(user_in(EDITORS))
        response = client.post(url, {"include_descendants": ""}, follow=True)
        assert "Not published: risky claims need a medical reviewer’s approval" in response.content.decode()
        special.refresh_from_db()
        assert special.summary != RISKY_SUMMARY

        client.force_login(user_in(MEDICAL_REVIEWERS))
        assert client.post(url, {"include_descendants": ""}).status_code == 302
        special.refresh_from_db()
        assert special.summary == RISKY_SUMMARY


@pytest.mark.django_db
class TestClaimsPanel:
    def test_lists_each_phrase_and_where_it_is(self, client, user_in, special):
        special.summary = RISKY_SUMMARY
        special.terms = "Results are permanent results for most."
        special.save_revision()
        client.force_login(user_in(EDITORS))
        html = client.get(f"/admin/pages/{special.pk}/edit/").content.decode()
        assert "Check these claims before publishing" in html
        assert "“guaranteed” in Summary" in html
        assert "“no side effects” in Summary" in html
        assert "“permanent results” in Terms" in html
        assert "add “Individual results vary.”" in html

    def test_clean_text_says_so(self, client, user_in, special):
        special.summary = "A calm facial. Individual results vary."
        special.body = "<p>See results after one session.</p>"
        special.terms = ""
        special.save_revision()
        client.force_login(user_in(EDITORS))
        html = client.get(f"/admin/pages/{special.pk}/edit/").content.decode()
        assert "No risky claims found in the saved text." in html
        assert "Individual results vary.”</p>" not in html

    def test_articles_are_checked_too(self, client, user_in):
        from blog.models import ArticlePage

        article = ArticlePage.objects.live().first()
        article.title = "A cure for wrinkles"
        article.save_revision()
        client.force_login(user_in(EDITORS))
        html = client.get(f"/admin/pages/{article.pk}/edit/").content.decode()
        assert "“cure” in Title" in html
