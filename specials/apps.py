from django.apps import AppConfig
from django.db.models.signals import post_save

from ellemes import slots


class SpecialsConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "specials"

    def ready(self):
        # Here, not at the top: these modules import models, which Django loads only after every AppConfig.
        from specials import layout
        from specials.models import SpecialPage
        from specials.search import remove_when_saved_ended

        slots.register("announcement", "specials/includes/announcement_bar.html", layout.announcement_context)
        slots.register("home", "specials/includes/home_specials.html", layout.home_context, order=20)
        slots.register("staff_profile", "specials/includes/staff_profile_specials.html", layout.staff_profile_context)
        post_save.connect(remove_when_saved_ended, sender=SpecialPage, dispatch_uid="specials-remove-ended")
