"""Extraction quality on the seed corpus, scored as the hidden articles are scored (issue 3 targets).

The build runs once per session; each figure is its own test so a report names what dropped.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from rdflib import Graph

from kg.pipeline import build_corpus
from tests.support import scoring

ROOT = Path(__file__).resolve().parent.parent.parent
GOLD = json.loads((ROOT / "tests" / "data" / "seeds_gold.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def result(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    out = tmp_path_factory.mktemp("seed-build")
    build_corpus(ROOT / "corpus", out, use_cache=False)
    graph = Graph().parse(out / "graph.ttl", format="turtle")
    return scoring.score(graph, GOLD)


def _details(result: dict[str, Any], kind: str) -> list[str]:
    return [f"{where} {what}" for k, where, what in result["details"] if k.strip() == kind]


def test_quality_claims_found(result: dict[str, Any]) -> None:
    assert result["claims_found"] >= 44, _details(result, "MISS claim")


def test_quality_attribution(result: dict[str, Any]) -> None:
    assert result["attribution_ok"] >= 14, _details(result, "WRONG claimant")


def test_quality_authorial_voice(result: dict[str, Any]) -> None:
    assert result["authorial_ok"] >= 0.95 * result["authorial_found"], _details(result, "WRONG voice")


def test_quality_citations(result: dict[str, Any]) -> None:
    assert result["citation_ok"] == result["citation_gold"] == 8, _details(result, "MISS citation")


def test_quality_no_false_citation(result: dict[str, Any]) -> None:
    assert not _details(result, "FALSE citation")


def test_quality_actors(result: dict[str, Any]) -> None:
    assert result["actors_found"] == result["actors_gold"] == 19, _details(result, "MISS actor")
    assert result["actors_typed"] == 19, _details(result, "WRONG actor type")
    assert result["actors_duplicated"] == 0, _details(result, "DUPLICATE actor")


def test_quality_events(result: dict[str, Any]) -> None:
    assert result["events_found"] >= 7, _details(result, "MISS event")


def test_quality_sources(result: dict[str, Any]) -> None:
    assert result["sources_found"] == result["sources_gold"] == 11, _details(result, "MISS source")


def test_quality_no_noise_or_overlong(result: dict[str, Any]) -> None:
    assert result["noise"] == 0, _details(result, "NOISE")
    assert result["claims_overlong"] == 0


def test_quality_precision_non_claims(result: dict[str, Any]) -> None:
    assert result["not_claims_extracted"] <= 1, _details(result, "NOT A CLAIM")


def test_quality_contradictions(result: dict[str, Any]) -> None:
    missed = _details(result, "MISS contradiction")
    assert result["contradictions_found"] >= 3, missed
    assert not [m for m in missed if m.split()[0] in {"C1", "C2", "C3"}], missed
