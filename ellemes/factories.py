"""Factories for the shared models: images, treatments, the home page with its site, and the clinic's details."""

import datetime
from decimal import Decimal
from urllib.parse import urlsplit

import factory
import wagtail_factories
from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.utils.text import slugify
from factory.django import DjangoModelFactory
from wagtail.models import Collection, Page, Site

from ellemes.models import ClinicImage, ClinicSettings, HomePage, Treatment, opening_day, social_link


class ImageFactory(wagtail_factories.ImageFactory):
    """A small generated JPEG with alt text, in the root collection."""

    class Meta:
        model = ClinicImage
        django_get_or_create = ("title",)
        skip_postgeneration_save = True

    title = factory.Sequence(lambda n: f"Test image {n}")
    alt_text = factory.LazyAttribute(lambda image: f"Photo: {image.title}")
    collection = factory.LazyFunction(Collection.get_first_root_node)
    file = factory.django.ImageField(width=120, height=80, color="pink", format="JPEG", filename="test.jpg")

    @factory.post_generation
    def file_metadata(image, create, extracted, **kwargs):
        """Size and hash, as the admin's upload form records them (else the first rendering saves the image)."""
        if create and not image.file_hash:
            image._set_image_file_metadata()
            image.save(update_fields=["file_size", "file_hash"])


class TreatmentFactory(DjangoModelFactory):
    """A treatment snippet; the same slug gives the same treatment."""

    class Meta:
        model = Treatment
        django_get_or_create = ("slug",)

    name = factory.Sequence(lambda n: f"Treatment {n}")
    slug = factory.LazyAttribute(lambda treatment: slugify(treatment.name))
    short_description = factory.LazyAttribute(lambda treatment: f"What {treatment.name} does.")


class PageFactory(wagtail_factories.PageFactory):
    """A page placed in the tree; a live one is published through a revision, as the admin does (publish=False: not)."""

    class Meta:
        abstract = True
        skip_postgeneration_save = True

    @factory.post_generation
    def publish(page, create, extracted, **kwargs):
        if create and extracted is not False and page.live and page.last_published_at is None:
            page.save_revision().publish()


def _root():
    return Page.get_first_root_node()


class HomePageFactory(PageFactory):
    """The home page, made the root of the default site (as `load_demo_content` does); one per database."""

    class Meta:
        model = HomePage
        django_get_or_create = ("parent", "slug")
        skip_postgeneration_save = True

    parent = factory.LazyFunction(_root)
    title = "Home"
    slug = "home"
    hero_heading = "Skin care and aesthetic medicine, done with care"
    hero_text = "Licensed clinicians in Atlanta offering natural-looking results and honest advice."
    intro = "<p>At ELLEMES Medical Spa every treatment starts with a conversation.</p>"
    hero_image = factory.SubFactory(
        ImageFactory,
        title="Calm treatment room",
        alt_text="A calm, sunlit treatment room at ELLEMES Medical Spa",
        file__width=400,
        file__height=200,
    )

    @classmethod
    def _create(cls, model_class, *args, **kwargs):
        # Wagtail's install leaves a placeholder "Welcome" page, with the default site on it, where the home belongs.
        Page.objects.filter(depth=2, content_type=ContentType.objects.get_for_model(Page)).delete()
        return super()._create(model_class, *args, **kwargs)

    @factory.post_generation
    def site(home, create, extracted, **kwargs):
        if not create or Site.objects.filter(is_default_site=True, root_page=home).exists():
            return
        base_url = urlsplit(settings.WAGTAILADMIN_BASE_URL)
        Site.objects.update_or_create(
            is_default_site=True,
            defaults={
                "hostname": base_url.hostname or "localhost",
                "port": base_url.port or (443 if base_url.scheme == "https" else 80),
                "root_page": home,
                "site_name": "ELLEMES Medical Spa",
            },
        )


def home_page():
    """The home page of the default site, made on first use."""
    return HomePage.objects.first() or HomePageFactory()


def default_site():
    home_page()
    return Site.objects.get(is_default_site=True)


WEEK = [
    ("Mo", (10, 19)),
    ("Tu", (10, 19)),
    ("We", (10, 19)),
    ("Th", (10, 19)),
    ("Fr", (10, 19)),
    ("Sa", (10, 16)),
    ("Su", None),
]


def clinic_settings(site=None, *, hours=True, social=True, **fields):
    """The clinic's details for the default site, filled in as a clinic would; `fields` override any of them."""
    site = site or default_site()
    clinic = ClinicSettings.for_site(site)
    values = {
        "name": "ELLEMES Medical Spa",
        "phone": "(404) 555-0142",
        "email": "hello@ellemes.example",
        "inquiry_inbox": "frontdesk@ellemes.example",
        "street_address": "3500 Peachtree Rd NE, Suite 210",
        "city": "Atlanta",
        "region": "GA",
        "postal_code": "30326",
        "latitude": Decimal("33.851600"),
        "longitude": Decimal("-84.362000"),
        "price_range": "$$",
        "about_us": "ELLEMES Medical Spa is an Atlanta clinic for aesthetic medicine and skin care.",
        **fields,
    }
    if "logo" not in values:
        values["logo"] = ImageFactory(title="ELLEMES logo", alt_text="ELLEMES Medical Spa")
    for name, value in values.items():
        setattr(clinic, name, value)
    if hours and not clinic.opening_hours:
        clinic.opening_hours = [
            opening_day(weekday, *(datetime.time(hour) for hour in times or ())) for weekday, times in WEEK
        ]
    if social and not clinic.social_links:
        clinic.social_links = [
            social_link("Instagram", "https://www.instagram.com/"),
            social_link("Facebook", "https://www.facebook.com/"),
        ]
    clinic.save()
    return clinic
