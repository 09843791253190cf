"""A second real SPARQL server, Virtuoso (Debian's virtuoso-opensource): ``kg push`` loads the seed
graph into it, and ``kg query --endpoint`` gives the rows the embedded graph gives.

One server for the module, in a temporary folder on free loopback ports with its own virtuoso.ini
(tests/support/virtuoso.py), stopped at the end whatever happens. Needs ``make virtuoso``: without
``virtuoso-t`` these tests fail and say so, unless KG_SKIP_VIRTUOSO=1.

What legitimately differs is normalised, and nothing else: the order of rows that tie on a query's
``ORDER BY`` keys (and of the names a ``GROUP_CONCAT`` joins), and the datatype of integers
(Virtuoso gives ``oa:start`` back as the ``xsd:nonNegativeInteger`` the graph writes, the embedded
Oxigraph as ``xsd:integer``).
"""

from __future__ import annotations

import itertools
import json
import re
import shutil
import urllib.parse
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pyoxigraph as ox
import pytest

from kg.cli import main
from kg.sparql import EndpointSource, http_request, ready_queries
from tests.conftest import SEED_CORPUS
from tests.support.virtuoso import Virtuoso, require_virtuoso, virtuoso_server

pytestmark = pytest.mark.server

XSD = "http://www.w3.org/2001/XMLSchema#"
NUMBERS = {XSD + name for name in (
    "integer", "nonNegativeInteger", "positiveInteger", "nonPositiveInteger", "negativeInteger", "long", "int",
    "short", "byte", "unsignedLong", "unsignedInt", "unsignedShort", "unsignedByte", "decimal", "double", "float",
)}
KG_GRAPHS = "https://w3id.org/kg/id/graph/"
DROPPED = "001_6d476ae4c2a60732.txt"
"""The article the rebuild leaves out."""
PARAMS = [
    ("actor_claims", ["actor=Vladimir Putin"]),
    ("actor_claims", ["actor=putin"]),
    ("claims_about", ["actor=NATO"]),
    ("source_claims", ["source=Reuters"]),
]
PER_GRAPH = "SELECT ?g (COUNT(*) AS ?quads) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g ORDER BY ?g"
COUNTS = [
    PER_GRAPH,
    "SELECT (COUNT(*) AS ?quads) (COUNT(DISTINCT ?g) AS ?graphs) WHERE { GRAPH ?g { ?s ?p ?o } }",
    'SELECT (COUNT(?text) AS ?n) WHERE { GRAPH ?g { ?claim a schema:Claim ; schema:text ?text '
    'FILTER(CONTAINS(?text, "’")) } }',
    "SELECT ?status (COUNT(?claim) AS ?n) WHERE { GRAPH ?g { ?claim kg:citationStatus ?status } } GROUP BY ?status",
]


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Virtuoso]:
    """Virtuoso, started (it comes up while the seed graph builds); stopped at the end."""
    require_virtuoso()
    with virtuoso_server(tmp_path_factory.mktemp("virtuoso")) as started:
        yield started


