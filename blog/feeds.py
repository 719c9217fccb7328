import datetime
from dataclasses import dataclass

from django.contrib.syndication.views import Feed
from django.utils import timezone

from ellemes.models import ClinicSettings
from ellemes.public_urls import absolute_url, public_site

FEED_LENGTH = 20


def _clinic_midnight(day):
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time()))


@dataclass
class FeedSource:
    clinic_name: str
    blog_index: object
    link: str
    feed_url: str


class LatestArticlesFeed(Feed):
    """RSS feed of the newest articles, served by the blog index page's `feed/` route."""

    def get_object(self, request, blog_index):
        # One Feed instance serves every request, so per-request facts travel in the object, not on self.
        site = public_site(request)
        # Absolute already: Django would otherwise complete them with the request's host.
        return FeedSource(
            clinic_name=ClinicSettings.for_site(site).name if site else "ELLEMES Medical Spa",
            blog_index=blog_index,
            link=absolute_url(site, blog_index.get_url(request)),
            feed_url=absolute_url(site, request.path),
        )

    def title(self, source):
        return f"{source.clinic_name}: articles"

    def link(self, source):
        return source.link

    def feed_url(self, source):
        return source.feed_url

    def description(self, source):
        return source.blog_index.intro or "Treatment guides from our licensed clinicians."

    def items(self, source):
        articles = source.blog_index.articles().select_related("author")
        return articles.order_by("-published_on", "-pk")[:FEED_LENGTH]

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
