"""Article rules: where articles live, what they must carry, and what is derived from them."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from wagtail.models import Page

from blog.models import ArticlePage, BlogIndexPage
from blog.tests.conftest import heading, paragraph
from ellemes.models import ClinicImage, HomePage


@pytest.mark.django_db
class TestPageTree:
    def test_articles_live_only_under_the_blog_index(self, home, blog_index):
        assert ArticlePage.can_create_at(blog_index)
        assert not ArticlePage.can_exist_under(home)
        assert not ArticlePage.can_exist_under(Page.get_first_root_node())
        assert BlogIndexPage.allowed_subpage_models() == [ArticlePage]
        assert ArticlePage.allowed_subpage_models() == []

    def test_blog_index_is_a_singleton(self, home, blog_index):
        assert not BlogIndexPage.can_create_at(home)
        assert BlogIndexPage.can_exist_under(home)
        assert HomePage in BlogIndexPage.allowed_parent_page_models()

    def test_articles_are_routable_under_the_blog(self, make_article):
        article = make_article("Routable article")
        assert article.url == "/blog/routable-article/"


@pytest.mark.django_db
class TestValidation:
    def test_intro_and_author_are_required(self, make_article):
        with pytest.raises(ValidationError) as error:
            make_article("No intro", intro="", author=None)
        assert {"intro", "author"} <= set(error.value.message_dict)

    def test_review_needs_both_a_reviewer_and_a_date(self, make_article, maya):
        with pytest.raises(ValidationError) as error:
            make_article("No date", reviewed_by=maya, last_reviewed_on=None)
        assert "last_reviewed_on" in error.value.message_dict
        with pytest.raises(ValidationError) as error:
            make_article("No reviewer", reviewed_by=None, last_reviewed_on=datetime.date(2024, 1, 5))
        assert "reviewed_by" in error.value.message_dict

    def test_reviewer_must_hold_a_license(self, make_article, maya):
        article = make_article("Unlicensed review", reviewed_by=maya)
        maya.license_type = ""
        article.reviewed_by = maya
        with pytest.raises(ValidationError) as error:
            article.full_clean()
        assert "reviewed_by" in error.value.message_dict

    def test_an_article_is_not_updated_before_it_is_published(self, make_article):
        with pytest.raises(ValidationError) as error:
            make_article("Backwards", published_on=datetime.date(2024, 5, 1), updated_on=datetime.date(2024, 4, 1))
        assert "updated_on" in error.value.message_dict

    def test_review_and_update_dates_are_not_in_the_future(self, make_article):
        tomorrow = datetime.date.today() + datetime.timedelta(days=2)
        with pytest.raises(ValidationError) as error:
            make_article("Future", updated_on=tomorrow, last_reviewed_on=tomorrow)
        assert {"updated_on", "last_reviewed_on"} <= set(error.value.message_dict)

    def test_hero_image_must_have_alt_text(self, make_article):
        decorative = ClinicImage.objects.create(
            title="Swirl",
            alt_text="",
            is_decorative=True,
            file=ClinicImage.objects.first().file.name,
            width=10,
            height=10,
        )
        with pytest.raises(ValidationError) as error:
            make_article("Decorative hero", hero_image=decorative)
        assert "hero_image" in error.value.message_dict


@pytest.mark.django_db
class TestDates:
    def test_saving_without_touching_the_body_keeps_the_dates(self, make_article):
        article = make_article(
            "Dated article",
            published_on=datetime.date(2023, 2, 20),
            updated_on=datetime.date(2023, 4, 10),
            last_reviewed_on=datetime.date(2023, 4, 10),
        )
        article.title = "Dated article, retitled"
        article.search_description = "A new description."
        article.save_revision().publish()
        article.refresh_from_db()
        assert article.published_on == datetime.date(2023, 2, 20)
        assert article.updated_on == datetime.date(2023, 4, 10)
        assert article.last_reviewed_on == datetime.date(2023, 4, 10)

    def test_display_date_is_the_update_else_the_first_publication(self, make_article):
        first = make_article("Never updated", published_on=datetime.date(2024, 1, 1))
        assert first.display_date == datetime.date(2024, 1, 1)
        second = make_article("Updated one", updated_on=datetime.date(2024, 3, 1))
        assert second.display_date == datetime.date(2024, 3, 1)


@pytest.mark.django_db
class TestDerived:
    def test_reading_time_counts_the_words(self, make_article):
        words = " ".join(["word"] * 610)
        article = make_article("Long read", body=[paragraph(f"<p>{words}</p>")], intro="Four words of intro.")
        assert article.reading_minutes == 4  # 614 words at 200 a minute, rounded up
        assert make_article("Short read").reading_minutes == 1

    def test_headings_get_unique_anchors(self, make_article):
        article = make_article(
            "Anchors",
            body=[heading("Risks"), paragraph("<p>x</p>"), heading("Risks", "h3"), heading("¿Qué?"), heading("!!!")],
        )
        assert [h["anchor"] for h in article.headings] == ["risks", "risks-2", "que", "section"]
        assert [h["level"] for h in article.headings] == ["h2", "h3", "h2", "h2"]

    def test_table_of_contents_needs_three_headings(self, make_article):
        two = make_article("Two headings", body=[heading("One"), heading("Two")])
        assert two.table_of_contents == []
        three = make_article("Three headings", body=[heading("One"), heading("Two"), heading("Three")])
        assert [h["text"] for h in three.table_of_contents] == ["One", "Two", "Three"]


@pytest.mark.django_db
class TestRelatedArticles:
    def test_manual_picks_come_first_then_same_treatment(self, make_article, treatment):
        botox = treatment("botox")
        older = make_article("Older botox", treatments=[botox], published_on=datetime.date(2020, 1, 1))
        newer = make_article("Newer botox", treatments=[botox], published_on=datetime.date(2024, 2, 1))
        picked = make_article("Picked peel", treatments=[treatment("chemical-peels")])
        article = make_article("Main botox", treatments=[botox], related=[picked])
        related = article.related_articles()
        assert related[0] == picked
        assert len(related) == 3
        assert article not in related
        assert newer in related
        assert older not in related or related.index(older) > related.index(newer)

    def test_never_the_article_itself_and_at_most_three(self, make_article, treatment):
        laser = treatment("laser-treatments")
        for n in range(5):
            make_article(f"Laser article {n}", treatments=[laser])
        article = make_article("The laser article", treatments=[laser])
        related = article.related_articles()
        assert len(related) == 3
        assert article.pk not in [a.pk for a in related]

    def test_unpublished_articles_are_never_related(self, make_article, treatment):
        fillers = treatment("dermal-fillers")
        draft = make_article("Draft filler", treatments=[fillers], live=False)
        article = make_article("Live filler", treatments=[fillers], related=[draft])
        assert draft.pk not in [a.pk for a in article.related_articles()]

    def test_no_treatments_and_no_picks_means_no_related(self, make_article):
        assert make_article("Lonely article").related_articles() == []
