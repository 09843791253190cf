"""resolve: [Extraction] -> Corpus. One actor, event and source record per key across the corpus.

Stage contract: extractions come in corpus order, each naming actors, events and sources by key; the
same key in two articles means the same thing. ``resolve`` merges the records that share a key
(deterministically: the result does not depend on the order of the extractions), gives every named
publisher of a cited source an actor to point at (``Source.publisher_key``, so that the build reads it
off the record), and leaves ``contradictions`` empty (:func:`kg.contradict.find_contradictions` fills
them). Claims are not rewritten: keys are already the identity. The same claim made in several articles
is grouped into a claim cluster (:mod:`kg.resolve.clusters`).
"""

from __future__ import annotations

import logging
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from typing import TypeVar

from kg.iris import mint
from kg.models import ACTOR_KINDS, ORGANIZATION_KINDS, Actor, Corpus, DateValue, Event, Extraction, Source
from kg.resolve.clusters import cluster_claims

logger = logging.getLogger(__name__)

__all__ = [
    "check_references",
    "cluster_claims",
    "merge_actors",
    "merge_events",
    "merge_sources",
    "resolve",
    "source_publishers",
]

T = TypeVar("T")

_SOURCE_KIND_PREFERENCE = ("reference", "link", "publication")


def _most_frequent(values: Iterable[T], order: Sequence[T] | None = None) -> T | None:
    """The most frequent value; ties go to the earliest in ``order``, else the smallest value."""
    counts = Counter(values)
    if not counts:
        return None

    def rank(item: tuple[T, int]) -> tuple[int, int, str]:
        value, count = item
        position = order.index(value) if order is not None and value in order else len(order or ())
        return (-count, position, str(value))

    return min(counts.items(), key=rank)[0]


def merge_actors(records: Sequence[Actor]) -> Actor:
    """One actor from the records of one key.

    The label is the most frequent label (ties: alphabetical); every other label and alias seen
    becomes an alias; the kind is the most frequent (ties: the more specific); confidence is the
    maximum; the Wikidata id is the most frequent one given. When extractions disagree on the kind
    equally often, the more specific kind wins (the order of :data:`kg.models.ACTOR_KINDS`).
    """
    if not records:
        raise ValueError("merge_actors needs at least one record")
    keys = {r.key for r in records}
    if len(keys) != 1:
        raise ValueError(f"merge_actors got records of several keys: {sorted(keys)}")
    label = _most_frequent(r.label for r in records)
    kind = _most_frequent((r.kind for r in records), ACTOR_KINDS)
    qids = [r.wikidata for r in records if r.wikidata]
    wikidata = _most_frequent(qids)
    if len(set(qids)) > 1:
        logger.warning("actor %s: conflicting Wikidata ids %s, kept %s", records[0].key, sorted(set(qids)), wikidata)
    names = {r.label for r in records} | {a for r in records for a in r.aliases}
    assert label is not None and kind is not None
    return Actor(
        key=records[0].key,
        label=label,
        kind=kind,
        aliases=tuple(sorted(names - {label})),
        wikidata=wikidata,
        confidence=max(r.confidence for r in records),
    )


def merge_events(records: Sequence[Event]) -> Event:
    """One event from the records of one key: most frequent name and kind, dates and participants unioned."""
    if not records:
        raise ValueError("merge_events needs at least one record")
    name = _most_frequent(r.name for r in records)
    kind = _most_frequent(r.kind for r in records)
    dates = {(d.value, d.precision): d for r in records for d in r.dates}
    assert name is not None and kind is not None
    return Event(
        key=records[0].key,
        kind=kind,
        name=name,
        participants=tuple(sorted({p for r in records for p in r.participants})),
        dates=tuple(dates[k] for k in sorted(dates)),
    )


def merge_sources(records: Sequence[Source]) -> Source:
    """One source from the records of one key: for each field the most frequent value given."""
    if not records:
        raise ValueError("merge_sources needs at least one record")
    accessed = _most_frequent(r.accessed.value for r in records if r.accessed)
    accessed_value: DateValue | None = None
    if accessed is not None:
        accessed_value = next(r.accessed for r in records if r.accessed and r.accessed.value == accessed)
    kind = _most_frequent((r.kind for r in records), _SOURCE_KIND_PREFERENCE)
    assert kind is not None
    return Source(
        key=records[0].key,
        kind=kind,
        url=_most_frequent(r.url for r in records if r.url),
        name=_most_frequent(r.name for r in records if r.name),
        publisher=_most_frequent(r.publisher for r in records if r.publisher),
        accessed=accessed_value,
    )


def _name_key(name: str) -> str:
    return re.sub(r"\s+", " ", name).strip().casefold()


