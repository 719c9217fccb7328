from django.apps import AppConfig


class EditorialConfig(AppConfig):
    """The editors' side of the admin: roles, the medical review and claims rules, dashboard and reports."""

    default_auto_field = "django.db.models.BigAutoField"
    name = "editorial"
