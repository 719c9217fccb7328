"""Staff profiles, their credentials, and the site setting that picks the Staff Spotlight.

The staff app depends only on `ellemes`. Articles and specials point at staff
members from their own apps; the profile shows them through the "staff_profile" slot.
"""

import datetime

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxLengthValidator, MinValueValidator
from django.db import models
from django.db.models import Exists, OuterRef
from django.utils import timezone
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import RichTextField
from wagtail.models import PageManager
from wagtail.search import index

from ellemes.breadcrumbs import breadcrumb_context
from ellemes.images import picture_specs, with_renditions
from ellemes.models.pages import ClinicPage, IntroPage
from ellemes.visibility import PublishedPageQuerySet
from staff.structured_data import person, person_data, team_data

# The profile photo in shared-link previews (og:image); ellemes.images warms it with the other sizes.
PROFILE_PHOTO = "fill-600x750"


def validate_not_future_year(year):
    if year > timezone.localdate().year:
        raise ValidationError("The year they began practicing cannot be in the future.")


class StaffMemberQuerySet(PublishedPageQuerySet):
    def on_show(self):
        """Staff patients may see: published and not behind a view restriction, in the editors' order."""
        return self.published().order_by("path")

    def with_photos(self, *filter_specs):
        """Fetch photos and their renditions up front, so a listing's query count does not grow with its length."""
        return with_renditions(self, "photo", *filter_specs) if filter_specs else self.select_related("photo")


StaffMemberManager = PageManager.from_queryset(StaffMemberQuerySet)


class StaffIndexPage(IntroPage):
    """“Our Team”: every published staff member, in the order editors arrange them in the page tree."""

    parent_page_types = ["ellemes.HomePage"]
    subpage_types = ["staff.StaffMemberPage"]
    max_count = 1

    def staff_members(self):
        return StaffMemberPage.objects.child_of(self).on_show().with_photos(*picture_specs("staff_card"))

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        staff_members = list(self.staff_members())
        context["staff_members"] = staff_members
        context["structured_data"] = team_data(self, staff_members, request)
        context.update(breadcrumb_context(self, request))
        return context


