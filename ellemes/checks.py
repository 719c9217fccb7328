"""Deployment checks (`manage.py check --deploy`) for what the settings alone cannot refuse."""

from django.conf import settings
from django.core.checks import Error, Tags, register

PROCESS_LOCAL_CACHES = {
    "django.core.cache.backends.locmem.LocMemCache",
    "django.core.cache.backends.dummy.DummyCache",
}
CACHE_URL_SETTINGS = {"default": "CACHE_URL", "pages": "PAGE_CACHE_URL"}


@register(Tags.caches, deploy=True)
def check_caches_are_shared(app_configs, **kwargs):
    """The web workers and the scheduler are separate processes: a cache each keeps in its own memory
    would let one serve pages another has retired, and count inquiry limits per process."""
    return [
        Error(
            f"The '{alias}' cache lives in each process's memory.",
            hint=(
                "Pages cleared by a publish in one process (or by scheduled publishing in the worker) stay "
                "cached in the others, and inquiry limits are counted per process. "
                f"Set {CACHE_URL_SETTINGS.get(alias, 'CACHES')} to a shared cache, e.g. rediscache://redis:6379/0."
            ),
            id="ellemes.E001",
        )
        for alias, options in settings.CACHES.items()
        if options["BACKEND"] in PROCESS_LOCAL_CACHES
    ]
