from django.apps import AppConfig


class EllemesConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "ellemes"
    verbose_name = "ELLEMES"

    def ready(self):
        from ellemes import cache_invalidation, checks, page_cache, renditions  # noqa: F401 - checks and hooks register

        cache_invalidation.connect()
        renditions.connect()
