"""Shared fixtures: the demo site is loaded once into the test database, and each test rolls back."""

import io
import shutil

import pytest
from django.conf import settings
from django.core.cache import caches
from django.core.management import call_command
from django.test import Client
from django_tasks_db.models import DBTaskResult


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock():
        call_command("load_demo_content", stdout=io.StringIO())
        # Loading queues background renditions; tests start with an empty queue and make what they render.
        DBTaskResult.objects.all().delete()
    yield
    shutil.rmtree(settings.MEDIA_ROOT, ignore_errors=True)


@pytest.fixture(autouse=True)
def empty_caches():
    """Each test starts with no cached pages and no rate-limit counters."""
    for cache in caches.all(initialized_only=True):
        cache.clear()


@pytest.fixture
def home(db):
    from ellemes.models import HomePage

    return HomePage.objects.get()


@pytest.fixture
def clinic(db):
    from wagtail.models import Site

    from ellemes.models import ClinicSettings

    return ClinicSettings.for_site(Site.objects.get(is_default_site=True))


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
