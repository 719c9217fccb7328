from contact.models import ContactPage
from ellemes.models import ClinicSettings

INTRO = (
    "Ask about a treatment, book a consultation or claim a special. "
    "Send us an inquiry below, call us, or visit our Atlanta office; we reply within one business day."
)


def load_demo(loader):
    contact = loader.child_page(
        loader.home,
        ContactPage,
        "contact",
        title="Contact",
        intro=INTRO,
        search_description="Contact ELLEMES Medical Spa in Atlanta: address, phone, opening hours "
        "and an online inquiry form for consultations and specials.",
        show_in_menus=True,
    )
    # Every "contact us" link and each special's "Book" button lead to the page chosen in Clinic details.
    ClinicSettings.objects.filter(contact_page__isnull=True).update(contact_page=contact)
    loader.say("  contact page")
