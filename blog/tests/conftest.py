import pytest

from blog.factories import DEFAULT_BODY, ArticlePageFactory, heading, paragraph
from blog.factories import blog_index as make_blog_index
from ellemes.factories import TreatmentFactory
from staff.factories import StaffMemberPageFactory

__all__ = ["DEFAULT_BODY", "heading", "paragraph"]


@pytest.fixture
def blog_index(home):
    return make_blog_index()


@pytest.fixture
def lauren(blog_index):
    return StaffMemberPageFactory(title="Lauren Siso", role="Medical Aesthetician", license_type="Licensed Esthetician")


@pytest.fixture
def maya(blog_index):
    return StaffMemberPageFactory(
        title="Dr. Maya Okafor", slug="maya-okafor", role="Medical Director", license_type="MD"
    )


@pytest.fixture
def treatment(db):
    """`treatment("botox")`: that treatment, made on first use."""
    return lambda slug: TreatmentFactory(slug=slug, name=slug.replace("-", " ").capitalize())


@pytest.fixture
def make_article(blog_index, lauren, maya):
    """`make_article(title, body=[...], treatments=[...], related=[...], live=True, **fields)`."""
    from blog.models import ArticleRelatedLink

    def make(title="A careful article", *, related=(), parent=None, **fields):
        fields.setdefault("author", lauren)
        fields.setdefault("reviewed_by", maya)
        if related:
            fields["related_links"] = [ArticleRelatedLink(related=page, sort_order=n) for n, page in enumerate(related)]
        return ArticlePageFactory(title=title, parent=parent or blog_index, **fields)

    return make
