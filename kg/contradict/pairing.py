"""pairing: which claims are compared, and the candidates a comparison gives.

Candidate pairs come from blocking, never from comparing every claim with every other: each detector
puts its claims in buckets keyed by what they say, and only claims sharing a bucket are compared. Within
a bucket, each claimant is represented by its strongest statements (:func:`voices`), and the strongest
claimants of one side are paired with the strongest of the other (:func:`counterparts`: at most
:data:`MAX_BLOCK` claimants per side, :data:`MAX_COUNTERPARTS` counterparts each). Statements in other
words are blocked by their rarer content words (:func:`rare_word_pairs`), with the same bound on
counterparts per claimant (:class:`Budget`). So the cost stays close to linear in the number of claims.

A comparison that finds a conflict gives a :class:`Candidate`; of the candidates of one disagreement
(the proposition disagreed on; for stances also both parties) the one with the strongest claims is kept.
"""

from __future__ import annotations

import heapq
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from itertools import combinations
from typing import Generic, TypeVar

from kg.contradict.context import Item
from kg.models import ContradictionKind

__all__ = [
    "COMMON_WORD",
    "MAX_BLOCK",
    "MAX_COUNTERPARTS",
    "TOP_PER_VOICE",
    "Budget",
    "Candidate",
    "Said",
    "blocking",
    "candidate",
    "confidence",
    "counterparts",
    "rare_word_pairs",
    "strongest",
    "voices",
]

T = TypeVar("T")
U = TypeVar("U")
E = TypeVar("E")

MAX_BLOCK = 200
"""At most this many claimants per side of one bucket are compared (the strongest ones)."""
MAX_COUNTERPARTS = 8
"""At most this many opposing claimants are paired with one claimant in one bucket."""
TOP_PER_VOICE = 3
"""Statements of one claimant kept per bucket (the others are only counted): bounds the work per bucket."""
COMMON_WORD = 100
"""Statements or numbers are blocked on each content word found in at most this many of them (a word
found more often tells too little), so a block holds at most this many and the work grows linearly."""


@dataclass(frozen=True, slots=True)
class Candidate:
    """A conflict found between two claims."""

    kind: ContradictionKind
    cluster: tuple[str, ...]  # the disagreement (what is disagreed on; for stances also both parties): one edge each
    a: Item
    b: Item
    score: float  # which candidate of a cluster is kept
    confidence: float
    modality: str | None
    explain: str  # explanation without the "others" note
    compared: str = ""  # what was compared, normalised ("2014 vs 2022-02-24", "asserted vs denied")
    direct: int = 0  # kept before a stronger pair of claims: the pair that shows the disagreement best


def candidate(
    kind: ContradictionKind,
    a: Item,
    b: Item,
    proposition: tuple[str, ...],
    confidence: float,
    explain: str,
    modality: str | None = None,
    compared: str = "",
    direct: int = 0,
    per_party: bool | None = None,
) -> Candidate:
    """A candidate between two claims: one edge per proposition disagreed on, whoever says it and in however
    many articles (``per_party``, by default for stances: per proposition and pair of parties); of its pairs
    the most ``direct``, then the one with the strongest claims, is kept."""
    parties = tuple(sorted((a.party, b.party))) if (kind == "stance" if per_party is None else per_party) else ()
    return Candidate(
        kind=kind,
        cluster=(*parties, *proposition),
        a=a,
        b=b,
        score=sum(a.strength) + sum(b.strength),
        confidence=confidence,
        modality=modality,
        explain=explain,
        compared=compared,
        direct=direct,
    )


def confidence(base: float, a: Item, b: Item, factor: float = 1.0) -> float:
    """``base`` times ``factor``, weighed by the weaker claim's confidence and attribution."""
    evidence = min(a.claim.confidence, b.claim.confidence)
    attribution = min(
        a.claim.attribution_confidence if a.claim.claimant else 1.0,
        b.claim.attribution_confidence if b.claim.claimant else 1.0,
    )
    value = base * factor * (0.6 + 0.4 * evidence) * (0.7 + 0.3 * attribution)
    return round(max(0.05, min(1.0, value)), 3)


