"""clauses: a claim cut into the statements it makes, each asserted or denied.

A claim's clauses (:func:`claim_clauses`) are split at punctuation and clause-opening words; a clause
is negated when it holds a negation, denies what it says ("denied supplying weapons", "failed to"), is
denied by the clause before ("the ministry denied | that ...", "there is no evidence | that ..."), or is
called false ("it is false that X", "the claim that X is simply not true", "anyone who says X is
wrong"). The words come from ``kg/data/lexicon/contradict-{negation,denial,called-false,clauses,...}``.

>>> bool(NEGATION.search("the dam has not cut the flow")), bool(DENIAL.search("denied any involvement"))
(True, True)
>>> [c.strip() for c in CLAUSES.split("the plan would cost millions and is not the best outcome")]
['the plan would cost millions', 'is not the best outcome']
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from kg.contradict.context import Clause, Context, Item
from kg.contradict.words import alternatives, every_word, listed, names_in, number_words, phrase, plain_words, slots
from kg.lexicon import entries, words

__all__ = [
    "CLAIM_NOUN",
    "CLAUSES",
    "DENIAL",
    "DENIAL_LEAD",
    "EMPHATIC",
    "FALSE_LEAD",
    "FALSE_TAIL",
    "FIRST_PERSON",
    "FIRST_PERSON_TEXT",
    "MIN_SHARED_STATEMENT_WORDS",
    "MIN_STATEMENT_OVERLAP",
    "MISS",
    "NEGATION",
    "STATEMENT_FRAME",
    "WRONG_SAYER",
    "Statement",
    "claim_clauses",
    "clauses_of",
    "relative_clauses",
    "statement",
]

MIN_SHARED_STATEMENT_WORDS = 3
MIN_STATEMENT_OVERLAP = 0.3
"""Two clauses are one statement when they share at least this many content words, three quarters of the
shorter one's and this share of all of them."""


def _not_before(found: Iterable[str]) -> str:
    r"""A lookahead's alternatives, each a whole word: ``well\b|much\b``."""
    return "|".join(phrase(w) + r"\b" for w in found)


def _not_after(found: Iterable[str]) -> str:
    """Negative lookbehinds for ``found``, one per length (each must have a fixed width)."""
    by_length: dict[int, list[str]] = {}
    for w in found:
        by_length.setdefault(len(w), []).append(re.escape(w))
    return "".join(f"(?<!{'|'.join(group)})" for group in by_length.values())


_denies = slots("contradict-denial", "denies")
_lead = slots("contradict-denial", "denies what follows")
_it_is = slots("contradict-called-false", "it is false")
_claim = slots("contradict-called-false", "the claim that")
_tail = slots("contradict-called-false", "is false")
_anyone = slots("contradict-called-false", "anyone who says")
_clauses = {key: slots("contradict-clauses", key) for key in ("conjunctions", "as", "auxiliaries", "openers")}

NEGATION = re.compile(rf"\b(?:{alternatives(entries('contradict-negation'))})\b|n[’']t\b", re.IGNORECASE)
DENIAL = re.compile(
    rf"\b(?:(?:{_denies['verbs']})(?=\s+(?:\w+ing|{_denies['objects']}|(?:the\s+)?(?:{_denies['claims']}))\b)"
    rf"|{_denies['refusals']})\b",
    re.IGNORECASE,
)
"""Words that deny what follows: "denied supplying weapons", "have failed to dent", "refused to withdraw"."""
DENIAL_LEAD = re.compile(
    rf"(?:\b(?:{_lead['verbs']})(?:(?:\s+(?:{_lead['determiners']}))?(?:\s+[\w\-]+)?\s+(?:{_lead['claims']}))?"
    rf"|\b(?:{_lead['no evidence']}))\s*$",
    re.IGNORECASE,
)
"""A clause ending so denies the next one: "X denied | that it had supplied weapons", "X rejected
claims | that ...", "there is no evidence | that ..."."""
MISS = re.compile(rf"\b(?:{slots('contradict-denial', 'misses')['verbs']})\b", re.IGNORECASE)
"""Missing a target denies meeting it ("would miss the target")."""

CLAUSES = re.compile(
    rf"[;:()\u2014\u2013]|,\s+(?:{_clauses['conjunctions']['words']})\b|"
    rf",\s+as\s+(?!{_not_before(listed('contradict-clauses', 'as', 'not before'))})|"
    rf"\band\s+(?=(?:{_clauses['auxiliaries']['words']})\b)|"
    rf"\b(?:{_clauses['openers']['words']})\b|"
    rf"(?<![A-Z]){_not_after(listed('contradict-clauses', 'abbreviations', 'words'))}[.!?](?=\s+[A-Z“\"‘']|\s*$)"
)
"""Where a claim's clauses meet (split a claim with it)."""

FALSE_LEAD = re.compile(
    rf"\b(?:{_it_is['subjects']})\s+(?:{_it_is['verbs']})\s+{_it_is['adverbs?']}(?:{_it_is['verdicts']})\s*$",
    re.IGNORECASE,
)
"""A clause ending so calls the next one false: "it is simply not true | that ..."."""
CLAIM_NOUN = re.compile(rf"\b(?:{_claim['nouns']})\s*$", re.IGNORECASE)
"""A clause ending so names the statement that follows: "the claim | that ..."."""
FALSE_TAIL = re.compile(
    rf"\s+(?:{_tail['verbs']})\s+{_tail['adverbs?']}(?:{_tail['verdicts']})\b.*$", re.IGNORECASE | re.DOTALL
)
"""The end of "the claim that X is simply not true"."""
WRONG_SAYER = re.compile(
    rf"\b(?:{_anyone['people']})\s+(?:who\s+)?(?:{_anyone['verbs']})\s+(?:that\s+)?(?P<what>.{{15,}}?)"
    rf"\s+(?:{_anyone['copulas']})\s+{_anyone['adverbs?']}(?:{_anyone['verdicts']}|(?:{_anyone['fooling']})\s+\w+)\b",
    re.IGNORECASE,
)
""""Anyone who says X is not looking at the data", "those who claim X are wrong": X called false."""

