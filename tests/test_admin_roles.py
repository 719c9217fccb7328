"""Each role's access to each admin area, allowed and forbidden, with the groups `setup_roles` makes."""

import io

import pytest
from django.contrib.auth.models import Group, Permission
from django.core.management import call_command
from django.utils import timezone
from wagtail.models import Collection, GroupCollectionPermission, GroupPagePermission, Workflow, WorkflowPage

from blog.models import ArticlePage, BlogIndexPage
from contact.models import Inquiry
from editorial.roles import EDITORS, FRONT_DESK, MEDICAL_REVIEWERS, ROLES, SITE_MANAGERS, apply_roles
from ellemes.models import ClinicImage, HomePage, MedicalReviewTask, Treatment
from specials.models import SpecialPage, SpecialsIndexPage
from staff.models import StaffIndexPage, StaffMemberPage
from treatments.factories import TreatmentCategoryPageFactory, TreatmentPageFactory
from treatments.models import TreatmentIndexPage

pytestmark = pytest.mark.usefixtures("small_site")

ALL_ROLES = [EDITORS, MEDICAL_REVIEWERS, FRONT_DESK, SITE_MANAGERS]
CONTENT_ROLES = [EDITORS, MEDICAL_REVIEWERS, SITE_MANAGERS]


def allowed(response, url):
    """Reached the area itself, perhaps through a redirect inside it (settings go to the site's own form)."""
    return response.status_code == 200 and response.request["PATH_INFO"].startswith(url.split("?")[0])


def urls():
    article = ArticlePage.objects.live().first()
    special = SpecialPage.objects.live().first()
    image = ClinicImage.objects.first()
    treatment = Treatment.objects.first()
    inquiry = Inquiry.objects.create(
        name="Maria Lopez",
        email="maria@example.com",
        inquiry_type=Inquiry.Type.CONSULTATION,
        message="Hello",
        consent_text="I agree",
        consented_at=timezone.now(),
    )
    return {
        "explorer": f"/admin/pages/{HomePage.objects.get().pk}/",
        "blog listing": f"/admin/pages/{BlogIndexPage.objects.get().pk}/",
        "edit article": f"/admin/pages/{article.pk}/edit/",
        "edit special": f"/admin/pages/{special.pk}/edit/",
        "add article": f"/admin/pages/add/blog/articlepage/{BlogIndexPage.objects.get().pk}/",
        "images": "/admin/images/",
        "edit image": f"/admin/images/{image.pk}/",
        "treatments": "/admin/snippets/ellemes/treatment/",
        "edit treatment": f"/admin/snippets/ellemes/treatment/edit/{treatment.pk}/",
        "clinic settings": "/admin/settings/ellemes/clinicsettings/",
        "claims settings": "/admin/settings/ellemes/claimssettings/",
        "announcement bar": "/admin/settings/specials/specialssettings/",
        "users": "/admin/users/",
        "groups": "/admin/groups/",
        "inquiries": "/admin/inquiries/",
        "inquiry": f"/admin/inquiries/edit/{inquiry.pk}/",
        "inquiries export": "/admin/inquiries/?export=csv",
        "content health": "/admin/reports/content-health/",
    }


CONTENT = {
    "explorer",
    "blog listing",
    "edit article",
    "edit special",
    "add article",
    "images",
    "edit image",
    "treatments",
}
CONTENT |= {"edit treatment", "content health"}
INQUIRIES = {"inquiries", "inquiry", "inquiries export"}
# Managers see the groups; only `setup_roles` (and superusers) change them (tests/test_medical_trust.py).
SETTINGS = {"clinic settings", "claims settings", "announcement bar", "users", "groups"}
EXPECTED = {
    EDITORS: CONTENT,
    MEDICAL_REVIEWERS: CONTENT,
    FRONT_DESK: INQUIRIES,
    SITE_MANAGERS: CONTENT | INQUIRIES | SETTINGS,
}


@pytest.mark.django_db
@pytest.mark.parametrize("role", ALL_ROLES)
def test_each_role_reaches_exactly_its_admin_areas(client, user_in, role):
    client.force_login(user_in(role))
    assert allowed(client.get("/admin/"), "/admin/")
    for area, url in urls().items():
        response = client.get(url, follow=True)
        assert allowed(response, url) == (area in EXPECTED[role]), f"{role} → {area} ({url}): {response.status_code}"
        if area not in EXPECTED[role]:
            assert b"Maria Lopez" not in response.content


