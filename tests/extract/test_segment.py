"""Sentence and block segmentation on hand-made text."""

from __future__ import annotations

import pytest

from kg.extract.segment import segment, strip_markers


def sentences(text: str) -> list[str]:
    return [s.text for s in segment(text).sentences]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("The U.S. Army moved. Troops left.", ["The U.S. Army moved.", "Troops left."], id="u.s."),
        pytest.param("Gen. Mark Milley spoke. He left.", ["Gen. Mark Milley spoke.", "He left."], id="gen."),
        pytest.param("It ended in 1991.[3] Then it began.", ["It ended in 1991.[3]", "Then it began."], id="marker"),
        pytest.param("Sanctions hit Russia,[5] and oil.[6] It is known.", ["Sanctions hit Russia,[5] and oil.[6]",
                                                                          "It is known."], id="mid-marker"),
        pytest.param("He said, “We will respond. We are ready.” Then he left.",
                     ["He said, “We will respond. We are ready.”", "Then he left."], id="curly-quote-spans"),
        pytest.param('She said: "It is over. Go home." Nobody moved.',
                     ['She said: "It is over. Go home."', "Nobody moved."], id="straight-quote-spans"),
        pytest.param("Talks began on Jan. 5 in Geneva. They failed.", ["Talks began on Jan. 5 in Geneva.",
                                                                     "They failed."], id="month-abbrev"),
        pytest.param("J. D. Vance arrived. He spoke.", ["J. D. Vance arrived.", "He spoke."], id="initials"),
        pytest.param("The states.A new era began here.", ["The states.", "A new era began here."], id="glued"),
    ],
)
def test_segment_sentences(text: str, expected: list[str]) -> None:
    assert sentences(text) == expected


@pytest.mark.parametrize(
    ("line", "kind"),
    [
        pytest.param("A Brief History of the Alliance", "heading", id="heading"),
        pytest.param("- Troops were moved to the border on Monday.", "list", id="list-item"),
        pytest.param("Principle | Description |", "table", id="table"),
        pytest.param("[3] “Title”, Publisher, https://example.com/a, (Date of Access: 07.08.2023).", "reference",
                     id="reference"),
        pytest.param("NATO said on Monday that it would send more troops to the region.", "text", id="text"),
    ],
)
def test_segment_block_kinds(line: str, kind: str) -> None:
    assert segment(line).blocks[0].kind == kind


def test_segment_offsets_point_into_the_body() -> None:
    body = "Intro line\n\nNATO said, “We are ready.”[2] Russia disagreed.\n[2] Ref, https://example.com/x"
    seg = segment(body)
    for s in seg.sentences:
        assert body[s.start : s.end] == s.text
        for qs, qe in s.quotes:
            assert body[qs:qe] == "We are ready."
    assert seg.references_start == body.index("[2] Ref")


def test_strip_markers_never_leaves_a_year_glued_to_a_marker() -> None:
    assert strip_markers("in 1989[2] and 1991.[3]") == "in 1989 and 1991."
