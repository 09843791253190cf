"""citing: the sources each draft cites — what its sentence cites within or after it, a speaker's citation
carried back over the same speaker's earlier claims in the paragraph, and the citation of a document
named again ("The report also said ...")."""

from __future__ import annotations

import re

from kg.extract.attribution import BARE_DOCUMENT
from kg.extract.claims.draft import Draft


def attach_cites(drafts: list[Draft], cites_by_sentence: dict[int, list[tuple[str, int]]]) -> None:
    """Set each draft's ``cites`` from ``cites_by_sentence`` (sentence index -> (source key, where it is
    cited)) and the drafts' own ``extra_cites``."""
    for d in drafts:
        # a clause cites what is cited within or after it, not a marker in an earlier clause of its sentence
        # ("prices nearly doubled,[6] and several makers reported ...": [6] is the prices')
        cited = [key for key, at in cites_by_sentence.get(d.sentence.index, []) if at >= d.sentence.start]
        d.cites = list(dict.fromkeys(cited)) + d.extra_cites
    by_block: dict[int, list[Draft]] = {}
    for d in drafts:
        by_block.setdefault(d.sentence.block.index, []).append(d)
    for block_drafts in by_block.values():
        carried: list[str] = []
        carrier: str | None = None
        for d in reversed(block_drafts):
            if d.cites:
                if d.claimant is not None and not d.vague and d.claim_type in ("quote", "reported"):
                    carried, carrier = d.cites, d.claimant
                else:
                    carried, carrier = [], None
                continue
            if carried and d.claimant == carrier and d.claim_type in ("quote", "reported"):
                d.cites = list(carried)
            else:
                carried, carrier = [], None
    # "X said in its annual report[1] ... The report also said ...": the same document, so the same citation
    for i, d in enumerate(drafts):
        if d.cites or d.claimant is None or not re.match(r"\s*" + BARE_DOCUMENT + r"\b", d.sentence.text):
            continue
        for e in reversed(drafts[:i]):
            if d.sentence.index - e.sentence.index > 2:
                break
            if e.claimant == d.claimant and e.cites:
                d.cites = list(e.cites)
                break
