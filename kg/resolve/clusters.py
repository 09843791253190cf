"""clusters: the same claim made in several articles, grouped.

Two claims are the same claim when their wording is the same once case, punctuation, quotation marks
and footnote markers are set aside (:func:`signature`), or when they hold the same content words, at
least :data:`MIN_CONTENT_WORDS` of them, numbers included (:func:`content_signature`: "officials said
on Monday that 40 people died" and "40 people died, officials said on Monday"). A cluster spans at
least two articles; it counts the articles that assert the claim and those of them that cite a source
for it. The key comes from the wording of the first member, so the same claim keeps its key as the
corpus grows.

>>> signature("“Troops crossed the border,” he said.[3]")
'troops crossed the border he said'
>>> content_signature("Forty troops crossed the border at night") == content_signature(
...     "At night forty troops crossed the border")
True
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable

from kg.iris import mint
from kg.lexicon import words
from kg.models import Claim, ClaimCluster, Extraction

__all__ = ["MIN_CONTENT_WORDS", "cluster_claims", "content_signature", "signature"]

MIN_CONTENT_WORDS = 5
"""Claims are grouped by their content words alone when they have at least this many (fewer say too little
to tell two claims apart)."""

_FOOTNOTE = re.compile(r"\[\d+\]")
_WORD = re.compile(r"[^\W_]+(?:[.,'’][^\W_]+)*")
_FUNCTION_WORDS = words("contradict-function-words")


def signature(text: str) -> str:
    """The wording of a claim with case, punctuation, quotation marks and footnote markers set aside."""
    plain = _FOOTNOTE.sub(" ", text).replace("’", "'").lower()
    return " ".join(w.replace(",", "") for w in _WORD.findall(plain))


def content_signature(text: str) -> tuple[str, ...] | None:
    """The sorted content words of a claim (numbers kept), or None when it has fewer than
    :data:`MIN_CONTENT_WORDS`."""
    found = sorted({w for w in signature(text).split() if w not in _FUNCTION_WORDS and (len(w) > 2 or w.isdigit())})
    return tuple(found) if len(found) >= MIN_CONTENT_WORDS else None


def _cites(claim: Claim) -> bool:
    return claim.citation_status == "cited"


def cluster_claims(extractions: Iterable[Extraction]) -> tuple[ClaimCluster, ...]:
    """The claim clusters of a corpus, ordered by key; members in corpus order (article id, then position)."""
    claims = [
        claim
        for extraction in sorted(extractions, key=lambda x: x.article.id)
        for claim in sorted(extraction.claims, key=lambda c: (c.span.start, c.span.end))
    ]
    parent = list(range(len(claims)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    first: dict[object, int] = {}
    for i, claim in enumerate(claims):
        for key in (("text", signature(claim.text)), ("words", content_signature(claim.text))):
            if key[1] is None or key[1] == "":
                continue
            j = first.setdefault(key, i)
            if j != i:
                a, b = find(i), find(j)
                parent[max(a, b)] = min(a, b)
    groups: dict[int, list[int]] = defaultdict(list)
    for i in range(len(claims)):
        groups[find(i)].append(i)
    out: list[ClaimCluster] = []
    for members in groups.values():
        found = [claims[i] for i in members]
        articles = {c.article_id for c in found}
        if len(articles) < 2:
            continue
        citing = {c.article_id for c in found if _cites(c)}
        out.append(
            ClaimCluster(
                key=mint("claim-cluster", signature(found[0].text)),
                claims=tuple(c.uid for c in found),
                articles=len(articles),
                citing=len(citing),
                text=found[0].text,
            )
        )
    return tuple(sorted(out, key=lambda c: c.key))