@pytest.mark.django_db
def test_anonymous_visitors_reach_no_admin_area(client):
    for area, url in {**urls(), "dashboard": "/admin/"}.items():
        response = client.get(url)
        assert response.status_code == 302, area
        assert response["Location"].startswith("/admin/login/?next="), area


ANONYMOUS = "anonymous"


def advisory_urls():
    """The places Wagtail's security advisories found unchecked: revisions, history, preview, copy, choosers."""
    article = ArticlePage.objects.live().first()
    article.save_revision()
    article.save_revision()
    image = ClinicImage.objects.first()
    treatment = Treatment.objects.first()
    return {
        "page history": f"/admin/pages/{article.pk}/history/",
        "revision compare": f"/admin/pages/{article.pk}/revisions/compare/earliest...latest/",
        "revision view": f"/admin/pages/{article.pk}/revisions/{article.latest_revision.pk}/view/",
        "preview": f"/admin/pages/{article.pk}/edit/preview/",
        "home page preview": f"/admin/pages/{HomePage.objects.get().pk}/edit/preview/",
        "snippet copy": f"/admin/snippets/ellemes/treatment/copy/{treatment.pk}/",
        "page chooser": "/admin/choose-page/",
        "page chosen": f"/admin/choose-page/chosen-multiple/?id={article.pk}",
        "image chosen": f"/admin/images/chooser/chosen/{image.pk}/",
        "snippet chosen": f"/admin/snippets/choose/ellemes/treatment/chosen/{treatment.pk}/",
        "image preview": f"/admin/images/{image.pk}/preview/fill-100x100/",
    }


CONTENT_ADVISORY = {
    "page history",
    "revision compare",
    "revision view",
    "preview",
    "snippet copy",
    "page chooser",
    "page chosen",
    "image chosen",
    "snippet chosen",
    "image preview",
}
ADVISORY_EXPECTED = {
    ANONYMOUS: set(),
    EDITORS: CONTENT_ADVISORY,
    MEDICAL_REVIEWERS: CONTENT_ADVISORY,
    # Any admin user may pick a page to link to (Wagtail's design) and see a treatment's name, not edit it.
    FRONT_DESK: {"page chooser", "page chosen", "snippet chosen"},
    SITE_MANAGERS: CONTENT_ADVISORY | {"home page preview"},
}


@pytest.mark.django_db
@pytest.mark.parametrize("role", [ANONYMOUS, *ALL_ROLES])
def test_each_role_reaches_exactly_its_advisory_cases(client, user_in, role):
    if role != ANONYMOUS:
        client.force_login(user_in(role))
    for case, url in advisory_urls().items():
        response = client.get(url)
        allowed = response.status_code == 200
        assert allowed == (case in ADVISORY_EXPECTED[role]), f"{role} → {case} ({url}): {response.status_code}"
        if not allowed:
            assert response.status_code in (302, 403, 404), f"{role} → {case}: {response.status_code}"
            assert b"Botox" not in response.content


@pytest.mark.django_db
def test_images_in_a_collection_out_of_reach_stay_out_of_reach(client, user_in):
    """A photographer with rights on the Events collection only: its images, never the private ones."""
    root = Collection.get_first_root_node()
    events = root.add_child(name="Events")
    private = root.add_child(name="Private")
    group = Group.objects.create(name="Event photographers")
    group.permissions.add(Permission.objects.get(codename="access_admin"))
    for codename in ["add_image", "change_image", "choose_image"]:
        GroupCollectionPermission.objects.create(
            group=group, collection=events, permission=Permission.objects.get(codename=codename)
        )
    source = ClinicImage.objects.first()
    mine = ClinicImage.objects.create(title="Open day", alt_text="Open day", file=source.file, collection=events)
    hidden = ClinicImage.objects.create(
        title="Before and after", alt_text="Private", file=source.file, collection=private
    )
    photographer = user_in(EDITORS, "photographer")
    photographer.groups.set([group])
    client.force_login(photographer)
    assert client.get(f"/admin/images/{mine.pk}/preview/fill-100x100/").status_code == 200
    assert client.get(f"/admin/images/chooser/chosen/{mine.pk}/").status_code == 200
    for url in [
        f"/admin/images/{hidden.pk}/preview/fill-100x100/",
        f"/admin/images/chooser/chosen/{hidden.pk}/",
        f"/admin/images/{hidden.pk}/",
    ]:
        response = client.get(url)
        assert response.status_code in (302, 403, 404), url
        assert b"Before and after" not in response.content
    assert b"Before and after" not in client.get("/admin/images/chooser/").content


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("role", "article", "special", "profile"),
    [
        (EDITORS, False, True, True),
        (MEDICAL_REVIEWERS, True, True, True),
        (FRONT_DESK, False, False, False),
        (SITE_MANAGERS, True, True, True),
    ],
)
def test_who_publishes_what(user_in, role, article, special, profile):
    user = user_in(role)
    pages = [ArticlePage.objects.first(), SpecialPage.objects.first(), StaffMemberPage.objects.first()]
    assert [page.permissions_for_user(user).can_publish() for page in pages] == [article, special, profile]
    can_edit = role != FRONT_DESK
    assert all(page.permissions_for_user(user).can_edit() == can_edit for page in pages)


