from django.db import models
from django.db.models import Q
from django.http import Http404
from django.utils.html import strip_tags
from django.utils.text import Truncator
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page, PageViewRestriction
from wagtail.query import PageQuerySet
from wagtail.search import index

from ellemes.models.claims import ClaimsCheckedMixin
from ellemes.page_cache import cached_per_generation
from ellemes.panels import ClaimsCheckPanel


def restricted_sections():
    """The pages behind a password, a login or a group restriction, each closing its whole subtree.

    Every listing and page view asks, and most clinic sites restrict nothing, so the answer is kept
    per content generation: adding, changing or removing a restriction starts a new one.
    """
    restrictions = PageViewRestriction.objects.select_related("page")
    return cached_per_generation("restricted-sections", [], lambda: [restriction.page for restriction in restrictions])


class ClinicPageQuerySet(PageQuerySet):
    """Page listings whose `public()` knows the restricted sections without asking the database."""

    def private_q(self):
        # Wagtail's own private_q, fed from the cache instead of a query on every call.
        private = Q()
        for section in restricted_sections():
            private |= self.descendant_of_q(section, inclusive=True)
        return private if private else Q(pk__in=[])


class ClinicPage(ClaimsCheckedMixin, Page):
    """Base for every public page: the claims check, and a meta description with a sensible fallback."""

    content_panels = [ClaimsCheckPanel(heading="Claims check"), *Page.content_panels]

    class Meta:
        abstract = True

    def get_view_restrictions(self):
        """Wagtail asks this before serving any page; when nothing is restricted the answer needs no query."""
        if not restricted_sections():
            return PageViewRestriction.objects.none()
        return super().get_view_restrictions()

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
    """The front page: hero, latest articles, current specials, spotlight and contact call-out."""

    parent_page_types = ["wagtailcore.Page"]
    subpage_types = ["blog.BlogIndexPage", "specials.SpecialsIndexPage", "staff.StaffIndexPage", "contact.ContactPage"]
    max_count = 1

    patient_text_fields = {
        **ClinicPage.patient_text_fields,
        "Hero heading": "hero_heading",
        "Hero text": "hero_text",
        "Hero image": "hero_image",
        "Hero button": "hero_link_text",
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
    hero_link = models.ForeignKey(
        "wagtailcore.Page",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="Where the hero button leads, usually the contact page.",
    )
    hero_link_text = models.CharField(
        max_length=40, blank=True, default="Book a consultation", help_text="The words on the hero button."
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
                FieldPanel("hero_link"),
                FieldPanel("hero_link_text"),
            ],
            heading="Hero",
        ),
        FieldPanel("intro"),
    ]
    search_fields = ClinicPage.search_fields + [index.SearchField("hero_heading"), index.SearchField("intro")]

    def route(self, request, path_components):
        """Find the deepest page on the path in one query, rather than one query per level of the tree.

        The page found routes what is left of the path itself, so routable pages keep their sub-routes.
        A page's own address is what patients ask for nearly every time, and the page it leads to changes
        only with content: that page is kept per content generation. Other paths (sub-routes, typos) are
        looked up each time, so they cannot fill the cache.
        """
        if not path_components:
            return super().route(request, path_components)
        url_path = f"{self.url_path}{'/'.join(path_components)}/"
        match = cached_per_generation(
            "page-at-address",
            [self.pk, url_path],
            lambda: self._deepest_page_on(path_components),
            keep=lambda page: page.url_path == url_path,
        )
        if match is None:
            raise Http404
        return match.route(request, path_components[match.depth - self.depth :])

    def _deepest_page_on(self, path_components):
        prefixes = [f"{self.url_path}{'/'.join(path_components[:n])}/" for n in range(1, len(path_components) + 1)]
        match = (
            Page.objects.filter(url_path__in=prefixes, path__startswith=self.path, depth__gt=self.depth)
            .order_by("-depth")
            .first()
        )
        return match.specific if match is not None else None