@dataclass(slots=True)
class Said(Generic[T]):
    """What one claimant says in one bucket: its strongest statements (at most TOP_PER_VOICE) and how
    many there are in all."""

    entries: list[tuple[Item, T]]
    count: int

    @property
    def first(self) -> tuple[Item, T]:
        """The strongest statement."""
        return self.entries[0]


def _weakness(item: Item) -> tuple[float, ...]:
    return tuple(-x for x in item.strength)


def voices(entries: Iterable[tuple[Item, T]]) -> dict[str, Said[T]]:
    """Entries grouped by claimant, strongest first."""
    grouped: dict[str, list[tuple[Item, T]]] = defaultdict(list)
    for entry in entries:
        grouped[entry[0].voice].append(entry)
    return {
        voice: Said(heapq.nsmallest(TOP_PER_VOICE, said, key=lambda e: (_weakness(e[0]), e[0].order)), len(said))
        for voice, said in grouped.items()
    }


def strongest(grouped: dict[str, Said[T]]) -> list[str]:
    """The claimants of a bucket, strongest statement first, at most MAX_BLOCK of them."""
    return heapq.nsmallest(
        MAX_BLOCK, grouped, key=lambda v: (_weakness(grouped[v].first[0]), grouped[v].first[0].order)
    )


def counterparts(
    one: dict[str, Said[T]], other: dict[str, Said[U]], allowed: Callable[[Item, Item], bool]
) -> Iterator[tuple[Said[T], Said[U]]]:
    """Pairs the strongest voices of two opposing sides of a bucket: each claimant of ``one`` (strongest
    first) with the strongest claimants of ``other`` whose strongest statements may be compared with its
    own (``allowed``), at most MAX_COUNTERPARTS of them."""
    theirs = strongest(other)
    for voice in strongest(one):
        paired = 0
        for counterpart in theirs:
            if paired >= MAX_COUNTERPARTS:
                break
            said, answered = one[voice], other[counterpart]
            if not allowed(said.first[0], answered.first[0]):
                continue
            paired += 1
            yield said, answered


class Budget:
    """Counterparts per claimant: a claimant is paired with at most MAX_COUNTERPARTS others."""

    def __init__(self) -> None:
        self._paired: dict[str, int] = defaultdict(int)

    def take(self, a: str, b: str) -> bool:
        """Count a pair of claimants ``a`` and ``b``; False (and nothing counted) when either has had its
        MAX_COUNTERPARTS already."""
        if self._paired[a] >= MAX_COUNTERPARTS or self._paired[b] >= MAX_COUNTERPARTS:
            return False
        self._paired[a] += 1
        self._paired[b] += 1
        return True


def blocking(words: Iterable[str], frequency: dict[str, int]) -> list[str]:
    """The content words (dates aside) rare enough to block on, in a fixed order."""
    return sorted(w for w in words if not w.startswith("when:") and frequency[w] <= COMMON_WORD)


def rare_word_pairs(
    entries: Sequence[E],
    words: Callable[[E], frozenset[str]],
    pairable: Callable[[E, E], bool],
    group: Callable[[E], str] = lambda _: "",
) -> Iterator[tuple[E, E, frozenset[str]]]:
    """Pairs of entries of one ``group`` sharing a rare content word that may be compared (``pairable``, a
    quick test made first), with the words they share: blocked on each rare word (:func:`blocking`), each
    pair compared once, in the block of the first word they share."""
    frequency: dict[str, int] = defaultdict(int)
    for entry in entries:
        for w in words(entry):
            frequency[w] += 1
    block: dict[tuple[str, str], list[int]] = defaultdict(list)
    for i, entry in enumerate(entries):
        for w in blocking(words(entry), frequency):
            block[(group(entry), w)].append(i)
    for key in sorted(block):
        for i, j in combinations(block[key], 2):
            x, y = entries[i], entries[j]
            if not pairable(x, y):
                continue
            shared = words(x) & words(y)
            if blocking(shared, frequency)[0] == key[1]:
                yield x, y, shared
