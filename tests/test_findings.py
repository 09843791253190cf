"""kg.findings: the listings read back from the built graph with the shipped SPARQL."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import get_args

from kg import findings
from kg.models import CitationStatus, ContradictionKind
from kg.sparql import load_dataset, open_source
from tests.conftest import DATA

ROOT = Path(__file__).resolve().parent.parent


def test_findings_read_the_shipped_queries() -> None:
    for name in ("uncited", "contradictions", "citation_rates"):
        assert findings.query_text(name) == (ROOT / "kg" / "queries" / f"{name}.rq").read_text(encoding="utf-8")


def test_findings_label_every_code() -> None:
    """Each citation status and contradiction kind the listings give has a label."""
    assert set(findings.STATUS_LABELS) == set(get_args(CitationStatus))
    assert set(findings.KIND_LABELS) == set(get_args(ContradictionKind))


def test_findings_stats_are_the_same_from_every_source(tmp_path: Path) -> None:
    """kg stats' counts come from kg/queries/stats/*.rq, with the same result embedded and from an on-disk store."""
    out = tmp_path / "out"
    out.mkdir()
    shutil.copy(DATA / "queries" / "graph.trig", out / "graph.trig")
    with open_source(out, store=f"oxigraph:{tmp_path / 'store'}") as source:
        on_disk = findings.graph_stats(source)
    embedded = findings.graph_stats(load_dataset(out))
    assert on_disk == embedded
    assert embedded.quads == len(load_dataset(out)) and embedded.articles
    assert set(findings.STATS_QUERIES) == {p.stem for p in (ROOT / "kg" / "queries" / "stats").glob("*.rq")}
