"""Each treatments test builds its own catalog under the site's home page."""

import pytest
from wagtail.models import Site

from treatments.factories import TreatmentIndexPageFactory
from treatments.models import TreatmentIndexPage


def fresh_index(**fields):
    """A new, live Treatments page under the home page, replacing any other (there may be only one)."""
    home = Site.objects.get(is_default_site=True).root_page
    for existing in TreatmentIndexPage.objects.all():
        existing.delete()
    return TreatmentIndexPageFactory(parent=home, **fields)


@pytest.fixture
def index(db):
    return fresh_index()
