"""Pages behind a password or a login stay out of every public listing and ask for access."""

import pytest
from wagtail.models import PageViewRestriction

from blog.models import ArticlePage
from staff.models import StaffMemberPage

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
