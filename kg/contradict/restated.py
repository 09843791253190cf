"""restated: the same statement in other words, once asserted and once denied ("X has deliberately
reduced the flow of the river" / "X has not reduced the flow of the river"), or called false ("the
claim that X is not true", "anyone who says X is wrong").

Relations cover a few verbs (:mod:`kg.contradict.polarity`); here two clauses of different claimants are
compared when they share most of their content words, name no different actors or places, give no
different year or month (unless a deadline asserted is earlier than one denied: "will peak before 2030"
/ "will not peak before 2040"), and exactly one of them is negated. Blocked by content word, skipping
words too common to tell.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence

from kg.contradict.clauses import (
    FIRST_PERSON_TEXT,
    MIN_SHARED_STATEMENT_WORDS,
    MIN_STATEMENT_OVERLAP,
    Statement,
    clauses_of,
    statement,
)
from kg.contradict.context import Context, Item, allowed, same_time
from kg.contradict.pairing import Budget, Candidate, candidate, confidence, rare_word_pairs
from kg.contradict.wording import modality_label, modality_note, modality_sentence, speaker, surface
from kg.contradict.words import alternatives, plain_words, when_words
from kg.lexicon import entries, words

__all__ = ["DEADLINE", "deadlines_conflict", "restated_candidates"]

DEADLINE = re.compile(rf"\b(?:{alternatives(entries('contradict-deadlines'))})\s+(1[89]\d\d|20\d\d)\b", re.IGNORECASE)
"""A year given as a deadline ("before 2030", "by the end of 2027"); the year is group 1."""


_NO_CHANGE = re.compile(rf"\bno\s+(?:{'|'.join(sorted(words('contradict-no-change')))})\b", re.IGNORECASE)
""""no new deaths": denies a change, not what was said before."""


def deadlines_conflict(x: Statement, y: Statement) -> bool:
    """"Demand will peak before 2030" against "demand will not peak before 2050": a deadline asserted that is
    earlier than one denied. Each clause gives one year, and it is a deadline ("before"/"by" 2030)."""
    asserting, denying = (x, y) if y.negated else (y, x)
    if asserting.negated or not denying.negated:
        return False
    years = []
    for said in (asserting, denying):
        when = [w for w in said.words if w.startswith("when:")]
        deadline = DEADLINE.findall(said.text)
        if len(when) != 1 or len(deadline) != 1 or when[0] != f"when:{deadline[0]}":
            return False
        years.append(int(deadline[0]))
    return years[0] < years[1]


def _rebuttal_allowed(x: Statement, y: Statement) -> bool:
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


def _opposed(x: Statement, y: Statement) -> bool:
    """Whether two clauses may be compared: one of them negated, of two parties, of one time."""
    if x.negated == y.negated or not (allowed(x.item, y.item) or _rebuttal_allowed(x, y)):
        return False
    return same_time(x.item.claim, y.item.claim)


def _one_statement(x: Statement, y: Statement, shared: frozenset[str]) -> bool:
    """Whether two opposed clauses (:func:`_opposed`) are one statement."""
    a, b = x.item, y.item
    if len(plain_words(shared)) < MIN_SHARED_STATEMENT_WORDS or len(shared) < 0.75 * min(len(x.words), len(y.words)):
        return False
    if len(shared) < MIN_STATEMENT_OVERLAP * len(x.words | y.words):
        return False
    if _NO_CHANGE.search(x.text) or _NO_CHANGE.search(y.text):
        return False  # "no new deaths" against earlier deaths: a change denied, not the statement
    if when_words(x.words) != when_words(y.words) and not deadlines_conflict(x, y):
        return False  # other years or months: both may hold
    if not (x.names <= y.every or y.names <= x.every):
        return False  # each names someone or somewhere the other does not
    # "we will meet the target" of two speakers: two different "we"
    return not (a.party != b.party and FIRST_PERSON_TEXT.search(x.text) and FIRST_PERSON_TEXT.search(y.text))


def restated_candidates(items: Sequence[Item], ctx: Context) -> Iterator[Candidate]:
    """The same statement, asserted by one party and denied (or called false) by another."""
    said = [
        statement(item, clause)
        for item in items
        if item.claim.modality != "hedged" and not item.claim.relations  # relations: compared by them
        for clause in clauses_of(item, ctx)
    ]
    budget = Budget()
    for x, y, shared in rare_word_pairs(said, lambda s: s.words, _opposed):
        a, b = x.item, y.item
        if not _one_statement(x, y, shared) or not budget.take(a.voice, b.voice):
            continue
        plain = plain_words(shared)
        if b.order < a.order:
            x, y, a, b = y, x, b, a
        asserting, denying = (x, y) if y.negated else (y, x)
        rebuttal = x.rebuts or y.rebuts
        if rebuttal:
            rebutter, other = (x, y) if x.rebuts else (y, x)
            what = (
                f"{speaker(rebutter.item)} calls false what {speaker(other.item)} "
                f"{other.item.says}: “{other.text}” ({surface(plain, rebutter.text)})."
            )
        else:
            what = (
                f"the same statement ({surface(plain, y.text)}), {'denied' if y.negated else 'asserted'} by the second."
            )
            if when_words(x.words) != when_words(y.words):
                early, late = (DEADLINE.search(t) for t in (asserting.text, denying.text))
                if early and late:
                    what += f" It happens {early.group(0)} and it does not {late.group(0)}: both cannot hold."
        explain = (
            f"{speaker(a)} {a.says} “{x.text}”{modality_label(a.claim)}; {speaker(b)} {b.says} "
            f"“{y.text}”{modality_label(b.claim)}: {what}"
            + modality_sentence(asserting.item.claim, denying.item.claim)
        )
        factor = min(1.0, len(shared) / max(1, len(x.words | y.words)) + 0.3)
        if a.claim.modality != b.claim.modality:
            factor *= 0.9
        yield candidate(
            "rebuttal" if rebuttal else "polarity",
            a,
            b,
            ("statement", *sorted(plain)),
            confidence(0.75 if rebuttal else 0.6, a, b, factor),
            explain,
            modality_note(a.claim, b.claim),
            compared="stated vs called false" if rebuttal else "asserted vs denied",
        )
