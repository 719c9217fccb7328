from django.apps import AppConfig


class SpecialsConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "specials"
