"""majority: "most" against a minority figure ("the public overwhelmingly supports the tax" / a poll's "38%
support the tax").

A clause saying most (or a majority, or overwhelmingly) do something is set against a percentage below
half for the same verb and object, said by another claimant in the same article, when the figure's
clause names no group the other does not (a figure for one party's voters is not one for the country).
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterator, Sequence

from kg.contradict.clauses import CLAUSES, DENIAL, NEGATION
from kg.contradict.context import Context, Item, allowed
from kg.contradict.figures import LOWER_BOUND, around, number_said, qualifier
from kg.contradict.pairing import MAX_BLOCK, Candidate, candidate, confidence
from kg.contradict.quantities import MIN_SHARED_WORDS
from kg.contradict.wording import number_text, surface
from kg.contradict.words import alternatives, content_word, listed, names_in, number_words, when_words
from kg.lexicon import entries

__all__ = ["MAJORITY_SHARE", "majority_candidates"]

MAJORITY_SHARE = 50.0
_MAJORITY = re.compile(rf"\b(?:{alternatives(entries('contradict-majority'))})\b", re.IGNORECASE)
_MAJORITY_END = re.compile(
    rf"\b(?:{alternatives(listed('contradict-clauses', 'majority ends', 'words'))})\b|[,;:.]", re.IGNORECASE
)
_OPINION_VERBS = frozenset(content_word(w) for w in entries("contradict-opinion-verbs"))
"""What most (or a share) of people do: the figure and the "most" must say the same one."""


def _most(items: Sequence[Item]) -> dict[str, list[tuple[Item, str, frozenset[str], frozenset[str]]]]:
    """Per article, its clauses saying most people do something: (claim, what is said, its words, names)."""
    most: dict[str, list[tuple[Item, str, frozenset[str], frozenset[str]]]] = defaultdict(list)
    for item in items:
        if item.claim.modality != "factual":
            continue
        for clause in CLAUSES.split(item.claim.text):
            m = _MAJORITY.search(clause)
            if m is None or NEGATION.search(clause) or DENIAL.search(clause):
                continue
            end = _MAJORITY_END.search(clause, m.end())
            said = clause[: end.start() if end else len(clause)]
            found = number_words(_MAJORITY.sub(" ", said), None)
            if len(found) >= MIN_SHARED_WORDS and not when_words(found):
                most[item.claim.article_id].append((item, said.strip(), found, names_in(said)))
    return most


def majority_candidates(items: Sequence[Item], ctx: Context) -> Iterator[Candidate]:
    """A minority percentage against a claim, in the same article, that most do the same."""
    most = _most(items)
    if not most:
        return
    for item in items:
        if item.claim.article_id not in most or item.claim.modality != "factual":
            continue
        for q in item.claim.quantities:
            if q.unit != "%" or q.value >= MAJORITY_SHARE or qualifier(item, q) in LOWER_BOUND:
                continue
            said = number_said(item, q)
            found, names = number_words(said, q.unit), names_in(said)
            for other, text, most_words, most_names in most[item.claim.article_id][:MAX_BLOCK]:
                shared = found & most_words
                if not allowed(other, item) or len(shared) < MIN_SHARED_WORDS:
                    continue
                if not found & _OPINION_VERBS or found & _OPINION_VERBS != most_words & _OPINION_VERBS:
                    continue  # "38% oppose" says nothing of how many support
                if when_words(found) or not names <= most_names:
                    continue  # another year, or a group the other does not speak of
                a, b = (other, item) if other.order < item.order else (item, other)
                explain = (
                    f"{other.voice_label} {other.says} “{text}”; {item.voice_label} {item.says} “{around(item, q)}”: "
                    f"{number_text(q)} is not most ({surface(shared, item.claim.text)})."
                )
                yield candidate(
                    "value",
                    a,
                    b,
                    ("majority", *sorted(shared)),
                    confidence(0.6, a, b, 0.9),
                    explain,
                    compared=f"most vs {number_text(q)}",
                )
