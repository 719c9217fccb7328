import json
import tarfile
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import connection

from ellemes import backups
from ellemes.outage import write_default_clinic_contact


class Command(BaseCommand):
    """Restore a backup into an empty database and media folder, then check it against its manifest."""

    help = (
        "Restore a directory written by `manage.py backup` into the (empty) database of DATABASE_URL and the "
        "(empty) MEDIA_ROOT, then compare row counts and checksums with the manifest."
    )
    # The database is empty until the restore: nothing may look at it first.
    requires_system_checks = []

    def add_arguments(self, parser):
        parser.add_argument("source", help="A directory written by `manage.py backup`.")

    def handle(self, *args, source, **options):
        pg_restore = backups.require_postgresql(connection, "pg_restore")
        source = Path(source)
        manifest = self.read_manifest(source)
        database = connection.settings_dict["NAME"]
        tables = connection.introspection.table_names()
        if tables:
            raise CommandError(
                f"The database {database} is not empty ({len(tables)} tables). A backup is restored only into an "
                "empty database: create one (createdb) and point DATABASE_URL at it."
            )
        media_root = Path(settings.MEDIA_ROOT)
        if media_root.exists() and any(media_root.iterdir()):
            raise CommandError(
                f"The media folder {media_root} is not empty. A backup is restored only into an empty folder: "
                "point MEDIA_ROOT at a new one."
            )

        backups.run_postgres_tool(
            connection,
            [pg_restore, "--no-owner", "--no-privileges", "--exit-on-error", "--single-transaction"]
            + [f"--dbname={database}", str(source / backups.DATABASE_FILE)],
        )
        media_root.mkdir(parents=True, exist_ok=True)
        with tarfile.open(source / backups.MEDIA_FILE) as archive:
            # The "data" filter refuses absolute paths, links out of the folder and device files.
            archive.extractall(media_root, filter="data")

        problems = [
            f"{name}: {found} restored, {expected} in the backup"
            for name, expected in manifest["counts"].items()
            if (found := backups.row_counts()[name]) != expected
        ]
        for name, checksum in manifest["media"].items():
            path = media_root / name
            if not path.is_file() or backups.sha256(path) != checksum:
                problems.append(f"{name}: missing or different")
        if problems:
            raise CommandError("The restore does not match the backup's manifest:\n" + "\n".join(problems))

        write_default_clinic_contact()
        summary = ", ".join(f"{count} {name.replace('_', ' ')}" for name, count in manifest["counts"].items())
        self.stdout.write(
            self.style.SUCCESS(
                f"Restored {summary} and {len(manifest['media'])} media files; everything matches the manifest. "
                "Run `manage.py warm_renditions` to make the image sizes again."
            )
        )

    def read_manifest(self, source):
        try:
            manifest = json.loads((source / backups.MANIFEST_FILE).read_text())
        except (OSError, ValueError) as error:
            raise CommandError(f"{source} holds no readable {backups.MANIFEST_FILE}: {error}") from error
        for name, checksum in manifest["files"].items():
            path = source / name
            if not path.is_file() or backups.sha256(path) != checksum:
                raise CommandError(f"The backup is damaged: {name} is missing or differs from the manifest.")
        return manifest
