"""SPARQL servers for tests, each on a free loopback port and stopped at the end whatever happens.

A stub HTTP server that answers what a test tells it to (:func:`stub_server`), a real read-write
``oxigraph serve`` (:func:`oxigraph_server`), and ``kg serve`` run as the user runs it (:func:`kg_serve`).
"""

from __future__ import annotations

import contextlib
import http.server
import os
import signal
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

from kg.errors import EndpointError
from kg.serve import find_oxigraph
from kg.sparql import http_request

REPO = Path(__file__).parent.parent.parent


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def stop(process: subprocess.Popen[Any], timeout_s: float = 10) -> None:
    """SIGTERM, then SIGKILL if ``process`` has not ended after ``timeout_s``."""
    if process.poll() is None:
        process.send_signal(signal.SIGTERM)
        try:
            process.wait(timeout=timeout_s)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def wait_until_up(url: str, process: subprocess.Popen[bytes], timeout_s: float = 20.0) -> None:
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        assert process.poll() is None, "the server stopped at start"
        with contextlib.suppress(EndpointError):
            if http_request("POST", url, b"ASK {}", {"Content-Type": "application/sparql-query"}, 1.0)[0] == 200:
                return
        time.sleep(0.05)
    raise AssertionError(f"no server at {url}")


@contextlib.contextmanager
def oxigraph_server(*args: str) -> Iterator[str]:
    """A read-write ``oxigraph serve`` (in memory unless ``args`` say otherwise); its query URL."""
    port = free_port()
    command = [str(find_oxigraph()), "serve", "--bind", f"127.0.0.1:{port}", *args]
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}/query"
    try:
        wait_until_up(url, process)
        yield url
    finally:
        stop(process)


@contextlib.contextmanager
def kg_serve(
    out: Path, *args: str, stderr: int | IO[Any] = subprocess.PIPE
) -> Iterator[tuple[str, subprocess.Popen[str]]]:
    """``kg serve`` as the user runs it, in its own process; (query URL, process)."""
    command = [sys.executable, "-m", "kg", "serve", "--out", str(out), "--port", str(free_port()), *args]
    env = {**os.environ, "PYTHONPATH": str(REPO), "PYTHONUNBUFFERED": "1"}
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=stderr, text=True, env=env)
    try:
        assert process.stdout is not None
        first = process.stdout.readline()
        assert first.startswith("SPARQL endpoint: "), first + (process.stderr.read() if process.stderr else "")
        yield first.split()[2], process
    finally:
        stop(process, timeout_s=15)


# ----------------------------------------------------------------------------------------------
# A stub HTTP server


@dataclass
class Seen:
    """A request the stub received."""

    method: str
    path: str
    headers: dict[str, str]
    body: bytes


@dataclass
class Stub:
    """The stub's URL, how it answers (settable by the test) and the requests it has seen."""

    url: str
    answer: Callable[[Seen], tuple[int, str, bytes]]
    seen: list[Seen] = field(default_factory=list)


class _StubServer(http.server.ThreadingHTTPServer):
    daemon_threads = False  # so server_close() waits for answers still being written

    def handle_error(self, request: Any, client_address: Any) -> None:
        """Quiet when the client has gone (a test that timed out on purpose); else the traceback."""
        if not isinstance(sys.exc_info()[1], ConnectionError):
            super().handle_error(request, client_address)


@contextlib.contextmanager
def stub_server() -> Iterator[Stub]:
    """An HTTP server on loopback answering each request with ``Stub.answer`` (status, media type, body)."""
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

    server = _StubServer(("127.0.0.1", 0), Handler)
    state.url = f"http://127.0.0.1:{server.server_address[1]}"
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    try:
        yield state
    finally:
        server.shutdown()
        server.server_close()
