import pytest

from ellemes.factories import ImageFactory
from staff.factories import StaffIndexPageFactory, StaffMemberPageFactory


@pytest.fixture
def team(home):
    return StaffIndexPageFactory()


@pytest.fixture
def portrait(db):
    return ImageFactory(
        title="Test portrait", alt_text="Portrait of a member of staff", file__width=60, file__height=80
    )


@pytest.fixture
def add_member(team, portrait):
    """Create a published staff member under “Our Team”."""

    def add(slug, **fields):
        fields.setdefault("title", slug.replace("-", " ").title())
        fields.setdefault("photo", portrait)
        return StaffMemberPageFactory(parent=team, slug=slug, publish=False, **fields)

    return add
