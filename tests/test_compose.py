"""The production stack as written: docker-compose.yml's services, health checks, start order, restart
policies and secrets; the Dockerfile's stages; the edge and proxy configurations compile."""

import re
import shutil
import subprocess
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parent.parent
COMPOSE = yaml.safe_load((ROOT / "docker-compose.yml").read_text())
SERVICES = COMPOSE["services"]
APP_SERVICES = ("migrate", "web", "worker", "renditions", "scheduler")
SECRETS = ("SECRET_KEY", "POSTGRES_PASSWORD", "EMAIL_URL", "AWS_SECRET_ACCESS_KEY", "CLOUDFLARE_BEARER_TOKEN")
VARNISHD = shutil.which("varnishd") or ("/usr/sbin/varnishd" if Path("/usr/sbin/varnishd").exists() else None)


def test_every_service_of_the_stack_is_there():
    assert set(SERVICES) == {"proxy", "cache", "web", "worker", "renditions", "scheduler", "migrate", "db", "redis"}
    assert SERVICES["db"]["image"] == "postgres:16"
    assert SERVICES["redis"]["image"] == "redis:7"
    assert SERVICES["proxy"]["image"].startswith("caddy:")
    assert SERVICES["cache"]["image"].startswith("varnish:")


def test_only_the_proxy_publishes_ports():
    assert [name for name, service in SERVICES.items() if "ports" in service] == ["proxy"]
    assert {"80:80", "443:443"} <= set(SERVICES["proxy"]["ports"])


def test_web_scales_behind_the_cache():
    web = SERVICES["web"]
    assert "container_name" not in web and "ports" not in web
    assert web["expose"] == ["8000"]
    assert "gunicorn" in web["command"]
    assert web["environment"]["DJANGO_SETTINGS_MODULE"] == "ellemes.settings.production"
    assert web["environment"]["VARNISH_URL"] == "http://cache:80"
    assert SERVICES["proxy"]["environment"]["UPSTREAM"] == "cache:80"
    volumes = SERVICES["cache"]["volumes"]
    assert "./deploy/varnish/compose-backends.vcl:/etc/varnish/backends.vcl:ro" in volumes
    assert "dynamic.director" in (ROOT / "deploy" / "varnish" / "compose-backends.vcl").read_text()


@pytest.mark.parametrize("name", ["db", "redis", "web", "worker", "renditions", "cache", "proxy"])
def test_long_running_services_have_health_checks(name):
    check = SERVICES[name]["healthcheck"]
    assert check["test"][0] in ("CMD", "CMD-SHELL") and check.get("disable") is not True
    assert {"interval", "timeout", "retries"} <= set(check)


def test_web_health_check_is_healthz():
    assert "/healthz" in " ".join(SERVICES["web"]["healthcheck"]["test"])


def test_start_order():
    depends = {name: service.get("depends_on", {}) for name, service in SERVICES.items()}
    assert depends["migrate"] == {"db": {"condition": "service_healthy"}, "redis": {"condition": "service_healthy"}}
    for name in ("web", "worker", "renditions", "scheduler"):
        assert depends[name]["migrate"] == {"condition": "service_completed_successfully"}, name
        assert depends[name]["db"] == {"condition": "service_healthy"}, name
    assert depends["web"]["redis"] == {"condition": "service_healthy"}
    assert depends["proxy"] == {"cache": {"condition": "service_healthy"}}


def test_migrate_runs_once_and_clears_the_page_cache():
    migrate = SERVICES["migrate"]
    assert migrate["restart"] == "no"
    command = " ".join(migrate["command"])
    assert "migrate --noinput" in command and command.index("migrate --noinput") < command.index("clear_page_cache")


@pytest.mark.parametrize("name", ["db", "redis", "web", "worker", "renditions", "scheduler", "cache", "proxy"])
def test_services_come_back_after_a_failure(name):
    assert SERVICES[name]["restart"] in ("unless-stopped", "always", "on-failure")


def test_app_processes_share_one_image_and_the_media():
    images = {SERVICES[name]["image"] for name in APP_SERVICES}
    assert len(images) == 1
    for name in APP_SERVICES:
        assert "media:/app/media" in SERVICES[name]["volumes"]


def test_no_secret_has_a_default():
    text = (ROOT / "docker-compose.yml").read_text()
    for secret in SECRETS:
        # ${NAME:-default} or ${NAME-default} would start the stack with a known value.
        assert not re.search(rf"\$\{{{secret}:?-", text), secret
    environment = SERVICES["web"]["environment"]
    assert environment["SECRET_KEY"].startswith("${SECRET_KEY:?")
    assert environment["EMAIL_URL"].startswith("${EMAIL_URL:?")
    assert "${POSTGRES_PASSWORD:?" in environment["DATABASE_URL"]
    assert SERVICES["db"]["environment"]["POSTGRES_PASSWORD"].startswith("${POSTGRES_PASSWORD:?")
    # Optional credentials pass through from the shell when set, with no value written here.
    for name in ("AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "CLOUDFLARE_BEARER_TOKEN"):
        assert environment[name] is None, name


def dockerfile_stages():
    text = (ROOT / "Dockerfile").read_text()
    return re.split(r"^FROM ", text, flags=re.MULTILINE)[1:]


def test_dockerfile_builds_wheels_apart_and_ships_a_slim_non_root_image():
    builder, final = dockerfile_stages()
    assert builder.startswith("python:3.11-slim AS builder")
    assert "pip wheel" in builder and "build-essential" in builder
    assert final.startswith("python:3.11-slim\n")
    assert "COPY --from=builder /wheels" in final and "--no-index" in final
    assert "build-essential" not in final and "gcc" not in final and "apt-get install" not in final
    assert "collectstatic --noinput" in final
    assert re.search(r"^USER ellemes$", final, re.MULTILINE)
    assert final.index("collectstatic") < final.index("USER ellemes")
    assert re.search(r"^HEALTHCHECK .*/healthz", final, re.MULTILINE | re.DOTALL)
    ignored = (ROOT / ".dockerignore").read_text().split()
    assert {".env", ".venv", ".git"} <= set(ignored)


@pytest.mark.skipif(VARNISHD is None, reason="varnishd is not installed (apt-get install varnish).")
def test_the_edge_configuration_compiles():
    result = subprocess.run(
        [VARNISHD, "-C", "-f", str(ROOT / "deploy" / "varnish" / "default.vcl")], capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr[-2000:]


@pytest.mark.skipif(shutil.which("caddy") is None, reason="caddy is not installed (apt-get install caddy).")
def test_the_proxy_configuration_is_valid(tmp_path):
    result = subprocess.run(  # noqa: S603
        [shutil.which("caddy"), "validate", "--adapter", "caddyfile", "--config", str(ROOT / "deploy/caddy/Caddyfile")],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        env={"SITE_ADDRESS": "localhost", "UPSTREAM": "127.0.0.1:6081", "HOME": str(tmp_path), "PATH": "/usr/bin:/bin"},
    )
    assert result.returncode == 0, result.stderr[-2000:]
