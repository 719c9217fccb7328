"""Local development: debug on, console email, insecure cookies over plain HTTP."""

from .base import *  # noqa: F403
from .base import env

DEBUG = env.bool("DEBUG", default=True)
SECRET_KEY = env.str("SECRET_KEY", default="django-insecure-dev-only-key-never-use-in-production")
ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=["127.0.0.1", "localhost", "[::1]"])
SESSION_COOKIE_SECURE = False
CSRF_COOKIE_SECURE = False
STORAGES["staticfiles"]["BACKEND"] = "django.contrib.staticfiles.storage.StaticFilesStorage"  # noqa: F405
SERVE_MEDIA = True
# No page cache while developing: a template edit shows on the next request.
PAGE_CACHE_ENABLED = env.bool("PAGE_CACHE_ENABLED", default=False)
WAGTAIL_CACHE = PAGE_CACHE_ENABLED
