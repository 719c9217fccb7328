"""Request ids: returned in X-Request-ID, taken from a proxy only when sane, carried to queued tasks; JSON lines."""

import io
import json
import logging
import logging.config

import pytest
from django.core.cache import cache
from django_tasks import task

from ellemes.request_logs import HEADER, current_request_id, request_id_from


@pytest.fixture
def log_output(settings):
    """Everything logged, at every level, through the site's own JSON handler."""
    stream = io.StringIO()
    config = {**settings.LOGGING, "handlers": {**settings.LOGGING["handlers"]}}
    config["handlers"]["console"] = {**config["handlers"]["console"], "formatter": "json"}
    del config["handlers"]["console"]["stream"]
    logging.config.dictConfig(config)
    root = logging.getLogger()
    handler = root.handlers[0]
    handler.setStream(stream)
    level = root.level
    root.setLevel(logging.DEBUG)
    yield stream
    root.setLevel(level)
    logging.config.dictConfig(settings.LOGGING)


def lines(stream):
    return [json.loads(line) for line in stream.getvalue().splitlines() if line.strip()]


@pytest.mark.django_db
def test_each_response_carries_a_new_request_id(client):
    first = client.get("/healthz")[HEADER]
    second = client.get("/healthz")[HEADER]
    assert len(first) == 32 and first != second


@pytest.mark.django_db
def test_a_sane_id_from_the_proxy_is_kept(client):
    incoming = "5f0c6a8e-3b7e-4a51-9a57-2f1d0c9e8b11"
    assert client.get("/healthz", headers={HEADER: incoming})[HEADER] == incoming


@pytest.mark.parametrize(
    "incoming",
    ["", "short", "x" * 200, "abc def ghijkl", "abcdefgh\nlevel=ERROR forged", "abcdefgh\x00", "<script>alert(1)"],
)
def test_an_insane_incoming_id_is_replaced(incoming):
    replaced = request_id_from(incoming)
    assert replaced != incoming and len(replaced) == 32


@pytest.mark.django_db
def test_one_json_line_per_request_with_its_id_and_no_query_string(client, log_output):
    response = client.get("/search/?q=private+words", headers={HEADER: "proxy-id-1234"})
    access = [line for line in lines(log_output) if line["logger"] == "ellemes.requests"]
    assert access == [
        {
            "time": access[0]["time"],
            "level": "INFO",
            "logger": "ellemes.requests",
            "message": "request",
            "request_id": "proxy-id-1234",
            "method": "GET",
            "path": "/search/",
            "status": response.status_code,
            "duration_ms": access[0]["duration_ms"],
        }
    ]
    assert "private" not in log_output.getvalue()


@task(backend="durable")
def note_request_id():
    logging.getLogger("ellemes.tasks").info("inside the task")
    return current_request_id.get()


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_task_queued_during_a_request_runs_under_its_id(log_output):
    from django.core.management import call_command

    cache.clear()
    token = current_request_id.set("request-from-the-web-1")
    try:
        result = note_request_id.enqueue()
    finally:
        current_request_id.reset(token)
    call_command("db_worker", "--batch", "--backend", "durable", "--no-startup-delay", verbosity=0)
    result.refresh()
    assert result.return_value == "request-from-the-web-1"
    task_lines = [line for line in lines(log_output) if line["logger"] == "ellemes.tasks"]
    assert [line["message"] for line in task_lines] == ["task started", "inside the task", "task finished"]
    assert {line["request_id"] for line in task_lines} == {"request-from-the-web-1"}
    assert current_request_id.get() == ""
