"""records: an event named in a sentence, a date given to it, and the actor look-ups the rules share."""

from __future__ import annotations

from dataclasses import dataclass

from kg.extract.actors import ArticleActors
from kg.models import DateValue


@dataclass(frozen=True, slots=True)
class EventMention:
    start: int  # body offsets of the phrase that names the event
    end: int
    key: str
    kind: str
    name: str
    participants: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class DatedEvent:
    event: EventMention
    date: DateValue


def actor_at(actors: ArticleActors, start: int, end: int, kinds: set[str] | None = None) -> str | None:
    """The actor named in [start, end) (the first one; optionally of given kinds)."""
    for m in actors.within(start, end):
        if kinds is None or actors.actors[m.key].kind in kinds:
            return m.key
    return None


def label(actors: ArticleActors, key: str) -> str:
    info = actors.actors.get(key)
    return info.label if info else key


STATES = {"Country"}


ORGS = {
    "Organization",
    "GovernmentOrganization",
    "MilitaryOrganization",
    "PoliticalParty",
    "NGO",
    "NewsMediaOrganization",
}