def source_publishers(sources: Iterable[Source], actors: Iterable[Actor]) -> dict[str, str]:
    """For each source naming a publisher, the key of the actor that publisher is (source key -> actor key).

    An actor matches when its label or an alias equals the publisher's name (ignoring case and
    spacing); organisations win over other kinds, then the smallest key. A publisher no actor
    matches maps to ``mint("actor", name)``, the key :func:`resolve` gives the Organization it creates.
    """
    by_name: dict[str, list[Actor]] = defaultdict(list)
    for actor in actors:
        if actor.kind == "UnnamedGroup":
            continue
        for name in (actor.label, *actor.aliases):
            by_name[_name_key(name)].append(actor)
    found: dict[str, str] = {}
    for source in sources:
        if not source.publisher:
            continue
        candidates = by_name.get(_name_key(source.publisher), [])
        if candidates:
            best = min(candidates, key=lambda a: (a.kind not in ORGANIZATION_KINDS, a.key))
            found[source.key] = best.key
        else:
            found[source.key] = mint("actor", source.publisher)
    return found


def check_references(extraction: Extraction) -> list[str]:
    """Problems in one extraction that would leave the graph pointing at nothing (extractor bugs).

    Returns one message per problem; ``resolve`` logs them as warnings.
    """
    article = extraction.article
    actors = {a.key for a in extraction.actors}
    events = {e.key for e in extraction.events}
    sources = {s.key for s in extraction.sources}
    problems: list[str] = []

    def need(kind: str, key: str, known: set[str], where: str) -> None:
        if key not in known:
            problems.append(f"{article.path}: {where} names {kind} {key!r}, which the extraction does not define")

    for key in extraction.authors:
        need("actor", key, actors, "the author list")
    if extraction.publisher:
        need("actor", extraction.publisher, actors, "the publisher")
    for claim in extraction.claims:
        where = f"claim {claim.uid}"
        if claim.article_id != article.id:
            problems.append(f"{article.path}: {where} belongs to article {claim.article_id!r}")
        if article.body[claim.span.start : claim.span.end] != claim.span.text:
            problems.append(f"{article.path}: {where}: span text differs from the body at that offset")
        if claim.claimant:
            need("actor", claim.claimant, actors, where)
        for key in claim.about:
            need("actor or event", key, actors | events, where)
        for key in claim.cites:
            need("source", key, sources, where)
        for statement in claim.dates:
            need("event", statement.event, events, where)
        if claim.rebuttal:
            need("actor", claim.rebuttal.target, actors, where)
    for citation in extraction.citations:
        need("source", citation.source, sources, f"citation at {citation.span.start}-{citation.span.end}")
        if article.body[citation.span.start : citation.span.end] != citation.span.text:
            problems.append(f"{article.path}: citation at {citation.span.start}: span text differs from the body")
    for event in extraction.events:
        for key in event.participants:
            need("actor", key, actors, f"event {event.key}")
    return problems


def resolve(extractions: Iterable[Extraction], *, skipped: Sequence[str] = ()) -> Corpus:
    """Merge the per-article records into one record per actor, event and source key.

    Args:
        extractions: one Extraction per article, in corpus order.
        skipped: messages for corpus files skipped with ``--skip-invalid`` (kept on the Corpus).

    Returns:
        The Corpus: the extractions as given, actors, events and sources sorted by key, and the claim
        clusters.
        Every source publisher is an actor: an existing one with that name, else a new Organization;
        ``Source.publisher_key`` names it.
    """
    extractions = tuple(extractions)
    actors: dict[str, list[Actor]] = defaultdict(list)
    events: dict[str, list[Event]] = defaultdict(list)
    sources: dict[str, list[Source]] = defaultdict(list)
    for extraction in extractions:
        for problem in check_references(extraction):
            logger.warning("%s", problem)
        for actor in extraction.actors:
            actors[actor.key].append(actor)
        for event in extraction.events:
            events[event.key].append(event)
        for source in extraction.sources:
            sources[source.key].append(source)
    merged_actors = {key: merge_actors(records) for key, records in actors.items()}
    merged_sources = [merge_sources(sources[key]) for key in sorted(sources)]
    named = {_name_key(n) for a in merged_actors.values() if a.kind != "UnnamedGroup" for n in (a.label, *a.aliases)}
    for source in merged_sources:
        if source.publisher is None or _name_key(source.publisher) in named:
            continue
        key = mint("actor", source.publisher)
        if key in merged_actors:  # the key is taken by an actor of another name: keep them apart
            key = mint("actor-apart", source.publisher)
        merged_actors[key] = Actor(key=key, label=source.publisher, kind="Organization")
        named.add(_name_key(source.publisher))
    publishers = source_publishers(merged_sources, merged_actors.values())
    logger.info(
        "resolve: %d articles, %d actors, %d events, %d sources",
        len(extractions),
        len(merged_actors),
        len(events),
        len(sources),
    )
    return Corpus(
        extractions=extractions,
        actors=tuple(merged_actors[key] for key in sorted(merged_actors)),
        events=tuple(merge_events(events[key]) for key in sorted(events)),
        sources=tuple(s.model_copy(update={"publisher_key": publishers.get(s.key)}) for s in merged_sources),
        clusters=cluster_claims(extractions),
        skipped=tuple(skipped),
    )
