"""Compare the public HTML of the main pages between two revisions of the project.

    python -m bench.compare_html BEFORE [AFTER] [--diffs DIR]

Each revision is exported from git into a scratch folder, migrated on a scratch SQLite database,
given the demo content and asked for the same pages. What changes on every render (CSP nonces,
CSRF and form tokens) is masked first, and the HTML is compared tag by tag with attributes sorted
and whitespace collapsed, so what remains is what a patient would see differ. Prints one line per
page; `--diffs` writes the unified diff of each page that changed. Restructuring must leave the
pages the same except for intended fixes.
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
from html.parser import HTMLParser
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
        "LOG_STREAM": "stderr",
        "PYTHONPATH": str(tree),
    }
    for command in (["manage.py", "migrate", "--noinput"], ["manage.py", "load_demo_content"]):
        run([sys.executable, *command], tree, env)
    return json.loads(run([sys.executable, "-c", RENDER, json.dumps(PAGES)], tree, env).splitlines()[-1])


def run(command, tree, env):
    result = subprocess.run(command, cwd=tree, env=env, capture_output=True, text=True)
    if result.returncode:
        sys.exit(f"{command[:3]} failed in {tree.name}:\n{result.stderr[-3000:]}")
    return result.stdout


class Canonical(HTMLParser):
    """One line per tag (attributes sorted) and per run of text (whitespace collapsed): template
    re-indentation and attribute order change no line; what a browser would show or follow does."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.lines = []

    def handle_starttag(self, tag, attrs):
        self.lines.append(f"<{tag}" + "".join(f' {name}="{value}"' for name, value in sorted(attrs, key=str)) + ">")

    def handle_endtag(self, tag):
        self.lines.append(f"</{tag}>")

    def handle_data(self, data):
        if text := " ".join(data.split()):
            self.lines.append(text)


def masked(html):
    for pattern, replacement in MASKS:
        html = pattern.sub(replacement, html)
    parser = Canonical()
    parser.feed(html)
    parser.close()
    return parser.lines


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
