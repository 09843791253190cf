"""events: mentions of real-world events in the sentences of an article, and the dates the sentences give
them.

Typed events (:mod:`.typed`: :mod:`.conflicts`, :mod:`.memberships`, :mod:`.agreements`, :mod:`.gatherings`,
:mod:`.incidents`, read on a :class:`.sentence.SentenceEvents`) are found in every sentence before the claims
are made; dated happenings without a typed pattern (:mod:`.happenings`) and the dates of events
(:mod:`.dating`) are read from each claim's words. :func:`event_records` merges what the sentences said
about each event.
"""

from __future__ import annotations

from collections.abc import Iterable

from kg.extract.actors import ArticleActors
from kg.extract.events.dating import date_events
from kg.extract.events.happenings import generic_dated_events
from kg.extract.events.records import DatedEvent, EventMention
from kg.extract.events.typed import find_events
from kg.extract.segment import Segmentation, mask_markers
from kg.models import Claim, DateValue, Event, Mention, Span

__all__ = [
    "DatedEvent",
    "EventMention",
    "date_events",
    "event_records",
    "find_events",
    "generic_dated_events",
    "sentence_events",
]


def sentence_events(seg: Segmentation, actors: ArticleActors) -> dict[int, list[EventMention]]:
    """The typed events each sentence (before a reference list) names, by sentence index."""
    out: dict[int, list[EventMention]] = {}
    for sent in seg.sentences:
        if seg.references_start is not None and sent.start >= seg.references_start:
            break
        found = find_events(mask_markers(sent.text), sent.start, actors)
        if found:
            out[sent.index] = found
    return out


def event_records(
    body: str, named: Iterable[EventMention], claims: Iterable[Claim]
) -> tuple[dict[str, Event], list[Mention]]:
    """One Event per key, from every mention of it (participants joined, the longest name kept) with the
    dates the claims give it, and a Mention for each place an event is named."""
    events: dict[str, Event] = {}
    dates: dict[str, set[DateValue]] = {}
    for claim in claims:
        for statement in claim.dates:
            dates.setdefault(statement.event, set()).add(statement.date)
    mentions: list[Mention] = []
    for e in named:
        previous = events.get(e.key)
        participants = tuple(sorted(set(e.participants) | set(previous.participants if previous else ())))
        name = previous.name if previous and len(previous.name) >= len(e.name) else e.name
        events[e.key] = Event(
            key=e.key,
            kind=e.kind,
            name=name,
            participants=participants,
            dates=tuple(sorted(dates.get(e.key, set()), key=lambda d: d.value)),
        )
        mentions.append(Mention(target=e.key, span=Span(start=e.start, end=e.end, text=body[e.start : e.end])))
    return events, mentions
