"""bench/RESULTS.md holds the benchmark's figures and, under their own headings, other tools' sections.

Each tool rewrites only its part, so `make bench` keeps the audit and load sections and `make load` the rest.
"""

from pathlib import Path

RESULTS = Path(__file__).resolve().parent / "RESULTS.md"
LOAD_HEADING = "## Load and faults (make load)"


def section(heading):
    """The section under `heading` as it is in the file now (heading included), or an empty string."""
    text = RESULTS.read_text() if RESULTS.exists() else ""
    start = text.find(heading)
    if start < 0:
        return ""
    end = text.find("\n## ", start + len(heading))
    return text[start:] if end < 0 else text[start : end + 1]


def other_sections():
    """Every `## ` section now in the file (the security audit, the load run), for the benchmark to keep."""
    text = RESULTS.read_text() if RESULTS.exists() else ""
    start = text.find("\n## ")
    return "" if start < 0 else text[start + 1 :]


def replace_section(heading, lines):
    """Write `lines` under `heading`, in place of that section or at the end; the rest of the file is kept."""
    text = RESULTS.read_text() if RESULTS.exists() else ""
    new = "\n".join([heading, "", *lines]).rstrip() + "\n"
    old = section(heading)
    if old:
        followed = text.find(old) + len(old) < len(text)
        text = text.replace(old, new + "\n" if followed else new, 1)
    else:
        text = text.rstrip() + "\n\n" + new if text.strip() else new
    RESULTS.write_text(text)
