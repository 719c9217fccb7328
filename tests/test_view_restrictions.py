"""Pages behind a password or a login stay out of every public listing and ask for access."""

import pytest
from django.contrib.auth.models import Group
from wagtail.models import Page, PageViewRestriction

from blog.models import ArticlePage
from ellemes.visibility import PublishedPageQuerySet
from staff.models import StaffMemberPage
from treatments.factories import (
    ConcernFactory,
    TreatmentCategoryPageFactory,
    TreatmentPageFactory,
    TreatmentPriceFactory,
)
from treatments.models import TreatmentIndexPage

pytestmark = pytest.mark.usefixtures("small_site")


@pytest.fixture
def private_article(db):
    article = ArticlePage.objects.get(slug="botox-for-facial-symmetry")
    PageViewRestriction.objects.create(page=article, restriction_type="password", password="clinic-only")
    return article


@pytest.mark.django_db
class TestRestrictedPages:
    def test_a_private_article_asks_for_the_password(self, client, private_article):
        response = client.get(private_article.url)
        assert response.status_code == 200
        body = response.content.decode()
        assert 'name="password"' in body
        assert "What is Botox?" not in body

    def test_a_private_article_is_left_out_of_listings_and_search(self, client, private_article):
        for url in ["/blog/", "/blog/?page=2", "/", "/search/?q=botox+facial+symmetry", "/blog/feed/"]:
            assert private_article.url not in client.get(url).content.decode(), url

    def test_a_private_profile_is_left_out_of_the_team_page(self, client):
        priya = StaffMemberPage.objects.get(slug="priya-shah")
        PageViewRestriction.objects.create(page=priya, restriction_type="login")
        assert priya.url not in client.get("/staff/").content.decode()
        assert client.get(priya.url).status_code == 302

    def test_other_pages_stay_listed(self, client, private_article):
        assert "/blog/what-is-dermaplaning/" in client.get("/blog/?page=2").content.decode()


@pytest.mark.django_db
class TestRestrictedSections:
    """A restriction on a section covers every page under it, wherever those pages are listed."""

    def test_a_private_treatment_category_leaves_the_menu_of_treatments_and_the_price_list(self, client):
        index = TreatmentIndexPage.objects.get()
        shown = TreatmentCategoryPageFactory(parent=index, title="Facials", slug="facials")
        TreatmentPriceFactory(page=TreatmentPageFactory(parent=shown, title="Signature facial", slug="facial"))
        hidden = TreatmentCategoryPageFactory(parent=index, title="Staff trials", slug="staff-trials")
        trial = TreatmentPageFactory(parent=hidden, title="Trial laser", slug="trial-laser")
        TreatmentPriceFactory(page=trial)
        trial.concerns.add(ConcernFactory(name="Tattoo fading"))
        trial.save_revision().publish()
        assert "Tattoo fading" in client.get("/").content.decode()
        PageViewRestriction.objects.create(page=hidden, restriction_type="login")

        for url in ["/treatments/", "/treatments/prices/", "/"]:
            body = client.get(url).content.decode()
            assert "Signature facial" in body, url
            assert "Trial laser" not in body, url
            assert "Staff trials" not in body, url
        # “What would you like to improve?” offers no concern whose only treatment is private.
        assert "Tattoo fading" not in client.get("/").content.decode()

    def test_a_private_specials_section_leaves_the_announcement_bar_and_the_home_page(self, client, small_site):
        assert small_site.special.title in client.get("/").content.decode()
        assert small_site.special.title in client.get("/contact/").content.decode()
        PageViewRestriction.objects.create(page=small_site.specials, restriction_type="password", password="x")

        body = client.get("/").content.decode()
        assert small_site.special.title not in body
        assert small_site.special.url not in body
        assert 'href="/specials/"' not in body  # the menu leaves it out too
        assert small_site.special.title not in client.get("/contact/").content.decode()  # nor the inquiry form

    def test_listings_keep_exactly_the_pages_wagtail_calls_public(self, small_site):
        PageViewRestriction.objects.create(page=small_site.specials, restriction_type="password", password="x")
        PageViewRestriction.objects.create(page=small_site.article, restriction_type="login")
        group_only = PageViewRestriction.objects.create(page=small_site.team["priya-shah"], restriction_type="groups")
        group_only.groups.add(Group.objects.create(name="Restricted page readers"))

        published = set(PublishedPageQuerySet(Page).published())
        assert published == set(Page.objects.live().public())
        assert small_site.special.page_ptr not in published
        assert small_site.second_article.page_ptr in published
        assert set(ArticlePage.objects.published()) == {small_site.second_article}
