"""kg.sparql.results: every format parses back with a standard reader and gives the same terms."""

from __future__ import annotations

import io
from collections.abc import Iterator

import pyoxigraph as ox
import pytest
import rdflib
from rdflib.query import Result

from kg.errors import QueryError
from kg.sparql import AskResult, EmbeddedSource, GraphResult, SelectResult, render

EX = "http://example.org/"
XSD = "http://www.w3.org/2001/XMLSchema#"


@pytest.fixture(scope="module")
def tricky() -> Iterator[EmbeddedSource]:
    """A store whose values stress the formats: commas, quotes, newlines, tabs, languages, types."""
    store = ox.Store()
    graph = ox.NamedNode(EX + "g")
    label, count = ox.NamedNode(EX + "label"), ox.NamedNode(EX + "count")
    values = [
        (ox.NamedNode(EX + "a"), ox.Literal('comma, "quote"\nnew line\ttab'), 1),
        (ox.NamedNode(EX + "b"), ox.Literal("Москва", language="ru"), 22),
        (ox.NamedNode(EX + "c"), ox.Literal("2024-03-01", datatype=ox.NamedNode(XSD + "date")), None),
    ]
    for subject, value, number in values:
        store.add(ox.Quad(subject, label, value, graph))
        if number is not None:
            store.add(ox.Quad(subject, count, ox.Literal(str(number), datatype=ox.NamedNode(XSD + "integer")), graph))
    with EmbeddedSource(store, "tricky") as source:
        yield source


TRICKY_QUERY = (
    f"SELECT ?s ?label ?count WHERE {{ GRAPH ?g {{ ?s <{EX}label> ?label "
    f"OPTIONAL {{ ?s <{EX}count> ?count }} }} }} ORDER BY ?s"
)


def _rdflib(term: ox.NamedNode | ox.BlankNode | ox.Literal | ox.Triple | None) -> rdflib.term.Node | None:
    if term is None:
        return None
    if isinstance(term, ox.NamedNode):
        return rdflib.URIRef(term.value)
    assert isinstance(term, ox.Literal)
    if term.language:
        return rdflib.Literal(term.value, lang=term.language)
    datatype = None if term.datatype.value == XSD + "string" else rdflib.URIRef(term.datatype.value)
    return rdflib.Literal(term.value, datatype=datatype)


@pytest.mark.parametrize("fmt", ["json", "xml"])
def test_results_parse_back_with_rdflib(tricky: EmbeddedSource, fmt: str) -> None:
    result = tricky.select(TRICKY_QUERY)
    parsed = Result.parse(io.BytesIO(render(result, fmt)), format=fmt)
    assert [str(v) for v in parsed.vars or []] == ["s", "label", "count"]
    expected = [tuple(_rdflib(t) for t in row) for row in result.rows]
    assert [tuple(row) for row in parsed] == expected  # type: ignore[arg-type]


def test_results_csv_parse_back_with_rdflib(tricky: EmbeddedSource) -> None:
    """CSV keeps values only (W3C: no datatypes or languages), so compare the values."""
    result = tricky.select(TRICKY_QUERY)
    parsed = Result.parse(io.BytesIO(render(result, "csv")), format="csv")
    got = [tuple("" if t is None else str(t) for t in row) for row in parsed]  # type: ignore[union-attr]
    assert got == [tuple(v.values()) for v in result.values()]


def test_results_tsv_parse_back_with_pyoxigraph(tricky: EmbeddedSource) -> None:
    result = tricky.select(TRICKY_QUERY)
    parsed = ox.parse_query_results(render(result, "tsv"), ox.QueryResultsFormat.TSV)
    assert isinstance(parsed, ox.QuerySolutions)
    assert [tuple(s[v] for v in ("s", "label", "count")) for s in parsed] == list(result.rows)


@pytest.mark.parametrize("fmt", ["json", "xml", "csv", "tsv", "table"])
def test_results_ask_in_every_format(tricky: EmbeddedSource, fmt: str) -> None:
    data = render(tricky.run(f"ASK {{ GRAPH ?g {{ ?s <{EX}label> ?o }} }}"), fmt)
    if fmt in ("json", "xml"):
        assert Result.parse(io.BytesIO(data), format=fmt).askAnswer is True
    else:
        assert data.strip() == b"true"


@pytest.mark.parametrize("fmt", ["turtle", "ntriples"])
def test_results_construct_parses_back(tricky: EmbeddedSource, fmt: str) -> None:
    result = tricky.run(f"CONSTRUCT {{ ?s <{EX}label> ?o }} WHERE {{ GRAPH ?g {{ ?s <{EX}label> ?o }} }}")
    assert isinstance(result, GraphResult) and len(result) == 3
    graph = rdflib.Graph().parse(data=render(result, fmt), format="turtle" if fmt == "turtle" else "nt")
    assert set(graph.objects(None, rdflib.URIRef(EX + "label"))) == {
        rdflib.Literal('comma, "quote"\nnew line\ttab'),
        rdflib.Literal("Москва", lang="ru"),
        rdflib.Literal("2024-03-01", datatype=rdflib.XSD.date),
    }


def test_results_describe_gives_triples(tricky: EmbeddedSource) -> None:
    result = tricky.run(f"DESCRIBE <{EX}b> FROM <{EX}g>")  # FROM: DESCRIBE reads the default graph
    assert isinstance(result, GraphResult) and len(result) == 2
    for fmt in ("turtle", "ntriples"):
        assert '"Москва"@ru'.encode() in render(result, fmt)


def test_results_formats_that_do_not_fit_are_refused() -> None:
    with pytest.raises(QueryError, match="use --format turtle"):
        render(GraphResult(()), "csv")
    with pytest.raises(QueryError, match="cannot be written as turtle"):
        render(SelectResult(("a",), ()), "turtle")
    assert render(AskResult(False), None) == b"false\n"


def test_results_table_aligns_and_cuts(tricky: EmbeddedSource) -> None:
    text = render(tricky.select(TRICKY_QUERY), "table", max_width=10).decode()
    lines = text.splitlines()
    assert lines[0].split() == ["s", "label", "count"]
    assert lines[2].startswith("<http://e…  comma, \"q…")
    assert lines[2].endswith("    1") and lines[3].endswith("   22")  # numbers right-aligned
    assert len({len(line) for line in lines[:2]}) == 1
