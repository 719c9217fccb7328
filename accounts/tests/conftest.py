import pytest
from django.contrib.auth.models import Group

PASSWORD = "a-long-staff-password-42"


@pytest.fixture
def staff(django_user_model, roles):
    """`staff("Editors", "elena")`: an account in that clinic role, signing in with PASSWORD."""

    def make(group_name, username=None, **fields):
        username = username or group_name.lower().replace(" ", "-")
        user = django_user_model.objects.create_user(
            username, email=f"{username}@ellemes.example", password=PASSWORD, **fields
        )
        user.groups.add(Group.objects.get(name=group_name))
        return user

    return make


@pytest.fixture
def sign_in():
    """Sign in through the admin's login form, as a person does; returns the response."""

    def post(client, username, password=PASSWORD, **extra):
        return client.post("/admin/login/", {"username": username, "password": password}, **extra)

    return post
