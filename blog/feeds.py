import datetime
from dataclasses import dataclass

from django.contrib.syndication.views import Feed
from django.utils import timezone

from blog.models import ArticlePage, BlogIndexPage
from ellemes.models import ClinicSettings
from ellemes.public_urls import absolute_url, public_site

FEED_LENGTH = 20


def _clinic_midnight(day):
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time()))


@dataclass
class FeedSource:
    clinic_name: str
    blog_index: BlogIndexPage | None
    link: str
    feed_url: str


class LatestArticlesFeed(Feed):
    """RSS feed of the newest articles."""

    def get_object(self, request, *args, **kwargs):
        # One Feed instance serves every request, so per-request facts travel in the object, not on self.
        site = public_site(request)
        blog_index = BlogIndexPage.objects.live().first()
        # Absolute already: Django would otherwise complete them with the request's host.
        return FeedSource(
            clinic_name=ClinicSettings.for_site(site).name if site else "ELLEMES Medical Spa",
            blog_index=blog_index,
            link=absolute_url(site, blog_index.get_url(request) if blog_index else "/"),
            feed_url=absolute_url(site, request.path),
        )

    def title(self, source):
        return f"{source.clinic_name}: articles"

    def link(self, source):
        return source.link

    def feed_url(self, source):
        return source.feed_url

    def description(self, source):
        intro = source.blog_index.intro if source.blog_index else ""
        return intro or "Treatment guides from our licensed clinicians."

    def items(self, source):
        return ArticlePage.objects.published().select_related("author").order_by("-published_on", "-pk")[:FEED_LENGTH]

    def item_title(self, article):
        return article.title

    def item_description(self, article):
        return article.intro

    def item_link(self, article):
        return article.full_url

    def item_pubdate(self, article):
        return _clinic_midnight(article.published_on)

    def item_updateddate(self, article):
        return _clinic_midnight(article.display_date)

    def item_author_name(self, article):
        return article.author.name_with_license if article.author else None
