from django.apps import AppConfig


class BlogConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "blog"

    def ready(self):
        from blog import slots as blog_slots
        from ellemes import slots

        slots.register("home", "blog/includes/home_articles.html", blog_slots.home_articles, order=10)
        slots.register("staff_profile", "blog/includes/staff_articles.html", blog_slots.staff_articles)
