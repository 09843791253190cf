"""Rule code names no one: the names of real people, places and organisations live in data.

The extraction, contradiction and ingest rules, and the lexicon they read, are general English. A name the
gazetteer knows (label, alias, surname, demonym, metonym, acronym), or an actor named in the reference
annotations of the test articles, must not stand in their code, comments or word lists: a rule that needs a
name reads it from ``kg/data/gazetteer/``.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

from kg.extract.gazetteer import load_gazetteer
from kg.text.dates import MONTH_NAMES, WEEKDAY_NAMES

ROOT = Path(__file__).resolve().parent.parent
RULES = ("kg/extract", "kg/contradict", "kg/ingest")
PENDING = ("kg/extract/actors", "kg/extract/attribution", "kg/extract/claims", "kg/extract/citations.py")


def _gazetteer_names() -> set[str]:
    return {
        name
        for entry in load_gazetteer().entries.values()
        for name in (entry.label, *entry.aliases, *entry.surnames, *entry.demonyms, *entry.metonyms, *entry.acronyms)
    }


def _test_set_names() -> set[str]:
    """Actors of the reference annotations under tests/data (labels and the aliases seen in the articles)."""
    names: set[str] = set()
    for path in (ROOT / "tests" / "data").rglob("*gold*.json"):
        for actor in json.loads(path.read_text(encoding="utf-8")).get("actors", []):
            names |= {actor["label"], *actor.get("aliases_seen", [])}
    return names


def _common_nouns() -> set[str]:
    """Single words the gazetteer gives after "the" as a contextual phrase ("the Parliament", "the Treasury"):
    common nouns that stand for an organisation where its full name is also given, not names."""
    return {
        phrase.removeprefix("the ")
        for entry in load_gazetteer().entries.values()
        for phrase in entry.contextual
        if phrase.startswith("the ") and " " not in phrase.removeprefix("the ")
    }


def _pattern() -> re.Pattern[str]:
    names = _gazetteer_names() | (_test_set_names() - _common_nouns())
    names = {n for n in names if len(n) >= 3 and n[0].isupper()}
    names -= set(MONTH_NAMES) | set(WEEKDAY_NAMES)  # "May", "August": months before they are names
    return re.compile(r"\b(?:" + "|".join(sorted(map(re.escape, names), key=len, reverse=True)) + r")\b")


def _files() -> list[Path]:
    pending = [ROOT / path for path in PENDING]
    code = [
        p for folder in RULES for p in (ROOT / folder).rglob("*.py") if not any(p.is_relative_to(q) for q in pending)
    ]
    return sorted(code + [p for p in (ROOT / "kg" / "data" / "lexicon").iterdir() if p.suffix != ".md"])


def test_rules_and_lexicon_name_no_real_actor() -> None:
    pattern = _pattern()
    files = _files()
    found = [
        f"{path.relative_to(ROOT)}:{text[: m.start()].count(chr(10)) + 1}: {m.group(0)}"
        for path in files
        for text in [path.read_text(encoding="utf-8")]
        for m in pattern.finditer(text)
    ]
    assert len(files) > 100 and not found, "\n".join(found)
