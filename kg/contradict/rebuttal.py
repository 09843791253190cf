"""rebuttal: a claim that rejects what another party said, and a claim that answers the one right before it.

A rejection of someone's account by its holder ("called the ministry's version of events lies") is set
against the first claim that holder made earlier in the same article (:func:`account_candidates`). An
explicit rebuttal ("called X's claim nonsense", "dismissed a report from country A") is set against
the claims of its target X and of X's office holders, looked up by (X, relation), (X, article) and (X,
pair of topics); a rebuttal naming what it rejects ("dismissed a report that troops had massed near the
border") also against any claim of or about X that words it. An answer ("The record suggests
otherwise", "That is not true") names no target: it answers the claim right before it (the next
sentence of the same article), said by someone else.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterator, Sequence
from itertools import combinations, pairwise

from kg.contradict.context import Context, Item
from kg.contradict.pairing import MAX_BLOCK, Candidate, confidence
from kg.contradict.wording import and_, relation_text, speaker, surface
from kg.contradict.words import number_words, plain_words, slots, when_words

__all__ = [
    "ACCOUNT",
    "ANSWER",
    "ANSWER_GAP",
    "MIN_REJECTED_WORDS",
    "REJECTED",
    "account_candidates",
    "answer_candidates",
    "rebuttal_candidates",
]

MIN_REJECTED_WORDS = 3
"""A rejected report ("dismissed a report that troops had massed near the border") is the target's claim
that shares at least this many of its content words, and half of them."""
ANSWER_GAP = 3
"""An answer follows the claim it answers within this many characters (the next sentence)."""

REJECTED = re.compile(
    rf"\b(?:{slots('contradict-called-false', 'a report that')['nouns']})\s+that\s+(?P<what>[^;:.!?]{{15,}})",
    re.IGNORECASE,
)
"""What a rebuttal rejects, when it names it: "dismissed a report that X"."""

_opening = slots("contradict-answer")
_otherwise = slots("contradict-answer", "the record says otherwise")
_false = slots("contradict-answer", "that is false")
_claim = slots("contradict-answer", "the claim is false")
ANSWER = re.compile(
    rf"^\W*{_opening['openers?']}(?:"
    rf"(?:{_otherwise['determiners']})\s+(?:[\w\-]+\s+){{0,2}}(?:{_otherwise['verbs']})\s+(?:{_otherwise['verdicts']})|"
    rf"(?:{_false['subjects']})\s+(?:{_false['verbs']})\s+{_false['adverbs?']}(?:{_false['verdicts']})|"
    rf"(?:{_claim['determiners']})\s+(?:[\w\-]+\s+)?(?:{_claim['nouns']})\s+(?:{_claim['verbs']})\s+"
    rf"{_claim['adverbs?']}(?:{_claim['verdicts']}))\b",
    re.IGNORECASE,
)
"""How a claim opens when it answers the claim right before it: "The record suggests otherwise", "That is
not true", "The claim is baseless"."""


_account = slots("contradict-account")
ACCOUNT = re.compile(
    rf"\b(?:(?:{_account['rejecting']})|(?P<calls>{_account['calling']}))\s+(?:the\s+)?"
    rf"(?P<holder>(?:[\w\-]+\s+){{0,3}}?[\w\-]+)['’]s?\s+(?:[\w\-]+\s+)?(?:{_account['nouns']})\b"
    rf"(?P<rest>[^.;]{{0,80}}?\b(?:{_account['verdicts']})\b)?",
    re.IGNORECASE,
)
"""A rejection of a holder's account: "called the government's version of events lies", "rejected the
army's account"; a verb that calls needs its verdict."""


def _account_holder(item: Item) -> str | None:
    """The head word of the holder whose account a claim rejects ("government"), or None."""
    for m in ACCOUNT.finditer(item.claim.text):
        if m.group("calls") and not m.group("rest"):
            continue
        return m.group("holder").split()[-1].lower()
    return None


