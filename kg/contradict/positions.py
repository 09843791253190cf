"""positions: two parties taking opposite positions on the same move ("any move to secede from A will be
null and void" / "B joined its allies in recognizing the independence of C from A").

A clause takes a position when it holds a word of ``kg/data/lexicon/contradict-positions.json``: for the
move (recognise, support, welcome) or against it (reject, oppose, condemn, call it illegal or null and
void); a negation just before a word for it ("would never recognize") turns it against, and a clause
holding both ways takes none. The move is what the claim is about: the actors it names (its own party
aside). Two clauses of two parties, neither hedged, take opposite positions on the same move when their
claims are about at least :data:`MIN_SHARED_ACTORS` of the same actors; blocked by those actors and their
rarer words. One finding per move (its actor most named in positions), whoever takes the two positions
(the other pairs folded in).
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from kg.contradict.clauses import NEGATION, clauses_of
from kg.contradict.context import Context, Item, allowed
from kg.contradict.pairing import Budget, Candidate, candidate, confidence, rare_word_pairs
from kg.contradict.wording import speaker, surface
from kg.contradict.words import alternatives, content_word, listed, plain_words, when_words

__all__ = ["MIN_SHARED_ACTORS", "position", "position_candidates"]

MIN_SHARED_ACTORS = 2
"""Two positions are on the same move when the claims are about at least this many of the same actors."""

_FOR = re.compile(rf"\b(?:{alternatives(listed('contradict-positions', 'for'))})\b", re.IGNORECASE)
_AGAINST = re.compile(rf"\b(?:{alternatives(listed('contradict-positions', 'against'))})\b", re.IGNORECASE)
_NEGATED_BEFORE = re.compile(rf"(?:{NEGATION.pattern})(?:\s+\w+){{0,2}}\s*$", re.IGNORECASE)
_RELATIVE_BEFORE = re.compile(r"\b(?:which|who|whose)\b(?:\s+[\w\-]+){0,2}\s*$", re.IGNORECASE)
"""A position inside a relative clause ("the capital, which opposed independence") is its antecedent's, not the
speaker's."""
_POSITION_WORDS = frozenset(
    content_word(w)
    for w in (*listed("contradict-positions", "for"), *listed("contradict-positions", "against"))
    for w in w.split()
)


def position(text: str, before: str = "") -> tuple[str, str] | None:
    """("for" or "against", the cue) of a clause (``before``: the claim's words before it), or None when it
    takes no position, both, or one inside a relative clause ("which opposed independence").

    >>> position("it would never recognize the independence of the region")
    ('against', 'never recognize')
    >>> position("the allies joined in recognizing the independence of the region")
    ('for', 'recognizing')
    >>> position("any move to secede will be null and void")
    ('against', 'null and void')
    >>> position("the capital, which bitterly opposed independence") is None
    True
    >>> position("bitterly opposed independence", before="the capital, which ") is None
    True
    """
    found: set[str] = set()
    cue = ""
    lead = len(before)
    joined = before + text
    if any(_RELATIVE_BEFORE.search(joined, 0, lead + m.start()) for p in (_FOR, _AGAINST) for m in p.finditer(text)):
        return None
    for m in _FOR.finditer(text):
        negation = _NEGATED_BEFORE.search(text, 0, m.start())
        if negation:
            found.add("against")
            cue = f"{negation.group(0).strip()} {m.group(0)}"
        else:
            found.add("for")
            cue = m.group(0)
    for m in _AGAINST.finditer(text):
        found.add("against")
        cue = m.group(0)
    if len(found) != 1:
        return None
    return found.pop(), re.sub(r"\s+", " ", cue)


@dataclass(frozen=True, slots=True)
class _Position:
    item: Item
    text: str
    side: str
    cue: str
    words: frozenset[str]  # what the move is: content words (position words aside), ``when:`` dates
    actors: frozenset[str]  # the actors the claim is about, its own party aside


def _positions(items: Sequence[Item], ctx: Context) -> Iterator[_Position]:
    for item in items:
        if item.claim.modality == "hedged":
            continue
        actors = item.actors - item.side - {item.party}
        if len(actors) < MIN_SHARED_ACTORS:
            continue
        for text, _, found, _, rebuts in clauses_of(item, ctx):
            at = item.claim.text.lower().find(text.lower())  # the clause as shown may start capitalised
            taken = None if rebuts else position(text, item.claim.text[:at] if at > 0 else "")
            if taken is not None:
                side, cue = taken
                yield _Position(item, text, side, cue, frozenset(found - _POSITION_WORDS) | actors, actors)


def _opposed(x: _Position, y: _Position) -> bool:
    return (
        x.side != y.side
        and allowed(x.item, y.item)
        and x.item.party != y.item.party
        and when_words(x.words) == when_words(y.words)
    )


def position_candidates(items: Sequence[Item], ctx: Context) -> Iterator[Candidate]:
    """A party for a move against a party against it."""
    budget = Budget()
    found = list(_positions(items, ctx))
    named: dict[str, int] = defaultdict(int)
    for p in found:
        for actor in p.actors:
            named[actor] += 1
    for x, y, shared in rare_word_pairs(found, lambda p: p.words, _opposed):
        names = x.actors & y.actors
        if len(names) < MIN_SHARED_ACTORS:
            continue
        if not budget.take(x.item.voice, y.item.voice):
            continue
        pro, con = (x, y) if x.side == "for" else (y, x)
        a, b = (x.item, y.item) if x.item.order < y.item.order else (y.item, x.item)
        explain = (
            f"{speaker(pro.item)} {pro.item.says} “{pro.text}” (for: “{pro.cue}”); {speaker(con.item)} "
            f"{con.item.says} “{con.text}” (against: “{con.cue}”): opposite positions on the same move "
            f"({surface(plain_words(shared), con.text)})."
        )
        yield candidate(
            "stance",
            a,
            b,
            ("move", min(names, key=lambda k: (-named[k], k))),  # the move: its most named actor
            confidence(0.55, a, b),
            explain,
            compared="for vs against",
            per_party=False,
        )
