"""Contradictions on a large corpus of recurring real paragraphs: copies must not multiply findings.

The committed real articles (the seeds in corpus/, tests/data/real/contradictions and tests/data/real/develop)
are extracted once each. Then ``n`` articles are made from them: each copies one source article, keeping
each of its paragraphs with probability ``keep`` (the first always), so the same sentences recur across
thousands of articles. A copy's claims, mentions and citations are its source's, moved to the copy's offsets
(extraction of a paragraph depends on its article, so a copy reads as its source did). The corpus is then
resolved (claim clusters included) and contradictions are found, as ``kg build`` does.

The target: the number of findings on the large corpus stays at the number found on the source articles
(the distinct disagreements there), not a multiple of it.

    python -m benchmarks.recurring           # 10,000 articles
    python -m benchmarks.recurring 2000      # another size

``run(n)`` returns ``{"articles", "claims", "sources", "source_findings", "findings", "clusters", "seconds",
"extra", "lost"}``: ``extra`` lists findings of the large corpus that the sources do not give, ``lost`` the
reverse (each by kind and what was compared, counted).
"""

from __future__ import annotations

import json
import random
import re
import sys
import time
from collections import Counter
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from kg.contradict import find_contradictions
from kg.extract import extract
from kg.ingest.corpus import iter_corpus
from kg.models import Claim, Contradiction, Extraction, Span
from kg.resolve import resolve

__all__ = ["copy_extraction", "run"]

ROOT = Path(__file__).resolve().parent.parent
SOURCES = (ROOT / "corpus", ROOT / "tests/data/real/contradictions/corpus", ROOT / "tests/data/real/develop/corpus")


def _paragraphs(body: str) -> list[tuple[int, int]]:
    """Where each paragraph of a body starts and ends."""
    out, at = [], 0
    for m in re.finditer(r"\n\s*\n", body):
        out.append((at, m.start()))
        at = m.end()
    out.append((at, len(body)))
    return [(s, e) for s, e in out if body[s:e].strip()]


def copy_extraction(source: Extraction, article_id: str, kept: list[tuple[int, int]]) -> Extraction:
    """``source`` as an article of the paragraphs ``kept`` (body offsets, in order), named ``article_id``."""
    body = source.article.body
    new_body = "\n\n".join(body[s:e] for s, e in kept)
    shifts: list[tuple[int, int, int]] = []  # (start, end, shift) per kept paragraph
    at = 0
    for s, e in kept:
        shifts.append((s, e, at - s))
        at += e - s + 2

    def moved(span: Span) -> Span | None:
        for s, e, shift in shifts:
            if s <= span.start and span.end <= e:
                return Span(start=span.start + shift, end=span.end + shift, text=span.text)
        return None

    def claim(c: Claim) -> Claim | None:
        span = moved(c.span)
        if span is None:
            return None
        quantities = tuple(q.model_copy(update={"span": moved(q.span)}) for q in c.quantities if moved(q.span))
        return c.model_copy(update={"article_id": article_id, "span": span, "quantities": quantities})

    article = source.article.model_copy(update={"id": article_id, "path": f"{article_id}.txt", "body": new_body})
    claims = tuple(x for x in (claim(c) for c in source.claims) if x is not None)
    mentions = tuple(m.model_copy(update={"span": moved(m.span)}) for m in source.mentions if moved(m.span))
    citations = tuple(c.model_copy(update={"span": moved(c.span)}) for c in source.citations if moved(c.span))
    return source.model_copy(
        update={"article": article, "claims": claims, "mentions": mentions, "citations": citations}
    )


def _signature(found: Iterable[Contradiction]) -> list[str]:
    """Each finding as its kind and what was compared (a copy's finding reads as its source's; which pair of
    claims shows it may differ)."""
    return sorted(f"{c.kind}: {c.compared}" for c in found)


def run(n: int = 10_000, keep: float = 0.8, seed: int = 7) -> dict[str, Any]:
    """Build the corpus of ``n`` copies and compare its findings with the sources' (see the module docstring)."""
    sources = [extract(a) for folder in SOURCES for a in iter_corpus(folder)]
    source_corpus = resolve(sources)
    source_found = find_contradictions(source_corpus)
    rng = random.Random(seed)
    copies = []
    for i in range(n):
        src = sources[rng.randrange(len(sources))]
        paragraphs = _paragraphs(src.article.body)
        kept = [p for j, p in enumerate(paragraphs) if j == 0 or rng.random() < keep]
        copies.append(copy_extraction(src, f"r{i:05d}", kept))
    t0 = time.perf_counter()
    corpus = resolve(copies)
    found = find_contradictions(corpus)
    seconds = time.perf_counter() - t0
    ours, theirs = _signature(found), _signature(source_found)
    return {
        "articles": n,
        "claims": sum(len(x.claims) for x in copies),
        "sources": len(sources),
        "source_findings": len(source_found),
        "findings": len(found),
        "clusters": len(corpus.clusters),
        "seconds": round(seconds, 1),
        "extra": sorted((Counter(ours) - Counter(theirs)).elements()),
        "lost": sorted((Counter(theirs) - Counter(ours)).elements()),
    }


def main(argv: list[str]) -> int:
    n = int(argv[0]) if argv else 10_000
    result = run(n)
    print(json.dumps(result, indent=1, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