def account_candidates(items: Sequence[Item], ctx: Context) -> Iterator[Candidate]:
    """A rejection of a holder's account against the first claim of that holder earlier in the article."""
    by_article: dict[str, list[Item]] = defaultdict(list)
    for item in items:
        by_article[item.claim.article_id].append(item)
    for item in items:
        holder = _account_holder(item)
        if holder is None:
            continue
        said = next(
            (
                c
                for c in by_article[item.claim.article_id]
                if c.order < item.order
                and c.voice != item.voice
                and not c.voice.startswith("voice:")
                and holder in c.voice_label.lower().replace("’", "'").split()
            ),
            None,
        )
        if said is None:
            continue
        explain = (
            f"{speaker(item)} {item.says} what {speaker(said)} {said.says} is false (“{item.claim.text}”); "
            f"{speaker(said)} {said.says}: “{said.claim.text}”."
        )
        yield Candidate(
            kind="rebuttal",
            cluster=("rebuttal", ctx.cluster(said)),
            a=said,
            b=item,
            score=sum(said.strength) + sum(item.strength),
            confidence=confidence(0.7, said, item),
            modality=None,
            explain=explain,
            compared="stated vs rejected",
        )


def _rejected_words(r: Item) -> frozenset[str]:
    """The content words (and years, months) of what a rebuttal rejects: the report or claim it names
    ("a report that troops had massed near the border")."""
    m = REJECTED.search(r.claim.text)
    if m is None:
        return frozenset()
    found = number_words(m.group("what"), None)
    return found if len(plain_words(found)) >= MIN_REJECTED_WORDS else frozenset()


def _says_rejected(rejected: frozenset[str], c: Item) -> bool:
    """Whether claim ``c`` says what a rebuttal rejects, in other words: most of its content words, and no
    year or month it does not give."""
    if not rejected:
        return False
    found = number_words(c.claim.text, None)
    plain = plain_words(rejected)
    shared = plain & found
    return len(shared) >= MIN_REJECTED_WORDS and len(shared) >= 0.5 * len(plain) and when_words(rejected) <= found


Key = tuple[str, str, str]


class _Targets:
    """The claims of each rebuttal target, looked up by relation, article, pair of topics, or in full."""

    def __init__(self, items: Sequence[Item], targets: set[str]) -> None:
        self.by_relation: dict[tuple[str, Key], list[Item]] = defaultdict(list)
        self.by_article: dict[tuple[str, str], list[Item]] = defaultdict(list)
        self.by_pair: dict[Key, list[Item]] = defaultdict(list)
        self.by_target: dict[str, list[Item]] = defaultdict(list)
        for item in items:
            if item.claim.claimant is None:
                continue
            # a target's words are its own claims and those of its office holders ("a report from country
            # A" and what A's defence minister said)
            for who in sorted((item.side | item.actors) & targets):
                # what the target said, or said of the target by someone ("A's defence minister said"):
                # such a claim must word what is rejected (_says_rejected)
                if len(self.by_target[who]) < MAX_BLOCK:
                    self.by_target[who].append(item)
            for who in sorted(item.side & targets):
                for rel in item.claim.relations:
                    self.by_relation[(who, (rel.subject, rel.predicate, rel.object))].append(item)
                self.by_article[(who, item.claim.article_id)].append(item)
                for x, y in combinations(sorted(item.topics - {who}), 2):
                    self.by_pair[(who, x, y)].append(item)

    def candidates(self, r: Item, target: str, relations: set[Key], own: frozenset[str], worded: bool) -> list[Item]:
        """The target's claims a rebuttal may answer, each once, in the order found."""
        found: dict[int, Item] = {}
        for rel_key in sorted(relations):
            for c in self.by_relation.get((target, rel_key), ())[:MAX_BLOCK]:
                found[c.order] = c
        for c in self.by_article.get((target, r.claim.article_id), ())[:MAX_BLOCK]:
            found[c.order] = c
        for x, y in combinations(sorted(own), 2):
            for c in self.by_pair.get((target, x, y), ())[:MAX_BLOCK]:
                found[c.order] = c
        if worded:
            for c in self.by_target.get(target, ()):
                found[c.order] = c
        return list(found.values())


