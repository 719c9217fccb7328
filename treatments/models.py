"""The treatment catalog: Treatments › category › treatment, the price list and the finder by concern.

Each treatment page is linked to the `ellemes.Treatment` tag that articles, specials, staff
specialties and inquiries already carry, so everything tagged with it hangs from the page.
"""

import re
from urllib.parse import urlencode

from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.db.models import Q, prefetch_related_objects
from django.utils.functional import cached_property
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable, PageManager
from wagtail.search import index

from blog.models import ArticlePage
from ellemes.breadcrumbs import breadcrumb_context, breadcrumb_data
from ellemes.images import picture_specs, with_renditions
from ellemes.models import ClinicSettings, Treatment
from ellemes.models.pages import ClinicPage, IntroPage
from ellemes.visibility import PublishedPageQuerySet
from specials.models import SpecialPage
from staff.medical_review import MedicalReviewMixin, medical_review_panel
from staff.models import StaffMemberPage
from treatments import booking, structured_data
from treatments.blocks import FAQStreamBlock
from treatments.prices import PriceKind, PriceUnit, format_price

SLUG_PATTERN = re.compile(r"^[-a-z0-9]{1,80}$")
TEXT_FEATURES = ["bold", "italic", "link", "ul", "ol"]
FINDER_ARTICLES = 6


class Concern(ClusterableModel):
    """What a patient would like to improve (“Under-eye circles”); the finder lists the treatments for it."""

    name = models.CharField(max_length=80, unique=True, help_text="As a patient would say it, e.g. “Acne scars”.")
    slug = models.SlugField(
        max_length=80, unique=True, help_text="Used in the finder’s address, e.g. /treatments/?concern=acne-scars."
    )
    description = models.CharField(
        max_length=200, blank=True, help_text="One sentence shown in the finder, in plain words."
    )
    sort_order = models.PositiveSmallIntegerField(default=0, help_text="Lower numbers are listed first.")

    panels = [FieldPanel("name"), FieldPanel("slug"), FieldPanel("description"), FieldPanel("sort_order")]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]

    class Meta:
        ordering = ["sort_order", "name"]

    def __str__(self):
        return self.name


class TreatmentPageQuerySet(PublishedPageQuerySet):
    """Listings of treatments."""

    def for_cards(self):
        return with_renditions(self, "hero_image", *picture_specs("card")).prefetch_related("prices")


TreatmentPageManager = PageManager.from_queryset(TreatmentPageQuerySet)


class TreatmentIndexPage(RoutablePageMixin, IntroPage):
    """“Treatments”: the categories in page-tree order, the finder by concern and the price list."""

    parent_page_types = ["ellemes.HomePage"]
    subpage_types = ["treatments.TreatmentCategoryPage"]
    max_count = 1

    def categories(self, with_images=True):
        """The live categories, each with its live treatments (`category.listed`), in page-tree order."""
        treatments = TreatmentPage.objects.published().order_by("path")
        treatments = treatments.for_cards() if with_images else treatments.prefetch_related("prices")
        categories = list(TreatmentCategoryPage.objects.child_of(self).published().order_by("path"))
        by_path = {category.path: category for category in categories}
        for category in categories:
            category.listed = []
        for treatment in treatments.descendant_of(self):
            category = by_path.get(treatment.path[: -TreatmentPage.steplen])
            if category is not None:
                category.listed.append(treatment)
        return [category for category in categories if category.listed]

    def concerns(self):
        return list(Concern.objects.all())

    @path("")
    def index_route(self, request):
        concerns = self.concerns()
        return self.render(
            request,
            context_overrides={
                "categories": self.categories(),
                "concerns": concerns,
                **self.finder(request.GET.get("concern"), concerns),
            },
        )

    @path("prices/", name="prices")
    def price_list(self, request):
        categories = self.categories(with_images=False)
        trail = breadcrumb_context(self, request)["breadcrumbs"]
        trail.append(
            {"title": "Price list", "url": self.url + "prices/", "full_url": self.get_full_url(request) + "prices/"}
        )
        return self.render(
            request,
            context_overrides={
                "categories": categories,
                "structured_data": structured_data.offer_catalog(self, categories, request),
                "breadcrumbs": trail,
                "breadcrumb_data": breadcrumb_data(trail),
            },
            template="treatments/price_list.html",
        )

    def finder(self, raw_slug, concerns):
        """The finder's answer for `?concern=`: matching treatments, articles and running specials, or a message."""
        if raw_slug is None:
            return {}
        slug = raw_slug.strip()
        concern = None
        if SLUG_PATTERN.match(slug):
            concern = next((c for c in concerns if c.slug == slug), None)
        if concern is None:
            return {"finder_message": "We could not find that concern. Please choose one from the list below."}
        treatments = list(
            TreatmentPage.objects.published().descendant_of(self).filter(concerns=concern).for_cards().order_by("path")
        )
        tag_ids = [treatment.treatment_id for treatment in treatments if treatment.treatment_id]
        articles = specials = []
        if tag_ids:
            articles = list(ArticlePage.objects.published().about(tag_ids).newest_first().for_cards()[:FINDER_ARTICLES])
            specials = list(
                SpecialPage.objects.published()
                .running()
                .filter(
                    pk__in=SpecialPage.treatments.through.objects.filter(treatment_id__in=tag_ids).values(
                        "specialpage_id"
                    )
                )
                .ending_soonest()
                .for_cards()
            )
        return {
            "concern": concern,
            "found_treatments": treatments,
            "found_articles": articles,
            "found_specials": specials,
        }

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.update(breadcrumb_context(self, request))
        return context

    def get_sitemap_urls(self, request=None):
        urls = super().get_sitemap_urls(request)
        return [*urls, *({**entry, "location": entry["location"] + "prices/"} for entry in urls)]


