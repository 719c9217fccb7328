from contact.models import ContactPage


def load_demo(loader):
    contact = loader.child_page(
        loader.home,
        ContactPage,
        "contact",
        title="Contact",
        intro="Ask a question, book a consultation or claim a special. We reply within one business day.",
        show_in_menus=True,
    )
    home = loader.home
    if home.hero_link_id is None:
        home.hero_link = contact
        home.save_revision().publish()
    loader.say("  contact page")