def rebuttal_candidates(items: Sequence[Item], ctx: Context) -> Iterator[Candidate]:
    """A rebuttal against the claim of its target that it rejects (the best match)."""
    rebutting = [i for i in items if i.claim.rebuttal is not None]
    lookup = _Targets(items, {i.claim.rebuttal.target for i in rebutting if i.claim.rebuttal is not None})
    for r in rebutting:
        assert r.claim.rebuttal is not None
        target = r.claim.rebuttal.target
        own = r.topics - {target} - r.side
        relations = {(rel.subject, rel.predicate, rel.object) for rel in r.claim.relations}
        rejected = _rejected_words(r)
        best: tuple[tuple[float, ...], Item, list[str]] | None = None
        for c in lookup.candidates(r, target, relations, own, bool(rejected)):
            if c.voice == r.voice or c.party == r.party or c.claim.rebuttal is not None:
                continue
            shared = sorted(own & (c.topics - {target}))
            rel_match = bool(relations & {(x.subject, x.predicate, x.object) for x in c.claim.relations})
            same_article = c.claim.article_id == r.claim.article_id
            worded = _says_rejected(rejected, c)
            if target not in c.side and not worded:
                continue  # a claim about the target, not the target's: only if it says what is rejected
            if not (rel_match or len(shared) >= 2 or (same_article and shared) or worded):
                continue
            score = (
                float(rel_match),
                float(same_article),
                float(len(shared)) + float(worded),
                *c.strength,
                -float(c.order),
            )
            if best is None or score > best[0]:
                best = (score, c, shared)
        if best is None:
            continue
        score, c, _ = best
        text, said = _explain(r, c, target, relations, rejected, ctx)
        shared_relation = sorted(relations & {(x.subject, x.predicate, x.object) for x in c.claim.relations})
        yield Candidate(
            kind="rebuttal",
            cluster=("relation", *shared_relation[0]) if shared_relation else ("rebuttal", ctx.cluster(c)),
            compared="stated vs rejected",
            a=c,
            b=r,
            score=score[0] * 10 + score[2] + sum(r.strength),
            confidence=confidence(0.9, c, r, 1.0 if said else 0.9),
            modality=None,
            explain=text,
        )


def _explain(
    r: Item, c: Item, target: str, relations: set[Key], rejected: frozenset[str], ctx: Context
) -> tuple[str, bool]:
    """The explanation of rebuttal ``r`` of claim ``c``, and whether ``c`` says a relation ``r`` rejects."""
    assert r.claim.rebuttal is not None
    target_label = ctx.labels.get(target, target)
    if c.voice != target:
        target_label = f"{c.voice_label} ({target_label})"
    said = next(
        (
            relation_text(x, c.claim, ctx.labels)
            for x in c.claim.relations
            if (x.subject, x.predicate, x.object) in relations and not x.negated
        ),
        None,
    )
    common = sorted((r.topics & c.topics) - {target})
    about = f" about {and_([ctx.labels.get(k, k) for k in common])}" if common else ""
    what = f"{target_label} says {said}" if said else f"{target_label}'s statement{about}"
    if not said and _says_rejected(rejected, c):
        found = rejected & number_words(c.claim.text, None)
        what = f"{c.voice_label} {c.says} what is rejected ({surface(found, c.claim.text)})"
    text = (
        f"{r.voice_label} rejects what {target_label} said (“{r.claim.rebuttal.cue}”): {what}"
        f"{f' ({c.claim.modality})' if said and c.claim.modality != 'factual' else ''}."
    )
    if said and about:
        text += f" Both claims are{about}."
    return text, said is not None


def answer_candidates(items: Sequence[Item], ctx: Context) -> Iterator[Candidate]:
    """A claim opening with an answer ("The record suggests otherwise") against the claim right before it."""
    for before, item in pairwise(items):  # items are in article order, then by position
        if before.claim.article_id != item.claim.article_id:
            continue
        m = ANSWER.match(item.claim.text)
        if m is None or not 0 <= item.claim.span.start - before.claim.span.end <= ANSWER_GAP:
            continue
        if before.voice == item.voice or before.claim.rebuttal is not None or ANSWER.match(before.claim.text):
            continue
        cue = m.group(0).strip(" :,")
        explain = (
            f"{speaker(item)} answers what {speaker(before)} {before.says} just before "
            f"(“{before.claim.text}”): “{cue}”."
        )
        yield Candidate(
            kind="rebuttal",
            cluster=("rebuttal", ctx.cluster(before)),
            compared="stated vs rejected",
            a=before,
            b=item,
            score=sum(before.strength) + sum(item.strength),
            confidence=confidence(0.7, before, item),
            modality=None,
            explain=explain,
        )