class TreatmentCategoryPage(IntroPage):
    """A group of treatments, such as Injectables; its treatments are listed in page-tree order."""

    parent_page_types = ["treatments.TreatmentIndexPage"]
    subpage_types = ["treatments.TreatmentPage"]

    def treatments(self):
        return TreatmentPage.objects.child_of(self).published().for_cards().order_by("path")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.update(breadcrumb_context(self, request), treatments=self.treatments())
        return context


class TreatmentPage(MedicalReviewMixin, ClinicPage):
    """A treatment: who it suits, how it works, what it costs, questions and answers, who performs it.

    Medical text goes live through the “Medical review” workflow, as articles do; a reviewer's
    approval stamps them and the day (`approval_stamp`), and the page says so while its text is
    the text they approved.
    """

    parent_page_types = ["treatments.TreatmentCategoryPage"]
    subpage_types = []

    patient_text_fields = {
        **ClinicPage.patient_text_fields,
        "Summary": "summary",
        "Hero image": "hero_image",
        "Suits": "suits",
        "Not suited to": "not_suited",
        "How it works": "how_it_works",
        "Sessions": "sessions",
        "Appointment length": "appointment_length",
        "Downtime": "downtime",
        "Results last": "results_duration",
        "Preparation": "preparation",
        "Aftercare": "aftercare",
        "Prices": "price_text",
        "Questions and answers": "faqs",
    }

    treatment = models.OneToOneField(
        "ellemes.Treatment",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="page",
        verbose_name="treatment tag",
        help_text="The tag on articles, specials, staff and inquiries that this page is about. Left empty, "
        "publishing the page creates one with its title and slug.",
    )
    summary = models.TextField(
        max_length=300, help_text="One or two sentences for listings, search results and search engines."
    )
    hero_image = models.ForeignKey(
        "ellemes.ClinicImage",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="Shown at the top of the page and on its card.",
    )
    suits = RichTextField("who it suits", blank=True, features=TEXT_FEATURES)
    not_suited = RichTextField(
        "who it does not suit",
        blank=True,
        features=TEXT_FEATURES,
        help_text="Contraindications, in plain words, e.g. pregnancy, active skin infection.",
    )
    how_it_works = RichTextField(blank=True, features=TEXT_FEATURES)
    sessions = models.CharField(
        max_length=100, blank=True, help_text="E.g. “One; a touch-up after two weeks if needed”."
    )
    appointment_length = models.CharField(max_length=100, blank=True, help_text="E.g. “30 minutes”.")
    downtime = models.CharField(max_length=100, blank=True, help_text="E.g. “None; slight redness for a day”.")
    results_duration = models.CharField(
        "how long results last", max_length=100, blank=True, help_text="E.g. “Three to four months”."
    )
    preparation = RichTextField(blank=True, features=TEXT_FEATURES)
    aftercare = RichTextField(blank=True, features=TEXT_FEATURES)
    faqs = StreamField(FAQStreamBlock(), blank=True, verbose_name="questions and answers")
    concerns = ParentalManyToManyField(
        Concern, blank=True, related_name="treatments", help_text="What it helps with: the finder lists it under these."
    )
    booking_url = models.URLField(
        "online booking link",
        blank=True,
        help_text="Optional: this treatment on the online booking site (https). Used only when online booking "
        "is set up under Settings › Clinic details; otherwise the clinic’s booking link is used.",
    )
    # The medical review record, as on articles: set only by a medical reviewer's approval.
    reviewed_by = models.ForeignKey(
        "staff.StaffMemberPage", null=True, blank=True, on_delete=models.SET_NULL, related_name="reviewed_treatments"
    )
    last_reviewed_on = models.DateField(null=True, blank=True)

    objects = TreatmentPageManager()

    content_panels = [
        *ClinicPage.content_panels,
        MultiFieldPanel([FieldPanel("summary"), FieldPanel("hero_image")], heading="Introduction"),
        MultiFieldPanel([FieldPanel("suits"), FieldPanel("not_suited")], heading="Who it suits"),
        MultiFieldPanel(
            [
                FieldPanel("how_it_works"),
                FieldRowPanel([FieldPanel("sessions"), FieldPanel("appointment_length")]),
                FieldRowPanel([FieldPanel("downtime"), FieldPanel("results_duration")]),
            ],
            heading="The treatment",
        ),
        MultiFieldPanel([FieldPanel("preparation"), FieldPanel("aftercare")], heading="Before and after"),
        InlinePanel("prices", heading="Prices", label="Price", min_num=0),
        FieldPanel("faqs"),
        FieldPanel("concerns", widget=forms.CheckboxSelectMultiple),
        medical_review_panel(),
    ]
    promote_panels = ClinicPage.promote_panels + [FieldPanel("treatment"), FieldPanel("booking_url")]
    search_fields = ClinicPage.search_fields + [
        # A treatment outranks articles that merely mention it.
        index.SearchField("title", boost=3),
        index.AutocompleteField("title"),
        index.SearchField("summary", boost=2),
        index.SearchField("how_it_works"),
        index.SearchField("faqs"),
        index.RelatedFields("concerns", [index.SearchField("name")]),
    ]

    class Meta:
        verbose_name = "treatment"

    def clean(self):
        super().clean()
        if self.booking_url and not self.booking_url.lower().startswith("https://"):
            raise ValidationError({"booking_url": booking.HTTPS_MESSAGE})
        if self.treatment_id:
            taken = TreatmentPage.objects.filter(treatment_id=self.treatment_id).exclude(pk=self.pk).first()
            if taken is not None:
                raise ValidationError({"treatment": f"“{taken.title}” already describes this treatment."})

    def save(self, *args, **kwargs):
        # A live treatment always has its tag, so articles, specials, staff and inquiries can name it.
        if self.live and self.treatment_id is None and self.slug and self.title:
            self.treatment = self._find_or_create_tag()
            if kwargs.get("update_fields") is not None:
                kwargs["update_fields"] = [*kwargs["update_fields"], "treatment"]
        super().save(*args, **kwargs)

    def _find_or_create_tag(self):
        tag = Treatment.objects.filter(Q(slug=self.slug) | Q(name=self.title)).filter(page__isnull=True).first()
        if tag is None and not Treatment.objects.filter(Q(slug=self.slug) | Q(name=self.title)).exists():
            tag = Treatment.objects.create(
                name=self.title[:80], slug=self.slug[:80], short_description=self.summary[:255]
            )
        return tag

    @property
    def price_text(self):
        """Every price with its note, as patients read them (for the claims check and the review stamp)."""
        return "\n".join(f"{price.label} {price.formatted} {price.note}".strip() for price in self.prices.all())

    @property
    def intro(self):
        return self.summary

    @property
    def main_price(self):
        """The first price: what cards, the price list's headline and a special's regular price use."""
        prices = list(self.prices.all())
        return prices[0] if prices else None

    @cached_property
    def providers(self):
        """The live staff who perform it (their profiles' specialties), with their license type."""
        if not self.treatment_id:
            return []
        return list(
            StaffMemberPage.objects.published()
            .filter(specialties=self.treatment_id)
            .order_by("path")
            .select_related("photo")
        )

    def related_articles(self):
        if not self.treatment_id:
            return []
        return list(ArticlePage.objects.published().about([self.treatment_id]).newest_first().for_cards()[:3])

    def running_specials(self):
        if not self.treatment_id:
            return []
        return list(
            SpecialPage.objects.published().running().filter(treatments=self.treatment_id).ending_soonest().for_cards()
        )

    def booking_query(self, provider=None):
        """The query that opens the inquiry form with this treatment (and the provider) chosen."""
        query = {}
        if self.treatment_id:
            query["treatment"] = self.treatment.slug
        if provider is not None:
            query["staff"] = provider.slug
        return f"?{urlencode(query)}" if query else ""

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # The template, the structured data and the claims check all read the prices: once.
        prefetch_related_objects([self], "prices")
        clinic = ClinicSettings.for_request(request)
        specials = self.running_specials()
        context.update(
            breadcrumb_context(self, request),
            providers=self.providers,
            booking_query=self.booking_query(),
            provider_booking=[
                {
                    "provider": provider,
                    "online": booking.online_booking(clinic, self, provider),
                    "query": self.booking_query(provider),
                }
                for provider in self.providers
            ],
            related_articles=self.related_articles(),
            running_specials=specials,
            online_booking=booking.online_booking(clinic, self),
            structured_data=structured_data.treatment_data(self, request, clinic),
            faq_data=structured_data.faq_page(self),
        )
        return context


