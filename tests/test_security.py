"""What an attacker probes first: response headers, uploads, the contact form's input, and the deploy check."""

import importlib
import io
import os
import struct
import subprocess
import sys
import zlib
from importlib.metadata import version
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import Resolver404, resolve, reverse
from packaging.version import Version
from wagtail.documents import get_document_model

import ellemes.urls
from blog.models import ArticlePage
from contact.models import Inquiry
from editorial.roles import EDITORS
from ellemes.models import ClinicImage

pytestmark = pytest.mark.usefixtures("small_site")

ROOT = Path(__file__).resolve().parents[1]
PUBLIC_POLICY = {
    "default-src": "'self'",
    "script-src": "'self'",
    "style-src": "'self'",
    "img-src": "'self' data:",
    "object-src": "'none'",
    "base-uri": "'none'",
    "frame-ancestors": "'none'",
    "form-action": "'self'",
}


def policy(response):
    directives = [part.strip().split(" ", 1) for part in response["Content-Security-Policy"].split(";")]
    return {d[0]: d[1] if len(d) == 2 else "" for d in directives}


def assert_hardened(response):
    assert response["Cross-Origin-Resource-Policy"] == "same-origin"
    assert response["X-Content-Type-Options"] == "nosniff"
    for feature in ("camera", "microphone", "geolocation", "payment", "usb"):
        assert f"{feature}=()" in response["Permissions-Policy"]


def valid_inquiry(**changes):
    return {
        "name": "Maria Lopez",
        "email": "maria@example.com",
        "phone": "",
        "contact_method": "email",
        "inquiry_type": "consultation",
        "message": "I would like to ask about a consultation for under-eye circles.",
        "consent": "on",
        **changes,
    }


@pytest.mark.django_db
class TestHeaders:
    @pytest.mark.parametrize("url", ["/", "article", "/contact/", "/contact/thank-you/"])
    def test_public_pages_allow_no_inline_script_or_style(self, client, url):
        if url == "article":
            url = ArticlePage.objects.live().first().url
        response = client.get(url)
        assert response.status_code in (200, 302)
        assert policy(response) | PUBLIC_POLICY == policy(response)
        assert "unsafe" not in response["Content-Security-Policy"]
        assert_hardened(response)

    def test_the_contact_form_after_a_post_too(self, client):
        response = client.post("/contact/", valid_inquiry(email="not-an-address"))
        assert response.status_code == 200
        assert policy(response) | PUBLIC_POLICY == policy(response)
        assert_hardened(response)

    def test_public_templates_carry_no_inline_script_style_or_handlers(self, client):
        html = client.get(ArticlePage.objects.live().first().url).content.decode()
        html += client.get("/contact/").content.decode()
        assert " style=" not in html and "<style" not in html
        assert " onclick=" not in html and " onload=" not in html
        scripts = html.split("<script")[1:]
        assert all(' src="' in script.split(">")[0] or "application/ld+json" in script for script in scripts)

    def test_the_admin_has_its_own_policy_without_eval(self, client):
        response = client.get("/admin/login/")
        directives = policy(response)
        assert directives["frame-ancestors"] == "'self'"
        assert directives["object-src"] == "'none'"
        assert "unsafe-eval" not in response["Content-Security-Policy"]
        assert_hardened(response)


def production_env(**extra):
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "ellemes.settings.production",
        "SECRET_KEY": "a-long-random-production-secret-for-the-deploy-check-0123456789",
        "ALLOWED_HOSTS": "ellemes.example",
        "DATABASE_URL": os.environ.get("DATABASE_URL", "sqlite:///unused.sqlite3"),
        "CACHE_URL": "rediscache://127.0.0.1:6379/0",
        "PAGE_CACHE_URL": "rediscache://127.0.0.1:6379/1",
        **extra,
    }


def test_the_deploy_check_is_clean_with_production_settings():
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT,
        env=production_env(),
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_production_redirects_to_https_with_a_year_of_hsts_and_host_only_cookies(tmp_path):
    env = production_env(DATABASE_URL=f"sqlite:///{tmp_path / 'site.sqlite3'}", STATIC_ROOT=str(tmp_path / "static"))
    for command in (["migrate", "--noinput"], ["collectstatic", "--noinput"]):
        subprocess.run([sys.executable, "manage.py", *command, "-v0"], cwd=ROOT, env=env, check=True, timeout=300)
    script = (
        "import django; django.setup()\n"
        "from django.test import Client\n"
        "plain = Client().get('/contact/', HTTP_HOST='ellemes.example')\n"
        "secure = Client().get('/admin/login/', HTTP_HOST='ellemes.example', secure=True)\n"
        "print(plain.status_code, plain['Location'])\n"
        "print(secure['Strict-Transport-Security'])\n"
        "print(' '.join(sorted(secure.cookies)))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", script], cwd=ROOT, env=env, capture_output=True, text=True, timeout=120
    )
    redirect, hsts, cookies = result.stdout.strip().splitlines()[-3:]
    assert redirect == "301 https://ellemes.example/contact/"
    assert hsts == "max-age=31536000; includeSubDomains; preload"
    assert cookies == "__Host-csrftoken"


