import math
import re
from urllib.parse import urlencode

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Case, IntegerField, Q, Value, When, prefetch_related_objects
from django.db.models.functions import Coalesce
from django.utils.functional import cached_property
from django.utils.html import strip_tags
from django.utils.text import slugify
from django.utils.timezone import localdate
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.models import Orderable, PageManager
from wagtail.search import index

from blog.blocks import ArticleBodyBlock
from blog.feeds import LatestArticlesFeed
from ellemes import public_urls
from ellemes.breadcrumbs import breadcrumb_context
from ellemes.images import SHARE_IMAGE, picture_specs, with_renditions
from ellemes.models import ClinicSettings, Treatment
from ellemes.models.pages import ClinicPage, IntroPage
from ellemes.pagination import clamped_page
from ellemes.structured_data import clinic_business, logo_url
from ellemes.visibility import PublishedPageQuerySet
from staff.medical_review import MedicalReviewMixin, medical_review_panel
from staff.models import StaffMemberPage

# Twelve fill whole rows at one, two, three or four cards across: no page but the last ends on a lone card.
ARTICLES_PER_PAGE = 12
RELATED_ARTICLES = 3
TOC_MIN_HEADINGS = 3
WORDS_PER_MINUTE = 200
SLUG_PATTERN = re.compile(r"^[-a-zA-Z0-9_]{1,80}$")


class ArticlePageQuerySet(PublishedPageQuerySet):
    """Listings of articles."""

    def newest_first(self, *before):
        """Newest first, after any orderings in `before`."""
        # An article updated recently counts as new: patients should see current advice first.
        return self.order_by(*before, Coalesce("updated_on", "published_on").desc(), "-published_on", "-pk")

    def for_cards(self):
        """Everything a card shows, in a fixed number of queries however many cards there are."""
        return with_renditions(self, "hero_image", *picture_specs("card"))

    def by_or_reviewed_by(self, member):
        """Written or medically reviewed by `member` (a staff profile): their articles, as their profile lists them."""
        return self.filter(Q(author=member) | Q(reviewed_by=member))

    def about(self, treatment_ids):
        through = ArticlePage.treatments.through.objects.filter(treatment_id__in=treatment_ids)
        return self.filter(pk__in=through.values("articlepage_id"))


ArticlePageManager = PageManager.from_queryset(ArticlePageQuerySet)


class BlogIndexPage(RoutablePageMixin, IntroPage):
    """The list of treatment articles, and their RSS feed at `feed/`."""

    parent_page_types = ["ellemes.HomePage"]
    subpage_types = ["blog.ArticlePage"]
    max_count = 1

    # The shared layout links every menu page's feed (`ellemes_tags.main_menu`): "<clinic name>: articles".
    feed_name = "articles"
    latest_articles_feed = LatestArticlesFeed()

    def articles(self):
        return ArticlePage.objects.child_of(self).published()

    @path("feed/", name="feed")
    def feed(self, request):
        return self.latest_articles_feed(request, blog_index=self)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        treatment_slug = request.GET.get("treatment", "").strip()
        treatment = None
        if treatment_slug:
            if SLUG_PATTERN.match(treatment_slug):
                treatment = Treatment.objects.filter(slug=treatment_slug).first()
            context.update(treatment=treatment, treatment_slug=treatment_slug)
            if treatment:
                context["pagination_query"] = urlencode({"treatment": treatment.slug})
        # `?staff=<slug>`: the articles a member of the team wrote or reviewed (linked from their profile).
        staff_slug = request.GET.get("staff", "").strip()
        member = None
        if staff_slug:
            if SLUG_PATTERN.match(staff_slug):
                member = StaffMemberPage.objects.on_show().filter(slug=staff_slug).first()
            context.update(staff_member=member, staff_slug=staff_slug)
            if member:
                context["pagination_query"] = urlencode({"staff": member.slug})
        context["articles"] = self._articles_page(
            treatment, treatment_slug, request.GET.get("page"), member=member, staff_slug=staff_slug
        )
        context["treatments"] = self.treatments_in_use()
        context.update(breadcrumb_context(self, request))
        return context

    def _articles_page(self, treatment, treatment_slug, page_number, member=None, staff_slug=""):
        articles = self.articles().newest_first()
        if treatment_slug:
            articles = articles.about([treatment.pk]) if treatment else articles.none()
        if staff_slug:
            articles = articles.by_or_reviewed_by(member) if member else articles.none()
        return clamped_page(articles.for_cards(), ARTICLES_PER_PAGE, page_number)

    def treatments_in_use(self):
        """The treatments that published articles are about: the filter offers only those."""
        published = self.articles().values("pk")
        return list(
            Treatment.objects.filter(
                pk__in=ArticlePage.treatments.through.objects.filter(articlepage_id__in=published).values(
                    "treatment_id"
                )
            )
        )


