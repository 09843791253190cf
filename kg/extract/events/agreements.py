"""agreements: treaties, declarations, accords and deals named in a sentence."""

from __future__ import annotations

import re

from kg.extract.actors import ArticleActors
from kg.extract.events.records import ORGS
from kg.extract.events.sentence import SentenceEvents
from kg.iris import mint

_TREATY = re.compile(
    r"\b(?P<name>(?P<kind2>Treaty|Declaration|Convention|Charter|Protocol|Memorandum|Peace)\s+of\s+[A-Z][\w'’\-–]*"
    r"(?:\s+[A-Z][\w'’\-–]*)?)|\b(?P<name2>(?:[A-Z][\w'’\-–]*\s+){1,5}(?P<kind>Declaration|Treaty|Accords?|"
    r"Agreements?|Act|Memorandum|Protocol|Charter|Convention|Communiqu[eé]|Statute|Deal))\b"
)


_AGREEMENT_LOWER = re.compile(
    r"\b(?P<name>(?:[Tt]he\s+)?(?:[A-Z][\w'’\-–]*\s+){1,3}(?:(?:grain|gas|transit|peace|nuclear|trade|security|"
    r"ceasefire|minerals|arms|border)\s+)?(?:accords?|agreements?|deal|memorandum|ceasefire|truce|treaty|pact|"
    r"protocol|declaration|joint\s+statement|communiqu[eé])(?:\s+(?:I{1,3}|II|2))?)\b"
)


def _names_organisation(actors: ArticleActors, start: int, end: int) -> bool:
    """Does a mention of an organisation overlap [start, end) ("Velm Pact" is no treaty)?"""
    return any(mm.start < end and start < mm.end for mm in actors.mentions if actors.actors[mm.key].kind in ORGS)


def _treaties(f: SentenceEvents) -> None:
    """Treaties and declarations named with a capital: "the Treaty of Strelsau", "the Klow Agreement"."""
    text, offset, actors, add = f.text, f.offset, f.actors, f.add
    for m in _TREATY.finditer(text):
        name = (m.group("name") or m.group("name2")).strip()
        words = name.split()
        while words and words[0] in {"The", "This", "That", "A", "An", "Its", "In", "With", "By"}:
            words.pop(0)
        if len(words) < 2:
            continue
        name = " ".join(words)
        start = m.end() - len(name)
        if _names_organisation(actors, offset + start, offset + m.end()):
            continue  # an organisation named like a treaty ("Velm Pact", "Northern Alliance Treaty Organisation")
        kind = (m.group("kind") or m.group("kind2")).lower().rstrip("s")
        kind = "declaration" if kind == "declaration" else "treaty"
        add(
            start,
            m.end(),
            kind,
            name,
            tuple(mm.key for mm in actors.within(offset + start, offset + m.end())),
            mint("event-name", name),
        )


def _agreements(f: SentenceEvents) -> None:
    """Named agreements written in lower case: "the Klow accords", "the Velm Strait grain deal"."""
    text, offset, actors, add = f.text, f.offset, f.actors, f.add
    # sanctions packages, incidents to named infrastructure, named operations launched, talks and conferences
    for m in _AGREEMENT_LOWER.finditer(text):
        name = re.sub(r"^(?:The|the)\s+", "", m.group("name")).strip()
        if _names_organisation(actors, offset + m.start(), offset + m.end()):
            continue
        add(m.start("name"), m.end(), "treaty", name, (), mint("event-name", name))
