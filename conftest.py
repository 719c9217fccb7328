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


@pytest.fixture
def the_team(sections):
    """Four staff as a small clinic has them, Lauren Siso in the Staff Spotlight: {slug: profile}."""
    from ellemes.factories import ImageFactory, TreatmentFactory
    from staff.factories import StaffMemberPageFactory
    from staff.models import StaffSettings

    def treatments(*names):
        return [TreatmentFactory(name=name, slug=name.lower().replace(" ", "-")) for name in names]

    def portrait(name):
        return ImageFactory(
            title=f"Portrait of {name}", alt_text=f"Portrait of {name}", file__width=90, file__height=120
        )

    maya = StaffMemberPageFactory(
        title="Dr. Maya Okafor",
        slug="maya-okafor",
        role="Medical Director",
        short_bio="Maya is a board-certified physician who oversees every medical treatment at ELLEMES.",
        photo=portrait("Dr. Maya Okafor"),
        license_type="MD",
        license_number="071234",
        license_state="GA",
        show_license_number=True,
        practising_since=2008,
        specialties=treatments("Botox", "Dermal fillers", "Chemical peels"),
    )
    lauren = StaffMemberPageFactory(
        title="Lauren Siso",
        role="Medical Aesthetician",
        short_bio="Lauren helps clients reach their healthiest skin, and feel confident in it.",
        photo=portrait("Lauren Siso"),
        action_photo=ImageFactory(
            title="Lauren Siso performing dermaplaning",
            alt_text="Lauren Siso performing a dermaplaning treatment on a client",
        ),
        action_photo_caption="Lauren Siso performing dermaplaning treatment",
        license_type="Licensed Esthetician",
        practising_since=2013,
        specialties=treatments("Dermaplaning", "Laser treatments"),
    )
    jordan = StaffMemberPageFactory(
        title="Jordan Reyes",
        role="Nurse Injector",
        short_bio="Jordan is a registered nurse who specialises in Botox and dermal fillers.",
        photo=portrait("Jordan Reyes"),
        license_type="Registered Nurse",
        supervising_physician=maya,
        practising_since=2015,
        specialties=treatments("Botox", "Dermal fillers", "Eye treatments"),
    )
    priya = StaffMemberPageFactory(
        title="Priya Shah",
        role="Patient Care Coordinator",
        short_bio="Priya arranges consultations and makes every visit run smoothly.",
        photo=portrait("Priya Shah"),
        accepts_bookings=False,
    )
    StaffSettings.objects.update_or_create(site=sections.staff.get_site(), defaults={"spotlight": lauren})
    return {member.slug: member for member in (maya, lauren, jordan, priya)}


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
