"""Only superusers make, edit or delete superusers; Site managers hand out the four clinic roles only."""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from editorial.roles import EDITORS, FRONT_DESK, SITE_MANAGERS

pytestmark = pytest.mark.django_db
User = get_user_model()
NEW_PASSWORD = "another-long-password-77"


@pytest.fixture
def manager(client, staff):
    client.force_login(staff(SITE_MANAGERS, "sam"))
    return client


@pytest.fixture
def superuser(django_user_model):
    return django_user_model.objects.create_superuser("root", "root@ellemes.example", "the-original-password-1")


def new_user(username, *groups, **extra):
    return {
        "username": username,
        "email": f"{username}@ellemes.example",
        "first_name": "New",
        "last_name": "Person",
        "password1": NEW_PASSWORD,
        "password2": NEW_PASSWORD,
        "groups": [group.pk for group in groups],
        **extra,
    }


def details(user, *groups, **extra):
    return {
        "username": user.username,
        "email": user.email,
        "first_name": user.first_name or "First",
        "last_name": user.last_name or "Last",
        "is_active": "on",
        "groups": [group.pk for group in groups],
        **extra,
    }


def group(name):
    return Group.objects.get_or_create(name=name)[0]


def test_a_site_manager_posting_is_superuser_makes_no_superuser(manager):
    response = manager.post("/admin/users/new/", new_user("mallory", group(EDITORS), is_superuser="on"))
    assert response.status_code == 302
    created = User.objects.get(username="mallory")
    assert not created.is_superuser
    assert list(created.groups.values_list("name", flat=True)) == [EDITORS]
    assert 'name="is_superuser"' not in manager.get("/admin/users/new/").content.decode()


def test_a_site_manager_gives_only_the_clinic_roles(manager):
    powerful = group("Auditors")
    response = manager.post("/admin/users/new/", new_user("mallory", powerful))
    assert response.status_code == 200  # the form again, with the choice refused
    assert not User.objects.filter(username="mallory").exists()
    assert "Auditors" not in manager.get("/admin/users/new/").content.decode()


def test_a_site_manager_cannot_make_an_editor_a_superuser(manager, staff):
    editor = staff(EDITORS, "elena")
    manager.post(f"/admin/users/edit/{editor.pk}/", details(editor, group(FRONT_DESK), is_superuser="on"))
    editor.refresh_from_db()
    assert not editor.is_superuser
    assert list(editor.groups.values_list("name", flat=True)) == [FRONT_DESK]


def test_other_groups_a_superuser_gave_are_kept_when_a_site_manager_edits(manager, staff):
    editor = staff(EDITORS, "elena")
    editor.groups.add(group("Auditors"))
    manager.post(f"/admin/users/edit/{editor.pk}/", details(editor, group(FRONT_DESK)))
    assert set(editor.groups.values_list("name", flat=True)) == {FRONT_DESK, "Auditors"}


def test_a_site_manager_cannot_open_or_post_a_superusers_edit_form(manager, superuser):
    opened = manager.get(f"/admin/users/edit/{superuser.pk}/")
    assert opened.status_code in (302, 403)
    assert b"the-original-password-1" not in opened.content
    response = manager.post(
        f"/admin/users/edit/{superuser.pk}/",
        details(superuser, password1=NEW_PASSWORD, password2=NEW_PASSWORD, email="sam@evil.example"),
        follow=True,
    )
    assert "Sorry, you do not have permission" in response.content.decode()
    superuser.refresh_from_db()
    assert superuser.check_password("the-original-password-1")
    assert superuser.email == "root@ellemes.example"


def test_a_site_manager_cannot_delete_a_superuser(manager, superuser):
    assert manager.get(f"/admin/users/delete/{superuser.pk}/").status_code in (302, 403)
    manager.post(f"/admin/users/delete/{superuser.pk}/")
    assert User.objects.filter(pk=superuser.pk).exists()


def test_a_site_manager_cannot_deactivate_or_regroup_a_superuser_in_bulk(manager, superuser):
    bulk = f"/admin/bulk/ellemes/user/{{}}/?id={superuser.pk}&next=/admin/users/"
    manager.post(bulk.format("set_active_state"), {"mark_as_active": "False"})
    manager.post(bulk.format("assign_role"), {"role": group(FRONT_DESK).pk})
    superuser.refresh_from_db()
    assert superuser.is_active
    assert not superuser.groups.exists()


def test_bulk_role_assignment_offers_only_the_clinic_roles(manager, staff):
    editor = staff(EDITORS, "elena")
    powerful = group("Auditors")
    bulk = f"/admin/bulk/ellemes/user/assign_role/?id={editor.pk}&next=/admin/users/"
    assert "Auditors" not in manager.get(bulk).content.decode()
    manager.post(bulk, {"role": powerful.pk})
    assert not editor.groups.filter(pk=powerful.pk).exists()
    manager.post(bulk, {"role": group(FRONT_DESK).pk})
    assert editor.groups.filter(name=FRONT_DESK).exists()


def test_a_superuser_can_do_all_of_it(admin_client, superuser):
    assert admin_client.get(f"/admin/users/edit/{superuser.pk}/").status_code == 200
    admin_client.post(
        f"/admin/users/edit/{superuser.pk}/", details(superuser, password1=NEW_PASSWORD, password2=NEW_PASSWORD)
    )
    superuser.refresh_from_db()
    assert superuser.check_password(NEW_PASSWORD)
    response = admin_client.post("/admin/users/new/", new_user("second-root", group("Auditors"), is_superuser="on"))
    assert response.status_code == 302
    made = User.objects.get(username="second-root")
    assert made.is_superuser and made.groups.filter(name="Auditors").exists()
    admin_client.post(f"/admin/users/delete/{superuser.pk}/")
    assert not User.objects.filter(pk=superuser.pk).exists()


def test_new_passwords_need_twelve_characters(admin_client):
    response = admin_client.post(
        "/admin/users/new/", new_user("short", password1="Xq7#mP2$vL9", password2="Xq7#mP2$vL9")
    )
    assert response.status_code == 200
    assert "at least 12 characters" in response.content.decode()
    assert not User.objects.filter(username="short").exists()
