"""Settings shared by every deployment; secure by default, relaxed only in dev.py."""

import re
import urllib.parse
from pathlib import Path

import environ

BASE_DIR = Path(__file__).resolve().parent.parent.parent
PROJECT_DIR = BASE_DIR / "ellemes"

env = environ.Env()
environ.Env.read_env(BASE_DIR / ".env", overwrite=False)

DEBUG = env.bool("DEBUG", default=False)
SECRET_KEY = env.str("SECRET_KEY", default="")
ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=[])
CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS", default=[])

INSTALLED_APPS = [
    "ellemes",
    "staff",
    "blog",
    "specials",
    "treatments",
    "contact",
    "legal",
    # The editors' side of the admin, above every content app; nothing imports it.
    "editorial",
    # Staff accounts: lockout, two-factor authentication, who may manage whom, password reset.
    "accounts",
    "axes",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "wagtailcache",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.contrib.sitemaps",
    "wagtail.contrib.routable_page",
    "wagtail.embeds",
    "wagtail.sites",
    # Wagtail's users app, with the user forms and views that keep Site managers to the clinic roles.
    "accounts.apps.ClinicUsersConfig",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_tasks",
    "django_tasks_db",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "csp",
]

# The page cache (ellemes/page_cache.py) wraps everything but static files: wagtail-cache stores pages
# on the way out and serves them after the session, CSRF and auth middleware have looked at the request.
MIDDLEWARE = [
    # First: every response, redirects and errors included, carries the request's id (ellemes/request_logs.py).
    "ellemes.request_logs.RequestIDMiddleware",
    "django.middleware.security.SecurityMiddleware",
    # Above whitenoise, so static files carry the same headers as pages.
    "ellemes.security.ClinicCSPMiddleware",
    "django_permissions_policy.PermissionsPolicyMiddleware",
    "ellemes.security.CrossOriginResourcePolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "ellemes.page_cache.PublicPageMiddleware",
    "wagtailcache.cache.UpdateCacheMiddleware",
    "ellemes.page_cache.PageLifetimeMiddleware",
    # Inside the page cache, so pages are stored compressed and served without compressing again.
    # Django adds random bytes to each gzip header, which blunts BREACH on pages with a CSRF token.
    "django.middleware.gzip.GZipMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # Staff accounts: which device verified this session, and no admin page without it.
    "django_otp.middleware.OTPMiddleware",
    "accounts.two_factor.TwoFactorRequiredMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtailcache.cache.FetchFromCacheMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # Staff accounts: turns a locked-out login into the lockout page; last, as django-axes asks.
    "axes.middleware.AxesMiddleware",
]

# Staff accounts: django-axes refuses a locked-out username before any password is checked.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]

ROOT_URLCONF = "ellemes.urls"
WSGI_APPLICATION = "ellemes.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [PROJECT_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
            ],
        },
    },
]

