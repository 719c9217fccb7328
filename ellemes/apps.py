from django.apps import AppConfig


class EllemesConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "ellemes"
    verbose_name = "ELLEMES"

    def ready(self):
        from ellemes import checks, page_cache, renditions  # noqa: F401 - checks registers itself

        page_cache.connect_invalidation()
        renditions.connect()
