"""kg.sparql.store: the on-disk Oxigraph store, query sources, SPARQL endpoints over HTTP, kg push.

Endpoint behaviour is checked against a small stdlib HTTP server on loopback that answers what each
test tells it to; tests/serve/test_serve.py runs the same code against a real Oxigraph server.
"""

from __future__ import annotations

import http.server
import json
import shutil
import socket
import threading
import time
import urllib.parse
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pyoxigraph as ox
import pytest

from kg.cli import main
from kg.errors import EndpointError, KgError, OutputError, QueryError
from kg.sparql.query import ready_queries
from kg.sparql.store import (
    STORE_MARKER,
    EmbeddedSource,
    EndpointSource,
    QuerySource,
    StoreLock,
    graph_stats,
    graph_store_url,
    load_dataset,
    open_source,
    open_store_dir,
    push_graph,
)

HAND = Path(__file__).parent.parent / "data" / "queries"
COUNT = "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }"


@pytest.fixture
def out(tmp_path: Path) -> Path:
    """An output folder holding the hand-made graph."""
    folder = tmp_path / "out"
    folder.mkdir()
    shutil.copy(HAND / "graph.trig", folder / "graph.trig")
    return folder


def count(source: QuerySource) -> int:
    return int(source.select(COUNT).values()[0]["n"])


def add_quad(out: Path) -> None:
    """Change graph.trig: one more named graph with one triple."""
    with (out / "graph.trig").open("a", encoding="utf-8") as handle:
        handle.write("\n<urn:kg-test:graph> { <urn:a> <urn:b> <urn:c> . }\n")


# ----------------------------------------------------------------------------------------------
# The on-disk store


def test_store_created_then_reused(out: Path, tmp_path: Path) -> None:
    store_dir = tmp_path / "store"
    expected = len(load_dataset(out))
    with open_store_dir(out, store_dir) as source:
        assert count(source) == expected
    marker = json.loads((store_dir / STORE_MARKER).read_text())
    assert marker["quads"] == expected and marker["graph"] == str((out / "graph.trig").resolve())
    before = {p.name: p.stat().st_mtime_ns for p in store_dir.iterdir()}
    with open_store_dir(out, store_dir) as source:  # fresh: opened as it is, nothing written
        assert count(source) == expected
    assert {p.name: p.stat().st_mtime_ns for p in store_dir.iterdir()}.keys() >= before.keys()
    assert not list(tmp_path.glob(".store.loading-*")) and not list(tmp_path.glob(".store.old-*"))


def test_store_reloaded_when_the_graph_changes(out: Path, tmp_path: Path) -> None:
    store_dir = tmp_path / "store"
    with open_store_dir(out, store_dir) as source:
        first = count(source)
    add_quad(out)
    with open_store_dir(out, store_dir) as source:
        assert count(source) == first + 1


def test_store_same_bytes_new_time_is_not_reloaded(out: Path, tmp_path: Path) -> None:
    store_dir = tmp_path / "store"
    with open_store_dir(out, store_dir):
        pass
    sst = sorted(p.name for p in store_dir.iterdir())
    data = (out / "graph.trig").read_bytes()
    time.sleep(0.01)
    (out / "graph.trig").write_bytes(data)  # a rebuild giving the same bytes
    with open_store_dir(out, store_dir):
        pass
    assert sorted(p.name for p in store_dir.iterdir()) == sst
    marker = json.loads((store_dir / STORE_MARKER).read_text())
    assert marker["mtime_ns"] == (out / "graph.trig").stat().st_mtime_ns


