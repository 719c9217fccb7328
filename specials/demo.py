from specials.models import SpecialsIndexPage


def load_demo(loader):
    loader.child_page(
        loader.home,
        SpecialsIndexPage,
        "specials",
        title="Specials",
        intro="Seasonal offers on our most popular treatments, for a limited time.",
        show_in_menus=True,
    )
    loader.say("  specials page")
