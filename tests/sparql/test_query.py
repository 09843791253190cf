"""kg query: query text (prefixes, parameters, SERVICE and update refusal), result formats, the CLI."""

from __future__ import annotations

import io
from collections.abc import Iterator
from pathlib import Path

import pyoxigraph as ox
import pytest
import rdflib
from rdflib.query import Result

from kg.cli import main
from kg.errors import QueryError
from kg.sparql.query import (
    AskResult,
    GraphResult,
    SelectResult,
    bind_values,
    inspect_query,
    iter_params,
    ready_queries,
    render,
    term_from_text,
    with_prefixes,
)
from kg.sparql.store import EmbeddedSource
from kg.vocab import PREFIXES

HAND = Path(__file__).parent.parent / "data" / "queries"
EX = "http://example.org/"
XSD = "http://www.w3.org/2001/XMLSchema#"


# ----------------------------------------------------------------------------------------------
# Query text


@pytest.mark.parametrize(
    ("text", "form", "service"),
    [
        ("SELECT * WHERE { ?s ?p ?o }", "SELECT", False),
        ("prefix ex: <http://example.org/>\nask { ?s ex:p ?o }", "ASK", False),
        ("CONSTRUCT { ?s ?p ?o } WHERE { GRAPH ?g { ?s ?p ?o } }", "CONSTRUCT", False),
        ("DESCRIBE <http://example.org/x>", "DESCRIBE", False),
        ("INSERT DATA { <urn:a> <urn:b> <urn:c> }", "INSERT", False),
        ("# SELECT in a comment\nDROP ALL", "DROP", False),
        ("SELECT * { service <http://example.org/sparql> { ?s ?p ?o } }", "SELECT", True),
        ("SELECT * { SERVICE SILENT ?endpoint { ?s ?p ?o } }", "SELECT", True),
        ('SELECT * { ?s ?p "SERVICE" }', "SELECT", False),
        ("SELECT * { ?s ?p 'no SERVICE here' } # SERVICE", "SELECT", False),
        ('SELECT * { ?s ?p """a\nSERVICE\n""" }', "SELECT", False),
        ("SELECT ?service { ?service <http://example.org/SERVICE> ex:SERVICE }", "SELECT", False),
        ("SELECT * { ?s kgd:x\\/service ?o }", "SELECT", False),
    ],
)
def test_query_inspect(text: str, form: str, service: bool) -> None:
    shape = inspect_query(text)
    assert (shape.form, shape.uses_service) == (form, service)


def test_query_with_prefixes_adds_only_what_is_missing() -> None:
    text = "PREFIX schema: <http://schema.org/>\nSELECT * { ?s schema:name ?n }"
    added = with_prefixes(text)
    assert added.endswith(text)
    assert added.count("PREFIX schema:") == 1
    assert added.count("\n") == text.count("\n") + 1  # one line added, whatever the number of prefixes
    for prefix in ("kg", "kgd", "prov", "cito", "oa", "skos", "owl", "rdfs", "xsd"):
        assert f"PREFIX {prefix}: <{PREFIXES[prefix]}>" in added
    assert with_prefixes(added) == added


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("<http://example.org/a>", ox.NamedNode("http://example.org/a")),
        ("https://example.org/a?b=c", ox.NamedNode("https://example.org/a?b=c")),
        ("kgd:actor/nato", ox.NamedNode("https://w3id.org/kg/id/actor/nato")),
        ("wd:Q7747", ox.NamedNode("http://www.wikidata.org/entity/Q7747")),
        ("-12", ox.Literal("-12", datatype=ox.NamedNode(XSD + "integer"))),
        ("Vladimir Putin", ox.Literal("Vladimir Putin")),
        ("unknown:thing", ox.Literal("unknown:thing")),
        ('a "quoted" } value', ox.Literal('a "quoted" } value')),
    ],
)
def test_query_term_from_text(value: str, expected: ox.NamedNode | ox.Literal) -> None:
    assert term_from_text(value) == expected


