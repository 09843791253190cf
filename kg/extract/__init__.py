"""extract: Article -> Extraction. Rule-based claims, claimants, actors, events and citations.

(Placeholder while the rule-based extractor is written: one authorial claim per sentence.)
"""

from __future__ import annotations

import re

from kg.models import Article, Claim, Extraction, Span

EXTRACTOR_VERSION = "rules-0"


def extract(article: Article) -> Extraction:
    """Extract claims and what they are about from one article (depends on that article only)."""
    claims = []
    for m in re.finditer(r"[^.!?\n]+[.!?]", article.body):
        text = m.group(0).strip()
        if len(text.split()) < 6:
            continue
        start = m.start() + m.group(0).index(text)
        span = Span(start=start, end=start + len(text), text=text)
        claims.append(Claim(article_id=article.id, span=span, text=text, claim_type="authorial",
                            citation_status="uncited"))
    return Extraction(article=article, claims=tuple(claims), extractor=EXTRACTOR_VERSION)
