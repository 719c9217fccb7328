from django.apps import AppConfig

from ellemes import slots


class StaffConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "staff"

    def ready(self):
        # Here, not at the top: these modules import models, which Django loads only after every AppConfig.
        from staff import spotlight

        slots.register("footer", "staff/includes/spotlight_footer.html", spotlight.footer_context)
        slots.register("home", "staff/includes/spotlight_home.html", spotlight.home_context, order=30)
