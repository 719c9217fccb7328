"""The edge: a real Varnish, with the project's configuration, in front of a separately served site.

A page cached at the edge is purged when a change is published, so the next response through
Varnish is fresh; cookies other than a session do not bypass it, and tracking parameters share
one copy. Without `varnishd` (apt-get install varnish) these tests are skipped.
"""

import http.client
import os
import shutil
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

import pytest

from tests.browser.conftest import free_port
from tests.varnish import write_vcl

ROOT = Path(__file__).resolve().parent.parent
VARNISHD = shutil.which("varnishd") or ("/usr/sbin/varnishd" if Path("/usr/sbin/varnishd").exists() else None)

pytestmark = pytest.mark.skipif(VARNISHD is None, reason="varnishd is not installed (apt-get install varnish).")


def wait_for(url, seconds=60, log=None):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            urllib.request.urlopen(url, timeout=2)  # noqa: S310 - a local test server
            return
        except OSError:
            time.sleep(0.2)
    pytest.fail(f"{url} did not answer. {log_of(log) if log else ''}")


def log_of(path):
    return path.read_text()[-2000:] if path.exists() else ""


@pytest.fixture(scope="module")
def edge(tmp_path_factory):
    """The demo site under runserver with the page cache on, and Varnish in front of it."""
    workdir = tmp_path_factory.mktemp("edge")
    app_port, edge_port, admin_port = free_port(), free_port(), free_port()
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "ellemes.settings.dev",
        "DATABASE_URL": f"sqlite:///{workdir / 'site.sqlite3'}",
        "MEDIA_ROOT": str(workdir / "media"),
        "PAGE_CACHE_ENABLED": "true",
        # Shared by the site and the process that publishes, as Redis is in production.
        "PAGE_CACHE_URL": f"filecache://{workdir / 'pages'}",
        "VARNISH_URL": f"http://127.0.0.1:{edge_port}",
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        "EMAIL_URL": "consolemail://",
    }
    manage = [sys.executable, "manage.py"]
    for command in (["migrate", "--noinput"], ["load_demo_content"]):
        subprocess.run(manage + command, cwd=ROOT, env=env, check=True, capture_output=True, timeout=300)
    app = subprocess.Popen(  # noqa: S603
        manage + ["runserver", f"127.0.0.1:{app_port}", "--noreload"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=open(workdir / "app.log", "w"),  # noqa: SIM115
    )
    # Varnish's worker drops root privileges, so its files live in a directory anyone may read.
    varnish_dir = Path(tempfile.mkdtemp(prefix="edge-varnish-"))
    varnish_dir.chmod(0o755)
    write_vcl(varnish_dir, [app_port])
    edge = subprocess.Popen(  # noqa: S603
        [
            VARNISHD,
            "-F",
            "-n",
            str(varnish_dir / "state"),
            "-f",
            str(varnish_dir / "default.vcl"),
            "-a",
            f"127.0.0.1:{edge_port}",
            "-T",
            f"127.0.0.1:{admin_port}",
            "-s",
            "malloc,64m",
            "-p",
            "ban_lurker_sleep=0.01",
        ],
        stdout=open(varnish_dir / "varnish.log", "w"),  # noqa: SIM115
        stderr=subprocess.STDOUT,
    )
    try:
        wait_for(f"http://127.0.0.1:{app_port}/healthz", log=workdir / "app.log")
        wait_for(f"http://127.0.0.1:{edge_port}/healthz", log=varnish_dir / "varnish.log")

        class Edge:
            url = f"http://127.0.0.1:{edge_port}"
            environment = env

            @staticmethod
            def get(path, headers=None):
                connection = http.client.HTTPConnection("127.0.0.1", edge_port, timeout=10)
                connection.request("GET", path, headers={"Host": "127.0.0.1", **(headers or {})})
                response = connection.getresponse()
                return response, response.read().decode()

            @staticmethod
            def run(code):
                """Run Python in another process of the site, as the admin or the scheduler would."""
                script = f"import django; django.setup()\n{code}"
                subprocess.run([sys.executable, "-c", script], cwd=ROOT, env=env, check=True, timeout=120)

        yield Edge
    finally:
        edge.terminate()
        app.terminate()
        edge.wait(timeout=10)
        app.wait(timeout=10)
        shutil.rmtree(varnish_dir, ignore_errors=True)


def cached_at_the_edge(edge, path, headers=None):
    for _ in range(3):
        response, body = edge.get(path, headers)
        if response.getheader("X-Cache") == "hit":
            return body
    pytest.fail(f"{path} was not cached at the edge")


def test_a_published_change_is_fresh_through_the_edge(edge):
    assert "Skin journal by ELLEMES" not in cached_at_the_edge(edge, "/blog/")
    started = time.monotonic()
    edge.run(
        "from blog.models import BlogIndexPage\n"
        "blog = BlogIndexPage.objects.get()\n"
        "blog.title = 'Skin journal by ELLEMES'\n"
        "blog.save_revision().publish()\n"
    )
    response, body = edge.get("/blog/")
    assert "Skin journal by ELLEMES" in body
    assert response.getheader("X-Cache") == "miss"
    assert time.monotonic() - started < 30  # includes starting the publishing process


def test_a_csrf_cookie_does_not_bypass_the_edge(edge):
    cached_at_the_edge(edge, "/staff/")
    response, _ = edge.get("/staff/", {"Cookie": "csrftoken=abc; _ga=GA1.2.3"})
    assert response.getheader("X-Cache") == "hit"


def test_tracking_parameters_share_one_copy(edge):
    cached_at_the_edge(edge, "/specials/")
    response, _ = edge.get("/specials/?utm_source=newsletter&gclid=xyz")
    assert response.getheader("X-Cache") == "hit"


def test_staff_and_forms_are_never_kept_at_the_edge(edge):
    for path, headers in (("/blog/", {"Cookie": "sessionid=abc"}), ("/contact/", None), ("/search/?q=botox", None)):
        edge.get(path, headers)
        response, _ = edge.get(path, headers)
        assert response.getheader("X-Cache") == "miss", path


def test_purging_is_refused_from_other_addresses(edge):
    cached_at_the_edge(edge, "/")
    port = int(edge.url.rsplit(":", 1)[1])
    # Another loopback address stands for any machine that is not the app's.
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10, source_address=("127.0.0.2", 0))
    connection.request("PURGE", "/", headers={"Host": "127.0.0.1"})
    assert connection.getresponse().status == 405
    assert edge.get("/")[0].getheader("X-Cache") == "hit"