DATABASES = {"default": env.db("DATABASE_URL", default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}")}
DATABASES["default"]["CONN_MAX_AGE"] = env.int("CONN_MAX_AGE", default=60)
DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"


def cache_from_env(name, default):
    """A cache from a URL; Redis through the backend that serves pages uncached while Redis is down."""
    config = env.cache(name, default=default)
    if config["BACKEND"] == "django.core.cache.backends.redis.RedisCache":
        config["BACKEND"] = "ellemes.page_cache.ResilientRedisCache"
    return config


CACHES = {
    "default": cache_from_env("CACHE_URL", "locmemcache://ellemes"),
    # Whole pages for anonymous visitors; kept apart so clearing them never touches anything else.
    "pages": cache_from_env("PAGE_CACHE_URL", "locmemcache://ellemes-pages"),
}
# The page cache: see ellemes/page_cache.py for the rule, ellemes/cache_invalidation.py for what empties it.
PAGE_CACHE_ENABLED = env.bool("PAGE_CACHE_ENABLED", default=True)
PAGE_CACHE_SECONDS = env.int("PAGE_CACHE_SECONDS", default=600)
PAGE_BROWSER_SECONDS = env.int("PAGE_BROWSER_SECONDS", default=60)
PAGE_CACHE_SKIP_PREFIXES = ["/admin/", "/healthz", "/readyz"]
WAGTAIL_CACHE = PAGE_CACHE_ENABLED
WAGTAIL_CACHE_BACKEND = "pages"
WAGTAIL_CACHE_HEADER = "X-Cache"
# Keep only the query parameters some page reads; any other (utm_*, gclid, a typo) is dropped before
# the page is looked up or rendered, so it cannot make a new cache entry. A request carrying a
# visitor's own words (a search, a thank-you reference) is never cached at all.
PAGE_QUERY_PARAMETERS = ["page", "treatment", "special", "staff", "concern"]
PAGE_PRIVATE_PARAMETERS = ["q", "sent"]


def ignored_query_parameters(kept):
    """wagtail-cache's WAGTAIL_CACHE_IGNORE_QS: every query parameter but the `kept` ones."""
    return [rf"^(?!(?:{'|'.join(kept)})$)"]


WAGTAIL_CACHE_IGNORE_QS = ignored_query_parameters(PAGE_QUERY_PARAMETERS + PAGE_PRIVATE_PARAMETERS)

# Edge caches purged on every content change: Varnish (HTTP PURGE) when VARNISH_URL is set, plus
# Cloudflare or CloudFront when their settings are present.
WAGTAILFRONTENDCACHE = {}
if env.str("VARNISH_URL", default=""):
    WAGTAILFRONTENDCACHE["varnish"] = {
        "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
        "LOCATION": env.str("VARNISH_URL"),
    }
if env.str("CLOUDFLARE_ZONEID", default=""):
    WAGTAILFRONTENDCACHE["cloudflare"] = {
        "BACKEND": "wagtail.contrib.frontend_cache.backends.CloudflareBackend",
        "BEARER_TOKEN": env.str("CLOUDFLARE_BEARER_TOKEN"),
        "ZONEID": env.str("CLOUDFLARE_ZONEID"),
    }
if env.str("CLOUDFRONT_DISTRIBUTION_ID", default=""):
    WAGTAILFRONTENDCACHE["cloudfront"] = {
        "BACKEND": "wagtail.contrib.frontend_cache.backends.CloudfrontBackend",
        "DISTRIBUTION_ID": env.str("CLOUDFRONT_DISTRIBUTION_ID"),
    }

AUTH_USER_MODEL = "ellemes.User"
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 12}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "en-us"
# The clinic is in Atlanta: every date a patient sees is the clinic's date.
TIME_ZONE = "America/New_York"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = env.path("STATIC_ROOT", default=BASE_DIR / "static")
MEDIA_URL = "/media/"
MEDIA_ROOT = env.path("MEDIA_ROOT", default=BASE_DIR / "media")
SERVE_MEDIA = env.bool("SERVE_MEDIA", default=DEBUG)
MEDIA_CACHE_SECONDS = env.int("MEDIA_CACHE_SECONDS", default=30 * 24 * 3600)
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
# Several app servers share uploads through S3-compatible object storage (AWS S3, MinIO, R2, Spaces…).
# Credentials come from boto3's usual sources (AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, or the
# host's role), never from settings. Original images and documents stay private: links to them are
# signed and expire (documents go through Wagtail's view, which checks collection privacy first).
# Renditions are public, under images/ (the bucket policy in docs/deploy.md), with unsigned URLs a
# cached page can keep; AWS_S3_CUSTOM_DOMAIN serves them from a CDN.
AWS_STORAGE_BUCKET_NAME = env.str("AWS_STORAGE_BUCKET_NAME", default="")
MEDIA_ORIGINS = []
if AWS_STORAGE_BUCKET_NAME:
    _s3 = {
        "bucket_name": AWS_STORAGE_BUCKET_NAME,
        "endpoint_url": env.str("AWS_S3_ENDPOINT_URL", default="") or None,
        "region_name": env.str("AWS_S3_REGION_NAME", default="") or None,
        "addressing_style": env.str("AWS_S3_ADDRESSING_STYLE", default="") or None,
        "file_overwrite": False,
        "default_acl": None,
    }
    _custom_domain = env.str("AWS_S3_CUSTOM_DOMAIN", default="")
    STORAGES["default"] = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {**_s3, "querystring_auth": True, "querystring_expire": env.int("MEDIA_LINK_SECONDS", default=300)},
    }
    STORAGES["renditions"] = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            **_s3,
            "querystring_auth": False,
            "custom_domain": _custom_domain or None,
            # Rendition file names change whenever the image or the crop changes.
            "object_parameters": {"CacheControl": f"public, max-age={MEDIA_CACHE_SECONDS}, immutable"},
        },
    }
    WAGTAILIMAGES_RENDITION_STORAGE = "renditions"
    # Pages show renditions from the bucket (or its CDN): the Content-Security-Policy below allows that origin.
    if _custom_domain:
        MEDIA_ORIGINS = [f"https://{_custom_domain}"]
    elif _s3["endpoint_url"]:
        _endpoint = urllib.parse.urlsplit(_s3["endpoint_url"])
        if _s3["addressing_style"] == "virtual":
            MEDIA_ORIGINS = [f"{_endpoint.scheme}://{AWS_STORAGE_BUCKET_NAME}.{_endpoint.netloc}"]
        else:
            MEDIA_ORIGINS = [f"{_endpoint.scheme}://{_endpoint.netloc}"]
    else:
        MEDIA_ORIGINS = [f"https://{AWS_STORAGE_BUCKET_NAME}.s3.amazonaws.com"]
        if _s3["region_name"]:
            MEDIA_ORIGINS.append(f"https://{AWS_STORAGE_BUCKET_NAME}.s3.{_s3['region_name']}.amazonaws.com")
    MEDIA_ORIGINS = env.list("MEDIA_ORIGINS", default=MEDIA_ORIGINS)