@pytest.mark.django_db
def test_editors_submit_articles_for_review_instead_of_publishing(client, user_in):
    client.force_login(user_in(EDITORS))
    html = client.get(f"/admin/pages/{ArticlePage.objects.first().pk}/edit/").content.decode()
    assert 'name="action-submit"' in html
    assert 'name="action-publish"' not in html


@pytest.mark.django_db
def test_only_site_managers_edit_the_home_page_and_delete(user_in, home):
    for role in CONTENT_ROLES:
        user = user_in(role)
        assert home.permissions_for_user(user).can_edit() == (role == SITE_MANAGERS)
        assert user.has_perm("wagtailimages.delete_image") == (role == SITE_MANAGERS)
        assert user.has_perm("ellemes.delete_treatment") == (role == SITE_MANAGERS)


@pytest.mark.django_db
def test_front_desk_cannot_delete_inquiries(user_in):
    user = user_in(FRONT_DESK)
    assert user.has_perm("contact.change_inquiry")
    assert not user.has_perm("contact.delete_inquiry")


@pytest.mark.django_db
class TestSetupRoles:
    def test_is_idempotent(self):
        before = {group.name: set(group.permissions.values_list("pk", flat=True)) for group in Group.objects.all()}
        page_permissions = GroupPagePermission.objects.count()
        out = io.StringIO()
        call_command("setup_roles", stdout=out)
        call_command("setup_roles", stdout=out)
        after = {group.name: set(group.permissions.values_list("pk", flat=True)) for group in Group.objects.all()}
        assert after == before
        assert GroupPagePermission.objects.count() == page_permissions
        assert Workflow.objects.filter(name="Medical review").count() == 1
        assert MedicalReviewTask.objects.count() == 1
        assert "Roles are up to date." in out.getvalue()

    def test_puts_back_a_permission_taken_away_and_removes_one_added(self):
        editors = Group.objects.get(name=EDITORS)
        editors.permissions.remove(*editors.permissions.filter(codename="change_treatment"))
        editors.permissions.add(*Group.objects.get(name=SITE_MANAGERS).permissions.filter(codename="change_user"))
        apply_roles()
        assert editors.permissions.filter(codename="change_treatment").exists()
        assert not editors.permissions.filter(codename="change_user").exists()

    def test_creates_every_role(self):
        assert set(ROLES) <= set(Group.objects.values_list("name", flat=True))

    def test_retires_wagtails_default_moderation(self):
        assert not Group.objects.filter(name="Moderators").exists()
        assert not Workflow.objects.filter(name="Moderators approval", active=True).exists()

    def test_medical_review_covers_articles_treatments_specials_and_staff_profiles_only(self):
        workflow = Workflow.objects.get(name="Medical review")
        task = workflow.tasks.get().specific
        assert isinstance(task, MedicalReviewTask)
        assert list(task.groups.values_list("name", flat=True)) == [MEDICAL_REVIEWERS]
        assert {wp.page.specific_class for wp in WorkflowPage.objects.filter(workflow=workflow)} == {
            BlogIndexPage,
            SpecialsIndexPage,
            StaffIndexPage,
            TreatmentIndexPage,
        }
        assert ArticlePage.objects.first().get_workflow() == workflow
        category = TreatmentCategoryPageFactory(parent=TreatmentIndexPage.objects.get())
        assert TreatmentPageFactory(parent=category).get_workflow() == workflow
        assert SpecialPage.objects.first().get_workflow() == workflow
        assert StaffMemberPage.objects.first().get_workflow() == workflow
        assert HomePage.objects.get().get_workflow() is None
