"""validate: graph -> ValidationReport. SHACL (ontology/shapes.ttl) through pySHACL.

Stage contract: takes an rdflib Graph or Dataset (a Dataset is validated as the union of its named
graphs; copy a pyoxigraph store with :func:`kg.sparql.to_rdflib` first: pySHACL is about 100 times
slower reading a pyoxigraph store) and returns a report; never prints or raises on findings.
Violations make the graph non-conformant; warnings (a claim that cites no source) do not.
"""

from __future__ import annotations

import logging
from collections import defaultdict

import pyshacl
import rdflib
from rdflib import URIRef
from rdflib.namespace import SH

from kg.models import Record
from kg.ontology import load_shapes
from kg.sparql import compact

logger = logging.getLogger(__name__)

__all__ = ["ValidationReport", "ValidationResult", "validate"]


class ValidationResult(Record):
    """One SHACL result: which node broke which constraint, and how."""

    severity: str  # "Violation", "Warning" or "Info"
    focus: str
    path: str | None = None
    value: str | None = None
    message: str
    shape: str | None = None


class ValidationReport(Record):
    """The outcome of validating a graph against ontology/shapes.ttl."""

    conforms: bool
    violations: tuple[ValidationResult, ...] = ()
    warnings: tuple[ValidationResult, ...] = ()
    text: str


def _show(term: object) -> str | None:
    if term is None:
        return None
    if isinstance(term, URIRef):
        return compact(str(term))
    if isinstance(term, rdflib.Literal):
        text = str(term)
        return repr(text if len(text) <= 80 else text[:77] + "...")
    return str(term)


def _results(report: rdflib.Graph) -> list[ValidationResult]:
    results = []
    for node in report.subjects(rdflib.RDF.type, SH.ValidationResult):
        severity = report.value(node, SH.resultSeverity)
        source = report.value(node, SH.sourceShape)
        shape = report.value(source, SH.path) if source is not None else None
        messages = sorted(str(m) for m in report.objects(node, SH.resultMessage))
        results.append(
            ValidationResult(
                severity=str(severity).rsplit("#", 1)[-1] if severity is not None else "Violation",
                focus=_show(report.value(node, SH.focusNode)) or "?",
                path=_show(report.value(node, SH.resultPath)),
                value=_show(report.value(node, SH.value)),
                message=" ".join(messages) or "(no message)",
                shape=_show(source) if isinstance(source, URIRef) else _show(shape),
            )
        )
    results.sort(key=lambda r: (r.severity, r.message, r.focus, r.path or "", r.value or ""))
    return results


def _plural(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"


def _describe(results: list[ValidationResult], per_message: int) -> list[str]:
    groups: dict[tuple[str, str, str], list[ValidationResult]] = defaultdict(list)
    for result in results:
        groups[(result.severity, result.path or "", result.message)].append(result)
    lines = []
    for (severity, path, message), members in sorted(groups.items()):
        where = f" [{path}]" if path else ""
        lines.append(f"{severity}{where}: {message} ({_plural(len(members), 'node')})")
        for result in members[:per_message]:
            value = f" value {result.value}" if result.value else ""
            lines.append(f"    {result.focus}{value}")
        if len(members) > per_message:
            lines.append(f"    ... and {len(members) - per_message} more")
    return lines


def validate(data: rdflib.Graph, *, shapes: rdflib.Graph | None = None) -> ValidationReport:
    """Validate ``data`` against the kg shapes (or ``shapes``).

    Args:
        data: an rdflib Graph, or a Dataset (validated as the union of its graphs).
        shapes: SHACL shapes to use instead of ontology/shapes.ttl.

    Returns:
        A ValidationReport; ``conforms`` is False when there is at least one violation.
    """
    conforms, report_graph, _ = pyshacl.validate(
        data,
        shacl_graph=shapes if shapes is not None else load_shapes(),
        inference="none",
        allow_warnings=True,
        advanced=False,
        meta_shacl=False,
    )
    assert isinstance(report_graph, rdflib.Graph)
    results = _results(report_graph)
    violations = tuple(r for r in results if r.severity == "Violation")
    warnings = tuple(r for r in results if r.severity != "Violation")
    conforms = not violations
    head = (
        f"conforms: {'yes' if conforms else 'no'} "
        f"({_plural(len(violations), 'violation')}, {_plural(len(warnings), 'warning')})"
    )
    lines = [head, *_describe(list(violations), 20), *_describe(list(warnings), 5)]
    logger.info("validate: %s", head)
    return ValidationReport(conforms=conforms, violations=violations, warnings=warnings, text="\n".join(lines))
