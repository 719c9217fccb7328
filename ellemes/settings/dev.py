"""Local development: debug on, console email, insecure cookies over plain HTTP."""

from .base import *  # noqa: F403
from .base import env

DEBUG = env.bool("DEBUG", default=True)
SECRET_KEY = env.str("SECRET_KEY", default="django-insecure-dev-only-key-never-use-in-production")
ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=["127.0.0.1", "localhost", "[::1]"])
SESSION_COOKIE_SECURE = False
CSRF_COOKIE_SECURE = False
# Plain HTTP: browsers refuse __Host- cookies without Secure.
SESSION_COOKIE_NAME = "sessionid"
CSRF_COOKIE_NAME = "csrftoken"
STORAGES["staticfiles"]["BACKEND"] = "django.contrib.staticfiles.storage.StaticFilesStorage"  # noqa: F405
SERVE_MEDIA = True
# The site's own 404 and 500 pages for page requests, as patients see them; `?debug=1` gives Django's
# technical page. Just before django-axes, which must stay last (see ellemes/dev_errors.py).
MIDDLEWARE = [*MIDDLEWARE[:-1], "ellemes.dev_errors.BrandedErrorPagesMiddleware", MIDDLEWARE[-1]]  # noqa: F405
# `?debug=1` must reach it (the page cache drops parameters no page reads), and such a page is never cached.
PAGE_PRIVATE_PARAMETERS = [*PAGE_PRIVATE_PARAMETERS, "debug"]  # noqa: F405
WAGTAIL_CACHE_IGNORE_QS = ignored_query_parameters(PAGE_QUERY_PARAMETERS + PAGE_PRIVATE_PARAMETERS)  # noqa: F405
# No page cache while developing: a template edit shows on the next request.
PAGE_CACHE_ENABLED = env.bool("PAGE_CACHE_ENABLED", default=False)
WAGTAIL_CACHE = PAGE_CACHE_ENABLED

# Staff accounts: `make run`'s own admin signs in without a second factor, on this machine only
# (honored only with DEBUG on and these settings; see accounts.two_factor).
TWO_FACTOR_EXEMPT_USERNAMES = ["admin"]

# Plain text logs in a terminal (LOG_FORMAT=json for the production format).
LOGGING["handlers"]["console"]["formatter"] = env.str("LOG_FORMAT", default="text")  # noqa: F405
