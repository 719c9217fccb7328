"""What treatments put in the shared layout: the home page's categories and “What would you like to improve?”."""

from treatments.models import TreatmentIndexPage, treatments_with_concerns

_NOT_YET = object()


def _index_page(request):
    """The live Treatments page, looked up once per request: both home sections link to it."""
    index_page = getattr(request, "_treatment_index", _NOT_YET)
    if index_page is _NOT_YET:
        index_page = TreatmentIndexPage.objects.published().first()
        if request is not None:
            request._treatment_index = index_page
    return index_page


def home_context(request, page):
    index_page = _index_page(request)
    if index_page is None:
        return None
    concerns = treatments_with_concerns()
    if not concerns:
        return None
    return {"concerns": concerns, "index_url": index_page.get_url(request)}


def home_categories(request, page):
    """The categories with live treatments, each shown with its first treatment's photo and a few names."""
    index_page = _index_page(request)
    if index_page is None:
        return None
    categories = index_page.categories()
    if not categories:
        return None
    for category in categories:
        category.photo = next((t.hero_image for t in category.listed if t.hero_image_id), None)
    return {"categories": categories, "index_url": index_page.get_url(request)}
