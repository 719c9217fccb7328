import pytest

from ellemes.demo import DemoLoader
from staff.models import StaffIndexPage, StaffMemberPage


@pytest.fixture
def team(db):
    return StaffIndexPage.objects.get()


@pytest.fixture
def portrait(db):
    return DemoLoader().image("Test portrait", "Portrait of a member of staff", size=(60, 80), portrait=True)


@pytest.fixture
def add_member(team, portrait):
    """Create a published staff member under “Our Team”."""

    def add(slug, **fields):
        fields.setdefault("title", slug.replace("-", " ").title())
        fields.setdefault("role", "Aesthetician")
        fields.setdefault("short_bio", f"{fields['title']} helps patients look after their skin.")
        fields.setdefault("photo", portrait)
        member = StaffMemberPage(slug=slug, **fields)
        team.add_child(instance=member)
        return member

    return add
