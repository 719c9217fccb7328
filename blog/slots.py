"""What the blog shows in the shared layout: latest articles on the home page, a person's articles on their profile."""

from django.db.models import Q

from blog.models import ArticlePage, BlogIndexPage
from staff.models import StaffMemberPage

HOME_ARTICLES = 3


def home_articles(request, page):
    articles = list(ArticlePage.objects.published().newest_first().for_cards()[:HOME_ARTICLES])
    if not articles:
        return None
    return {"articles": articles, "blog_index": BlogIndexPage.objects.live().first()}


def staff_articles(request, page):
    if not isinstance(page, StaffMemberPage) or page.pk is None:
        return None
    articles = list(
        ArticlePage.objects.published().filter(Q(author=page) | Q(reviewed_by=page)).newest_first().for_cards()
    )
    if not articles:
        return None
    return {
        "staff_member": page,
        "authored": [article for article in articles if article.author_id == page.pk],
        # Only reviews that still apply: an article edited since its review no longer credits the reviewer.
        "reviewed": [
            article for article in articles if article.reviewed_by_id == page.pk and article.medical_review_is_current
        ],
    }
