"""causes: two accounts of how one person died that cannot both hold ("died of a head injury suffered while
trying to duck" / "had a bullet wound to the head").

A clause tells a cause of death or injury when it holds a cue of ``kg/data/lexicon/contradict-causes.json``
("died of", "killed when", "a bullet wound"); its mechanism is the set of classes (gunshot, blast, blunt,
illness) whose words it holds. Two such clauses of two parties, about the same person (a person the claim
is about, else the article's most named person) and in articles on the same people, conflict when their
mechanisms share no class; blocked by person. Negated, hedged and conditional claims are left out ("no
determination was made about whether she was shot" says nothing of the cause).
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterator, Sequence
from itertools import combinations

from kg.contradict.clauses import CLAUSES, NEGATION
from kg.contradict.context import Context, Item, allowed
from kg.contradict.pairing import Budget, Candidate, candidate, confidence
from kg.contradict.wording import and_, speaker
from kg.contradict.words import alternatives, listed
from kg.lexicon import document

__all__ = ["CLASSES", "causes_candidates", "mechanism"]

_CUE = re.compile(rf"\b(?:{alternatives(listed('contradict-causes', 'cues'))})", re.IGNORECASE)
CLASSES: dict[str, re.Pattern[str]] = {
    name: re.compile(rf"\b(?:{alternatives(listed('contradict-causes', 'classes', name))})", re.IGNORECASE)
    for name in document("contradict-causes")["classes"]
}
"""Each class of mechanism and the words that tell it."""


def mechanism(text: str) -> frozenset[str]:
    """The classes of mechanism a sentence telling a cause of death or injury names from its cue on (empty
    when it tells none).

    >>> sorted(mechanism("she died from a bullet wound to the head"))
    ['gunshot']
    >>> sorted(mechanism("killed when the force of a bombing slammed her head into a lever"))
    ['blast', 'blunt']
    >>> sorted(mechanism("she was buried on Friday"))
    []
    """
    cue = _CUE.search(text)
    if cue is None:
        return frozenset()
    return frozenset(name for name, pattern in CLASSES.items() if pattern.search(text, cue.start()))


def _person(item: Item, ctx: Context) -> str | None:
    """The one person a claim is about (its claimant aside), else its article's most named person."""
    people = sorted(k for k in item.actors if ctx.kinds.get(k) == "Person" and k != item.claim.claimant)
    if len(people) == 1:
        return people[0]
    return None if people else ctx.main_person.get(item.claim.article_id)


def causes_candidates(items: Sequence[Item], ctx: Context) -> Iterator[Candidate]:
    """Two parties' accounts of one person's death whose mechanisms share no class."""
    block: dict[str, list[tuple[Item, frozenset[str], str]]] = defaultdict(list)
    for item in items:
        if item.claim.modality in ("hedged", "conditional") or item.claim.polarity == "negated":
            continue
        for clause in CLAUSES.split(item.claim.text):
            if not _CUE.search(clause):
                continue
            found = mechanism(item.claim.text[item.claim.text.index(clause) :])
            if found and not NEGATION.search(clause):
                person = _person(item, ctx)
                if person is not None:
                    block[person].append((item, found, clause.strip(" ,.")))
            break
    budget = Budget()
    for person in sorted(block):
        for (a, ma, ta), (b, mb, tb) in combinations(block[person][:50], 2):
            if ma & mb or not allowed(a, b) or not budget.take(a.voice, b.voice):
                continue
            if b.order < a.order:
                a, ma, ta, b, mb, tb = b, mb, tb, a, ma, ta
            name = ctx.labels.get(person, person)
            explain = (
                f"{speaker(a)} {a.says} “{ta}”; {speaker(b)} {b.says} “{tb}”: two accounts of how {name} died, "
                f"by {and_(sorted(ma))} and by {and_(sorted(mb))}, that share no cause."
            )
            yield candidate(
                "polarity",
                a,
                b,
                ("cause", person, *sorted((" ".join(sorted(ma)), " ".join(sorted(mb))))),
                confidence(0.6, a, b),
                explain,
                compared=f"{' and '.join(sorted(ma))} vs {' and '.join(sorted(mb))}",
            )
