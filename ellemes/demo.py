"""Demo content shared by every app: images, clinic details, treatments and the page tree.

`manage.py load_demo_content` runs `load_demo(loader)` from each installed app's
`demo` module in INSTALLED_APPS order, so every app contributes its own part.
"""

import datetime
import io
from decimal import Decimal
from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.files.images import ImageFile
from wagtail.models import Page, Site

from ellemes.demo_art import ARTWORKS, file_name, painted_jpeg
from ellemes.models import WEEKDAYS, ClinicImage, ClinicSettings, HomePage, Treatment, opening_day, social_link

TREATMENTS = [
    ("Botox", "botox", "Neuromodulator injections that soften expression lines."),
    (
        "Eye treatments",
        "eye-treatments",
        "Care for the delicate skin around the eyes: lines, puffiness and dark circles.",
    ),
    ("Dermaplaning", "dermaplaning", "Gentle exfoliation that removes dead skin and fine facial hair."),
    ("Laser treatments", "laser-treatments", "Light-based treatments for tone, texture, redness and hair removal."),
    ("Chemical peels", "chemical-peels", "Controlled exfoliation that renews the surface of the skin."),
    ("Dermal fillers", "dermal-fillers", "Hyaluronic acid fillers that restore volume and contour."),
]


# The demo's contact details are not the clinic's: said on the site (About Us) and when the demo loads.
DEMO_NOTE = "This is a demonstration site: its phone number, email address and social links are examples."


class DemoLoader:
    """What each app's `load_demo` receives: shared helpers and a way to report progress."""

    def __init__(self, stdout=None, today=None):
        self.stdout = stdout
        self.today = today or datetime.date.today()
        self.created = 0

    def say(self, message):
        if self.stdout:
            self.stdout.write(message)

    def image(self, title, artwork, palette="blush", size=(1600, 1067)):
        """A painted demo image (ellemes/demo_art.py) whose alt text says what it shows: made once, found by title."""
        existing = ClinicImage.objects.filter(title=title).first()
        if existing:
            return existing
        art = ARTWORKS[artwork]
        image = ClinicImage(title=title, alt_text=art.describe(palette), is_decorative=art.decorative)
        image.file = ImageFile(
            io.BytesIO(painted_jpeg(artwork, palette, size, seed=title)), name=file_name(artwork, palette, title)
        )
        image.save()
        self.created += 1
        return image

    @property
    def home(self):
        return HomePage.objects.get()

    def child_page(self, parent, model, slug, **fields):
        """Create `model` under `parent` at `slug` once; later runs leave an existing page alone."""
        existing = model.objects.child_of(parent).filter(slug=slug).first()
        if existing:
            return existing
        page = model(slug=slug, **fields)
        parent.add_child(instance=page)
        page.save_revision().publish()
        self.created += 1
        return page


def load_demo(loader):
    # No logo is uploaded: the header shows the ELLEMES wordmark until the clinic uploads one.
    hero = loader.image("Home page: eucalyptus", "eucalyptus", palette="blush", size=(2000, 1000))

    for name, slug, description in TREATMENTS:
        _, made = Treatment.objects.get_or_create(slug=slug, defaults={"name": name, "short_description": description})
        loader.created += made
    loader.say(f"  treatments: {Treatment.objects.count()}")

    home = HomePage.objects.first()
    if home is None:
        # Wagtail's install leaves a placeholder "Welcome" page (and a site on it) where the home page belongs.
        Page.objects.filter(depth=2, content_type=ContentType.objects.get_for_model(Page)).delete()
        home = HomePage(
            title="Home",
            slug="home",
            hero_heading="Skin care and aesthetic medicine, done with care",
            hero_text="Licensed clinicians in Atlanta offering natural-looking results and honest advice.",
            hero_image=hero,
            intro="<p>At ELLEMES Medical Spa every treatment starts with a conversation. "
            "We listen, explain the options and their risks, and plan care that suits your skin and your life.</p>",
            seo_title="ELLEMES Medical Spa | Aesthetic treatments in Atlanta",
            search_description="Medical spa in Atlanta offering Botox, fillers, laser, peels and dermaplaning "
            "by licensed clinicians. Read our treatment guides and current specials.",
        )
        Page.get_first_root_node().add_child(instance=home)
        home.save_revision().publish()
        loader.created += 1
    base_url = urlsplit(settings.WAGTAILADMIN_BASE_URL)
    site, made = Site.objects.get_or_create(
        is_default_site=True,
        defaults={
            "hostname": base_url.hostname or "localhost",
            "port": base_url.port or (443 if base_url.scheme == "https" else 80),
            "root_page": home,
            "site_name": "ELLEMES Medical Spa",
        },
    )
    loader.created += made

    clinic = ClinicSettings.for_site(site)
    if not clinic.phone:
        clinic.name = "ELLEMES Medical Spa"
        clinic.phone = "(404) 555-0142"
        # Example values, on the domain reserved for examples: the demo must not send anyone to a real inbox.
        clinic.email = "hello@example.com"
        clinic.inquiry_inbox = "frontdesk@example.com"
        clinic.street_address = "3500 Peachtree Rd NE, Suite 210"
        clinic.city = "Atlanta"
        clinic.region = "GA"
        clinic.postal_code = "30326"
        clinic.about_us = (
            "ELLEMES Medical Spa is an Atlanta clinic for aesthetic medicine and skin care. "
            "Our licensed team works under physician supervision and takes the time to explain every option. "
            + DEMO_NOTE
        )
        weekday_hours = (datetime.time(10), datetime.time(19))
        saturday_hours = (datetime.time(10), datetime.time(16))
        clinic.opening_hours = [
            opening_day(code, *({"Su": (), "Sa": saturday_hours}.get(code, weekday_hours))) for code, _ in WEEKDAYS
        ]
        clinic.social_links = [
            social_link(network, f"https://example.com/{network.lower()}") for network in ["Instagram", "Facebook"]
        ]
        clinic.save()
        loader.created += 1
    if not clinic.has_coordinates and not clinic.price_range:
        # Added after the first demo sites were built, so an existing one gains them too.
        clinic.latitude, clinic.longitude = Decimal("33.851600"), Decimal("-84.362000")  # Peachtree Rd, Buckhead
        clinic.price_range = "$$"
        clinic.save()
        loader.created += 1
    loader.say("  home page and clinic details")
    loader.say(f"  note: {DEMO_NOTE} Replace them under Settings › Clinic details.")


def reset_demo():
    HomePage.objects.all().delete()
    Site.objects.all().delete()
    ClinicSettings.objects.all().delete()
    Treatment.objects.all().delete()
    # Wagtail removes each image's file once the image is deleted.
    ClinicImage.objects.all().delete()


MENU_ORDER = ["treatments", "blog", "specials", "staff", "contact"]


def finish_demo(loader):
    """Order the sections as on the clinic's current site.

    Every app's `finish_demo` runs after all the sections exist; this one runs first.
    """
    _order_sections(loader)


def _order_sections(loader):
    home = loader.home
    children = {page.slug: page for page in home.get_children()}
    expected = [slug for slug in MENU_ORDER if slug in children]
    actual = [page.slug for page in home.get_children() if page.slug in expected]
    if actual != expected:
        for slug in expected:
            children[slug].move(home, pos="last-child")
