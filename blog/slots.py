"""What the blog shows in the shared layout: latest articles on the home page, a person's articles on their profile."""

from urllib.parse import urlencode

from blog.models import ArticlePage, BlogIndexPage
from ellemes.slots import section_page
from staff.models import StaffMemberPage

HOME_ARTICLES = 3
# A profile lists a few articles, newest first; the rest are one link away (the blog's `?staff=` filter).
STAFF_ARTICLES = 6


def home_articles(request, page):
    articles = list(ArticlePage.objects.published().newest_first().for_cards()[:HOME_ARTICLES])
    if not articles:
        return None
    return {"articles": articles, "blog_index": section_page(request, BlogIndexPage)}


def staff_articles(request, page):
    if not isinstance(page, StaffMemberPage) or page.pk is None:
        return None
    theirs = ArticlePage.objects.published().by_or_reviewed_by(page)
    # Twice the list's length: enough to fill it with written articles first, then reviewed ones.
    fetched = STAFF_ARTICLES * 2
    articles = list(theirs.newest_first().for_cards()[:fetched])
    if not articles:
        return None
    authored = [article for article in articles if article.author_id == page.pk][:STAFF_ARTICLES]
    # Only reviews that still apply: an article edited since its review no longer credits the reviewer.
    reviewed = [
        article for article in articles if article.reviewed_by_id == page.pk and article.medical_review_is_current
    ][: STAFF_ARTICLES - len(authored)]
    # More than are listed: the rest are on the blog, filtered by this person. (Looked up whether or not,
    # so the profile costs the same queries however many articles the person has.)
    more = len(articles) > len({article.pk for article in authored + reviewed})
    blog_index = section_page(request, BlogIndexPage)
    return {
        "staff_member": page,
        "authored": authored,
        "reviewed": reviewed,
        "all_url": f"{blog_index.get_url(request)}?{urlencode({'staff': page.slug})}" if more and blog_index else "",
    }
