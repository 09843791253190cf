"""analyse: Corpus -> [Contradiction], found on the resolved records (:func:`find_contradictions`, run by
``kg build``). What an analyst lists afterwards is read back from the built graph by :mod:`kg.findings`.

How contradictions are found
============================

Candidate pairs come from blocking, never from comparing every claim with every other. Each claim
is put in a few buckets keyed by what it says; only claims sharing a bucket are compared:

* **rebuttal**: a claim that rejects what actor X said ("called X's claim nonsense", "dismissed a
  Latvian report") against the claims of X and of X's office holders, looked up by (X, relation),
  (X, article) and (X, pair of topics);
* **polarity**: by relation ``(subject, predicate, object)``; asserted against negated, never a fact
  against a prediction that it would not happen;
* **value**: dates by event (war events whose participant sets nest count as one war; kinds that
  recur under one name, such as summits, never conflict), numbers by (measure, unit, the actors and
  places named in the number's own clause);
* **stance**: by (issue, pair of actors) over the actors a claim is about plus the organisations its
  speaker holds office in (a NATO secretary general speaks for NATO).

* **in other words** (no relation, event or measure needed): clauses blocked by their rarer content words
  (crude stems, a small paraphrase lexicon: "aboard"/"on board", "voted for"/"in favour", "set sail"/
  "left", "backed"/"supported", "began"/"begun"; reporting frames and hedges left out) — the same statement
  asserted and denied ("not", "denied that", "failed to", "miss" for "not meet", "there is no evidence
  that"), or called false ("the claim that X is not true", "anyone who says X is wrong", "dismissed a
  report that X", matched to the target's claim that words X); the same figure of one unit (within one
  article the counted unit is a shared word; one claimant's figures reported by two articles are compared,
  except growing tolls on different days); one happening dated twice (weekdays resolved against the
  article's date; a relative clause tells what it dates); short statements word for word within one
  article ("this is (not) deregulation"); "most" against a minority percentage; a deadline asserted
  earlier than one denied; a claim opening with "The record suggests otherwise" or "That is not true"
  against the claim right before it.

A bucket compares at most :data:`MAX_BLOCK` claimants per side, :data:`MAX_COUNTERPARTS` opposing
claimants per claimant and :data:`TOP_PER_VOICE` statements per claimant, so the cost stays close to
linear in the number of claims (``benchmarks/contradictions.py`` measures it).

Precision over recall. Two claims of the same claimant (including an article's own voice within
that article) are never reported: they merely differ in wording. Within one article, an authorial
claim is not set against a claim the article attributes to a speaker (the author is usually
summarising that speaker's side). Stances need two different *named* claimants (no unnamed groups,
no article voice), both quoted or reported, whose claims share at least two actors.

One disagreement gives one edge: per (kind, the two parties, proposition) only the strongest pair of
claims is kept (a direct quote beats reported speech beats the article's narration; a cited claim
beats an uncited one), and the explanation counts the other statements on each side and names the
other claimants of the same party (an office holder's party is the state or organisation of the
office). One pair of claims gets one contradiction, of the first kind that applies (rebuttal,
polarity, value, stance).
"""

from __future__ import annotations

import bisect
import heapq
import logging
import math
import re
from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from functools import cache, lru_cache
from itertools import combinations, pairwise
from typing import Generic, TypeVar

from kg.models import (
    Claim,
    Contradiction,
    ContradictionKind,
    Corpus,
    DateStatement,
    DateValue,
    Event,
    Quantity,
    Relation,
    Stance,
)
from kg.text.dates import find_dates

logger = logging.getLogger(__name__)

T = TypeVar("T")

__all__ = [
    "MAX_BLOCK",
    "MAX_COUNTERPARTS",
    "ONE_OFF_EVENT_KINDS",
    "dates_conflict",
    "find_contradictions",
    "quantities_conflict",
    "unify_events",
]

MAX_BLOCK = 200
"""At most this many claimants per side of one bucket are compared (the strongest ones)."""
MAX_COUNTERPARTS = 8
"""At most this many opposing claimants are paired with one claimant in one bucket."""

ONE_OFF_EVENT_KINDS = frozenset(
    {
        "war",
        "invasion",
        "annexation",
        "founding",
        "dissolution",
        "end",
        "fall",
        "treaty",
        "declaration",
        "occupation",
        "launch",
        "incident",
        "accession",
    }
)
"""Event kinds that happen once per key, so two different dates for one of them conflict (an accession
only when its key names the member: one state joins an organisation once). Kinds that
recur under one key (summits, elections, enlargement rounds, sanctions, interventions, crises) never
give a date conflict: two dates usually mean two events of the same type."""

KIND_ORDER: dict[ContradictionKind, int] = {"rebuttal": 0, "polarity": 1, "value": 2, "stance": 3}
_TYPE_STRENGTH = {"quote": 3, "reported": 2, "statistic": 1, "event": 1, "authorial": 0}


# ---------------------------------------------------------------------------------------------
# Context: who speaks, for whom, about what


@dataclass(frozen=True, slots=True)
class _Item:
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
class _Context:
    labels: dict[str, str]  # actor and event key -> label / name
    events: dict[str, Event]
    canonical: dict[str, str]  # event key -> unified event key
    published: dict[str, DateValue | None]  # article id -> its publication date (resolves "on Tuesday")
    main_actors: dict[str, frozenset[str]] = field(default_factory=dict)  # article id -> its most named actors
    statements: dict[int, tuple[tuple[str, bool, frozenset[str], frozenset[str], bool], ...]] = field(
        default_factory=dict
    )  # claim order -> its clauses (_statements), worked out once for the kinds that use them


@dataclass(frozen=True, slots=True)
class _Candidate:
    kind: ContradictionKind
    cluster: tuple[str, ...]  # (kind, claimant pair, proposition): one edge per cluster
    a: _Item
    b: _Item
    score: float  # which candidate of a cluster is kept
    confidence: float
    modality: str | None
    explain: str  # explanation without the "others" note


def _pair(
    kind: ContradictionKind,
    a: _Item,
    b: _Item,
    proposition: tuple[str, ...],
    confidence: float,
    explain: str,
    modality: str | None = None,
) -> _Candidate:
    """A candidate between two parties' claims: one edge per (kind, both parties, proposition); of its pairs the
    one with the strongest claims is kept."""
    return _Candidate(
        kind=kind,
        cluster=(kind, *sorted((a.party, b.party)), *proposition),
        a=a,
        b=b,
        score=sum(a.strength) + sum(b.strength),
        confidence=confidence,
        modality=modality,
        explain=explain,
    )


def _strength(claim: Claim) -> tuple[float, ...]:
    return (
        _TYPE_STRENGTH.get(claim.claim_type, 0),
        1.0 if claim.cites else 0.0,
        claim.confidence,
        claim.attribution_confidence,
    )


@cache
def _roles() -> dict[str, tuple[tuple[str, str | None, str | None], ...]]:
    """Office holders' roles from the gazetteer: actor key -> ((organisation, start, end), ...)."""
    from kg.extract.gazetteer import load_gazetteer  # data only; analysis never runs the extractor

    return {
        key: tuple((r.of, r.start, r.end) for r in entry.roles)
        for key, entry in load_gazetteer().entries.items()
        if entry.roles
    }


def affiliations(actor: str, when: DateValue | None, mentioned: Iterable[str] = ()) -> frozenset[str]:
    """Organisations and states ``actor`` holds office in, per the gazetteer: those held on ``when``;
    when the date is unknown (or no role was held then), those the article mentions; else every one.

    >>> sorted(affiliations("jens-stoltenberg", DateValue(value="2023-06", precision="month")))
    ['nato']
    >>> sorted(affiliations("jens-stoltenberg", None, mentioned={"nato", "russia"}))
    ['nato']
    """
    roles = _roles().get(actor, ())
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


