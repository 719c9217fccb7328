from ellemes.models.pages import IntroPage


class ContactPage(IntroPage):
    """Where patients find the clinic and send an inquiry."""

    parent_page_types = ["ellemes.HomePage"]
    subpage_types = []
    max_count = 1
