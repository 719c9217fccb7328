from django.apps import AppConfig

from ellemes import slots


class StaffConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "staff"

    def ready(self):
        # Here, not at the top: these modules import models, which Django loads only after every AppConfig.
        from staff import layout, spotlight

        slots.register("footer", "staff/includes/spotlight_footer.html", spotlight.footer_context)
        # The home page shows the team, then the spotlight in full; every other page has it in the footer.
        slots.register("home", "staff/includes/home_team.html", layout.home_team, order=30)
        slots.register("home", "staff/includes/spotlight_home.html", spotlight.home_context, order=35)
