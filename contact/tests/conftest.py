import datetime
import secrets
import time

import pytest
from django.core import signing
from django.core.cache import cache
from django.utils.timezone import localdate

from contact.factories import ContactPageFactory
from contact.protection import TOKEN_SALT
from ellemes.factories import TreatmentFactory, home_page
from specials.factories import SpecialPageFactory
from staff.factories import StaffMemberPageFactory
from treatments.factories import TreatmentCategoryPageFactory, TreatmentIndexPageFactory, TreatmentPageFactory


def form_token(age=60):
    """A genuine form token issued `age` seconds ago."""
    return signing.dumps({"nonce": secrets.token_hex(16), "issued": int(time.time()) - age}, salt=TOKEN_SALT)


def valid_data(**overrides):
    data = {
        "name": "Maria Lopez",
        "email": "maria@example.com",
        "phone": "",
        "contact_method": "email",
        "inquiry_type": "consultation",
        "treatment": "",
        "special": "",
        "staff_member": "",
        "message": "I would like to book a consultation about dermaplaning.",
        "consent": "on",
        "website": "",
        "form_token": form_token(),
    }
    data.update(overrides)
    return data


@pytest.fixture(autouse=True)
def empty_rate_limit():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def contact_page(clinic):
    """The contact page, with the clinic's details (and its inquiry inbox) filled in."""
    return ContactPageFactory()


@pytest.fixture
def treatments(contact_page):
    """Two treatments in the catalog, published: their tags are what an inquiry names."""
    category = TreatmentCategoryPageFactory(parent=TreatmentIndexPageFactory(parent=home_page()))
    return [
        TreatmentPageFactory(
            parent=category, title=title, slug=slug, treatment=TreatmentFactory(name=tag, slug=slug)
        ).treatment
        for title, tag, slug in [
            ("Botox® Cosmetic", "Botox", "botox"),
            ("Dermaplaning", "Dermaplaning", "dermaplaning"),
        ]
    ]


def add_special(title, slug, campaign, bar_label, summary, starts_in_days, ends_in_days):
    today = localdate()
    return SpecialPageFactory(
        title=title,
        slug=slug,
        campaign=campaign,
        bar_label=bar_label,
        summary=summary,
        starts_on=today + datetime.timedelta(days=starts_in_days),
        ends_on=today + datetime.timedelta(days=ends_in_days),
        publish=False,
    )


@pytest.fixture
def running_special(contact_page):
    return add_special(
        "Bright Eyes Week",
        "bright-eyes-week",
        "December Spa Specials",
        "Eye Treatment Promos",
        "Eye treatments at a seasonal price.",
        -2,
        5,
    )


@pytest.fixture
def ended_special(contact_page):
    return add_special("Summer Glow", "summer-glow", "Summer", "Summer Glow", "Over.", -60, -30)


@pytest.fixture
def staff_member(contact_page):
    return StaffMemberPageFactory(title="Dana Reyes", role="Nurse Injector", short_bio="Dana.", publish=False)


@pytest.fixture
def run_worker(monkeypatch):
    """Run the real database worker until the queue is empty, as `manage.py db_worker --batch` does."""
    from django.core.management import call_command
    from django_tasks_db.management.commands import db_worker

    # Between tasks the worker closes connections that are inside a transaction; in a test that
    # transaction holds the test's data, so the connection stays open here.
    monkeypatch.setattr(db_worker, "close_old_connections", lambda: None)

    def run():
        call_command("db_worker", "--batch", "--backend", "durable", "--no-startup-delay", verbosity=0)

    return run
