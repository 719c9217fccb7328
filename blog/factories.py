"""Factories for the blog: the index and articles with a body, an author and a medical review."""

import datetime
import json

import factory
from django.utils.text import slugify

from blog.models import ArticlePage, BlogIndexPage
from ellemes.factories import ImageFactory, PageFactory, home_page
from staff.factories import StaffMemberPageFactory


def heading(text, level="h2"):
    return {"type": "heading", "value": {"text": text, "level": level}}


def paragraph(html):
    return {"type": "paragraph", "value": html}


DEFAULT_BODY = [heading("What it is"), paragraph("<p>A short, careful explanation.</p>")]


class BlogIndexPageFactory(PageFactory):
    class Meta:
        model = BlogIndexPage
        django_get_or_create = ("parent", "slug")

    parent = factory.LazyFunction(home_page)
    title = "Blog"
    slug = "blog"
    intro = "Treatment guides and skin care advice from our licensed clinicians."
    show_in_menus = True


def blog_index():
    return BlogIndexPage.objects.first() or BlogIndexPageFactory()


def _author():
    return StaffMemberPageFactory(title="Lauren Siso", role="Medical Aesthetician", license_type="Licensed Esthetician")


def _reviewer():
    return StaffMemberPageFactory(
        title="Dr. Maya Okafor", slug="maya-okafor", role="Medical Director", license_type="MD"
    )


class ArticlePageFactory(PageFactory):
    """A published article whose review record stands for a review of exactly its text.

    `body` takes a list of blocks (see `heading` and `paragraph`); `treatments` and `related_links` pass through.
    Unless `reviewed_by=None`, the article carries a medical review by a licensed clinician. With `publish=False`
    a live article is only placed in the tree, without a revision: quicker, for tests that need hundreds.
    """

    class Meta:
        model = ArticlePage

    parent = factory.LazyFunction(blog_index)
    title = factory.Sequence(lambda n: f"A careful article {n}")
    slug = factory.LazyAttribute(lambda article: slugify(article.title)[:50])
    intro = "An introduction for listings."
    hero_image = factory.SubFactory(ImageFactory, title="Article hero", file__width=1200, file__height=800)
    author = factory.LazyFunction(_author)
    reviewed_by = factory.LazyFunction(_reviewer)
    published_on = datetime.date(2024, 1, 1)
    last_reviewed_on = factory.LazyAttribute(lambda article: datetime.date(2024, 1, 5) if article.reviewed_by else None)
    body = factory.LazyFunction(lambda: json.dumps(DEFAULT_BODY))
    publish = True  # read by _create, which publishes through a revision itself

    @classmethod
    def _create(cls, model_class, *args, publish=True, **kwargs):
        if isinstance(kwargs.get("body"), list):
            kwargs["body"] = json.dumps(kwargs["body"])
        parent = kwargs.pop("parent")
        article = model_class(**kwargs)
        if article.reviewed_by_id:  # the review record stands for a review of exactly this text
            article.approved_content_hash = article.content_hash()
        parent.add_child(instance=article)
        if not publish and article.live:
            return article
        revision = article.save_revision()
        if article.live:
            revision.publish()
        return ArticlePage.objects.get(pk=article.pk)