class StaffMemberPage(ClinicPage):
    """One member of staff: who they are, what they do, and the credentials behind it."""

    parent_page_types = ["staff.StaffIndexPage"]
    subpage_types = []

    patient_text_fields = {
        **ClinicPage.patient_text_fields,
        "Role": "role",
        "Short bio": "short_bio",
        "Bio": "bio",
        "Photo": "photo",
        "Action photo": "action_photo",
        "Action photo caption": "action_photo_caption",
        "License type": "license_type",
    }

    role = models.CharField(max_length=80, help_text="The role patients see, e.g. “Medical Aesthetician”.")
    short_bio = models.TextField(
        max_length=300,
        validators=[MaxLengthValidator(300)],  # TextField's max_length binds only the admin form
        help_text="Up to 300 characters, for cards and the Staff Spotlight.",
    )
    bio = RichTextField(
        blank=True,
        features=["bold", "italic", "link", "ol", "ul"],
        help_text="The full story for the profile page: training, experience, what patients can expect.",
    )
    photo = models.ForeignKey(
        "ellemes.ClinicImage",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="A portrait, shown on cards, the profile and the Staff Spotlight. Without one, the person's "
        "initials are shown on a brand-colored card.",
    )
    action_photo = models.ForeignKey(
        "ellemes.ClinicImage",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="Optional: the person at work, shown on the profile and in the Staff Spotlight.",
    )
    action_photo_caption = models.CharField(
        max_length=160, blank=True, help_text="E.g. “Lauren Siso performing dermaplaning treatment”."
    )
    license_type = models.CharField(
        max_length=80,
        blank=True,
        help_text="Exactly as licensed, e.g. “Licensed Esthetician”, “Registered Nurse”, “MD”. "
        "Leave empty for staff who hold no clinical license.",
    )
    license_number = models.CharField(
        max_length=40, blank=True, help_text="As printed on the license; shown only if you tick the box below."
    )
    license_state = models.CharField(
        "license state", max_length=2, blank=True, help_text="Two-letter code of the issuing state, e.g. GA."
    )
    show_license_number = models.BooleanField(
        default=False, help_text="Tick to show the license number and state on the profile."
    )
    supervising_physician = models.ForeignKey(
        "staff.StaffMemberPage",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="supervised_staff",
        help_text="The physician who supervises this person’s treatments, if any.",
    )
    practicing_since = models.PositiveSmallIntegerField(
        null=True,
        blank=True,
        validators=[MinValueValidator(1950), validate_not_future_year],
        help_text="The year they began practicing; experience on the site counts up from it.",
    )
    specialties = ParentalManyToManyField(
        "ellemes.Treatment",
        blank=True,
        related_name="specialists",
        help_text="The treatments this person provides, listed on their profile.",
    )
    booking_url = models.URLField(
        "online booking link",
        blank=True,
        help_text="Optional: this person on the online booking site (https). Used only when online booking is "
        "set up under Settings › Clinic details; otherwise the clinic’s booking link is used.",
    )
    accepts_bookings = models.BooleanField(
        default=True, help_text="Show a “Book with …” button that opens the inquiry form with this person chosen."
    )
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="staff_profile",
        verbose_name="admin account",
        help_text="The person’s own admin account, if they have one. When a medical reviewer approves an "
        "article, the article names the profile linked to their account as its reviewer.",
    )

    objects = StaffMemberManager()

    content_panels = ClinicPage.content_panels + [
        FieldPanel("role"),
        FieldPanel("short_bio"),
        FieldPanel("bio"),
        FieldPanel("photo"),
        MultiFieldPanel([FieldPanel("action_photo"), FieldPanel("action_photo_caption")], heading="Action photo"),
        MultiFieldPanel(
            [
                FieldPanel("license_type"),
                FieldRowPanel([FieldPanel("license_number"), FieldPanel("license_state")]),
                FieldPanel("show_license_number"),
                FieldPanel("supervising_physician"),
                FieldPanel("practicing_since"),
            ],
            heading="Credentials",
        ),
        FieldPanel("specialties", widget=forms.CheckboxSelectMultiple),
        FieldPanel("accepts_bookings"),
        FieldPanel("booking_url"),
    ]
    settings_panels = ClinicPage.settings_panels + [FieldPanel("user", permission="ellemes.change_user")]
    search_fields = ClinicPage.search_fields + [
        index.SearchField("role"),
        index.SearchField("short_bio"),
        index.SearchField("bio"),
        index.SearchField("license_type"),
    ]

    def clean(self):
        super().clean()
        errors = {}
        if self.action_photo_id and not self.action_photo_caption.strip():
            errors["action_photo_caption"] = "Say what the action photo shows."
        if self.booking_url and not self.booking_url.lower().startswith("https://"):
            errors["booking_url"] = "Use a secure link that starts with https://."
        if (self.license_number or self.license_state) and not self.license_type:
            errors["license_type"] = "Give the license type that this number belongs to."
        if self.show_license_number and not (self.license_number and self.license_state):
            errors["show_license_number"] = "Fill in the license number and state before showing them."
        if self.supervising_physician_id and self.supervising_physician_id == self.pk:
            errors["supervising_physician"] = "Choose someone else: nobody supervises themselves."
        if errors:
            raise ValidationError(errors)

    @property
    def intro(self):
        return self.short_bio

    @property
    def name_with_license(self):
        """The name as promoted anywhere on the site: license type alongside, as advertising rules require."""
        return f"{self.title}, {self.license_type}" if self.license_type else self.title

    @property
    def name_license_and_role(self):
        """“Jordan Reyes, Registered Nurse — Nurse Injector”: the promoted name with the role, on one line."""
        return f"{self.name_with_license} — {self.role}" if self.role else self.name_with_license

    @property
    def license_display(self):
        """“GA license 071234” when editors chose to show it, else an empty string."""
        if self.show_license_number and self.license_number and self.license_state:
            return f"{self.license_state.upper()} license {self.license_number}"
        return ""

    @property
    def spotlight_photo(self):
        return self.action_photo or self.photo

    # Honorifics and post-nominals left out of a monogram: "Dr. Maya Okafor" is MO.
    NOT_INITIALS = {"dr", "dr.", "mr", "mr.", "mrs", "mrs.", "ms", "ms.", "mx", "mx."}

    @property
    def initials(self):
        """Up to two initials (first and last name) for the monogram shown when there is no photo."""
        names = [word for word in self.title.split(",")[0].split() if word.lower() not in self.NOT_INITIALS]
        if not names:
            return ""
        letters = [names[0][0]] + ([names[-1][0]] if len(names) > 1 else [])
        return "".join(letters).upper()

    @property
    def monogram_tone(self):
        """One of four brand tones (monogram--1 to --4), the same for a person wherever the monogram shows."""
        return (self.pk or 0) % 4 + 1

    def years_of_experience(self, today=None):
        """Whole years certainly completed: someone practicing since 2013 has completed at least 12 in 2026."""
        if self.practicing_since is None:
            return None
        today = today or timezone.localdate()
        return max(today.year - self.practicing_since - 1, 0)

    def experience_text(self, today=None):
        """“over 10 years of experience”: stays true every year without edits."""
        years = self.years_of_experience(today)
        if years is None:
            return ""
        if years == 0:
            return ""
        if years == 1:
            return "over a year of experience"
        # Round long careers down to a milestone (10, 15, 20…), as people say them.
        shown = years if years < 10 else years // 5 * 5
        return f"over {shown} years of experience"

    @property
    def experience(self):
        return self.experience_text()

    def schema_person(self, request):
        """This member as a schema.org `Person`, as the articles they wrote or reviewed name them."""
        return person(self, request)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # With each treatment's page (when it has one), so the profile links to what the person performs.
        specialties = list(self.specialties.select_related("page"))
        image = self.photo.get_rendition(PROFILE_PHOTO) if self.photo else None
        context["specialties"] = specialties
        context["structured_data"] = person_data(self, request, image, specialties=specialties)
        context.update(breadcrumb_context(self, request))
        return context


