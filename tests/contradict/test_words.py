"""Content words: crude stems, spelling variants and synonyms, paraphrases written one way."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from kg.contradict.words import content_word, paraphrased
from kg.extract.gazetteer import load_gazetteer
from kg.text.dates import MONTH_NAMES
from tests.support.contradict import found_in


@pytest.mark.parametrize(
    ("word", "stem"),
    [("voting", "vot"), ("voted", "vot"), ("began", "begin"), ("begun", "begin"), ("backed", "support"),
     ("favor", "favour"), ("added", "add"), ("needed", "need"), ("pipelines", "pipeline"), ("countries", "country"),
     ("taxes", "tax"), ("states", "state")],
)
def test_content_word_stems(word: str, stem: str) -> None:
    assert content_word(word) == stem


def test_paraphrases_are_written_one_way() -> None:
    assert paraphrased("voted in favour of it") == "voted favour it"
    assert paraphrased("had set sail from Zuwara") == "had left from Zuwara"
    assert paraphrased("130 people on board") == "130 people aboard"


def test_harm_verbs_are_one_verb() -> None:
    """"biting deep into" and "failed to dent": one verb, denied by "failed to"; "Our" and "Three" are no names."""
    found = found_in(
        "Three years and sixteen packages later, sanctions have failed to dent Iran's oil economy.",
        "“Our sanctions are biting deep into Iran's oil economy,” said EU envoy Marta Oliveira.",
    )
    assert [kind for kind, _ in found] == ["polarity"]
    assert {content_word(w) for w in ("biting", "dented", "weakened", "hurts")} == {"hurt"}


def test_rule_code_and_its_lexicon_name_no_real_actor() -> None:
    """No name of a person, place or organisation the gazetteer knows (label, alias, surname, demonym,
    metonym, acronym) stands in kg/contradict or its lexicon files: names come from the gazetteer data."""
    names = {
        name
        for entry in load_gazetteer().entries.values()
        for name in (entry.label, *entry.aliases, *entry.surnames, *entry.demonyms, *entry.metonyms, *entry.acronyms)
        if len(name) >= 3
    } - set(MONTH_NAMES)  # "May" is a month
    pattern = re.compile(r"\b(?:" + "|".join(sorted(map(re.escape, names), key=len, reverse=True)) + r")\b")
    root = Path(__file__).resolve().parents[2] / "kg"
    files = [*(root / "contradict").glob("*.py"), *(root / "data" / "lexicon").glob("contradict-*")]
    found = [f"{path.name}: {m.group(0)}" for path in files for m in pattern.finditer(path.read_text(encoding="utf-8"))]
    assert files and not found, found
