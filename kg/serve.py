"""serve: the Oxigraph SPARQL server over the built graph: read-only, on loopback unless asked.

Stage contract: runs ``oxigraph serve-read-only`` (the binary of the PyPI package ``oxigraph``, a
real SPARQL 1.1 server, not one of ours) over an on-disk store folder that
:func:`kg.sparql.disk.prepare_store_dir` has filled from ``<out>/graph.trig``. The server refuses SPARQL
Update and Graph Store writes (HTTP 403), answers CORS requests when asked (so a browser query
editor can use it), and stops each query after ``timeout_s`` seconds. On Linux it runs under a
seccomp filter that keeps it from opening connections, so ``SERVICE`` cannot make it fetch URLs a
client chose (see :func:`_sandbox`).

Oxigraph checks the time limit while it produces rows, not while it sorts or groups them: a query
that sorts a huge intermediate result (``ORDER BY`` over a cross product) runs past the limit and
grows without bound. So :class:`Server` also watches the server's memory and restarts it when it
passes ``max_memory_mb``: the runaway query's client loses its connection, everyone else carries on.
Stopping the server never writes to the store folder.
"""

from __future__ import annotations

import contextlib
import ctypes
import logging
import os
import platform
import shutil
import signal
import socket
import subprocess
import sys
import threading
import time
from collections import deque
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from types import TracebackType

from kg.errors import EndpointError, KgError
from kg.sparql import http_request
from kg.vocab import SDO

__all__ = [
    "DEFAULT_HOST",
    "DEFAULT_PORT",
    "DEFAULT_TIMEOUT_S",
    "Server",
    "ServerConfig",
    "check_port_free",
    "curl_example",
    "default_max_memory_mb",
    "endpoint_url",
    "find_oxigraph",
    "server_command",
]

logger = logging.getLogger(__name__)

DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 7878
DEFAULT_TIMEOUT_S = 30.0


