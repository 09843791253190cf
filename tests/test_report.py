"""report.md: readable findings, the same bytes from the graph and from the corpus, and from run to run."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from kg.findings import find_uncited, list_contradictions
from kg.ingest.corpus import iter_corpus
from kg.models import Article, Claim, Corpus, Extraction, Span
from kg.pipeline import build_corpus
from kg.report import _md, render_report, write_report
from kg.resolve import resolve
from kg.sparql import load_dataset

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def seeds(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("seed-report")
    build_corpus(ROOT / "corpus", out, use_cache=False)
    return out


def test_report_is_written_by_kg_build_from_the_graph(seeds: Path) -> None:
    text = (seeds / "report.md").read_text(encoding="utf-8")
    assert text == render_report(load_dataset(seeds))


def test_report_same_bytes_from_the_corpus(seeds: Path, tmp_path: Path) -> None:
    from kg.contradict import find_contradictions
    from kg.extract import extract

    corpus = resolve([extract(a) for a in iter_corpus(ROOT / "corpus")])
    corpus = corpus.model_copy(update={"contradictions": tuple(find_contradictions(corpus))})
    write_report(corpus, tmp_path / "report.md")
    assert (tmp_path / "report.md").read_bytes() == (seeds / "report.md").read_bytes()
    assert not list(tmp_path.glob("*.part"))


def test_report_is_deterministic(seeds: Path, tmp_path: Path) -> None:
    build_corpus(ROOT / "corpus", tmp_path, use_cache=False)
    assert (tmp_path / "report.md").read_bytes() == (seeds / "report.md").read_bytes()


def test_report_lists_every_finding(seeds: Path) -> None:
    store = load_dataset(seeds)
    text = (seeds / "report.md").read_text(encoding="utf-8")
    for heading in (
        "# kg report",
        "## Summary",
        "## Contradictions",
        "## Claims without a cited source",
        "### Per article",
        "### Per publisher",
    ):
        assert f"\n{heading}\n" in f"\n{text}"
    contradictions = list_contradictions(store)
    assert contradictions
    for c in contradictions:
        for part in (c.sentence_a, c.sentence_b, c.explanation, c.claimant_a, c.claimant_b):
            assert _md(part) in text
    for u in find_uncited(store):
        assert f"> {_md(u.sentence)}\n" in text
    for article in iter_corpus(ROOT / "corpus"):
        assert f"| `{article.id}` |" in text
    assert f"| contradictions | {len(contradictions)} (" in text


def test_report_without_findings(tmp_path: Path) -> None:
    body = "NATO has 32 members."
    article = Article(
        id="q1", path="q1.txt", headline="Quiet | news", body=body, sha256=hashlib.sha256(body.encode()).hexdigest()
    )
    claim = Claim(
        article_id="q1",
        span=Span(start=0, end=len(body), text=body),
        text=body,
        claim_type="statistic",
        citation_status="uncited",
    )
    corpus = Corpus(
        extractions=(Extraction(article=article, claims=(claim,), extractor="hand-made"),),
        actors=(),
        events=(),
        sources=(),
    )
    text = render_report(corpus)
    assert "No contradictions were found." in text
    assert "| `q1` | Quiet \\| news | (none named) | 1 | 0 | 0% |" in text
    assert "1. **statistic or figure**: (the article), in *Quiet \\| news* (`q1`)\n   > NATO has 32 members." in text


@pytest.mark.parametrize(
    ("raw", "safe"),
    [
        ("a | b", "a \\| b"),
        ("*stars* and _under_", "\\*stars\\* and \\_under\\_"),
        ("two\n lines", "two lines"),
    ],
    ids=["pipe", "emphasis", "newline"],
)
def test_report_escapes_markdown(raw: str, safe: str) -> None:
    assert _md(raw) == safe
