"""results: what a query gives back, whatever answered it, and how it is written out.

:class:`SelectResult`, :class:`AskResult` and :class:`GraphResult` hold the answer; :func:`render`
writes it as an aligned table, a W3C SPARQL 1.1 results format (JSON, XML, CSV, TSV) or, for
``CONSTRUCT``/``DESCRIBE``, Turtle or N-Triples. Every source hands back these objects, so every
source prints the same bytes for the same rows.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TypeAlias

import pyoxigraph as ox

from kg.errors import QueryError
from kg.sparql.text import Term, compact
from kg.vocab import PREFIXES, XSD

__all__ = [
    "GRAPH_FORMATS",
    "RESULT_FORMATS",
    "AskResult",
    "GraphResult",
    "QueryResult",
    "SelectResult",
    "cell_text",
    "format_table",
    "lexical_value",
    "parse_json_results",
    "render",
    "result_from_pyoxigraph",
]

RESULT_FORMATS = ("table", "json", "xml", "csv", "tsv")
"""Formats for SELECT and ASK results: an aligned table, or a W3C SPARQL 1.1 results format."""
GRAPH_FORMATS = ("turtle", "ntriples")
"""Formats for CONSTRUCT and DESCRIBE results."""

_RESULTS_FORMAT = {
    "json": ox.QueryResultsFormat.JSON,
    "xml": ox.QueryResultsFormat.XML,
    "csv": ox.QueryResultsFormat.CSV,
    "tsv": ox.QueryResultsFormat.TSV,
}
_NUMERIC = {str(XSD[t]) for t in ("integer", "decimal", "double", "float", "int", "long", "nonNegativeInteger")}


@dataclass(frozen=True)
class SelectResult:
    """The rows of a SELECT query: its variables, and per row one term (or None, unbound) each."""

    variables: tuple[str, ...]
    rows: tuple[tuple[Term | None, ...], ...]

    def __len__(self) -> int:
        return len(self.rows)

    def dicts(self) -> list[dict[str, Term]]:
        """Each row as ``{variable: term}``, unbound variables left out."""
        return [
            {v: t for v, t in zip(self.variables, row, strict=True) if t is not None} for row in self.rows
        ]

    def values(self) -> list[dict[str, str]]:
        """Each row as ``{variable: lexical value}``: the IRI, the literal's text, ``""`` when unbound."""
        return [
            {v: lexical_value(t) for v, t in zip(self.variables, row, strict=True)} for row in self.rows
        ]

    def column(self, variable: str) -> list[Term | None]:
        index = self.variables.index(variable)
        return [row[index] for row in self.rows]

    def project(self, variables: Sequence[str]) -> SelectResult:
        """Only ``variables``, in that order (``kg query --columns``).

        Raises:
            QueryError: a variable the result does not have.
        """
        missing = [v for v in variables if v not in self.variables]
        if missing:
            raise QueryError(
                f"no column {', '.join(missing)} in the result: its columns are {', '.join(self.variables)}"
            )
        indexes = [self.variables.index(v) for v in variables]
        return SelectResult(tuple(variables), tuple(tuple(row[i] for i in indexes) for row in self.rows))


@dataclass(frozen=True)
class AskResult:
    """The answer of an ASK query."""

    value: bool

    def __len__(self) -> int:
        return 1


@dataclass(frozen=True)
class GraphResult:
    """The triples of a CONSTRUCT or DESCRIBE query."""

    triples: tuple[ox.Triple, ...] = field(default=())

    def __len__(self) -> int:
        return len(self.triples)


QueryResult: TypeAlias = SelectResult | AskResult | GraphResult


def lexical_value(term: Term | None) -> str:
    """The IRI, the literal's text or the blank node's id of ``term``; ``""`` when unbound."""
    if term is None:
        return ""
    if isinstance(term, ox.Triple):
        return str(term)
    return str(term.value)


def result_from_pyoxigraph(result: ox.QuerySolutions | ox.QueryBoolean | ox.QueryTriples) -> QueryResult:
    """A result object from what pyoxigraph's ``Store.query`` or ``parse_query_results`` returns."""
    if isinstance(result, ox.QueryBoolean):
        return AskResult(bool(result))
    if isinstance(result, ox.QueryTriples):
        return GraphResult(tuple(result))
    variables = tuple(v.value for v in result.variables)
    rows = tuple(tuple(solution[v] for v in variables) for solution in result)
    return SelectResult(variables, rows)


def parse_json_results(data: bytes) -> SelectResult | AskResult:
    """A SPARQL 1.1 JSON results document (as an endpoint sends it) as a result object.

    Raises:
        SyntaxError: the document is not SPARQL JSON results (pyoxigraph's parser decides).
    """
    parsed = ox.parse_query_results(data, ox.QueryResultsFormat.JSON)
    result = result_from_pyoxigraph(parsed)
    assert not isinstance(result, GraphResult)
    return result


