"""The claims check: finds risky advertising phrases in an article's or special's text.

Advertising rules expect a clinician to review medical claims; phrases such as “guaranteed”
or “no side effects” invite complaints. `find_risky_phrases` is a pure function over the
text of named fields (plain text, HTML, rich text or StreamField values).
"""

import html
import re
from collections.abc import Mapping
from dataclasses import dataclass

from wagtail.blocks import StreamValue
from wagtail.blocks.list_block import ListValue
from wagtail.rich_text import RichText

# Tags that separate words; every other tag (b, i, a, span…) may sit inside a word.
BLOCK_TAGS = r"p|div|h[1-6]|li|ul|ol|br|blockquote|figure|figcaption|section|td|th|tr|table|hr"
RESULTS_PATTERN = re.compile(r"(?<!\w)results?(?!\w)", re.IGNORECASE)
RESULTS_DISCLAIMER = "individual results vary"
# Who may publish text with risky phrases without a medical review (Medical reviewers, Site managers).
PUBLISH_RISKY_CLAIMS = "ellemes.publish_risky_claims"

DEFAULT_RISKY_PHRASES = [
    "guaranteed",
    "guarantee",
    "permanent results",
    "no side effects",
    "risk-free",
    "risk free",
    "FDA approved",
    "cure",
    "cures",
    "painless",
    "100% safe",
    "miracle",
]


@dataclass(frozen=True)
class ClaimMatch:
    phrase: str
    field: str
    excerpt: str


def plain_text(value):
    """The words of a field value as a reader sees them: markup removed, entities decoded."""
    if value is None:
        return ""
    if isinstance(value, StreamValue):
        return " ".join(plain_text(child.value) for child in value)
    if isinstance(value, Mapping):  # a StructBlock's value
        return " ".join(plain_text(child) for child in value.values())
    if isinstance(value, (list, tuple, ListValue)):
        return " ".join(plain_text(child) for child in value)
    if isinstance(value, RichText):
        value = value.source
    if not isinstance(value, str):
        return ""
    text = re.sub(rf"</?(?:{BLOCK_TAGS})\b[^>]*>", " ", value, flags=re.IGNORECASE)
    text = re.sub(r"<[^>]+>", "", text)
    return " ".join(html.unescape(text).split())


def _pattern(phrase):
    words = [re.escape(word) for word in phrase.split()]
    return re.compile(r"(?<!\w)" + r"\s+".join(words) + r"(?!\w)", re.IGNORECASE)


def find_risky_phrases(fields, phrases=None):
    """Every risky phrase in `fields` (a mapping of field label to value), with where it was found."""
    phrases = DEFAULT_RISKY_PHRASES if phrases is None else phrases
    matches = []
    for label, value in fields.items():
        text = plain_text(value)
        for phrase in phrases:
            for found in _pattern(phrase).finditer(text):
                start, end = max(found.start() - 40, 0), min(found.end() + 40, len(text))
                excerpt = ("…" if start else "") + text[start:end] + ("…" if end < len(text) else "")
                matches.append(ClaimMatch(phrase=phrase, field=label, excerpt=excerpt))
    return matches


def needs_results_disclaimer(fields):
    """True when the text talks about results without saying that individual results vary."""
    text = " ".join(plain_text(value) for value in fields.values())
    return bool(RESULTS_PATTERN.search(text)) and RESULTS_DISCLAIMER not in text.lower()