EMAIL_CONFIG = env.email_url("EMAIL_URL", default="consolemail://")
vars().update(EMAIL_CONFIG)
DEFAULT_FROM_EMAIL = env.str("DEFAULT_FROM_EMAIL", default="ELLEMES Medical Spa <no-reply@ellemes.example>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL
EMAIL_TIMEOUT = 10

# Durable work (patient inquiry notifications) goes through the database queue and
# the `db_worker` process; Wagtail's own housekeeping (search and reference index)
# stays immediate, as in a stock Wagtail install.
TASKS = {
    "default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"},
    # "default": inquiry notices and password resets; "renditions": image work, with a worker of its own.
    "durable": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default", "renditions"]},
}

# Sessions live in the database, read through the shared cache: every app server sees a login at once,
# and a Redis restart signs nobody out.
SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SECURE = env.bool("SECURE_COOKIES", default=True)
CSRF_COOKIE_SECURE = env.bool("SECURE_COOKIES", default=True)
if SESSION_COOKIE_SECURE:
    # Browsers accept __Host- cookies only over HTTPS, for this exact host: no subdomain can set or read them.
    SESSION_COOKIE_NAME = "__Host-sessionid"
    CSRF_COOKIE_NAME = "__Host-csrftoken"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
# The TLS proxy in front (Caddy, nginx, a load balancer) must set X-Forwarded-Proto, and strip any the client sent.
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env.bool("SECURE_SSL_REDIRECT", default=False)
SECURE_HSTS_SECONDS = env.int("SECURE_HSTS_SECONDS", default=0)
X_FRAME_OPTIONS = "DENY"
DATA_UPLOAD_MAX_MEMORY_SIZE = env.int("DATA_UPLOAD_MAX_MEMORY_SIZE", default=2_621_440)
CSRF_FAILURE_VIEW = "ellemes.views.csrf_failure"

# Public pages: no inline script or style anywhere (structured data is JSON, which browsers never run).
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:", *MEDIA_ORIGINS],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'none'"],
        "frame-ancestors": ["'none'"],
        "form-action": ["'self'"],
    }
}
ADMIN_URL_PREFIX = "/admin/"
# Wagtail's editor: inline scripts (its panels' setup code, some inserted by jQuery) and inline styles
# (Draftail, the StreamField editor), and its own live preview in a frame; never 'unsafe-eval'.
ADMIN_CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        **CONTENT_SECURITY_POLICY["DIRECTIVES"],
        "script-src": ["'self'", "'unsafe-inline'"],
        "style-src": ["'self'", "'unsafe-inline'"],
        "img-src": ["'self'", "data:", "blob:", *MEDIA_ORIGINS],
        "frame-src": ["'self'"],
        "frame-ancestors": ["'self'"],
        "base-uri": ["'self'"],
    }
}
PERMISSIONS_POLICY = {feature: [] for feature in ("camera", "microphone", "geolocation", "payment", "usb")}

