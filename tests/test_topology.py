"""The production topology as processes on one machine: Varnish in front of two gunicorn app servers (A and B)
that share one PostgreSQL database, one Redis, one S3-compatible bucket (moto's server) and one worker.

What one app server does, the other sees at once: an image uploaded through A is in the bucket and on a page
B renders; a page published through A is fresh through Varnish and through B; a login on A is valid on B; the
inquiry rate limit counts across both; an inquiry sent to either is stored and notified once. Killing A under
load costs no request once Varnish's probe has moved traffic to B. No log line of any process holds what a
patient typed. Without `varnishd` (apt-get install varnish) or `redis-server` these tests are skipped.
"""

import json
import logging
import os
import re
import secrets
import shutil
import signal
import subprocess
import sys
import threading
import time
import urllib.parse
from pathlib import Path

import pytest

from tests.servers import SMTPServer, free_port
from tests.varnish import VARNISHD, Varnish

requests = pytest.importorskip("requests")
boto3 = pytest.importorskip("boto3")
moto_server = pytest.importorskip("moto.server")

ROOT = Path(__file__).resolve().parent.parent
REDIS_SERVER = shutil.which("redis-server")
BUCKET = "ellemes-media"
INQUIRY_LIMIT = 3
EDITOR, EDITOR_PASSWORD, BACKUP_CODE = "topology-editor", secrets.token_urlsafe(16), "topo1234code"
PATIENTS = [
    {"name": name, "email": email, "phone": f"+1 404 555 017{number}", "message": word}
    for number, (name, email, word) in enumerate(
        [
            ("Quillon Marchetti", "quillon.zx81@example.org", "Zephyrine"),
            ("Ottoline Brackwater", "ottoline.q42@example.org", "Vesperine"),
            ("Peregrine Stolzfuss", "peregrine.k07@example.org", "Marzipel"),
            ("Isambard Quennell", "isambard.w19@example.org", "Thornquist"),
        ]
    )
]
for number, patient in enumerate(PATIENTS):
    patient["message"] = f"{patient['message']} question about a chemical peel, reference {7731 + number}."

# As docs/deploy.md sets it up: renditions (images/) are public, originals and documents are not.
PUBLIC_RENDITIONS = {
    "Version": "2012-10-17",
    "Statement": [
        {
            "Effect": "Allow",
            "Principal": "*",
            "Action": "s3:GetObject",
            "Resource": f"arn:aws:s3:::{BUCKET}/images/*",
        }
    ],
}

pytestmark = [
    pytest.mark.skipif(VARNISHD is None, reason="varnishd is not installed (apt-get install varnish)."),
    pytest.mark.skipif(REDIS_SERVER is None, reason="redis-server is not installed (apt-get install redis-server)."),
    pytest.mark.skipif(
        not os.environ.get("DATABASE_URL", "").startswith("postgres"), reason="the topology shares one PostgreSQL."
    ),
]

SETUP = """
from django.contrib.auth import get_user_model
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from ellemes.models import ClinicSettings
from wagtail.models import Site

editor = get_user_model().objects.create_superuser({editor!r}, "editor@clinic.example", {password!r})
device = StaticDevice.objects.create(user=editor, name="Backup codes", confirmed=True)
StaticToken.objects.create(device=device, token={code!r})
details = ClinicSettings.for_site(Site.objects.get(is_default_site=True))
details.inquiry_inbox = "front-desk@clinic.example"
details.save()
"""


