"""Search, the sitemap and the menu include treatments; a treatment outranks articles for its own name."""

import re

from django.core.management import call_command

from blog.factories import ArticlePageFactory
from treatments.factories import TreatmentPageFactory


def test_a_treatment_is_the_first_result_for_its_own_name(client, catalog):
    ArticlePageFactory(title="Neuromodulator myths and facts about the neuromodulator")
    call_command("update_index", verbosity=0)
    html = client.get("/search/?q=neuromodulator").content.decode()
    results = re.findall(r'class="search-result__type">([^<]*)<', html)
    assert results[0] == "Treatment"
    assert "Article" in results


def test_the_sitemap_lists_treatments_and_the_price_list(client, catalog):
    draft = TreatmentPageFactory(parent=catalog["category"], title="Draft", slug="draft-treatment", live=False)
    xml = client.get("/sitemap.xml").content.decode()
    for url in ("/treatments/", "/treatments/prices/", "/treatments/injectables/", catalog["treatment"].url):
        assert f"{url}</loc>" in xml
    assert draft.slug not in xml
