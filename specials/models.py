import datetime
from urllib.parse import urlencode

from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.db.models import Min, OuterRef, Prefetch, Q, Subquery, prefetch_related_objects
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.timezone import localdate
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import RichTextField
from wagtail.models import PageManager
from wagtail.search import index

from ellemes.breadcrumbs import breadcrumb_context
from ellemes.dates import short_date
from ellemes.images import SHARE_IMAGE, picture_specs, with_renditions
from ellemes.models import ClinicSettings, Treatment
from ellemes.models.pages import ClinicPage, IntroPage
from ellemes.visibility import PublishedPageQuerySet
from specials.schedule import clinic_midnight

# Upcoming specials starting within this many days are listed under “Coming soon”.
COMING_SOON_DAYS = 30


class SpecialPageQuerySet(PublishedPageQuerySet):
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

    def ending_soonest(self):
        return self.order_by("ends_on", "starts_on", "path")

    def next_change(self, now=None):
        """The next moment what the site shows about specials changes, or None if nothing is scheduled.

        A midnight, clinic time, at which a special starts, ends (the day after its inclusive end date)
        or enters “Coming soon”; or a Wagtail go-live or expiry time. Pages showing specials (every page
        carries the announcement bar) must not be cached past it.
        """
        now = now or timezone.now()
        today = timezone.localdate(now)
        soon = today + datetime.timedelta(days=COMING_SOON_DAYS)
        found = self.aggregate(
            next_start=Min("starts_on", filter=Q(live=True, starts_on__gt=today)),
            last_day=Min("ends_on", filter=Q(live=True, ends_on__gte=today)),
            next_announced=Min("starts_on", filter=Q(live=True, starts_on__gt=soon)),
            go_live=Min("go_live_at", filter=Q(go_live_at__gt=now)),
            expiry=Min("expire_at", filter=Q(live=True, expire_at__gt=now)),
        )
        days = []
        if found["next_start"]:
            days.append(found["next_start"])
        if found["last_day"]:
            days.append(found["last_day"] + datetime.timedelta(days=1))
        if found["next_announced"]:
            days.append(found["next_announced"] - datetime.timedelta(days=COMING_SOON_DAYS))
        moments = [clinic_midnight(day) for day in days]
        moments += [found[key] for key in ("go_live", "expiry") if found[key]]
        # Compare in UTC: arithmetic between datetimes sharing a tzinfo ignores DST changes in between.
        now = now.astimezone(datetime.UTC)
        moments = [moment.astimezone(datetime.UTC) for moment in moments]
        return min((moment for moment in moments if moment > now), default=None)

    def starting_soonest(self):
        return self.order_by("starts_on", "ends_on", "path")

    def for_cards(self):
        """What a card shows, fetched up front so a listing costs the same for 3 specials or 300."""
        # The share image is for the listing's structured data; without it Wagtail would redraw it each time.
        return with_renditions(self, "image", *picture_specs("card"), SHARE_IMAGE).annotate(
            treatment_regular_price=Subquery(_first_treatment_price())
        )


PRICE = "page__prices__amount"


def _exact_prices(treatments):
    """Each exact price of the live pages of `treatments`, the first treatment's (by name) first."""
    return (
        treatments.filter(page__live=True, page__prices__kind="exact")
        .exclude(page__prices__amount=None)
        .order_by("name", "page__prices__sort_order")
    )


def _first_treatment_price():
    """For listings: the special's treatment price, as a subquery."""
    return _exact_prices(Treatment.objects.filter(specials=OuterRef("pk"))).values(PRICE)[:1]


SpecialPageManager = PageManager.from_queryset(SpecialPageQuerySet)


class SpecialsIndexPage(IntroPage):
    """The clinic's current and upcoming specials."""

    parent_page_types = ["ellemes.HomePage"]
    subpage_types = ["specials.SpecialPage"]
    max_count = 1

    def running_specials(self, on=None):
        return SpecialPage.objects.child_of(self).published().running(on).ending_soonest().for_cards()

    def coming_soon(self, on=None):
        return (
            SpecialPage.objects.child_of(self)
            .published()
            .upcoming(on, within_days=COMING_SOON_DAYS)
            .starting_soonest()
            .for_cards()
        )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # Both lists from one query: what runs today or starts within the coming-soon window.
        on = localdate()
        listed = list(
            SpecialPage.objects.child_of(self)
            .published()
            .filter(ends_on__gte=on, starts_on__lte=on + datetime.timedelta(days=COMING_SOON_DAYS))
            .for_cards()
        )
        # The orders of `ending_soonest()` and `starting_soonest()`.
        context["running_specials"] = sorted(
            (special for special in listed if special.starts_on <= on),
            key=lambda special: (special.ends_on, special.starts_on, special.path),
        )
        context["coming_soon"] = sorted(
            (special for special in listed if special.starts_on > on),
            key=lambda special: (special.starts_on, special.ends_on, special.path),
        )
        context["coming_soon_days"] = COMING_SOON_DAYS
        context.update(breadcrumb_context(self, request))
        return context


