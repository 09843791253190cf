"""positions: two parties taking opposite positions on the same move ("any move to secede from A will be
null and void" / "B joined its allies in recognizing the independence of C from A").

A clause takes a position when it holds a word of ``kg/data/lexicon/contradict-positions.json``: for the
move (recognise, support, welcome) or against it (reject, oppose, condemn, call it illegal or null and
void); a negation just before a word for it ("would never recognize") turns it against, and a clause
holding both ways takes none. What a position is on is the words after its verb
("recognizing the independence of C from A"), or before a word said of it ("C's declaration is illegal").
Two clauses of two parties, neither hedged, take opposite positions on the same move when what they are
on shares at least :data:`MIN_TARGET_WORDS` content words and their claims are about at least
:data:`MIN_SHARED_ACTORS` of the same actors (their own parties aside); blocked by those words. One
finding per move (the first of the actors both claims are about), whoever takes the two positions (the
other pairs folded in).
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from kg.contradict.clauses import NEGATION, clauses_of
from kg.contradict.context import Context, Item, allowed
from kg.contradict.pairing import Budget, Candidate, candidate, confidence, rare_word_pairs
from kg.contradict.wording import speaker, surface
from kg.contradict.words import alternatives, content_word, listed, number_words, plain_words, when_words

__all__ = ["MIN_SHARED_ACTORS", "position", "position_candidates"]

MIN_SHARED_ACTORS = 2
"""Two positions are on the same move when the claims are about at least this many of the same actors."""
MIN_TARGET_WORDS = 2
"""... and what the two positions are on shares at least this many content words."""

_FOR = re.compile(rf"\b(?:{alternatives(listed('contradict-positions', 'for'))})\b", re.IGNORECASE)
_AGAINST = re.compile(
    rf"\b(?:{alternatives(listed('contradict-positions', 'against'))})\b|"
    rf"\b(?P<said_of>{alternatives(listed('contradict-positions', 'against, said of what comes before'))})\b",
    re.IGNORECASE,
)
TARGET_WORDS = 8
"""What a position is on: at most this many words after its verb, or before a word said of it."""
_NEGATED_BEFORE = re.compile(rf"(?:{NEGATION.pattern})(?:\s+\w+){{0,2}}\s*$", re.IGNORECASE)
_RELATIVE_BEFORE = re.compile(r"\b(?:which|who|whose)\b(?:\s+[\w\-]+){0,2}\s*$", re.IGNORECASE)
"""A position inside a relative clause ("the capital, which opposed independence") is its antecedent's, not the
speaker's."""
_POSITION_WORDS = frozenset(
    content_word(w)
    for w in (
        *listed("contradict-positions", "for"),
        *listed("contradict-positions", "against"),
        *listed("contradict-positions", "against, said of what comes before"),
    )
    for w in w.split()
)


def position(text: str, before: str = "") -> tuple[str, str, str] | None:
    """("for" or "against", the cue, what it is on) of a clause (``before``: the claim's words before it), or
    None when it takes no position, both, or one inside a relative clause ("which opposed independence").

    >>> position("it would never recognize the independence of the region")
    ('against', 'never recognize', 'the independence of the region')
    >>> position("the allies joined in recognizing the independence of the region")
    ('for', 'recognizing', 'the independence of the region')
    >>> position("any move to secede will be null and void")
    ('against', 'null and void', 'any move to secede will be')
    >>> position("the capital, which bitterly opposed independence") is None
    True
    >>> position("bitterly opposed independence", before="the capital, which ") is None
    True
    """
    found: set[str] = set()
    cue, target = "", ""
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
        target = " ".join(text[m.end() :].split()[:TARGET_WORDS])
    for m in _AGAINST.finditer(text):
        found.add("against")
        cue = m.group(0)
        words = (
            text[: m.start()].split()[-TARGET_WORDS:] if m.group("said_of") else text[m.end() :].split()[:TARGET_WORDS]
        )
        target = " ".join(words)
    if len(found) != 1:
        return None
    return found.pop(), re.sub(r"\s+", " ", cue), target.strip(" ,.;:")


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
        for text, _, _, _, rebuts in clauses_of(item, ctx):
            at = item.claim.text.lower().find(text.lower())  # the clause as shown may start capitalised
            taken = None if rebuts else position(text, item.claim.text[:at] if at > 0 else "")
            if taken is not None:
                side, cue, target = taken
                on = number_words(target, None) - _POSITION_WORDS
                if len(plain_words(on)) >= MIN_TARGET_WORDS:
                    yield _Position(item, text, side, cue, on, actors)


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
    for x, y, shared in rare_word_pairs(found, lambda p: p.words, _opposed):
        names = x.actors & y.actors
        if len(names) < MIN_SHARED_ACTORS or len(plain_words(shared)) < MIN_TARGET_WORDS:
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
            ("move", min(names)),  # the move, by the first of its actors: the same whatever else the corpus holds
            confidence(0.55, a, b),
            explain,
            compared="for vs against",
            per_party=False,
        )