def test_query_term_from_text_refuses_a_broken_iri() -> None:
    with pytest.raises(QueryError, match="not a valid IRI"):
        term_from_text("<http://example.org/a b>")


def test_query_bind_values_escapes_and_combines() -> None:
    text = bind_values("SELECT * {}", {"a": [ox.Literal('x" }'), ox.Literal("y")], "b": [ox.NamedNode("urn:b")]})
    assert '("x\\" }" <urn:b>)' in text
    assert '("y" <urn:b>)' in text
    with pytest.raises(QueryError, match="not a SPARQL variable name"):
        bind_values("SELECT * {}", {"a b": [ox.Literal("x")]})


def test_query_iter_params() -> None:
    assert iter_params(["actor=A", "actor=B", "?n=1"]) == {"actor": ["A", "B"], "n": ["1"]}
    with pytest.raises(QueryError, match="NAME=VALUE"):
        iter_params(["actor"])


# ----------------------------------------------------------------------------------------------
# Results: every format parses back with a standard reader and gives the same terms


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
def test_query_results_parse_back_with_rdflib(tricky: EmbeddedSource, fmt: str) -> None:
    result = tricky.select(TRICKY_QUERY)
    parsed = Result.parse(io.BytesIO(render(result, fmt)), format=fmt)
    assert [str(v) for v in parsed.vars or []] == ["s", "label", "count"]
    expected = [tuple(_rdflib(t) for t in row) for row in result.rows]
    assert [tuple(row) for row in parsed] == expected  # type: ignore[arg-type]


def test_query_results_csv_parse_back_with_rdflib(tricky: EmbeddedSource) -> None:
    """CSV keeps values only (W3C: no datatypes or languages), so compare the values."""
    result = tricky.select(TRICKY_QUERY)
    parsed = Result.parse(io.BytesIO(render(result, "csv")), format="csv")
    got = [tuple("" if t is None else str(t) for t in row) for row in parsed]  # type: ignore[union-attr]
    assert got == [tuple(v.values()) for v in result.values()]


def test_query_results_tsv_parse_back_with_pyoxigraph(tricky: EmbeddedSource) -> None:
    result = tricky.select(TRICKY_QUERY)
    parsed = ox.parse_query_results(render(result, "tsv"), ox.QueryResultsFormat.TSV)
    assert isinstance(parsed, ox.QuerySolutions)
    assert [tuple(s[v] for v in ("s", "label", "count")) for s in parsed] == list(result.rows)


@pytest.mark.parametrize("fmt", ["json", "xml", "csv", "tsv", "table"])
def test_query_ask_in_every_format(tricky: EmbeddedSource, fmt: str) -> None:
    data = render(tricky.run(f"ASK {{ GRAPH ?g {{ ?s <{EX}label> ?o }} }}"), fmt)
    if fmt in ("json", "xml"):
        assert Result.parse(io.BytesIO(data), format=fmt).askAnswer is True
    else:
        assert data.strip() == b"true"


@pytest.mark.parametrize("fmt", ["turtle", "ntriples"])
def test_query_construct_parses_back(tricky: EmbeddedSource, fmt: str) -> None:
    result = tricky.run(f"CONSTRUCT {{ ?s <{EX}label> ?o }} WHERE {{ GRAPH ?g {{ ?s <{EX}label> ?o }} }}")
    assert isinstance(result, GraphResult) and len(result) == 3
    graph = rdflib.Graph().parse(data=render(result, fmt), format="turtle" if fmt == "turtle" else "nt")
    assert set(graph.objects(None, rdflib.URIRef(EX + "label"))) == {
        rdflib.Literal('comma, "quote"\nnew line\ttab'),
        rdflib.Literal("Москва", lang="ru"),
        rdflib.Literal("2024-03-01", datatype=rdflib.XSD.date),
    }


def test_query_describe_gives_triples(tricky: EmbeddedSource) -> None:
    result = tricky.run(f"DESCRIBE <{EX}b> FROM <{EX}g>")  # FROM: DESCRIBE reads the default graph
    assert isinstance(result, GraphResult) and len(result) == 2
    for fmt in ("turtle", "ntriples"):
        assert '"Москва"@ru'.encode() in render(result, fmt)


