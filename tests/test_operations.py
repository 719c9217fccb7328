"""Health check, behavior while the database is down, and production settings that fail loudly."""

import os
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from django.db import OperationalError, connection

pytestmark = pytest.mark.usefixtures("small_site")

ROOT = Path(__file__).resolve().parent.parent


def failing_database(execute, sql, params, many, context):
    raise OperationalError("could not connect to server")


@pytest.mark.django_db
class TestHealthCheck:
    def test_ok_when_the_database_answers(self, client):
        response = client.get("/healthz")
        assert response.status_code == 200
        assert response.json() == {"status": "ok"}
        assert "no-cache" in response["Cache-Control"]

    def test_503_when_the_database_fails(self, client):
        with connection.execute_wrapper(failing_database):
            response = client.get("/healthz")
        assert response.status_code == 503
        assert response.json()["status"] == "error"
        assert "could not connect" not in response.content.decode()


@pytest.mark.django_db
class TestDatabaseOutage:
    def test_public_page_answers_a_friendly_503_and_recovers(self, client):
        client.raise_request_exception = False
        with connection.execute_wrapper(failing_database):
            response = client.get("/blog/")
        assert response.status_code == 503
        body = response.content.decode()
        assert "right back" in body
        assert 'class="site-header__wordmark"' in body, "the error page carries the clinic's wordmark"
        assert "Traceback" not in body and "OperationalError" not in body
        assert response["Retry-After"]
        assert client.get("/blog/").status_code == 200

    def test_other_errors_render_the_500_page_without_the_database(self, rf):
        from ellemes.views import server_error

        try:
            raise ValueError("boom")
        except ValueError:
            with connection.execute_wrapper(failing_database):
                response = server_error(rf.get("/"))
        assert response.status_code == 500
        assert "Something went wrong" in response.content.decode()
        assert 'class="site-header__wordmark"' in response.content.decode()


def run_production_settings(**environment):
    env = {
        key: value for key, value in os.environ.items() if key not in {"SECRET_KEY", "ALLOWED_HOSTS", "DATABASE_URL"}
    }
    env.update(environment, DJANGO_SETTINGS_MODULE="ellemes.settings.production")
    return subprocess.run(
        [sys.executable, "-c", "import django; django.setup()"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )


class TestProductionSettings:
    GOOD = {
        "SECRET_KEY": "x7!q" * 16,
        "ALLOWED_HOSTS": "ellemes.example",
        "DATABASE_URL": "postgres://u:p@db:5432/ellemes",
    }

    @pytest.mark.parametrize("missing", ["SECRET_KEY", "ALLOWED_HOSTS", "DATABASE_URL"])
    def test_refuses_to_start_without(self, missing):
        result = run_production_settings(**{k: v for k, v in self.GOOD.items() if k != missing})
        assert result.returncode != 0
        assert f"{missing} must be set" in result.stderr

    def test_refuses_a_development_secret(self):
        result = run_production_settings(
            **{**self.GOOD, "SECRET_KEY": "django-insecure-dev-only-key-never-use-in-production"}
        )
        assert result.returncode != 0
        assert "known development value" in result.stderr

    def test_starts_with_everything_set(self):
        result = run_production_settings(**self.GOOD)
        assert result.returncode == 0, result.stderr


def test_compose_file_runs_the_site_on_a_healthy_postgres():
    compose = yaml.safe_load((ROOT / "docker-compose.yml").read_text())
    services = compose["services"]
    db, web, worker = services["db"], services["web"], services["worker"]
    assert db["image"].startswith("postgres:16")
    assert "pg_isready" in " ".join(db["healthcheck"]["test"])
    assert db["volumes"]
    assert web["depends_on"]["db"]["condition"] == "service_healthy"
    assert web["environment"]["DJANGO_SETTINGS_MODULE"] == "ellemes.settings.production"
    for name in ("DATABASE_URL", "SECRET_KEY", "ALLOWED_HOSTS"):
        assert name in web["environment"]
    # Migrations run once, in the one-shot `migrate` service, before any app server starts.
    assert web["depends_on"]["migrate"]["condition"] == "service_completed_successfully"
    assert "migrate --noinput" in " ".join(services["migrate"]["command"])
    assert "run_worker" in str(worker["command"])
    assert "run_periodic" in str(services["scheduler"]["command"])


def test_compose_restarts_and_health_checks_the_site_and_the_worker():
    services = yaml.safe_load((ROOT / "docker-compose.yml").read_text())["services"]
    for name in ("web", "worker", "scheduler"):
        assert services[name]["restart"] == "unless-stopped", name
    assert "/healthz" in " ".join(services["web"]["healthcheck"]["test"])
    assert services["worker"]["environment"]["WORKER_HEARTBEAT_FILE"] in " ".join(
        services["worker"]["healthcheck"]["test"]
    )


def test_make_run_starts_the_worker_again_when_it_exits():
    run = (ROOT / "Makefile").read_text().split("\nrun:")[1].split("\n\n")[0]
    assert "while :; do $(BIN)/python manage.py run_worker" in run
