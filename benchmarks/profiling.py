"""Profiles for missed targets: the top functions by own time, from pyinstrument (else cProfile).

pyinstrument is not a kg dependency: install it anywhere on ``PYTHONPATH`` (``pip install --target
/tmp/kgprof pyinstrument``, then ``PYTHONPATH=/tmp/kgprof python -m benchmarks --profile``). Without it
the standard library's cProfile is used, which slows Python-heavy code more but ranks it the same way.

Only the process that calls :func:`kg.pipeline.build_corpus` is profiled: profile builds run with
``--workers 1`` so extraction and article graphs run in that process too.
"""

from __future__ import annotations

import importlib
import importlib.util
import json
import subprocess
import sys
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

__all__ = ["profile_build", "profiler_name"]

TOP = 12


def profiler_name() -> str:
    return "pyinstrument" if importlib.util.find_spec("pyinstrument") else "cProfile"


def _short(path: str) -> str:
    for marker in ("/site-packages/", "/work/main/", "/lib/python3"):
        if marker in path:
            return path.split(marker, 1)[1]
    parts = Path(path).parts
    return "/".join(parts[-3:]) if len(parts) > 3 else path


def _pyinstrument_top(run: Any) -> tuple[float, list[dict[str, Any]], list[dict[str, Any]]]:
    profiler = importlib.import_module("pyinstrument").Profiler(interval=0.005)
    profiler.start()
    run()
    session = profiler.stop()
    own: dict[tuple[str, str, int], float] = {}
    inclusive: dict[tuple[str, str, int], float] = {}
    root = session.root_frame()
    stack = [(root, frozenset[tuple[str, str, int]]())] if root is not None else []
    while stack:
        frame, above = stack.pop()
        if frame.is_synthetic:
            continue
        key = (frame.function or "?", _short(frame.file_path or "?"), frame.line_no or 0)
        own[key] = own.get(key, 0.0) + frame.total_self_time
        if key not in above:  # recursion counted once
            inclusive[key] = inclusive.get(key, 0.0) + frame.time
        stack.extend((child, above | {key}) for child in frame.children)
    return session.duration, _rows(own, session.duration), _rows(_ours(inclusive), session.duration)


def _ours(inclusive: dict[tuple[str, str, int], float]) -> dict[tuple[str, str, int], float]:
    """kg's own functions (not the pipeline driver), by inclusive time."""
    skip = {"build_corpus", "_finish", "_extract_all", "_extract_one", "run", "_child"}
    return {k: v for k, v in inclusive.items() if k[1].startswith("kg/") and k[0] not in skip}


def _rows(times: dict[tuple[str, str, int], float], total: float) -> list[dict[str, Any]]:
    ranked = sorted(times.items(), key=lambda kv: -kv[1])[:TOP]
    return [{"function": f, "file": p, "line": ln, "seconds": round(s, 3),
             "share": round(s / total, 4) if total else 0.0} for (f, p, ln), s in ranked]


def _cprofile_top(run: Any) -> tuple[float, list[dict[str, Any]], list[dict[str, Any]]]:
    import cProfile
    import pstats

    profiler = cProfile.Profile()
    started = time.perf_counter()
    profiler.runcall(run)
    total = time.perf_counter() - started
    stats = pstats.Stats(profiler).stats  # type: ignore[attr-defined]
    own = {(name, _short(path), line): tt for (path, line, name), (_cc, _nc, tt, _ct, _callers) in stats.items()}
    inclusive = {(name, _short(path), line): ct for (path, line, name), (_cc, _nc, _tt, ct, _callers) in stats.items()}
    return total, _rows(own, total), _rows(_ours(inclusive), total)


def _child(argv: Sequence[str]) -> int:
    """``CORPUS OUT WORKERS``: build under the profiler; print JSON with the stage seconds and top functions."""
    from kg.pipeline import build_corpus

    corpus, out, workers = Path(argv[0]), Path(argv[1]), int(argv[2])
    result: dict[str, Any] = {}

    def run() -> None:
        result["summary"] = build_corpus(corpus, out, workers=workers).model_dump(mode="json")

    top = _pyinstrument_top if profiler_name() == "pyinstrument" else _cprofile_top
    total, rows, ours = top(run)
    print(json.dumps({"profiler": profiler_name(), "seconds": round(total, 3),
                      "stage_seconds": result["summary"]["seconds"], "top": rows, "kg_inclusive": ours}))
    return 0


def profile_build(corpus: Path, out: Path, workers: int = 1) -> dict[str, Any]:
    """Profile one build in a child process (the output folder is used as it is: empty for a cold
    build, with its cache for an incremental one)."""
    done = subprocess.run([sys.executable, "-m", "benchmarks.profiling", str(corpus), str(out), str(workers)],
                          capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise RuntimeError(f"profiled build failed:\n{done.stderr[-4000:]}")
    result: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
    result["command"] = f"python -m benchmarks.profiling {corpus} {out} {workers}"
    return result


if __name__ == "__main__":
    raise SystemExit(_child(sys.argv[1:]))
