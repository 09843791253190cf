"""kg.findings: the listings read back from the built graph with the shipped SPARQL."""

from __future__ import annotations

from pathlib import Path
from typing import get_args

from kg import findings
from kg.models import CitationStatus, ContradictionKind

ROOT = Path(__file__).resolve().parent.parent


def test_findings_read_the_shipped_queries() -> None:
    for name in ("uncited", "contradictions", "citation_rates"):
        assert findings.query_text(name) == (ROOT / "kg" / "queries" / f"{name}.rq").read_text(encoding="utf-8")


def test_findings_label_every_code() -> None:
    """Each citation status and contradiction kind the listings give has a label."""
    assert set(findings.STATUS_LABELS) == set(get_args(CitationStatus))
    assert set(findings.KIND_LABELS) == set(get_args(ContradictionKind))
