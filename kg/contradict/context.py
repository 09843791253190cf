"""context: who speaks, for whom, about what. Every claim of a corpus as an :class:`Item` the detectors
compare, and the corpus-wide :class:`Context` they read (labels, events, publication dates).

A claimant speaks for its *party*: the state or organisation it holds office in (per the gazetteer, on
the article's date), else itself. Two claims of the same claimant never contradict each other, nor,
within one article, the article's own voice and a speaker it reports (:func:`allowed`). An article whose
every claim is a copy of a claim already gathered (the same claim cluster) is left out. A claim with no
claimant whose sentence reports someone ("The ministry said Friday ...", "a spokesman denied ...") is
held by the words that name that someone (:func:`textual_holder`), not by the article's voice.
"""

from __future__ import annotations

import bisect
import re
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import cache
from itertools import pairwise

from kg.lexicon import words
from kg.models import Claim, Corpus, DateValue, Event

__all__ = [
    "MAIN_ACTORS",
    "Clause",
    "Context",
    "Item",
    "Role",
    "affiliations",
    "allowed",
    "allowed_figures",
    "gather",
    "offices_held",
    "same_time",
    "textual_holder",
    "unify_events",
]

MAIN_ACTORS = 5
"""An article's main actors are the ones it names most (speakers and sources aside), at most this many:
figures of two articles with no main actor in common are not compared."""

_TYPE_STRENGTH = {"quote": 3, "reported": 2, "statistic": 1, "event": 1, "authorial": 0}

Role = tuple[str, str | None, str | None]
"""An office: (the organisation or state it is of, start date, end date), dates ISO or None."""

Clause = tuple[str, bool, frozenset[str], frozenset[str], bool]
"""A clause of a claim: (text, negated, content words with ``when:`` dates, names, rebuts); see
:func:`kg.contradict.clauses.clauses_of`."""


@dataclass(frozen=True, slots=True)
class Item:
    """A claim with what contradiction detection needs to know about it."""

    claim: Claim
    order: int  # corpus order (article id, then position): ties always break the same way
    voice: str  # claimant identity: an actor key, or "voice:<article id>" for the article's own voice
    voice_label: str
    named: bool  # a named actor speaks (not an unnamed group, not the article's own voice)
    actors: frozenset[str]  # actors the claim is about (events excluded)
    topics: frozenset[str]  # actors and (unified) events the claim is about
    side: frozenset[str]  # the claimant and the organisations it holds office in
    strength: tuple[float, ...]
    party: str  # whom the claimant speaks for: the state or organisation it holds office in, else itself
    mentions: tuple[tuple[int, int, str], ...] = ()  # actors named in the claim: (start, end, key), body offsets
    plural: bool = False  # the claimant is several people (co-authors)

    @property
    def says(self) -> str:
        return "say" if self.plural else "says"

    @property
    def uid(self) -> str:
        return self.claim.uid


@dataclass(frozen=True, slots=True)
class Context:
    """What the detectors read besides the claims."""

    labels: dict[str, str]  # actor and event key -> label / name
    events: dict[str, Event]
    canonical: dict[str, str]  # event key -> unified event key
    published: dict[str, DateValue | None]  # article id -> its publication date (resolves "on Tuesday")
    main_actors: dict[str, frozenset[str]] = field(default_factory=dict)  # article id -> its most named actors
    statements: dict[int, tuple[Clause, ...]] = field(
        default_factory=dict
    )  # claim order -> its clauses, worked out once for the detectors that use them
    clusters: dict[str, str] = field(default_factory=dict)  # claim uid -> its claim cluster's key
    kinds: dict[str, str] = field(default_factory=dict)  # actor key -> its kind ("Person", "Country", ...)
    main_person: dict[str, str] = field(default_factory=dict)  # article id -> the person it names most

    def cluster(self, item: Item) -> str:
        """The claim cluster of ``item`` (the same claim in other articles), else its own uid."""
        return self.clusters.get(item.uid, item.uid)


_HOLDER = re.compile(
    r"^(?:[^,;:“\"]*,\s+)?(?P<holder>(?:[\w’'.\-]+\s+){0,7}?[\w’'.\-]+)\s+(?:also\s+|again\s+|officially\s+)?"
    rf"(?:{'|'.join(sorted(words('contradict-holder-cues'), key=len, reverse=True))})\b"
)
_NOT_HOLDERS = words("contradict-first-person") | {"he", "she", "they", "it", "who", "which", "that", "this"}


