"""Small sites for tests, built with the apps' factories: the sections, a team, a few articles and a special."""

import datetime
from types import SimpleNamespace

from blog.factories import ArticlePageFactory, BlogIndexPageFactory, heading, paragraph
from blog.models import ArticleRelatedLink
from contact.factories import ContactPageFactory
from editorial.roles import apply_roles
from ellemes.factories import ImageFactory, TreatmentFactory, clinic_settings, home_page
from specials.factories import SpecialPageFactory, SpecialsIndexPageFactory
from specials.models import SpecialsSettings
from staff.factories import StaffIndexPageFactory, StaffMemberPageFactory
from staff.models import StaffSettings
from treatments.factories import TreatmentIndexPageFactory
from treatments.models import TreatmentIndexPage


def build_sections():
    """The home page's sections in the menu's order (treatments, blog, specials, team, contact); clinic details."""

    site = clinic_settings().site
    # The sections' own site settings exist, as on a site whose settings were opened once (else the first page
    # rendered would create them, and a saved setting counts as a change to public content).
    SpecialsSettings.for_site(site)
    StaffSettings.for_site(site)
    return SimpleNamespace(
        treatments=TreatmentIndexPage.objects.first()
        or TreatmentIndexPageFactory(parent=home_page(), show_in_menus=True),
        blog=BlogIndexPageFactory(),
        specials=SpecialsIndexPageFactory(),
        staff=StaffIndexPageFactory(),
        contact=ContactPageFactory(),
    )


def build_team(sections):
    """Four staff as a small clinic has them, Lauren Siso in the Staff Spotlight: {slug: profile}."""

    def treatments(*names):
        return [TreatmentFactory(name=name, slug=name.lower().replace(" ", "-")) for name in names]

    def portrait(name):
        return ImageFactory(
            title=f"Portrait of {name}", alt_text=f"Portrait of {name}", file__width=90, file__height=120
        )

    maya = StaffMemberPageFactory(
        title="Dr. Maya Okafor",
        slug="maya-okafor",
        role="Medical Director",
        short_bio="Maya is a board-certified physician who oversees every medical treatment at ELLEMES.",
        photo=portrait("Dr. Maya Okafor"),
        license_type="MD",
        license_number="071234",
        license_state="GA",
        show_license_number=True,
        practicing_since=2008,
        specialties=treatments("Botox", "Dermal fillers", "Chemical peels"),
    )
    lauren = StaffMemberPageFactory(
        title="Lauren Siso",
        role="Medical Aesthetician",
        short_bio="Lauren helps clients reach their healthiest skin, and feel confident in it.",
        photo=portrait("Lauren Siso"),
        action_photo=ImageFactory(
            title="Lauren Siso performing dermaplaning",
            alt_text="Lauren Siso performing a dermaplaning treatment on a client",
        ),
        action_photo_caption="Lauren Siso performing dermaplaning treatment",
        license_type="Licensed Esthetician",
        practicing_since=2013,
        specialties=treatments("Dermaplaning", "Laser treatments"),
    )
    jordan = StaffMemberPageFactory(
        title="Jordan Reyes",
        role="Nurse Injector",
        short_bio="Jordan is a registered nurse who specializes in Botox and dermal fillers.",
        photo=portrait("Jordan Reyes"),
        license_type="Registered Nurse",
        supervising_physician=maya,
        practicing_since=2015,
        specialties=treatments("Botox", "Dermal fillers", "Eye treatments"),
    )
    priya = StaffMemberPageFactory(
        title="Priya Shah",
        role="Patient Care Coordinator",
        short_bio="Priya arranges consultations and makes every visit run smoothly.",
        photo=portrait("Priya Shah"),
        accepts_bookings=False,
    )
    StaffSettings.objects.update_or_create(site=sections.staff.get_site(), defaults={"spotlight": lauren})
    return {member.slug: member for member in (maya, lauren, jordan, priya)}


def build_small_site():
    """The sections, four staff, two reviewed articles and a running special, with the roles."""
    sections = build_sections()
    team = build_team(sections)
    apply_roles(sections.blog.get_parent())
    botox = TreatmentFactory(name="Botox", slug="botox")
    second = ArticlePageFactory(
        title="What Is Dermaplaning? A Gentle Exfoliation Explained",
        slug="what-is-dermaplaning",
        author=team["lauren-siso"],
        reviewed_by=team["maya-okafor"],
        treatments=[TreatmentFactory(name="Dermaplaning", slug="dermaplaning")],
        published_on=datetime.date(2023, 5, 8),
    )
    ArticlePageFactory(
        title="The Benefits of Botox for Facial Symmetry: How It Works and Potential Risks",
        slug="botox-for-facial-symmetry",
        intro="Botox is best known for softening wrinkles, but carefully placed injections can also even out a face.",
        hero_image=ImageFactory(title="Botox consultation", alt_text="woman receiving botox treatment"),
        body=[
            heading("What is Botox?"),
            paragraph("<p>Botox is a neuromodulator: it relaxes the muscle it is injected into.</p>"),
            heading("Risks of Botox"),
            paragraph("<p>Bruising and headache are common; individual results vary.</p>"),
        ],
        author=team["lauren-siso"],
        reviewed_by=team["maya-okafor"],
        treatments=[botox],
        related_links=[ArticleRelatedLink(related=second, sort_order=0)],
        published_on=datetime.date(2023, 2, 20),
    )
    SpecialPageFactory(
        title="Eye Treatment Promos",
        slug="eye-treatment-promos",
        campaign="December Spa Specials",
        providers=[team["lauren-siso"]],
        image=ImageFactory(title="Eye treatment special", alt_text="A client relaxing during an eye treatment"),
    )
