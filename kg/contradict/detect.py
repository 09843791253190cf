"""detect: Corpus -> [Contradiction]. Runs the detectors in order and keeps one edge per disagreement.

Each detector (:data:`DETECTORS`) yields candidates between two claims. One disagreement gives one edge:
per proposition disagreed on (for stances, per proposition and pair of parties), whatever the kind that
found it and however many articles repeat it, only the strongest pair of claims is kept (the pair that
shows the disagreement most directly, then: a direct quote beats reported speech beats the article's
narration; a cited claim beats an uncited one). The explanation names the other claimants of the same
party and counts the other pairs folded in. One pair of claims gets one contradiction, of the first kind
that applies (rebuttal, polarity, value, evaluation, stance).
"""

from __future__ import annotations

import logging
from collections import defaultdict
from collections.abc import Callable, Iterator, Sequence
from dataclasses import replace

from kg.contradict.causes import causes_candidates
from kg.contradict.context import Context, Item, gather
from kg.contradict.dates import date_candidates, happening_candidates
from kg.contradict.evaluation import evaluation_candidates
from kg.contradict.majority import majority_candidates
from kg.contradict.pairing import Candidate
from kg.contradict.polarity import relation_candidates, short_statement_candidates
from kg.contradict.positions import position_candidates
from kg.contradict.quantities import figure_candidates, quantity_candidates
from kg.contradict.rebuttal import account_candidates, answer_candidates, rebuttal_candidates
from kg.contradict.restated import restated_candidates
from kg.contradict.stance import stance_candidates
from kg.contradict.wording import same_side_note
from kg.models import Contradiction, ContradictionKind, Corpus

__all__ = ["DETECTORS", "KIND_ORDER", "find_contradictions"]

logger = logging.getLogger(__name__)

Detector = Callable[[Sequence[Item], Context], Iterator[Candidate]]

DETECTORS: tuple[Detector, ...] = (
    rebuttal_candidates,
    answer_candidates,
    account_candidates,
    relation_candidates,
    restated_candidates,
    causes_candidates,
    short_statement_candidates,
    date_candidates,
    happening_candidates,
    quantity_candidates,
    figure_candidates,
    majority_candidates,
    evaluation_candidates,
    stance_candidates,
    position_candidates,
)
"""The detectors, in the order their candidates are gathered."""

KIND_ORDER: dict[ContradictionKind, int] = {"rebuttal": 0, "polarity": 1, "value": 2, "evaluation": 3, "stance": 4}
"""Contradictions are listed by kind in this order; a pair of claims gets the first kind that applies."""


def _rank(c: Candidate) -> tuple[float, float, float, int, int]:
    return c.direct, c.score, c.confidence, -c.a.order, -c.b.order


def _pair(c: Candidate) -> tuple[int, int]:
    return min(c.a.order, c.b.order), max(c.a.order, c.b.order)


MAX_PAIRS = 12
"""At most this many other pairs of claims of one finding are linked by ``kg:contradicts`` (the strongest;
copies of one claim in other articles count once)."""


def _linked(kept: Candidate, folded: Sequence[Candidate], ctx: Context) -> tuple[tuple[str, str], ...]:
    """The other pairs of claims of a finding that ``kg:contradicts`` links: one per pair of claim clusters
    (copies of a claim count once), the strongest first, at most MAX_PAIRS, in corpus order."""
    seen = {tuple(sorted((ctx.cluster(kept.a), ctx.cluster(kept.b))))}
    out: list[tuple[int, int, str, str]] = []
    for c in sorted(folded, key=_rank, reverse=True):
        key = tuple(sorted((ctx.cluster(c.a), ctx.cluster(c.b))))
        if key in seen or len(out) >= MAX_PAIRS:
            continue
        seen.add(key)
        a, b = (c.a, c.b) if c.a.order < c.b.order else (c.b, c.a)
        out.append((a.order, b.order, a.uid, b.uid))
    return tuple((a, b) for _, _, a, b in sorted(out))


def _others_note(kept: Candidate, folded: Sequence[Candidate]) -> tuple[int, str]:
    """How many other pairs of claims a finding folds in, and the sentence that says so."""
    pairs = {_pair(c) for c in folded} - {_pair(kept)}
    if not pairs:
        return 0, ""
    articles = {item.claim.article_id for c in folded for item in (c.a, c.b)}
    n = len(pairs)
    pairs_text = f"{n} other pair{'s' if n != 1 else ''} of claims"
    where = f"{len(articles)} article{'s' if len(articles) != 1 else ''} in all"
    return n, f" {pairs_text} ({where}) {'say' if n != 1 else 'says'} the same."


def find_contradictions(corpus: Corpus) -> list[Contradiction]:
    """Contradictions between the corpus's claims, one per disagreement, in a fixed order.

    Args:
        corpus: the resolved corpus.

    Returns:
        Contradictions sorted by kind (rebuttal, polarity, value, stance), then by the uids of their
        claims; ``claim_a`` is the earlier of the two in corpus order.
    """
    items, ctx = gather(corpus)
    best: dict[tuple[str, ...], Candidate] = {}
    members: dict[tuple[str, ...], list[Candidate]] = defaultdict(list)
    for detector in DETECTORS:
        for found in detector(items, ctx):
            members[found.cluster].append(found)
            kept = best.get(found.cluster)
            if kept is None or _rank(found) > _rank(kept):
                best[found.cluster] = found
    for cluster, kept in list(best.items()):
        # the kept pair of claims, found by several kinds, is told as the first kind that applies
        same = [c for c in members[cluster] if _pair(c) == _pair(kept)]
        best[cluster] = min(same, key=lambda c: (KIND_ORDER[c.kind], tuple(-x for x in _rank(c))))
    others: dict[tuple[str, ...], int] = {}
    for cluster, kept in best.items():
        note = same_side_note(kept.a, kept.b, (item for c in members[cluster] for item in (c.a, c.b)))
        others[cluster], counted = _others_note(kept, members[cluster])
        if note or counted:
            best[cluster] = replace(kept, explain=kept.explain + note + counted)
    by_pair: dict[tuple[int, int], Candidate] = {}
    for found in sorted(best.values(), key=lambda c: (KIND_ORDER[c.kind], -c.confidence, c.cluster)):
        by_pair.setdefault(_pair(found), found)
    ordered = sorted(
        by_pair.values(), key=lambda c: (KIND_ORDER[c.kind], min(c.a.order, c.b.order), max(c.a.order, c.b.order))
    )
    out: list[Contradiction] = []
    kept_pairs = {_pair(c) for c in ordered}
    for c in ordered:
        a, b = (c.a, c.b) if c.a.order < c.b.order else (c.b, c.a)
        out.append(
            Contradiction(
                kind=c.kind,
                claim_a=a.uid,
                claim_b=b.uid,
                explanation=c.explain,
                confidence=c.confidence,
                modality=c.modality,
                compared=c.compared or None,
                others=others[c.cluster],
                pairs=_linked(c, [m for m in members[c.cluster] if _pair(m) not in kept_pairs], ctx),
            )
        )
    logger.info("analyse: %d claims, %d contradictions", len(items), len(out))
    return out