class TreatmentPrice(Orderable):
    """One line of a treatment's prices: “from $12 per unit”, “$300–$450 per session”."""

    page = ParentalKey(TreatmentPage, on_delete=models.CASCADE, related_name="prices")
    label = models.CharField(
        max_length=80,
        blank=True,
        help_text="Optional, when there are several prices, e.g. “Upper lip”, “Package of 6”.",
    )
    amount = models.DecimalField(
        "price",
        max_digits=8,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(0, "A price cannot be negative.")],
        help_text="In US dollars, e.g. 12 or 650.00.",
    )
    kind = models.CharField(max_length=10, choices=PriceKind.choices, default=PriceKind.EXACT)
    upper_amount = models.DecimalField(
        "up to",
        max_digits=8,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(0, "A price cannot be negative.")],
        help_text="For a range only: the highest price, in US dollars.",
    )
    unit = models.CharField(max_length=10, choices=PriceUnit.choices, blank=True)
    note = models.CharField(max_length=160, blank=True, help_text="Optional, e.g. “Most foreheads need 10–20 units”.")

    panels = [
        FieldPanel("label"),
        FieldRowPanel([FieldPanel("kind"), FieldPanel("amount"), FieldPanel("upper_amount"), FieldPanel("unit")]),
        FieldPanel("note"),
    ]

    def clean(self):
        super().clean()
        errors = {}
        if self.amount is None:
            errors["amount"] = "Give the price in US dollars, or delete this price."
        elif not self.unit:
            errors["unit"] = "Choose what the price is for: per unit, syringe, session, area or package."
        if self.kind == PriceKind.RANGE:
            if self.upper_amount is None:
                errors["upper_amount"] = "A range needs its highest price."
            elif self.amount is not None and self.upper_amount < self.amount:
                errors["upper_amount"] = "The highest price cannot be below the lowest."
        elif self.upper_amount is not None:
            errors["upper_amount"] = "Only a range has a highest price: choose “Range”, or leave this empty."
        if errors:
            raise ValidationError(errors)

    @property
    def formatted(self):
        return format_price(self.amount, self.kind, self.unit, self.upper_amount)

    def __str__(self):
        return f"{self.label} {self.formatted}".strip()


def treatments_with_concerns():
    """For the home page: each concern that has a treatment a visitor may see."""
    shown = TreatmentPage.objects.published().values("pk")
    return list(Concern.objects.filter(treatments__in=shown).distinct().order_by("sort_order", "name"))
