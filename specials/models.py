import datetime

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.timezone import localdate
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.fields import RichTextField
from wagtail.models import PageManager
from wagtail.query import PageQuerySet
from wagtail.search import index

from ellemes.models.pages import ClinicPage, IntroPage


class SpecialPageQuerySet(PageQuerySet):
    """Date rules for specials, computed from the clinic's calendar at the time of asking."""

    def running(self, on=None):
        on = on or localdate()
        return self.live().filter(starts_on__lte=on, ends_on__gte=on)

    def upcoming(self, on=None, within_days=None):
        on = on or localdate()
        upcoming = self.live().filter(starts_on__gt=on)
        if within_days is not None:
            upcoming = upcoming.filter(starts_on__lte=on + datetime.timedelta(days=within_days))
        return upcoming

    def ended(self, on=None):
        on = on or localdate()
        return self.filter(ends_on__lt=on)


SpecialPageManager = PageManager.from_queryset(SpecialPageQuerySet)


class SpecialsIndexPage(IntroPage):
    """The clinic's current and upcoming specials."""

    parent_page_types = ["ellemes.HomePage"]
    subpage_types = ["specials.SpecialPage"]
    max_count = 1


class SpecialPage(ClinicPage):
    """A promotion that runs from `starts_on` to `ends_on`, both inclusive, in clinic time."""

    parent_page_types = ["specials.SpecialsIndexPage"]
    subpage_types = []

    campaign = models.CharField(max_length=80, help_text="The campaign it belongs to, e.g. “December Spa Specials”.")
    bar_label = models.CharField(
        max_length=40, help_text="Short label for the announcement bar, e.g. “Eye Treatment Promos”."
    )
    summary = models.TextField(max_length=300, help_text="One or two sentences for listings.")
    body = RichTextField(blank=True, features=["bold", "italic", "link", "ol", "ul"])
    starts_on = models.DateField(help_text="First day of the offer (clinic time).")
    ends_on = models.DateField(help_text="Last day of the offer, inclusive (clinic time).")

    objects = SpecialPageManager()

    content_panels = ClinicPage.content_panels + [
        FieldPanel("campaign"),
        FieldPanel("bar_label"),
        FieldPanel("summary"),
        FieldPanel("body"),
        MultiFieldPanel([FieldRowPanel([FieldPanel("starts_on"), FieldPanel("ends_on")])], heading="Dates"),
    ]
    search_fields = ClinicPage.search_fields + [index.SearchField("summary"), index.SearchField("body")]

    def clean(self):
        super().clean()
        if self.starts_on and self.ends_on and self.ends_on < self.starts_on:
            raise ValidationError({"ends_on": "The end date must be on or after the start date."})

    @property
    def intro(self):
        return self.summary