class ArticlePage(MedicalReviewMixin, ClinicPage):
    """A treatment article that shows who wrote it and, while its text is the text they approved, who reviewed it.

    Articles go live through the "Medical review" workflow; a medical reviewer's approval stamps
    the reviewer and the day (`approval_stamp`) into what goes live.
    """

    patient_text_fields = {
        **ClinicPage.patient_text_fields,
        "Introduction": "intro",
        "Hero image": "hero_image",
        "Body": "body",
    }

    parent_page_types = ["blog.BlogIndexPage"]
    subpage_types = []

    intro = models.TextField(
        max_length=300,
        help_text="One or two sentences for listings, search results and the description search engines show.",
    )
    hero_image = models.ForeignKey(
        "ellemes.ClinicImage",
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="Shown at the top of the article, on cards and when the article is shared.",
    )
    body = StreamField(
        ArticleBodyBlock(),
        help_text="The article itself: paragraphs, headings, images, quotes and call-outs. "
        "Three or more headings give it a table of contents.",
    )
    author = models.ForeignKey(
        "staff.StaffMemberPage",
        null=True,
        on_delete=models.SET_NULL,
        related_name="authored_articles",
        help_text="The member of staff who wrote it; their name links to their profile.",
    )
    published_on = models.DateField(
        "first published", default=localdate, help_text="The day the article first appeared on the site."
    )
    updated_on = models.DateField(
        "updated",
        null=True,
        blank=True,
        help_text="Set this when what the article says changes. Other edits leave it alone.",
    )
    reviewed_by = models.ForeignKey(
        "staff.StaffMemberPage",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="reviewed_articles",
        help_text="A licensed clinician who checked the medical content. "
        "Approving the medical review fills this in with the approving reviewer.",
    )
    last_reviewed_on = models.DateField(
        null=True,
        blank=True,
        help_text="The day of the last medical review; approving the medical review sets it to that day. "
        "Saving the page does not change it.",
    )
    treatments = ParentalManyToManyField(
        "ellemes.Treatment",
        blank=True,
        related_name="articles",
        help_text="The treatments it is about: the blog can be filtered by them, and related articles share them.",
    )

    objects = ArticlePageManager()

    content_panels = [
        *ClinicPage.content_panels,
        MultiFieldPanel([FieldPanel("intro"), FieldPanel("hero_image")], heading="Introduction"),
        FieldPanel("body"),
        MultiFieldPanel(
            [FieldPanel("author"), FieldRowPanel([FieldPanel("published_on"), FieldPanel("updated_on")])],
            heading="Author and dates",
        ),
        medical_review_panel("article"),
        FieldPanel("treatments", widget=forms.CheckboxSelectMultiple),
        InlinePanel("related_links", heading="Related articles", label="Related article", max_num=RELATED_ARTICLES),
    ]
    search_fields = ClinicPage.search_fields + [
        index.SearchField("intro"),
        index.SearchField("body"),
        index.RelatedFields("treatments", [index.SearchField("name")]),
        index.FilterField("published_on"),
    ]

    class Meta:
        verbose_name = "article"

    def clean(self):
        super().clean()
        errors = {}
        today = localdate()
        if self.updated_on and self.published_on and self.updated_on < self.published_on:
            errors["updated_on"] = "An article cannot be updated before it was first published."
        if self.updated_on and self.updated_on > today:
            errors["updated_on"] = "The update date cannot be in the future."
        if self.last_reviewed_on and self.last_reviewed_on > today:
            errors["last_reviewed_on"] = "The review date cannot be in the future."
        if self.reviewed_by_id and not self.last_reviewed_on:
            errors["last_reviewed_on"] = "Give the date of the medical review."
        if self.last_reviewed_on and not self.reviewed_by_id:
            errors["reviewed_by"] = "Choose who carried out the medical review."
        if self.reviewed_by_id and not self.reviewed_by.license_type:
            errors["reviewed_by"] = "A medical review needs a licensed clinician; this person has no license type."
        if self.hero_image_id and not self.hero_image.default_alt_text:
            errors["hero_image"] = "The hero image needs alt text; this one is marked decorative."
        if errors:
            raise ValidationError(errors)

    @property
    def display_date(self):
        return self.updated_on or self.published_on

    @cached_property
    def reading_minutes(self):
        # Read from the stored data: converting the blocks would load every chosen image and page.
        words = len(self.intro.split()) + sum(len(_block_text(block).split()) for block in self.body.raw_data)
        return max(1, math.ceil(words / WORDS_PER_MINUTE))

    @cached_property
    def headings(self):
        """Section headings in order, each with an anchor that is unique within the article."""
        headings, used = [], set()
        for position, block in enumerate(self.body.raw_data):
            if block["type"] != "heading":
                continue
            text = block["value"]["text"]
            base = slugify(text) or "section"
            anchor, n = base, 2
            while anchor in used:
                anchor, n = f"{base}-{n}", n + 1
            used.add(anchor)
            headings.append({"position": position, "text": text, "level": block["value"]["level"], "anchor": anchor})
        return headings

    @property
    def table_of_contents(self):
        return self.headings if len(self.headings) >= TOC_MIN_HEADINGS else []

    @property
    def body_with_anchors(self):
        anchors = {heading["position"]: heading["anchor"] for heading in self.headings}
        return [(block, anchors.get(position)) for position, block in enumerate(self.body)]

    def related_articles(self):
        """Editors' picks first, then the newest articles on the same treatments; never this one; at most three."""
        self._load_related()
        exclude = [self.pk] if self.pk else []
        picked_ids = list(
            dict.fromkeys(link.related_id for link in self.related_links.all() if link.related_id not in exclude)
        )
        treatment_ids = [treatment.pk for treatment in self.treatments.all()]
        if not picked_ids and not treatment_ids:
            return []
        # One query for both: the picks sort first, in the editors' order, then the newest on the treatments.
        pick_order = Case(
            *(When(pk=pk, then=Value(position)) for position, pk in enumerate(picked_ids)),
            default=Value(len(picked_ids)),
            output_field=IntegerField(),
        )
        candidates = Q(pk__in=picked_ids)
        if treatment_ids:
            candidates |= Q(pk__in=ArticlePage.objects.about(treatment_ids).values("pk"))
        related = (
            ArticlePage.objects.published()
            .filter(candidates)
            .exclude(pk__in=exclude)
            .annotate(pick_order=pick_order)
            .newest_first("pick_order")
            .for_cards()
        )
        return list(related[:RELATED_ARTICLES])

    def _load_people(self):
        """The author and the reviewer in one query (often the same person)."""
        ids = {pk for pk in (self.author_id, self.reviewed_by_id) if pk}
        if not ids:
            return
        people = self._meta.get_field("author").related_model.objects.in_bulk(ids)
        if self.author_id in people:
            self.author = people[self.author_id]
        if self.reviewed_by_id in people:
            self.reviewed_by = people[self.reviewed_by_id]

    def structured_data(self, request):
        """Schema.org MedicalWebPage data: who wrote it, who reviewed it, when, and who publishes it."""
        self._load_related()
        clinic = ClinicSettings.for_request(request)
        url = self.get_full_url(request)
        site = public_urls.public_site(request)
        publisher = clinic_business(clinic, site)
        publisher["logo"] = {"@type": "ImageObject", "url": logo_url(clinic, site)}
        data = {
            "@context": "https://schema.org",
            "@type": "MedicalWebPage",
            "headline": self.title,
            "name": self.title,
            "description": self.meta_description,
            "url": url,
            "mainEntityOfPage": url,
            "datePublished": self.published_on.isoformat(),
            "dateModified": self.display_date.isoformat(),
            "publisher": publisher,
        }
        if self.hero_image:
            data["image"] = public_urls.absolute_url(site, self.hero_image.get_rendition(SHARE_IMAGE).url)
        if self.author:
            data["author"] = self.author.schema_person(request)
        if self.medical_review_is_current:
            data["reviewedBy"] = self.reviewed_by.schema_person(request)
            data["lastReviewed"] = self.last_reviewed_on.isoformat()
        treatments = [{"@type": "MedicalProcedure", "name": t.name} for t in self.treatments.all()]
        if treatments:
            data["about"] = treatments
        return data

    def _load_related(self):
        """Treatments, related links, author and reviewer: read once for the structured data, the related
        articles and the template."""
        if self.pk and not getattr(self, "_related_loaded", False):
            prefetch_related_objects([self], "treatments", "related_links")
            self._load_people()
            self._related_loaded = True

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.update(
            breadcrumb_context(self, request),
            structured_data=self.structured_data(request),
            related_articles=self.related_articles(),
        )
        return context


TEXT_FIELDS = {
    "heading": ["text"],
    "image": ["caption"],
    "pull_quote": ["quote", "attribution"],
    "callout": ["title", "text"],
    "call_to_action": ["heading", "text"],
}


def _plain(html):
    # A space before each tag keeps words in neighboring paragraphs apart.
    return strip_tags((html or "").replace("<", " <"))


def _block_text(block):
    value = block["value"]
    if block["type"] == "paragraph":
        return _plain(value)
    return " ".join(_plain(value.get(name)) for name in TEXT_FIELDS.get(block["type"], []))


class ArticleRelatedLink(Orderable):
    """An article an editor chose to show under another one."""

    page = ParentalKey("blog.ArticlePage", on_delete=models.CASCADE, related_name="related_links")
    related = models.ForeignKey("blog.ArticlePage", on_delete=models.CASCADE, related_name="+")

    panels = [FieldPanel("related")]

    def clean(self):
        super().clean()
        if self.related_id and self.related_id == self.page_id:
            raise ValidationError({"related": "An article cannot be related to itself."})
