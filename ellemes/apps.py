import warnings

from django.apps import AppConfig
from django.conf import settings
from PIL import Image


class EllemesConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "ellemes"
    verbose_name = "ELLEMES"

    def ready(self):
        # Here, not at the top: these modules import models, which Django loads only after every AppConfig.
        from ellemes import cache_invalidation, checks, outage, page_cache, renditions, request_logs  # noqa: F401 - checks and hooks register

        # Any image over the upload limit is refused before it is decoded, uploaded or not.
        Image.MAX_IMAGE_PIXELS = settings.WAGTAILIMAGES_MAX_IMAGE_PIXELS
        warnings.simplefilter("error", Image.DecompressionBombWarning)
        cache_invalidation.connect()
        renditions.connect()
        request_logs.connect()
        outage.connect(self)
