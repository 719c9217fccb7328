"""The admin as the clinic's staff meet it: their sign-in page and logo, a dashboard that starts with their
work, plain words in the medical review, tick boxes for providers, Unpublish away from Publish."""

import gettext
import importlib
import re
from pathlib import Path

import pytest
from django.contrib.auth.models import Group
from django.contrib.staticfiles import finders
from django.core.files.base import ContentFile
from django.urls import clear_url_caches
from wagtail.admin.templatetags.wagtailadmin_tags import avatar_url
from wagtail.users.models import UserProfile

import ellemes.urls
from blog.models import ArticlePage
from contact.factories import InquiryFactory
from editorial.roles import EDITORS, FRONT_DESK, MEDICAL_REVIEWERS, SITE_MANAGERS
from specials.models import SpecialPage
from tests.admin_forms import special_form

pytestmark = pytest.mark.usefixtures("small_site")

TERMS = "One offer per client, this month only."
LOCALE = Path(__file__).resolve().parents[1] / "editorial" / "locale"


def edit_url(page):
    return f"/admin/pages/{page.pk}/edit/"


@pytest.mark.django_db
class TestBranding:
    def test_the_sign_in_page_is_the_clinics(self, client):
        html = client.get("/admin/login/").content.decode()
        assert "ELLEMES staff sign in" in html
        assert "Sign in to Wagtail" not in html
        assert "/static/img/wordmark.svg" in html
        assert '<link rel="icon" href="/static/img/favicon.svg"' in html
        assert "<title>Sign in - ELLEMES staff</title>" in html
        assert finders.find("img/wordmark.svg") and finders.find("img/favicon.svg")

    def test_the_sidebar_shows_the_clinics_logo_and_stylesheet(self, client, user_in):
        client.force_login(user_in(EDITORS))
        html = client.get("/admin/").content.decode()
        logo = html.split("<template data-wagtail-sidebar-branding-logo>", 1)[1].split("</template>", 1)[0]
        assert "/static/img/favicon.svg" in logo
        assert '<link rel="stylesheet" href="/static/editorial/css/admin.css">' in html
        assert finders.find("editorial/css/admin.css")


@pytest.mark.django_db
class TestAvatars:
    def test_without_a_photo_staff_get_wagtails_own_avatar_never_gravatar(self, user_in):
        url = avatar_url(user_in(EDITORS))
        assert url.startswith("/static/wagtailadmin/images/default-user-avatar.png")

    def test_an_uploaded_photo_is_served(self, client, user_in, settings):
        user = user_in(EDITORS)
        profile = UserProfile.get_for_user(user)
        profile.avatar.save("elena.png", ContentFile(b"\x89PNG\r\n\x1a\n not really"), save=True)
        url = avatar_url(user)
        assert url.startswith("/media/avatar_images/")
        # Where Django serves uploads itself (development, docker-compose), avatars are served with the images.
        settings.SERVE_MEDIA = True
        try:
            importlib.reload(ellemes.urls)
            clear_url_caches()
            assert client.get(url).status_code == 200
        finally:
            settings.SERVE_MEDIA = False
            importlib.reload(ellemes.urls)
            clear_url_caches()


def positions(html, headings):
    found = [html.find(heading) for heading in headings]
    assert all(index >= 0 for index in found), dict(zip(headings, found, strict=True))
    return found


@pytest.mark.django_db
class TestDashboard:
    def test_what_needs_action_comes_first_then_reports(self, client, user_in, django_capture_on_commit_callbacks):
        article = ArticlePage.objects.live().first()
        with django_capture_on_commit_callbacks(execute=True):
            article.get_workflow().start(article, user_in(EDITORS))
        InquiryFactory(name="Maria Lopez", email="maria@example.com", message="Hello")
        reviewer_at_the_front_desk = user_in(MEDICAL_REVIEWERS, "maya")
        reviewer_at_the_front_desk.groups.add(Group.objects.get(name=FRONT_DESK))
        client.force_login(reviewer_at_the_front_desk)
        html = client.get("/admin/").content.decode()
        order = positions(
            html,
            [
                "Awaiting your review",
                "New inquiries",
                "Specials ending in the next 7 days",
                "Articles awaiting medical review",
                "Articles due for a new medical review",
            ],
        )
        assert order == sorted(order)

    def test_inquiries_say_who_they_are_assigned_to_by_name(self, client, user_in):
        priya = user_in(FRONT_DESK, "pshah")
        priya.first_name, priya.last_name = "Priya", "Shah"
        priya.save()
        nameless = user_in(FRONT_DESK, "temp-desk")
        nameless.first_name = ""
        nameless.save()
        InquiryFactory(name="Maria Lopez", email="maria@example.com", message="Hello", assigned_to=priya)
        InquiryFactory(name="Ana Ruiz", email="ana@example.com", message="Hello", assigned_to=nameless)
        InquiryFactory(name="Jo Park", email="jo@example.com", message="Hello")
        client.force_login(priya)
        html = client.get("/admin/").content.decode()
        assert "assigned to Priya Shah" in html
        assert "assigned to temp-desk" in html
        assert "not assigned yet" in html
        assert "assigned to pshah" not in html

    def test_panels_have_room_from_a_stylesheet_not_style_attributes(self, client, user_in):
        client.force_login(user_in(SITE_MANAGERS))
        html = client.get("/admin/").content.decode()
        panels = re.findall(r'<section[^>]*class="[^"]*clinic-panel[^"]*"[^>]*>.*?</section>', html, re.S)
        assert len(panels) == 4
        assert not any("style=" in panel for panel in panels)
        css = Path(finders.find("editorial/css/admin.css")).read_text()
        assert re.search(r"\.clinic-panel__text\s*{[^}]*padding-inline:\s*1\.5rem", css)