_told = frozenset(listed("contradict-clauses", "statement frame", "with an addressee"))
STATEMENT_FRAME = re.compile(
    r"^\s*(?:[\w.,'’\-]+\s+){0,10}?(?:"
    + "|".join(
        phrase(verb) + (r"\s+[\w.]+(?:\s+[\w.]+)?" if verb in _told else "")
        for verb in listed("contradict-clauses", "statement frame", "verbs")
    )
    + r")\s+(?:that\s+)?",
    re.IGNORECASE,
)
"""The reporting frame a clause may start with ("A ministry spokesman said", "the coast guard told reporters")."""

EMPHATIC = re.compile(rf",?\s*\b(?:{alternatives(entries('contradict-emphasis'))})\b", re.IGNORECASE)
"""Emphasis left out of a short statement ("plain and simple", "full stop")."""
FIRST_PERSON = words("contradict-first-person")
FIRST_PERSON_TEXT = re.compile(
    r"\bI\b|\b(?:"
    + "|".join(f"[{w[0].upper()}{w[0]}]{re.escape(w[1:])}" for w in entries("contradict-first-person") if w != "i")
    + r")\b"
)
"""A first-person pronoun in running text ("I" only capitalised)."""


@dataclass(frozen=True, slots=True)
class Statement:
    """A clause of a claim, as the statements in other words compare it."""

    item: Item
    text: str
    negated: bool
    words: frozenset[str]  # content words, and ``when:`` years and months
    names: frozenset[str]  # capitalised words
    every: frozenset[str]  # every word
    rebuts: bool  # the claim calls this statement false


def _enough(found: frozenset[str]) -> bool:
    return len(plain_words(found)) >= MIN_SHARED_STATEMENT_WORDS


def claim_clauses(item: Item) -> Iterator[Clause]:
    """The clauses of a claim: (text, negated, content words with ``when:`` dates, names, rebuts). A clause
    that the claim calls false ("it is false that X", "the claim that X is simply not true", "anyone who
    says X is wrong") is X, negated, with ``rebuts`` set."""
    text, at = item.claim.text, 0
    parts: list[str] = []
    called_false: set[int] = set()
    for m in WRONG_SAYER.finditer(text):
        parts.extend(CLAUSES.split(text[at : m.start()]))
        called_false.add(len(parts))
        parts.append(m.group("what"))
        at = m.end()
    parts.extend(CLAUSES.split(text[at:]))
    for index, clause in enumerate(parts):
        before = parts[index - 1].strip() if index else ""
        rebuts = index in called_false
        if rebuts:
            pass
        elif FALSE_LEAD.search(before):
            rebuts = True
        elif CLAIM_NOUN.search(before) and (tail := FALSE_TAIL.search(clause)):
            clause, rebuts = clause[: tail.start()], True
        frame = STATEMENT_FRAME.match(clause)
        if frame and not NEGATION.search(frame.group(0)) and len(clause) - frame.end() >= 15:
            clause = clause[frame.end() :]  # "He said the sharp drop began ...": the attribution is not the statement
        if len(clause) < 15 or "?" in clause:
            continue
        clause = MISS.sub("not meet", clause)  # "would miss the target" denies "will meet the target"
        denied = bool(DENIAL.search(clause)) != bool(DENIAL_LEAD.search(before))
        negated = (bool(NEGATION.search(clause)) != denied) != rebuts
        plain = DENIAL.sub(" ", NEGATION.sub(" ", clause))
        found = number_words(plain, None)
        if _enough(found):
            shown = re.sub(r"^(?:and|but|yet|so|or)\s+(?=\w)", "", clause.strip(" ,"), flags=re.IGNORECASE)
            shown = item.claim.text if rebuts else shown[:1].upper() + shown[1:]  # the rebuttal as it is worded
            yield shown, negated, found, names_in(plain), rebuts


def clauses_of(item: Item, ctx: Context) -> tuple[Clause, ...]:
    """:func:`claim_clauses` of a claim, worked out once."""
    found = ctx.statements.get(item.order)
    if found is None:
        found = ctx.statements[item.order] = tuple(claim_clauses(item))
    return found


_RELATIVE = re.compile(
    r"(?:^|[,;:.(]\s*(?:and\s+|but\s+)?)(?P<ante>[^,;:.()]{8,}?),\s+which\s+(?P<rel>[^,;:()]{8,}?)(?=[,;:()]|\.\s|\.?$)"
)


def relative_clauses(item: Item) -> Iterator[Clause]:
    """"the pipeline, which was damaged in November 2023, did not return ...": the relative clause with
    what it tells of ("the pipeline was damaged in November 2023"), as :func:`claim_clauses` gives clauses
    (the relative clause alone does not say what was damaged)."""
    for m in _RELATIVE.finditer(item.claim.text):
        text = f"{m.group('ante').strip()} {m.group('rel').strip()}"
        negated = bool(NEGATION.search(text))
        plain = NEGATION.sub(" ", text)
        found = number_words(plain, None)
        if _enough(found):
            yield text[:1].upper() + text[1:], negated, found, names_in(plain), False


def statement(item: Item, clause: Clause) -> Statement:
    """A clause of ``item`` as a :class:`Statement` (every word of it added)."""
    text, negated, found, names, rebuts = clause
    return Statement(item, text, negated, found, names, every_word(text) | found, rebuts)

