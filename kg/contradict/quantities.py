"""quantities: two numbers for one quantity that cannot both hold, allowing for rounding, unit conversion
and approximators.

Numbers are blocked by (measure, unit, the actors and places named in the number's own clause), and,
for numbers whose clauses say the same thing in other words ("the ministry counted 153 aircraft during
the drills" / "the defence ministry tracked 111 aircraft during the two-day drills"), by (unit, content
word): two numbers of one unit are compared when their clauses share most of their content words, name
no different actors or places, and give no different year. Within one article the counted unit is a
shared word; one claimant's figures reported by two articles are compared, except growing tolls on
different days.
"""

from __future__ import annotations

import math
import re
from collections import defaultdict
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import partial
from itertools import combinations

from kg.contradict.context import Context, Item, allowed, allowed_figures
from kg.contradict.figures import (
    LOWER_BOUND,
    UPPER_BOUND,
    actors_in_clause,
    around,
    clause_subjects,
    number_said,
    qualifier,
)
from kg.contradict.pairing import Budget, Candidate, candidate, confidence, rare_word_pairs, strongest, voices
from kg.contradict.wording import number_text, surface
from kg.contradict.words import content_word, every_word, names_in, number_words, when_words
from kg.lexicon import entries
from kg.models import Quantity

__all__ = ["MIN_SHARED_WORDS", "MIN_WORD_OVERLAP", "figure_candidates", "quantities_conflict", "quantity_candidates"]

MIN_SHARED_WORDS = 2
MIN_WORD_OVERLAP = 0.4
"""Two numbers' clauses must share at least this many content words and this share of all of them."""

_YEAR = re.compile(r"\b(1[89]\d\d|20\d\d)\b")
_TOLLS = frozenset(content_word(w) for w in entries("contradict-tolls"))
"""Counts that grow as a story unfolds: two articles of different days may both be right."""


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
        if qx in LOWER_BOUND and y.value >= x.value * 0.98:
            return False
        if qx in UPPER_BOUND and y.value <= x.value * 1.02:
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


def _conflict(a: Item, qa: Quantity, b: Item, qb: Quantity) -> bool:
    return quantities_conflict(qa, qb, qualifier(a, qa), qualifier(b, qb))


def _gap(qa: Quantity, qb: Quantity) -> tuple[float, str]:
    """How far apart two numbers are (a share of the smaller) and the words "X is N% more than Y"."""
    low, high = sorted((qa.value, qb.value))
    gap = (high - low) / low if low else 1.0
    small, large = (qa, qb) if qa.value <= qb.value else (qb, qa)
    return gap, f"{number_text(large)} is {gap:.0%} more than {number_text(small)}"


def quantity_candidates(items: Sequence[Item], ctx: Context) -> Iterator[Candidate]:
    """Two numbers of one measure and unit, about the same actors and places, that cannot both hold."""
    block: dict[tuple[str, str, frozenset[str]], list[tuple[Item, Quantity]]] = defaultdict(list)
    for item in items:
        for q in item.claim.quantities:
            if q.measure and q.unit:
                subjects = clause_subjects(item, q)
                if subjects:
                    block[(q.measure, q.unit, subjects)].append((item, q))
    for key in sorted(block, key=lambda k: (k[0], k[1], sorted(k[2]))):
        grouped = voices(block[key])
        if len(grouped) < 2:
            continue
        budget = Budget()
        for va, vb in combinations(strongest(grouped), 2):
            found = next(
                (
                    (a, qa, b, qb)
                    for a, qa in grouped[va].entries
                    for b, qb in grouped[vb].entries
                    if allowed(a, b) and not _other_years(a, b) and _conflict(a, qa, b, qb)
                ),
                None,
            )
            if found is None or not budget.take(va, vb):
                continue
            a, qa, b, qb = found
            if b.order < a.order:
                a, qa, b, qb = b, qb, a, qa
            measure, unit, subjects = key
            actors = frozenset(k for k in subjects if not k.startswith("place:"))
            gap, more = _gap(qa, qb)
            text = (
                f"{a.voice_label} {a.says} “{around(a, qa)}”; {b.voice_label} {b.says} “{around(b, qb)}”: "
                f"{more}, more than rounding or approximation allows."
            )
            yield candidate(
                "value",
                a,
                b,
                ("quantity", measure, unit, *sorted(actors)),
                confidence(0.75, a, b, 0.8 + 0.2 * min(1, gap * 2)),
                text,
                compared=f"{number_text(qa)} vs {number_text(qb)}",
            )


def _other_years(a: Item, b: Item) -> bool:
    """Both claims give years, and none in common: the numbers may both hold."""
    ya, yb = set(_YEAR.findall(a.claim.text)), set(_YEAR.findall(b.claim.text))
    return bool(ya and yb and not ya & yb)