def messages_after(response):
    return re.sub(r"\s+", " ", response.content.decode())


@pytest.mark.django_db
class TestMedicalReviewInPlainWords:
    def test_the_editor_sends_a_page_for_medical_review(self, client, user_in):
        special = SpecialPage.objects.live().get(slug="eye-treatment-promos")
        client.force_login(user_in(EDITORS))
        editor_html = client.get(edit_url(special)).content.decode()
        assert "Send for medical review" in editor_html
        assert "Submit to" not in editor_html and "Submit for moderation" not in editor_html
        response = client.post(
            edit_url(special), {**special_form(special, terms=TERMS), "action-submit": "1"}, follow=True
        )
        html = messages_after(response)
        assert re.search(r"“Eye Treatment Promos[^”]*” has been sent for medical review\.", html)
        assert "moderation" not in html

    @pytest.mark.parametrize(
        ("action", "said"),
        [
            ("approve", r"Approved and published: “Eye Treatment Promos[^”]*” is live on the site\."),
            ("reject", r"Changes requested: “Eye Treatment Promos[^”]*” goes back to its editor\."),
        ],
    )
    def test_the_reviewer_is_told_what_their_decision_did(
        self, client, user_in, reviewer, action, said, django_capture_on_commit_callbacks
    ):
        special = SpecialPage.objects.live().get(slug="eye-treatment-promos")
        special.terms = TERMS
        special.save_revision(user=user_in(EDITORS))
        with django_capture_on_commit_callbacks(execute=True):
            special.get_workflow().start(special, user_in(EDITORS, "another-editor"))
        client.force_login(reviewer)
        draft = SpecialPage.objects.get(pk=special.pk).get_latest_revision_as_object()
        form = {**special_form(draft), "action-workflow-action": "1", "workflow-action-name": action}
        with django_capture_on_commit_callbacks(execute=True):
            response = client.post(edit_url(special), form, follow=True)
        html = messages_after(response)
        assert re.search(said, html)
        assert "has been updated" not in html
        published = SpecialPage.objects.get(pk=special.pk)
        assert (published.terms == TERMS and not published.has_unpublished_changes) == (action == "approve")

    def test_the_compiled_wording_matches_its_source(self):
        """editorial/locale: `make messages` compiles the .po file; the committed .mo must say the same."""
        source = LOCALE / "en" / "LC_MESSAGES" / "django.po"
        with open(source.with_suffix(".mo"), "rb") as compiled:
            translations = gettext.GNUTranslations(compiled)
        entries = re.findall(r'^msgid "(.+)"\nmsgstr "(.+)"$', source.read_text(), re.M)
        assert len(entries) >= 8
        for msgid, msgstr in entries:
            assert translations.gettext(msgid) == msgstr


@pytest.mark.django_db
def test_providers_are_tick_boxes(client, user_in):
    special = SpecialPage.objects.live().get(slug="eye-treatment-promos")
    client.force_login(user_in(EDITORS))
    html = client.get(edit_url(special)).content.decode()
    assert re.search(r'<input type="checkbox" name="providers"', html)
    assert re.search(r'<input type="checkbox" name="treatments"', html)
    assert not re.search(r"<select[^>]*multiple", html)


@pytest.mark.django_db
def test_unpublish_is_last_in_the_action_menu_not_next_to_publish(client, user_in):
    special = SpecialPage.objects.live().get(slug="eye-treatment-promos")
    client.force_login(user_in(SITE_MANAGERS))
    html = client.get(edit_url(special)).content.decode()
    menu = html[html.index('name="action-publish"') :]
    items = re.findall(r'name="(action-[a-z-]+)"|href="[^"]*/(unpublish)/', menu)
    names = [name or link for name, link in items]
    assert names[0] == "action-publish"
    assert names[-1] == "unpublish"
    assert names.index("unpublish") > 1
