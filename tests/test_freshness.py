"""What visitors see after a change, with the page cache on: never stale, never shared where it must not be."""

import datetime
import re

import pytest
from django.core.cache import caches
from django.utils import timezone
from wagtail.models import PageViewRestriction

from blog.factories import ArticlePageFactory
from blog.models import ARTICLES_PER_PAGE, ArticlePage
from specials.models import SpecialPage, SpecialsIndexPage
from staff.models import StaffMemberPage

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("small_site")]


@pytest.fixture
def article():
    return ArticlePage.objects.live().get(slug="botox-for-facial-symmetry")


def text(response):
    return response.content.decode()


def test_a_published_change_shows_on_the_next_view(client, article):
    assert "Freshly rewritten introduction" not in text(client.get(article.url))
    article.intro = "Freshly rewritten introduction."
    article.save_revision().publish()
    assert "Freshly rewritten introduction." in text(client.get(article.url))


def test_a_preview_shows_the_draft_not_the_cached_live_page(client, article):
    site = article.get_site()
    live_host = {"HTTP_HOST": f"{site.hostname}:{site.port}"}  # the host previews are rendered for
    client.get(article.url, **live_host)
    draft = article.get_latest_revision_as_object()
    draft.intro = "Words only the editor has seen."
    preview = draft.make_preview_request()
    assert '<p class="lede">Words only the editor has seen.</p>' in text(preview)
    assert "Words only the editor has seen." not in text(client.get(article.url, **live_host))


def test_each_page_of_the_blog_listing_shows_its_own_articles(client):
    for n in range(ARTICLES_PER_PAGE):
        ArticlePageFactory(title=f"Listed article {n}", publish=False)
    first, second = text(client.get("/blog/")), text(client.get("/blog/?page=2"))
    assert first != second
    assert re.search(r'<link rel="canonical" href="[^"]*/blog/\?page=2">', second)
    assert re.search(r'<link rel="canonical" href="[^"]*/blog/">', first)


@pytest.mark.parametrize("odd_number", ["+2", " 2", "0_2", "1000000"])
def test_an_oddly_written_page_number_never_stands_in_for_the_first_page(client, odd_number):
    client.get("/blog/", {"page": odd_number})
    assert re.search(r'<link rel="canonical" href="[^"]*/blog/">', text(client.get("/blog/")))


def test_an_unknown_treatment_is_answered_in_the_visitors_own_words(client):
    assert "no treatment called “lip-gloss”" in text(client.get("/blog/?treatment=lip-gloss"))
    assert "no treatment called “eyebrow-tint”" in text(client.get("/blog/?treatment=eyebrow-tint"))


def test_clinic_details_change_on_every_page_at_once(client, clinic):
    client.get("/blog/")
    clinic.name = "ELLEMES Aesthetics"
    clinic.save()
    assert "<title>Blog | ELLEMES Aesthetics</title>" in text(client.get("/blog/"))


def test_a_new_view_restriction_applies_at_once(client):
    profile = StaffMemberPage.objects.live().get(slug="lauren-siso")
    client.get(profile.url)
    assert client.get(profile.url)["X-Cache"] == "hit"
    PageViewRestriction.objects.create(page=profile, restriction_type=PageViewRestriction.LOGIN)
    response = client.get(profile.url)
    assert response.status_code == 302
    assert "/login/" in response["Location"]
    assert profile.title not in text(client.get("/staff/"))


def test_a_restriction_added_or_lifted_changes_search_results_at_once(client, article):
    assert article.url in text(client.get("/search/?q=botox"))
    restriction = PageViewRestriction.objects.create(page=article, restriction_type=PageViewRestriction.LOGIN)
    assert article.url not in text(client.get("/search/?q=botox"))
    assert client.get(article.url).status_code == 302
    restriction.delete()
    assert article.url in text(client.get("/search/?q=botox"))
    assert client.get(article.url).status_code == 200


def test_a_search_result_shows_the_latest_title_and_summary(client, article):
    assert "Botox, explained for first-timers" not in text(client.get("/search/?q=botox"))
    article.title = "Botox, explained for first-timers"
    article.search_description = "What a first Botox appointment feels like."
    article.save_revision().publish()
    results = text(client.get("/search/?q=botox"))
    assert "Botox, explained for first-timers" in results
    assert "What a first Botox appointment feels like." in results


def test_a_page_moved_to_a_new_address_is_found_there_at_once(client, article):
    old_url = article.url
    assert client.get(old_url).status_code == 200
    article.slug = "botox-and-facial-balance"
    article.save_revision().publish()
    assert "What is Botox?" in text(client.get("/blog/botox-and-facial-balance/"))
    assert client.get(old_url).status_code == 404


def test_an_unpublished_page_is_gone_at_once(client, article):
    assert client.get(article.url).status_code == 200
    article.unpublish()
    assert client.get(article.url).status_code == 404


def test_sub_routes_and_unknown_addresses_are_not_kept(client):
    client.get("/blog/no-such-article/")  # the layout of the "not found" page may be kept, once for all
    kept = set(caches["pages"]._cache)
    for n in range(20):
        assert client.get(f"/blog/no-such-article-{n}/")["X-Cache"] == "skip"
        assert client.get("/contact/thank-you/")["Location"] == "/contact/"  # no inquiry sent yet
    assert set(caches["pages"]._cache) == kept


def test_the_contact_form_offers_a_special_published_after_it_was_shown(client):
    assert "Winter glow facial" not in text(client.get("/contact/"))
    today = timezone.localdate()
    SpecialsIndexPage.objects.get().add_child(
        instance=SpecialPage(
            title="Winter glow facial",
            slug="winter-glow-facial",
            campaign="Winter Specials",
            bar_label="Winter glow",
            summary="A brightening facial for the cold months.",
            starts_on=today - datetime.timedelta(days=1),
            ends_on=today + datetime.timedelta(days=20),
        )
    )
    assert '<option value="winter-glow-facial">Winter glow facial' in text(client.get("/contact/"))
    form = text(client.get("/contact/?special=winter-glow-facial"))
    assert '<option value="winter-glow-facial" selected>Winter glow facial' in form


def form_token(response):
    return re.search(r'name="form_token" value="([^"]+)"', text(response)).group(1)


def test_each_view_of_the_contact_page_gets_its_own_form_token(client):
    first, second = client.get("/contact/"), client.get("/contact/")
    assert form_token(first) != form_token(second)
    assert 'name="message"' in text(second)


def test_a_form_sent_back_with_errors_keeps_what_the_visitor_typed(client):
    token = form_token(client.get("/contact/"))
    response = client.post("/contact/", {"name": "Jane Quokka", "message": "Hello", "form_token": token})
    assert 'value="Jane Quokka"' in text(response)
    assert "error-summary" in text(response)
