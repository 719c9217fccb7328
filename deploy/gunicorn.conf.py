"""gunicorn in the `web` containers (docker-compose.yml): `gunicorn --config deploy/gunicorn.conf.py ellemes.wsgi`."""

import os

bind = "0.0.0.0:8000"
# Sync workers: WEB_CONCURRENCY per replica (gunicorn's rule of thumb is 2 × cores + 1); scale out with replicas.
workers = int(os.environ.get("WEB_CONCURRENCY", "3"))
timeout = 30
# A replica stopped for an upgrade finishes the requests it holds; Varnish has moved on after its probe fails.
graceful_timeout = 25
# Recycled now and then, so a slow leak never grows without bound.
max_requests = 2000
max_requests_jitter = 200
# The app writes one JSON line per request, with its id (ellemes/request_logs.py); gunicorn's own
# messages (starts, stops, worker timeouts) go to stdout as JSON too.
accesslog = None
logconfig_dict = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {
        "json": {
            "()": "pythonjsonlogger.json.JsonFormatter",
            "format": "%(asctime)s %(levelname)s %(name)s %(message)s",
            "rename_fields": {"asctime": "time", "levelname": "level", "name": "logger"},
        }
    },
    "handlers": {"console": {"class": "logging.StreamHandler", "stream": "ext://sys.stdout", "formatter": "json"}},
    "loggers": {"gunicorn.error": {"handlers": ["console"], "level": "INFO", "propagate": False}},
}
