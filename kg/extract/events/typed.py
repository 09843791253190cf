"""typed: events of known kinds named in a sentence — invasion, annexation, war, founding, dissolution
(collapse/breakup), end and fall of named things ("the end of the Cold War"), enlargement and accession,
treaties and declarations, summits, UN climate conferences (COP), interventions, sanctions, elections,
named crises, damage to infrastructure, launches, talks and conferences, occupations.

An event's key is its kind and participants (or its own name), so the same event in several articles
is one node and the dates each article gives stay comparable. The kinds are read in a fixed order
(:data:`_KINDS`); where two mentions of one event overlap, the first found is kept.
"""

from __future__ import annotations

import re

from kg.extract.actors import ArticleActors
from kg.extract.events import agreements, conflicts, gatherings, incidents, memberships
from kg.extract.events.records import EventMention
from kg.extract.events.sentence import SentenceEvents
from kg.extract.lexicon import alternatives

_ANY_TRIGGER = re.compile(alternatives("event-triggers"), re.IGNORECASE)


_KINDS = (
    conflicts._invasions,
    conflicts._annexations,
    conflicts._wars,
    memberships._foundings,
    memberships._organisation_mentions,
    memberships._ends,
    memberships._enlargements,
    agreements._treaties,
    conflicts._interventions,
    conflicts._crises,
    gatherings._summits,
    conflicts._sanctions,
    memberships._joinings,
    memberships._accessions,
    agreements._agreements,
    conflicts._sanctions_packages,
    incidents._damage,
    incidents._explosions,
    incidents._launches,
    gatherings._talks,
    gatherings._climate_conferences,
    gatherings._conferences,
    conflicts._occupations,
    gatherings._elections,
)


def find_events(text: str, offset: int, actors: ArticleActors) -> list[EventMention]:
    """Event mentions in one sentence. ``text`` has footnote markers masked; ``offset`` is its body offset."""
    if not _ANY_TRIGGER.search(text):
        return []
    sentence = SentenceEvents(text, offset, actors)
    for kind in _KINDS:
        kind(sentence)
    return sentence.unique()
