"""The finder by concern: /treatments/?concern=<slug>, and the home page's “What would you like to improve?”."""

import pytest

from blog.factories import ArticlePageFactory
from specials.factories import SpecialPageFactory
from treatments.factories import ConcernFactory, TreatmentPageFactory


@pytest.fixture
def concerns(catalog):
    under_eyes = ConcernFactory(name="Under-eye circles", slug="under-eye-circles")
    lines = ConcernFactory(name="Fine lines and wrinkles", slug="fine-lines-and-wrinkles")
    catalog["treatment"].concerns.set([lines])
    catalog["treatment"].save_revision().publish()
    filler = TreatmentPageFactory(parent=catalog["category"], title="Tear-trough filler", slug="tear-trough-filler")
    filler.concerns.set([under_eyes])
    filler.save_revision().publish()
    return {"under_eyes": under_eyes, "lines": lines, "filler": filler}


def finder(client, query):
    response = client.get("/treatments/" + query)
    assert response.status_code == 200
    return response.content.decode()


def test_a_concern_lists_its_treatments_only(client, concerns):
    html = finder(client, "?concern=under-eye-circles")
    assert "Treatments for under-eye circles" in html
    assert "Tear-trough filler" in html.split('id="finder-heading"')[1].split("</section>")[0]
    assert "Neuromodulator" not in html.split('id="finder-heading"')[1].split("</section>")[0]
    assert '<option value="under-eye-circles" selected>' in html


def test_the_finder_works_as_a_plain_form(client, concerns):
    html = finder(client, "")
    assert '<form class="concern-finder" method="get" action="/treatments/">' in html
    assert '<label for="concern-finder-select">' in html and 'name="concern"' in html
    assert "We could not find" not in html


@pytest.mark.parametrize(
    "query",
    [
        "?concern=no-such-concern",
        "?concern=",
        "?concern=%3Cscript%3Ealert(1)%3C%2Fscript%3E",
        "?concern=" + "a" * 5000,
        "?concern=UNDER-EYE-CIRCLES",
        "?concern=under-eye-circles%00",
        "?concern=%E2%80%AEsnoitcnuf",
        "?concern[]=x&concern=../../etc",
    ],
)
def test_a_bad_or_unknown_concern_answers_200_with_a_message(client, concerns, query):
    html = finder(client, query)
    assert "We could not find that concern. Please choose one from the list below." in html
    assert "<script>alert" not in html
    assert 'name="robots" content="noindex"' in html


def test_articles_and_running_specials_for_the_concern_are_listed(client, concerns):
    tag = concerns["filler"].treatment
    article = ArticlePageFactory(title="Filler for tired eyes", treatments=[tag])
    special = SpecialPageFactory(title="Under-eye filler week", treatments=[tag])  # running this week
    html = finder(client, "?concern=under-eye-circles")
    assert article.title in html and special.title in html


def test_the_home_page_asks_what_to_improve(client, concerns):
    html = client.get("/").content.decode()
    section = html.split('id="home-concerns-heading"')[1].split("</section>")[0]
    assert "What would you like to improve?" in section
    assert 'href="/treatments/?concern=under-eye-circles"' in section
    assert 'href="/treatments/?concern=fine-lines-and-wrinkles"' in section


def test_concerns_without_a_live_treatment_stay_off_the_home_page(client, concerns):
    ConcernFactory(name="Unwanted hair", slug="unwanted-hair")
    assert "unwanted-hair" not in client.get("/").content.decode()
