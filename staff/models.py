import datetime

from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import RichTextField
from wagtail.search import index

from ellemes.models.pages import ClinicPage, IntroPage


def validate_not_future_year(year):
    if year > datetime.date.today().year:
        raise ValidationError("The year they began practising cannot be in the future.")


class StaffIndexPage(IntroPage):
    """“Our Team”: every published staff member, in the order editors arrange them."""

    parent_page_types = ["ellemes.HomePage"]
    subpage_types = ["staff.StaffMemberPage"]
    max_count = 1

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["staff_members"] = StaffMemberPage.objects.child_of(self).live().public().select_related("photo")
        return context


class StaffMemberPage(ClinicPage):
    """One member of staff: who they are, what they do, and the credentials behind it."""

    parent_page_types = ["staff.StaffIndexPage"]
    subpage_types = []

    role = models.CharField(max_length=80, help_text="The role patients see, e.g. “Medical Aesthetician”.")
    short_bio = models.TextField(max_length=300, help_text="Up to 300 characters, for cards and the Staff Spotlight.")
    bio = RichTextField(blank=True, features=["bold", "italic", "link", "ol", "ul"])
    photo = models.ForeignKey("ellemes.ClinicImage", null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    license_type = models.CharField(
        max_length=80,
        blank=True,
        help_text="Exactly as licensed, e.g. “Licensed Esthetician”, “Registered Nurse”, “MD”. "
        "Leave empty for staff who hold no clinical license.",
    )
    practising_since = models.PositiveSmallIntegerField(
        null=True,
        blank=True,
        validators=[MinValueValidator(1950), validate_not_future_year],
        help_text="The year they began practising; experience on the site counts up from it.",
    )

    content_panels = ClinicPage.content_panels + [
        FieldPanel("role"),
        FieldPanel("short_bio"),
        FieldPanel("bio"),
        FieldPanel("photo"),
        MultiFieldPanel([FieldPanel("license_type"), FieldPanel("practising_since")], heading="Credentials"),
    ]
    search_fields = ClinicPage.search_fields + [
        index.SearchField("role"),
        index.SearchField("short_bio"),
        index.SearchField("bio"),
    ]

    @property
    def intro(self):
        return self.short_bio

    @property
    def name_with_license(self):
        return f"{self.title}, {self.license_type}" if self.license_type else self.title
