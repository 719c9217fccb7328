"""What treatments put in the shared layout: the home page's categories and “What would you like to improve?”."""

from ellemes.slots import section_page
from treatments.models import TreatmentIndexPage, treatments_with_concerns


def home_context(request, page):
    index_page = section_page(request, TreatmentIndexPage)
    if index_page is None:
        return None
    concerns = treatments_with_concerns()
    if not concerns:
        return None
    return {"concerns": concerns, "index_url": index_page.get_url(request)}


def home_categories(request, page):
    """The categories with live treatments, each shown with its first treatment's photo and a few names."""
    index_page = section_page(request, TreatmentIndexPage)
    if index_page is None:
        return None
    categories = index_page.categories()
    if not categories:
        return None
    for category in categories:
        category.photo = next((t.hero_image for t in category.listed if t.hero_image_id), None)
    return {"categories": categories, "index_url": index_page.get_url(request)}
