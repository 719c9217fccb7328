from django.apps import AppConfig

from ellemes import slots


class BlogConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "blog"

    def ready(self):
        # Here, not at the top: these modules import models, which Django loads only after every AppConfig.
        from blog import slots as blog_slots

        slots.register("home", "blog/includes/home_articles.html", blog_slots.home_articles, order=40)
        slots.register("staff_profile", "blog/includes/staff_articles.html", blog_slots.staff_articles)
