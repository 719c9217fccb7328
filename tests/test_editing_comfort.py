"""Editing comfort: previews, the accessibility checker, help text, and the clinic's time zone."""

import pytest

from blog.models import ArticlePage
from editorial.roles import EDITORS
from specials.models import SpecialPage
from staff.models import StaffMemberPage

pytestmark = pytest.mark.usefixtures("small_site")

EDITED_MODELS = [ArticlePage, SpecialPage, StaffMemberPage]


@pytest.mark.django_db
@pytest.mark.parametrize("model", EDITED_MODELS)
def test_previews_render(model):
    page = model.objects.live().first()
    page.title = "Preview of an unsaved title"
    response = page.make_preview_request()
    assert response.status_code == 200
    assert "Preview of an unsaved title" in response.render().content.decode()


@pytest.mark.django_db
def test_preview_from_the_editor(client, user_in):
    client.force_login(user_in(EDITORS))
    page = StaffMemberPage.objects.live().first()
    assert client.get(f"/admin/pages/{page.pk}/edit/preview/").status_code == 200


@pytest.mark.django_db
def test_the_accessibility_checker_is_in_the_userbar(client, user_in):
    client.force_login(user_in(EDITORS))
    html = client.get(ArticlePage.objects.live().first().url).content.decode()
    assert "<wagtail-userbar" in html
    assert "checker-axe-configuration" in html  # Wagtail's axe-based accessibility checker


@pytest.mark.parametrize("model", EDITED_MODELS)
def test_every_editable_field_explains_itself(model):
    panels = model.get_edit_handler()
    names = [name for name in panels.get_form_options()["fields"] if name in {f.name for f in model._meta.fields}]
    page_fields = {"title", "slug", "seo_title", "search_description", "show_in_menus", "go_live_at", "expire_at"}
    missing = [
        name
        for name in names
        if name not in page_fields and not model._meta.get_field(name).help_text and name != "license_state"
    ]
    assert missing == []
