from contextlib import contextmanager

import pytest
from django.contrib.auth.models import Group
from django.db import connections

from editorial.roles import MEDICAL_REVIEWERS


@pytest.fixture
def user_in(django_user_model, roles):
    """`user_in("Editors")`: a new account in that role's group, with an email address for notifications."""

    def make(group_name, username=None):
        username = username or group_name.lower().replace(" ", "-")
        user = django_user_model.objects.create_user(
            username, email=f"{username}@ellemes.example", password="not-used", first_name=username.title()
        )
        user.groups.add(Group.objects.get(name=group_name))
        return user

    return make


@pytest.fixture
def reviewer(user_in, the_team, roles):
    """A medical reviewer whose account is linked to a licensed clinician's profile (Jordan Reyes)."""
    user = user_in(MEDICAL_REVIEWERS, "dr-reyes")
    profile = the_team["jordan-reyes"]
    profile.user = user
    profile.save()
    return user


@pytest.fixture
def committed(db):
    """`with committed():` writes through a second connection, outside the test's transaction, so that other
    processes (a worker, pg_dump) see them at once. Whatever it commits, the test must delete the same way."""

    @contextmanager
    def separate_connection():
        original = connections["default"]
        separate = connections.create_connection("default")
        connections["default"] = separate
        try:
            yield
        finally:
            separate.close()
            connections["default"] = original

    return separate_connection
