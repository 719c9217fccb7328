"""What a backup holds and how it is checked: the database (pg_dump's custom format), the original images
and documents (renditions are made again on demand), and a manifest of row counts and SHA-256 checksums."""

import hashlib
import os
import shutil

# Only pg_dump and pg_restore, found on PATH, with arguments built here and no shell.
import subprocess  # nosec B404
from pathlib import Path

from django.apps import apps
from django.conf import settings
from django.core.management.base import CommandError
from wagtail.documents import get_document_model_string

DATABASE_FILE = "database.dump"
MEDIA_FILE = "media.tar"
MANIFEST_FILE = "manifest.json"
# Uploads worth keeping (images, documents, staff's admin avatars); everything else under MEDIA_ROOT
# (renditions, caches) can be made again.
MEDIA_FOLDERS = ("original_images", "documents", "avatar_images")


def counted_models():
    return {
        "pages": "wagtailcore.Page",
        "images": settings.WAGTAILIMAGES_IMAGE_MODEL,
        "documents": get_document_model_string(),
        **settings.BACKUP_COUNTED_MODELS,
    }


def row_counts():
    return {name: apps.get_model(label)._default_manager.count() for name, label in counted_models().items()}


def sha256(path):
    digest = hashlib.sha256()
    with open(path, "rb") as file:
        for chunk in iter(lambda: file.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def media_files(root):
    """Every original upload under `root`, as paths relative to it."""
    root = Path(root)
    return sorted(
        path.relative_to(root).as_posix()
        for folder in MEDIA_FOLDERS
        if (root / folder).is_dir()
        for path in (root / folder).rglob("*")
        if path.is_file()
    )


def require_postgresql(connection, tool):
    if connection.vendor != "postgresql":
        raise CommandError(f"Backups need PostgreSQL; this database is {connection.vendor}.")
    program = shutil.which(tool)
    if program is None:
        raise CommandError(
            f"{tool} was not found: install PostgreSQL's client tools (apt-get install postgresql-client)."
        )
    return program


def run_postgres_tool(connection, arguments):
    """Run pg_dump or pg_restore against the connection's database, passing credentials by environment."""
    database = connection.settings_dict
    env = {
        **os.environ,
        "PGHOST": database["HOST"] or "",
        "PGPORT": str(database["PORT"] or ""),
        "PGUSER": database["USER"] or "",
        "PGPASSWORD": database["PASSWORD"] or "",
        "PGDATABASE": database["NAME"],
        "PGCONNECT_TIMEOUT": str(settings.DB_CONNECT_TIMEOUT),
    }
    # The program is pg_dump or pg_restore from PATH; the arguments are built here, with no shell.
    result = subprocess.run(arguments, env=env, capture_output=True, text=True, check=False)  # noqa: S603  # nosec B603
    if result.returncode != 0:
        raise CommandError(f"{Path(arguments[0]).name} failed: {result.stderr.strip()}")
