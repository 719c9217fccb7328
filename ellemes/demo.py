"""Demo content shared by every app: images, clinic details, treatments and the page tree.

`manage.py load_demo_content` runs `load_demo(loader)` from each installed app's
`demo` module in INSTALLED_APPS order, so every app contributes its own part.
"""

import datetime
import io
import random
from decimal import Decimal
from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.files.images import ImageFile
from PIL import Image as PILImage
from PIL import ImageDraw, ImageFilter, ImageFont
from wagtail.models import Page, Site

from ellemes.models import ClinicImage, ClinicSettings, HomePage, OpeningHours, SocialLink, Treatment

PALETTES = {
    "blush": ((247, 226, 233), (196, 128, 160)),
    "plum": ((120, 52, 88), (238, 200, 216)),
    "ink": ((74, 26, 50), (107, 39, 72)),
    "sage": ((214, 228, 216), (120, 150, 132)),
    "sand": ((244, 232, 214), (190, 150, 120)),
    "mist": ((226, 232, 244), (130, 146, 190)),
}

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

    def image(self, title, alt_text, palette="blush", size=(1600, 1067), portrait=False, lettering=None):
        """A generated image, made once and found by title afterwards."""
        existing = ClinicImage.objects.filter(title=title).first()
        if existing:
            return existing
        image = ClinicImage(title=title, alt_text=alt_text)
        image.file = ImageFile(
            io.BytesIO(_painted_jpeg(title, palette, size, portrait, lettering)), name=f"demo-{_slug(title)}.jpg"
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


def _slug(text):
    return "".join(c if c.isalnum() else "-" for c in text.lower()).strip("-")[:60]


def _painted_jpeg(seed, palette, size, portrait, lettering=None):
    rng = random.Random(seed)
    background, accent = PALETTES[palette]
    width, height = size
    canvas = PILImage.new("RGB", size, background)
    draw = ImageDraw.Draw(canvas)
    for _ in range(9):
        radius = rng.randint(height // 6, height // 2)
        x, y = rng.randint(0, width), rng.randint(0, height)
        tint = tuple(int(b + (a - b) * rng.uniform(0.25, 0.6)) for a, b in zip(accent, background, strict=True))
        draw.ellipse((x - radius, y - radius, x + radius, y + radius), fill=tint)
    if portrait:
        # A soft head-and-shoulders silhouette so staff photos read as portraits.
        cx = width // 2
        draw.ellipse((cx - width // 6, height // 5, cx + width // 6, height // 5 + width // 3), fill=accent)
        draw.ellipse((cx - width // 3, int(height * 0.62), cx + width // 3, int(height * 1.3)), fill=accent)
    canvas = canvas.filter(ImageFilter.GaussianBlur(radius=max(width, height) // 120))
    if lettering:
        draw = ImageDraw.Draw(canvas)
        font = ImageFont.load_default(size=height // 3)
        draw.text((width // 2, height // 2), lettering, font=font, fill="white", anchor="mm")
    buffer = io.BytesIO()
    canvas.save(buffer, format="JPEG", quality=82, optimize=True)
    return buffer.getvalue()


def load_demo(loader):
    logo = loader.image("ELLEMES logo", "ELLEMES Medical Spa", palette="ink", size=(480, 160), lettering="ELLEMES")
    hero = loader.image(
        "Calm treatment room",
        "A calm, sunlit treatment room at ELLEMES Medical Spa",
        palette="blush",
        size=(2000, 1000),
    )

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
        clinic.logo = logo
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
        clinic.save()
        weekday_hours = (datetime.time(10), datetime.time(19))
        for order, (code, _) in enumerate(OpeningHours.WEEKDAYS):
            if code == "Su":
                OpeningHours.objects.create(settings=clinic, sort_order=order, weekday=code, closed=True)
            elif code == "Sa":
                OpeningHours.objects.create(
                    settings=clinic, sort_order=order, weekday=code, opens=datetime.time(10), closes=datetime.time(16)
                )
            else:
                OpeningHours.objects.create(
                    settings=clinic, sort_order=order, weekday=code, opens=weekday_hours[0], closes=weekday_hours[1]
                )
        for order, network in enumerate(["Instagram", "Facebook"]):
            SocialLink.objects.create(
                settings=clinic, sort_order=order, network=network, url=f"https://example.com/{network.lower()}"
            )
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
