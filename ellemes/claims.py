"""The claims check: finds risky advertising phrases in the text patients read.

Advertising rules expect a clinician to review medical claims; phrases such as “guaranteed”
or “no side effects” invite complaints. `find_risky_phrases` is a pure function over the
text of named fields (plain text, HTML, rich text, StreamField values, images' alt text), and
`content_fingerprint` identifies exactly the content a medical reviewer approved.
"""

import hashlib
import html
import json
import re
from collections.abc import Mapping
from dataclasses import dataclass

from django.contrib.auth.models import Permission
from django.db.models import Q
from wagtail.blocks import StreamValue
from wagtail.blocks.list_block import ListValue
from wagtail.images.models import AbstractImage
from wagtail.rich_text import RichText

# Tags that separate words; every other tag (b, i, a, span…) may sit inside a word.
BLOCK_TAGS = r"p|div|h[1-6]|li|ul|ol|br|blockquote|figure|figcaption|section|td|th|tr|table|hr"
RESULTS_PATTERN = re.compile(r"(?<!\w)results?(?!\w)", re.IGNORECASE)
RESULTS_DISCLAIMER = "individual results vary"
# Held, explicitly, by medical reviewers: their publishing counts as a medical approval.
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


def is_medical_reviewer(user):
    """True for active users granted medical approval by name; being a superuser is not enough."""
    if user is None or not user.is_authenticated or not user.is_active:
        return False
    app_label, codename = PUBLISH_RISKY_CLAIMS.split(".", 1)
    granted = Permission.objects.filter(Q(group__user=user) | Q(user=user))
    return granted.filter(content_type__app_label=app_label, codename=codename).exists()


def phrase_list(matches):
    """“guaranteed”, “no side effects”: each phrase once, in the order found."""
    return ", ".join(f"“{phrase}”" for phrase in dict.fromkeys(match.phrase for match in matches))


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
    if isinstance(value, AbstractImage):  # an image shows patients its alt text
        value = getattr(value, "default_alt_text", "")
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


def _comparable(value):
    """A JSON-ready form of a field value that changes exactly when what patients see changes."""
    if isinstance(value, StreamValue):
        # The stored form: reading it converts no blocks, so chosen images cost no query.
        return _without_block_ids(list(value.raw_data))
    if isinstance(value, RichText):
        return value.source
    if hasattr(value, "pk"):  # a chosen image or page: which one, not its own later edits
        return value.pk
    if value is None or isinstance(value, (str, int, float, bool)):
        return value
    return str(value)


def _without_block_ids(data):
    # Block ids are random and change when an editor reorders nothing: they are not content.
    if isinstance(data, list):
        return [_without_block_ids(item) for item in data]
    if isinstance(data, dict):
        return {key: _without_block_ids(item) for key, item in data.items() if key != "id"}
    return data


def content_fingerprint(fields):
    """A SHA-256 of the named field values: equal fingerprints mean the same content for patients."""
    comparable = {label: _comparable(value) for label, value in fields.items()}
    return hashlib.sha256(json.dumps(comparable, sort_keys=True, default=str).encode()).hexdigest()
