"""The claims check as a pure function: whole words, any case, across markup and StreamField content."""

import pytest
from wagtail import blocks
from wagtail.rich_text import RichText

from ellemes.claims import find_risky_phrases, needs_results_disclaimer, plain_text


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
