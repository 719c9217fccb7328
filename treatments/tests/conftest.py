"""Each treatments test builds its own catalog under the site's home page."""

import pytest
from wagtail.models import Site

from treatments.factories import TreatmentIndexPageFactory
from treatments.models import Concern, TreatmentIndexPage


def fresh_index(**fields):
    """A new, live Treatments page under the home page, replacing any other (there may be only one), and no concerns."""
    home = Site.objects.get(is_default_site=True).root_page
    for existing in TreatmentIndexPage.objects.all():
        existing.delete()
    Concern.objects.all().delete()
    return TreatmentIndexPageFactory(parent=home, **fields)


@pytest.fixture
def index(sections):
    """The Treatments page beside the site's other sections (its contact page, team, blog and specials)."""
    return fresh_index()


def portrait():
    import wagtail_factories

    return wagtail_factories.ImageFactory(title="Portrait", alt_text="A smiling clinician")


def staff_member(slug, license_type="Registered Nurse", treatments=(), **fields):
    """A live profile in the team (the team's own factories will replace this)."""
    from staff.models import StaffIndexPage, StaffMemberPage

    team = StaffIndexPage.objects.first()
    if team is None:
        home = Site.objects.get(is_default_site=True).root_page
        team = home.add_child(instance=StaffIndexPage(title="Our Team", slug="team"))
    member = StaffMemberPage(
        photo=fields.pop("photo", None) or portrait(),
        title=fields.pop("title", slug.replace("-", " ").title()),
        slug=slug,
        role=fields.pop("role", "Aesthetic nurse"),
        short_bio="Cares for patients' skin.",
        license_type=license_type,
        **fields,
    )
    team.add_child(instance=member)
    member.specialties.set(treatments)
    member.save_revision().publish()
    return member


@pytest.fixture
def catalog(index):
    """Treatments › Injectables › Neuromodulator (from $12 per unit), live, with one question."""
    from decimal import Decimal

    from treatments.factories import TreatmentCategoryPageFactory, TreatmentPageFactory, TreatmentPriceFactory

    category = TreatmentCategoryPageFactory(parent=index, title="Injectables", slug="injectables")
    treatment = TreatmentPageFactory(parent=category, title="Neuromodulator", slug="neuromodulator")
    TreatmentPriceFactory(page=treatment, amount=Decimal("12"), kind="from", unit="unit")
    return {"index": index, "category": category, "treatment": treatment}
