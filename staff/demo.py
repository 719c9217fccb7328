from staff.models import StaffIndexPage


def load_demo(loader):
    loader.child_page(
        loader.home,
        StaffIndexPage,
        "staff",
        title="Our Team",
        intro="Meet the licensed clinicians and caring staff behind every treatment at ELLEMES.",
        show_in_menus=True,
    )
    loader.say("  staff page")