WAGTAIL_SITE_NAME = "ELLEMES Medical Spa"
# The dashboard never asks wagtail.org for new releases: upgrades are the developers' job, and the admin's
# Content-Security-Policy allows no other origin.
WAGTAIL_ENABLE_UPDATE_CHECK = False
# Staff avatars are never fetched from Gravatar: that would send a hash of each email address to a third party.
WAGTAIL_GRAVATAR_PROVIDER_URL = None
WAGTAILADMIN_BASE_URL = env.str("BASE_URL", default="http://127.0.0.1:8000")
WAGTAILIMAGES_IMAGE_MODEL = "ellemes.ClinicImage"
WAGTAILIMAGES_IMAGE_FORM_BASE = "ellemes.image_forms.ClinicImageForm"
WAGTAILIMAGES_FORMAT_CONVERSION = {"avif": "avif", "webp": "webp"}
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
# Uploads: limits that keep a hostile or careless file from exhausting the worker (see ellemes/image_forms.py).
WAGTAILIMAGES_MAX_IMAGE_PIXELS = 40_000_000
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
WAGTAILIMAGES_EXTENSIONS = ["avif", "gif", "jpg", "jpeg", "png", "webp"]
WAGTAILDOCS_EXTENSIONS = ["pdf"]
# Rows a backup's manifest counts and a restore must give back, besides pages, images and documents.
BACKUP_COUNTED_MODELS = {
    "inquiries": "contact.Inquiry",
    "page_log_entries": "wagtailcore.PageLogEntry",
    "audit_log_entries": "wagtailcore.ModelLogEntry",
}
WAGTAILDOCS_MAX_UPLOAD_SIZE = 20 * 1024 * 1024
# Documents only through Wagtail's view, which checks collection privacy and sends them as attachments;
# from object storage, the view answers with a short-lived signed link to the file instead.
WAGTAILDOCS_SERVE_METHOD = "redirect" if AWS_STORAGE_BUCKET_NAME else "serve_view"
WAGTAILDOCS_INLINE_CONTENT_TYPES = []
WAGTAIL_ALLOW_UNICODE_SLUGS = False
WAGTAILADMIN_RICH_TEXT_EDITORS = {
    "default": {
        "WIDGET": "wagtail.admin.rich_text.DraftailRichTextArea",
        "OPTIONS": {"features": ["bold", "italic", "link", "ol", "ul"]},
    }
}

# One JSON object per line on stdout, each with the request id (ellemes/request_logs.py): one line per
# request (ellemes.requests) and per background task (ellemes.tasks), warnings and errors from the rest.
# LOG_FORMAT=text gives the same lines as plain text, for a terminal; LOG_STREAM=stderr keeps them apart
# from a command's own output (`manage.py dumpdata > file`).
LOG_FORMAT = env.str("LOG_FORMAT", default="json")
LOG_STREAM = env.str("LOG_STREAM", default="stdout")
LOG_LEVEL = env.str("LOG_LEVEL", default="WARNING")
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"request_id": {"()": "ellemes.request_logs.RequestIDFilter"}},
    "formatters": {
        "json": {
            "()": "pythonjsonlogger.json.JsonFormatter",
            "format": "%(asctime)s %(levelname)s %(name)s %(message)s %(request_id)s",
            "rename_fields": {"asctime": "time", "levelname": "level", "name": "logger"},
        },
        "text": {"format": "%(asctime)s %(levelname)s %(name)s [%(request_id)s] %(message)s"},
    },
    "handlers": {
        "console": {
            "class": "logging.StreamHandler",
            "stream": "ext://sys.stderr" if LOG_STREAM == "stderr" else "ext://sys.stdout",
            "filters": ["request_id"],
            "formatter": "json" if LOG_FORMAT == "json" else "text",
        }
    },
    "root": {"handlers": ["console"], "level": LOG_LEVEL},
    "loggers": {
        "ellemes.requests": {"level": env.str("ACCESS_LOG_LEVEL", default="INFO")},
        "ellemes.tasks": {"level": "INFO"},
    },
}

# Contact inquiries (contact app): how long they are kept, how hard the form is protected,
# and how often a failed notification to the front desk is retried (delays in seconds).
INQUIRY_RETENTION_DAYS = env.int("INQUIRY_RETENTION_DAYS", default=365)
INQUIRY_SPAM_RETENTION_DAYS = env.int("INQUIRY_SPAM_RETENTION_DAYS", default=30)
INQUIRY_RATE_LIMIT = env.int("INQUIRY_RATE_LIMIT", default=5)
INQUIRY_RATE_LIMIT_WINDOW = 3600
INQUIRY_MIN_FILL_SECONDS = 3
INQUIRY_MAX_FORM_AGE = 24 * 3600
INQUIRY_NOTIFICATION_RETRY_DELAYS = [60, 300, 1800, 7200]
INQUIRY_SEND_ACKNOWLEDGEMENT = env.bool("INQUIRY_SEND_ACKNOWLEDGEMENT", default=True)