@pytest.fixture(scope="module")
def seed_out(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("seed") / "out"
    assert main(["build", str(SEED_CORPUS), "--out", str(out), "-q"]) == 0
    return out


@pytest.fixture(scope="module")
def pushed(server: Virtuoso, seed_out: Path) -> Virtuoso:
    """Virtuoso holding the seed graph, loaded with ``kg push``."""
    server.ready()
    push(server, seed_out)
    return server


def push(server: Virtuoso, out: Path, *extra: str) -> int:
    return main(["push", "--endpoint", server.endpoint, "--graph-store", server.graph_store,
                 "--out", str(out), "-q", *extra])


def kg(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    capsys.readouterr()
    code = main(list(args))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


# ----------------------------------------------------------------------------------------------
# Rows, normalised where the two stores legitimately differ

Cell = tuple[Any, ...] | None


def _cell(binding: dict[str, str] | None) -> Cell:
    if binding is None:
        return None
    kind, value = binding["type"], binding["value"]
    if kind == "bnode":
        return ("bnode",)
    if kind == "uri":
        return ("uri", value)
    datatype = binding.get("datatype", "")
    if datatype in NUMBERS:
        return ("number", round(float(value), 9))
    if " / " in value:  # a GROUP_CONCAT of names: the order within a group is not specified
        value = " / ".join(sorted(value.split(" / ")))
    return ("literal", value, binding.get("xml:lang") or ("" if datatype == XSD + "string" else datatype))


def order_keys(query: str) -> list[str]:
    """The variables a query orders by (none without ``ORDER BY``)."""
    found = re.search(r"\bORDER\s+BY\b(.*)", query, re.IGNORECASE | re.DOTALL)
    return re.findall(r"[?$](\w+)", found.group(1)) if found else []


def table(answer: str, query: str) -> tuple[list[str], list[tuple[Any, list[tuple[Cell, ...]]]]]:
    """A JSON result as (variables, runs): consecutive rows that tie on the ORDER BY keys form a run,
    in its order; the rows inside a run are sorted (the server may give ties in any order)."""
    data = json.loads(answer)
    variables: list[str] = data["head"]["vars"]
    rows = [tuple(_cell(b.get(v)) for v in variables) for b in data["results"]["bindings"]]
    keys = [variables.index(k) for k in order_keys(query) if k in variables]
    runs = [(key, sorted(group, key=repr))
            for key, group in itertools.groupby(rows, key=lambda row: tuple(row[i] for i in keys))]
    return variables, runs


def same_rows(capsys: pytest.CaptureFixture[str], out: Path, server: Virtuoso, query: str, text: str,
              *extra: str) -> int:
    """Run ``kg query`` on the embedded graph and through Virtuoso; assert the same answer; its row count."""
    code, embedded, embedded_err = kg(capsys, "query", query, "--out", str(out), "--format", "json", *extra)
    assert code == 0, embedded_err
    code, served, served_err = kg(capsys, "query", query, "--endpoint", server.endpoint, "--format", "json", *extra)
    assert code == 0, served_err
    assert served_err == embedded_err  # the notes on how --param names were resolved
    assert table(served, text) == table(embedded, text), f"{query} {extra}"
    return len(json.loads(embedded)["results"]["bindings"])


def ready_names(capsys: pytest.CaptureFixture[str]) -> list[str]:
    code, listing, _ = kg(capsys, "query", "--list")
    assert code == 0
    names = re.findall(r"^(\w+)  ", listing, re.MULTILINE)
    assert sorted(names) == sorted(ready_queries())
    return names


# ----------------------------------------------------------------------------------------------
# The same answers


def test_virtuoso_push_loads_every_named_graph(pushed: Virtuoso, seed_out: Path,
                                               capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = kg(capsys, "push", "--endpoint", pushed.endpoint, "--graph-store", pushed.graph_store,
                      "--out", str(seed_out))
    embedded = load(seed_out)
    graphs = list(embedded.named_graphs())
    assert code == 0 and f"{len(embedded):,} quads in {len(graphs)} named graphs" in err, err
    assert "one PUT per named graph" in err
    served = EndpointSource(pushed.endpoint).select(PER_GRAPH).values()
    assert {row["g"]: int(row["quads"]) for row in served} == {
        name.value: len(list(embedded.quads_for_pattern(None, None, None, name)))
        for name in graphs
    }
    assert all(row["g"].startswith(KG_GRAPHS) for row in served), "Virtuoso's own graphs are private"


def test_virtuoso_every_ready_query_gives_the_embedded_rows(
    pushed: Virtuoso, seed_out: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    for name in ready_names(capsys):
        found = same_rows(capsys, seed_out, pushed, name, ready_queries()[name].text)
        assert found or name == "contradictions", f"{name} finds nothing on the seed graph"
    for name, params in PARAMS:
        options = [option for param in params for option in ("--param", param)]
        assert same_rows(capsys, seed_out, pushed, name, ready_queries()[name].text, *options), (name, params)


def test_virtuoso_counts_stats_and_listings_match(pushed: Virtuoso, seed_out: Path,
                                                  capsys: pytest.CaptureFixture[str]) -> None:
    for query in COUNTS:
        assert same_rows(capsys, seed_out, pushed, query, query)
    for command in ("stats", "uncited", "contradictions"):
        code, embedded, _ = kg(capsys, command, "--out", str(seed_out), "--format", "json")
        assert code == 0
        code, served, err = kg(capsys, command, "--endpoint", pushed.endpoint, "--format", "json")
        assert code == 0, err
        assert json.loads(served) == json.loads(embedded), command


def test_virtuoso_construct_gives_the_same_triples(pushed: Virtuoso, seed_out: Path,
                                                   capsys: pytest.CaptureFixture[str]) -> None:
    query = f"CONSTRUCT {{ ?s ?p ?o }} WHERE {{ GRAPH <{KG_GRAPHS}entities> {{ ?s ?p ?o }} }}"
    answers = []
    for where in (["--out", str(seed_out)], ["--endpoint", pushed.endpoint]):
        code, text, err = kg(capsys, "query", query, "--format", "ntriples", *where)
        assert code == 0, err
        answers.append(set(ox.parse(text.encode("utf-8"), ox.RdfFormat.N_TRIPLES)))
    assert answers[0] == answers[1] != set()


def test_virtuoso_default_graph_is_the_union_of_the_named_graphs(pushed: Virtuoso, seed_out: Path) -> None:
    """A pattern outside GRAPH sees every graph on Virtuoso: the ready queries name their graphs."""
    everything = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"
    named = "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }"
    served = EndpointSource(pushed.endpoint)
    assert served.select(everything).values() == served.select(named).values() == [{"n": str(len(load(seed_out)))}]


# ----------------------------------------------------------------------------------------------
# Pushing again, and what Virtuoso does not take


def test_virtuoso_push_after_a_rebuild_keeps_the_dropped_article(
    pushed: Virtuoso, seed_out: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """GSP replaces each built graph and leaves the rest: the article the rebuild dropped stays on the
    server until its graph is deleted; then every ready query gives the rebuild's rows."""
    corpus = tmp_path / "corpus"
    shutil.copytree(SEED_CORPUS, corpus, ignore=shutil.ignore_patterns(DROPPED))
    out = tmp_path / "out"
    shutil.copytree(seed_out, out, symlinks=True)  # with its extraction cache: only the whole-corpus steps run again
    assert main(["build", str(corpus), "--out", str(out), "-q"]) == 0
    source = EndpointSource(pushed.endpoint)
    dropped = f"{KG_GRAPHS}article/{DROPPED.removesuffix('.txt').replace('_', '-')}"
    try:
        assert push(pushed, out) == 0
        graphs = {row["g"] for row in source.select(PER_GRAPH).values()}
        built = {name.value for name in load(out).named_graphs()}
        assert dropped not in built and graphs == built | {dropped}
        code, served, _ = kg(capsys, "uncited", "--endpoint", pushed.endpoint, "--format", "json")
        assert code == 0 and dropped.rsplit("/", 1)[1] in served  # its claims are still listed

        target = f"{pushed.graph_store}?{urllib.parse.urlencode({'graph': dropped})}"
        status, _, answer = http_request("DELETE", target, None, {}, 30)
        assert status < 300, answer
        for name in ready_names(capsys):
            same_rows(capsys, out, pushed, name, ready_queries()[name].text)
    finally:
        assert push(pushed, seed_out) == 0  # the seed graph again, for the other tests


def test_virtuoso_refuses_what_it_does_not_take(pushed: Virtuoso, seed_out: Path,
                                                capsys: pytest.CaptureFixture[str]) -> None:
    """A bulk N-Quads POST (Virtuoso answers its query form and stores nothing), and a push without
    --graph-store (Oxigraph's /store is not Virtuoso's): exit 3, and the server holds what it held."""
    before = EndpointSource(pushed.endpoint).select(PER_GRAPH).values()
    code, _, err = kg(capsys, "push", "--endpoint", pushed.endpoint, "--graph-store", pushed.graph_store,
                      "--method", "bulk", "--out", str(seed_out))
    assert code == 3 and "answered the bulk load with a web page" in err, err
    code, _, err = kg(capsys, "push", "--endpoint", pushed.endpoint, "--out", str(seed_out))
    assert code == 3 and "/store?graph=" in err, err
    assert EndpointSource(pushed.endpoint).select(PER_GRAPH).values() == before


def load(out: Path) -> ox.Store:
    store = ox.Store()
    store.load(path=out / "graph.trig", format=ox.RdfFormat.TRIG)
    return store
