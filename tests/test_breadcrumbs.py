"""The same breadcrumbs on every section's pages: Home first, the current page last as text, never a link."""

import pytest
from bs4 import BeautifulSoup

from legal.factories import LegalPageFactory

TRAILS = {
    "/treatments/": ["Home", "Treatments"],
    "/blog/": ["Home", "Blog"],
    "/blog/botox-for-facial-symmetry/": [
        "Home",
        "Blog",
        "The Benefits of Botox for Facial Symmetry: How It Works and Potential Risks",
    ],
    "/specials/": ["Home", "Specials"],
    "/specials/eye-treatment-promos/": ["Home", "Specials", "Eye Treatment Promos"],
    "/staff/": ["Home", "Our Team"],
    "/staff/lauren-siso/": ["Home", "Our Team", "Lauren Siso"],
    "/contact/": ["Home", "Contact"],
    "/privacy-policy/": ["Home", "Privacy policy"],
}


@pytest.fixture
def site(small_site):
    LegalPageFactory(title="Privacy policy", slug="privacy-policy")
    return small_site


@pytest.mark.django_db
@pytest.mark.parametrize(("url", "trail"), TRAILS.items())
def test_every_section_has_the_same_breadcrumbs(client, site, url, trail):
    response = client.get(url)
    assert response.status_code == 200
    crumbs = BeautifulSoup(response.content, "html.parser").find_all("nav", class_="breadcrumbs")
    assert len(crumbs) == 1, "one trail, from the shared include"
    items = crumbs[0].find_all("li")
    assert [item.get_text(strip=True) for item in items] == trail
    assert items[0].a["href"] == "/"
    current = items[-1]
    assert current.find("a") is None, "the current page is not a link to itself"
    assert current.find(attrs={"aria-current": "page"}).get_text() == trail[-1]
    assert all(item.a is not None for item in items[:-1])
    assert url not in [a["href"] for a in crumbs[0].find_all("a")]
