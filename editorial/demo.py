"""The editorial part of the demo: the roles, the medical review workflow and, in development, one user per role.

It runs after every content app has made its section (editorial comes after them in INSTALLED_APPS), and
before any app's `finish_demo`, which may use these users.
"""

import secrets

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from editorial.roles import DEMO_USERS, apply_roles


def load_demo(loader):
    apply_roles(loader.home)
    loader.say("  roles and the medical review workflow")
    if settings.DEBUG:
        _demo_users(loader)


def _demo_users(loader):
    """One account per role, each with a random password shown only when the account is made."""
    User = get_user_model()
    for username, (group_name, first_name, last_name) in DEMO_USERS.items():
        if User.objects.filter(username=username).exists():
            continue
        password = secrets.token_urlsafe(12)
        user = User.objects.create_user(
            username=username,
            email=f"{username}@ellemes.example",
            password=password,
            first_name=first_name,
            last_name=last_name,
        )
        user.groups.add(Group.objects.get(name=group_name))
        loader.created += 1
        loader.say(f"  demo user “{username}” ({group_name}), password {password} (shown only this once)")