@register_setting(icon="user")
class StaffSettings(BaseSiteSetting):
    """Which staff member the Staff Spotlight shows; empty means it rotates weekly through the team."""

    spotlight = models.ForeignKey(
        StaffMemberPage,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="Leave empty to show a different member of the team each week. "
        "Unpublished staff are never shown: the rotation takes over until they are published.",
    )

    panels = [FieldPanel("spotlight")]

    class Meta:
        verbose_name = "staff spotlight"

    @classmethod
    def spotlight_for(cls, site, day):
        """The chosen person if they are on show, otherwise this week's turn in the rotation."""
        # One query for the whole team under the site's home page (a clinic's team is a handful of people),
        # the editors' choice read within it; then pick in Python.
        editors_choice = cls.objects.filter(site=site, spotlight=OuterRef("pk"))
        staff = list(
            StaffMemberPage.objects.on_show()
            .descendant_of(site.root_page)
            .select_related("photo", "action_photo")
            .annotate(chosen=Exists(editors_choice))
        )
        chosen = next((member for member in staff if member.chosen), None)
        if chosen is not None or not staff:
            return chosen
        return staff[week_number(day) % len(staff)]


def week_number(day):
    """Consecutive numbers for consecutive ISO weeks (Monday to Sunday), unbroken across years."""
    monday = day - datetime.timedelta(days=day.weekday())
    return monday.toordinal() // 7
