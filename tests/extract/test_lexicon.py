"""The extractor's language data (kg/data/lexicon) and the patterns kg.extract.lexicon builds from it."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from kg.extract import lexicon
from kg.extract.gazetteer import load_gazetteer, tokenize

LEXICON = Path(lexicon.__file__).resolve().parent.parent / "data" / "lexicon"


def _files() -> list[Path]:
    return sorted(p for p in LEXICON.iterdir() if p.suffix in (".txt", ".tsv") and not p.name.startswith("contradict-"))


@pytest.mark.parametrize("path", _files(), ids=lambda p: p.name)
def test_lexicon_files_name_no_actor_the_gazetteer_knows(path: Path) -> None:
    # general English only: names of real people, places and organisations belong in kg/data/gazetteer
    gaz = load_gazetteer()
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("#"):
            continue
        for name in re.findall(r"\b[A-Z][\w'’\-]*(?:\s+[A-Z][\w'’\-]*)*", line):
            known = [key for key, how in gaz.names.get(tokenize(name), []) if how in ("name", "acronym", "metonym")]
            assert not known, f"{path.name}: {name!r} names {known}"


@pytest.mark.parametrize(
    ("pattern", "text", "found"),
    [
        (lexicon.CUE_RE, "the minister said that", "said"),
        (lexicon.CUE_RE, "she pointed  out that", "pointed  out"),
        (lexicon.VAGUE_RE, "It is widely believed that the deal will fail.", "It is widely believed"),
        (lexicon.NEGATION_RE, "They did not agree.", "not"),
        (lexicon.GROUP_RE, "Some senior Western officials argue", "Some senior Western officials"),
        (lexicon.PARTICIPLE_CUES, "He spoke on Monday, telling delegates that", ", telling delegates"),
    ],
)
def test_lexicon_patterns_built_from_the_word_lists(pattern: re.Pattern[str], text: str, found: str) -> None:
    m = pattern.search(text)
    assert m is not None and m.group(0) == found


def test_lexicon_negation_is_not_only() -> None:
    assert lexicon.NEGATION_RE.search("not only tanks but aircraft") is None


def test_lexicon_alternatives_keep_the_files_order() -> None:
    assert lexicon.alternatives("collectives").split("|")[0] == "the West"