def test_store_in_use_is_not_reloaded_under_its_reader(
    out: Path, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    """A kg serve holds the store's lock shared: a changed graph.trig is then queried as it was."""
    store_dir = tmp_path / "store"
    with open_store_dir(out, store_dir) as source:
        first = count(source)
    server = StoreLock(store_dir)  # what kg serve holds while it serves
    server.shared()
    try:
        add_quad(out)
        with open_store_dir(out, store_dir) as source:
            assert count(source) == first
        assert "another process" in caplog.text and "older than" in caplog.text
    finally:
        server.release()
    with open_store_dir(out, store_dir) as source:
        assert count(source) == first + 1


def test_store_of_someone_else_is_used_as_it_is(out: Path, tmp_path: Path) -> None:
    store_dir = tmp_path / "theirs"
    theirs = ox.Store(str(store_dir))
    theirs.add(ox.Quad(ox.NamedNode("urn:a"), ox.NamedNode("urn:b"), ox.NamedNode("urn:c"), ox.NamedNode("urn:g")))
    theirs.flush()
    del theirs
    with open_store_dir(out, store_dir) as source:
        assert count(source) == 1
    assert not (store_dir / STORE_MARKER).exists()


def test_store_refuses_a_folder_of_other_files(out: Path, tmp_path: Path) -> None:
    folder = tmp_path / "notes"
    folder.mkdir()
    (folder / "notes.txt").write_text("mine")
    with pytest.raises(OutputError, match="not an Oxigraph store"):
        open_store_dir(out, folder)
    assert (folder / "notes.txt").read_text() == "mine"


def test_store_without_graph_uses_the_last_load(out: Path, tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    store_dir = tmp_path / "store"
    with open_store_dir(out, store_dir) as source:
        first = count(source)
    (out / "graph.trig").unlink()
    with open_store_dir(out, store_dir) as source:
        assert count(source) == first
    assert "as it was last loaded" in caplog.text
    with pytest.raises(OutputError, match="kg build"):
        open_store_dir(out, tmp_path / "new-store")


def test_store_gives_the_same_rows_as_the_embedded_graph(out: Path, tmp_path: Path) -> None:
    with open_source(out) as embedded, open_source(out, store=f"oxigraph:{tmp_path / 'store'}") as on_disk:
        for name, ready in ready_queries().items():
            assert embedded.select(ready.text) == on_disk.select(ready.text), name


def test_store_stats_from_any_source(out: Path, tmp_path: Path) -> None:
    with open_source(out, store=f"oxigraph:{tmp_path / 'store'}") as source:
        assert graph_stats(source) == graph_stats(load_dataset(out))


def test_store_open_source_choices(out: Path) -> None:
    with pytest.raises(KgError, match="not both"):
        open_source(out, store="oxigraph:x", endpoint="http://127.0.0.1:1/query")
    with pytest.raises(KgError, match="oxigraph:DIR"):
        open_source(out, store="oxigraph:")
    with pytest.raises(EndpointError, match="not an http"):
        open_source(out, endpoint="ftp://example.org/sparql")
    assert isinstance(open_source(out, store="memory"), EmbeddedSource)
    assert isinstance(open_source(out, endpoint="http://127.0.0.1:1/query"), EndpointSource)


# ----------------------------------------------------------------------------------------------
# A stub HTTP server on loopback


@dataclass
class Seen:
    method: str
    path: str
    headers: dict[str, str]
    body: bytes


@dataclass
class Stub:
    url: str
    answer: Callable[[Seen], tuple[int, str, bytes]]
    seen: list[Seen] = field(default_factory=list)


@pytest.fixture
def stub() -> Iterator[Stub]:
    state = Stub("", lambda seen: (200, "application/sparql-results+json", b'{"head":{},"boolean":true}'))

    class Handler(http.server.BaseHTTPRequestHandler):
        def _any(self) -> None:
            length = int(self.headers.get("Content-Length") or 0)
            seen = Seen(self.command, self.path, dict(self.headers), self.rfile.read(length))
            state.seen.append(seen)
            status, media_type, body = state.answer(seen)
            self.send_response(status)
            self.send_header("Content-Type", media_type)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        do_GET = do_POST = do_PUT = _any  # noqa: N815

        def log_message(self, format: str, *args: object) -> None:
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    state.url = f"http://127.0.0.1:{server.server_address[1]}"
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    try:
        yield state
    finally:
        server.shutdown()
        server.server_close()


def test_store_endpoint_request_follows_the_protocol(stub: Stub) -> None:
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
    assert request.headers["Content-Type"].startswith("application/sparql-query")
    assert request.headers["Accept"].startswith("application/sparql-results+json")
    text = request.body.decode()
    assert text.startswith("PREFIX kg: <https://w3id.org/kg/ns#>")
    assert 'VALUES (?n) {\n  ("1")\n}' in text


def test_store_endpoint_construct(stub: Stub) -> None:
    stub.answer = lambda seen: (200, "application/n-triples", b"<urn:a> <urn:b> \"c\" .\n")
    result = EndpointSource(stub.url + "/query").run("CONSTRUCT WHERE { GRAPH ?g { ?s ?p ?o } }")
    assert result.triples == (ox.Triple(ox.NamedNode("urn:a"), ox.NamedNode("urn:b"), ox.Literal("c")),)  # type: ignore[union-attr]
    assert stub.seen[-1].headers["Accept"].startswith("application/n-triples")


def test_store_endpoint_syntax_error_is_located_here(stub: Stub) -> None:
    """The endpoint's 400 for a syntax error becomes our message, on the user's own line numbers."""
    stub.answer = lambda seen: (400, "text/plain", b"error at 3:5: expected something")
    with pytest.raises(QueryError, match="line 2, column"):
        EndpointSource(stub.url + "/query").select("SELECT ?x\nWHERE { ?x ?y }")


def test_store_endpoint_other_rejections_quote_the_server(stub: Stub) -> None:
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
def test_store_endpoint_failures(stub: Stub, status: int, body: bytes, message: str) -> None:
    stub.answer = lambda seen: (status, "application/sparql-results+json", body)
    with pytest.raises(EndpointError, match=message):
        EndpointSource(stub.url + "/query").select(COUNT)


def test_store_endpoint_timeout(stub: Stub) -> None:
    def slow(seen: Seen) -> tuple[int, str, bytes]:
        time.sleep(1.0)
        return 200, "application/sparql-results+json", b'{"head":{},"boolean":true}'

    stub.answer = slow
    with pytest.raises(EndpointError, match=r"did not answer within 0\.2 s"):
        EndpointSource(stub.url + "/query", timeout_s=0.2).run("ASK {}")


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def test_store_endpoint_unreachable_exits_3(capsys: pytest.CaptureFixture[str]) -> None:
    url = f"http://127.0.0.1:{free_port()}/query"
    assert main(["query", "uncited", "--endpoint", url]) == 3
    err = capsys.readouterr().err
    assert f"cannot reach {url}" in err and "Traceback" not in err


def test_store_endpoint_lets_the_server_run_service(stub: Stub) -> None:
    EndpointSource(stub.url + "/query").run("ASK { SERVICE <http://example.org/sparql> { ?s ?p ?o } }")
    assert b"SERVICE" in stub.seen[-1].body


# ----------------------------------------------------------------------------------------------
# kg push


def test_store_graph_store_url() -> None:
    assert graph_store_url("http://h:7878/query") == "http://h:7878/store"
    assert graph_store_url("http://h:7878/sparql/") == "http://h:7878/store"
    with pytest.raises(EndpointError, match="--graph-store"):
        graph_store_url("http://h:3030/ds")


def test_store_push_gsp_puts_each_named_graph(out: Path, stub: Stub) -> None:
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


def test_store_push_bulk_posts_nquads(out: Path, stub: Stub) -> None:
    stub.answer = lambda seen: (204, "text/plain", b"")
    push_graph(out, stub.url + "/store", method="bulk")
    (request,) = stub.seen
    assert request.method == "POST" and request.headers["Content-Type"] == "application/n-quads"
    pushed = ox.Store()
    pushed.load(request.body, ox.RdfFormat.N_QUADS)
    assert set(pushed) == set(load_dataset(out))


def test_store_push_refused_names_the_graph(out: Path, stub: Stub, capsys: pytest.CaptureFixture[str]) -> None:
    stub.answer = lambda seen: (403, "text/plain", b"read-only")
    code = main(["push", "--endpoint", stub.url + "/query", "--out", str(out)])
    err = capsys.readouterr().err
    assert code == 3 and "refused the upload of graph <https://w3id.org/kg/id/graph/" in err
