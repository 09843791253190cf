"""A real Oxigraph server: the same rows everywhere, kg push, and kg serve's hardening.

Every server here is started by the test on a free loopback port and stopped at the end, whatever
happens (fixtures with ``finally``). Tests that start one are marked ``server``.
"""

from __future__ import annotations

import signal
import socket
import subprocess
import sys
import time
import urllib.parse
from collections.abc import Iterator
from pathlib import Path

import pyoxigraph as ox
import pytest
from SPARQLWrapper import JSON, POSTDIRECTLY, SPARQLWrapper

from kg.cli import main
from kg.errors import EndpointError, KgError, QueryError
from kg.serve import Server, ServerConfig, find_oxigraph, server_command
from kg.sparql import (
    STORE_MARKER,
    EndpointSource,
    QuerySource,
    SelectResult,
    Term,
    find_ready_query,
    http_request,
    open_source,
    ready_queries,
    run_query,
)
from tests.conftest import SEED_CORPUS
from tests.support.servers import free_port, kg_serve, oxigraph_server

CROSS_PRODUCT_COUNT = "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?a { ?s1 ?p1 ?o1 } GRAPH ?b { ?s2 ?p2 ?o2 } }"
"""About 43 million rows on the seed graph: some 25 s of work without a time limit."""
CROSS_PRODUCT_SORT = (
    "SELECT ?s1 WHERE { GRAPH ?a { ?s1 ?p1 ?o1 } GRAPH ?b { ?s2 ?p2 ?o2 } GRAPH ?c { ?s3 ?p3 ?o3 } } "
    "ORDER BY ?o1 ?o2 ?o3 LIMIT 1"
)
"""A sort Oxigraph's time limit does not interrupt: it grows by tens of MB a second."""

PARAMS: list[tuple[str, dict[str, list[str]]]] = [
    ("actor_claims", {"actor": ["Vladimir Putin"]}),
    ("claims_about", {"actor": ["NATO"]}),
    ("source_claims", {"source": ["Reuters"]}),
]


