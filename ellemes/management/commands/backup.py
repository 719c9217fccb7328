import datetime
import json
import tarfile
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import connection, transaction

from ellemes import backups


class Command(BaseCommand):
    """Back up the database and the original uploads, with a manifest to check a restore against."""

    help = (
        "Write pg_dump's custom-format dump, a tar of the original images, documents and avatars (not renditions) and "
        "manifest.json (row counts and SHA-256 checksums) into an empty or new directory."
    )

    def add_arguments(self, parser):
        parser.add_argument("target", help="Directory to write the backup into; it must be empty or not exist yet.")

    def handle(self, *args, target, **options):
        pg_dump = backups.require_postgresql(connection, "pg_dump")
        target = Path(target)
        if target.exists() and any(target.iterdir()):
            raise CommandError(f"{target} is not empty: give each backup its own directory (e.g. named by date).")
        target.mkdir(parents=True, exist_ok=True)

        # The counts and the dump see the same snapshot, so the manifest describes exactly this dump.
        with transaction.atomic(), connection.cursor() as cursor:
            cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
            cursor.execute("SELECT pg_export_snapshot()")
            snapshot = cursor.fetchone()[0]
            counts = backups.row_counts()
            backups.run_postgres_tool(
                connection,
                [pg_dump, "--format=custom", "--no-owner", "--no-privileges", f"--snapshot={snapshot}"]
                + ["--file", str(target / backups.DATABASE_FILE)],
            )

        # After the dump, so every file a dumped row names is already there.
        media_root = Path(settings.MEDIA_ROOT)
        files = backups.media_files(media_root)
        media_checksums = {}
        with tarfile.open(target / backups.MEDIA_FILE, "w") as archive:
            for name in files:
                media_checksums[name] = backups.sha256(media_root / name)
                archive.add(media_root / name, arcname=name)

        manifest = {
            "format": 1,
            "created_at": datetime.datetime.now(datetime.UTC).isoformat(timespec="seconds"),
            "counts": counts,
            "files": {name: backups.sha256(target / name) for name in (backups.DATABASE_FILE, backups.MEDIA_FILE)},
            "media": media_checksums,
        }
        (target / backups.MANIFEST_FILE).write_text(json.dumps(manifest, indent=2) + "\n")
        summary = ", ".join(f"{count} {name.replace('_', ' ')}" for name, count in counts.items())
        self.stdout.write(self.style.SUCCESS(f"Backed up {summary} and {len(files)} media files into {target}."))
