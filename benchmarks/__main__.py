"""``python -m benchmarks``: run the suite and rewrite ``benchmarks/RESULTS.md`` (and ``RESULTS.json``).

    python -m benchmarks                     # full suite: 100 / 1,000 / 10,000 articles (about 1.5-3 h)
    python -m benchmarks --quick             # CI: small sizes, one run each, under 5 minutes;
                                             # writes <work>/RESULTS-quick.md, never the committed file
    python -m benchmarks --sizes 100 1000    # other corpus sizes
    python -m benchmarks --only build page   # some parts only
    python -m benchmarks --profile           # profile what misses a target (pyinstrument if importable)

Parts: ``build`` (benchmarks/build.py: cold builds with --workers 1 and 2, ground truth, incremental
rebuild), ``queries`` (benchmarks/queries.py), ``contradictions`` (benchmarks/contradictions.py),
``page`` (benchmarks/page.py). A part whose module is not in this checkout is reported as "not
available yet"; a part that fails is reported with its error, and the others still run.
"""

from __future__ import annotations

import argparse
import contextlib
import importlib
import importlib.metadata
import importlib.util
import json
import os
import platform
import re
import shlex
import shutil
import subprocess
import sys
import tempfile
import time
import traceback
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from benchmarks import build as build_bench
from benchmarks import report

HERE = Path(__file__).resolve().parent
FULL_SIZES = (100, 1_000, 10_000)
QUICK_SIZES = (20,)
CONTRADICTION_SIZES = (1_000, 10_000, 100_000)
QUICK_CONTRADICTION_SIZES = (1_000, 3_000)
PAGE_SIZES = (1_000, 5_000, 20_000)
QUICK_PAGE_SIZES = (500,)
PARTS = ("build", "queries", "contradictions", "page")


def _log(text: str) -> None:
    print(f"[{time.strftime('%H:%M:%S')}] {text}", file=sys.stderr, flush=True)


def machine_info() -> dict[str, Any]:
    """CPU, cores, memory, Python, kg and its dependencies' versions, git commit, load."""
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text(encoding="utf-8").splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    packages: dict[str, str] = {}
    for requirement in importlib.metadata.requires("kg") or []:
        if "extra ==" in requirement:
            continue
        name = re.split(r"[\s<>=!~;\[]", requirement, maxsplit=1)[0]
        try:
            packages[name] = importlib.metadata.version(name)
        except importlib.metadata.PackageNotFoundError:
            packages[name] = "not installed"
    for extra in ("playwright",):
        with contextlib.suppress(importlib.metadata.PackageNotFoundError):
            packages[extra] = importlib.metadata.version(extra)
    commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], capture_output=True, text=True, cwd=HERE,
                            check=False).stdout.strip()
    dirty = subprocess.run(["git", "status", "--porcelain", "--untracked-files=no"], capture_output=True, text=True,
                           cwd=HERE, check=False).stdout.strip()
    return {
        "cpu": cpu,
        "cores": os.cpu_count(),
        "memory_gb": round(os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30, 1),
        "python": platform.python_version(),
        "platform": platform.platform(),
        "kg": importlib.metadata.version("kg"),
        "commit": commit + (" (with uncommitted changes)" if dirty else ""),
        "packages": packages,
        "load_start": [round(x, 2) for x in os.getloadavg()],
    }


def _part(name: str, module: str, call: Callable[[Any], Any], *, saved: Path | None = None,
          key: object = None, reuse_only: bool = False) -> dict[str, Any]:
    """Run one part; "not available yet" when its module is missing, the error when it fails.

    With ``saved``, a result saved there by an earlier run with the same ``key`` is used instead (marked
    with when it was measured), and a new result is saved there.
    """
    if saved is not None and saved.exists():
        data = json.loads(saved.read_text(encoding="utf-8"))
        if data.get("key") == json.loads(json.dumps(key)) and data["part"].get("status") == "ok":
            _log(f"{name}: reusing the result measured at {data['measured']}")
            part: dict[str, Any] = data["part"]
            part["reused_from"] = data["measured"]
            return part
    if reuse_only:
        return {"status": "not measured in this run", "module": module, "error": "--reuse-only and nothing saved"}
    result = _run_part(name, module, call)
    if saved is not None and result["status"] == "ok":
        saved.write_text(json.dumps({"key": key, "measured": time.strftime("%Y-%m-%d %H:%M:%S %Z"),
                                     "part": result}, default=str), encoding="utf-8")
    return result


