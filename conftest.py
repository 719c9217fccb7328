"""Shared fixtures: each test builds the pages it needs with the apps' factories, and rolls back."""

import shutil

import pytest
from django.conf import settings
from django.core.cache import caches

from tests.clients import VerifiedClient


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
    from tests.builders import build_sections

    return build_sections()


@pytest.fixture
def roles(sections, home):
    """The clinic's roles (groups with their permissions) and the medical review workflow on the sections."""
    from editorial.roles import apply_roles

    apply_roles(home)


@pytest.fixture
def the_team(sections):
    """Four staff as a small clinic has them, Lauren Siso in the Staff Spotlight: {slug: profile}."""
    from tests.builders import build_team

    return build_team(sections)


@pytest.fixture(scope="module")
def small_site_in_module(django_db_setup, django_db_blocker):
    """Built once for the module that asks for it, in a transaction rolled back when the module ends.

    Each test runs in a savepoint inside it, as with Django's `setUpTestData`.
    """
    from django.db import transaction

    from tests.builders import build_small_site

    with django_db_blocker.unblock(), transaction.atomic():
        build_small_site()
        yield
        transaction.set_rollback(True)


@pytest.fixture
def small_site(small_site_in_module, db):
    """A small clinic site: the sections, four staff, two reviewed articles and a running special, with the roles.

    The Botox article is at /blog/botox-for-facial-symmetry/, the special at /specials/eye-treatment-promos/.
    """
    from types import SimpleNamespace

    from blog.models import ArticlePage, BlogIndexPage
    from contact.models import ContactPage
    from ellemes.models import HomePage
    from specials.models import SpecialPage, SpecialsIndexPage
    from staff.models import StaffIndexPage, StaffMemberPage

    home = HomePage.objects.get()
    return SimpleNamespace(
        home=home,
        blog=BlogIndexPage.objects.get(),
        specials=SpecialsIndexPage.objects.get(),
        staff=StaffIndexPage.objects.get(),
        contact=ContactPage.objects.get(),
        article=ArticlePage.objects.get(slug="botox-for-facial-symmetry"),
        second_article=ArticlePage.objects.get(slug="what-is-dermaplaning"),
        special=SpecialPage.objects.get(slug="eye-treatment-promos"),
        team={member.slug: member for member in StaffMemberPage.objects.all()},
    )


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


def pytest_collection_modifyitems(items):
    """Marks the tests that cannot share a process with the rest, and runs the browser tests last.

    `make test` runs the others on every core (pytest-xdist), then these in one process:
    - browser tests: their session-wide browser keeps an event loop that Django's database calls in later tests
      would take for an async context;
    - committing (transactional) tests: they empty the database when they end, so a test after them in the same
      process would find no root page or collection.
    """
    for item in items:
        database = item.get_closest_marker("django_db")
        committing = database is not None and database.kwargs.get("transaction", False)
        if item.get_closest_marker("browser") or committing or "transactional_db" in item.fixturenames:
            item.add_marker("own_process")
    items.sort(key=lambda item: "/browser/" in str(item.path))
