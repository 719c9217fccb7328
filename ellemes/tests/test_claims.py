"""The claims check as a pure function: whole words, any case, across markup and StreamField content."""

import pytest
from wagtail import blocks
from wagtail.rich_text import RichText

from ellemes.claims import content_fingerprint, find_risky_phrases, needs_results_disclaimer, plain_text

pytestmark = pytest.mark.usefixtures("small_site")


def phrases_in(text, phrases=("guaranteed", "no side effects", "cure", "FDA approved")):
    return [match.phrase for match in find_risky_phrases({"Body": text}, list(phrases))]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Guaranteed!", ["guaranteed"]),
        ("Results are GUARANTEED.", ["guaranteed"]),
        ("This is unguaranteed.", []),
        ("guaranteedly", []),
        ("There are no side effects", ["no side effects"]),
        ("no  side\neffects", ["no side effects"]),
        ("no side-effects", []),
        ("A cure-all?", ["cure"]),
        ("It helps to secure results", []),
        ("Botox is FDA approved for frown lines", ["FDA approved"]),
    ],
)
def test_whole_words_in_any_case(text, expected):
    assert phrases_in(text) == expected


def test_phrases_split_by_markup_are_found():
    assert phrases_in("<p>There are <b>no side</b> effects</p>") == ["no side effects"]
    assert phrases_in("<p>guaran<em>teed</em></p>") == ["guaranteed"]


def test_block_tags_separate_words():
    assert phrases_in("<p>secure</p><p>cure</p>") == ["cure"]
    assert phrases_in("<li>no side</li><li>effects</li>") == ["no side effects"]


def test_entities_are_decoded():
    assert plain_text("Tom &amp; Jerry&nbsp;say hi") == "Tom & Jerry say hi"


def test_rich_text_values():
    assert phrases_in(RichText("<p>A <i>guaranteed</i> glow</p>")) == ["guaranteed"]


def test_streamfield_content_including_nested_blocks():
    stream = blocks.StreamBlock(
        [
            ("heading", blocks.CharBlock()),
            ("paragraph", blocks.RichTextBlock()),
            (
                "callout",
                blocks.StructBlock([("title", blocks.CharBlock()), ("items", blocks.ListBlock(blocks.CharBlock()))]),
            ),
        ]
    )
    value = stream.to_python(
        [
            {"type": "heading", "value": "Why choose us"},
            {"type": "paragraph", "value": "<p>Safe and effective.</p>"},
            {"type": "callout", "value": {"title": "Promise", "items": ["Quick", "No side effects"]}},
        ]
    )
    matches = find_risky_phrases({"Body": value}, ["no side effects"])
    assert [(m.phrase, m.field) for m in matches] == [("no side effects", "Body")]
    assert "No side effects" in matches[0].excerpt


def test_each_match_says_which_field_it_is_in():
    matches = find_risky_phrases({"Title": "A cure for lines", "Intro": "Nothing risky"}, ["cure"])
    assert [(m.field, m.phrase) for m in matches] == [("Title", "cure")]


def test_results_need_the_disclaimer():
    assert needs_results_disclaimer({"Body": "See results in two weeks."})
    assert not needs_results_disclaimer({"Body": "See results in two weeks. Individual results vary."})
    assert not needs_results_disclaimer({"Body": "Book a consultation."})


class TestContentFingerprint:
    stream_block = blocks.StreamBlock([("paragraph", blocks.RichTextBlock()), ("heading", blocks.CharBlock())])

    def stream(self, *children, ids=None):
        raw = [
            {"type": kind, "value": value, "id": (ids or {}).get(position, f"id-{position}")}
            for position, (kind, value) in enumerate(children)
        ]
        return self.stream_block.to_python(raw)

    def test_the_same_content_has_the_same_fingerprint_whatever_its_block_ids(self):
        first = self.stream(("heading", "Aftercare"), ("paragraph", "<p>Rest.</p>"))
        second = self.stream(("heading", "Aftercare"), ("paragraph", "<p>Rest.</p>"), ids={0: "other", 1: "x"})
        assert content_fingerprint({"Body": first}) == content_fingerprint({"Body": second})

    @pytest.mark.parametrize(
        "changed",
        [
            {"Title": "Aftercare", "Body": [("heading", "Aftercare"), ("paragraph", "<p>Rest!</p>")]},
            {"Title": "Aftercare", "Body": [("paragraph", "<p>Rest.</p>"), ("heading", "Aftercare")]},
            {"Title": "Aftercare tips", "Body": [("heading", "Aftercare"), ("paragraph", "<p>Rest.</p>")]},
        ],
    )
    def test_any_change_a_patient_would_see_changes_it(self, changed):
        original = {"Title": "Aftercare", "Body": self.stream(("heading", "Aftercare"), ("paragraph", "<p>Rest.</p>"))}
        edited = {"Title": changed["Title"], "Body": self.stream(*changed["Body"])}
        assert content_fingerprint(original) != content_fingerprint(edited)
