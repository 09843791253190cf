"""Shared fixtures: the tiny corpus, its hand-made extractions, and small record factories."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml

from kg.ingest.corpus import iter_corpus
from kg.models import (
    Actor,
    Article,
    Citation,
    Claim,
    Contradiction,
    Corpus,
    DateValue,
    Event,
    Extraction,
    Source,
    Span,
)
from kg.resolve import resolve

DATA = Path(__file__).parent / "data"
TINY = DATA / "tiny"
TINY_CORPUS = TINY / "corpus"
TINY_EXPECTED = TINY / "expected"
SEED_CORPUS = Path(__file__).parent.parent / "corpus"
GOLDEN_VERSION = "golden"
"""The kg version written into the golden graph, so a version bump does not change it."""


def find_span(body: str, anchor: str, occurrence: int = 0, start: int = 0) -> Span:
    """The span of the ``occurrence``-th ``anchor`` in ``body`` at or after ``start``."""
    pos = start - 1
    for _ in range(occurrence + 1):
        pos = body.find(anchor, pos + 1)
        if pos < 0:
            raise AssertionError(f"fixture anchor {anchor!r} is not in the article body:\n{body}")
    return Span(start=pos, end=pos + len(anchor), text=anchor)


def _claim(article: Article, data: dict[str, Any]) -> Claim:
    data = dict(data)
    span = find_span(article.body, data.pop("anchor"), data.pop("occurrence", 0))
    quantities = []
    for quantity in data.pop("quantities", []):
        quantity = dict(quantity)
        quantity["span"] = find_span(article.body, quantity.pop("span_anchor"), start=span.start)
        quantities.append(quantity)
    data.setdefault("text", span.text)
    return Claim.model_validate({**data, "article_id": article.id, "span": span, "quantities": quantities})


def tiny_extraction(article: Article, data: dict[str, Any]) -> Extraction:
    """An Extraction from one article and its entry in tests/data/tiny/extractions.yaml."""
    citations = []
    for citation in data.get("citations", []):
        citation = dict(citation)
        span = find_span(article.body, citation.pop("anchor"), citation.pop("occurrence", 0))
        citations.append(Citation.model_validate({**citation, "span": span}))
    return Extraction(
        article=article,
        authors=tuple(data.get("authors", ())),
        publisher=data.get("publisher"),
        claims=tuple(_claim(article, c) for c in data.get("claims", [])),
        actors=tuple(Actor.model_validate(a) for a in data.get("actors", [])),
        events=tuple(Event.model_validate(e) for e in data.get("events", [])),
        sources=tuple(Source.model_validate(s) for s in data.get("sources", [])),
        citations=tuple(citations),
        extractor="hand-made",
    )


def load_tiny() -> tuple[list[Extraction], list[Contradiction]]:
    """The tiny corpus, ingested for real, with the hand-made extractions and contradictions."""
    annotations = yaml.safe_load((TINY / "extractions.yaml").read_text(encoding="utf-8"))
    articles = {a.id: a for a in iter_corpus(TINY_CORPUS)}
    missing = sorted(set(articles) - set(annotations))
    assert not missing, f"tests/data/tiny/extractions.yaml has no entry for {missing}"
    extractions = [tiny_extraction(articles[i], annotations[i]) for i in articles]
    contradictions = []
    for item in annotations.get("_contradictions", []):
        item = dict(item)
        uids = []
        for side in ("claim_a", "claim_b"):
            ref = item.pop(side)
            span = find_span(articles[ref["article"]].body, ref["anchor"])
            uids.append(f"{ref['article']}/{span.start}-{span.end}")
        contradictions.append(Contradiction.model_validate({**item, "claim_a": uids[0], "claim_b": uids[1]}))
    return extractions, contradictions


@pytest.fixture(scope="session")
def tiny() -> tuple[list[Extraction], list[Contradiction]]:
    return load_tiny()


@pytest.fixture(scope="session")
def tiny_corpus(tiny: tuple[list[Extraction], list[Contradiction]]) -> Corpus:
    """The resolved tiny corpus with its hand-made contradictions."""
    extractions, contradictions = tiny
    corpus = resolve(extractions)
    return Corpus(
        extractions=corpus.extractions,
        actors=corpus.actors,
        events=corpus.events,
        sources=corpus.sources,
        contradictions=tuple(contradictions),
    )


# ----------------------------------------------------------------------------------------------
# Record factories for unit tests

BODY = (
    'Jens Stoltenberg said NATO will grow. "We are ready," he said.[1] '
    "Analysts say it may take until 2026.\n\n[1] https://example.org/report"
)


def make_article(**overrides: Any) -> Article:
    values: dict[str, Any] = {
        "id": "a1",
        "path": "corpus/a1.txt",
        "url": "https://news.example.org/a1",
        "headline": "NATO grows",
        "authors": ("Jane Doe",),
        "publisher": "Example News",
        "published": DateValue(value="2024-03-01", precision="day"),
        "language": "en",
        "body": BODY,
        "sha256": "0" * 64,
    }
    values.update(overrides)
    return Article.model_validate(values)


def make_claim(article: Article, anchor: str, **overrides: Any) -> Claim:
    span = find_span(article.body, anchor)
    values: dict[str, Any] = {
        "article_id": article.id,
        "span": span,
        "text": anchor,
        "claim_type": "authorial",
        "citation_status": "uncited",
    }
    values.update(overrides)
    return Claim.model_validate(values)


@pytest.fixture
def article() -> Article:
    return make_article()


@pytest.fixture
def claim_factory(article: Article) -> Callable[..., Claim]:
    def factory(anchor: str, **overrides: Any) -> Claim:
        return make_claim(article, anchor, **overrides)

    return factory


@pytest.fixture
def no_optional_stages(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Run the pipeline with the contradict, report and page stages doing nothing (no contradictions,
    no report.md, no graph.html): the graph files alone, quickly."""
    import kg.pipeline

    monkeypatch.setattr(kg.pipeline, "find_contradictions", lambda corpus: [])
    monkeypatch.setattr(kg.pipeline, "write_report", lambda store, path: None)
    monkeypatch.setattr(kg.pipeline, "render_html", lambda store, path: None)
    yield


def pytest_configure(config: pytest.Config) -> None:
    # --doctest-modules probes every module attribute for `_mock_name`; rdflib's closed namespaces
    # (SDO, XSD) warn about the unknown term. Harmless: silence it.
    config.addinivalue_line("filterwarnings", "ignore:Code. _mock_name is not defined in namespace:UserWarning")
    # rdflib 7.6 warns from inside its own Dataset code when pySHACL reads a Dataset; not ours to fix.
    config.addinivalue_line("filterwarnings", "ignore:Dataset.default_context is deprecated:DeprecationWarning")
