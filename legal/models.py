"""Legal and trust pages: the privacy policy, terms of use, accessibility statement, the “results vary” notice."""

from django.db import models
from django.utils.timezone import localdate
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField
from wagtail.search import index

from ellemes.breadcrumbs import breadcrumb_context
from ellemes.claims import plain_text
from ellemes.models.pages import ClinicPage

BODY_FEATURES = ["h2", "h3", "bold", "italic", "link", "ol", "ul"]


class LegalPage(ClinicPage):
    """A page of the clinic's policies, kept under the home page and linked from every page's footer."""

    parent_page_types = ["ellemes.HomePage"]
    subpage_types = []
    # A clinic has a handful of these; more would crowd the footer line they are listed on.
    max_count = 8

    patient_text_fields = {**ClinicPage.patient_text_fields, "Body": "body"}

    last_updated = models.DateField(
        default=localdate, help_text="The day the policy last changed in substance; shown under the title."
    )
    body = RichTextField(features=BODY_FEATURES, help_text="The policy, in plain words, with headings for each part.")

    content_panels = ClinicPage.content_panels + [FieldPanel("last_updated"), FieldPanel("body")]
    search_fields = ClinicPage.search_fields + [index.SearchField("body")]

    class Meta:
        verbose_name = "legal page"

    @property
    def summary_text(self):
        # No introduction: the search description, else the policy's own words (the meta description cuts them).
        return self.search_description or " ".join(plain_text(self.body).split())

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.update(breadcrumb_context(self, request))
        return context
