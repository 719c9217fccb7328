"""Demo staff: the team behind the treatments, with their credentials, and Lauren Siso in the spotlight.

The demo has no photographs of people, so it invents none: each profile shows the person's monogram
until the clinic uploads their photo.
"""

from django.contrib.auth import get_user_model
from wagtail.models import Site

from ellemes.models import Treatment
from staff.models import StaffIndexPage, StaffMemberPage, StaffSettings


def _treatments(*slugs):
    return list(Treatment.objects.filter(slug__in=slugs))


def load_demo(loader):
    index = loader.child_page(
        loader.home,
        StaffIndexPage,
        "staff",
        title="Our Team",
        intro="Meet the licensed clinicians and caring staff behind every treatment at ELLEMES.",
        show_in_menus=True,
    )

    maya = loader.child_page(
        index,
        StaffMemberPage,
        "maya-okafor",
        title="Dr. Maya Okafor",
        role="Medical Director",
        short_bio="Maya is a board-certified physician who oversees every medical treatment at ELLEMES, "
        "writes our clinical protocols and supervises our nurse injector and aestheticians.",
        bio="<p>Dr. Okafor trained in internal medicine before turning to aesthetic medicine, drawn by how much "
        "a careful, honest consultation can change the way people feel about their skin.</p>"
        "<p>As Medical Director she sets the safety standards behind every injection, peel and laser session "
        "at the clinic, reviews our treatment guides for accuracy, and sees patients herself for complex "
        "cases and second opinions. She would always rather talk a patient out of a treatment they do not "
        "need than into one.</p>",
        license_type="MD",
        license_number="071234",
        license_state="GA",
        show_license_number=True,
        practicing_since=2008,
        specialties=_treatments("botox", "dermal-fillers", "chemical-peels"),
    )
    loader.child_page(
        index,
        StaffMemberPage,
        "lauren-siso",
        title="Lauren Siso",
        role="Medical Aesthetician",
        short_bio="Lauren is a medical aesthetician and laser practitioner who loves helping clients reach their "
        "healthiest skin, and believes everyone deserves to feel confident in it.",
        bio="<p>Lauren has worked as a medical aesthetician and laser practitioner since 2013. Her favorite part "
        "of the job is the first consultation, when she and a new client look closely at their skin together "
        "and agree on a plan that fits their routine and their budget.</p>"
        "<p>She is known for gentle, thorough dermaplaning and for laser treatments planned around each "
        "client’s skin type, and she follows up after every session to make sure recovery is going as "
        "expected.</p>",
        license_type="Licensed Esthetician",
        practicing_since=2013,
        specialties=_treatments("dermaplaning", "laser-treatments"),
    )
    loader.child_page(
        index,
        StaffMemberPage,
        "jordan-reyes",
        title="Jordan Reyes",
        role="Nurse Injector",
        short_bio="Jordan is a registered nurse who specializes in Botox, dermal fillers and treatments for the "
        "delicate skin around the eyes, always aiming for results that still look like you.",
        bio="<p>Jordan spent six years as an emergency room nurse before training in aesthetic injections, and "
        "brings the same calm attention to detail to every appointment.</p>"
        "<p>Jordan works under the supervision of our Medical Director and takes the time to map facial "
        "anatomy, explain what each product does and how long it lasts, and book a review two weeks after "
        "every first treatment.</p>",
        license_type="Registered Nurse",
        supervising_physician=maya,
        practicing_since=2015,
        specialties=_treatments("botox", "dermal-fillers", "eye-treatments"),
    )
    loader.child_page(
        index,
        StaffMemberPage,
        "priya-shah",
        title="Priya Shah",
        role="Patient Care Coordinator",
        short_bio="Priya is the friendly voice on the phone and the first face you see at the clinic: she "
        "arranges consultations, answers questions about costs and makes every visit run smoothly.",
        bio="<p>Priya looks after patients from their first call to their follow-up appointments. She can "
        "explain what to expect from a consultation, how to prepare for a treatment and which clinician is "
        "the right person to see.</p>"
        "<p>She does not give medical advice, but she knows exactly who can, and she will make sure they "
        "call you back.</p>",
        accepts_bookings=False,
    )
    loader.say(f"  staff: {StaffMemberPage.objects.child_of(index).count()}")

    site = Site.objects.get(is_default_site=True)
    if not StaffSettings.objects.filter(site=site).exists():
        StaffSettings.objects.create(site=site, spotlight=StaffMemberPage.objects.get(slug="lauren-siso"))
        loader.created += 1
    loader.say("  staff spotlight")


def reset_demo():
    StaffSettings.objects.all().delete()


def finish_demo(loader):
    """Link the demo medical reviewer's account (made in development) to the Medical Director's profile."""
    reviewer = get_user_model().objects.filter(username="reviewer", staff_profile__isnull=True).first()
    maya = StaffMemberPage.objects.filter(slug="maya-okafor", user__isnull=True).first()
    if reviewer is not None and maya is not None:
        maya.user = reviewer
        maya.save_revision().publish()
        loader.created += 1
