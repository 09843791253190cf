"""gatherings: summits, talks, conferences and elections named in a sentence."""

from __future__ import annotations

import re

from kg.extract.events.records import ORGS, STATES, actor_at, label
from kg.extract.events.sentence import SentenceEvents
from kg.iris import mint
from kg.text.dates import MONTH_NAME_RE

_MONTH_NAME = r"(?:" + MONTH_NAME_RE + r")\b"


_SUMMIT = re.compile(
    r"\b(?:(?P<pre>[A-Z][\w'’\-]*(?:\s+[A-Z][\w'’\-]*)?)\s+)?(?i:summit)"
    r"(?:\s+in\s+(?!" + _MONTH_NAME + r")(?P<where>(?:The\s+)?[A-Z][\w'’\-]*))?"
)


_COP = re.compile(
    r"\b(?P<name>COP\s?(?P<number>\d{1,2}))\b(?:\s+(?:climate\s+)?(?i:summit|conference|talks))?"
    r"(?:,?\s+in\s+(?!" + _MONTH_NAME + r")(?P<place>[A-Z][\w'’\-]*)(?:,\s+[A-Z][\w'’\-]*(?=,))?)?"
)


_TALKS_IN = re.compile(
    r"\b(?i:talks|negotiations|meeting|summit|peace\s+talks)\s+in\s+(?!" + _MONTH_NAME + r")(?P<place>[A-Z][\w\-]*"
    r"(?:\s+[A-Z][\w\-]*)?)"
)


_CONFERENCE = re.compile(
    r"\b(?:the\s+)?(?P<name>(?:[A-Z][\w\-]*\s+){1,3}(?:Conference|Forum|Dialogue|Council\s+meeting))\b"
)


_ELECTION = re.compile(
    r"\b(?:presidential|parliamentary|general|legislative|snap|midterm|federal|national|"
    r"local|regional|european\s+parliament)\s+elections?\b",
    re.I,
)


def _summits(f: SentenceEvents) -> None:
    """Summits: "the Strelsau summit", "a summit in Klow"."""
    text, offset, actors, add = f.text, f.offset, f.actors, f.add
    for m in _SUMMIT.finditer(text):
        pre, where = m.group("pre"), m.group("where")
        place = where or pre
        if not place or place.lower() in {"the", "a", "this", "that", "next", "last", "annual"}:
            continue
        org = actor_at(actors, offset + m.start(), offset + m.end(), ORGS)
        add(
            m.start(), m.end(), "summit", f"{place} summit", (org,) if org else (), mint("event-topic", "summit", place)
        )


def _talks(f: SentenceEvents) -> None:
    """Talks in a place: "talks in Port Velm"."""
    text, add = f.text, f.add
    for m in _TALKS_IN.finditer(text):
        place = m.group("place")
        add(m.start(), m.end(), "talks", f"talks in {place}", (), mint("event-topic", "talks", place))


def _climate_conferences(f: SentenceEvents) -> None:
    """The climate conferences of the parties: "COP41 in Port Velm"."""
    text, add = f.text, f.add
    for m in _COP.finditer(text):  # the climate conferences of the parties: "COP41 in Port Velm"
        place = m.group("place")
        add(
            m.start(),
            m.end(),
            "conference",
            f"COP{m.group('number')} climate conference" + (f" in {place}" if place else ""),
            (),
            mint("event-name", f"COP{m.group('number')}"),
        )


def _conferences(f: SentenceEvents) -> None:
    """Named conferences and forums: "the Klow Security Conference"."""
    text, add = f.text, f.add
    for m in _CONFERENCE.finditer(text):
        name = m.group("name").strip()
        add(m.start("name"), m.end(), "conference", name, (), mint("event-name", name))


def _elections(f: SentenceEvents) -> None:
    """Elections in a state: "the presidential election in Ruritania"."""
    text, offset, actors, add, actor_before = f.text, f.offset, f.actors, f.add, f.actor_before
    for m in _ELECTION.finditer(text):
        country, c_start = actor_before(m.start(), STATES)
        if country is None:
            country = next(
                (am.key for am in actors.within(offset, offset + len(text)) if actors.actors[am.key].kind in STATES),
                None,
            )
            c_start = m.start()
        if country is None:
            continue
        add(
            min(c_start, m.start()),
            m.end(),
            "election",
            f"{m.group(0).lower()} in {label(actors, country)}",
            (country,),
            mint("event", "election", country),
        )
