"""polarity: one relation asserted by one party and negated by another ("X would attack Y" / "X would
not attack Y"), and short statements word for word, once asserted and once denied, by two speakers of
one article ("This is not censorship" / "this is censorship, plain and simple").

Relations are blocked by ``(subject, predicate, object)``; a fact is never set against a prediction that
it would not happen. Short statements (too short for :mod:`kg.contradict.restated`: fewer than three
content words) must match word for word, negation and emphatic tails aside; blocked by (article, words).
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterator, Sequence
from itertools import combinations

from kg.contradict.clauses import CLAUSES, EMPHATIC, FIRST_PERSON, MIN_SHARED_STATEMENT_WORDS, NEGATION
from kg.contradict.context import Context, Item, allowed, same_time
from kg.contradict.pairing import MAX_BLOCK, Candidate, candidate, confidence, counterparts, voices
from kg.contradict.wording import modality_label, modality_note, modality_sentence, others, relation_text
from kg.contradict.words import FUNCTION_WORDS
from kg.models import Relation

__all__ = ["SHORT_STATEMENT_WORDS", "relation_candidates", "short_statement_candidates", "short_statements"]

SHORT_STATEMENT_WORDS = (3, 8)
"""A short statement has this many words at least and at most (negation and emphasis aside)."""


def _comparable(a: Item, b: Item) -> bool:
    # that something happened does not contradict a prediction, made before or after, that it would
    # not: only statements about the same time are compared
    return allowed(a, b) and not (a.claim.modality == "factual" and b.claim.modality != "factual")


def relation_candidates(items: Sequence[Item], ctx: Context) -> Iterator[Candidate]:
    """A relation asserted against the same relation negated."""
    block: dict[tuple[str, str, str], list[tuple[Item, Relation]]] = defaultdict(list)
    for item in items:
        for rel in item.claim.relations:
            if rel.subject != rel.object:
                block[(rel.subject, rel.predicate, rel.object)].append((item, rel))
    for key in sorted(block):
        entries = block[key]
        asserted = voices(e for e in entries if not e[1].negated)
        negated = voices(e for e in entries if e[1].negated)
        if not asserted or not negated:
            continue
        for said, denied in counterparts(asserted, negated, _comparable):
            (a, rel_a), (b, rel_b) = said.first, denied.first
            text = (
                f"{a.voice_label} {a.says} {relation_text(rel_a, a.claim, ctx.labels)}{modality_label(a.claim)}; "
                f"{b.voice_label} {b.says} {relation_text(rel_b, b.claim, ctx.labels)}{modality_label(b.claim)}."
                + modality_sentence(a.claim, b.claim)
                + others(said.count - 1, a.voice_label)
                + others(denied.count - 1, b.voice_label)
            )
            factor = 1.0 if a.claim.modality == b.claim.modality else 0.9
            if "hedged" in (a.claim.modality, b.claim.modality):
                factor *= 0.75
            yield candidate(
                "polarity",
                a,
                b,
                ("relation", *key),
                confidence(0.8, a, b, factor),
                text,
                modality_note(a.claim, b.claim),
                compared="asserted vs denied",
                direct=1,
            )


def short_statements(item: Item) -> Iterator[tuple[tuple[str, ...], bool, str]]:
    """(words, negated, text) of each short clause of a claim with one or two content words."""
    for clause in CLAUSES.split(item.claim.text):
        clause = clause.strip(" ,.!\"“”‘’'")
        if "?" in clause or not clause:
            continue
        plain = EMPHATIC.sub(" ", NEGATION.sub(" ", clause))
        words = tuple(w.lower() for w in re.findall(r"[A-Za-z][A-Za-z\-]*", plain) if w.lower() not in ("a", "an"))
        content = [w for w in words if w not in FUNCTION_WORDS and len(w) > 2]
        low, high = SHORT_STATEMENT_WORDS
        if FIRST_PERSON & set(words):
            continue  # "I am not a candidate" and "I am a candidate" are two speakers on themselves
        if low <= len(words) <= high and 1 <= len(content) < MIN_SHARED_STATEMENT_WORDS:
            yield words, bool(NEGATION.search(clause)), clause[:1].upper() + clause[1:]


def short_statement_candidates(items: Sequence[Item], ctx: Context) -> Iterator[Candidate]:
    """A short statement against the same words denied, by two speakers of one article."""
    block: dict[tuple[str, tuple[str, ...]], list[tuple[Item, bool, str]]] = defaultdict(list)
    for item in items:
        if item.claim.modality == "hedged" or item.claim.claimant is None:
            continue
        for words, negated, text in short_statements(item):
            block[(item.claim.article_id, words)].append((item, negated, text))
    for key in sorted(block):
        entries = block[key][:MAX_BLOCK]
        for (a, neg_a, text_a), (b, neg_b, text_b) in combinations(entries, 2):
            if neg_a == neg_b or not allowed(a, b) or not same_time(a.claim, b.claim):
                continue
            explain = (
                f"{a.voice_label} {a.says} “{text_a}”{modality_label(a.claim)}; {b.voice_label} {b.says} "
                f"“{text_b}”{modality_label(b.claim)}: the same words, "
                f"{'denied' if neg_b else 'asserted'} by the second."
            )
            yield candidate(
                "polarity",
                a,
                b,
                ("short", key[0], *key[1]),
                confidence(0.6, a, b, 0.9),
                explain,
                modality_note(a.claim, b.claim),
                compared="asserted vs denied",
            )
