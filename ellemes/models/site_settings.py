from decimal import Decimal
from urllib.parse import quote_plus, urlsplit

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.models import Orderable

from ellemes.forms import ClaimsCheckedForm
from ellemes.models.claims import PatientTextMixin


@register_setting(icon="site")
class ClinicSettings(PatientTextMixin, ClusterableModel, BaseSiteSetting):
    """Facts about the clinic shown across the site: name, contact details, hours."""

    patient_text_fields = {"Clinic name": "name", "About Us": "about_us"}
    base_form_class = ClaimsCheckedForm

    name = models.CharField("clinic name", max_length=100, default="ELLEMES Medical Spa")
    logo = models.ForeignKey("ellemes.ClinicImage", null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    phone = models.CharField(max_length=30, blank=True, help_text="As patients should dial it, e.g. (404) 555-0142.")
    email = models.EmailField(blank=True, help_text="The public address patients may write to.")
    inquiry_inbox = models.EmailField(
        blank=True,
        help_text="Where notices of new online inquiries go. They never contain what the patient wrote.",
    )
    street_address = models.CharField(max_length=255, blank=True)
    city = models.CharField(max_length=100, blank=True, default="Atlanta")
    region = models.CharField("state", max_length=50, blank=True, default="GA")
    postal_code = models.CharField(max_length=20, blank=True)
    latitude = models.DecimalField(
        max_digits=9,
        decimal_places=6,
        null=True,
        blank=True,
        validators=[MinValueValidator(Decimal(-90)), MaxValueValidator(Decimal(90))],
        help_text="Where the clinic’s door is, for maps and search engines, e.g. 33.851600.",
    )
    longitude = models.DecimalField(
        max_digits=9,
        decimal_places=6,
        null=True,
        blank=True,
        validators=[MinValueValidator(Decimal(-180)), MaxValueValidator(Decimal(180))],
        help_text="E.g. -84.362000 (west of Greenwich is negative).",
    )
    price_range = models.CharField(
        max_length=10, blank=True, help_text="How costly a visit is, as search engines show it, e.g. “$$”."
    )
    about_us = models.TextField(blank=True, help_text="Two or three sentences for the footer’s About Us.")
    contact_page = models.ForeignKey(
        "wagtailcore.Page",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="Where every “contact us” and “book” link on the site leads.",
    )
    privacy_page = models.ForeignKey(
        "wagtailcore.Page",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="The privacy policy, linked from the inquiry form’s consent checkbox.",
    )
    booking_url = models.URLField(
        "online booking link",
        blank=True,
        help_text="Optional: the clinic’s page on its online booking site (https), e.g. on Boulevard, Vagaro, "
        "Zenoti or Mindbody. When set, “Book online” buttons lead there; otherwise “Book” opens the inquiry form.",
    )

    panels = [
        MultiFieldPanel(
            [FieldPanel("name"), FieldPanel("logo"), FieldPanel("about_us"), FieldPanel("price_range")],
            heading="The clinic",
        ),
        FieldPanel("contact_page"),
        FieldPanel("privacy_page"),
        MultiFieldPanel(
            [
                FieldPanel("phone"),
                FieldPanel("email"),
                FieldPanel("inquiry_inbox"),
                FieldPanel("street_address"),
                FieldRowPanel([FieldPanel("city"), FieldPanel("region"), FieldPanel("postal_code")]),
                FieldRowPanel([FieldPanel("latitude"), FieldPanel("longitude")]),
            ],
            heading="Contact details",
        ),
        FieldPanel("booking_url"),
        InlinePanel("opening_hours", heading="Opening hours", label="Day"),
        InlinePanel("social_links", heading="Social links", label="Link"),
    ]

    # Every page shows the logo, the hours and the social links: read them with the settings,
    # once per request (Wagtail keeps the settings on the request).
    select_related = ["logo", "contact_page", "privacy_page"]

    class Meta:
        verbose_name = "clinic details"

    @classmethod
    def base_queryset(cls):
        return super().base_queryset().prefetch_related("opening_hours", "social_links")

    def clean(self):
        super().clean()
        # Half a coordinate would put the pin anywhere on a line around the globe.
        if self.booking_url and not self.booking_url.lower().startswith("https://"):
            raise ValidationError({"booking_url": "Use a secure link that starts with https://."})
        if (self.latitude is None) != (self.longitude is None):
            missing = "longitude" if self.longitude is None else "latitude"
            raise ValidationError({missing: "Give both the latitude and the longitude, or neither."})

    def contact_url(self, request=None):
        """The address of the chosen contact page; "" until one is chosen."""
        return self.contact_page.get_url(request) if self.contact_page else ""

    def privacy_url(self, request=None):
        """The address of the chosen privacy policy, while it is published; "" otherwise."""
        page = self.privacy_page
        return page.get_url(request) if page is not None and page.live else ""

    @property
    def has_coordinates(self):
        return self.latitude is not None and self.longitude is not None

    @property
    def booking_site(self):
        """The online booking site's host, as patients know it (“vagaro.com”), or ""."""
        host = (urlsplit(self.booking_url).hostname or "").lower() if self.booking_url else ""
        return host.removeprefix("www.")

    @property
    def phone_href(self):
        digits = "".join(c for c in self.phone if c.isdigit() or c == "+")
        return f"tel:{digits}" if digits else ""

    @property
    def address_lines(self):
        locality = " ".join(
            part for part in [f"{self.city}," if self.city else "", self.region, self.postal_code] if part
        )
        return [line for line in [self.street_address, locality.strip(" ,")] if line]

    @property
    def directions_url(self):
        return "https://www.google.com/maps/search/?api=1&query=" + quote_plus(", ".join(self.address_lines))


class OpeningHours(Orderable):
    """The clinic's hours on one weekday."""

    WEEKDAYS = [
        ("Mo", "Monday"),
        ("Tu", "Tuesday"),
        ("We", "Wednesday"),
        ("Th", "Thursday"),
        ("Fr", "Friday"),
        ("Sa", "Saturday"),
        ("Su", "Sunday"),
    ]

    settings = ParentalKey(ClinicSettings, on_delete=models.CASCADE, related_name="opening_hours")
    weekday = models.CharField(max_length=2, choices=WEEKDAYS)
    opens = models.TimeField(null=True, blank=True)
    closes = models.TimeField(null=True, blank=True)
    closed = models.BooleanField(default=False, help_text="Tick if the clinic is closed all day.")

    panels = [FieldRowPanel([FieldPanel("weekday"), FieldPanel("opens"), FieldPanel("closes"), FieldPanel("closed")])]

    def clean(self):
        if self.closed:
            return
        if not (self.opens and self.closes):
            raise ValidationError("Give opening and closing times, or tick “closed”.")
        if self.closes <= self.opens:
            raise ValidationError({"closes": "Closing time must be after opening time."})

    @property
    def schema_day(self):
        return dict(self.WEEKDAYS)[self.weekday]

    def __str__(self):
        if self.closed:
            return f"{self.get_weekday_display()}: closed"
        return f"{self.get_weekday_display()}: {self.opens:%H:%M}–{self.closes:%H:%M}"


class SocialLink(Orderable):
    """A link to one of the clinic's social media profiles."""

    settings = ParentalKey(ClinicSettings, on_delete=models.CASCADE, related_name="social_links")
    network = models.CharField(max_length=40, help_text="Shown to patients, e.g. “Instagram”.")
    url = models.URLField()

    panels = [FieldRowPanel([FieldPanel("network"), FieldPanel("url")])]
