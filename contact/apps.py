from django.apps import AppConfig

from ellemes import slots


class ContactConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "contact"

    def ready(self):
        # The clinic's structured data on the home page too, without the home page knowing this app.
        slots.register("home", "contact/includes/clinic_json_ld.html", lambda request, page: {}, order=90)
