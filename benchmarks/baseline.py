"""The rdflib baseline for the query target: ready queries on an in-memory rdflib Dataset.

The issue's query target compares the Oxigraph store with "the embedded rdflib graph";
``benchmarks/queries.py`` times kg's own embedded path, which is an in-memory pyoxigraph store. This
module times the same ready queries (the standard prefixes added, as ``kg query`` does) on an rdflib
``Dataset`` loaded from the same graph.trig (``kg.sparql.store.to_rdflib``), one run each, in a child process
with a time limit. rdflib keeps roughly 1 KB per quad in memory, so graphs over :data:`MAX_QUADS`
quads are not loaded (the 10,000-article graph would need about 20 GB).

    python -m benchmarks.baseline OUT_DIR [QUERY ...]
"""

from __future__ import annotations

import json
import subprocess
import sys
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

__all__ = ["MAX_QUADS", "run"]

MAX_QUADS = 3_000_000


def _child(out_dir: Path, names: Sequence[str]) -> dict[str, Any]:
    from kg.sparql import find_ready_query, ready_queries, to_rdflib, with_prefixes

    started = time.perf_counter()
    dataset = to_rdflib(out_dir)
    result: dict[str, Any] = {"load_s": round(time.perf_counter() - started, 3), "quads": len(dataset),
                              "queries": {}}
    print(json.dumps(result), flush=True)
    for name in names or list(ready_queries()):
        ready = find_ready_query(name)
        if ready is None:
            raise SystemExit(f"no ready query named {name!r}")
        text = with_prefixes(ready.text)
        started = time.perf_counter()
        rows = len(list(dataset.query(text)))
        result["queries"][name] = {"seconds": round(time.perf_counter() - started, 4), "rows": rows}
        print(json.dumps(result), flush=True)  # the last line printed is the result so far
    return result


def run(out_dir: Path, names: Sequence[str] = (), quads: int | None = None, timeout_s: float = 1800) -> dict[str, Any]:
    """Time ``names`` (default: every ready query) on an rdflib Dataset of ``out_dir``'s graph.

    Queries still running after ``timeout_s`` (load included) are reported as timed out.
    """
    if quads is not None and quads > MAX_QUADS:
        return {"skipped": f"{quads:,} quads: rdflib would need about {quads // 1_000_000} GB; limit {MAX_QUADS:,}"}
    cmd = [sys.executable, "-m", "benchmarks.baseline", str(out_dir), *names]
    try:
        done = subprocess.run(cmd, capture_output=True, text=True, timeout=timeout_s, check=False)
        stdout, timed_out = done.stdout, False
        if done.returncode != 0:
            raise RuntimeError(f"rdflib baseline failed (exit {done.returncode}):\n{done.stderr[-3000:]}")
    except subprocess.TimeoutExpired as exc:
        out = exc.stdout
        stdout, timed_out = (out.decode() if isinstance(out, bytes) else out or ""), True
    lines = stdout.strip().splitlines()
    result: dict[str, Any] = json.loads(lines[-1]) if lines else {"queries": {}}
    result["timeout_s"] = timeout_s
    result["timed_out"] = timed_out
    result["command"] = " ".join(["python", *cmd[1:]])
    return result


if __name__ == "__main__":
    _child(Path(sys.argv[1]), sys.argv[2:])
