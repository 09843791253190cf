"""kg serve against hostile clients: what tests/serve/test_serve.py does not already cover.

tests/serve/test_serve.py checks that updates and Graph Store writes are refused (403), that a runaway
query is stopped by the time limit (and a runaway sort by the memory limit), that a malformed query
and a wrong content type get a 4xx answer, that the server binds to loopback by default, and that
``--host`` warns. Here: bytes that are not HTTP at all, and a query that asks the server to fetch
another URL (``SERVICE``), which would let any client (or, with CORS, any web page open in the
analyst's browser) make the server send requests into the local network.
"""

from __future__ import annotations

import contextlib
import socket
import subprocess
import threading
import time
import urllib.parse
from collections.abc import Iterator

import pytest

from kg.errors import EndpointError
from kg.pipeline import build_corpus
from kg.sparql import EndpointSource
from tests.conftest import TINY_CORPUS
from tests.support.servers import kg_serve

pytestmark = pytest.mark.server


@pytest.fixture(scope="module")
def served(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """``kg serve`` over the tiny graph, in its own process; its query URL."""
    out = tmp_path_factory.mktemp("served") / "out"
    build_corpus(TINY_CORPUS, out)
    with kg_serve(out, "--timeout-s", "5", stderr=subprocess.DEVNULL) as (url, _):
        yield url


def count(url: str) -> int:
    result = EndpointSource(url, timeout_s=20).select("SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }")
    return int(result.rows[0][0].value)  # type: ignore[union-attr]


def raw_exchange(url: str, data: bytes) -> bytes:
    """Send ``data`` on a fresh connection; what comes back before the server closes it (or 5 s pass)."""
    parts = urllib.parse.urlsplit(url)
    assert parts.hostname is not None and parts.port is not None
    answer = b""
    with socket.create_connection((parts.hostname, parts.port), timeout=5) as conn:
        conn.sendall(data)
        with contextlib.suppress(TimeoutError, ConnectionResetError):
            while chunk := conn.recv(4096):
                answer += chunk
    return answer


@pytest.mark.parametrize(
    "data",
    [
        pytest.param(b"\x00\xff\xfe garbage that is not HTTP\r\n\r\n", id="binary"),
        pytest.param(b"GET /query?query=" + b"A" * 200_000 + b" HTTP/1.1\r\nHost: x\r\n\r\n", id="huge-url"),
        pytest.param(b"POST /query HTTP/1.1\r\nHost: x\r\nContent-Length: -5\r\n\r\nASK {}", id="negative-length"),
        pytest.param(b"POST /query HTTP/1.1\r\nHost: x\r\nContent-Type: application/sparql-query\r\n"
                     b"Transfer-Encoding: chunked\r\n\r\nZZ\r\nASK {}\r\n0\r\n\r\n", id="bad-chunk"),
        pytest.param(b"GET /query?query=%FF%FE%00 HTTP/1.1\r\nHost: x\r\n\r\n", id="not-utf8-query"),
    ],
)
def test_server_answers_malformed_http_and_keeps_serving(served: str, data: bytes) -> None:
    before = count(served)
    answer = raw_exchange(served, data)
    assert answer.startswith(b"HTTP/1.1 4"), answer[:200]  # Oxigraph answers 400 Bad Request
    assert count(served) == before


def test_server_refuses_service_and_sends_no_request(served: str) -> None:
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(1)
    listener.settimeout(5)
    seen: list[bytes] = []

    def accept() -> None:
        with contextlib.suppress(OSError):
            conn, _ = listener.accept()
            seen.append(conn.recv(1000))
            conn.close()

    thread = threading.Thread(target=accept, daemon=True)
    thread.start()
    port = listener.getsockname()[1]
    try:
        with contextlib.suppress(EndpointError):
            EndpointSource(served, timeout_s=10).select(
                f"SELECT * WHERE {{ SERVICE <http://127.0.0.1:{port}/internal> {{ ?s ?p ?o }} }}")
        time.sleep(0.5)
    finally:
        listener.close()
        thread.join(timeout=5)
    assert not seen, f"the server sent a request to a URL a client chose: {seen[0][:80]!r}"