def _run_part(name: str, module: str, call: Callable[[Any], Any]) -> dict[str, Any]:
    if importlib.util.find_spec(module) is None:
        _log(f"{name}: {module} not available yet")
        return {"status": "not available yet", "module": module}
    started = time.perf_counter()
    try:
        loaded = importlib.import_module(module)
        if not callable(getattr(loaded, "run", None)):
            return {"status": "not available yet", "module": module, "error": f"{module} has no run() function"}
        result = call(loaded.run)
    except Exception as exc:  # a failing part must not stop the others; its error goes in the results
        _log(f"{name}: failed: {exc!r}")
        return {"status": "failed", "module": module, "error": f"{type(exc).__name__}: {exc}",
                "traceback": traceback.format_exc(limit=8)}
    _log(f"{name}: done in {time.perf_counter() - started:.0f} s")
    return {"status": "ok", "module": module, "seconds": round(time.perf_counter() - started, 1), "result": result}


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m benchmarks", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--quick", action="store_true", help="small sizes, one run each (CI: under 5 minutes)")
    parser.add_argument("--sizes", type=int, nargs="+", metavar="N", help="corpus sizes in articles")
    parser.add_argument("--runs", type=int, metavar="N", help="runs per figure (default 3; 1 from 1,000 articles)")
    parser.add_argument("--only", nargs="+", choices=PARTS, metavar="PART", help=f"parts to run: {', '.join(PARTS)}")
    parser.add_argument("--out", type=Path, metavar="FILE",
                        help="results file (default benchmarks/RESULTS.md; with --quick <work>/RESULTS-quick.md)")
    parser.add_argument("--work", type=Path, metavar="DIR",
                        help="where corpora and builds go (default: <tmp>/kg-bench); reused between runs")
    parser.add_argument("--workers", type=int, nargs="+", default=[1, 2], metavar="N",
                        help="worker counts to build with")
    parser.add_argument("--largest-workers", type=int, nargs="+", metavar="N",
                        help="worker counts for sizes of 10,000 articles and more (default: --workers)")
    parser.add_argument("--incremental-runs", type=int, metavar="N",
                        help="incremental rebuilds to time (default 3; 1 with --quick; 0 skips them)")
    parser.add_argument("--reuse", action="store_true",
                        help="reuse measurements saved in --work by an earlier run (each marked with when and on "
                             "which kg commit it was measured)")
    parser.add_argument("--query-size", type=int, metavar="N",
                        help="articles of the graph the queries run on (default: the largest size)")
    parser.add_argument("--query-runs", type=int, metavar="N", help="runs per query figure (default 5; 1 with --quick)")
    parser.add_argument("--rdflib-queries", nargs="+", metavar="NAME",
                        help="ready queries for the rdflib baseline (default: the slowest through the store, and "
                             "the slowest embedded)")
    parser.add_argument("--reuse-only", action="store_true",
                        help="measure no build: report only the build measurements saved in --work (implies --reuse)")
    parser.add_argument("--observed", action="append", default=[], metavar="TARGET=VALUE",
                        help="a lower bound observed outside the suite for a target it could not finish measuring "
                             "(e.g. build-rss=7128 in MB, build-time=4500 in s, from a build still running)")
    parser.add_argument("--note", action="append", default=[], metavar="TEXT",
                        help="a line for the results file's Notes section (repeatable)")
    parser.add_argument("--profile", action="store_true", help="profile the builds that miss a target")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    quick = args.quick
    sizes = tuple(args.sizes or (QUICK_SIZES if quick else FULL_SIZES))
    work = args.work or Path(tempfile.gettempdir()) / ("kg-bench-quick" if quick else "kg-bench")
    work.mkdir(parents=True, exist_ok=True)
    out = args.out or (work / "RESULTS-quick.md" if quick else HERE / "RESULTS.md")
    parts = tuple(args.only or PARTS)
    command = "python -m benchmarks " + " ".join(shlex.quote(a) for a in (argv if argv is not None else sys.argv[1:]))

    def runs_for(n: int) -> int:
        if args.runs:
            return int(args.runs)
        return 1 if quick or n >= 1_000 else 3

    args.reuse = args.reuse or args.reuse_only

    def reuse(part: str) -> Path | None:
        return work / f"part-{part}.json" if args.reuse else None

    def workers_for(n: int) -> tuple[int, ...]:
        return tuple(args.largest_workers or args.workers) if n >= 10_000 else tuple(args.workers)

    results: dict[str, Any] = {"command": command.strip(), "quick": quick, "sizes": list(sizes),
                               "started": time.strftime("%Y-%m-%d %H:%M:%S %Z"), "machine": machine_info()}
    _log(f"kg benchmarks: sizes {', '.join(f'{n:,}' for n in sizes)}; parts {', '.join(parts)}; work {work}")
    largest = max(sizes)
    if "build" in parts:
        incremental = args.incremental_runs if args.incremental_runs is not None else 1 if quick else 3
        results["build"] = _part("build", "benchmarks.build", lambda _run: build_bench.run(
            sizes, work, runs=runs_for, workers=workers_for, incremental_runs=incremental, reuse=args.reuse,
            reuse_only=args.reuse_only, log=_log))
    q_size = args.query_size or largest
    graph_dir = work / str(q_size) / f"out-w{max(workers_for(q_size))}"
    if "queries" in parts:
        if not (graph_dir / "graph.trig").exists():
            build_bench.generate(q_size, work / str(q_size))
            build_bench.measure_build(work / str(q_size) / "corpus", graph_dir, max(workers_for(q_size)))
        q_runs = args.query_runs or (1 if quick else 5)
        results["queries"] = _part("queries", "benchmarks.queries", lambda run: run(graph_dir, runs=q_runs),
                                   saved=reuse("queries"), key=[str(graph_dir), q_runs],
                                   reuse_only=args.reuse_only)
        results["queries"]["articles"] = q_size
        if results["queries"]["status"] == "ok":
            try:
                results["rdflib"] = _rdflib_baseline(results["queries"], graph_dir, quick, reuse("rdflib"),
                                                     args.rdflib_queries, args.reuse_only)
            except Exception as exc:  # the baseline must not stop the suite
                results["rdflib"] = {"skipped": f"failed: {type(exc).__name__}: {str(exc)[:300]}"}
    if "contradictions" in parts:
        c_sizes = QUICK_CONTRADICTION_SIZES if quick else CONTRADICTION_SIZES
        results["contradictions"] = _part("contradictions", "benchmarks.contradictions", lambda run: run(c_sizes),
                                          saved=reuse("contradictions"), key=list(c_sizes),
                                          reuse_only=args.reuse_only)
    if "page" in parts:
        p_sizes = QUICK_PAGE_SIZES if quick else PAGE_SIZES
        if quick:  # one repeat, and no screenshot written into output/
            results["page"] = _part("page", "benchmarks.page", lambda run: run(p_sizes, repeats=1, screenshot=None))
        else:
            results["page"] = _part("page", "benchmarks.page", lambda run: run(p_sizes), saved=reuse("page"),
                                    key=list(p_sizes), reuse_only=args.reuse_only)
    results["machine"]["load_end"] = [round(x, 2) for x in os.getloadavg()]
    results["notes"] = list(args.note)
    results["observed"] = {k: float(v) for k, v in (item.split("=", 1) for item in args.observed)}
    results["finished"] = time.strftime("%Y-%m-%d %H:%M:%S %Z")

    results = json.loads(json.dumps(results, default=str))  # string keys everywhere, as in the .json file
    targets = report.evaluate(results)
    if args.profile:
        results["profiles"] = _profiles(results, targets, work, args.reuse)
    results["targets"] = targets
    out.parent.mkdir(parents=True, exist_ok=True)
    out.with_suffix(".json").write_text(json.dumps(results, indent=1, default=str) + "\n", encoding="utf-8")
    out.write_text(report.render(results), encoding="utf-8")
    _log(f"wrote {out} and {out.with_suffix('.json')}")
    return 0


