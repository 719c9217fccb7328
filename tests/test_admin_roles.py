"""Each role's access to each admin area, allowed and forbidden, with the groups `setup_roles` makes."""

import io

import pytest
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.utils import timezone
from wagtail.models import GroupPagePermission, Workflow, WorkflowPage

from blog.models import ArticlePage, BlogIndexPage
from contact.models import Inquiry
from ellemes.models import ClinicImage, HomePage, MedicalReviewTask, Treatment
from ellemes.roles import EDITORS, FRONT_DESK, MEDICAL_REVIEWERS, ROLES, SITE_MANAGERS, apply_roles
from specials.models import SpecialPage, SpecialsIndexPage
from staff.models import StaffIndexPage, StaffMemberPage

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

    def test_medical_review_covers_articles_specials_and_staff_profiles_only(self):
        workflow = Workflow.objects.get(name="Medical review")
        task = workflow.tasks.get().specific
        assert isinstance(task, MedicalReviewTask)
        assert list(task.groups.values_list("name", flat=True)) == [MEDICAL_REVIEWERS]
        assert {wp.page.specific_class for wp in WorkflowPage.objects.filter(workflow=workflow)} == {
            BlogIndexPage,
            SpecialsIndexPage,
            StaffIndexPage,
        }
        assert ArticlePage.objects.first().get_workflow() == workflow
        assert SpecialPage.objects.first().get_workflow() == workflow
        assert StaffMemberPage.objects.first().get_workflow() == workflow
        assert HomePage.objects.get().get_workflow() is None


@pytest.mark.django_db
class TestDemoUsers:
    def test_made_in_development_with_a_password_shown_once(self, settings, django_user_model):
        settings.DEBUG = True
        out = io.StringIO()
        call_command("load_demo_content", stdout=out)
        for username, group in [
            ("editor", EDITORS),
            ("reviewer", MEDICAL_REVIEWERS),
            ("frontdesk", FRONT_DESK),
            ("manager", SITE_MANAGERS),
        ]:
            user = django_user_model.objects.get(username=username)
            assert list(user.groups.values_list("name", flat=True)) == [group]
            assert not user.is_superuser
            assert f"demo user “{username}”" in out.getvalue()
        assert StaffMemberPage.objects.get(slug="maya-okafor").user.username == "reviewer"
        again = io.StringIO()
        call_command("load_demo_content", stdout=again)
        assert "password" not in again.getvalue()

    def test_never_made_outside_development(self, django_user_model):
        call_command("load_demo_content", stdout=io.StringIO())
        assert not django_user_model.objects.filter(username__in=["editor", "reviewer", "manager"]).exists()