def test_query_formats_that_do_not_fit_are_refused() -> None:
    with pytest.raises(QueryError, match="use --format turtle"):
        render(GraphResult(()), "csv")
    with pytest.raises(QueryError, match="cannot be written as turtle"):
        render(SelectResult(("a",), ()), "turtle")
    assert render(AskResult(False), None) == b"false\n"


def test_query_table_aligns_and_cuts(tricky: EmbeddedSource) -> None:
    text = render(tricky.select(TRICKY_QUERY), "table", max_width=10).decode()
    lines = text.splitlines()
    assert lines[0].split() == ["s", "label", "count"]
    assert lines[2].startswith("<http://e…  comma, \"q…")
    assert lines[2].endswith("    1") and lines[3].endswith("   22")  # numbers right-aligned
    assert len({len(line) for line in lines[:2]}) == 1


# ----------------------------------------------------------------------------------------------
# The command


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_query_cli_list_and_show(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "query", "--list")
    assert code == 0
    for name, ready in ready_queries().items():
        assert f"{name}  " in out and ready.purpose in out
    assert "--param actor=" in out
    code, out, _ = run(capsys, "query", "--show", "co-mentions")
    assert code == 0 and out == ready_queries()["co_mentions"].text


def test_query_cli_ready_query_with_param(capsys: pytest.CaptureFixture[str]) -> None:
    argv = ["query", "actor-claims", "--param", "actor=Putin", "--out", str(HAND), "--format", "csv"]
    code, out, err = run(capsys, *argv)
    assert code == 0
    assert out.splitlines()[0] == "actorLabel,text,type,status,sources,article,start,claim,actor"
    assert out.count("\n") == 2 and "Russia will not attack NATO." in out
    assert err == ""


def test_query_cli_inline_file_and_stdin_agree(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    text = "SELECT ?claim WHERE { GRAPH ?g { ?claim a schema:Claim } } ORDER BY ?claim"
    (tmp_path / "claims.rq").write_text(text, encoding="utf-8")
    outputs = []
    for spec in (text, str(tmp_path / "claims.rq"), "-"):
        monkeypatch.setattr("sys.stdin", io.StringIO(text))
        code, out, err = run(capsys, "query", spec, "--out", str(HAND), "--format", "tsv")
        assert code == 0, err
        outputs.append(out)
    assert outputs[0] == outputs[1] == outputs[2]
    assert outputs[0].count("\n") == 6  # the header and five claims


def test_query_cli_a_long_one_line_query_is_text_not_a_file_name(capsys: pytest.CaptureFixture[str]) -> None:
    """A one-line query longer than a file name may be (255 bytes) is run, not looked up on disk."""
    text = "SELECT ?claim WHERE { GRAPH ?g { ?claim a schema:Claim . OPTIONAL { ?claim schema:text ?t } } }" + (
        " ORDER BY ?claim" + " " * 300
    )
    code, out, err = run(capsys, "query", text, "--out", str(HAND), "--format", "tsv")
    assert code == 0, err
    assert out.count("\n") == 6


def test_query_cli_table_and_empty_result(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "query", "SELECT ?x WHERE { GRAPH ?g { ?x kg:nothing ?y } }", "--out", str(HAND))
    assert code == 0
    assert out.splitlines() == ["x", "-"]
    assert "(0 rows)" in err


def test_query_cli_syntax_error_names_line_and_column(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "query", "SELECT ?x\nWHERE { ?x ?y }", "--out", str(HAND))
    assert code == 2 and out == ""
    assert "syntax error at line 2, column" in err
    assert "WHERE { ?x ?y }" in err and "^" in err
    assert "Traceback" not in err


def test_query_cli_unknown_prefix(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "query", "SELECT * WHERE { ?s foo:bar ?o }", "--out", str(HAND))
    assert code == 2 and "unknown prefix foo:" in err and "line 1, column" in err


def test_query_cli_own_prefix_wins(capsys: pytest.CaptureFixture[str]) -> None:
    ask = "ASK { GRAPH ?g { ?claim schema:text ?text } }"
    assert run(capsys, "query", ask, "--out", str(HAND))[1] == "true\n"
    own = "PREFIX schema: <http://schema.org/>\n" + ask
    assert run(capsys, "query", own, "--out", str(HAND))[1] == "false\n"


def test_query_cli_refuses_service(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(
        capsys, "query", "SELECT * WHERE { SERVICE <http://127.0.0.1:9/sparql> { ?s ?p ?o } }", "--out", str(HAND)
    )
    assert code == 2 and out == ""
    assert "SERVICE is refused" in err


def test_query_cli_refuses_updates(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "query", "DELETE WHERE { GRAPH ?g { ?s ?p ?o } }", "--out", str(HAND))
    assert code == 2 and "SPARQL Update" in err


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["query", "uncitd"], "Did you mean uncited?"),
        (["query", "nothing.rq"], "no such file"),
        (["query", "SELECT * {}", "--format", "turtle"], "cannot be written as turtle"),
        (["query"], "give a query"),
        (["query", "actor_claims", "--param", "actor"], "NAME=VALUE"),
        (["query", "top_sources", "--store", "sqlite:x"], "oxigraph:DIR"),
        (["query", "uncited", "--timeout-s", "-1"], "more than 0 seconds"),
    ],
)
def test_query_cli_usage_errors(capsys: pytest.CaptureFixture[str], argv: list[str], message: str) -> None:
    code, _, err = run(capsys, *argv, "--out", str(HAND))
    assert code == 2 and message in err, err


