"""The migration from the old treatment tags: a database holding the previous demo gains a draft page per tag."""

import pytest

from blog.factories import ArticlePageFactory
from ellemes.models import Treatment as CurrentTreatment
from tests.migrations import migrate
from treatments.models import TreatmentPage

BEFORE = [("treatments", "0001_initial")]
AFTER = [("treatments", "0002_pages_for_existing_treatments")]


@pytest.fixture
def previous_state(sections):
    """The site as it was before the catalog: the tags, articles and specials using them, no treatment pages."""
    old = migrate(BEFORE)
    Treatment = old.get_model("ellemes", "Treatment")
    assert not old.get_model("wagtailcore", "Page").objects.filter(content_type__app_label="treatments").exists()
    # The previous demo's tags, an article using one; one more tag, as an editor may have added, without a description.
    for name, slug in (
        ("Botox", "botox"),
        ("Eye Treatments", "eye-treatments"),
        ("Laser Treatments", "laser-treatments"),
    ):
        Treatment.objects.create(name=name, slug=slug)
    Treatment.objects.filter(slug="botox").update(short_description="Softens expression lines.")
    Treatment.objects.create(name="Sclerotherapy", slug="sclerotherapy")
    ArticlePageFactory(title="Botox for facial symmetry", treatments=[CurrentTreatment.objects.get(slug="botox")])
    yield old
    migrate(AFTER)


# Outside a transaction: SQLite cannot alter its schema inside one, as migrating backwards does.
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_every_tag_gets_a_draft_page_with_its_slug(previous_state, client):
    from blog.models import ArticlePage

    tags = {tag.slug: tag.name for tag in previous_state.get_model("ellemes", "Treatment").objects.all()}
    assert {"botox", "eye-treatments", "laser-treatments"} <= set(tags)
    botox_article = ArticlePage.objects.live().filter(treatments__slug="botox").first()

    migrate(AFTER)

    pages = {page.treatment.slug: page for page in TreatmentPage.objects.select_related("treatment")}
    assert set(pages) == set(tags)
    botox = pages["botox"]
    assert (botox.title, botox.slug, botox.summary) == ("Botox", "botox", "Softens expression lines.")
    assert pages["sclerotherapy"].summary == "Sclerotherapy"
    assert not any(page.live for page in pages.values())
    category = botox.get_parent().specific
    assert (category.slug, category.get_parent().slug) == ("all-treatments", "treatments")
    assert category.get_parent().get_parent().specific_class.__name__ == "HomePage"
    assert category.numchild == len(tags)

    # Nothing public changed: the old addresses answer as before, the drafts are not shown.
    response = client.get("/blog/?treatment=botox")
    assert response.status_code == 200
    assert botox_article.title in response.content.decode()
    assert client.get("/treatments/").status_code == 404

    # The drafts are ordinary pages: they can be completed and published.
    botox.save_revision().publish()
    assert client.get("/treatments/").status_code == 404  # its parents are still drafts
    TreatmentPage.objects.get(pk=botox.pk).get_parent().get_parent().specific.save_revision().publish()
    category.save_revision().publish()
    assert client.get("/treatments/all-treatments/botox/").status_code == 200


def test_tags_that_have_a_page_get_no_second_one(catalog):
    from importlib import import_module

    migration = import_module("treatments.migrations.0002_pages_for_existing_treatments")
    before = TreatmentPage.objects.count()
    assert before
    migration.pages_for_tags(migrate(AFTER), None)
    assert TreatmentPage.objects.count() == before
