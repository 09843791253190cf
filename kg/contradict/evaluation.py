"""evaluation: the same thing judged in opposite directions by two parties ("the rocket had successfully
launched a satellite" / "the launch of the rocket failed").

A clause judges what it speaks of when it holds a word of ``kg/data/lexicon/contradict-evaluation.txt``
(success and failure, legal and illegal, improved and worsened; "failed to" denies what follows and
judges nothing); which way it goes is the sign of the word's valence in the lexicon the vaderSentiment
package ships (:func:`valence`), turned round when the clause is negated. What is judged is the rest of
the clause's content words. Two clauses of two parties judge the same thing when they share at least
:data:`MIN_SHARED_TARGET_WORDS` of those words and give no different year or month; they are blocked by
their rarer words. Hedged claims are left out.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import cache
from importlib import resources

from kg.contradict.clauses import clauses_of
from kg.contradict.context import Context, Item, allowed
from kg.contradict.pairing import Budget, Candidate, candidate, confidence, rare_word_pairs
from kg.contradict.wording import speaker, surface
from kg.contradict.words import content_word, plain_words, when_words
from kg.lexicon import entries

__all__ = ["EVALUATIONS", "MIN_SHARED_TARGET_WORDS", "evaluation_candidates", "judged", "valence"]

MIN_SHARED_TARGET_WORDS = 2
"""Two judgements are of the same thing when what they judge shares at least this many content words."""


@cache
def _lexicon() -> dict[str, float]:
    """The vaderSentiment lexicon: word -> mean valence (-4 to 4), read from the file the package ships."""
    text = resources.files("vaderSentiment").joinpath("vader_lexicon.txt").read_text(encoding="utf-8")
    found = {}
    for line in text.splitlines():
        parts = line.split("\t")
        if len(parts) >= 2:
            found[parts[0]] = float(parts[1])
    return found


def valence(word: str) -> float:
    """The valence of ``word`` in the vaderSentiment lexicon (0.0 when it has none).

    >>> valence("failed") < 0 < valence("successfully")
    True
    """
    return _lexicon().get(word.lower(), 0.0)


EVALUATIONS = tuple(entries("contradict-evaluation"))
"""The words that judge (general English); each has a valence in the vaderSentiment lexicon."""
_JUDGING = re.compile(rf"\b({'|'.join(EVALUATIONS)})\b(?!\s+to\b)", re.IGNORECASE)
_EVALUATION_STEMS = frozenset(content_word(w) for w in EVALUATIONS)


def judged(text: str, negated: bool) -> tuple[int, tuple[str, ...]]:
    """Which way a clause judges what it speaks of (+1, -1, or 0 for none or both ways) and the words that do.

    >>> judged("the launch of the rocket failed", False)
    (-1, ('failed',))
    >>> judged("the plan did not fail", True)
    (1, ('fail',))
    >>> judged("the army failed to take the town", False)
    (0, ())
    """
    found = tuple(m.group(1) for m in _JUDGING.finditer(text))
    signs = {1 if valence(w) > 0 else -1 for w in found if valence(w)}
    if len(signs) != 1:
        return 0, ()
    sign = signs.pop()
    return (-sign if negated else sign), found


@dataclass(frozen=True, slots=True)
class _Judgement:
    item: Item
    text: str
    sign: int
    cues: tuple[str, ...]
    words: frozenset[str]  # what is judged: content words, and ``when:`` years and months


def _judgements(items: Sequence[Item], ctx: Context) -> Iterator[_Judgement]:
    for item in items:
        if item.claim.modality == "hedged":
            continue
        for text, negated, found, _, rebuts in clauses_of(item, ctx):
            if rebuts:
                continue
            sign, cues = judged(text, negated)
            target = frozenset(w for w in found if w not in _EVALUATION_STEMS)
            if sign and len(plain_words(target)) >= MIN_SHARED_TARGET_WORDS:
                yield _Judgement(item, text, sign, cues, target)


def _opposed(x: _Judgement, y: _Judgement) -> bool:
    return x.sign != y.sign and allowed(x.item, y.item) and when_words(x.words) == when_words(y.words)


def evaluation_candidates(items: Sequence[Item], ctx: Context) -> Iterator[Candidate]:
    """One thing judged a success (or legal, or improved) by one party and the opposite by another."""
    budget = Budget()
    found = list(_judgements(items, ctx))
    for x, y, shared in rare_word_pairs(found, lambda j: j.words, _opposed):
        if len(plain_words(shared)) < MIN_SHARED_TARGET_WORDS or not budget.take(x.item.voice, y.item.voice):
            continue
        if y.item.order < x.item.order:
            x, y = y, x
        a, b = x.item, y.item
        what = surface(plain_words(shared), y.text)
        ways = {1: "favourably", -1: "unfavourably"}
        explain = (
            f"{speaker(a)} {a.says} “{x.text}”; {speaker(b)} {b.says} “{y.text}”: the same thing ({what}) judged "
            f"{ways[x.sign]} (“{'”, “'.join(x.cues)}”) and {ways[y.sign]} (“{'”, “'.join(y.cues)}”)."
        )
        overlap = len(shared) / max(1, min(len(x.words), len(y.words)))
        yield candidate(
            "evaluation",
            a,
            b,
            ("evaluation", *sorted(plain_words(shared))),
            confidence(0.6, a, b, min(1.0, 0.6 + overlap / 2)),
            explain,
            compared=f"{'positive' if x.sign > 0 else 'negative'} vs {'positive' if y.sign > 0 else 'negative'}",
        )
