"""Shared fixtures: each test builds the pages it needs with the apps' factories, and rolls back."""

import shutil

import pytest
from django.conf import settings
from django.core.cache import caches
from django.test import Client


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup):
    yield
    shutil.rmtree(settings.MEDIA_ROOT, ignore_errors=True)


@pytest.fixture(autouse=True)
def empty_caches():
    """Each test starts with no cached pages and no rate-limit counters."""
    for cache in caches.all(initialized_only=True):
        cache.clear()


@pytest.fixture
def home(db):
    """The home page, root of the default site."""
    from ellemes.factories import home_page

    return home_page()


@pytest.fixture
def clinic(home):
    """The clinic's details, filled in."""
    from ellemes.factories import clinic_settings

    return clinic_settings()


@pytest.fixture
def sections(clinic):
    """The home page's four sections, in the menu's order (blog, specials, team, contact), and the clinic's details."""
    from types import SimpleNamespace

    from blog.factories import BlogIndexPageFactory
    from contact.factories import ContactPageFactory
    from specials.factories import SpecialsIndexPageFactory
    from staff.factories import StaffIndexPageFactory

    return SimpleNamespace(
        blog=BlogIndexPageFactory(),
        specials=SpecialsIndexPageFactory(),
        staff=StaffIndexPageFactory(),
        contact=ContactPageFactory(),
    )


class VerifiedClient(Client):
    """A test client whose `force_login` also passes the second factor, as signing in with a code does."""

    def force_login(self, user, backend=None):
        from django_otp import DEVICE_ID_SESSION_KEY
        from django_otp.plugins.otp_totp.models import TOTPDevice

        super().force_login(user, backend)
        device = TOTPDevice.objects.filter(user=user, confirmed=True).first()
        device = device or TOTPDevice.objects.create(user=user, name="Test authenticator", confirmed=True)
        session = self.session
        session[DEVICE_ID_SESSION_KEY] = device.persistent_id
        session.save()


@pytest.fixture
def client():
    """Django's test client; `client.force_login(user)` signs in with both factors."""
    return VerifiedClient()


@pytest.fixture
def admin_client(db, admin_user):
    """A superuser signed in with both factors."""
    client = VerifiedClient()
    client.force_login(admin_user)
    return client
