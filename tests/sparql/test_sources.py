"""kg.sparql.sources: the embedded graph, an on-disk store and SPARQL endpoints give the same answers.

Endpoint behaviour is checked against a stub HTTP server on loopback that answers what each test
tells it to (tests/support/servers.py); tests/serve/test_serve.py runs the same code against a real
Oxigraph server.
"""

from __future__ import annotations

import json
import time
import urllib.parse
from pathlib import Path

import pyoxigraph as ox
import pytest

from kg.errors import EndpointError, KgError, QueryError
from kg.sparql import EmbeddedSource, EndpointSource, open_source, ready_queries
from tests.support.servers import Seen, Stub

COUNT = "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }"


def test_sources_store_gives_the_same_rows_as_the_embedded_graph(out: Path, tmp_path: Path) -> None:
    with open_source(out) as embedded, open_source(out, store=f"oxigraph:{tmp_path / 'store'}") as on_disk:
        for name, ready in ready_queries().items():
            assert embedded.select(ready.text) == on_disk.select(ready.text), name


def test_sources_open_source_choices(out: Path) -> None:
    with pytest.raises(KgError, match="not both"):
        open_source(out, store="oxigraph:x", endpoint="http://127.0.0.1:1/query")
    with pytest.raises(KgError, match="oxigraph:DIR"):
        open_source(out, store="oxigraph:")
    with pytest.raises(EndpointError, match="not an http"):
        open_source(out, endpoint="ftp://example.org/sparql")
    assert isinstance(open_source(out, store="memory"), EmbeddedSource)
    assert isinstance(open_source(out, endpoint="http://127.0.0.1:1/query"), EndpointSource)



# ----------------------------------------------------------------------------------------------
# SPARQL endpoints over HTTP


def test_sources_endpoint_request_follows_the_protocol(stub: Stub) -> None:
    stub.answer = lambda seen: (
        200,
        "application/sparql-results+json",
        json.dumps({"head": {"vars": ["s", "n"]}, "results": {"bindings": [
            {"s": {"type": "uri", "value": "urn:x"}, "n": {"type": "literal", "value": "1",
             "datatype": "http://www.w3.org/2001/XMLSchema#integer"}},
            {"s": {"type": "bnode", "value": "b0"}},
        ]}}).encode(),
    )
    source = EndpointSource(stub.url + "/query")
    result = source.select("SELECT ?s ?n WHERE { GRAPH ?g { ?s kg:x ?n } }", {"n": [ox.Literal("1")]})
    assert result.variables == ("s", "n")
    assert result.rows[0] == (ox.NamedNode("urn:x"), ox.Literal("1", datatype=ox.NamedNode(
        "http://www.w3.org/2001/XMLSchema#integer")))
    assert isinstance(result.rows[1][0], ox.BlankNode) and result.rows[1][1] is None
    request = stub.seen[-1]
    assert request.method == "POST" and request.path == "/query"
    assert request.headers["Content-Type"] == "application/x-www-form-urlencoded"
    assert request.headers["Accept"].startswith("application/sparql-results+json")
    (text,) = urllib.parse.parse_qs(request.body.decode("ascii"))["query"]
    assert text.startswith("PREFIX kg: <https://w3id.org/kg/ns#>")
    assert 'VALUES (?n) {\n  ("1")\n}' in text


def test_sources_endpoint_construct(stub: Stub) -> None:
    stub.answer = lambda seen: (200, "application/n-triples", b"<urn:a> <urn:b> \"c\" .\n")
    result = EndpointSource(stub.url + "/query").run("CONSTRUCT WHERE { GRAPH ?g { ?s ?p ?o } }")
    assert result.triples == (ox.Triple(ox.NamedNode("urn:a"), ox.NamedNode("urn:b"), ox.Literal("c")),)  # type: ignore[union-attr]
    assert stub.seen[-1].headers["Accept"].startswith("application/n-triples")


def test_sources_endpoint_syntax_error_is_located_here(stub: Stub) -> None:
    """The endpoint's 400 for a syntax error becomes our message, on the user's own line numbers."""
    stub.answer = lambda seen: (400, "text/plain", b"error at 3:5: expected something")
    with pytest.raises(QueryError, match="line 2, column"):
        EndpointSource(stub.url + "/query").select("SELECT ?x\nWHERE { ?x ?y }")


def test_sources_endpoint_other_rejections_quote_the_server(stub: Stub) -> None:
    stub.answer = lambda seen: (400, "text/plain", b"this store does not support LATERAL")
    with pytest.raises(QueryError, match="rejected the query: this store does not support LATERAL"):
        EndpointSource(stub.url + "/query").select("SELECT * WHERE { GRAPH ?g { ?s ?p ?o } }")


@pytest.mark.parametrize(
    ("status", "body", "message"),
    [
        (404, b"no", "nothing at .*HTTP 404"),
        (403, b"forbidden", "refused the query .*HTTP 403"),
        (500, b"boom", "failed the query .*HTTP 500: boom"),
        (200, b'{"head":{"vars":["n"]},"results":{"bindings":[The SPARQL operation has been cancelled',
         "stopped the query at its time limit"),
    ],
)
def test_sources_endpoint_failures(stub: Stub, status: int, body: bytes, message: str) -> None:
    stub.answer = lambda seen: (status, "application/sparql-results+json", body)
    with pytest.raises(EndpointError, match=message):
        EndpointSource(stub.url + "/query").select(COUNT)


def test_sources_endpoint_timeout(stub: Stub) -> None:
    def slow(seen: Seen) -> tuple[int, str, bytes]:
        time.sleep(1.0)
        return 200, "application/sparql-results+json", b'{"head":{},"boolean":true}'

    stub.answer = slow
    with pytest.raises(EndpointError, match=r"did not answer within 0\.2 s"):
        EndpointSource(stub.url + "/query", timeout_s=0.2).run("ASK {}")


def test_sources_endpoint_lets_the_server_run_service(stub: Stub) -> None:
    EndpointSource(stub.url + "/query").run("ASK { SERVICE <http://example.org/sparql> { ?s ?p ?o } }")
    assert b"SERVICE" in stub.seen[-1].body


def test_sources_an_unsupported_function_is_a_query_error(out: Path) -> None:
    """The engine refuses a custom function it does not know: a clear error, not a traceback."""
    with open_source(out) as source, pytest.raises(QueryError, match="custom function"):
        source.run("SELECT ?x WHERE { BIND(<http://example.org/f>(1) AS ?x) }")
