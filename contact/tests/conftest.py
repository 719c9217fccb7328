import datetime
import secrets
import time

import pytest
from django.apps import apps
from django.core import signing
from django.core.cache import cache
from django.utils.timezone import localdate

from contact.models import ContactPage
from contact.protection import TOKEN_SALT


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
def contact_page(db):
    return ContactPage.objects.get()


@pytest.fixture
def running_special(db):
    SpecialPage = apps.get_model("specials", "SpecialPage")
    index = apps.get_model("specials", "SpecialsIndexPage").objects.get()
    today = localdate()
    special = SpecialPage(
        title="Bright Eyes Week",
        slug="bright-eyes-week",
        campaign="December Spa Specials",
        bar_label="Eye Treatment Promos",
        summary="Eye treatments at a seasonal price.",
        starts_on=today - datetime.timedelta(days=2),
        ends_on=today + datetime.timedelta(days=5),
    )
    index.add_child(instance=special)
    return special


@pytest.fixture
def ended_special(db):
    SpecialPage = apps.get_model("specials", "SpecialPage")
    index = apps.get_model("specials", "SpecialsIndexPage").objects.get()
    today = localdate()
    special = SpecialPage(
        title="Summer Glow",
        slug="summer-glow",
        campaign="Summer",
        bar_label="Summer Glow",
        summary="Over.",
        starts_on=today - datetime.timedelta(days=60),
        ends_on=today - datetime.timedelta(days=30),
    )
    index.add_child(instance=special)
    return special


@pytest.fixture
def staff_member(db):
    StaffMemberPage = apps.get_model("staff", "StaffMemberPage")
    index = apps.get_model("staff", "StaffIndexPage").objects.get()
    photo = apps.get_model("ellemes", "ClinicImage").objects.first()
    member = StaffMemberPage(
        title="Dana Reyes", slug="dana-reyes", role="Nurse Injector", short_bio="Dana.", photo=photo
    )
    index.add_child(instance=member)
    return member


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
