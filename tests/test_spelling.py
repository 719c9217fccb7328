"""American English in what patients and editors read: templates, the demo content, forms and model help texts."""

import re

import pytest
from django.conf import settings

ROOT = settings.BASE_DIR
APPS = ["ellemes", "blog", "specials", "staff", "contact", "treatments", "legal", "accounts", "editorial"]
# British spellings as whole words; "-ise" verbs by their stems, so that "advise", "specialist" and "realistic" pass.
ISE = r"(?:e|ed|es|er|ers|ing|ation|ations)"
BRITISH = re.compile(
    r"\b(?:\w*colour\w*|\w*favour\w*|\w*behaviour\w*|\w*honour\w*|\w*neighbour\w*|centre\w*|programme\w*|"
    r"licence\w*|catalogue\w*|enquir\w*|travell\w*|cancell(?:ed|ing)|ageing|grey|whilst|learnt|practis(?:e|ed|es|ing)|"
    rf"(?:special|organ|recogn|moistur|apolog|custom|priorit|minim|maxim|real|summar|personal|optim|util)is{ISE})\b",
    re.IGNORECASE,
)


def patient_and_editor_text():
    for app in APPS:
        folder = ROOT / app
        yield from folder.glob("templates/**/*.html")
        for name in ("demo.py", "forms.py", "models.py", "views.py", "tasks.py", "wagtail_hooks.py"):
            if (folder / name).exists():
                yield folder / name
        yield from folder.glob("models/*.py")


@pytest.mark.parametrize("path", sorted(patient_and_editor_text()), ids=lambda path: str(path.relative_to(ROOT)))
def test_no_british_spelling(path):
    found = [
        f"line {number}: {match.group()}"
        for number, line in enumerate(path.read_text().splitlines(), start=1)
        for match in BRITISH.finditer(line)
    ]
    assert not found, found