def default_max_memory_mb() -> int:
    """Half of this machine's memory (the server is restarted above it), or 4096 if unknown."""
    try:
        total = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES")
    except (ValueError, OSError, AttributeError):
        return 4096
    return max(256, total // 2 // (1 << 20))


def find_oxigraph() -> Path:
    """The ``oxigraph`` server binary: next to this Python (a venv's bin/), else on PATH.

    Raises:
        KgError: it is not installed.
    """
    beside = Path(sys.executable).parent / "oxigraph"
    if beside.is_file() and os.access(beside, os.X_OK):
        return beside
    found = shutil.which("oxigraph")
    if found:
        return Path(found)
    raise KgError(
        "the Oxigraph server is not installed: `pip install oxigraph` (a dependency of kg) puts the "
        "`oxigraph` program next to Python"
    )


def _bind_address(host: str, port: int) -> str:
    host = host.strip("[]")
    return f"[{host}]:{port}" if ":" in host else f"{host}:{port}"


def endpoint_url(host: str, port: int) -> str:
    """The query endpoint URL clients on this machine use (a wildcard host is reached on loopback).

    >>> endpoint_url("0.0.0.0", 7878), endpoint_url("::1", 8000)
    ('http://127.0.0.1:7878/query', 'http://[::1]:8000/query')
    """
    reach = {"0.0.0.0": "127.0.0.1", "::": "::1", "": "127.0.0.1"}.get(host.strip("[]"), host.strip("[]"))
    return f"http://{_bind_address(reach, port)}/query"


@dataclass(frozen=True)
class ServerConfig:
    """How to run the server."""

    store_dir: Path
    host: str = DEFAULT_HOST
    port: int = DEFAULT_PORT
    timeout_s: float = DEFAULT_TIMEOUT_S
    cors: bool = True
    union_default_graph: bool = False
    max_memory_mb: int = 0
    """Restart the server when its resident memory passes this (0: never)."""

    @property
    def url(self) -> str:
        return endpoint_url(self.host, self.port)


def server_command(binary: Path, config: ServerConfig) -> list[str]:
    """The ``oxigraph serve-read-only`` command line for ``config``."""
    command = [
        str(binary),
        "serve-read-only",
        "--location",
        str(config.store_dir),
        "--bind",
        _bind_address(config.host, config.port),
        "--timeout-s",
        str(max(1, round(config.timeout_s))),
    ]
    if config.cors:
        command.append("--cors")
    if config.union_default_graph:
        command.append("--union-default-graph")
    return command


def check_port_free(host: str, port: int) -> None:
    """KgError if ``host:port`` cannot be bound (in use, or not an address of this machine)."""
    family = socket.AF_INET6 if ":" in host.strip("[]") else socket.AF_INET
    with socket.socket(family, socket.SOCK_STREAM) as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            probe.bind((host.strip("[]"), port))
        except OSError as exc:
            raise KgError(
                f"cannot listen on {_bind_address(host, port)}: {exc.strerror or exc}. Another server "
                "(another kg serve?) may be using the port: choose one with --port"
            ) from None


# ----------------------------------------------------------------------------------------------
# The server's sandbox (Linux): no outgoing connections, and it dies with kg serve
#
# Oxigraph evaluates SERVICE by fetching the URL the query names, so any client (or, with CORS, any
# web page open in the analyst's browser) could make the server send requests into the local network
# (server-side request forgery), and Oxigraph has no option to turn SERVICE off. A server only needs
# to accept connections, never to open one, so a seccomp filter makes connect(2) (and io_uring, which
# could connect behind the filter's back) fail with EPERM for the server process and its threads: a
# SERVICE query then fails with an error and no request leaves the machine.

_AUDIT_ARCH = {"x86_64": 0xC000003E, "aarch64": 0xC00000B7}
_CONNECT = {"x86_64": 42, "aarch64": 203}
_IO_URING_SETUP = 425  # the same number on every architecture
_X32_BIT = 0x40000000  # x86_64's x32 ABI: other syscall numbers for the same calls


class _SockFilter(ctypes.Structure):
    _fields_ = [("code", ctypes.c_ushort), ("jt", ctypes.c_ubyte), ("jf", ctypes.c_ubyte), ("k", ctypes.c_uint32)]


class _SockFprog(ctypes.Structure):
    _fields_ = [("len", ctypes.c_ushort), ("filter", ctypes.POINTER(_SockFilter))]


def _no_connect_filter(machine: str) -> tuple[_SockFprog, ctypes.Array[_SockFilter]] | None:
    """The seccomp program (and the array it points to, which must stay alive): connect(2),
    io_uring_setup(2) and x32 calls fail with EPERM; every other call runs."""
    if machine not in _AUDIT_ARCH:
        return None
    load, jeq, jge, ret = 0x20, 0x15, 0x35, 0x06  # BPF_LD|W|ABS, BPF_JMP|JEQ|K, BPF_JMP|JGE|K, BPF_RET|K
    allow, deny = 0x7FFF0000, 0x00050000 | 1  # SECCOMP_RET_ALLOW, SECCOMP_RET_ERRNO | EPERM
    program = [  # (code, jump if true, jump if false, k); jumps count from the next instruction
        (load, 0, 0, 4),  # 0: the architecture (seccomp_data.arch)
        (jeq, 0, 4, _AUDIT_ARCH[machine]),  # 1: another one: 6, allow
        (load, 0, 0, 0),  # 2: the syscall number (seccomp_data.nr)
        (jge, 3, 0, _X32_BIT),  # 3: an x32 call: 7, deny
        (jeq, 2, 0, _CONNECT[machine]),  # 4: connect: 7, deny
        (jeq, 1, 0, _IO_URING_SETUP),  # 5: io_uring_setup: 7, deny
        (ret, 0, 0, allow),  # 6
        (ret, 0, 0, deny),  # 7
    ]
    filters = (_SockFilter * len(program))(*(_SockFilter(c, t, f, k) for c, t, f, k in program))
    return _SockFprog(len(program), filters), filters


def _sandbox() -> Callable[[], None] | None:
    """A preexec_fn for the server on Linux (else None): no outgoing connections; SIGTERM when kg dies.

    Everything is prepared here, in kg's process: between fork and exec the child only makes prctl
    calls. If the kernel refuses the filter, the server starts anyway and says so in its log.
    """
    if not sys.platform.startswith("linux"):
        return None
    try:
        libc = ctypes.CDLL(None, use_errno=True)
    except OSError:
        return None
    compiled = _no_connect_filter(platform.machine())  # held by the closure: the filter array stays alive
    warning = b"kg serve: warning: cannot stop this server from opening connections (SERVICE works)\n"

    def preexec() -> None:  # pragma: no cover - runs in the child between fork and exec
        libc.prctl(1, signal.SIGTERM, 0, 0, 0)  # PR_SET_PDEATHSIG: never outlive kg serve
        if (
            compiled is None
            or libc.prctl(38, 1, 0, 0, 0) != 0
            or libc.prctl(22, 2, ctypes.byref(compiled[0]), 0, 0) != 0
        ):
            os.write(2, warning)  # PR_SET_NO_NEW_PRIVS, then PR_SET_SECCOMP with SECCOMP_MODE_FILTER

    return preexec


def _resident_mb(pid: int) -> float | None:
    try:
        with open(f"/proc/{pid}/statm", encoding="ascii") as handle:
            pages = int(handle.read().split()[1])
    except (OSError, ValueError, IndexError):
        return None
    return pages * os.sysconf("SC_PAGE_SIZE") / (1 << 20)


class Server:
    """A running ``oxigraph serve-read-only``, restarted when it passes its memory limit.

    Use as a context manager, or call :meth:`start`, :meth:`wait_ready` and :meth:`stop`. The
    server's log lines go to ``on_log`` (default: stderr, prefixed ``oxigraph:``).
    """

    def __init__(
        self,
        config: ServerConfig,
        binary: Path | None = None,
        on_log: Callable[[str], None] | None = None,
    ) -> None:
        self.config = config
        self.binary = binary or find_oxigraph()
        self.on_log = on_log or (lambda line: print(f"oxigraph: {line}", file=sys.stderr, flush=True))
        self.process: subprocess.Popen[bytes] | None = None
        self.restarts = 0
        self.log: deque[str] = deque(maxlen=50)
        self._stopping = False
        self._restarting = False
        self._lock = threading.Lock()
        self._watchdog: threading.Thread | None = None
        self._preexec = _sandbox()

    @property
    def url(self) -> str:
        return self.config.url

    def command(self) -> list[str]:
        return server_command(self.binary, self.config)

    def start(self) -> None:
        """Start the server process (returns at once; see :meth:`wait_ready`)."""
        with self._lock:
            self._stopping = False
            self._spawn()
        if self.config.max_memory_mb > 0 and (self._watchdog is None or not self._watchdog.is_alive()):
            self._watchdog = threading.Thread(target=self._watch_memory, daemon=True)
            self._watchdog.start()

    def _spawn(self) -> None:
        process = subprocess.Popen(
            self.command(),
            stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            start_new_session=True,  # Ctrl-C reaches kg, which stops the server itself
            preexec_fn=self._preexec,
        )
        self.process = process
        threading.Thread(target=self._read_log, args=(process,), daemon=True).start()

    def _read_log(self, process: subprocess.Popen[bytes]) -> None:
        assert process.stdout is not None
        for raw in process.stdout:
            line = raw.decode("utf-8", "replace").rstrip()
            if line:
                self.log.append(line)
                self.on_log(line)

    def _watch_memory(self) -> None:
        """Kill and restart the server when it passes the memory limit (a runaway query)."""
        while not self._stopping:
            process = self.process
            resident = _resident_mb(process.pid) if process is not None and process.poll() is None else None
            if process is not None and resident is not None and resident > self.config.max_memory_mb:
                self.on_log(
                    f"kg serve: the server uses {resident:,.0f} MB, over the {self.config.max_memory_mb:,} MB "
                    "limit (a runaway query?): restarting it"
                )
                with self._lock:
                    if self._stopping:
                        return
                    self._restarting = True
                    with contextlib.suppress(ProcessLookupError):
                        process.kill()
                    process.wait()
                    self._spawn()
                    self.restarts += 1
                with contextlib.suppress(EndpointError):
                    self.wait_ready()
                self._restarting = False
            time.sleep(0.2)

    def wait_ready(self, timeout_s: float = 30.0) -> None:
        """Block until the server answers a query.

        Raises:
            EndpointError: it stopped (the message quotes its log) or did not answer in time.
        """
        deadline = time.monotonic() + timeout_s
        while True:
            process = self.process
            if process is None or process.poll() is not None:
                time.sleep(0.1)  # let the log reader catch the last lines
                last = " | ".join(list(self.log)[-5:]) or "no output"
                code = process.returncode if process is not None else None
                raise EndpointError(f"the Oxigraph server stopped at start (exit {code}): {last}")
            try:
                status, _, _ = http_request(
                    "POST", self.url, b"ASK {}", {"Content-Type": "application/sparql-query"}, 2.0
                )
                if status == 200:
                    return
            except EndpointError:
                pass
            if time.monotonic() > deadline:
                raise EndpointError(f"the Oxigraph server did not answer at {self.url} within {timeout_s:g} s")
            time.sleep(0.1)

    def wait(self) -> int:
        """Block while the server runs (across memory-limit restarts); its exit code."""
        while True:
            process = self.process
            assert process is not None
            code = process.wait()
            if self._stopping:
                return code
            with self._lock:
                restarted = self._restarting or self.process is not process
            if not restarted:
                return code
            time.sleep(0.05)

    def stop(self, grace_s: float = 5.0) -> None:
        """Stop the server (SIGTERM, then SIGKILL after ``grace_s``). Idempotent."""
        with self._lock:
            self._stopping = True
            process = self.process
        if process is None or process.poll() is not None:
            return
        with contextlib.suppress(ProcessLookupError):
            process.terminate()
        try:
            process.wait(timeout=grace_s)
        except subprocess.TimeoutExpired:
            with contextlib.suppress(ProcessLookupError):
                process.kill()
            process.wait()

    def __enter__(self) -> Server:
        self.start()
        try:
            self.wait_ready()
        except BaseException:
            self.stop()
            raise
        return self

    def __exit__(
        self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.stop()


def curl_example(url: str) -> Sequence[str]:
    """Example commands that query the server at ``url``, for the start-up message."""
    query = f"SELECT ?claim ?text WHERE {{ GRAPH ?g {{ ?claim a <{SDO.Claim}> ; <{SDO.text}> ?text }} }} LIMIT 3"
    return (
        f"curl -s {url} -H 'Content-Type: application/sparql-query' -H 'Accept: text/csv' "
        f"--data '{query}'",
        f"kg query uncited --endpoint {url}",
    )
