"""Test runs: fast hashing, plain static storage, in-memory email."""

import os

from .base import *  # noqa: F403

DEBUG = False
SECRET_KEY = "insecure-test-only-key"  # noqa: S105
ALLOWED_HOSTS = ["testserver", "127.0.0.1", "localhost"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
STORAGES["staticfiles"]["BACKEND"] = "django.contrib.staticfiles.storage.StaticFilesStorage"  # noqa: F405
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
CACHES = {
    "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "tests"},
    "pages": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "test-pages"},
}
SESSION_COOKIE_SECURE = False
CSRF_COOKIE_SECURE = False
# Plain HTTP: browsers refuse __Host- cookies without Secure.
SESSION_COOKIE_NAME = "sessionid"
CSRF_COOKIE_NAME = "csrftoken"
# Each parallel test process (pytest-xdist) keeps its uploads apart.
MEDIA_ROOT = BASE_DIR / f"test-media{os.environ.get('PYTEST_XDIST_WORKER', '')}"  # noqa: F405

# --- Reliability: a loaded test machine must not trip the web's 5 s statement timeout.
database_timeouts(DATABASES["default"], env.int("DB_STATEMENT_TIMEOUT_MS", default=60_000))  # noqa: F405

# SQLite: a test database in a file, not Django's shared in-memory one. The in-memory database locks
# whole tables, so a test's concurrent requests (parallel inquiries) fail at once instead of waiting
# their turn as they do on the site's own database file (base settings: WAL, IMMEDIATE, a busy timeout).
# pytest-xdist gives each process its own copy (`_gw0`, `_gw1`, …).
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":  # noqa: F405
    DATABASES["default"]["TEST"] = {"NAME": str(BASE_DIR / "test-db.sqlite3")}  # noqa: F405
