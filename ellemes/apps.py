from django.apps import AppConfig


class EllemesConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "ellemes"
    verbose_name = "ELLEMES"

    def ready(self):
        from ellemes import page_cache, renditions

        page_cache.connect_invalidation()
        renditions.connect()