class Topology:
    def __init__(self, workdir):
        self.workdir = workdir
        self.processes = []
        self.logs = []
        self.inquiry_request_ids = []

    def start(self, name, command, env, new_session=False):
        log = self.workdir / f"{name}.log"
        self.logs.append(log)
        process = subprocess.Popen(  # noqa: S603 - fixed commands
            command,
            cwd=ROOT,
            env=env,
            stdout=open(log, "w"),  # noqa: SIM115
            stderr=subprocess.STDOUT,
            start_new_session=new_session,
        )
        self.processes.append(process)
        return process

    def run(self, code):
        """Python in another process of the site, as a shell or the scheduler would run it; returns its output."""
        script = f"import django; django.setup()\n{code}"
        result = subprocess.run(
            [sys.executable, "-c", script], cwd=ROOT, env=self.env, capture_output=True, text=True, timeout=180
        )
        (self.workdir / "scripts.log").open("a").write(result.stdout + result.stderr)
        assert result.returncode == 0, result.stderr[-3000:]
        # The script's own answers, apart from the log lines on the same output.
        return "\n".join(line[3:] for line in result.stdout.splitlines() if line.startswith("=> "))

    def log_text(self):
        paths = [*self.logs, self.workdir / "scripts.log"]
        return "".join(path.read_text(errors="replace") for path in paths if path.exists())

    def stop(self):
        for process in reversed(self.processes):
            if process.poll() is None:
                process.terminate()
        for process in self.processes:
            try:
                process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                process.kill()


def fresh_database(url):
    import psycopg2

    parts = urllib.parse.urlsplit(url)
    connection = psycopg2.connect(
        dbname="postgres", user=parts.username, password=parts.password, host=parts.hostname, port=parts.port
    )
    connection.autocommit = True
    with connection.cursor() as cursor:
        cursor.execute(f'DROP DATABASE IF EXISTS "{parts.path.lstrip("/")}" WITH (FORCE)')
        cursor.execute(f'CREATE DATABASE "{parts.path.lstrip("/")}"')
    connection.close()


def wait_for(url, process, log, seconds=90):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            pytest.fail(f"{url} exited: {log.read_text()[-3000:]}")
        try:
            if requests.get(url, timeout=2).status_code < 500:
                return
        except requests.RequestException:
            pass
        time.sleep(0.3)
    pytest.fail(f"{url} did not answer: {log.read_text()[-3000:]}")


