"""What treatments put in the shared layout: the home page's “What would you like to improve?”."""

from treatments.models import TreatmentIndexPage, treatments_with_concerns


def home_context(request, page):
    index_page = TreatmentIndexPage.objects.live().public().first()
    if index_page is None:
        return None
    concerns = treatments_with_concerns()
    if not concerns:
        return None
    return {"concerns": concerns, "index_url": index_page.get_url(request)}
