"""Helpers for extractor tests: an Article from a string, and lookups into an Extraction."""

from __future__ import annotations

import hashlib

from kg.extract import extract
from kg.ingest.article import extract_links
from kg.ingest.furniture import clean_lines
from kg.models import Article, Claim, DateValue, Extraction


def article(body: str, *, id: str = "t1", published: str | None = None, authors: tuple[str, ...] = (),
            publisher: str | None = None) -> Article:
    """An Article as ingest would make it from ``body`` (furniture rules and link extraction applied)."""
    result = clean_lines(body, None)
    cleaned, links = extract_links(result.body)
    removed = result.removed
    date = None
    if published:
        precision = {4: "year", 7: "month", 10: "day"}[len(published)]
        date = DateValue(value=published, precision=precision)
    return Article(id=id, path=f"{id}.txt", headline="Test", body=cleaned, links=links, furniture=removed,
                   authors=authors, publisher=publisher or result.publisher, published=date,
                   sha256=hashlib.sha256(body.encode()).hexdigest())


def raw_article(body: str, *, id: str = "t1") -> Article:
    """An Article whose body is ``body`` as it is (no furniture rules, no link extraction)."""
    digest = hashlib.sha256(body.encode()).hexdigest()
    return Article(id=id, path=f"{id}.txt", headline="Test", body=body, sha256=digest)


def run(body: str, *, published: str | None = None) -> Extraction:
    return extract(article(body, published=published))


def claim_with(x: Extraction, fragment: str) -> Claim:
    """The claim whose text holds ``fragment`` (fails the test when there is none)."""
    hits = [c for c in x.claims if fragment in c.text]
    assert hits, f"no claim holds {fragment!r}; claims: {[c.text for c in x.claims]}"
    return hits[0]


def has_claim(x: Extraction, fragment: str) -> bool:
    return any(fragment in c.text for c in x.claims)


def label(x: Extraction, key: str | None) -> str | None:
    if key is None:
        return None
    return next(a.label for a in x.actors if a.key == key)
