"""Request ids and JSON logs: one id per request, on every log line it causes, in its response and its tasks.

`RequestIDMiddleware` (first in MIDDLEWARE) takes the id the proxy sent in `X-Request-ID` when it looks
like one, else makes one; returns it in the response's `X-Request-ID`; and writes one access line per
request. `RequestIDFilter` puts the id on every log record, whichever logger wrote it. A task queued
during the request carries the id to the worker (kept in the shared cache under the task's id, read
back when the worker starts the task), so the worker's lines for it carry the same id.

Log lines hold ids, paths, statuses and timings, never what a visitor typed: the access line has the
path without its query string (a search, a form's reference), and nothing logs form fields.
"""

import contextvars
import logging
import re
import time
import uuid

from django.core.cache import cache

# What a proxy's id looks like: Caddy's and nginx's UUIDs or hex ids, a load balancer's trace id.
# Anything else (too long, spaces, control characters, a log-injection attempt) is replaced.
INCOMING_ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9._:=+/-]{7,127}")
HEADER = "X-Request-ID"
TASK_KEY = "task-request-id:{}"
TASK_KEY_SECONDS = 7 * 24 * 3600  # longer than any task waits in the queue

current_request_id = contextvars.ContextVar("request_id", default="")
access_log = logging.getLogger("ellemes.requests")
task_log = logging.getLogger("ellemes.tasks")


def request_id_from(value):
    """The incoming id if it is a sane one, else a new one."""
    return value if INCOMING_ID.fullmatch(value or "") else uuid.uuid4().hex


class RequestIDMiddleware:
    """Outermost: gives each request an id, returns it in `X-Request-ID` and logs one line for the request."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        request_id = request_id_from(request.headers.get(HEADER, ""))
        request.request_id = request_id
        token = current_request_id.set(request_id)
        started = time.monotonic()
        try:
            response = self.get_response(request)
            response[HEADER] = request_id
            access_log.info(
                "request",
                extra={
                    "method": request.method,
                    "path": request.path,
                    "status": response.status_code,
                    "duration_ms": round((time.monotonic() - started) * 1000, 1),
                },
            )
            return response
        finally:
            current_request_id.reset(token)


class RequestIDFilter(logging.Filter):
    """Adds `request_id` to every record (empty outside a request or a task that came from one)."""

    def filter(self, record):
        if not getattr(record, "request_id", ""):
            record.request_id = current_request_id.get()
        return True


_task_tokens = {}


def _task_enqueued(sender, task_result, **kwargs):
    request_id = current_request_id.get()
    if request_id:
        cache.set(TASK_KEY.format(task_result.id), request_id, timeout=TASK_KEY_SECONDS)


def _task_started(sender, task_result, **kwargs):
    request_id = cache.get(TASK_KEY.format(task_result.id))
    if request_id:
        _task_tokens[task_result.id] = current_request_id.set(request_id)
    task_log.info("task started", extra={"task_id": str(task_result.id), "task": task_result.task.module_path})


def _task_finished(sender, task_result, **kwargs):
    task_log.info(
        "task finished",
        extra={"task_id": str(task_result.id), "task": task_result.task.module_path, "state": task_result.status},
    )
    token = _task_tokens.pop(task_result.id, None)
    if token is not None:
        current_request_id.reset(token)
        cache.delete(TASK_KEY.format(task_result.id))


def connect():
    from django_tasks.signals import task_enqueued, task_finished, task_started

    task_enqueued.connect(_task_enqueued, dispatch_uid="request_id_enqueued")
    task_started.connect(_task_started, dispatch_uid="request_id_started")
    task_finished.connect(_task_finished, dispatch_uid="request_id_finished")
