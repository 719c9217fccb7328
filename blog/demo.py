from blog.models import BlogIndexPage


def load_demo(loader):
    loader.child_page(
        loader.home,
        BlogIndexPage,
        "blog",
        title="Blog",
        intro="Treatment guides and skin care advice from our licensed clinicians.",
        show_in_menus=True,
    )
    loader.say("  blog page")
