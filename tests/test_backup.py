"""A backup can be restored: dump, restore into a scratch database and media folder, compare, render."""

import io
import json
import os
import shutil
import subprocess
import sys
import uuid
from pathlib import Path

import psycopg2
import pytest
from django.contrib.auth import get_user_model
from django.core.files.base import ContentFile
from django.core.management import CommandError, call_command
from django.db import connection
from django.utils import timezone
from wagtail.documents import get_document_model
from wagtail.log_actions import log
from wagtail.models import ModelLogEntry
from wagtail.users.models import UserProfile

from blog.factories import ArticlePageFactory
from contact.models import Inquiry
from tests.test_security import png

ROOT = Path(__file__).resolve().parent.parent

pytestmark = pytest.mark.skipif(
    not (shutil.which("pg_dump") and shutil.which("pg_restore")),
    reason="the backup round trip needs PostgreSQL's client tools (apt-get install postgresql-client)",
)

RENDER_ARTICLE = """
import json
import django
django.setup()
from django.test import Client
from blog.models import ArticlePage
article = ArticlePage.objects.live().filter(hero_image__isnull=False).get(slug=__import__("sys").argv[1])
response = Client().get(article.url)
print(json.dumps({"status": response.status_code, "html": response.content.decode()}))
"""


@pytest.fixture
def postgresql(db):
    if connection.vendor != "postgresql":
        pytest.skip("backups are PostgreSQL dumps; set DATABASE_URL to PostgreSQL")


@pytest.fixture
def scratch_database(postgresql):
    """An empty database on the same server, dropped afterwards."""
    database = connection.settings_dict
    name = f"{database['NAME']}_restore_{uuid.uuid4().hex[:8]}"
    server = psycopg2.connect(
        host=database["HOST"] or "127.0.0.1",
        port=database["PORT"] or 5432,
        user=database["USER"],
        password=database["PASSWORD"],
        dbname="postgres",
    )
    server.autocommit = True
    with server.cursor() as cursor:
        cursor.execute(f'CREATE DATABASE "{name}"')
    try:
        host = f"{database['HOST'] or '127.0.0.1'}:{database['PORT'] or 5432}"
        yield f"postgres://{database['USER']}:{database['PASSWORD']}@{host}/{name}"
    finally:
        with server.cursor() as cursor:
            cursor.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        server.close()


def restored_site(database_url, media_root):
    """Environment for a Django process that uses the restored database and media folder."""
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "ellemes.settings.dev",
        "DEBUG": "false",
        "DATABASE_URL": database_url,
        "MEDIA_ROOT": str(media_root),
        "ALLOWED_HOSTS": "testserver,localhost,127.0.0.1",
        "CACHE_URL": "locmemcache://restored",
        "PAGE_CACHE_URL": "locmemcache://restored-pages",
    }


@pytest.fixture
def article(sections):
    """A published article with a hero image, on a site with its sections (committed: pg_dump must see them)."""
    return ArticlePageFactory(title="Dermaplaning aftercare: five habits for calm skin")


# pg_dump reads only committed rows: this test commits, then the database is emptied and Wagtail's initial rows
# are put back.
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_backup_and_restore_round_trip(committed, scratch_database, tmp_path, article):
    with committed():
        inquiry = Inquiry.objects.create(
            name="Maria Lopez",
            email="maria@example.com",
            inquiry_type=Inquiry.Type.CONSULTATION,
            message="Backed up.",
            consent_text="I agree",
            consented_at=timezone.now(),
        )
        log(inquiry, "contact.inquiry.view")
        document = get_document_model().objects.create(
            title="Price list", file=ContentFile(b"%PDF-1.4\n%%EOF\n", name="price-list.pdf")
        )
        staff_member = get_user_model().objects.create_user("amelia", password="not-used")
        profile = UserProfile.get_for_user(staff_member)
        profile.avatar.save("amelia.png", ContentFile(png(8, 8)))
        backup = tmp_path / "backup"
        try:
            call_command("backup", str(backup), stdout=io.StringIO())
        finally:
            ModelLogEntry.objects.filter(object_id=str(inquiry.pk)).delete()
            inquiry.delete()
            document.delete()
            profile.avatar.delete()
            staff_member.delete()

    manifest = json.loads((backup / "manifest.json").read_text())
    counts = manifest["counts"]
    assert counts["inquiries"] >= 1 and counts["audit_log_entries"] >= 1 and counts["documents"] >= 1
    assert counts["pages"] > 5 and counts["images"] >= 1
    assert any(name.startswith("documents/") for name in manifest["media"])
    assert any(name.startswith("original_images/") for name in manifest["media"])
    assert any(name.startswith("avatar_images/") for name in manifest["media"]), "staff avatars are kept"
    assert not any(name.startswith("images/") for name in manifest["media"]), "renditions are not backed up"

    media = tmp_path / "restored-media"
    restore = subprocess.run(
        [sys.executable, "manage.py", "restore", str(backup)],
        cwd=ROOT,
        env=restored_site(scratch_database, media),
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert restore.returncode == 0, restore.stderr
    assert "everything matches the manifest" in restore.stdout

    render = subprocess.run(
        [sys.executable, "-c", RENDER_ARTICLE, article.slug],
        cwd=ROOT,
        env=restored_site(scratch_database, media),
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert render.returncode == 0, render.stderr
    page = json.loads(render.stdout.strip().splitlines()[-1])
    assert page["status"] == 200
    assert article.title in page["html"]
    assert "/media/images/" in page["html"], "the hero image is rendered from the restored original"
    assert list((media / "images").iterdir()), "renditions were made from the restored originals"

    # A second restore into the same, now full, database is refused.
    again = subprocess.run(
        [sys.executable, "manage.py", "restore", str(backup)],
        cwd=ROOT,
        env=restored_site(scratch_database, tmp_path / "other-media"),
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert again.returncode != 0
    assert "is not empty" in again.stderr and "empty database" in again.stderr


def test_restore_refuses_a_database_that_is_not_empty(postgresql, tmp_path):
    (tmp_path / "manifest.json").write_text(json.dumps({"files": {}, "counts": {}, "media": {}}))
    with pytest.raises(CommandError, match="is not empty"):
        call_command("restore", str(tmp_path))


def test_restore_refuses_a_damaged_backup(postgresql, tmp_path):
    (tmp_path / "database.dump").write_bytes(b"changed")
    (tmp_path / "manifest.json").write_text(
        json.dumps({"files": {"database.dump": "0" * 64}, "counts": {}, "media": {}})
    )
    with pytest.raises(CommandError, match="damaged"):
        call_command("restore", str(tmp_path))