def unify_events(events: Iterable[Event]) -> dict[str, str]:
    """Event key -> the key of the event it is unified with (itself when none).

    Wars whose participant sets nest are one war ("the war in Ukraine" {Ukraine} is the
    "Russia–Ukraine war" {Russia, Ukraine}), unless a war nests in two wars that do not nest in each
    other (then it is ambiguous and stays apart). Other kinds are unified by key only.

    >>> from kg.models import Event
    >>> small = Event(key="war-ukraine", kind="war", name="w", participants=("ukraine",))
    >>> large = Event(key="war-russia-ukraine", kind="war", name="w", participants=("russia", "ukraine"))
    >>> unify_events([small, large])
    {'war-russia-ukraine': 'war-russia-ukraine', 'war-ukraine': 'war-russia-ukraine'}
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


MAIN_ACTORS = 5
"""An article's main actors are the ones it names most (speakers and sources aside), at most this many:
figures of two articles with no main actor in common are not compared."""


def _items(corpus: Corpus) -> tuple[list[_Item], _Context]:
    labels = {a.key: a.label for a in corpus.actors}
    kinds = {a.key: a.kind for a in corpus.actors}
    events = {e.key: e for e in corpus.events}
    labels.update({e.key: e.name for e in corpus.events})
    canonical = unify_events(corpus.events)
    items: list[_Item] = []
    for extraction in sorted(corpus.extractions, key=lambda x: x.article.id):
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
            if claim.claimant is None:
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
                _Item(
                    claim,
                    len(items),
                    voice,
                    label,
                    named,
                    actors,
                    topics,
                    side,
                    _strength(claim),
                    party,
                    inside,
                    plural,
                )
            )
    published = {x.article.id: x.article.published for x in corpus.extractions}
    main_actors = {}
    for extraction in corpus.extractions:
        counts: dict[str, int] = defaultdict(int)
        spoken_of = {k for c in extraction.claims for k in c.about}
        speakers = {c.claimant for c in extraction.claims} | set(extraction.authors) | {extraction.publisher}
        speakers -= spoken_of  # those that only speak
        for m in extraction.mentions:
            if kinds.get(m.target) not in (None, "UnnamedGroup") and m.target not in speakers:
                counts[m.target] += 1  # what the article is about, not who speaks in it
        top = sorted(counts, key=lambda k: (-counts[k], k))[:MAIN_ACTORS]
        main_actors[extraction.article.id] = frozenset(top)
    return items, _Context(labels, events, canonical, published, main_actors)


def _allowed_figures(a: _Item, b: _Item) -> bool:
    """Whether two figures may be compared: as :func:`_allowed`, and also one claimant's figures reported
    by two articles (one of them gives another number: wording does not change a number), and within one
    article the article's own number against a speaker's direct quote (a summary of the speaker would
    give the speaker's number)."""
    if a.order == b.order:
        return False
    if a.claim.article_id != b.claim.article_id:
        return True
    if a.voice == b.voice:
        return False
    if a.claim.claimant is None or b.claim.claimant is None:
        speaker = b if a.claim.claimant is None else a
        return speaker.claim.claim_type == "quote"
    return True


def _allowed(a: _Item, b: _Item) -> bool:
    """Claims of the same claimant never contradict each other; nor, within one article, the article's
    own voice and a speaker it reports."""
    if a.voice == b.voice or a.order == b.order:
        return False
    same_article = a.claim.article_id == b.claim.article_id
    return not (same_article and (a.claim.claimant is None or b.claim.claimant is None))


# ---------------------------------------------------------------------------------------------
# Wording of explanations


def _and(names: Sequence[str]) -> str:
    names = list(names)
    if len(names) <= 1:
        return "".join(names)
    return ", ".join(names[:-1]) + " and " + names[-1]


def _date_text(date: DateValue) -> str:
    months = (
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    )
    parts = date.value.lstrip("-").split("-")
    if date.precision == "year":
        return f"in {parts[0]}"
    if date.precision == "month":
        return f"in {months[int(parts[1]) - 1]} {parts[0]}"
    return f"on {int(parts[2])} {months[int(parts[1]) - 1]} {parts[0]}"


def _number_text(q: Quantity) -> str:
    value = q.value
    scale = ""
    for size, word in ((1e12, " trillion"), (1e9, " billion"), (1e6, " million")):
        if abs(value) >= size:
            value, scale = value / size, word
            break
    text = f"{value:,.0f}" if value == int(value) else f"{value:,.2f}".rstrip("0").rstrip(".")
    text += scale
    if q.unit == "%":
        return f"{text}%"
    if q.unit and q.unit.isupper() and len(q.unit) == 3:
        return f"{q.unit} {text}"
    return f"{text} {q.unit}" if q.unit else text


_VERBS = {"attack": ("attacks", "attack", "attacking"), "support": ("supports", "support", "supporting")}


def _relation_text(rel: Relation, claim: Claim, labels: dict[str, str]) -> str:
    subject, obj = labels.get(rel.subject, rel.subject), labels.get(rel.object, rel.object)
    present, base, _ = _VERBS.get(rel.predicate, (rel.predicate + "s", rel.predicate, rel.predicate))
    aux = {"predictive": "would", "conditional": "would", "hedged": "may"}.get(claim.modality)
    if rel.negated:
        return (
            f"{subject} would not {base} {obj}"
            if aux or claim.modality == "factual"
            else f"{subject} does not {base} {obj}"
        )
    return f"{subject} {aux} {base} {obj}" if aux else f"{subject} {present} {obj}"


def _modality_note(a: Claim, b: Claim) -> str | None:
    if a.modality == b.modality:
        return None
    return f"{a.modality} vs {b.modality}"


def _modality_sentence(asserting: Claim, denying: Claim) -> str:
    if asserting.modality in ("predictive", "conditional") and denying.modality == "factual":
        what = "a conditional prediction" if asserting.modality == "conditional" else "a prediction"
        return f" This is {what} set against a statement of intent."
    if "hedged" in (asserting.modality, denying.modality):
        return " One side is hedged, so this is a weaker contradiction."
    return ""


def _others(count: int, who: str) -> str:
    if count <= 0:
        return ""
    return (
        f" {who} {'say' if ' and ' in who else 'says'} the same in {count} other statement{'s' if count != 1 else ''}."
    )


# ---------------------------------------------------------------------------------------------
# Blocking helpers


@dataclass(slots=True)
class _Said(Generic[T]):
    """What one claimant says in one bucket: its strongest statements (at most TOP_PER_VOICE) and how
    many there are in all."""

    entries: list[tuple[_Item, T]]
    count: int


TOP_PER_VOICE = 3
"""Statements of one claimant kept per bucket (the others are only counted): bounds the work per bucket."""


def _best_per_voice(entries: Iterable[tuple[_Item, T]]) -> dict[str, _Said[T]]:
    """Entries grouped by claimant, strongest first."""
    grouped: dict[str, list[tuple[_Item, T]]] = defaultdict(list)
    for entry in entries:
        grouped[entry[0].voice].append(entry)
    return {
        voice: _Said(heapq.nsmallest(TOP_PER_VOICE, said, key=lambda e: (_weakness(e[0]), e[0].order)), len(said))
        for voice, said in grouped.items()
    }


def _weakness(item: _Item) -> tuple[float, ...]:
    return tuple(-x for x in item.strength)


def _strongest_voices(grouped: dict[str, _Said[T]]) -> list[str]:
    """The claimants of a bucket, strongest statement first, at most MAX_BLOCK of them."""
    return heapq.nsmallest(
        MAX_BLOCK, grouped, key=lambda v: (_weakness(grouped[v].entries[0][0]), grouped[v].entries[0][0].order)
    )


def _confidence(base: float, a: _Item, b: _Item, factor: float = 1.0) -> float:
    evidence = min(a.claim.confidence, b.claim.confidence)
    attribution = min(
        a.claim.attribution_confidence if a.claim.claimant else 1.0,
        b.claim.attribution_confidence if b.claim.claimant else 1.0,
    )
    value = base * factor * (0.6 + 0.4 * evidence) * (0.7 + 0.3 * attribution)
    return round(max(0.05, min(1.0, value)), 3)


# ---------------------------------------------------------------------------------------------
# Polarity


def _polarity(items: Sequence[_Item], ctx: _Context) -> Iterator[_Candidate]:
    block: dict[tuple[str, str, str], list[tuple[_Item, Relation]]] = defaultdict(list)
    for item in items:
        for rel in item.claim.relations:
            if rel.subject != rel.object:
                block[(rel.subject, rel.predicate, rel.object)].append((item, rel))
    for key in sorted(block):
        entries = block[key]
        asserted = _best_per_voice(e for e in entries if not e[1].negated)
        negated = _best_per_voice(e for e in entries if e[1].negated)
        if not asserted or not negated:
            continue
        neg_voices = _strongest_voices(negated)
        for voice in _strongest_voices(asserted):
            paired = 0
            for other in neg_voices:
                if paired >= MAX_COUNTERPARTS:
                    break
                a, rel_a = asserted[voice].entries[0]
                b, rel_b = negated[other].entries[0]
                if not _allowed(a, b) or (a.claim.modality == "factual" and b.claim.modality != "factual"):
                    # that something happened does not contradict a prediction, made before or after,
                    # that it would not: only statements about the same time are compared
                    continue
                paired += 1
                assert isinstance(rel_a, Relation) and isinstance(rel_b, Relation)
                text = (
                    f"{a.voice_label} {a.says} {_relation_text(rel_a, a.claim, ctx.labels)}"
                    f"{f' ({a.claim.modality})' if a.claim.modality != 'factual' else ''}; "
                    f"{b.voice_label} {b.says} {_relation_text(rel_b, b.claim, ctx.labels)}"
                    f"{f' ({b.claim.modality})' if b.claim.modality != 'factual' else ''}."
                    + _modality_sentence(a.claim, b.claim)
                    + _others(asserted[voice].count - 1, a.voice_label)
                    + _others(negated[other].count - 1, b.voice_label)
                )
                factor = 1.0 if a.claim.modality == b.claim.modality else 0.9
                if "hedged" in (a.claim.modality, b.claim.modality):
                    factor *= 0.75
                yield _pair(
                    "polarity",
                    a,
                    b,
                    tuple(key),
                    _confidence(0.8, a, b, factor),
                    text,
                    modality=_modality_note(a.claim, b.claim),
                )


# The same statement in other words, once asserted and once denied: "India has deliberately reduced the
# flow of the Chenab" vs "India has not reduced the flow of the Chenab". The relations above cover a
# few verbs (attack, support); here two clauses of different claimants are compared when they share
# most of their content words, name no different actors or places, give no different year or month,
# and exactly one of them is negated. Blocked by content word, skipping words too common to tell.

_NEGATION = re.compile(r"\b(?:not|never|no\s+longer|no|none|nobody|nothing|neither|nor)\b|n[’']t\b", re.I)
_DENIAL = re.compile(
    r"\b(?:den(?:y|ies|ied|ying)(?=\s+(?:\w+ing|having|any|involvement|responsibility|wrongdoing|"
    r"(?:the\s+)?(?:claims?|reports?|allegations?|accusations?))\b)|fail(?:s|ed|ing)?\s+to|refus(?:e|es|ed|ing)\s+to)\b",
    re.IGNORECASE,
)
"""Words that deny what follows: "denied supplying weapons", "have failed to dent", "refused to withdraw"."""
_DENIAL_LEAD = re.compile(
    r"(?:\b(?:den(?:y|ies|ied|ying)|rejected|rejects|refuted|refutes|dismissed|dismisses)"
    r"(?:(?:\s+(?:the|a|an|any|all|these|those))?(?:\s+[\w\-]+)?\s+(?:claims?|reports?|allegations?|accusations?|"
    r"suggestions?|assertions?|rumou?rs?))?"
    r"|\bno\s+(?:evidence|proof|sign|indication|basis\s+for\s+(?:the\s+)?(?:claim|suggestion)))\s*$",
    re.IGNORECASE,
)
"""A clause ending so denies the next one: "Beijing denied | that it had supplied weapons", "Moscow rejected
claims | that ...", "there is no evidence | that ..."."""
_MISS = re.compile(r"\bmiss(?:es|ed|ing)?\b", re.IGNORECASE)
_CLAUSES = re.compile(
    r"[;:()\u2014\u2013]|,\s+(?:and|but|while|whereas|because|although|though)\b|"
    r",\s+as\s+(?!well\b|much\b|many\b|long\b|soon\b|far\b|a\b|an\b|the\b|part\b)|"
    r"\band\s+(?=(?:is|are|was|were|will|would|has|have|had|can|could|should|must|did|does)\b)|"
    r"\b(?:that|which|but|while|whereas|if|unless|until|provided)\b|"
    r"(?<![A-Z])(?<!Dr|Mr|Ms|St|Lt|Jr|No)(?<!Mrs|Gen|Col|Sen|Rep|Gov|Sgt)[.!?](?=\s+[A-Z“\"‘']|\s*$)"
)
MIN_SHARED_STATEMENT_WORDS = 3
MIN_STATEMENT_OVERLAP = 0.3
"""Two clauses are one statement when they share at least this many content words, three quarters of the
shorter one's and this share of all of them."""


def _modality_label(claim: Claim) -> str:
    return f" ({claim.modality})" if claim.modality != "factual" else ""


def _same_time(a: Claim, b: Claim) -> bool:
    """Whether two claims speak of the same time: both of what is (or was), or both of what will or would
    be. That something happened does not contradict a prediction that it will not."""
    return a.modality == b.modality or {a.modality, b.modality} <= {"predictive", "conditional"}


_FALSE_LEAD = re.compile(
    r"\b(?:it|this|that)\s+(?:is|was)\s+(?:simply\s+|just\s+|plainly\s+|completely\s+|totally\s+|categorically\s+|"
    r"absolutely\s+|entirely\s+)?"
    r"(?:false|untrue|not\s+true|not\s+the\s+case|incorrect|inaccurate|a\s+lie|a\s+myth|nonsense)\s*$",
    re.IGNORECASE,
)
_CLAIM_NOUN = re.compile(
    r"\b(?:claims?|allegations?|suggestions?|assertions?|reports?|idea|notion|narrative)\s*$", re.IGNORECASE
)
_FALSE_TAIL = re.compile(
    r"\s+(?:is|are|was|were)\s+(?:simply\s+|just\s+|plainly\s+|completely\s+|totally\s+|patently\s+|"
    r"categorically\s+|absolutely\s+|entirely\s+)?"
    r"(?:not\s+true|untrue|false|wrong|incorrect|inaccurate|baseless|unfounded|groundless|fabricated|nonsense|"
    r"a\s+myth|a\s+lie|a\s+fabrication)\b.*$",
    re.IGNORECASE | re.DOTALL,
)


_WRONG_SAYER = re.compile(
    r"\b(?:anyone|anybody|whoever|those|people|someone)\s+(?:who\s+)?(?:says?|claims?|thinks?|believes?|argues?|"
    r"insists?|suggests?|pretends?)\s+(?:that\s+)?(?P<what>.{15,}?)\s+(?:is|are)\s+(?:simply\s+|just\s+)?"
    r"(?:wrong|mistaken|lying|deluded|deluding\s+\w+|kidding\s+\w+|misinformed|not\s+looking\s+at|"
    r"not\s+paying\s+attention|ignoring|in\s+denial)\b",
    re.IGNORECASE,
)
""""Anyone who says X is not looking at the data", "those who claim X are wrong": X called false."""


_STATEMENT_FRAME = re.compile(
    r"^\s*(?:[\w.,'’\-]+\s+){0,10}?(?:said|says|told\s+[\w.]+(?:\s+[\w.]+)?|added|stated|confirmed)\s+(?:that\s+)?",
    re.IGNORECASE,
)
"""The reporting frame a clause may start with ("Foreign ministry spokesman X said", "the coast guard said")."""


def _statements(item: _Item) -> Iterator[tuple[str, bool, frozenset[str], frozenset[str], bool]]:
    """The clauses of a claim: (text, negated, content words with ``when:`` dates, names, rebuts). A clause
    that the claim calls false ("it is false that X", "the claim that X is simply not true", "anyone who
    says X is wrong") is X, negated, with ``rebuts`` set."""
    text, at = item.claim.text, 0
    clauses: list[str] = []
    called_false: set[int] = set()
    for m in _WRONG_SAYER.finditer(text):
        clauses.extend(_CLAUSES.split(text[at : m.start()]))
        called_false.add(len(clauses))
        clauses.append(m.group("what"))
        at = m.end()
    clauses.extend(_CLAUSES.split(text[at:]))
    for index, clause in enumerate(clauses):
        before = clauses[index - 1].strip() if index else ""
        rebuts = index in called_false
        if rebuts:
            pass
        elif _FALSE_LEAD.search(before):
            rebuts = True
        elif _CLAIM_NOUN.search(before) and (tail := _FALSE_TAIL.search(clause)):
            clause, rebuts = clause[: tail.start()], True
        frame = _STATEMENT_FRAME.match(clause)
        if frame and not _NEGATION.search(frame.group(0)) and len(clause) - frame.end() >= 15:
            clause = clause[frame.end() :]  # "He said the sharp drop began ...": the attribution is not the statement
        if len(clause) < 15 or "?" in clause:
            continue
        clause = _MISS.sub("not meet", clause)  # "would miss the target" denies "will meet the target"
        denied = bool(_DENIAL.search(clause)) != bool(_DENIAL_LEAD.search(before))
        negated = (bool(_NEGATION.search(clause)) != denied) != rebuts
        plain = _DENIAL.sub(" ", _NEGATION.sub(" ", clause))
        words = _number_words(plain, None)
        if sum(1 for w in words if not w.startswith("when:")) >= MIN_SHARED_STATEMENT_WORDS:
            shown = re.sub(r"^(?:and|but|yet|so|or)\s+(?=\w)", "", clause.strip(" ,"), flags=re.IGNORECASE)
            shown = item.claim.text if rebuts else shown[:1].upper() + shown[1:]  # the rebuttal as it is worded
            yield shown, negated, words, _names_in(plain), rebuts


def _statements_of(
    item: _Item, ctx: _Context
) -> tuple[tuple[str, bool, frozenset[str], frozenset[str], bool], ...]:
    """:func:`_statements` of a claim, worked out once."""
    found = ctx.statements.get(item.order)
    if found is None:
        found = ctx.statements[item.order] = tuple(_statements(item))
    return found


@dataclass(frozen=True, slots=True)
class _Statement:
    item: _Item
    text: str
    negated: bool
    words: frozenset[str]  # content words, and ``when:`` years and months
    names: frozenset[str]  # capitalised words
    every: frozenset[str]  # every word
    rebuts: bool  # the claim calls this statement false


_DEADLINE = re.compile(r"\b(?:before|by)\s+(?:the\s+end\s+of\s+)?(1[89]\d\d|20\d\d)\b", re.IGNORECASE)


def _deadlines_conflict(x: _Statement, y: _Statement) -> bool:
    """"Demand will peak before 2030" against "demand will not peak before 2050": a deadline asserted that is
    earlier than one denied. Each clause gives one year, and it is a deadline ("before"/"by" 2030)."""
    asserting, denying = (x, y) if y.negated else (y, x)
    if asserting.negated or not denying.negated:
        return False
    years = []
    for statement in (asserting, denying):
        when = [w for w in statement.words if w.startswith("when:")]
        deadline = _DEADLINE.findall(statement.text)
        if len(when) != 1 or len(deadline) != 1 or when[0] != f"when:{deadline[0]}":
            return False
        years.append(int(deadline[0]))
    return years[0] < years[1]


def _speaker(item: _Item) -> str:
    """Who says it, for an explanation: a direct quote whose speaker is not known is not the article's voice."""
    if item.claim.claimant is None and item.claim.claim_type == "quote":
        return f"a speaker quoted by {item.voice_label}"
    return item.voice_label


def _rebuttal_allowed(x: _Statement, y: _Statement) -> bool:
    """A claim calling a direct quote false ("the claim that X is simply not true"), within one article, is
    a rebuttal even from the article's own voice, or when the quote's speaker is not known (a quote is
    someone else's words; the article is not summarising them)."""
    rebutting, quoted = (x, y) if x.rebuts else (y, x)
    if not rebutting.rebuts or quoted.rebuts or x.item.order == y.item.order:
        return False
    if quoted.item.claim.claim_type != "quote":
        return False
    if quoted.item.claim.claimant is None and rebutting.item.claim.claimant is None:
        return rebutting.item.claim.claim_type != "quote"  # two quotes of unknown speakers may be one speaker's
    return quoted.item.voice != rebutting.item.voice


def _similar_polarity_candidates(items: Sequence[_Item], ctx: _Context) -> Iterator[_Candidate]:
    entries: list[_Statement] = []
    frequency: dict[str, int] = defaultdict(int)
    for item in items:
        if item.claim.modality == "hedged" or item.claim.relations:
            continue  # a claim with relations is compared by them (_polarity)
        for text, negated, words, names, rebuts in _statements_of(item, ctx):
            every = frozenset(_content_word(w.lower()) for w in _tokens(text)) | words
            entries.append(_Statement(item, text, negated, words, names, every, rebuts))
            for w in words:
                frequency[w] += 1
    block: dict[str, list[int]] = defaultdict(list)
    for i, entry in enumerate(entries):
        for w in _blocking(entry.words, frequency):
            block[w].append(i)
    paired: dict[str, int] = defaultdict(int)  # counterparts per claimant (MAX_COUNTERPARTS)
    for key in sorted(block):
        for i, j in combinations(block[key], 2):
            x, y = entries[i], entries[j]
            a, b = x.item, y.item
            if x.negated == y.negated or not (_allowed(a, b) or _rebuttal_allowed(x, y)):
                continue
            if not _same_time(a.claim, b.claim):
                continue
            shared = x.words & y.words
            if _blocking(shared, frequency)[0] != key:
                continue  # compared in the block of the first word they share
            plain = [w for w in shared if not w.startswith("when:")]
            if len(plain) < MIN_SHARED_STATEMENT_WORDS or len(shared) < 0.75 * min(len(x.words), len(y.words)):
                continue
            if len(shared) < MIN_STATEMENT_OVERLAP * len(x.words | y.words):
                continue
            when_x = {w for w in x.words if w.startswith("when:")}
            when_y = {w for w in y.words if w.startswith("when:")}
            if when_x != when_y and not _deadlines_conflict(x, y):
                continue  # other years or months: both may hold
            if not (x.names <= y.every or y.names <= x.every):
                continue  # each names someone or somewhere the other does not
            if a.party != b.party and _FIRST_PERSON_TEXT.search(x.text) and _FIRST_PERSON_TEXT.search(y.text):
                continue  # "we will meet the target" of two speakers: two different "we"
            if paired[a.voice] >= MAX_COUNTERPARTS or paired[b.voice] >= MAX_COUNTERPARTS:
                continue
            paired[a.voice] += 1
            paired[b.voice] += 1
            if b.order < a.order:
                x, y, a, b = y, x, b, a
            asserting, denying = (x, y) if y.negated else (y, x)
            rebuttal = x.rebuts or y.rebuts
            if rebuttal:
                rebutter, other = (x, y) if x.rebuts else (y, x)
                what = (
                    f"{_speaker(rebutter.item)} calls false what {_speaker(other.item)} "
                    f"{other.item.says}: “{other.text}” ({_surface(plain, rebutter.text)})."
                )
            else:
                what = (
                    f"the same statement ({_surface(plain, y.text)}), {'denied' if y.negated else 'asserted'} "
                    "by the second."
                )
                if when_x != when_y:
                    early, late = (_DEADLINE.search(t) for t in (asserting.text, denying.text))
                    if early and late:
                        what += f" It happens {early.group(0)} and it does not {late.group(0)}: both cannot hold."
            explain = (
                f"{_speaker(a)} {a.says} “{x.text}”{_modality_label(a.claim)}; {_speaker(b)} {b.says} "
                f"“{y.text}”{_modality_label(b.claim)}: {what}"
                + _modality_sentence(asserting.item.claim, denying.item.claim)
            )
            factor = min(1.0, len(shared) / max(1, len(x.words | y.words)) + 0.3)
            if a.claim.modality != b.claim.modality:
                factor *= 0.9
            yield _pair(
                "rebuttal" if rebuttal else "polarity",
                a,
                b,
                ("statement", *sorted(plain)),
                _confidence(0.75 if rebuttal else 0.6, a, b, factor),
                explain,
                modality=_modality_note(a.claim, b.claim),
            )


# Short statements word for word, once asserted and once denied, by two speakers of one article: "This is
# not deregulation" / "this is deregulation, plain and simple". Too short for the content-word overlap
# above (fewer than three content words), so the whole clause must match, word for word, negation and
# emphatic tails ("plain and simple", "full stop") aside. Blocked by (article, words): linear.

_EMPHATIC = re.compile(
    r",?\s*\b(?:plain\s+and\s+simple|pure\s+and\s+simple|full\s+stop|period|simply|just|really|certainly|clearly)\b",
    re.IGNORECASE,
)
_FIRST_PERSON = frozenset("i me my mine we us our ours".split())
_FIRST_PERSON_TEXT = re.compile(r"\bI\b|\b(?:[Mm]e|[Mm]y|[Mm]ine|[Ww]e|[Uu]s|[Oo]urs?)\b")
SHORT_STATEMENT_WORDS = (3, 8)
"""A short statement has this many words at least and at most (negation and emphasis aside)."""


def _short_statements(item: _Item) -> Iterator[tuple[tuple[str, ...], bool, str]]:
    """(words, negated, text) of each short clause of a claim with one or two content words."""
    for clause in _CLAUSES.split(item.claim.text):
        clause = clause.strip(" ,.!\"“”‘’'")
        if "?" in clause or not clause:
            continue
        plain = _EMPHATIC.sub(" ", _NEGATION.sub(" ", clause))
        words = tuple(w.lower() for w in re.findall(r"[A-Za-z][A-Za-z\-]*", plain) if w.lower() not in ("a", "an"))
        content = [w for w in words if w not in _FUNCTION_WORDS and len(w) > 2]
        low, high = SHORT_STATEMENT_WORDS
        if _FIRST_PERSON & set(words):
            continue  # "I am not a candidate" and "I am a candidate" are two speakers on themselves
        if low <= len(words) <= high and 1 <= len(content) < MIN_SHARED_STATEMENT_WORDS:
            yield words, bool(_NEGATION.search(clause)), clause[:1].upper() + clause[1:]


def _short_statement_candidates(items: Sequence[_Item], ctx: _Context) -> Iterator[_Candidate]:
    block: dict[tuple[str, tuple[str, ...]], list[tuple[_Item, bool, str]]] = defaultdict(list)
    for item in items:
        if item.claim.modality == "hedged" or item.claim.claimant is None:
            continue
        for words, negated, text in _short_statements(item):
            block[(item.claim.article_id, words)].append((item, negated, text))
    for key in sorted(block):
        entries = block[key][:MAX_BLOCK]
        for (a, neg_a, text_a), (b, neg_b, text_b) in combinations(entries, 2):
            if neg_a == neg_b or not _allowed(a, b) or not _same_time(a.claim, b.claim):
                continue
            explain = (
                f"{a.voice_label} {a.says} “{text_a}”{_modality_label(a.claim)}; {b.voice_label} {b.says} "
                f"“{text_b}”{_modality_label(b.claim)}: the same words, "
                f"{'denied' if neg_b else 'asserted'} by the second."
            )
            yield _pair(
                "polarity",
                a,
                b,
                ("short", key[0], *key[1]),
                _confidence(0.6, a, b, 0.9),
                explain,
                modality=_modality_note(a.claim, b.claim),
            )


# The same one-off happening in other words, on two dates that cannot both hold: "Washington announced a
# naval mission, Operation Prosperity Guardian, on Dec. 18, 2023" vs "Operation Prosperity Guardian,
# announced in January 2024". Only for verbs of things that happen once to what they name (signed,
# founded, began, ...), when the clauses share a name and most of their words.

_ONE_OFF = frozenset(
    """sign signed founded found establish established launch launched announc announced begin start
    started adopt adopted ratifi ratified creat created kill killed die died born elect elected sworn invad
    invaded annex annexed collaps collapsed damag damaged destroy destroyed join joined open opened clos
    closed enter entered leav left withdr withdrew withdrawn took""".split()
)
"""Stems of verbs naming something that happens once to what the clause names (see _content_word)."""
_AGAIN = re.compile(
    r"\b(?:again|second|third|fourth|another|new|latest|fresh|renewed|repeatedly|once\s+more)\b", re.IGNORECASE
)


_RELATIVE = re.compile(
    r"(?:^|[,;:.(]\s*(?:and\s+|but\s+)?)(?P<ante>[^,;:.()]{8,}?),\s+which\s+(?P<rel>[^,;:()]{8,}?)(?=[,;:()]|\.\s|\.?$)"
)


def _relative_statements(item: _Item) -> Iterator[tuple[str, bool, frozenset[str], frozenset[str], bool]]:
    """"the Balticconnector pipeline, which was damaged in November 2023, did not return ...": the relative
    clause with what it tells of ("the Balticconnector pipeline was damaged in November 2023"), as
    :func:`_statements` gives clauses (the relative clause alone does not say what was damaged)."""
    for m in _RELATIVE.finditer(item.claim.text):
        text = f"{m.group('ante').strip()} {m.group('rel').strip()}"
        negated = bool(_NEGATION.search(text))
        plain = _NEGATION.sub(" ", text)
        words = _number_words(plain, None)
        if sum(1 for w in words if not w.startswith("when:")) >= MIN_SHARED_STATEMENT_WORDS:
            yield text[:1].upper() + text[1:], negated, words, _names_in(plain), False


def _similar_date_candidates(items: Sequence[_Item], ctx: _Context) -> Iterator[_Candidate]:
    entries: list[tuple[_Statement, DateValue]] = []
    frequency: dict[str, int] = defaultdict(int)
    for item in items:
        if item.claim.modality != "factual":
            continue
        reference = ctx.published.get(item.claim.article_id)
        for text, negated, words, names, rebuts in (*_statements_of(item, ctx), *_relative_statements(item)):
            if negated or rebuts or not (words & _ONE_OFF) or not names:
                continue
            found = find_dates(text, reference, weekdays=True)
            if len(found) != 1:
                continue  # no date, or several: which one is the happening's is not clear
            every = frozenset(_content_word(w.lower()) for w in _tokens(text)) | words
            plain = frozenset(w for w in words if not w.startswith("when:"))
            entries.append((_Statement(item, text, negated, plain, names, every, rebuts), found[0].date))
            for w in plain:
                frequency[w] += 1
    block: dict[str, list[int]] = defaultdict(list)
    for i, (entry, _) in enumerate(entries):
        for w in _blocking(entry.words, frequency):
            block[w].append(i)
    paired: dict[str, int] = defaultdict(int)
    for key in sorted(block):
        for i, j in combinations(block[key], 2):
            (x, date_x), (y, date_y) = entries[i], entries[j]
            a, b = x.item, y.item
            if not _allowed(a, b) or not dates_conflict(date_x, date_y):
                continue
            shared = x.words & y.words
            if _blocking(shared, frequency)[0] != key or not shared & _ONE_OFF or not x.names & y.names:
                continue
            named = len(x.names & y.names) >= 2  # "Operation Prosperity Guardian": one name, one happening
            # within one article, two speakers dating the same verb done to the same named place or thing ("the
            # boat set sail from Zuwara on Tuesday" / "had left Zuwara on Monday night") tell of one happening
            least = 2 if a.claim.article_id == b.claim.article_id else MIN_SHARED_STATEMENT_WORDS
            if len(shared) < least or (
                not named
                and (
                    len(shared) < 0.5 * min(len(x.words), len(y.words))
                    or len(shared) < MIN_STATEMENT_OVERLAP * len(x.words | y.words)
                )
            ):
                continue
            if not (x.names <= y.every or y.names <= x.every):
                continue  # each names someone or somewhere the other does not
            if _AGAIN.search(x.text) or _AGAIN.search(y.text):
                continue  # a happening that recurs ("again", "a second", "new")
            if paired[a.voice] >= MAX_COUNTERPARTS or paired[b.voice] >= MAX_COUNTERPARTS:
                continue
            paired[a.voice] += 1
            paired[b.voice] += 1
            if b.order < a.order:
                x, y, a, b, date_x, date_y = y, x, b, a, date_y, date_x
            explain = (
                f"{a.voice_label} {a.says} “{x.text}”; {b.voice_label} {b.says} “{y.text}”: the same happening "
                f"({_surface(shared, y.text)}) dated {_date_text(date_x)} and {_date_text(date_y)}."
            )
            yield _pair(
                "value",
                a,
                b,
                ("date", *sorted(shared)),
                _confidence(0.6, a, b, min(1.0, len(shared) / max(1, len(x.words | y.words)) + 0.3)),
                explain,
            )


# ---------------------------------------------------------------------------------------------
# Rebuttal


_REJECTED = re.compile(
    r"\b(?:reports?|claims?|allegations?|suggestions?|assertions?|accusations?|statements?)\s+that\s+(?P<what>[^;:.!?]{15,})",
    re.IGNORECASE,
)
MIN_REJECTED_WORDS = 3
"""A rejected report ("dismissed a Latvian report that Russia had massed troops near the border") is the
target's claim that shares at least this many of its content words, and half of them."""


def _rejected_words(r: _Item) -> frozenset[str]:
    """The content words (and years, months) of what a rebuttal rejects: the report or claim it names
    ("a Latvian report that Russia had massed thousands of troops near the border")."""
    m = _REJECTED.search(r.claim.text)
    if m is None:
        return frozenset()
    words = _number_words(m.group("what"), None)
    return words if sum(1 for w in words if not w.startswith("when:")) >= MIN_REJECTED_WORDS else frozenset()


def _says_rejected(rejected: frozenset[str], c: _Item) -> bool:
    """Whether claim ``c`` says what a rebuttal rejects, in other words: most of its content words, and no
    year or month it does not give."""
    if not rejected:
        return False
    words = _number_words(c.claim.text, None)
    plain = {w for w in rejected if not w.startswith("when:")}
    shared = plain & words
    when = {w for w in rejected if w.startswith("when:")}
    return len(shared) >= MIN_REJECTED_WORDS and len(shared) >= 0.5 * len(plain) and when <= words


def _rebuttal(items: Sequence[_Item], ctx: _Context) -> Iterator[_Candidate]:
    by_relation: dict[tuple[str, tuple[str, str, str]], list[_Item]] = defaultdict(list)
    by_article: dict[tuple[str, str], list[_Item]] = defaultdict(list)
    by_pair: dict[tuple[str, str, str], list[_Item]] = defaultdict(list)
    rebutting = [i for i in items if i.claim.rebuttal is not None]
    targets = {i.claim.rebuttal.target for i in rebutting if i.claim.rebuttal is not None}
    by_target: dict[str, list[_Item]] = defaultdict(list)
    for item in items:
        if item.claim.claimant is None:
            continue
        # a target's words are its own claims and those of its office holders ("a Latvian report" and
        # what the Latvian defence minister said)
        for who in sorted((item.side | item.actors) & targets):
            # what the target said, or said of the target by someone ("the Latvian defence minister said"):
            # such a claim must word what is rejected (_says_rejected)
            if len(by_target[who]) < MAX_BLOCK:
                by_target[who].append(item)
        for who in sorted(item.side & targets):
            for rel in item.claim.relations:
                by_relation[(who, (rel.subject, rel.predicate, rel.object))].append(item)
            by_article[(who, item.claim.article_id)].append(item)
            for x, y in combinations(sorted(item.topics - {who}), 2):
                by_pair[(who, x, y)].append(item)
    for r in rebutting:
        assert r.claim.rebuttal is not None
        target = r.claim.rebuttal.target
        own = r.topics - {target} - r.side
        relations = {(rel.subject, rel.predicate, rel.object) for rel in r.claim.relations}
        candidates: dict[int, _Item] = {}
        for rel_key in sorted(relations):
            for c in by_relation.get((target, rel_key), ())[:MAX_BLOCK]:
                candidates[c.order] = c
        for c in by_article.get((target, r.claim.article_id), ())[:MAX_BLOCK]:
            candidates[c.order] = c
        for x, y in combinations(sorted(own), 2):
            for c in by_pair.get((target, x, y), ())[:MAX_BLOCK]:
                candidates[c.order] = c
        rejected = _rejected_words(r)
        if rejected:
            for c in by_target.get(target, ()):
                candidates[c.order] = c
        best: tuple[tuple[float, ...], _Item, list[str]] | None = None
        for c in candidates.values():
            if c.voice == r.voice or c.party == r.party or c.claim.rebuttal is not None:
                continue
            shared = sorted(own & (c.topics - {target}))
            rel_match = bool(relations & {(x.subject, x.predicate, x.object) for x in c.claim.relations})
            same_article = c.claim.article_id == r.claim.article_id
            worded = _says_rejected(rejected, c)
            if target not in c.side and not worded:
                continue  # a claim about the target, not the target's: only if it says what is rejected
            if not (rel_match or len(shared) >= 2 or (same_article and shared) or worded):
                continue
            score = (
                float(rel_match),
                float(same_article),
                float(len(shared)) + float(worded),
                *c.strength,
                -float(c.order),
            )
            if best is None or score > best[0]:
                best = (score, c, shared)
        if best is None:
            continue
        _, c, shared = best
        target_label = ctx.labels.get(target, target)
        if c.voice != target:
            target_label = f"{c.voice_label} ({target_label})"
        said = next(
            (
                _relation_text(x, c.claim, ctx.labels)
                for x in c.claim.relations
                if (x.subject, x.predicate, x.object) in relations and not x.negated
            ),
            None,
        )
        common = sorted((r.topics & c.topics) - {target})
        about = f" about {_and([ctx.labels.get(k, k) for k in common])}" if common else ""
        what = f"{target_label} says {said}" if said else f"{target_label}'s statement{about}"
        if not said and _says_rejected(rejected, c):
            words = rejected & _number_words(c.claim.text, None)
            what = f"{c.voice_label} {c.says} what is rejected ({_surface(words, c.claim.text)})"
        text = (
            f"{r.voice_label} rejects what {target_label} said (“{r.claim.rebuttal.cue}”): {what}"
            f"{f' ({c.claim.modality})' if said and c.claim.modality != 'factual' else ''}."
        )
        if said and about:
            text += f" Both claims are{about}."
        factor = 1.0 if said else 0.9
        yield _Candidate(
            kind="rebuttal",
            cluster=("rebuttal", r.party, c.party, c.uid),
            a=c,
            b=r,
            score=best[0][0] * 10 + best[0][2] + sum(r.strength),
            confidence=_confidence(0.9, c, r, factor),
            modality=None,
            explain=text,
        )


# A claim that answers the sentence just before it: "The Houthis have repeatedly claimed that they target
# only ships linked to Israel." / "The record suggests otherwise: most of the vessels struck had no
# connection." The answer names no target; it is the claim right before it (the next sentence of the same
# article), said by someone else.

_ANSWER = re.compile(
    r"^\W*(?:but\s+|yet\s+|however,?\s+|in\s+fact,?\s+)?(?:"
    r"(?:the|this|that|their|his|her|its)\s+(?:[\w\-]+\s+){0,2}(?:suggests?|shows?|indicates?|tells?|proves?|says?)\s+"
    r"(?:a\s+different\s+story|otherwise)|"
    r"(?:that|this|it)\s+(?:is|was)\s+(?:simply\s+|just\s+|plainly\s+|completely\s+|totally\s+)?"
    r"(?:false|untrue|not\s+true|incorrect|a\s+lie|nonsense)|"
    r"(?:the|this|that|such|these|those)\s+(?:[\w\-]+\s+)?(?:claims?|allegations?|accounts?|assertions?|reports?)\s+"
    r"(?:is|are|was|were)\s+(?:simply\s+|just\s+|plainly\s+|completely\s+|totally\s+)?"
    r"(?:false|untrue|not\s+true|wrong|incorrect|baseless|unfounded|groundless|nonsense))\b",
    re.IGNORECASE,
)
ANSWER_GAP = 3
"""An answer follows the claim it answers within this many characters (the next sentence)."""


def _answer_candidates(items: Sequence[_Item], ctx: _Context) -> Iterator[_Candidate]:
    for before, item in pairwise(items):  # items are in article order, then by position
        if before.claim.article_id != item.claim.article_id:
            continue
        m = _ANSWER.match(item.claim.text)
        if m is None or not 0 <= item.claim.span.start - before.claim.span.end <= ANSWER_GAP:
            continue
        if before.voice == item.voice or before.claim.rebuttal is not None or _ANSWER.match(before.claim.text):
            continue
        cue = m.group(0).strip(" :,")
        explain = (
            f"{_speaker(item)} answers what {_speaker(before)} {before.says} just before "
            f"(“{before.claim.text}”): “{cue}”."
        )
        yield _Candidate(
            kind="rebuttal",
            cluster=("rebuttal", before.party, item.party, before.uid),
            a=before,
            b=item,
            score=sum(before.strength) + sum(item.strength),
            confidence=_confidence(0.7, before, item),
            modality=None,
            explain=explain,
        )


# ---------------------------------------------------------------------------------------------
# Values: dates and quantities


def dates_conflict(a: DateValue, b: DateValue) -> bool:
    """Whether two dates given for the same one-off event cannot both hold.

    Different years conflict; within one year, months conflict only when both give a month, days
    only when both give a day.

    >>> y, d = DateValue(value="2022", precision="year"), DateValue(value="2022-02-24", precision="day")
    >>> dates_conflict(y, d), dates_conflict(DateValue(value="2014", precision="year"), d)
    (False, True)
    """
    pa, pb = (
        a.value.split("-") if not a.value.startswith("-") else [a.value],
        b.value.split("-") if not b.value.startswith("-") else [b.value],
    )
    common = min(len(pa), len(pb))
    return pa[:common] != pb[:common]


def _date_candidates(items: Sequence[_Item], ctx: _Context) -> Iterator[_Candidate]:
    block: dict[str, list[tuple[_Item, DateStatement]]] = defaultdict(list)
    for item in items:
        seen: set[tuple[str, str]] = set()
        for statement in item.claim.dates:
            event = ctx.events.get(statement.event)
            if event is None or event.kind not in ONE_OFF_EVENT_KINDS:
                continue
            if event.kind == "accession" and len(event.participants) < 2:
                continue  # "the accession of new members": several events under one key
            key = ctx.canonical.get(statement.event, statement.event)
            if (key, statement.date.value) in seen:
                continue
            seen.add((key, statement.date.value))
            block[key].append((item, statement))
    for key in sorted(block):
        entries = block[key]
        by_value: dict[str, list[tuple[_Item, DateStatement]]] = defaultdict(list)
        for entry in entries:
            by_value[entry[1].date.value].append(entry)
        if len(by_value) < 2:
            continue
        sides = {value: _best_per_voice(group) for value, group in by_value.items()}
        strongest = {value: _strongest_voices(side) for value, side in sides.items()}
        for va, vb in combinations(sorted(by_value), 2):
            da, db = by_value[va][0][1].date, by_value[vb][0][1].date
            if not dates_conflict(da, db):
                continue
            side_a, side_b = sides[va], sides[vb]
            voices_b = strongest[vb]
            for voice in strongest[va]:
                paired = 0
                for other in voices_b:
                    if paired >= MAX_COUNTERPARTS:
                        break
                    a, sa = side_a[voice].entries[0]
                    b, sb = side_b[other].entries[0]
                    if not _allowed(a, b):
                        continue
                    paired += 1
                    if (b.claim.article_id, b.claim.span.start) < (a.claim.article_id, a.claim.span.start):
                        a, b, sa, sb = b, a, sb, sa
                        na, nb = side_b[other].count, side_a[voice].count
                    else:
                        na, nb = side_a[voice].count, side_b[other].count
                    ea, eb = sa.event, sb.event
                    when_b = _date_text(sb.date).split(" ", 1)[1]
                    dates = "date" if b.plural else "dates"
                    name_a, name_b = ctx.labels.get(ea, ea), ctx.labels.get(eb, eb)
                    same = "" if ea == eb else " (the same war)" if ctx.events[ea].kind == "war" else ""
                    verb = "began" if ctx.events[ea].kind in ("war", "invasion") else "happened"
                    text = (
                        f"{a.voice_label} {a.says} the {name_a} {verb} {_date_text(sa.date)}; "
                        f"{b.voice_label} {dates} the {name_b}{same} to {when_b}."
                        + _others(na - 1, a.voice_label)
                        + _others(nb - 1, b.voice_label)
                    )
                    years = abs(int(da.value[:4].lstrip("-") or 0) - int(db.value[:4].lstrip("-") or 0))
                    factor = 1.0 if years else 0.85
                    yield _pair("value", a, b, ("date", key), _confidence(0.85, a, b, factor), text)


_APPROX = re.compile(
    r"\b(?:about|around|approximately|approx\.?|roughly|some|nearly|almost|close\s+to|"
    r"an\s+estimated|estimated|up\s+to|more\s+than|over|at\s+least|less\s+than|under|"
    r"fewer\s+than|at\s+most|upwards\s+of|in\s+excess\s+of|~)\s*$",
    re.IGNORECASE,
)
_LOWER_BOUND = {"more than", "over", "at least", "upwards of", "in excess of"}
_UPPER_BOUND = {"less than", "under", "fewer than", "at most", "up to"}


def _around(item: _Item, q: Quantity) -> str:
    """The number as the claim words it, with up to three words of its clause either side ("about 4,500
    Russian troops had been moved")."""
    text = item.claim.span.text
    start, end = q.span.start - item.claim.span.start, q.span.end - item.claim.span.start
    breaks = [m.end() for m in _CLAUSE_BREAK.finditer(text, 0, start)]
    lo = breaks[-1] if breaks else 0
    nxt = _CLAUSE_BREAK.search(text, end)
    hi = nxt.start() if nxt else len(text)
    before = re.findall(r"\S+", text[lo:start])[-3:]
    after = re.findall(r"\S+", text[end:hi])[:3]
    return re.sub(r"\s+", " ", " ".join([*before, text[start:end], *after])).strip(" ,;:.")


def _qualifier(item: _Item, q: Quantity) -> str:
    """The approximator or bound just before the number ("about", "more than"), lower-cased, or ""."""
    start = q.span.start - item.claim.span.start
    before = item.claim.span.text[max(0, start - 25) : max(0, start)]
    m = _APPROX.search(before)
    return re.sub(r"\s+", " ", m.group(0).strip().lower()) if m else ""


def _granularity(q: Quantity) -> float:
    """Half a unit of the last significant digit as written ("3,000" -> 500; "3,050" -> 25)."""
    digits = re.sub(r"[^\d.]", "", q.span.text.split()[0] if q.span.text.split() else "")
    if not digits or "." in digits:
        return 0.0
    stripped = digits.rstrip("0")
    zeros = len(digits) - len(stripped)
    scale = q.value / float(digits) if float(digits) else 1.0  # "12 billion", miles -> km
    return 0.5 * (10**zeros) * scale if zeros else 0.0


def quantities_conflict(a: Quantity, b: Quantity, qualifier_a: str = "", qualifier_b: str = "") -> bool:
    """Whether two numbers for the same quantity cannot both hold, allowing for rounding, unit
    conversion (values are normalised at extraction: miles are km) and approximators.

    A round number stands for anything that rounds to it (within 10%); "about/some/nearly" widen the
    tolerance to 15%; "more than"/"at least" and "less than"/"up to" are bounds.

    >>> from kg.models import Quantity, Span
    >>> q = lambda v, t: Quantity(value=v, unit="troops", span=Span(start=0, end=len(t), text=t))
    >>> three = q(3000, "3,000")
    >>> quantities_conflict(three, q(4500, "4,500")), quantities_conflict(three, q(3050, "3,050"))
    (True, False)
    """
    for (x, qx), (y, _) in (((a, qualifier_a), (b, qualifier_b)), ((b, qualifier_b), (a, qualifier_a))):
        if qx in _LOWER_BOUND and y.value >= x.value * 0.98:
            return False
        if qx in _UPPER_BOUND and y.value <= x.value * 1.02:
            return False
    low, high = sorted((a.value, b.value))
    if high == 0 or math.isclose(low, high, rel_tol=1e-9):
        return False
    tolerance = 0.02 * high
    for q, qual in ((a, qualifier_a), (b, qualifier_b)):
        tolerance = max(tolerance, min(_granularity(q), 0.10 * q.value))
        if qual:
            tolerance = max(tolerance, 0.15 * q.value)
    return high - low > tolerance


_YEAR = re.compile(r"\b(1[89]\d\d|20\d\d)\b")
_CLAUSE_BREAK = re.compile(r"[;:()\u2014\u2013]|,\s|\b(?:that|which|who|while|whereas|but)\b|[.!?](?:\s|$)")
_NOT_PLACES = frozenset(
    "January February March April May June July August September October November December Monday Tuesday "
    "Wednesday Thursday Friday Saturday Sunday The A An In On At By For Of And But It This That These Those "
    "He She They We I You Our Their Its His Her My Your Us Them One Two Three Four Five Six Seven Eight Nine Ten "
    "Some Many Most All Every Each No Not Only Even Also Yet So Still".split()
)


def _clause_subjects(item: _Item, q: Quantity) -> frozenset[str]:
    """What a number is about: the actors named in its clause ("4,500 Russian troops" -> russia) and the
    places the clause names that are not actors ("to the Pskov region" -> pskov). Two numbers are compared
    only when these agree, so 3,000 troops sent to one place are not set against 4,500 sent elsewhere."""
    text, base = item.claim.span.text, item.claim.span.start
    start, end = q.span.start - base, q.span.end - base
    before = [m.end() for m in _CLAUSE_BREAK.finditer(text, 0, start)]
    lo = before[-1] if before else 0
    after = _CLAUSE_BREAK.search(text, end)
    hi = after.start() if after else len(text)
    keys = {key for s, e, key in item.mentions if lo <= s - base and e - base <= hi} - {item.claim.claimant}
    masked = list(text[lo:hi])
    for s, e, _ in item.mentions:
        for i in range(max(lo, s - base), min(hi, e - base)):
            masked[i - lo] = " "
    clause = "".join(masked)
    words = re.findall(r"(?<![\w.])([A-Z][a-z]{2,})\b", clause[1:] if lo == 0 else clause)
    return frozenset(keys | {f"place:{w.lower()}" for w in words if w not in _NOT_PLACES})


def _quantity_candidates(items: Sequence[_Item], ctx: _Context) -> Iterator[_Candidate]:
    block: dict[tuple[str, str, frozenset[str]], list[tuple[_Item, Quantity]]] = defaultdict(list)
    for item in items:
        for q in item.claim.quantities:
            if q.measure and q.unit:
                subjects = _clause_subjects(item, q)
                if subjects:
                    block[(q.measure, q.unit, subjects)].append((item, q))
    for key in sorted(block, key=lambda k: (k[0], k[1], sorted(k[2]))):
        grouped = _best_per_voice(block[key])
        if len(grouped) < 2:
            continue
        voices = _strongest_voices(grouped)
        paired: dict[str, int] = defaultdict(int)
        for va, vb in combinations(voices, 2):
            if paired[va] >= MAX_COUNTERPARTS or paired[vb] >= MAX_COUNTERPARTS:
                continue
            found = None
            for a, qa in grouped[va].entries:
                for b, qb in grouped[vb].entries:
                    assert isinstance(qa, Quantity) and isinstance(qb, Quantity)
                    if not _allowed(a, b):
                        continue
                    ya, yb = set(_YEAR.findall(a.claim.text)), set(_YEAR.findall(b.claim.text))
                    if ya and yb and not ya & yb:
                        continue  # different years: the numbers may both hold
                    if quantities_conflict(qa, qb, _qualifier(a, qa), _qualifier(b, qb)):
                        found = (a, qa, b, qb)
                        break
                if found:
                    break
            if found is None:
                continue
            paired[va] += 1
            paired[vb] += 1
            a, qa, b, qb = found
            if b.order < a.order:
                a, qa, b, qb = b, qb, a, qa
            measure, _, subjects = key
            actors = frozenset(k for k in subjects if not k.startswith("place:"))
            low, high = sorted((qa.value, qb.value))
            gap = (high - low) / low if low else 1.0
            small, large = (qa, qb) if qa.value <= qb.value else (qb, qa)
            text = (
                f"{a.voice_label} {a.says} “{_around(a, qa)}”; {b.voice_label} {b.says} “{_around(b, qb)}”: "
                f"{_number_text(large)} is {gap:.0%} more than {_number_text(small)}, more than rounding or "
                "approximation allows."
            )
            yield _pair(
                "value",
                a,
                b,
                ("quantity", measure, key[1], *sorted(actors)),
                _confidence(0.75, a, b, 0.8 + 0.2 * min(1, gap * 2)),
                text,
            )


# Numbers whose clauses say the same thing in other words: "the ministry counted 153 aircraft during the
# drills" vs "the defence ministry tracked 111 aircraft during the two-day drills". The measure above keys
# on the governing word, which differs between wordings; here two numbers of one unit are compared when
# their clauses share most of their content words, name no different actors or places, and give no
# different year. Blocked by (unit, content word), skipping words too common to tell anything.

_FUNCTION_WORDS = frozenset(
    """a an the this that these those its it their his her our your my of in on at to from by for with as
    and or but nor than then so if while about around roughly some nearly almost approximately estimated
    more less fewer over under least most up down only just still also already now new other others
    is are was were be been being has have had do does did will would could should may might must can
    shall not no there here which who whom whose what when where why how said says say told tell added add
    according reported reports report stated states claimed claims announced per cent percent
    january february march april may june july august september october november december
    monday tuesday wednesday thursday friday saturday sunday year years month months week weeks day days
    morning afternoon evening night dawn dusk midnight noon
    any each every all such last next first second third one two three four five six seven eight nine ten
    million billion thousand hundred trillion bn plus minus percentage point during after before since until
    between among without into onto upon""".split()
)
_SPELLING = {
    "defence": "defense",
    "aboard": "board",
    "programme": "program",
    "centre": "center",
    "favor": "favour",
    "backed": "support",
    "backing": "support",
    "supported": "support",
    "supporting": "support",
    "supports": "support",
    # a toll in other words: "27 people died" / "were killed" / "dead"; "wounded" / "injured"
    **dict.fromkeys("died dies dying dead death deaths killed kills kill".split(), "die"),
    **dict.fromkeys("wounded wounding injured injuring injuries injury".split(), "injur"),
    # harming (an economy, a country): "sanctions are biting", "have failed to dent", "hurt", "weakened"
    **dict.fromkeys(
        "bite bites biting dent dents dented denting hurt hurts hurting harm harms harmed harming weaken weakens "
        "weakened weakening cripple cripples crippled crippling".split(),
        "hurt",
    ),
}
_HEDGES = frozenset("believ thought fear feared understood reportedly actually apparently allegedly".split())
"""Words that hedge a figure ("were believed to have been aboard", "actually voted") and say nothing of
what is counted."""
_PARAPHRASES = (
    # "voted in favour of" / "voted for"; "set sail from" / "left"; "on board" / "aboard"
    (re.compile(r"\b(vot(?:e|es|ed|ing))\s+(?:in\s+favou?r(?:\s+of)?|for)\b", re.IGNORECASE), r"\1 favour"),
    (re.compile(r"\b(?:in\s+favou?r\s+of)\b", re.IGNORECASE), "favour"),
    (re.compile(r"\b(?:set|sets|setting)\s+sail\b|\bsailed\b|\bdeparted\b|\bdeparts?\b", re.IGNORECASE), "left"),
    (re.compile(r"\bon\s+board\b", re.IGNORECASE), "aboard"),
)
_FRAME = re.compile(
    r"^.*\b(?:said|says|told|reported|added|stated|estimated|confirmed)\b(?:\s+that\b)?",
    re.IGNORECASE | re.DOTALL,
)
"""The reporting frame heading a number's clause ("Lo Presti said about 95 people"): its claimant, not what
is counted."""


def _paraphrased(text: str) -> str:
    """``text`` with a few paraphrases written one way ("voted in favour" and "voted for", "set sail" and
    "left", "on board" and "aboard")."""
    for pattern, replacement in _PARAPHRASES:
        text = pattern.sub(replacement, text)
    return text


_LEMMAS = {
    "began": "begin",
    "begun": "begin",
    "begins": "begin",
    "beginning": "begin",
    "sank": "sink",
    "sunk": "sink",
    "fell": "fall",
    "fallen": "fall",
    "rose": "rise",
    "risen": "rise",
}
"""Irregular verb forms, written as one stem."""


@lru_cache(maxsize=1 << 16)
def _content_word(word: str) -> str:
    """A crude stem: British spellings and a few synonyms written one way, irregular forms as their verb,
    "-ies" as "-y", and "-ing", "-ed", "-es" (after s, x, z, ch, sh), "-s" cut off while four letters remain
    (three for "-ing" and "-ed": "voting" and "voted" are "vot")."""
    word = _SPELLING.get(word, word)
    word = _LEMMAS.get(word, word)
    if word.endswith("ies") and len(word) >= 6:
        return word[:-3] + "y"  # "countries" is "country"
    if word.endswith("es") and word[:-2].endswith(("s", "x", "z", "ch", "sh")) and len(word) >= 5:
        return word[:-2]  # "taxes", "churches"; but "pipelines", "states" lose the "s" only
    for suffix in ("ing", "ed", "s"):
        least = 3 if suffix in ("ing", "ed") else 4
        if word.endswith(suffix) and len(word) - len(suffix) >= least and not word.endswith("ss"):
            return word[: -len(suffix)]
    return word


def _number_clause(item: _Item, q: Quantity) -> tuple[str, int]:
    """The clause of the claim holding ``q`` (text and its start within the claim)."""
    text = item.claim.span.text
    start, end = q.span.start - item.claim.span.start, q.span.end - item.claim.span.start
    before = [m.end() for m in _CLAUSE_BREAK.finditer(text, 0, start)]
    lo = before[-1] if before else 0
    after = _CLAUSE_BREAK.search(text, end)
    return text[lo : after.start() if after else len(text)], lo


_WHEN = re.compile(
    r"\b(?:1[89]\d\d|20\d\d|January|February|March|April|May|June|July|August|September|"
    r"October|November|December)\b"
)
_NUMBER_JOIN = re.compile(r"\b(?:and|or|while|whereas|from|against|compared\s+with|versus|vs\.?)\s")


COMMON_WORD = 100
"""Statements or numbers are blocked on each content word found in at most this many of them (a word
found more often tells too little), so a block holds at most this many and the work grows linearly."""


def _blocking(words: frozenset[str], frequency: dict[str, int]) -> list[str]:
    """The content words (dates aside) rare enough to block on, in a fixed order."""
    return sorted(w for w in words if not w.startswith("when:") and frequency[w] <= COMMON_WORD)


def _surface(words: Iterable[str], text: str) -> str:
    """``words`` (stemmed content words) as ``text`` writes them, in its order ("India, reduced, flow and
    Chenab"); a year or month (``when:``) as it is."""
    wanted = {w for w in words if not w.startswith("when:")}
    shown: list[str] = []
    for token in _tokens(text):
        stem = _content_word(token.lower())
        if stem in wanted:
            wanted.discard(stem)
            shown.append(token)
    return _and(shown + sorted(wanted) + sorted(w[5:] for w in words if w.startswith("when:")))


def _number_said(item: _Item, q: Quantity) -> str:
    """What the number is said of: its clause's words before the clause's first number (the subject and
    verb) and its own part of a list of numbers ("98% of gallium and 60% of germanium": germanium goes
    with 60% only), the number itself left out; "" for a poll's margin of error."""
    clause, lo = _number_clause(item, q)
    if "margin of error" in clause.lower():
        return ""  # a poll's sampling note, not a figure about the world
    base = item.claim.span.start + lo
    start, end = q.span.start - base, q.span.end - base
    others = sorted(
        (x.span.start - base, x.span.end - base)
        for x in item.claim.quantities
        if x is not q and x.span.start - base >= 0 and x.span.end - base <= len(clause)
    )
    head_end = min([start, *(s for s, _ in others)])
    part_start = max([0, *(e for _, e in others if e <= start)])
    part_end = min([len(clause), *(s for s, _ in others if s >= end)])
    joins = list(_NUMBER_JOIN.finditer(clause, part_start, start))
    part_start = joins[-1].end() if joins and part_start > 0 else part_start
    after = _NUMBER_JOIN.search(clause, end, part_end)
    part_end = after.start() if after and part_end < len(clause) else part_end
    head = clause[:head_end]
    frame = _FRAME.match(head)
    head = head[frame.end() :] if frame else head  # "Lo Presti said about 95 people": the claimant, not the figure
    return head + " " + clause[max(part_start, head_end) : start] + " " + clause[end:part_end]


_TOKEN = re.compile(r"[A-Za-z][A-Za-z\-]+")


def _tokens(text: str) -> list[str]:
    return _TOKEN.findall(text.replace("’s", "").replace("'s", ""))


def _number_words(said: str, unit: str | None) -> frozenset[str]:
    """Content words of ``said`` (lower-cased, crudely stemmed) without the unit and function words, and
    the years and months it gives as ``when:<year or month>``."""
    unit_word = _content_word((unit or "").lower())
    words = (_content_word(w.lower()) for w in _tokens(_paraphrased(said)))
    when = frozenset(f"when:{w}" for w in _WHEN.findall(said))
    return (
        frozenset(w for w in words if w not in _FUNCTION_WORDS and w not in _HEDGES and len(w) > 2 and w != unit_word)
        | when
    )


def _names_in(said: str) -> frozenset[str]:
    """The capitalised words of ``said`` (names of actors and places), lower-cased."""
    return frozenset(_content_word(w.lower()) for w in _tokens(said) if w[0].isupper() and w not in _NOT_PLACES)


def _actors_in_clause(item: _Item, q: Quantity) -> frozenset[str]:
    """The actors named in the number's clause, its claimant excepted."""
    clause, lo = _number_clause(item, q)
    start = item.claim.span.start + lo
    return frozenset(k for s, e, k in item.mentions if start <= s and e <= start + len(clause)) - {
        item.claim.claimant or ""
    }


MIN_SHARED_WORDS = 2
MIN_WORD_OVERLAP = 0.4
"""Two numbers' clauses must share at least this many content words and this share of all of them."""


_TOLLS = frozenset(
    _content_word(w)
    for w in "killed dead died deaths death wounded injured missing arrested detained displaced evacuated rescued "
    "infected cases casualties victims".split()
)
"""Counts that grow as a story unfolds: two articles of different days may both be right."""


def _published_apart(a: _Item, b: _Item, ctx: _Context) -> bool:
    """Whether the two claims' articles were published on different days (both dates known)."""
    if a.claim.article_id == b.claim.article_id:
        return False
    da, db = ctx.published.get(a.claim.article_id), ctx.published.get(b.claim.article_id)
    return da is not None and db is not None and da.value != db.value


def _similar_quantity_candidates(items: Sequence[_Item], ctx: _Context) -> Iterator[_Candidate]:
    entries: list[tuple[_Item, Quantity, frozenset[str], frozenset[str], frozenset[str], frozenset[str]]] = []
    frequency: dict[str, int] = defaultdict(int)
    for item in items:
        if item.claim.modality != "factual":
            continue
        for q in item.claim.quantities:
            if q.unit:
                said = _number_said(item, q)
                words = _number_words(said, q.unit)
                if words:
                    every = frozenset(_content_word(w.lower()) for w in _tokens(said))
                    entries.append((item, q, words, _names_in(said), every, _actors_in_clause(item, q)))
                    for w in words:
                        frequency[w] += 1
    block: dict[tuple[str, str], list[int]] = defaultdict(list)
    for i, (_, q, words, *_) in enumerate(entries):
        for w in _blocking(words, frequency):
            block[(q.unit or "", w)].append(i)
    paired: dict[str, int] = defaultdict(int)  # counterparts per claimant (MAX_COUNTERPARTS)
    for key in sorted(block):
        for i, j in combinations(block[key], 2):
            a, qa, wa, na, every_a, actors_a = entries[i]
            b, qb, wb, nb, every_b, actors_b = entries[j]
            if not _allowed_figures(a, b) or qa.unit != qb.unit:
                continue
            main_a = ctx.main_actors.get(a.claim.article_id, frozenset())
            main_b = ctx.main_actors.get(b.claim.article_id, frozenset())
            if main_a and main_b and not main_a & main_b:
                continue  # two articles on other actors: "defence spending to 3% of GDP" is not one country's
            shared = wa & wb
            if _blocking(shared, frequency)[0] != key[1]:
                continue  # compared in the block of the first word they share
            # within one article the unit counts as a shared word: "95 people aboard" and "130 people on
            # board" are one boat's count there, but may be two boats' in two articles
            name = qa.unit or ""
            counted = name.isalpha() and name.islower() and len(name) > 2  # people, countries; not USD, %, km
            unit = 1 if a.claim.article_id == b.claim.article_id and counted else 0
            if len(shared) + unit < MIN_SHARED_WORDS or len(shared) + unit < MIN_WORD_OVERLAP * (len(wa | wb) + unit):
                continue
            if not (na <= every_b or nb <= every_a) or not (actors_a <= actors_b or actors_b <= actors_a):
                continue  # each names someone or somewhere the other does not: both numbers may hold
            if {w for w in wa if w.startswith("when:")} != {w for w in wb if w.startswith("when:")}:
                continue  # other years or months (or only one dated): the numbers may both hold
            if shared & _TOLLS and _published_apart(a, b, ctx):
                continue  # a toll that grows: articles of other days give its count on their day
            same_unit = [x.value for x in b.claim.quantities if x.unit == qa.unit]
            if any(math.isclose(qa.value, v, rel_tol=0.02) for v in same_unit):
                continue  # b also gives a's number: they agree on it, the other is something else
            if not quantities_conflict(qa, qb, _qualifier(a, qa), _qualifier(b, qb)):
                continue
            if b.order < a.order:
                a, qa, b, qb = b, qb, a, qa
            low, high = sorted((qa.value, qb.value))
            gap = (high - low) / low if low else 1.0
            small, large = (qa, qb) if qa.value <= qb.value else (qb, qa)
            text = (
                f"{a.voice_label} {a.says} “{_around(a, qa)}”; {b.voice_label} {b.says} “{_around(b, qb)}”: "
                f"{_number_text(large)} is {gap:.0%} more than {_number_text(small)} for what both describe "
                f"in the same words ({_surface(shared | ({_content_word(name)} if unit else set()), b.claim.text)}), "
                "more than rounding or approximation allows."
            )
            if a.voice == b.voice:
                text += f" Two articles report {a.voice_label} with different figures."
            if paired[a.voice] >= MAX_COUNTERPARTS or paired[b.voice] >= MAX_COUNTERPARTS:
                continue
            paired[a.voice] += 1
            paired[b.voice] += 1
            yield _pair(
                "value",
                a,
                b,
                ("quantity", qa.unit or "", *sorted(shared)),
                _confidence(0.6, a, b, 0.8 + 0.2 * min(1, gap * 2)),
                text,
            )


# "Most" against a minority figure: "Americans overwhelmingly support the tariffs" vs a poll's "38% support
# the tariffs". A clause saying most (or a majority, or overwhelmingly) do something is set against a
# percentage below half for the same verb and object, said by another claimant in the same article, when
# the figure's clause names no group the other does not (a figure for Republicans is not one for Americans).

_MAJORITY = re.compile(
    r"\b(?:overwhelmingly|a\s+(?:clear\s+|large\s+|vast\s+|solid\s+|big\s+)?majority\s+of|most)\b", re.IGNORECASE
)
_MAJORITY_END = re.compile(r"\b(?:because|since|as|after|while|although|though|but)\b|[,;:.]", re.IGNORECASE)
MAJORITY_SHARE = 50.0
_OPINION_VERBS = frozenset(
    _content_word(w)
    for w in "support supports oppose opposes favour favours approve approves disapprove reject rejects want wants "
    "trust trusts agree agrees disagree disagrees believe believes".split()
)
"""What most (or a share) of people do: the figure and the "most" must say the same one."""


def _majority_candidates(items: Sequence[_Item], ctx: _Context) -> Iterator[_Candidate]:
    most: dict[str, list[tuple[_Item, str, frozenset[str], frozenset[str]]]] = defaultdict(list)
    for item in items:
        if item.claim.modality != "factual":
            continue
        for clause in _CLAUSES.split(item.claim.text):
            m = _MAJORITY.search(clause)
            if m is None or _NEGATION.search(clause) or _DENIAL.search(clause):
                continue
            end = _MAJORITY_END.search(clause, m.end())
            said = clause[: end.start() if end else len(clause)]
            words = _number_words(_MAJORITY.sub(" ", said), None)
            if len(words) >= MIN_SHARED_WORDS and not any(w.startswith("when:") for w in words):
                most[item.claim.article_id].append((item, said.strip(), words, _names_in(said)))
    if not most:
        return
    for item in items:
        if item.claim.article_id not in most or item.claim.modality != "factual":
            continue
        for q in item.claim.quantities:
            if q.unit != "%" or q.value >= MAJORITY_SHARE or _qualifier(item, q) in _LOWER_BOUND:
                continue
            said = _number_said(item, q)
            words, names = _number_words(said, q.unit), _names_in(said)
            for other, text, most_words, most_names in most[item.claim.article_id][:MAX_BLOCK]:
                shared = words & most_words
                if not _allowed(other, item) or len(shared) < MIN_SHARED_WORDS:
                    continue
                if not words & _OPINION_VERBS or words & _OPINION_VERBS != most_words & _OPINION_VERBS:
                    continue  # "38% oppose" says nothing of how many support
                if any(w.startswith("when:") for w in words) or not names <= most_names:
                    continue  # another year, or a group the other does not speak of
                a, b = (other, item) if other.order < item.order else (item, other)
                explain = (
                    f"{other.voice_label} {other.says} “{text}”; {item.voice_label} {item.says} “{_around(item, q)}”: "
                    f"{_number_text(q)} is not most ({_surface(shared, item.claim.text)})."
                )
                yield _pair("value", a, b, ("majority", *sorted(shared)), _confidence(0.6, a, b, 0.9), explain)


# ---------------------------------------------------------------------------------------------
# Stances


_ISSUE_TEXT = {"relations": "dialogue and relations"}


def _stance(items: Sequence[_Item], ctx: _Context) -> Iterator[_Candidate]:
    block: dict[tuple[str, str, str], list[tuple[_Item, Stance]]] = defaultdict(list)
    for item in items:
        if not item.named or item.claim.claim_type not in ("quote", "reported"):
            continue
        involved = sorted(item.actors | (item.side - {item.voice}))
        for stance in item.claim.stances:
            for x, y in combinations(involved, 2):
                block[(stance.issue, x, y)].append((item, stance))
    for key in sorted(block):
        entries = block[key]
        pro = _best_per_voice(e for e in entries if e[1].position == "for")
        con = _best_per_voice(e for e in entries if e[1].position == "against")
        if not pro or not con:
            continue
        con_voices = _strongest_voices(con)
        issue, x, y = key
        for voice in _strongest_voices(pro):
            paired = 0
            for other in con_voices:
                if paired >= MAX_COUNTERPARTS:
                    break
                a, sa = pro[voice].entries[0]
                b, sb = con[other].entries[0]
                if not _allowed(a, b):
                    continue
                paired += 1
                between = f"between {ctx.labels.get(x, x)} and {ctx.labels.get(y, y)}"
                what = _ISSUE_TEXT.get(issue, issue)
                text = (
                    f"{a.voice_label} is for {what} {between} (“{sa.cue}”); "
                    f"{b.voice_label} is against (“{sb.cue}”)."
                    + _others(pro[voice].count - 1, a.voice_label)
                    + _others(con[other].count - 1, b.voice_label)
                )
                if b.order < a.order:
                    a, b = b, a
                yield _pair(
                    "stance",
                    a,
                    b,
                    (issue,),
                    _confidence(0.7, a, b),
                    text,
                    modality=_modality_note(a.claim, b.claim),
                )


# ---------------------------------------------------------------------------------------------
# Putting it together


def find_contradictions(corpus: Corpus) -> list[Contradiction]:
    """Contradictions between the corpus's claims, one per disagreement, in a fixed order.

    Args:
        corpus: the resolved corpus.

    Returns:
        Contradictions sorted by kind (rebuttal, polarity, value, stance), then by the uids of their
        claims; ``claim_a`` is the earlier of the two in corpus order.
    """
    items, ctx = _items(corpus)
    best: dict[tuple[str, ...], _Candidate] = {}
    members: dict[tuple[str, ...], list[_Candidate]] = defaultdict(list)
    for generator in (
        _rebuttal,
        _answer_candidates,
        _polarity,
        _similar_polarity_candidates,
        _short_statement_candidates,
        _date_candidates,
        _similar_date_candidates,
        _quantity_candidates,
        _similar_quantity_candidates,
        _majority_candidates,
        _stance,
    ):
        for candidate in generator(items, ctx):
            members[candidate.cluster].append(candidate)
            kept = best.get(candidate.cluster)
            rank = (candidate.score, candidate.confidence, -candidate.a.order, -candidate.b.order)
            if kept is None or rank > (kept.score, kept.confidence, -kept.a.order, -kept.b.order):
                best[candidate.cluster] = candidate
    for cluster, kept in best.items():
        note = _same_side_note(kept, members[cluster])
        if note:
            best[cluster] = replace(kept, explain=kept.explain + note)
    by_pair: dict[tuple[str, str], _Candidate] = {}
    for candidate in sorted(best.values(), key=lambda c: (KIND_ORDER[c.kind], -c.confidence, c.cluster)):
        pair = (min(candidate.a.order, candidate.b.order), max(candidate.a.order, candidate.b.order))
        key = (str(pair[0]), str(pair[1]))
        if key not in by_pair:
            by_pair[key] = candidate
    ordered = sorted(
        by_pair.values(), key=lambda c: (KIND_ORDER[c.kind], min(c.a.order, c.b.order), max(c.a.order, c.b.order))
    )
    out: list[Contradiction] = []
    for c in ordered:
        a, b = (c.a, c.b) if c.a.order < c.b.order else (c.b, c.a)
        out.append(
            Contradiction(
                kind=c.kind,
                claim_a=a.uid,
                claim_b=b.uid,
                explanation=c.explain,
                confidence=c.confidence,
                modality=c.modality,
            )
        )
    logger.info("analyse: %d claims, %d contradictions", len(items), len(out))
    return out


def _same_side_note(kept: _Candidate, cluster: list[_Candidate]) -> str:
    """ " Sergei Lavrov (same side as Russia) says the same.": other claimants of the same party whose
    statements were folded into this disagreement."""
    shown = {kept.a.voice, kept.b.voice}
    by_side: dict[str, set[str]] = {kept.a.party: set(), kept.b.party: set()}
    for c in cluster:
        for item in (c.a, c.b):
            if item.voice not in shown and item.party in by_side:
                by_side[item.party].add(item.voice_label)
    notes = []
    for item in (kept.a, kept.b):
        others = sorted(by_side.pop(item.party, set()))
        if others:
            verb = "says" if len(others) == 1 else "say"
            notes.append(f" {_and(others)} (same side as {item.voice_label}) {verb} the same.")
    return "".join(notes)