@pytest.fixture(scope="module")
def seed_out(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("seed") / "out"
    assert main(["build", str(SEED_CORPUS), "--out", str(out), "-q"]) == 0
    return out


@pytest.fixture(scope="module")
def pushed(seed_out: Path) -> Iterator[str]:
    """A real Oxigraph server holding the seed graph, loaded with `kg push`."""
    with oxigraph_server() as url:
        assert main(["push", "--endpoint", url, "--out", str(seed_out), "-q"]) == 0
        yield url


# ----------------------------------------------------------------------------------------------
# The same rows everywhere


def _normal(term: Term | None) -> tuple[str, ...] | None:
    """A term as (kind, value, datatype or language); a joined list of names in a fixed order."""
    if term is None:
        return None
    if isinstance(term, ox.NamedNode):
        return ("uri", term.value)
    if isinstance(term, ox.Literal):
        value = term.value
        if " / " in value:  # GROUP_CONCAT of co-authors: the order of a group is not specified
            value = " / ".join(sorted(value.split(" / ")))
        extra = term.language or ("" if term.datatype.value.endswith("#string") else term.datatype.value)
        return ("literal", value, extra)
    return ("other", str(term))


def normal(result: SelectResult) -> list[tuple[tuple[str, ...] | None, ...]]:
    return [tuple(_normal(t) for t in row) for row in result.rows]


def _wrapper_term(binding: dict[str, str] | None) -> tuple[str, ...] | None:
    if binding is None:
        return None
    if binding["type"] == "uri":
        return ("uri", binding["value"])
    value = binding["value"]
    if " / " in value:
        value = " / ".join(sorted(value.split(" / ")))
    extra = binding.get("xml:lang") or binding.get("datatype", "")
    return ("literal", value, "" if extra.endswith("#string") else extra)


def sparqlwrapper_rows(url: str, text: str) -> list[tuple[tuple[str, ...] | None, ...]]:
    """The rows as SPARQLWrapper (a standard SPARQL client) gets them from the server."""
    client = SPARQLWrapper(url)
    client.setMethod("POST")
    client.setRequestMethod(POSTDIRECTLY)
    client.setQuery(text)
    client.setReturnFormat(JSON)
    data = client.queryAndConvert()
    assert isinstance(data, dict)
    variables = data["head"]["vars"]
    return [tuple(_wrapper_term(b.get(v)) for v in variables) for b in data["results"]["bindings"]]


def rows_of(source: QuerySource, name: str, params: dict[str, list[str]]) -> SelectResult:
    ready = find_ready_query(name)
    assert ready is not None
    result, _ = run_query(source, ready.text, params, ready)
    assert isinstance(result, SelectResult)
    return result


@pytest.mark.server
def test_serve_every_ready_query_gives_the_same_rows_everywhere(
    seed_out: Path, pushed: str, tmp_path: Path
) -> None:
    cases: list[tuple[str, dict[str, list[str]]]] = [(name, {}) for name in ready_queries()] + PARAMS
    with (
        open_source(seed_out) as embedded,
        open_source(seed_out, store=f"oxigraph:{tmp_path / 'store'}") as store,
        open_source(seed_out, endpoint=pushed) as endpoint,
    ):
        for name, params in cases:
            expected = rows_of(embedded, name, params)
            assert expected.rows or name in ("contradictions",), f"{name} finds nothing on the seed graph"
            assert normal(rows_of(store, name, params)) == normal(expected), f"{name}: store"
            served = rows_of(endpoint, name, params)
            assert served.variables == expected.variables, name
            assert normal(served) == normal(expected), f"{name}: server"
            if not params:
                assert sparqlwrapper_rows(pushed, ready_queries()[name].text) == normal(expected), name


@pytest.mark.server
def test_serve_push_again_replaces_each_graph(seed_out: Path, pushed: str) -> None:
    local = len(ox_store(seed_out))
    source = EndpointSource(pushed)
    assert main(["push", "--endpoint", pushed, "--out", str(seed_out), "-q"]) == 0
    assert _count(source) == local


def ox_store(out: Path) -> ox.Store:
    store = ox.Store()
    store.load(path=out / "graph.trig", format=ox.RdfFormat.TRIG)
    return store


def _count(source: QuerySource) -> int:
    return int(source.select("SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }").values()[0]["n"])


@pytest.mark.server
def test_serve_push_bulk(seed_out: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with oxigraph_server() as url:
        assert main(["push", "--endpoint", url, "--out", str(seed_out), "--method", "bulk"]) == 0
        assert "one bulk N-Quads POST" in capsys.readouterr().err
        assert _count(EndpointSource(url)) == len(ox_store(seed_out))


# ----------------------------------------------------------------------------------------------
# kg serve


def _store_files(store_dir: Path) -> dict[str, int]:
    return {p.name: p.stat().st_mtime_ns for p in store_dir.iterdir()}


@pytest.mark.server
def test_serve_read_only_loopback_cors_and_clean_errors(seed_out: Path) -> None:
    with kg_serve(seed_out, "--timeout-s", "2") as (url, process):
        store_dir = seed_out / "store"
        before = _store_files(store_dir)
        host = urllib.parse.urlsplit(url).hostname
        assert host == "127.0.0.1"
        source = EndpointSource(url)
        quads = _count(source)
        assert quads == len(ox_store(seed_out))
        base = url.removesuffix("/query")

        update = b"INSERT DATA { GRAPH <urn:x> { <urn:a> <urn:b> <urn:c> } }"
        status, _, _ = http_request("POST", base + "/update", update, {"Content-Type": "application/sparql-update"}, 5)
        assert status == 403
        triple = b"<urn:a> <urn:b> <urn:c> ."
        status, _, _ = http_request(
            "PUT", base + "/store?graph=urn:x", triple, {"Content-Type": "application/n-triples"}, 5
        )
        assert status == 403
        status, _, body = http_request("POST", url, b"SELEC nonsense", {"Content-Type": "application/sparql-query"}, 5)
        assert 400 <= status < 500, (status, body)
        status, _, _ = http_request("POST", url, b"ASK {}", {"Content-Type": "image/png"}, 5)
        assert 400 <= status < 500
        with pytest.raises(QueryError, match="line 1, column"):
            source.select("SELEC nonsense")
        status, headers, _ = http_request(
            "OPTIONS", url, None,
            {"Origin": "https://yasgui.example", "Access-Control-Request-Method": "POST"}, 5,
        )
        assert headers.get("Access-Control-Allow-Origin") == "*"

        started = time.monotonic()
        with pytest.raises(EndpointError, match="time limit"):
            source.select(CROSS_PRODUCT_COUNT)
        assert time.monotonic() - started < 10
        assert _count(source) == quads  # still serving after the runaway query was stopped

        process.send_signal(signal.SIGTERM)
        assert process.wait(timeout=15) == 0
        assert process.stderr is not None
        assert "the store in" in process.stderr.read()
    after = _store_files(store_dir)
    assert after == before
    marker = (store_dir / STORE_MARKER).read_text()
    assert str(quads) in marker
    with open_source(seed_out, store=f"oxigraph:{store_dir}") as reopened:
        assert _count(reopened) == quads


@pytest.mark.server
def test_serve_restarts_a_server_that_runs_away(seed_out: Path, tmp_path: Path) -> None:
    """A sort the time limit cannot stop is cut off by the memory limit, and the server comes back."""
    with open_source(seed_out, store=f"oxigraph:{tmp_path / 'store'}"):
        pass
    config = ServerConfig(store_dir=tmp_path / "store", port=free_port(), timeout_s=1, max_memory_mb=300)
    with Server(config, on_log=lambda line: None) as server:
        source = EndpointSource(server.url, timeout_s=60)
        started = time.monotonic()
        with pytest.raises(EndpointError):
            source.select(CROSS_PRODUCT_SORT)
        assert time.monotonic() - started < 60
        deadline = time.monotonic() + 20
        while True:
            try:
                assert _count(source) > 0
                break
            except EndpointError:
                assert time.monotonic() < deadline, "the server did not come back"
                time.sleep(0.1)
        assert server.restarts == 1
        assert any("restarting" in line for line in server.log) or server.restarts == 1


@pytest.mark.server
def test_serve_warns_before_leaving_loopback(seed_out: Path, capsys: pytest.CaptureFixture[str]) -> None:
    # 192.0.2.1 (TEST-NET-1) is no address of this machine: the warning comes, and nothing listens.
    assert main(["serve", "--out", str(seed_out), "--host", "192.0.2.1", "--port", str(free_port())]) == 2
    err = capsys.readouterr().err
    assert "warning: listening on 192.0.2.1, not on loopback" in err
    assert "cannot listen on 192.0.2.1" in err


@pytest.mark.server
def test_serve_port_in_use(seed_out: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        assert main(["serve", "--out", str(seed_out), "--port", str(port)]) == 2
    err = capsys.readouterr().err
    assert f"cannot listen on 127.0.0.1:{port}" in err and "--port" in err
    assert "warning" not in err


def test_serve_command_is_read_only(tmp_path: Path) -> None:
    command = server_command(Path("/bin/oxigraph"), ServerConfig(store_dir=tmp_path, port=8000, timeout_s=7))
    assert command[1] == "serve-read-only"
    assert command[command.index("--bind") + 1] == "127.0.0.1:8000"
    assert command[command.index("--timeout-s") + 1] == "7"
    assert "--cors" in command and "--union-default-graph" not in command
    ipv6 = server_command(Path("x"), ServerConfig(store_dir=tmp_path, host="::1", port=1, cors=False))
    assert ipv6[ipv6.index("--bind") + 1] == "[::1]:1" and "--cors" not in ipv6


def test_serve_without_oxigraph(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setattr(sys, "executable", str(tmp_path / "python"))
    monkeypatch.setenv("PATH", str(tmp_path))
    with pytest.raises(KgError, match="pip install oxigraph"):
        find_oxigraph()


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["--port", "70000"], "not a port number"),
        (["--port", "http"], "not a port number"),
        (["--timeout-s", "0"], "more than 0 seconds"),
    ],
)
def test_serve_usage_errors(argv: list[str], message: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["serve", *argv]) == 2
    assert message in capsys.readouterr().err


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="seccomp is Linux only")
def test_serve_sandbox_blocks_outgoing_connections_only() -> None:
    """The server process may listen and accept, never connect (SERVICE would fetch a client's URL)."""
    from kg.serve import _sandbox

    probe = (
        "import socket\n"
        "server = socket.socket(); server.bind(('127.0.0.1', 0)); server.listen()\n"
        "try:\n"
        "    socket.create_connection(server.getsockname(), timeout=2)\n"
        "except PermissionError:\n"
        "    print('blocked')\n"
    )
    sandboxed = subprocess.run(
        [sys.executable, "-c", probe], preexec_fn=_sandbox(), capture_output=True, text=True, timeout=30
    )
    assert sandboxed.stdout == "blocked\n", sandboxed.stderr
    free = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, timeout=30)
    assert free.stdout == "" and free.returncode == 0, free.stderr
