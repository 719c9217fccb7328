from django.apps import AppConfig


class TreatmentsConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "treatments"

    def ready(self):
        # Imported here: the layout reads the models, which exist only once the apps are loaded.
        from ellemes import slots
        from treatments import layout

        # The home page is built around treatments: the categories come first, then the finder by concern.
        slots.register("home", "treatments/includes/home_categories.html", layout.home_categories, order=3)
        slots.register("home", "treatments/includes/home_concerns.html", layout.home_context, order=5)