def test_query_cli_store_and_endpoint_exclude_each_other(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "query", "uncited", "--store", "oxigraph:x", "--endpoint", "http://127.0.0.1:1/query")
    assert code == 2 and "not allowed with" in err


def test_query_cli_without_a_build(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    code, _, err = run(capsys, "query", "uncited", "--out", str(tmp_path))
    assert code == 2 and "run `kg build` first" in err


def test_query_cli_param_goes_where_the_query_marks_it(capsys: pytest.CaptureFixture[str]) -> None:
    """A ``# VALUES ?name`` line takes the values in place; FILTERs in that group then see them."""
    text = (
        "SELECT ?text WHERE {\n"
        "  # VALUES ?who\n"
        "  GRAPH ?g { ?claim prov:wasAttributedTo ?who ; schema:text ?text }\n"
        "  FILTER(?who != <urn:nobody>)\n"
        "}"
    )
    code, out, _ = run(capsys, "query", text, "--param", "who=kgd:actor/nato", "--out", str(HAND), "--format", "csv")
    assert code == 0 and out.splitlines() == ["text", "Russia is a threat."]
    broken = text.replace("{ ?claim", "{ ?claim ?claim")
    code, _, err = run(capsys, "query", broken, "--param", "who=kgd:actor/nato", "--out", str(HAND))
    assert code == 2 and "line 3, column" in err  # the VALUES line keeps the line numbers


def test_query_cli_columns(capsys: pytest.CaptureFixture[str]) -> None:
    argv = ["query", "co_mentions", "--columns", "labelB,?claims", "--format", "csv", "--out", str(HAND)]
    code, out, _ = run(capsys, *argv)
    assert code == 0 and out.splitlines() == ["labelB,claims", "Russia,2", "Vladimir Putin,1"]
    code, _, err = run(capsys, "query", "co_mentions", "--columns", "nope", "--out", str(HAND))
    assert code == 2 and "no column nope" in err and "labelA" in err


def test_query_cli_default_timeout_is_the_library_one() -> None:
    from kg.cli.query import DEFAULT_TIMEOUT_S
    from kg.sparql.store import DEFAULT_TIMEOUT_S as LIBRARY

    assert DEFAULT_TIMEOUT_S == LIBRARY