def _rdflib_baseline(queries: dict[str, Any], graph_dir: Path, quick: bool, saved: Path | None,
                     chosen: Sequence[str] | None, reuse_only: bool) -> dict[str, Any]:
    """The slowest ready queries (through the store, and embedded), or ``chosen``, on an rdflib Dataset."""
    from benchmarks import baseline

    timed = {k: v for k, v in queries["result"]["queries"].items() if "--param" not in k}
    names = sorted(chosen or {max(timed, key=lambda k: timed[k]["store"]),
                              max(timed, key=lambda k: timed[k]["embedded"])})
    key = [str(graph_dir), names]
    if saved is not None and saved.exists():
        data = json.loads(saved.read_text(encoding="utf-8"))
        if data.get("key") == key:
            _log("rdflib baseline: reusing the saved result")
            return dict(data["result"])
    if reuse_only:
        return {"skipped": "not measured in this run (--reuse-only, nothing saved)"}
    _log(f"rdflib baseline: {', '.join(names)} on {graph_dir}")
    result = baseline.run(graph_dir, names, quads=queries["result"].get("quads"), timeout_s=120 if quick else 1800)
    if saved is not None:
        saved.write_text(json.dumps({"key": key, "result": result}), encoding="utf-8")
    return result


def _profiles(results: dict[str, Any], targets: list[dict[str, Any]], work: Path, reuse: bool) -> dict[str, Any]:
    """Profile the builds behind missed build targets (with --workers 1, so everything is in one process).

    Profiles are saved as ``<work>/profile-<name>.json``; with ``reuse`` a saved one is used as it is.
    """
    from benchmarks.profiling import profile_build

    missed = {t["id"] for t in targets if t["status"] == "missed"}
    profiles: dict[str, Any] = {}
    sizes = [int(s) for s in results.get("build", {}).get("result", {}).get("sizes", {})]
    wanted = []
    if missed & {"build-time", "build-rss"}:
        wanted.append("build")
    if "incremental" in missed:
        wanted.append("incremental")
    for name in wanted:
        saved = work / f"profile-{name}.json"
        if reuse and saved.exists():
            profiles[name] = json.loads(saved.read_text(encoding="utf-8"))
            _log(f"profile of the {name}: reusing {saved}")
            continue
        if not sizes:
            continue
        n = min((s for s in sizes if s >= 1_000), default=max(sizes))
        root = work / str(n)
        if name == "build":
            out = root / "out-profile"
            shutil.rmtree(out, ignore_errors=True)
            _log(f"profiling a cold build of {n:,} articles (--workers 1)")
            profiles[name] = profile_build(root / "corpus", out, 1) | {"articles": n, "kind": "cold build"}
        else:
            out = root / "out-w1"
            if not (out / "graph.trig").exists():
                build_bench.measure_build(root / "corpus", out, 1)
            build_bench.touch_article(root, i=n // 2, revision=99)
            _log(f"profiling an incremental rebuild of {n:,} articles (--workers 1)")
            profiles[name] = profile_build(root / "corpus", out, 1) | {"articles": n,
                                                                     "kind": "incremental rebuild"}
            build_bench.touch_article(root, i=n // 2, revision=0)
        saved.write_text(json.dumps(profiles[name]), encoding="utf-8")
    return profiles


if __name__ == "__main__":
    raise SystemExit(main())