def _json_term(term: Term) -> dict[str, object]:
    if isinstance(term, ox.NamedNode):
        return {"type": "uri", "value": term.value}
    if isinstance(term, ox.BlankNode):
        return {"type": "bnode", "value": term.value}
    if isinstance(term, ox.Literal):
        out: dict[str, object] = {"type": "literal", "value": term.value}
        if term.language:
            out["xml:lang"] = term.language
        elif term.datatype.value != str(XSD.string):
            out["datatype"] = term.datatype.value
        return out
    return {
        "type": "triple",
        "value": {
            "subject": _json_term(term.subject),
            "predicate": _json_term(term.predicate),
            "object": _json_term(term.object),
        },
    }


def _json_document(result: SelectResult | AskResult) -> bytes:
    if isinstance(result, AskResult):
        return json.dumps({"head": {}, "boolean": result.value}).encode()
    bindings = [
        {v: _json_term(t) for v, t in zip(result.variables, row, strict=True) if t is not None}
        for row in result.rows
    ]
    document = {"head": {"vars": list(result.variables)}, "results": {"bindings": bindings}}
    return json.dumps(document, ensure_ascii=False).encode()


def render(result: QueryResult, fmt: str | None = None, *, max_width: int = 0) -> bytes:
    """``result`` in ``fmt``: table, json, xml, csv, tsv (SELECT/ASK) or turtle, ntriples (CONSTRUCT).

    ``None`` picks the default: a table for rows, Turtle for triples. The W3C formats are written
    by pyoxigraph's serialisers. ``max_width`` cuts table cells to that many characters (0: no limit).

    Raises:
        QueryError: the format does not fit the result (rows as Turtle, triples as CSV).
    """
    if isinstance(result, GraphResult):
        fmt = fmt or "turtle"
        if fmt not in GRAPH_FORMATS:
            raise QueryError(
                f"CONSTRUCT and DESCRIBE give triples, which cannot be written as {fmt}: "
                "use --format turtle or --format ntriples"
            )
        rdf_format = ox.RdfFormat.TURTLE if fmt == "turtle" else ox.RdfFormat.N_TRIPLES
        prefixes = PREFIXES if fmt == "turtle" else None
        return ox.serialize(result.triples, format=rdf_format, prefixes=prefixes) or b""
    fmt = fmt or "table"
    if fmt not in RESULT_FORMATS:
        raise QueryError(
            f"SELECT and ASK give rows, which cannot be written as {fmt}: "
            f"use --format {', '.join(RESULT_FORMATS)}"
        )
    if fmt == "table":
        if isinstance(result, AskResult):
            return b"true\n" if result.value else b"false\n"
        return (format_table(result, max_width=max_width) + "\n").encode()
    parsed = ox.parse_query_results(_json_document(result), ox.QueryResultsFormat.JSON)
    data = parsed.serialize(format=_RESULTS_FORMAT[fmt]) or b""
    return data if data.endswith(b"\n") else data + b"\n"


def cell_text(term: Term | None) -> str:
    """``term`` as a table shows it: IRIs compacted, a literal's white space on one line, ``""`` unbound."""
    if term is None:
        return ""
    if isinstance(term, ox.NamedNode):
        return compact(term.value)
    if isinstance(term, ox.BlankNode):
        return f"_:{term.value}"
    if isinstance(term, ox.Triple):
        return f"<< {cell_text(term.subject)} {cell_text(term.predicate)} {cell_text(term.object)} >>"
    return " ".join(term.value.split())


def format_table(result: SelectResult, *, max_width: int = 0) -> str:
    """An aligned text table of the rows: IRIs compacted with kg's prefixes, numbers right-aligned.

    >>> print(format_table(SelectResult(("s", "n"), ((ox.NamedNode("https://schema.org/Claim"),
    ...     ox.Literal("12", datatype=ox.NamedNode("http://www.w3.org/2001/XMLSchema#integer"))),))))
    s              n
    ------------  --
    schema:Claim  12
    """
    cells = [[cell_text(t) for t in row] for row in result.rows]
    if max_width > 0:
        cells = [[c if len(c) <= max_width else c[: max_width - 1] + "…" for c in row] for row in cells]
    header = list(result.variables)
    widths = [max([len(header[i]), *(len(row[i]) for row in cells)]) for i in range(len(header))]
    numeric = [
        bool(result.rows)
        and all(
            isinstance(row[i], ox.Literal) and row[i].datatype.value in _NUMERIC  # type: ignore[union-attr]
            for row in result.rows
            if row[i] is not None
        )
        for i in range(len(header))
    ]

    def line(row: Sequence[str]) -> str:
        padded = (
            c.rjust(w) if num else c.ljust(w) for c, w, num in zip(row, widths, numeric, strict=True)
        )
        return "  ".join(padded).rstrip()

    rule = "  ".join("-" * w for w in widths)
    return "\n".join([line(header), rule, *(line(row) for row in cells)])