def textual_holder(text: str) -> str | None:
    """Who a sentence reports, by the words before its reporting verb, without a leading
    article, as written (None for a pronoun or no reporting verb at the start of the sentence).

    >>> textual_holder("The ministry said Friday the bridge was closed.")
    'ministry'
    >>> textual_holder("Meanwhile, a spokesman for the Party also denied the charge.")
    'spokesman for the Party'
    >>> textual_holder("He said the bridge was closed.") is None
    True
    """
    m = _HOLDER.match(text)
    if m is None:
        return None
    found = m.group("holder").replace("’", "'").split()
    while found and found[0].lower() in ("the", "a", "an"):
        found = found[1:]
    if not found or found[-1].lower() in _NOT_HOLDERS or found[0].lower() in _NOT_HOLDERS:
        return None
    return " ".join(found)


def _strength(claim: Claim) -> tuple[float, ...]:
    return (
        _TYPE_STRENGTH.get(claim.claim_type, 0),
        1.0 if claim.cites else 0.0,
        claim.confidence,
        claim.attribution_confidence,
    )


@cache
def _roles() -> dict[str, tuple[Role, ...]]:
    """Office holders' roles from the gazetteer: actor key -> ((organisation, start, end), ...)."""
    from kg.extract.gazetteer import load_gazetteer  # data only; detection never runs the extractor

    return {
        key: tuple((r.of, r.start, r.end) for r in entry.roles)
        for key, entry in load_gazetteer().entries.items()
        if entry.roles
    }


def offices_held(roles: Sequence[Role], when: DateValue | None, mentioned: Iterable[str] = ()) -> frozenset[str]:
    """The organisations and states of ``roles`` held on ``when``; when the date is unknown (or no role
    was held then), those mentioned; else every one.

    >>> roles = (("league", "2019-10", "2024-09"), ("council", "2009-01", "2014-09"))
    >>> sorted(offices_held(roles, DateValue(value="2023-06", precision="month")))
    ['league']
    >>> sorted(offices_held(roles, None, mentioned={"council", "elsewhere"}))
    ['council']
    >>> sorted(offices_held(roles, None))
    ['council', 'league']
    """
    if not roles:
        return frozenset()
    if when is not None:
        date = when.value
        held = {
            of
            for of, start, end in roles
            if not (start and date < start[: len(date)]) and not (end and date > end[: len(date)])
        }
        if held:
            return frozenset(held)
    every = frozenset(of for of, _, _ in roles)
    return (every & frozenset(mentioned)) or every


def affiliations(actor: str, when: DateValue | None, mentioned: Iterable[str] = ()) -> frozenset[str]:
    """Organisations and states ``actor`` holds office in, per the gazetteer (:func:`offices_held`)."""
    return offices_held(_roles().get(actor, ()), when, mentioned)


def unify_events(events: Iterable[Event]) -> dict[str, str]:
    """Event key -> the key of the event it is unified with (itself when none).

    Wars whose participant sets nest are one war (the war in country A, {A}, is the war between A and B,
    {A, B}), unless a war nests in two wars that do not nest in each other (then it is ambiguous and
    stays apart). Other kinds are unified by key only.

    >>> from kg.models import Event
    >>> small = Event(key="war-a", kind="war", name="w", participants=("a",))
    >>> large = Event(key="war-a-b", kind="war", name="w", participants=("a", "b"))
    >>> unify_events([small, large])
    {'war-a': 'war-a-b', 'war-a-b': 'war-a-b'}
    """
    events = sorted(events, key=lambda e: e.key)
    canonical = {e.key: e.key for e in events}
    wars = {e.key: frozenset(e.participants) for e in events if e.kind == "war" and e.participants}
    by_participant: dict[str, set[str]] = defaultdict(set)
    for key, members in wars.items():
        for p in members:
            by_participant[p].add(key)
    for key, members in sorted(wars.items(), key=lambda kv: (len(kv[1]), kv[0])):
        supersets = set.intersection(*(by_participant[p] for p in members)) - {key}
        chain = sorted(supersets, key=lambda k: (len(wars[k]), k))
        if not chain or any(not wars[x] <= wars[y] for x, y in pairwise(chain)):
            continue
        canonical[key] = chain[-1]
    # follow chains to the largest war
    for key in canonical:
        seen = {key}
        while canonical[canonical[key]] != canonical[key] and canonical[key] not in seen:
            seen.add(canonical[key])
            canonical[key] = canonical[canonical[key]]
    return canonical