# Staff accounts (accounts app).
# Proxies in front of the site that append the client's address to X-Forwarded-For; 0 trusts no header.
TRUSTED_PROXY_COUNT = env.int("TRUSTED_PROXY_COUNT", default=0)
# The 5th wrong password for one username from one client locks that pair for an hour.
AXES_FAILURE_LIMIT = 5
AXES_COOLOFF_TIME = 1  # hours
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_CLIENT_IP_CALLABLE = "ellemes.client_ip.client_ip"
AXES_LOCKOUT_CALLABLE = "accounts.views.locked_out"
AXES_RESET_ON_SUCCESS = True
# Every admin user signs in with a password and a code from their authenticator app (or a backup code).
OTP_TOTP_ISSUER = WAGTAIL_SITE_NAME
TWO_FACTOR_BACKUP_CODES = 10
# A reset link works for an hour; at most this many reset requests per client and per address an hour.
PASSWORD_RESET_TIMEOUT = 3600
PASSWORD_RESET_RATE_LIMIT = 5
PASSWORD_RESET_RATE_LIMIT_WINDOW = 3600

# Housekeeping run by `manage.py run_periodic` (command → seconds between runs).
PERIODIC_COMMANDS = {"publish_scheduled": 300, "purge_inquiries": 86400, "remove_ended_specials_from_search": 600}

# The editors' side (editorial.roles, editorial.content_health): an article is due for a new medical
# review this many days after the last one; the admin shows times in the clinic's time zone.
MEDICAL_REVIEW_INTERVAL_DAYS = env.int("MEDICAL_REVIEW_INTERVAL_DAYS", default=365)
WAGTAIL_USER_TIME_ZONES = [TIME_ZONE]
WAGTAILADMIN_NOTIFICATION_USE_HTML = True

# --- Reliability -------------------------------------------------------------------------------
# A notification job still "running" after this long lost its worker (killed, out of memory):
# run_periodic's sweep marks it failed and queues the inquiry again. Far above the longest send.
INQUIRY_NOTIFICATION_LEASE_SECONDS = env.int("INQUIRY_NOTIFICATION_LEASE_SECONDS", default=600)
PERIODIC_COMMANDS["requeue_stuck_notifications"] = 60
# `manage.py run_worker` touches this file after each look at the queue (docker-compose's health check).
WORKER_HEARTBEAT_FILE = env.str("WORKER_HEARTBEAT_FILE", default="")

# PostgreSQL gives up connecting after DB_CONNECT_TIMEOUT seconds and cancels any statement after
# DB_STATEMENT_TIMEOUT_MS, so a request to a hanging or overloaded database ends in the friendly 503 page
# instead of holding a web worker until gunicorn kills it. manage.py gives the worker, migrations and other
# commands DB_COMMAND_STATEMENT_TIMEOUT_MS instead (10 minutes; 0 means none).
DB_CONNECT_TIMEOUT = env.int("DB_CONNECT_TIMEOUT", default=3)
DB_STATEMENT_TIMEOUT_MS = env.int("DB_STATEMENT_TIMEOUT_MS", default=5000)


def database_timeouts(database, statement_timeout_ms):
    """Connect and statement timeouts for a PostgreSQL database; other engines are left as they are."""
    if database["ENGINE"] != "django.db.backends.postgresql":
        return
    options = database.setdefault("OPTIONS", {})
    options["connect_timeout"] = DB_CONNECT_TIMEOUT
    kept = re.sub(r"-c\s*statement_timeout=\S+", "", options.get("options", "")).strip()
    options["options"] = f"{kept} -c statement_timeout={statement_timeout_ms}".strip()


database_timeouts(DATABASES["default"], DB_STATEMENT_TIMEOUT_MS)

if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # SQLite (`make run`): the server, the workers and the scheduler write to one file, the admin's live preview
    # often. Write-ahead logging lets readers go on while one process writes; IMMEDIATE transactions, waiting up
    # to 20 s, make writers queue instead of failing with "database is locked".
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        {
            "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL",
            "transaction_mode": "IMMEDIATE",
            "timeout": 20,
        }
    )
# The 503 page shows the clinic's phone number from this copy, written whenever Clinic details are saved,
# because during an outage the database cannot say it (default: clinic-contact.json in MEDIA_ROOT).
CLINIC_CONTACT_FILE = env.str("CLINIC_CONTACT_FILE", default="")
