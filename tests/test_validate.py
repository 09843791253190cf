"""validate: the SHACL shapes accept the graphs they must accept and reject the ones they must reject."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import rdflib

from kg.build import iter_graphs
from kg.models import Corpus
from kg.ontology import load_shapes
from kg.sparql import to_rdflib
from kg.validate import ValidationReport, validate
from kg.vocab import RDF
from tests.conftest import DATA
from tests.test_export import write

SHAPES = DATA / "shapes"
SH = rdflib.Namespace("http://www.w3.org/ns/shacl#")


def _graph(path: Path) -> rdflib.Graph:
    graph = rdflib.Graph()
    graph.parse(SHAPES / "base.ttl", format="turtle")
    graph.parse(path, format="turtle")
    return graph


def _check(path: Path) -> ValidationReport:
    report = validate(_graph(path))
    print(report.text)  # shown by pytest when the test fails
    return report


def test_validate_base_context_conforms_alone() -> None:
    report = validate(rdflib.Graph().parse(SHAPES / "base.ttl", format="turtle"))
    assert report.conforms, report.text
    assert report.warnings == ()


@pytest.mark.parametrize("path", sorted((SHAPES / "valid").glob("*.ttl")), ids=lambda p: p.stem)
def test_validate_valid_graphs_conform(path: Path) -> None:
    report = _check(path)
    assert report.conforms, report.text
    assert report.violations == ()


@pytest.mark.parametrize("path", sorted((SHAPES / "invalid").glob("*.ttl")), ids=lambda p: p.stem)
def test_validate_invalid_graphs_fail_for_the_stated_reason(path: Path) -> None:
    expect = re.search(r"^# expect: (.+)$", path.read_text(encoding="utf-8"), re.MULTILINE)
    assert expect, f"{path} needs a '# expect: <text>' line naming the violation"
    report = _check(path)
    assert not report.conforms, report.text
    found = [f"{v.path} {v.message} {v.shape}" for v in report.violations]
    assert any(expect.group(1) in f for f in found), f"no violation mentions {expect.group(1)!r}:\n{report.text}"


def test_validate_uncited_claim_is_only_a_warning() -> None:
    report = _check(SHAPES / "valid" / "claim-authorial-uncited.ttl")
    assert report.conforms
    assert [(w.severity, w.path, w.focus) for w in report.warnings] == [
        ("Warning", "cito:citesAsEvidence", "kgd:claim/a/38-66")
    ]
    assert "1 warning" in report.text


def test_validate_tiny_graph_conforms(tiny_corpus: Corpus, tmp_path: Path) -> None:
    write(tiny_corpus, tmp_path)
    report = validate(to_rdflib(tmp_path))
    assert report.conforms, report.text
    uncited = sum(1 for e in tiny_corpus.extractions for c in e.claims if not c.cites)
    assert len(report.warnings) == uncited


def test_validate_every_class_the_graph_uses_has_a_shape(tiny_corpus: Corpus) -> None:
    targeted = {str(o) for o in load_shapes().objects(None, SH.targetClass)}
    untargeted: dict[str, set[str]] = {}
    types: dict[object, set[str]] = {}
    for _, quads in iter_graphs(tiny_corpus, "test"):
        for s, p, o, _ in quads:
            if p == RDF.type:
                types.setdefault(s, set()).add(str(o))
    for node, classes in types.items():
        if not classes & targeted:
            untargeted[str(node)] = classes
    assert untargeted == {}
    used = set().union(*types.values())
    for cls in used - targeted:  # subtypes (schema:NGO, ...) ride on a targeted supertype of the same node
        assert any(cls in classes and classes & targeted for classes in types.values()), cls


def test_validate_report_groups_results_readably() -> None:
    report = _check(SHAPES / "invalid" / "claim-confidence-above-one.ttl")
    assert report.text.splitlines()[0] == "conforms: no (1 violation, 0 warnings)"
    assert "Violation [kg:confidence]" in report.text
    assert "kgd:claim/a/0-37" in report.text
