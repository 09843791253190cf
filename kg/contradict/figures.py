"""figures: what a number in a claim is said of. Its clause, the words and names before and around it,
and the approximation or bound just before it ("about", "more than").

>>> QUALIFIERS["more than"], sorted(LOWER_BOUND)[:2]
('lower', ['at least', 'in excess of'])
"""

from __future__ import annotations

import re

from kg.contradict.context import Item
from kg.contradict.words import NOT_NAMES, alternatives, listed
from kg.lexicon import table
from kg.models import Quantity

__all__ = [
    "CLAUSE_BREAK",
    "LOWER_BOUND",
    "QUALIFIERS",
    "UPPER_BOUND",
    "actors_in_clause",
    "around",
    "clause_subjects",
    "number_clause",
    "number_said",
    "qualifier",
]

QUALIFIERS = table("contradict-qualifiers")
"""Words just before a number that qualify it -> approximate, lower (bound) or upper (bound)."""
LOWER_BOUND = frozenset(w for w, kind in QUALIFIERS.items() if kind == "lower")
UPPER_BOUND = frozenset(w for w, kind in QUALIFIERS.items() if kind == "upper")
_APPROX = re.compile(rf"\b(?:{alternatives(QUALIFIERS)})\s*$", re.IGNORECASE)

CLAUSE_BREAK = re.compile(
    rf"[;:()\u2014\u2013]|,\s|\b(?:{alternatives(listed('contradict-clauses', 'number clause', 'words'))})\b"
    r"|[.!?](?:\s|$)"
)
"""Where the clause of a number ends."""
_NUMBER_JOIN = re.compile(rf"\b(?:{alternatives(listed('contradict-clauses', 'number joins', 'words'))})\s")
_FRAME = re.compile(
    rf"^.*\b(?:{alternatives(listed('contradict-clauses', 'figure frame', 'verbs'))})\b(?:\s+that\b)?",
    re.IGNORECASE | re.DOTALL,
)
"""The reporting frame heading a number's clause ("X said about 95 people"): its claimant, not what is
counted."""
_CAPITALISED = re.compile(r"(?<![\w.])([A-Z][a-z]{2,})\b")


def _bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """Where the clause of ``text`` around ``text[start:end]`` begins and ends."""
    before = [m.end() for m in CLAUSE_BREAK.finditer(text, 0, start)]
    after = CLAUSE_BREAK.search(text, end)
    return (before[-1] if before else 0), (after.start() if after else len(text))


def _within(item: Item, q: Quantity) -> tuple[int, int]:
    """Where ``q`` is in the claim's text."""
    return q.span.start - item.claim.span.start, q.span.end - item.claim.span.start


def around(item: Item, q: Quantity) -> str:
    """The number as the claim words it, with up to three words of its clause either side ("about 4,500
    troops had been moved")."""
    text = item.claim.span.text
    start, end = _within(item, q)
    lo, hi = _bounds(text, start, end)
    before = re.findall(r"\S+", text[lo:start])[-3:]
    after = re.findall(r"\S+", text[end:hi])[:3]
    return re.sub(r"\s+", " ", " ".join([*before, text[start:end], *after])).strip(" ,;:.")


def qualifier(item: Item, q: Quantity) -> str:
    """The approximator or bound just before the number ("about", "more than"), lower-cased, or ""."""
    start = q.span.start - item.claim.span.start
    before = item.claim.span.text[max(0, start - 25) : max(0, start)]
    m = _APPROX.search(before)
    return re.sub(r"\s+", " ", m.group(0).strip().lower()) if m else ""


def clause_subjects(item: Item, q: Quantity) -> frozenset[str]:
    """What a number is about: the actors named in its clause ("4,500 troops of country A" -> its key) and
    the places the clause names that are not actors ("to the border region" -> place:<name>). Two numbers
    are compared only when these agree, so troops sent to one place are not set against troops sent
    elsewhere."""
    text, base = item.claim.span.text, item.claim.span.start
    lo, hi = _bounds(text, *_within(item, q))
    keys = {key for s, e, key in item.mentions if lo <= s - base and e - base <= hi} - {item.claim.claimant}
    masked = list(text[lo:hi])
    for s, e, _ in item.mentions:
        for i in range(max(lo, s - base), min(hi, e - base)):
            masked[i - lo] = " "
    clause = "".join(masked)
    found = _CAPITALISED.findall(clause[1:] if lo == 0 else clause)
    return frozenset(keys | {f"place:{w.lower()}" for w in found if w not in NOT_NAMES})


def number_clause(item: Item, q: Quantity) -> tuple[str, int]:
    """The clause of the claim holding ``q`` (text and its start within the claim)."""
    text = item.claim.span.text
    lo, hi = _bounds(text, *_within(item, q))
    return text[lo:hi], lo


def number_said(item: Item, q: Quantity) -> str:
    """What the number is said of: its clause's words before the clause's first number (the subject and
    verb) and its own part of a list of numbers ("98% of one metal and 60% of another": the other goes
    with 60% only), the number itself left out; "" for a poll's margin of error."""
    clause, lo = number_clause(item, q)
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
    head = head[frame.end() :] if frame else head  # "X said about 95 people": the claimant, not the figure
    return head + " " + clause[max(part_start, head_end) : start] + " " + clause[end:part_end]


def actors_in_clause(item: Item, q: Quantity) -> frozenset[str]:
    """The actors named in the number's clause, its claimant excepted."""
    clause, lo = number_clause(item, q)
    start = item.claim.span.start + lo
    return frozenset(k for s, e, k in item.mentions if start <= s and e <= start + len(clause)) - {
        item.claim.claimant or ""
    }
