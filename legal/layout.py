"""What the legal app shows in the shared layout: links to its pages on the footer's legal line."""

from legal.models import LegalPage


def footer_links(request, page):
    pages = list(LegalPage.objects.published().order_by("path"))
    if not pages:
        return None
    return {"legal_pages": pages}
