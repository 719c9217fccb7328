"""Production: refuses to start without the secrets and hosts it needs."""

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403
from .base import env

KNOWN_DEVELOPMENT_SECRETS = {
    "",
    "django-insecure-dev-only-key-never-use-in-production",
    "insecure-test-only-key",
    "change-me",
}


def required(name):
    if not env.str(name, default=""):
        raise ImproperlyConfigured(f"{name} must be set in the environment for production.")
    return env.str(name)


required("DATABASE_URL")
SECRET_KEY = required("SECRET_KEY")
if SECRET_KEY in KNOWN_DEVELOPMENT_SECRETS or SECRET_KEY.startswith("django-insecure"):
    raise ImproperlyConfigured("SECRET_KEY is a known development value; set a long random secret for production.")
required("ALLOWED_HOSTS")
ALLOWED_HOSTS = env.list("ALLOWED_HOSTS")

DEBUG = False
SECURE_HSTS_SECONDS = env.int("SECURE_HSTS_SECONDS", default=31_536_000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = env.bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", default=True)
SECURE_HSTS_PRELOAD = env.bool("SECURE_HSTS_PRELOAD", default=True)
# Plain HTTP is redirected; behind a TLS proxy that sets X-Forwarded-Proto (see base.py) nothing loops.
SECURE_SSL_REDIRECT = env.bool("SECURE_SSL_REDIRECT", default=True)
# /healthz answers the load balancer's plain-HTTP probe inside the private network.
SECURE_REDIRECT_EXEMPT = [r"^healthz$", r"^readyz$"]