class SpecialPage(ClinicPage):
    """A promotion that runs from `starts_on` to `ends_on`, both inclusive, in clinic time.

    Editors publish specials themselves unless the claims check finds risky phrases: then the
    "Medical review" workflow (attached to the specials by `setup_roles`) takes it live.
    """

    patient_text_fields = {
        **ClinicPage.patient_text_fields,
        "Campaign": "campaign",
        "Announcement bar label": "bar_label",
        "Summary": "summary",
        "Body": "body",
        "Image": "image",
        "Discount": "discount_text",
        "Terms": "terms",
    }

    parent_page_types = ["specials.SpecialsIndexPage"]
    subpage_types = []

    campaign = models.CharField(max_length=80, help_text="The campaign it belongs to, e.g. “December Spa Specials”.")
    bar_label = models.CharField(
        max_length=40, help_text="Short label for the announcement bar, e.g. “Eye Treatment Promos”."
    )
    summary = models.TextField(max_length=300, help_text="One or two sentences for listings.")
    body = RichTextField(
        blank=True,
        features=["bold", "italic", "link", "ol", "ul"],
        help_text="What the offer includes and who it suits. Mentioning results? Add “Individual results vary.”",
    )
    image = models.ForeignKey(
        "ellemes.ClinicImage",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="Shown on the page, its card and when the offer is shared.",
    )
    treatments = ParentalManyToManyField(
        "ellemes.Treatment",
        blank=True,
        related_name="specials",
        help_text="The treatments on offer, listed on the special’s page.",
    )
    providers = ParentalManyToManyField(
        "staff.StaffMemberPage",
        blank=True,
        related_name="specials",
        help_text="The staff who provide this offer (optional); it then appears on their profiles.",
    )
    regular_price = models.DecimalField(
        max_digits=8,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(0, "A price cannot be negative.")],
        help_text="In US dollars, e.g. 150.00. Leave empty when there is no fixed price.",
    )
    special_price = models.DecimalField(
        max_digits=8,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(0, "A price cannot be negative.")],
        help_text="In US dollars; must be lower than the regular price.",
    )
    discount_text = models.CharField(
        max_length=60, blank=True, help_text="When there is no fixed price, e.g. “20% off”."
    )
    promo_code = models.CharField(max_length=40, blank=True, help_text="Optional code patients quote when booking.")
    starts_on = models.DateField(help_text="First day of the offer (clinic time).")
    ends_on = models.DateField(help_text="Last day of the offer, inclusive (clinic time).")
    terms = models.TextField(
        blank=True, max_length=1000, help_text="Terms and conditions, e.g. “Cannot be combined with other offers.”"
    )

    objects = SpecialPageManager()

    content_panels = [
        *ClinicPage.content_panels,
        MultiFieldPanel([FieldPanel("campaign"), FieldPanel("bar_label")], heading="Campaign"),
        MultiFieldPanel([FieldPanel("summary"), FieldPanel("body"), FieldPanel("image")], heading="Description"),
        MultiFieldPanel([FieldRowPanel([FieldPanel("starts_on"), FieldPanel("ends_on")])], heading="Dates"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("regular_price"), FieldPanel("special_price")]),
                FieldPanel("discount_text"),
                FieldPanel("promo_code"),
                FieldPanel("terms"),
            ],
            heading="Offer",
        ),
        # Tick boxes, as on articles and profiles: a multiple select needs ctrl-click, which loses picks.
        MultiFieldPanel(
            [
                FieldPanel("treatments", widget=forms.CheckboxSelectMultiple),
                FieldPanel("providers", widget=forms.CheckboxSelectMultiple),
            ],
            heading="Treatments and staff",
        ),
    ]
    search_fields = ClinicPage.search_fields + [
        index.SearchField("campaign"),
        index.SearchField("bar_label"),
        index.SearchField("summary"),
        index.SearchField("body"),
        index.FilterField("starts_on"),
        index.FilterField("ends_on"),
    ]

    def clean(self):
        super().clean()
        errors = {}
        if self.starts_on and self.ends_on and self.ends_on < self.starts_on:
            errors["ends_on"] = "The end date must be on or after the start date."
        if (
            self.regular_price is not None
            and self.special_price is not None
            and self.special_price >= self.regular_price
        ):
            errors["special_price"] = "The special price must be lower than the regular price."
        elif (
            self.regular_price is None
            and self.special_price is not None
            and self.treatment_price is not None
            and self.special_price >= self.treatment_price
        ):
            errors["special_price"] = (
                f"The special price must be lower than the treatment’s price (${self.treatment_price:,.2f}), "
                "or give a regular price."
            )
        if errors:
            raise ValidationError(errors)

    @classmethod
    def get_indexed_objects(cls):
        # Ended offers leave the site search. Saving (or `update_index`) applies this filter;
        # specials that end later are removed by `specials.search.remove_ended_from_search`.
        return super().get_indexed_objects().filter(ends_on__gte=localdate())

    @property
    def intro(self):
        return self.summary

    def status(self, on=None):
        on = on or localdate()
        if on < self.starts_on:
            return "upcoming"
        if on > self.ends_on:
            return "ended"
        return "running"

    @property
    def is_running(self):
        return self.status() == "running"

    @property
    def has_ended(self):
        return self.status() == "ended"

    @property
    def is_upcoming(self):
        return self.status() == "upcoming"

    @property
    def ends_label(self):
        """“12.31”, “1.05”: the month unpadded, the day padded, as the clinic writes it."""
        return f"{self.ends_on.month}.{self.ends_on.day:02d}"

    @property
    def price(self):
        """The price a patient pays, if the offer has one."""
        return self.special_price if self.special_price is not None else self.regular_price

    @cached_property
    def treatment_price(self):
        """The first exact price of the first treatment on offer (by name) whose page is live, or None.

        A special with a special price but no regular price shows it, struck through, as its regular price.
        Listings read it with the specials (`for_cards`); a single special asks once.
        """
        if "treatment_regular_price" in self.__dict__:
            return self.treatment_regular_price
        # The treatments as edited (a form or a preview may not have saved them yet).
        chosen = [treatment.pk for treatment in self.treatments.all()]
        return _exact_prices(Treatment.objects.filter(pk__in=chosen)).values_list(PRICE, flat=True).first()

    @property
    def shown_regular_price(self):
        """The regular price beside the special price: the editor's, or else the treatment's own price."""
        if self.regular_price is not None or self.special_price is None:
            return self.regular_price
        return self.treatment_price

    def live_providers(self):
        return [provider for provider in self.providers.all() if provider.live]

    def book_url(self, request):
        """The contact page with this special chosen in the inquiry form; "" until a contact page is chosen."""
        contact_url = ClinicSettings.for_request(request).contact_url(request)
        return f"{contact_url}?{urlencode({'special': self.slug})}" if contact_url else ""

    def get_sitemap_urls(self, request=None):
        if self.has_ended:
            return []
        return super().get_sitemap_urls(request)

    def get_admin_display_title(self):
        title = super().get_admin_display_title()
        if not (self.starts_on and self.ends_on):
            return title
        dates = f"{short_date(self.starts_on, year=False)} – {short_date(self.ends_on)}"
        return f"{title} · {self.status().capitalize()} · {dates}"

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["status"] = self.status()
        context["book_url"] = self.book_url(request)
        # No query when Wagtail routed here: routing keeps each page's parent.
        context["index_page"] = self.get_parent()
        context.update(breadcrumb_context(self, request))
        # The page and its structured data both list the treatments: read them once.
        # With their pages, which the special links to, in the same query.
        prefetch_related_objects([self], Prefetch("treatments", queryset=Treatment.objects.select_related("page")))
        return context


@register_setting(icon="tag")
class SpecialsSettings(BaseSiteSetting):
    """Which special the announcement bar features."""

    featured_special = models.ForeignKey(
        SpecialPage,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="Shown in the bar while it runs. Leave empty, or once it ends, the running special "
        "that ends soonest is shown. With no running special there is no bar.",
    )

    panels = [FieldPanel("featured_special")]

    class Meta:
        verbose_name = "announcement bar"