@pytest.fixture(scope="module")
def topology(tmp_path_factory):
    workdir = tmp_path_factory.mktemp("topology")
    database_url = re.sub(r"/[^/]*$", "/", os.environ["DATABASE_URL"]) + (
        urllib.parse.urlsplit(os.environ["DATABASE_URL"]).path.lstrip("/") + "_topology"
    )
    fresh_database(database_url)
    site = Topology(workdir)
    smtp = SMTPServer().__enter__()
    s3_port = free_port()
    logging.getLogger("werkzeug").setLevel(logging.WARNING)  # moto's server logs every request
    s3 = moto_server.ThreadedMotoServer(ip_address="127.0.0.1", port=s3_port)
    s3.start()
    redis_port, edge_port = free_port(), free_port()
    ports = {"A": free_port(), "B": free_port()}
    try:
        site.start(
            "redis",
            [REDIS_SERVER, "--port", str(redis_port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"],
            os.environ,
        )
        endpoint = f"http://127.0.0.1:{s3_port}"
        bucket = boto3.client(
            "s3", endpoint_url=endpoint, region_name="us-east-1", aws_access_key_id="x", aws_secret_access_key="x"
        )
        bucket.create_bucket(Bucket=BUCKET)
        bucket.put_bucket_policy(Bucket=BUCKET, Policy=json.dumps(PUBLIC_RENDITIONS))
        env = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "ellemes.settings.production",
            "DATABASE_URL": database_url,
            "SECRET_KEY": secrets.token_urlsafe(50),
            "ALLOWED_HOSTS": "127.0.0.1,localhost",
            "BASE_URL": f"http://127.0.0.1:{edge_port}",
            # Plain HTTP on loopback: no TLS proxy in front.
            "SECURE_COOKIES": "false",
            "SECURE_SSL_REDIRECT": "false",
            "SECURE_HSTS_SECONDS": "0",
            "CACHE_URL": f"rediscache://127.0.0.1:{redis_port}/0",
            "PAGE_CACHE_URL": f"rediscache://127.0.0.1:{redis_port}/1",
            "PAGE_CACHE_ENABLED": "true",
            "VARNISH_URL": f"http://127.0.0.1:{edge_port}",
            "AWS_STORAGE_BUCKET_NAME": BUCKET,
            "AWS_S3_ENDPOINT_URL": endpoint,
            "AWS_S3_REGION_NAME": "us-east-1",
            "AWS_ACCESS_KEY_ID": "topology",
            "AWS_SECRET_ACCESS_KEY": secrets.token_hex(16),
            "EMAIL_URL": f"smtp://127.0.0.1:{smtp.port}",
            "INQUIRY_RATE_LIMIT": str(INQUIRY_LIMIT),
            "MEDIA_ROOT": str(workdir / "media"),
            "STATIC_ROOT": str(workdir / "static"),
            "LOG_LEVEL": "INFO",
            "LOG_FORMAT": "json",
            "DB_STATEMENT_TIMEOUT_MS": "60000",
        }
        site.env = env
        for command in (["migrate", "--noinput"], ["collectstatic", "--noinput"], ["load_demo_content"]):
            result = subprocess.run(
                [sys.executable, "manage.py", *command], cwd=ROOT, env=env, capture_output=True, text=True, timeout=600
            )
            (workdir / "scripts.log").open("a").write(result.stdout + result.stderr)
            assert result.returncode == 0, result.stderr[-3000:]
        site.run(SETUP.format(editor=EDITOR, password=EDITOR_PASSWORD, code=BACKUP_CODE))
        servers = {}
        for name, port in ports.items():
            command = [sys.executable, "-m", "gunicorn", "ellemes.wsgi:application", "-b", f"127.0.0.1:{port}"]
            servers[name] = site.start(f"web-{name}", [*command, "-w", "2", "--graceful-timeout", "5"], env, True)
        # As in production: inquiry notices never wait behind image work.
        worker = site.start("worker", [sys.executable, "manage.py", "run_worker", "--heartbeat", ""], env)
        site.start(
            "renditions", [sys.executable, "manage.py", "run_worker", "--queues", "renditions", "--heartbeat", ""], env
        )
        edge = Varnish(list(ports.values()), port=edge_port, probe_interval="1s")
        for name, port in ports.items():
            wait_for(f"http://127.0.0.1:{port}/healthz", servers[name], workdir / f"web-{name}.log")
        edge.wait()
        site.urls = {name: f"http://127.0.0.1:{port}" for name, port in ports.items()}
        site.servers, site.worker, site.edge, site.smtp, site.bucket = servers, worker, edge, smtp, bucket
        yield site
    finally:
        if "edge" in locals():
            locals()["edge"].stop()
        site.stop()
        s3.stop()
        smtp.__exit__(None, None, None)


def form_fields(html):
    return dict(re.findall(r'name="(csrfmiddlewaretoken|form_token)" value="([^"]+)"', html))


def signed_in(site, url):
    """A browser session signed in to the admin at `url`: password, then a backup code as the second factor."""
    browser = requests.Session()
    login = browser.get(f"{url}/admin/login/", timeout=20)
    response = browser.post(
        f"{url}/admin/login/",
        data={"username": EDITOR, "password": EDITOR_PASSWORD, **form_fields(login.text)},
        headers={"Referer": f"{url}/admin/login/"},
        timeout=20,
    )
    assert "/admin/two-factor/" in response.url, response.text[-2000:]
    response = browser.post(
        response.url, data={"code": BACKUP_CODE, **form_fields(response.text)}, headers={"Referer": response.url}
    )
    assert response.url.rstrip("/").endswith("/admin"), response.url
    return browser


@pytest.fixture(scope="module")
def editor(topology):
    return signed_in(topology, topology.urls["A"])


def test_a_login_on_a_is_valid_on_b(topology, editor):
    response = editor.get(f"{topology.urls['B']}/admin/", timeout=20, allow_redirects=False)
    assert response.status_code == 200
    assert "Dashboard" in response.text
    stranger = requests.get(f"{topology.urls['B']}/admin/", timeout=20, allow_redirects=False)
    assert stranger.status_code == 302


def test_an_image_uploaded_through_a_is_in_the_bucket_and_on_a_page_b_renders(topology, editor):
    from PIL import Image

    picture = topology.workdir / "treatment-room.png"
    Image.new("RGB", (900, 600), (180, 120, 140)).save(picture)
    add = editor.get(f"{topology.urls['A']}/admin/images/add/", timeout=20)
    with picture.open("rb") as file:
        response = editor.post(
            f"{topology.urls['A']}/admin/images/add/",
            data={
                "title": "Treatment room, topology",
                "alt_text": "A calm treatment room",
                "collection": "1",
                "csrfmiddlewaretoken": form_fields(add.text)["csrfmiddlewaretoken"],
            },
            files={"file": ("treatment-room.png", file, "image/png")},
            headers={"Referer": f"{topology.urls['A']}/admin/images/add/"},
            timeout=60,
        )
    assert response.status_code == 200 and "/admin/images/" in response.url, response.text[-2000:]
    original = topology.run(
        "from wagtail.images import get_image_model\n"
        "print('=>', get_image_model().objects.get(title='Treatment room, topology').file.name)"
    ).strip()
    assert original.startswith("original_images/")
    assert topology.bucket.head_object(Bucket=BUCKET, Key=original)["ContentLength"] > 0
    assert not (topology.workdir / "media" / original).exists()
    endpoint = topology.env["AWS_S3_ENDPOINT_URL"]
    assert requests.get(f"{endpoint}/{BUCKET}/{original}", timeout=20).status_code == 403  # private
    # An editor puts it on an article (the page editor's form is the admin's business, not this test's).
    slug = topology.run(
        "from blog.models import ArticlePage\n"
        "from wagtail.images import get_image_model\n"
        "post = ArticlePage.objects.live().first()\n"
        "post.hero_image = get_image_model().objects.get(title='Treatment room, topology')\n"
        "post.save_revision().publish()\n"
        "print('=>', post.url_path)"
    ).strip()
    path = "/" + slug.strip("/").split("/", 1)[1] + "/"
    page = requests.get(topology.urls["B"] + path, timeout=30)
    assert page.status_code == 200
    sources = re.findall(r'(?:src|srcset)="([^" ]*/images/treatment-room[^" ]*)', page.text)
    assert sources, "the page does not show the new image"
    image = requests.get(sources[0].replace("&amp;", "&"), timeout=20)
    assert image.status_code == 200 and len(image.content) > 100
    assert sources[0].startswith(topology.env["AWS_S3_ENDPOINT_URL"] + f"/{BUCKET}/images/")
    assert topology.env["AWS_S3_ENDPOINT_URL"] in page.headers["Content-Security-Policy"]
    # Made once, whichever process asked first: one rendition per size, and each in the bucket.
    counts = topology.run(
        "from django.db.models import Count\n"
        "from wagtail.images import get_image_model\n"
        "image = get_image_model().objects.get(title='Treatment room, topology')\n"
        "print('=>', max(r['n'] for r in image.renditions.values('filter_spec').annotate(n=Count('id'))))\n"
        "print('=>', image.renditions.first().file.name)"
    ).split()
    assert counts[0] == "1"
    assert topology.bucket.head_object(Bucket=BUCKET, Key=counts[1])["ContentLength"] > 0


def test_documents_stay_private_behind_wagtails_view_and_short_lived_signed_links(topology):
    url = topology.run(
        "from django.core.files.base import ContentFile\n"
        "from wagtail.documents import get_document_model\n"
        "document = get_document_model().objects.create(\n"
        "    title='Price list', file=ContentFile(b'%PDF-1.4 price list', name='price-list.pdf'))\n"
        "print('=>', document.url, document.file.name)"
    ).split()
    path, key = url
    assert path.startswith("/documents/")
    endpoint = topology.env["AWS_S3_ENDPOINT_URL"]
    assert requests.get(f"{endpoint}/{BUCKET}/{key}", timeout=20).status_code == 403
    answer = requests.get(topology.urls["B"] + path, timeout=20, allow_redirects=False)
    assert answer.status_code == 302
    signed = answer.headers["Location"]
    assert signed.startswith(f"{endpoint}/{BUCKET}/{key}?") and "Signature=" in signed and "Expires=" in signed
    assert requests.get(signed, timeout=20).content == b"%PDF-1.4 price list"


def cached_at_the_edge(url):
    for _ in range(5):
        response = requests.get(url, timeout=20)
        if response.headers.get("X-Cache") == "hit":
            return response.text
    pytest.fail(f"{url} was not cached at the edge")


def test_a_page_published_through_a_is_fresh_through_varnish_and_b_at_once(topology, editor):
    edge, b = topology.edge.url, topology.urls["B"]
    old = cached_at_the_edge(edge + "/blog/")
    requests.get(b + "/blog/", timeout=20)
    assert requests.get(b + "/blog/", timeout=20).headers.get("X-Cache") == "hit"  # B's pages cache (Redis)
    title = f"Skin journal {secrets.token_hex(3)}"
    assert title not in old
    page_id = topology.run(
        f"from blog.models import BlogIndexPage\npage = BlogIndexPage.objects.get()\npage.title = {title!r}\n"
        "page.save_revision()\nprint('=>', page.pk)"
    ).strip()
    publish = f"{topology.urls['A']}/admin/bulk/wagtailcore/page/publish/?id={page_id}"
    form = editor.get(publish, timeout=20)
    response = editor.post(
        publish, data=form_fields(form.text), headers={"Referer": publish}, timeout=30, allow_redirects=False
    )
    assert response.status_code == 302, response.text[-2000:]
    through_edge = requests.get(edge + "/blog/", timeout=20)
    assert title in through_edge.text and through_edge.headers["X-Cache"] == "miss"
    assert title in requests.get(b + "/blog/", timeout=20).text


def contact_form(url):
    browser = requests.Session()
    return browser, form_fields(browser.get(url + "/contact/", timeout=20).text)


def inquiry(patient, fields):
    return {
        **patient,
        "contact_method": "email",
        "inquiry_type": "consultation",
        "treatment": "",
        "special": "",
        "staff_member": "",
        "consent": "on",
        "website": "",
        **fields,
    }


def test_inquiries_to_either_server_are_limited_together_stored_once_and_notified_once(topology):
    servers = ["A", "B", "A", "B"]
    forms = [contact_form(topology.urls[name]) for name in servers]
    time.sleep(3.5)  # a form sent faster than a person could fill it in is refused
    statuses = []
    for name, patient, (browser, fields) in zip(servers, PATIENTS, forms, strict=True):
        response = browser.post(
            topology.urls[name] + "/contact/",
            data=inquiry(patient, fields),
            headers={"Referer": topology.urls[name] + "/contact/"},
            timeout=30,
            allow_redirects=False,
        )
        statuses.append(response.status_code)
        topology.inquiry_request_ids.append(response.headers["X-Request-ID"])
    # Both servers count the same client in the same window: the fourth, on B, is over the limit of three.
    assert statuses == [302, 302, 302, 429]
    stored = topology.run(
        "from contact.models import Inquiry\n"
        f"for email in {[patient['email'] for patient in PATIENTS]!r}:\n"
        "    print('=>', ' '.join(Inquiry.objects.filter(email=email).values_list('reference', flat=True)) or '-')"
    ).splitlines()
    assert [len(line.split()) for line in stored] == [1, 1, 1, 1] and stored[3] == "-"
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and len(topology.smtp.received_by("front-desk@clinic.example")) < 3:
        time.sleep(0.5)
    time.sleep(2)  # anything sent twice would arrive by now
    # The notice names the inquiry by its reference only; the patient's acknowledgement goes to their address.
    subjects = [message["Subject"] for message in topology.smtp.received_by("front-desk@clinic.example")]
    for patient, reference in zip(PATIENTS[:3], stored, strict=False):
        assert sum(f"#{reference} " in subject for subject in subjects) == 1, subjects
        assert len(topology.smtp.received_by(patient["email"])) == 1
    assert len(subjects) == 3
    assert not topology.smtp.received_by(PATIENTS[3]["email"])


def test_no_log_line_holds_what_a_patient_typed(topology):
    # Runs after the inquiries above (pytest keeps file order); every process's output, every line.
    logs = topology.log_text()
    assert '"logger": "ellemes.requests"' in logs and '"logger": "ellemes.tasks"' in logs
    for patient in PATIENTS[:3]:
        for field in ("name", "email", "phone", "message"):
            value = patient[field]
            assert value not in logs, field
            assert urllib.parse.quote_plus(value) not in logs, field
        assert patient["email"].split("@")[0] not in logs
        assert patient["phone"].replace(" ", "")[-7:] not in logs.replace(" ", "")
        assert patient["name"].split()[1] not in logs


def test_the_worker_logs_each_notice_under_the_id_of_the_request_that_queued_it(topology):
    worker_log = (topology.workdir / "worker.log").read_text()
    started = [json.loads(line) for line in worker_log.splitlines() if '"task started"' in line]
    notices = {line["request_id"] for line in started if line["task"].startswith("contact.")}
    assert len(topology.inquiry_request_ids) == 4
    # The three stored inquiries each queued their notice; the refused fourth queued nothing.
    assert set(topology.inquiry_request_ids[:3]) <= notices
    assert topology.inquiry_request_ids[3] not in notices


def test_killing_a_under_load_loses_no_request_once_varnish_moved_to_b(topology):
    edge = topology.edge.url
    results, stop = [], threading.Event()

    def visitor():
        browser = requests.Session()
        while not stop.is_set():
            try:
                # Never cached whole: every request reaches an app server.
                status = browser.get(edge + "/contact/", timeout=20).status_code
            except requests.RequestException:
                status = 0
            results.append((time.monotonic(), status))

    visitors = [threading.Thread(target=visitor) for _ in range(4)]
    for thread in visitors:
        thread.start()
    time.sleep(3)
    killed_at = time.monotonic()
    os.killpg(topology.servers["A"].pid, signal.SIGKILL)  # a crash: master and workers at once
    moved_at = None
    while time.monotonic() < killed_at + 20:
        health = topology.edge.backend_health()
        if re.search(r"app0\s.*\bsick\b", health):
            moved_at = time.monotonic()
            break
        time.sleep(0.1)
    time.sleep(4)
    stop.set()
    for thread in visitors:
        thread.join(timeout=30)
    assert moved_at is not None, "Varnish never marked A sick"
    before = [status for at, status in results if at < killed_at]
    switching = [status for at, status in results if killed_at <= at < moved_at]
    after = [status for at, status in results if at >= moved_at]
    errors_switching = sum(status != 200 for status in switching)
    print(
        f"\nKilled app server A under load: {len(before)} requests before, {len(switching)} in the "
        f"{moved_at - killed_at:.1f} s until Varnish's probe marked A sick ({errors_switching} errors), "
        f"{len(after)} after ({sum(status != 200 for status in after)} errors). Statuses while switching: "
        f"{sorted(set(switching))} (0: the connection broke mid-response)."
    )
    assert all(status == 200 for status in before)
    assert after and all(status == 200 for status in after)
    # Varnish tries a failed GET again on the next server: only a response A had begun to send can be lost.
    assert errors_switching <= 4