def gather(corpus: Corpus) -> tuple[list[Item], Context]:
    """Every claim of ``corpus`` as an :class:`Item`, in corpus order, and the :class:`Context`."""
    labels = {a.key: a.label for a in corpus.actors}
    kinds = {a.key: a.kind for a in corpus.actors}
    events = {e.key: e for e in corpus.events}
    labels.update({e.key: e.name for e in corpus.events})
    canonical = unify_events(corpus.events)
    items: list[Item] = []
    clustered = {uid: cluster.key for cluster in corpus.clusters for uid in cluster.claims}
    gathered: set[str] = set()
    for extraction in sorted(corpus.extractions, key=lambda x: x.article.id):
        # an article whose every claim is a copy of a claim gathered already (the same claim cluster)
        # adds no disagreement: its pairs are the ones of the articles it copies
        found = {clustered.get(c.uid, c.uid) for c in extraction.claims}
        if extraction.claims and found <= gathered:
            continue
        gathered |= found
        article = extraction.article
        mentioned = frozenset(m.target for m in extraction.mentions)
        sides: dict[str, frozenset[str]] = {}
        voice_keys = extraction.authors or ((extraction.publisher,) if extraction.publisher else ())
        voice_label = (
            " and ".join(labels.get(k, k) for k in voice_keys) if voice_keys else f"the article “{article.headline}”"
        )
        named_at = sorted((m.span.start, m.span.end, m.target) for m in extraction.mentions if m.target in kinds)
        starts = [m[0] for m in named_at]
        for claim in sorted(extraction.claims, key=lambda c: (c.span.start, c.span.end)):
            first = bisect.bisect_left(starts, claim.span.start)
            last = bisect.bisect_left(starts, claim.span.end)
            inside = tuple(m for m in named_at[first:last] if m[1] <= claim.span.end)
            holder = textual_holder(claim.text) if claim.claimant is None else None
            side: frozenset[str]
            if holder is not None:
                voice, label, named, side = f"said:{article.id}:{holder.lower()}", f"the {holder}", False, frozenset()
            elif claim.claimant is None:
                voice, label, named, side = f"voice:{article.id}", voice_label, False, frozenset(voice_keys)
            else:
                voice, label = claim.claimant, labels.get(claim.claimant, claim.claimant)
                named = kinds.get(claim.claimant) not in (None, "UnnamedGroup")
                if claim.claimant not in sides:
                    held = affiliations(claim.claimant, article.published, mentioned)
                    sides[claim.claimant] = frozenset({claim.claimant}) | held
                side = sides[claim.claimant]
            topics = frozenset(canonical.get(k, k) for k in claim.about)
            actors = frozenset(k for k in claim.about if k in kinds)
            offices = sorted(side - {voice})
            party = offices[0] if claim.claimant is not None and len(offices) == 1 else voice
            plural = claim.claimant is None and len(voice_keys) > 1
            items.append(
                Item(
                    claim=claim,
                    order=len(items),
                    voice=voice,
                    voice_label=label,
                    named=named,
                    actors=actors,
                    topics=topics,
                    side=side,
                    strength=_strength(claim),
                    party=party,
                    mentions=inside,
                    plural=plural,
                )
            )
    published = {x.article.id: x.article.published for x in corpus.extractions}
    main_actors = {}
    main_person: dict[str, str] = {}
    for extraction in corpus.extractions:
        counts: dict[str, int] = defaultdict(int)
        spoken_of = {k for c in extraction.claims for k in c.about}
        speakers = {c.claimant for c in extraction.claims} | set(extraction.authors) | {extraction.publisher}
        speakers -= spoken_of  # those that only speak
        for m in extraction.mentions:
            if kinds.get(m.target) not in (None, "UnnamedGroup") and m.target not in speakers:
                counts[m.target] += 1  # what the article is about, not who speaks in it
        top = sorted(counts, key=lambda k: (-counts[k], k))
        main_actors[extraction.article.id] = frozenset(top[:MAIN_ACTORS])
        person = next((k for k in top if kinds.get(k) == "Person"), None)
        if person is not None:
            main_person[extraction.article.id] = person
    return items, Context(
        labels,
        events,
        canonical,
        published,
        main_actors,
        clusters=clustered,
        kinds=dict(kinds),
        main_person=main_person,
    )


def allowed(a: Item, b: Item) -> bool:
    """Claims of the same claimant never contradict each other; nor, within one article, the article's
    own voice and a speaker it reports."""
    if a.voice == b.voice or a.order == b.order:
        return False
    same_article = a.claim.article_id == b.claim.article_id
    return not (same_article and (a.voice.startswith("voice:") or b.voice.startswith("voice:")))


def allowed_figures(a: Item, b: Item) -> bool:
    """Whether two figures may be compared: as :func:`allowed`, and also one claimant's figures reported
    by two articles (one of them gives another number: wording does not change a number), and within one
    article the article's own number against a speaker's direct quote (a summary of the speaker would
    give the speaker's number)."""
    if a.order == b.order:
        return False
    if a.claim.article_id != b.claim.article_id:
        return True
    if a.voice == b.voice:
        return False
    if a.voice.startswith("voice:") or b.voice.startswith("voice:"):
        speaker = b if a.voice.startswith("voice:") else a
        return speaker.claim.claim_type == "quote"
    return True


def same_time(a: Claim, b: Claim) -> bool:
    """Whether two claims speak of the same time: both of what is (or was), or both of what will or would
    be. That something happened does not contradict a prediction that it will not."""
    return a.modality == b.modality or {a.modality, b.modality} <= {"predictive", "conditional"}
