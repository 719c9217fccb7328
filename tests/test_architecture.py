"""The allowed dependency arrows between the project's apps (docs/architecture.md), checked two ways.

- In the source: every `import` of an app's code (its tests aside) names only the apps it may use.
- At run time: each app is installed with only the apps it may use, and importing all of its modules
  loads nothing else of the project.

`accounts` (staff accounts) is core-level infrastructure beside `ellemes`: it may use the core and no
content app, and the core does not import it (only `ellemes/urls.py` includes its URLs by name).
"""

import ast
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings

ROOT = Path(settings.BASE_DIR)
CORE = {"ellemes"}
ALLOWED = {
    "ellemes": set(),
    "accounts": CORE,
    "staff": CORE,
    "blog": CORE | {"staff"},
    "specials": CORE | {"staff"},
    "treatments": CORE | {"blog", "specials", "staff"},
    # The inquiry form offers the treatment catalog (and so needs what treatments need).
    "contact": CORE | {"staff", "specials", "treatments", "blog"},
    "legal": CORE,
    "editorial": CORE | {"accounts", "staff", "blog", "specials", "contact", "treatments", "legal"},
}
PROJECT_APPS = set(ALLOWED)
# Not imported to check them: the settings (production's refuse to load without its environment) and the WSGI entry.
NOT_IMPORTED = ("ellemes.settings", "ellemes.wsgi")


def source_files(app):
    for path in sorted((ROOT / app).rglob("*.py")):
        if "tests" not in path.relative_to(ROOT / app).parts:
            yield path


def imported_apps(path):
    for node in ast.walk(ast.parse(path.read_text(), filename=str(path))):
        if isinstance(node, ast.Import):
            modules = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.level == 0:
            modules = [node.module or ""]
        else:
            continue
        yield from (module.split(".")[0] for module in modules)


@pytest.mark.parametrize("app", sorted(ALLOWED))
def test_an_app_imports_only_the_apps_it_may_use(app):
    forbidden = PROJECT_APPS - ALLOWED[app] - {app}
    found = {
        f"{path.relative_to(ROOT)} imports {name}"
        for path in source_files(app)
        for name in imported_apps(path)
        if name in forbidden
    }
    assert not found, sorted(found)


def test_nothing_imports_the_editorial_app():
    assert all("editorial" not in uses for app, uses in ALLOWED.items())


IMPORT_ALONE = """
import importlib, sys
from django.conf import settings
from ellemes.settings import test as project

app, allowed, project_apps = sys.argv[1], set(sys.argv[2].split(",")) - {""}, set(sys.argv[3].split(","))
# The core-level apps stay installed: `accounts` provides Wagtail's users app.
absent = project_apps - allowed - {app} - {"ellemes", "accounts"}
names = {name: getattr(project, name) for name in dir(project) if name.isupper()}
names["INSTALLED_APPS"] = [name for name in project.INSTALLED_APPS if name not in absent]
names["DATABASES"] = {"default": {"ENGINE": "django.db.backends.sqlite3", "NAME": ":memory:"}}
settings.configure(**names)

import django
django.setup()
for module in sys.argv[4:]:
    importlib.import_module(module)
loaded = sorted({name.split(".")[0] for name in sys.modules} & absent)
print("loaded:" + ",".join(loaded))
"""


def modules_of(app):
    for path in source_files(app):
        if "migrations" in path.parts:
            continue
        parts = path.relative_to(ROOT).with_suffix("").parts
        module = ".".join(parts[:-1] if parts[-1] == "__init__" else parts)
        if not module.startswith(NOT_IMPORTED):
            yield module


@pytest.mark.parametrize("app", sorted(ALLOWED))
def test_an_app_works_with_only_the_apps_it_may_use_installed(app):
    result = subprocess.run(  # noqa: S603 (a fixed script run by the current interpreter)
        [
            sys.executable,
            "-c",
            IMPORT_ALONE,
            app,
            ",".join(sorted(ALLOWED[app])),
            ",".join(sorted(PROJECT_APPS)),
            *modules_of(app),
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=180,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().endswith("loaded:"), f"{app} {result.stdout.strip()}"
