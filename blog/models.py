from ellemes.models.pages import IntroPage


class BlogIndexPage(IntroPage):
    """The list of treatment articles."""

    parent_page_types = ["ellemes.HomePage"]
    subpage_types = []
    max_count = 1
