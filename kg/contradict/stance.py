"""stance: one named claimant for something between two actors, another against it.

Stances are blocked by (issue, pair of actors) over the actors a claim is about plus the organisations
its speaker holds office in (the head of an alliance speaks for the alliance). They need two different
*named* claimants (no unnamed groups, no article voice), both quoted or reported, whose claims share at
least two actors.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator, Sequence
from itertools import combinations

from kg.contradict.context import Context, Item, allowed
from kg.contradict.pairing import Candidate, candidate, confidence, counterparts, voices
from kg.contradict.wording import issue_text, modality_note, others
from kg.models import Stance

__all__ = ["stance_candidates"]


def stance_candidates(items: Sequence[Item], ctx: Context) -> Iterator[Candidate]:
    """A stance for an issue between two actors against a stance against it."""
    block: dict[tuple[str, str, str], list[tuple[Item, Stance]]] = defaultdict(list)
    for item in items:
        if not item.named or item.claim.claim_type not in ("quote", "reported"):
            continue
        involved = sorted(item.actors | (item.side - {item.voice}))
        for stance in item.claim.stances:
            for x, y in combinations(involved, 2):
                block[(stance.issue, x, y)].append((item, stance))
    for key in sorted(block):
        entries = block[key]
        pro = voices(e for e in entries if e[1].position == "for")
        con = voices(e for e in entries if e[1].position == "against")
        if not pro or not con:
            continue
        issue, x, y = key
        for said_for, said_against in counterparts(pro, con, allowed):
            (a, sa), (b, sb) = said_for.first, said_against.first
            between = f"between {ctx.labels.get(x, x)} and {ctx.labels.get(y, y)}"
            text = (
                f"{a.voice_label} is for {issue_text(issue)} {between} (“{sa.cue}”); "
                f"{b.voice_label} is against (“{sb.cue}”)."
                + others(said_for.count - 1, a.voice_label)
                + others(said_against.count - 1, b.voice_label)
            )
            if b.order < a.order:
                a, b = b, a
            yield candidate(
                "stance",
                a,
                b,
                (issue,),
                confidence(0.7, a, b),
                text,
                modality_note(a.claim, b.claim),
                compared="for vs against",
            )
