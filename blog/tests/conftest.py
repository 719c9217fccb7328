import datetime
import json

import pytest
from django.apps import apps
from django.utils.text import slugify

from blog.models import ArticlePage, ArticleRelatedLink, BlogIndexPage
from ellemes.models import ClinicImage, Treatment


def heading(text, level="h2"):
    return {"type": "heading", "value": {"text": text, "level": level}}


def paragraph(html):
    return {"type": "paragraph", "value": html}


DEFAULT_BODY = [heading("What it is"), paragraph("<p>A short, careful explanation.</p>")]


@pytest.fixture
def blog_index(db):
    return BlogIndexPage.objects.get()


@pytest.fixture
def staff_member(db):
    model = apps.get_model("staff", "StaffMemberPage")
    return lambda slug: model.objects.get(slug=slug)


@pytest.fixture
def lauren(staff_member):
    return staff_member("lauren-siso")


@pytest.fixture
def maya(staff_member):
    return staff_member("maya-okafor")


@pytest.fixture
def treatment(db):
    return lambda slug: Treatment.objects.get(slug=slug)


@pytest.fixture
def make_article(blog_index, lauren, maya):
    image = ClinicImage.objects.get(title="Botox consultation")

    def make(title="A careful article", *, body=None, treatments=(), related=(), live=True, parent=None, **fields):
        values = {
            "slug": slugify(title)[:50],
            "intro": "An introduction for listings.",
            "hero_image": image,
            "author": lauren,
            "reviewed_by": maya,
            "published_on": datetime.date(2024, 1, 1),
            "last_reviewed_on": datetime.date(2024, 1, 5),
            "body": json.dumps(body if body is not None else DEFAULT_BODY),
            **fields,
        }
        article = ArticlePage(title=title, live=live, **values)
        if article.reviewed_by_id:  # the review record stands for a review of exactly this text
            article.approved_content_hash = article.content_hash()
        article.treatments.set(list(treatments))
        article.related_links = [ArticleRelatedLink(related=page, sort_order=n) for n, page in enumerate(related)]
        (parent or blog_index).add_child(instance=article)
        revision = article.save_revision()
        if live:
            revision.publish()
        return ArticlePage.objects.get(pk=article.pk)

    return make
