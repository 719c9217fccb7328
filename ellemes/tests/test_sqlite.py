"""SQLite (`make run`): the server, workers and scheduler share one file, and writers queue rather than fail."""

import os
import sqlite3
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

# A request that reads, then writes, in one transaction (as saving a preview does), on the project's settings.
READ_THEN_WRITE = """
import time
import django
django.setup()
from django.db import connection, transaction
with connection.cursor() as cursor:
    cursor.execute("CREATE TABLE IF NOT EXISTS note (body TEXT)")
print("created", flush=True)
input()
with transaction.atomic(), connection.cursor() as cursor:
    cursor.execute("SELECT count(*) FROM note")
    print("read", flush=True)
    time.sleep(1)
    cursor.execute("INSERT INTO note VALUES ('from the site')")
"""


def test_a_write_from_another_process_waits_instead_of_locking_the_site_out(tmp_path):
    database = tmp_path / "site.sqlite3"
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "ellemes.settings.test", "DATABASE_URL": f"sqlite:///{database}"}
    site = subprocess.Popen(
        [sys.executable, "-c", READ_THEN_WRITE],
        cwd=ROOT,
        env=env,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    assert site.stdout.readline().strip() == "created", site.stderr.read()
    site.stdin.write("\n")
    site.stdin.flush()
    assert site.stdout.readline().strip() == "read", site.stderr.read()

    # A worker writes while the site's transaction is open.
    worker = sqlite3.connect(database, timeout=30)
    worker.execute("INSERT INTO note VALUES ('from a worker')")
    worker.commit()

    _, errors = site.communicate(timeout=60)
    assert site.returncode == 0, errors
    assert "database is locked" not in errors
    assert worker.execute("SELECT count(*) FROM note").fetchone() == (2,)
    assert worker.execute("PRAGMA journal_mode").fetchone() == ("wal",)
    worker.close()
