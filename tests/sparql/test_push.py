"""kg.sparql.push: kg push sends every named graph (Graph Store Protocol) or all quads at once."""

from __future__ import annotations

import urllib.parse
from pathlib import Path

import pyoxigraph as ox
import pytest

from kg.cli import main
from kg.errors import EndpointError
from kg.sparql import graph_store_url, load_dataset, push_graph
from tests.support.servers import Stub


def test_push_graph_store_url() -> None:
    assert graph_store_url("http://h:7878/query") == "http://h:7878/store"
    assert graph_store_url("http://h:7878/sparql/") == "http://h:7878/store"
    with pytest.raises(EndpointError, match="--graph-store"):
        graph_store_url("http://h:3030/ds")


def test_push_gsp_puts_each_named_graph(out: Path, stub: Stub) -> None:
    stub.answer = lambda seen: (204, "text/plain", b"")
    summary = push_graph(out, stub.url + "/store")
    names = sorted({q.graph_name.value for q in load_dataset(out)})
    assert summary.graphs == len(names) and summary.quads == len(load_dataset(out))
    puts = {urllib.parse.parse_qs(urllib.parse.urlsplit(s.path).query)["graph"][0]: s for s in stub.seen}
    assert sorted(puts) == names
    for name, request in puts.items():
        assert request.method == "PUT" and request.headers["Content-Type"] == "application/n-triples"
        triples = list(ox.parse(request.body, ox.RdfFormat.N_TRIPLES))
        assert len(triples) == len(list(load_dataset(out).quads_for_pattern(None, None, None, ox.NamedNode(name))))


def test_push_bulk_posts_nquads(out: Path, stub: Stub) -> None:
    stub.answer = lambda seen: (204, "text/plain", b"")
    push_graph(out, stub.url + "/store", method="bulk")
    (request,) = stub.seen
    assert request.method == "POST" and request.headers["Content-Type"] == "application/n-quads"
    pushed = ox.Store()
    pushed.load(request.body, ox.RdfFormat.N_QUADS)
    assert set(pushed) == set(load_dataset(out))


def test_push_refused_names_the_graph(out: Path, stub: Stub, capsys: pytest.CaptureFixture[str]) -> None:
    stub.answer = lambda seen: (403, "text/plain", b"read-only")
    code = main(["push", "--endpoint", stub.url + "/query", "--out", str(out)])
    err = capsys.readouterr().err
    assert code == 3 and "refused the upload of graph <https://w3id.org/kg/id/graph/" in err
