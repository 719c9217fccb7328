from decimal import Decimal
from urllib.parse import quote_plus, urlsplit

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from wagtail import blocks
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.blocks.struct_block import StructBlockValidationError
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import StreamField

from ellemes.forms import ClaimsCheckedForm
from ellemes.models.claims import PatientTextMixin

WEEKDAYS = [
    ("Mo", "Monday"),
    ("Tu", "Tuesday"),
    ("We", "Wednesday"),
    ("Th", "Thursday"),
    ("Fr", "Friday"),
    ("Sa", "Saturday"),
    ("Su", "Sunday"),
]


class OpeningDay(blocks.StructValue):
    """The clinic's hours on one weekday, read as attributes (`day.opens`) in code and templates alike."""

    weekday = property(lambda self: self.get("weekday"))
    opens = property(lambda self: self.get("opens"))
    closes = property(lambda self: self.get("closes"))
    closed = property(lambda self: bool(self.get("closed")))

    def get_weekday_display(self):
        return dict(WEEKDAYS).get(self.weekday, "")

    def __str__(self):
        if self.closed:
            return f"{self.get_weekday_display()}: closed"
        return f"{self.get_weekday_display()}: {self.opens:%H:%M}–{self.closes:%H:%M}"


class OpeningDayBlock(blocks.StructBlock):
    """A row of the opening hours. The hours are stream data in the Clinic details' own row, not rows of
    their own: every page shows them, and reads them with the settings in one query."""

    weekday = blocks.ChoiceBlock(choices=WEEKDAYS)
    opens = blocks.TimeBlock(required=False)
    closes = blocks.TimeBlock(required=False)
    closed = blocks.BooleanBlock(required=False, help_text="Tick if the clinic is closed all day.")

    class Meta:
        icon = "time"
        label = "Day"
        value_class = OpeningDay

    def clean(self, value):
        value = super().clean(value)
        if value.closed:
            return value
        if not (value.opens and value.closes):
            raise StructBlockValidationError(
                non_block_errors=[ValidationError("Give opening and closing times, or tick “closed”.")]
            )
        if value.closes <= value.opens:
            raise StructBlockValidationError(
                block_errors={"closes": ValidationError("Closing time must be after opening time.")}
            )
        return value


class SocialLink(blocks.StructValue):
    network = property(lambda self: self.get("network"))
    url = property(lambda self: self.get("url"))


class SocialLinkBlock(blocks.StructBlock):
    """A link to one of the clinic's social media profiles (stream data, as the opening hours)."""

    network = blocks.CharBlock(max_length=40, help_text="Shown to patients, e.g. “Instagram”.")
    url = blocks.URLBlock()

    class Meta:
        icon = "link"
        label = "Link"
        value_class = SocialLink


def opening_day(weekday, opens=None, closes=None):
    """One row of `ClinicSettings.opening_hours` (code and data): open `opens`–`closes`, else closed all day."""
    closed = opens is None and closes is None
    return (
        "day",
        OpeningDayBlock().normalize({"weekday": weekday, "opens": opens, "closes": closes, "closed": closed}),
    )


def social_link(network, url):
    """One row of `ClinicSettings.social_links`."""
    return ("link", SocialLinkBlock().normalize({"network": network, "url": url}))


@register_setting(icon="site")
class ClinicSettings(PatientTextMixin, BaseSiteSetting):
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
    opening_hours = StreamField([("day", OpeningDayBlock())], blank=True, help_text="A row per weekday.")
    social_links = StreamField([("link", SocialLinkBlock())], blank=True)
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
        FieldPanel("opening_hours"),
        FieldPanel("social_links"),
    ]

    # Every page shows the logo, the hours and the social links: the hours and links are part of the
    # settings' own row, and the rest is read with it, once per request (Wagtail keeps the settings on it).
    select_related = ["logo", "contact_page", "privacy_page"]

    class Meta:
        verbose_name = "clinic details"

    @property
    def hours(self):
        """The opening hours (`OpeningDay`s), in the editors' order."""
        return [day.value for day in self.opening_hours]

    @property
    def links(self):
        """The social links (`SocialLink`s: network and url), in the editors' order."""
        return [link.value for link in self.social_links]

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
