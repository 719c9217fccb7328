"""Compare the public HTML of the main pages between two revisions of the project.

    python -m bench.compare_html BEFORE [AFTER] [--diffs DIR]

Each revision is exported from git into a scratch folder, migrated on a scratch SQLite database,
given the demo content and asked for the same pages. What changes on every render (CSP nonces,
CSRF and form tokens, the copyright year) is masked first, so what remains is what a patient
would see differ. Prints one line per page; `--diffs` writes the unified diff of each page that
changed. Restructuring must leave the pages the same except for intended fixes.
"""

import argparse
import difflib
import json
import os
import re
import secrets
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PAGES = {
    "home": "/",
    "blog": "/blog/",
    "article": "/blog/botox-for-facial-symmetry/",
    "specials": "/specials/",
    "special": "/specials/eye-treatment-promos/",
    "staff": "/staff/",
    "profile": "/staff/lauren-siso/",
    "contact": "/contact/",
    "search": "/search/?q=botox",
}
# Run inside each exported revision: render every page with Django's test client, print JSON.
RENDER = """
import json, sys, django
django.setup()
from django.test import Client
client = Client()
pages = json.loads(sys.argv[1])
print(json.dumps({name: client.get(url).content.decode() for name, url in pages.items()}))
"""
MASKS = (
    (re.compile(r'nonce="[^"]*"'), 'nonce="…"'),
    (re.compile(r'name="csrfmiddlewaretoken" value="[^"]*"'), 'name="csrfmiddlewaretoken" value="…"'),
    (re.compile(r'name="form_token" value="[^"]*"'), 'name="form_token" value="…"'),
    (re.compile(r"\.[A-Za-z0-9]{7}\.(fill|width|max|original)"), r".…\.\1"),  # Wagtail's rendition name suffix
)


def render(revision, scratch):
    tree = scratch / revision
    tree.mkdir()
    archive = subprocess.run(["git", "archive", revision], cwd=ROOT, capture_output=True, check=True).stdout
    subprocess.run(["tar", "-x", "-C", str(tree)], input=archive, check=True)
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "ellemes.settings.dev",
        "DATABASE_URL": f"sqlite:///{tree / 'compare.sqlite3'}",
        "MEDIA_ROOT": str(tree / "media"),
        "SECRET_KEY": secrets.token_urlsafe(50),
        "ALLOWED_HOSTS": "testserver",
        "LOG_LEVEL": "WARNING",
        "PYTHONPATH": str(tree),
    }
    for command in (["migrate", "--noinput"], ["load_demo_content"]):
        subprocess.run([sys.executable, "manage.py", *command], cwd=tree, env=env, capture_output=True, check=True)
    output = subprocess.run(
        [sys.executable, "-c", RENDER, json.dumps(PAGES)], cwd=tree, env=env, capture_output=True, text=True, check=True
    ).stdout
    return json.loads(output.splitlines()[-1])


def masked(html):
    for pattern, replacement in MASKS:
        html = pattern.sub(replacement, html)
    return [line.strip() for line in html.splitlines() if line.strip()]


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("before")
    parser.add_argument("after", nargs="?", default="HEAD")
    parser.add_argument("--diffs", type=Path, help="write each changed page's unified diff here")
    options = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="ellemes-compare-") as directory:
        scratch = Path(directory)
        before, after = render(options.before, scratch), render(options.after, scratch)
    print(f"HTML of the main pages, {options.before} → {options.after} (nonces and tokens masked):")
    for name, url in PAGES.items():
        old, new = masked(before[name]), masked(after[name])
        diff = list(difflib.unified_diff(old, new, f"{options.before}{url}", f"{options.after}{url}", lineterm=""))
        changed = sum(1 for line in diff if line[:1] in "+-" and line[:3] not in ("+++", "---"))
        print(f"  {name:9} {url:36} {'the same' if not diff else f'{changed} lines differ'}")
        if diff and options.diffs:
            options.diffs.mkdir(parents=True, exist_ok=True)
            (options.diffs / f"{name}.diff").write_text("\n".join(diff) + "\n")


if __name__ == "__main__":
    main()
