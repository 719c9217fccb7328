"""The staff app stands on `ellemes` alone: it must work without the blog, specials or contact apps."""

import ast
import subprocess
import sys
from pathlib import Path

from django.conf import settings

STAFF_DIR = Path(__file__).resolve().parent.parent
OTHER_APPS = {"blog", "specials", "contact", "treatments", "editorial"}

IMPORT_STAFF_ALONE = """
import sys
from django.conf import settings
from ellemes.settings import test as project

names = {name: getattr(project, name) for name in dir(project) if name.isupper()}
others = ("blog", "specials", "contact", "treatments", "editorial")
names["INSTALLED_APPS"] = [app for app in project.INSTALLED_APPS if app not in others]
names["DATABASES"] = {"default": {"ENGINE": "django.db.backends.sqlite3", "NAME": ":memory:"}}
settings.configure(**names)

import django
django.setup()
import staff.models, staff.spotlight, staff.layout, staff.structured_data, staff.demo
from ellemes import slots

loaded = sorted(m for m in sys.modules if m.split(".")[0] in ("blog", "specials", "contact"))
assert not loaded, loaded
assert "footer" in slots._providers and "home" in slots._providers
print("staff imported alone")
"""


def test_staff_imports_with_only_ellemes_installed():
    result = subprocess.run(  # noqa: S603 (a fixed script run by the current interpreter)
        [sys.executable, "-c", IMPORT_STAFF_ALONE],
        cwd=settings.BASE_DIR,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert "staff imported alone" in result.stdout


def test_staff_source_never_imports_other_content_apps():
    for path in STAFF_DIR.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(), filename=str(path))):
            if isinstance(node, ast.Import):
                modules = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom):
                modules = [node.module or ""]
            else:
                continue
            assert not {module.split(".")[0] for module in modules} & OTHER_APPS, f"{path} imports {modules}"
