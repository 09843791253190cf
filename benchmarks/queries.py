"""Query times of every ready query: embedded graph vs on-disk Oxigraph store vs Oxigraph server.

    python -m benchmarks.queries [OUT_DIR] [--runs N]   # OUT_DIR: a kg build output (default output/)

:func:`run` is what ``python -m benchmarks`` calls. Each figure is the median of ``runs`` runs of
``QuerySource.select`` (the rows in Python objects, as ``kg query`` gets them), after one warm-up
run. The server is ``oxigraph serve-read-only`` over the store folder, as ``kg serve`` runs it,
queried over HTTP on loopback (JSON results parsed), so its figures include the protocol. Also
timed once: loading graph.trig in memory, creating the store, opening it, starting the server, and
``kg push`` (per-graph PUT and bulk POST) into an empty in-memory ``oxigraph serve``.
"""

from __future__ import annotations

import argparse
import contextlib
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from kg.errors import EndpointError
from kg.serve import Server, ServerConfig, find_oxigraph
from kg.sparql import (
    EmbeddedSource,
    EndpointSource,
    QuerySource,
    ReadyQuery,
    find_ready_query,
    http_request,
    load_dataset,
    open_store_dir,
    push_graph,
    ready_queries,
    run_query,
)

PARAMS: dict[str, dict[str, list[str]]] = {
    "actor_claims": {"actor": ["Vladimir Putin"]},
    "claims_about": {"actor": ["NATO"]},
    "source_claims": {"source": ["Reuters"]},
}
"""Parameter values for the queries that take one (a name every realistic corpus has)."""


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _timed(action: Callable[[], object]) -> float:
    started = time.perf_counter()
    action()
    return time.perf_counter() - started


def _median(action: Callable[[], object], runs: int) -> float:
    action()  # warm-up: caches, lazily opened files
    return statistics.median(_timed(action) for _ in range(runs))


def _query_median(
    source: QuerySource, text: str, params: dict[str, list[str]], ready: ReadyQuery | None, runs: int
) -> float:
    return _median(lambda: run_query(source, text, params, ready), runs)


def _cases(source: QuerySource) -> Iterator[tuple[str, str, dict[str, list[str]]]]:
    """(label, text, params): every ready query, and the parameterised ones with a parameter too."""
    for name, ready in ready_queries().items():
        yield name, ready.text, {}
        if name in PARAMS:
            key, values = next(iter(PARAMS[name].items()))
            try:
                run_query(source, ready.text, PARAMS[name], ready)
            except Exception:  # the name is not in this graph: time it without the parameter only
                continue
            yield f"{name} --param {key}={values[0]}", ready.text, PARAMS[name]


@contextlib.contextmanager
def _empty_server() -> Iterator[str]:
    port = _free_port()
    process = subprocess.Popen(
        [str(find_oxigraph()), "serve", "--bind", f"127.0.0.1:{port}"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    url = f"http://127.0.0.1:{port}/query"
    try:
        deadline = time.monotonic() + 30
        while True:
            with contextlib.suppress(Exception):
                if http_request("POST", url, b"ASK {}", {"Content-Type": "application/sparql-query"}, 1)[0] == 200:
                    break
            if time.monotonic() > deadline:
                raise RuntimeError("oxigraph serve did not start")
            time.sleep(0.05)
        yield url
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()


def run(out_dir: Path, runs: int = 5, budget_s: float = 120.0) -> dict[str, Any]:
    """Time every ready query on the graph in ``out_dir`` in the three places; see the module docstring.

    Returns a JSON-able dict: ``setup`` (seconds for loading, store creation, server start, push),
    ``queries`` (per query: rows and median seconds for ``embedded``, ``store``, ``server``; a
    query the server cannot answer within ``budget_s`` is not timed further: it gets ``budget_s``
    for all three, ``lower_bound: True`` and an ``error``),
    ``quads``, ``runs``.
    """
    out_dir = Path(out_dir)
    work = Path(tempfile.mkdtemp(prefix="kg-bench-queries-"))
    setup: dict[str, float] = {}
    queries: dict[str, dict[str, Any]] = {}
    try:
        started = time.perf_counter()
        memory = load_dataset(out_dir)
        setup["embedded_load"] = time.perf_counter() - started
        quads = len(memory)
        store_dir = work / "store"
        setup["store_create"] = _timed(lambda: open_store_dir(out_dir, store_dir).close())
        setup["store_open"] = _timed(lambda: open_store_dir(out_dir, store_dir).close())
        with _empty_server() as url:
            target = url.removesuffix("query") + "store"
            setup["push_gsp"] = push_graph(out_dir, target, method="gsp", timeout_s=600).seconds
        with _empty_server() as url:
            target = url.removesuffix("query") + "store"
            setup["push_bulk"] = push_graph(out_dir, target, method="bulk", timeout_s=600).seconds

        config = ServerConfig(store_dir=store_dir, port=_free_port(), timeout_s=budget_s, max_memory_mb=4096)
        server = Server(config, on_log=lambda line: None)
        started = time.perf_counter()
        with (
            server,
            EmbeddedSource(memory, "embedded") as embedded,
            open_store_dir(out_dir, store_dir) as on_disk,
        ):
            setup["server_start"] = time.perf_counter() - started
            served = EndpointSource(server.url, timeout_s=budget_s + 30)
            for label, text, params in _cases(embedded):
                ready = find_ready_query(label.split()[0])
                row: dict[str, Any] = {}
                try:  # first on the server, whose time limit stops a query too slow to time here
                    result, _ = run_query(served, text, params, ready)
                except EndpointError as exc:
                    queries[label] = {"rows": None, "embedded": budget_s, "store": budget_s, "server": budget_s,
                                      "lower_bound": True, "error": f"over {budget_s:g} s on the server: {exc}"}
                    server.stop()  # a query past the time limit can keep the server busy: start afresh
                    server.start()
                    server.wait_ready()
                    continue
                for where, source in (("embedded", embedded), ("store", on_disk), ("server", served)):
                    row[where] = round(_query_median(source, text, params, ready, runs), 5)
                row["rows"] = len(result)
                queries[label] = row
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return {
        "graph": str(out_dir / "graph.trig"),
        "quads": quads,
        "runs": runs,
        "setup": {k: round(v, 4) for k, v in setup.items()},
        "queries": queries,
    }


def table(result: dict[str, Any]) -> str:
    """The result as a Markdown table (milliseconds)."""
    lines = [
        f"Query times on {result['graph']} ({result['quads']:,} quads), median of {result['runs']} runs, ms:",
        "",
        "| query | rows | embedded | Oxigraph store | Oxigraph server |",
        "|---|---:|---:|---:|---:|",
    ]
    for name, row in result["queries"].items():
        if row.get("lower_bound"):
            lines.append(f"| {name} | | not timed | not timed | {row['error'].split(':')[0]} |")
            continue
        lines.append(
            f"| {name} | {row['rows']:,} | {row['embedded'] * 1000:,.1f} | {row['store'] * 1000:,.1f} | "
            f"{row['server'] * 1000:,.1f} |"
        )
    lines.append("")
    lines.append("Setup, s: " + ", ".join(f"{k} {v:.3f}" for k, v in result["setup"].items()))
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.queries", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("out", nargs="?", type=Path, default=Path("output"), help="a kg build output folder")
    parser.add_argument("--runs", type=int, default=5, help="runs per figure (the median is reported)")
    parser.add_argument("--budget-s", type=float, default=120.0, help="skip a query the server needs longer for")
    args = parser.parse_args(argv)
    print(table(run(args.out, runs=args.runs, budget_s=args.budget_s)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