def png(width, height):
    """A valid 1-bit PNG of any size in a few kilobytes: every row is white, so it compresses to almost nothing."""
    row = b"\x00" + b"\xff" * ((width + 7) // 8)
    compressor = zlib.compressobj(9)
    data = b"".join(compressor.compress(row) for _ in range(height)) + compressor.flush()

    def chunk(kind, body):
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))

    header = struct.pack(">IIBBBBB", width, height, 1, 0, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", data) + chunk(b"IEND", b"")


@pytest.mark.django_db
class TestUploads:
    def upload_image(self, client, user_in, name, content):
        client.force_login(user_in(EDITORS))
        return client.post(
            reverse("wagtailimages:add"),
            {"title": name, "alt_text": "A test image", "file": SimpleUploadedFile(name, content)},
        )

    @pytest.mark.parametrize("size", [10_000, 20_000])
    def test_decompression_bombs_get_a_clear_form_error(self, client, user_in, size):
        before = ClinicImage.objects.count()
        response = self.upload_image(client, user_in, f"bomb-{size}.png", png(size, size))
        assert response.status_code == 200
        assert "This image is too large to process (40 megapixels at most)" in response.content.decode()
        assert ClinicImage.objects.count() == before

    def test_svg_is_refused(self, client, user_in):
        svg = b'<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><script>alert(1)</script></svg>'
        response = self.upload_image(client, user_in, "logo.svg", svg)
        assert response.status_code == 200
        assert "Not a supported image format" in response.content.decode()

    def test_images_over_10_mb_are_refused(self, client, user_in):
        big = png(100, 100) + b"\x00" * (10 * 1024 * 1024)
        response = self.upload_image(client, user_in, "big.png", big)
        assert "This file is too big" in response.content.decode()

    def upload_document(self, client, user_in, name, content):
        if "_auth_user_id" not in client.session:
            client.force_login(user_in(EDITORS))
        return client.post(reverse("wagtaildocs:add"), {"title": name, "file": SimpleUploadedFile(name, content)})

    def test_documents_must_be_pdfs_of_at_most_20_mb(self, client, user_in):
        response = self.upload_document(client, user_in, "notes.txt", b"plain text")
        assert "Not a valid document type" in response.content.decode() or "not allowed" in response.content.decode()
        response = self.upload_document(client, user_in, "huge.pdf", b"%PDF-1.4\n" + b"0" * (20 * 1024 * 1024))
        assert "This file is too big" in response.content.decode()
        assert not get_document_model().objects.exists()

    def test_documents_are_served_only_through_wagtails_view(self, client, user_in, settings):
        self.upload_document(client, user_in, "aftercare.pdf", b"%PDF-1.4\n%%EOF\n")
        document = get_document_model().objects.get()
        client.logout()
        served = client.get(document.url)
        assert served.status_code == 200
        assert served["Content-Disposition"].startswith("attachment")

        # Where Django serves uploads itself (development, docker-compose), it serves images, never documents.
        settings.SERVE_MEDIA = True
        try:
            urls = importlib.reload(ellemes.urls)
            image = ClinicImage.objects.first()
            assert resolve(f"/media/{image.file.name}", urlconf=urls).func.__name__ == "serve"
            with pytest.raises(Resolver404):
                resolve(f"/media/{document.file.name}", urlconf=urls)
        finally:
            settings.SERVE_MEDIA = False
            importlib.reload(ellemes.urls)


@pytest.mark.django_db
class TestContactFormInput:
    def test_an_address_without_a_dotted_domain_is_refused(self, client):
        html = client.post("/contact/", valid_inquiry(email="x@localhost")).content.decode()
        assert "Enter your full email address" in html
        assert not Inquiry.objects.exists()

    @pytest.mark.parametrize("invisible", ["\u202e", "\u200b", "\u200d", "\ufeff"])
    def test_invisible_format_characters_are_refused_in_the_name(self, client, invisible):
        html = client.post("/contact/", valid_inquiry(name=f"Maria{invisible}Lopez")).content.decode()
        assert "Please remove the invisible characters" in html
        assert not Inquiry.objects.exists()

    def test_a_failed_security_check_shows_the_patients_answers_back(self):
        client = Client(enforce_csrf_checks=True)
        message = "I would like to ask about <b>under-eye</b> circles."
        response = client.post("/contact/", valid_inquiry(message=message), follow=False)
        assert response.status_code == 403
        html = response.content.decode()
        assert "this form expired before it was sent" in html
        assert "I would like to ask about &lt;b&gt;under-eye&lt;/b&gt; circles." in html
        assert "Maria Lopez" in html
        assert response["Cache-Control"] == "no-store"
        assert not Inquiry.objects.exists()
        # The page offers a fresh token, and sending again works.
        token = response.cookies["csrftoken"].value
        resent = client.post("/contact/", {**valid_inquiry(message=message), "csrfmiddlewaretoken": token})
        assert resent.status_code in (200, 302)

    def test_elsewhere_a_failed_security_check_explains_itself(self):
        response = Client(enforce_csrf_checks=True).post("/search/", {"q": "botox"})
        assert response.status_code == 403
        assert "This form has expired" in response.content.decode()
        assert 'class="site-header__wordmark"' in response.content.decode()


@pytest.mark.parametrize(
    ("package", "minimum"),
    # The releases carrying every security fix published for these lines.
    [("django", "5.2.19"), ("wagtail", "7.4.4"), ("pillow", "13.0.0")],
)
def test_dependencies_carry_the_published_security_fixes(package, minimum):
    assert Version(version(package)) >= Version(minimum)


def test_png_helper_makes_real_images():
    from PIL import Image

    with Image.open(io.BytesIO(png(64, 32))) as image:
        assert image.size == (64, 32)
