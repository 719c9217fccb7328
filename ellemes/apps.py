from django.apps import AppConfig


class EllemesConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "ellemes"
    verbose_name = "ELLEMES"
