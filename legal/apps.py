from django.apps import AppConfig


class LegalConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "legal"

    def ready(self):
        # Imported here: the slot reads the models, which exist only once the apps are loaded.
        from ellemes import slots
        from legal import layout

        slots.register("footer_legal", "legal/includes/footer_links.html", layout.footer_links)