@dataclass(frozen=True, slots=True)
class _Figure:
    """A number with what its clause says of it."""

    item: Item
    q: Quantity
    words: frozenset[str]  # content words of what it is said of, and ``when:`` years and months
    names: frozenset[str]
    every: frozenset[str]
    actors: frozenset[str]  # actors named in its clause


def _figures(items: Sequence[Item]) -> Iterator[_Figure]:
    """The numbers with a unit of factual claims, with what each is said of."""
    for item in items:
        if item.claim.modality != "factual":
            continue
        for q in item.claim.quantities:
            if q.unit:
                said = number_said(item, q)
                found = number_words(said, q.unit)
                if found:
                    yield _Figure(item, q, found, names_in(said), every_word(said), actors_in_clause(item, q))


def _published_apart(a: Item, b: Item, ctx: Context) -> bool:
    """Whether the two claims' articles were published on different days (both dates known)."""
    if a.claim.article_id == b.claim.article_id:
        return False
    da, db = ctx.published.get(a.claim.article_id), ctx.published.get(b.claim.article_id)
    return da is not None and db is not None and da.value != db.value


def _counted(x: _Figure, y: _Figure) -> int:
    """1 when the unit counts as a shared word: within one article, for counted things (people,
    countries; not USD, %, km): "95 people aboard" and "130 people on board" are one boat's count there,
    but may be two boats' in two articles."""
    name = x.q.unit or ""
    counted = name.isalpha() and name.islower() and len(name) > 2
    return 1 if x.item.claim.article_id == y.item.claim.article_id and counted else 0


def _comparable(x: _Figure, y: _Figure, ctx: Context) -> bool:
    """Whether two numbers of one unit may be compared: of two claims that may be, in articles on the same
    actors."""
    a, b = x.item, y.item
    if not allowed_figures(a, b) or x.q.unit != y.q.unit:
        return False
    main_a = ctx.main_actors.get(a.claim.article_id, frozenset())
    main_b = ctx.main_actors.get(b.claim.article_id, frozenset())
    # two articles on other actors: "defence spending to 3% of GDP" is not one country's
    return not (main_a and main_b and not main_a & main_b)


def _one_figure(x: _Figure, y: _Figure, shared: frozenset[str], ctx: Context) -> bool:
    """Whether two comparable numbers (:func:`_comparable`) are said of the same thing, and cannot both hold."""
    a, b = x.item, y.item
    unit = _counted(x, y)
    if len(shared) + unit < MIN_SHARED_WORDS or len(shared) + unit < MIN_WORD_OVERLAP * (len(x.words | y.words) + unit):
        return False
    if not (x.names <= y.every or y.names <= x.every) or not (x.actors <= y.actors or y.actors <= x.actors):
        return False  # each names someone or somewhere the other does not: both numbers may hold
    if when_words(x.words) != when_words(y.words):
        return False  # other years or months (or only one dated): the numbers may both hold
    if shared & _TOLLS and _published_apart(a, b, ctx):
        return False  # a toll that grows: articles of other days give its count on their day
    same_unit = [v.value for v in b.claim.quantities if v.unit == x.q.unit]
    if any(math.isclose(x.q.value, v, rel_tol=0.02) for v in same_unit):
        return False  # b also gives a's number: they agree on it, the other is something else
    return _conflict(a, x.q, b, y.q)


def figure_candidates(items: Sequence[Item], ctx: Context) -> Iterator[Candidate]:
    """The same figure in other words, given two numbers that cannot both hold."""
    budget = Budget()
    figures = list(_figures(items))
    pairable = partial(_comparable, ctx=ctx)
    for x, y, shared in rare_word_pairs(figures, lambda f: f.words, pairable, lambda f: f.q.unit or ""):
        if not _one_figure(x, y, shared, ctx):
            continue
        unit = _counted(x, y)
        if y.item.order < x.item.order:
            x, y = y, x
        a, qa, b, qb = x.item, x.q, y.item, y.q
        gap, more = _gap(qa, qb)
        counted = shared | ({content_word(qa.unit or "")} if unit else set())
        text = (
            f"{a.voice_label} {a.says} “{around(a, qa)}”; {b.voice_label} {b.says} “{around(b, qb)}”: "
            f"{more} for what both describe in the same words ({surface(counted, b.claim.text)}), "
            "more than rounding or approximation allows."
        )
        if a.voice == b.voice:
            text += f" Two articles report {a.voice_label} with different figures."
        if not budget.take(a.voice, b.voice):
            continue
        yield candidate(
            "value",
            a,
            b,
            ("quantity", qa.unit or "", *sorted(shared)),
            confidence(0.6, a, b, 0.8 + 0.2 * min(1, gap * 2)),
            text,
            compared=f"{number_text(qa)} vs {number_text(qb)}",
        )
