from django.db import models
from django.utils.html import strip_tags
from django.utils.text import Truncator
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail.search import index

from ellemes.models.claims import ClaimsCheckedMixin
from ellemes.panels import ClaimsCheckPanel
from ellemes.visibility import PublishedPageManager


class ClinicPage(ClaimsCheckedMixin, Page):
    """Base for every public page: the claims check, and a meta description with a sensible fallback."""

    content_panels = [ClaimsCheckPanel(heading="Claims check"), *Page.content_panels]

    objects = PublishedPageManager()

    class Meta:
        abstract = True

    @property
    def summary_text(self):
        """What the page is about, as plain text: its search description, or else its introduction."""
        return self.search_description or strip_tags(str(getattr(self, "intro", "") or ""))

    @property
    def meta_description(self):
        return Truncator(" ".join(self.summary_text.split())).chars(160)


class IntroPage(ClinicPage):
    """A page with a short plain-text introduction under its title."""

    patient_text_fields = {**ClinicPage.patient_text_fields, "Introduction": "intro"}

    intro = models.TextField(blank=True, max_length=500, help_text="One or two sentences shown under the title.")

    content_panels = ClinicPage.content_panels + [FieldPanel("intro")]
    search_fields = ClinicPage.search_fields + [index.SearchField("intro")]

    class Meta:
        abstract = True


class HomePage(ClinicPage):
    """The front page, built around treatments: the hero with Book and Call, the sections the content apps put
    in the "home" slot (treatment categories, concerns, specials, the team, articles), and visit details."""

    # Its children (the sections) are the page types whose `parent_page_types` name the home page.
    parent_page_types = ["wagtailcore.Page"]
    max_count = 1

    patient_text_fields = {
        **ClinicPage.patient_text_fields,
        "Hero heading": "hero_heading",
        "Hero text": "hero_text",
        "Hero image": "hero_image",
        "Book button": "hero_link_text",
        "Welcome": "intro",
    }

    hero_heading = models.CharField(max_length=120, help_text="The big headline at the top of the page.")
    hero_text = models.CharField(max_length=255, blank=True, help_text="A sentence under the headline.")
    hero_image = models.ForeignKey(
        "ellemes.ClinicImage",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="A wide photo behind the headline; its alt text is read to people who cannot see it.",
    )
    # The Book button leads where every booking link does (Settings › Clinic details): the online booking
    # site, else the contact page; the Call button dials the clinic's phone.
    hero_link_text = models.CharField(
        "book button text",
        max_length=40,
        blank=True,
        default="Book a consultation",
        help_text="The words on the hero’s Book button. It leads to the online booking link, or else the contact "
        "page, chosen under Settings › Clinic details.",
    )
    intro = RichTextField(
        blank=True, features=["bold", "italic", "link"], help_text="A short welcome shown under the hero."
    )

    content_panels = ClinicPage.content_panels + [
        MultiFieldPanel(
            [
                FieldPanel("hero_heading"),
                FieldPanel("hero_text"),
                FieldPanel("hero_image"),
                FieldPanel("hero_link_text"),
            ],
            heading="Hero",
        ),
        FieldPanel("intro"),
    ]
    search_fields = ClinicPage.search_fields + [index.SearchField("hero_heading"), index.SearchField("intro")]
