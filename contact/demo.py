from contact.models import ContactPage

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
    home = loader.home
    if home.hero_link_id is None:
        home.hero_link = contact
        home.save_revision().publish()
    loader.say("  contact page")
