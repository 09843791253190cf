"""``kg build`` at scale: wall time, words/s, peak memory (RSS) per stage, workers 1 and 2, incremental rebuild.

Each build runs in a child process (``python -m benchmarks.build child ...``), which calls
:func:`kg.pipeline.build_corpus` exactly as ``kg build CORPUS --out DIR --workers N`` does and prints
the :class:`kg.models.BuildSummary` as JSON. The parent polls the RSS of the child and all its
descendants (the worker processes) every :data:`POLL_SECONDS`; the peak of their sum is the build's
peak memory (shared pages of the workers count once per process, so this errs on the high side).
Per-stage peaks come from the samples taken inside each stage's window (stage times from the
summary; ``build`` and ``write`` run interleaved, so they share one window).

A cold build starts from an empty output folder (so an empty extraction cache, which it fills, as a
first ``kg build`` does). The incremental rebuild changes one article of the largest corpus and
builds again into the same folder: only that article is extracted again.

After the first build of each size, :func:`check_truth` reads the findings back from the graph
(``kg contradictions`` and ``kg uncited`` rows) and matches them against the generator's ground truth.
"""

from __future__ import annotations

import json
import os
import re
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from benchmarks.generate import CONTRADICTION_KINDS, generate, touch_article

__all__ = ["POLL_SECONDS", "build_command", "check_truth", "generate", "measure_build", "run", "summarise",
           "touch_article"]

POLL_SECONDS = 0.05
STAGE_WINDOWS = (("ingest",), ("extract",), ("resolve",), ("analyse",), ("build", "write"), ("render",))

Log = Callable[[str], None]


_PAGE = os.sysconf("SC_PAGE_SIZE")


def _children(pid: int) -> list[int]:
    """Direct children of ``pid`` (Linux /proc; no third-party dependency)."""
    found: list[int] = []
    try:
        for task in os.listdir(f"/proc/{pid}/task"):
            with open(f"/proc/{pid}/task/{task}/children", encoding="ascii") as f:
                found.extend(int(c) for c in f.read().split())
    except OSError:
        pass
    return found


def _rss(pid: int) -> int:
    try:
        with open(f"/proc/{pid}/statm", encoding="ascii") as f:
            return int(f.read().split()[1]) * _PAGE
    except (OSError, IndexError, ValueError):
        return 0


def _tree_rss(pid: int) -> tuple[int, int]:
    """(RSS of the process, RSS of the process and all its descendants), in bytes."""
    own = _rss(pid)
    total, stack = own, _children(pid)
    while stack:
        child = stack.pop()
        total += _rss(child)
        stack.extend(_children(child))
    return own, total


def build_command(corpus: Path, out: Path, workers: int, *, no_cache: bool = False) -> list[str]:
    """The ``kg build`` command line a measured build is equivalent to."""
    return ["kg", "build", str(corpus), "--out", str(out), "--workers", str(workers), *(["--no-cache"] * no_cache)]


def measure_build(corpus: Path, out: Path, workers: int, *, no_cache: bool = False,
                  extra_env: dict[str, str] | None = None, wrap: Sequence[str] = ()) -> dict[str, Any]:
    """One build in a child process: wall seconds, peak RSS (total and per stage window), the summary.

    ``wrap`` prefixes the child's command (e.g. a profiler).
    """
    cmd = [*wrap, sys.executable, "-m", "benchmarks.build", "child", str(corpus), str(out), str(workers)]
    if no_cache:
        cmd.append("--no-cache")
    env = {**os.environ, **(extra_env or {})}
    samples: list[tuple[float, int, int]] = []
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    load = os.getloadavg()[0]
    started = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env, text=True)
    while proc.poll() is None:
        own, total = _tree_rss(proc.pid)
        samples.append((time.perf_counter() - started, own, total))
        time.sleep(POLL_SECONDS)
    wall = time.perf_counter() - started
    stdout, stderr = proc.communicate()
    after = resource.getrusage(resource.RUSAGE_CHILDREN)  # the child and its reaped workers
    cpu = (after.ru_utime + after.ru_stime) - (before.ru_utime + before.ru_stime)
    if proc.returncode != 0:
        raise RuntimeError(f"build failed (exit {proc.returncode}): {' '.join(cmd)}\n{stderr[-4000:]}")
    report = json.loads(stdout.strip().splitlines()[-1])
    summary = report["summary"]
    # Stage windows: the build call started at report["t_start"] seconds after the child began.
    offset = report["t_start"]
    windows: dict[str, int] = {}
    at = offset
    for names in STAGE_WINDOWS:
        length = sum(summary["seconds"].get(n, 0.0) for n in names)
        peak = max((s[2] for s in samples if at <= s[0] <= at + length + POLL_SECONDS), default=0)
        windows["+".join(names)] = peak
        at += length
    return {
        "wall": wall,
        "cpu": cpu,
        "load": [load, os.getloadavg()[0]],
        "build_seconds": report["build_seconds"],
        "peak_rss": max((s[2] for s in samples), default=0),
        "peak_rss_main": max((s[1] for s in samples), default=0),
        "stage_rss": windows,
        "summary": summary,
        "command": " ".join(build_command(corpus, out, workers, no_cache=no_cache)),
    }


def _child(argv: Sequence[str]) -> int:
    """``child CORPUS OUT WORKERS [--no-cache]``: run the build, print a JSON line with the summary."""
    import logging

    t_start = time.perf_counter() - _PROCESS_T0
    from kg.pipeline import build_corpus

    logging.basicConfig(level=logging.WARNING, stream=sys.stderr)
    corpus, out, workers = Path(argv[0]), Path(argv[1]), int(argv[2])
    t_start = time.perf_counter() - _PROCESS_T0
    started = time.perf_counter()
    summary = build_corpus(corpus, out, workers=workers, use_cache="--no-cache" not in argv)
    elapsed = time.perf_counter() - started
    print(json.dumps({"t_start": t_start, "build_seconds": elapsed, "summary": summary.model_dump(mode="json")}))
    return 0


_PROCESS_T0 = time.perf_counter()


# ----------------------------------------------------------------------------------------------
# Ground truth


def _article_of(iri: str) -> str:
    return iri.rstrip("/").rsplit("/", 1)[-1]


def _same(text: str, planted: str) -> bool:
    """A claim's sentence holds the planted sentence (or is held by it: a quote without its 'said')."""
    a, b = " ".join(text.split()), " ".join(planted.split())
    return b in a or (len(a) > 20 and a in b)


_SIGNED = re.compile(r"signed the (.+?) (?:on|in) ")


def _unplanted_cause(a: str, b: str) -> str:
    """Why a contradiction that was not planted was reported, where the generator knows:

    * ``survey``: the planted cited claims ("A survey found that N% of people in X ...") give each article
      its own share for a country (a generator inconsistency of GENERATOR_VERSION 1);
    * ``treaty name``: two different treaties whose names differ only before an en dash
      ("Nicosia–Panama Health Agreement", "Baghdad–Panama Health Agreement"), which kg takes for one;
    * ``other``: anything else (examples are kept).
    """
    if a.startswith("A survey found that") and b.startswith("A survey found that"):
        return "survey"
    ma, mb = _SIGNED.search(a), _SIGNED.search(b)
    if ma and mb and ma.group(1) != mb.group(1):
        return "treaty name"
    return "other"


def check_truth(out: Path, truth: dict[str, Any]) -> dict[str, Any]:
    """Match kg's findings in ``out`` against the ground truth: recall of planted contradictions (per
    kind), contradictions not planted, planted uncited claims listed, planted cited claims wrongly listed."""
    from kg.findings import find_uncited, list_contradictions
    from kg.sparql import load_dataset

    store = load_dataset(out)
    found = list_contradictions(store)
    by_articles: dict[frozenset[str], list[Any]] = {}
    for row in found:
        by_articles.setdefault(frozenset((_article_of(row.article_a), _article_of(row.article_b))), []).append(row)
    hits: dict[str, list[int]] = {k: [0, 0] for k in CONTRADICTION_KINDS}
    as_kind: dict[str, dict[str, int]] = {k: {} for k in CONTRADICTION_KINDS}
    matched: set[str] = set()
    missed: list[dict[str, Any]] = []
    for planted in truth["contradictions"]:
        a, b = planted["a"], planted["b"]
        hits[planted["kind"]][1] += 1
        hit = None
        for row in by_articles.get(frozenset((a["article"], b["article"])), []):
            pair = ((row.sentence_a, row.sentence_b), (row.sentence_b, row.sentence_a))
            if any(_same(x, a["text"]) and _same(y, b["text"]) for x, y in pair):
                hit = row
                break
        if hit is None:
            missed.append(planted)
            continue
        hits[planted["kind"]][0] += 1
        as_kind[planted["kind"]][hit.kind] = as_kind[planted["kind"]].get(hit.kind, 0) + 1
        matched.add(hit.contradiction)
    unplanted: dict[str, int] = {}
    unplanted_examples: list[dict[str, str]] = []
    for row in found:
        if row.contradiction in matched:
            continue
        cause = _unplanted_cause(row.sentence_a, row.sentence_b)
        unplanted[cause] = unplanted.get(cause, 0) + 1
        if cause == "other" and len(unplanted_examples) < 3:
            unplanted_examples.append({"kind": row.kind, "a": row.sentence_a, "b": row.sentence_b,
                                       "explanation": row.explanation})
    uncited = find_uncited(store)
    uncited_by_article: dict[str, list[str]] = {}
    for u in uncited:
        uncited_by_article.setdefault(_article_of(u.article), []).append(u.sentence)

    def listed(entry: dict[str, str]) -> bool:
        return any(_same(s, entry["text"]) for s in uncited_by_article.get(entry["article"], []))

    uncited_found = sum(listed(e) for e in truth["uncited"])
    cited_listed = sum(listed(e) for e in truth["cited"])
    planted_total = len(truth["contradictions"])
    return {
        "planted": planted_total,
        "found": len(matched),
        "recall": round(len(matched) / planted_total, 4) if planted_total else None,
        "by_kind": {k: {"found": v[0], "planted": v[1], "as": as_kind[k]} for k, v in hits.items()},
        "not_planted_causes": unplanted,
        "not_planted_examples": unplanted_examples,
        "reported": len(found),
        "not_planted": len(found) - len(matched),
        "missed_examples": missed[:3],
        "uncited_planted": len(truth["uncited"]),
        "uncited_listed": uncited_found,
        "cited_planted": len(truth["cited"]),
        "cited_wrongly_listed": cited_listed,
    }


def _check_child(argv: Sequence[str]) -> int:
    """``check OUT ROOT``: print check_truth's result as JSON (run in its own process to keep RSS apart)."""
    out, root = Path(argv[0]), Path(argv[1])
    truth = json.loads((root / "truth.json").read_text(encoding="utf-8"))
    print(json.dumps(check_truth(out, truth)))
    return 0


def run_check(out: Path, root: Path) -> dict[str, Any]:
    """check_truth in a child process."""
    done = subprocess.run([sys.executable, "-m", "benchmarks.build", "check", str(out), str(root)],
                          capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise RuntimeError(f"ground-truth check failed:\n{done.stderr[-4000:]}")
    result: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


# ----------------------------------------------------------------------------------------------
# The suite's part


def summarise(values: Sequence[float]) -> dict[str, float | int]:
    """Median, min, max and number of runs."""
    return {"median": statistics.median(values), "min": min(values), "max": max(values), "runs": len(values)}


def _stats_of(runs: list[dict[str, Any]], words: int) -> dict[str, Any]:
    stage_names = list(runs[0]["summary"]["seconds"])
    return {
        "wall": summarise([r["wall"] for r in runs]),
        "cpu": summarise([r["cpu"] for r in runs]),
        "load": [max(r["load"]) for r in runs],
        "words_per_second": summarise([words / r["wall"] for r in runs]),
        "peak_rss_mb": summarise([r["peak_rss"] / 2**20 for r in runs]),
        "peak_rss_main_mb": summarise([r["peak_rss_main"] / 2**20 for r in runs]),
        "stage_seconds": {s: statistics.median(r["summary"]["seconds"][s] for r in runs) for s in stage_names},
        "stage_rss_mb": {s: statistics.median(r["stage_rss"][s] / 2**20 for r in runs) for s in runs[0]["stage_rss"]},
        "summary": runs[0]["summary"] | {"outputs": None},
        "command": runs[0]["command"],
        "kg": runs[0].get("kg"),
    }


def _stamp() -> str:
    """What a saved measurement must match to be reused: kg's commit (and whether the tree is clean)."""
    here = Path(__file__).resolve().parent
    commit = subprocess.run(["git", "rev-parse", "HEAD"], capture_output=True, text=True, cwd=here,
                            check=False).stdout.strip()
    dirty = subprocess.run(["git", "status", "--porcelain", "--untracked-files=no", "--", "kg"],
                           capture_output=True, text=True, cwd=here, check=False).stdout.strip()
    return commit + ("+dirty" if dirty else "")


def _saved(path: Path, generator: str, reuse: bool) -> Any:
    """A measurement saved for this corpus, marked with the kg commit it was taken on (``"kg"``)."""
    if not reuse or not path.exists():
        return None
    data = json.loads(path.read_text(encoding="utf-8"))
    if data.get("generator") != generator:
        return None
    value = data["value"]
    for item in value if isinstance(value, list) else [value]:
        item.setdefault("kg", data.get("stamp"))
    return value


def _save(path: Path, stamp: str, generator: str, value: Any) -> None:
    path.write_text(json.dumps({"stamp": stamp, "generator": generator, "value": value}), encoding="utf-8")


def run(sizes: Sequence[int], root: Path, *, runs: Callable[[int], int] = lambda n: 3,
        workers: Callable[[int], Sequence[int]] = lambda n: (1, 2), incremental_runs: int = 3,
        reuse: bool = False, reuse_only: bool = False, log: Log = print) -> dict[str, Any]:
    """Generate each corpus under ``root/<n>/``, build it ``runs(n)`` times per worker count, check the
    findings against the ground truth, and time an incremental rebuild on the largest size.

    Each measurement is also saved under ``root/<n>/``; with ``reuse``, one saved by an earlier run on the
    same corpus is used instead of measuring again (so a long size can run separately); with
    ``reuse_only`` nothing is measured: what was not saved is left out (and the incremental rebuild is
    taken from the largest size that has one saved).
    """
    reuse = reuse or reuse_only
    results: dict[str, Any] = {"sizes": {}, "incremental": None}
    stamp = _stamp()
    largest = max(sizes)
    for n in sizes:
        t0 = time.perf_counter()
        truth = generate(n, root / str(n))
        corpus = root / str(n) / "corpus"
        gen = str(truth["generator"])
        log(f"corpus {n:,}: {truth['words']:,} words ({time.perf_counter() - t0:.1f} s to generate)")
        entry: dict[str, Any] = {"articles": n, "words": truth["words"], "workers": {}, "truth": None}
        for w in workers(n):
            out = root / str(n) / f"out-w{w}"
            saved_path = root / str(n) / f"runs-w{w}.json"
            done: list[dict[str, Any]] | None = _saved(saved_path, gen, reuse)
            if done is not None and (reuse_only or len(done) >= runs(n)) and (out / "graph.trig").exists():
                log(f"  build {n:,} articles, --workers {w}: reusing {len(done)} saved run(s)")
            elif reuse_only:
                log(f"  build {n:,} articles, --workers {w}: nothing saved, left out")
                continue
            else:
                done = []
                for k in range(runs(n)):
                    shutil.rmtree(out, ignore_errors=True)
                    measured = measure_build(corpus, out, w) | {"kg": stamp}
                    log(f"  build {n:,} articles, --workers {w}, run {k + 1}: {measured['wall']:.1f} s "
                        f"(CPU {measured['cpu']:.0f} s), peak RSS {measured['peak_rss'] / 2**20:,.0f} MB")
                    done.append(measured)
                _save(saved_path, stamp, gen, done)
            entry["workers"][str(w)] = _stats_of(done, truth["words"])
            if entry["truth"] is None:
                truth_path = root / str(n) / "truth-check.json"
                t: dict[str, Any] = _saved(truth_path, gen, True) or run_check(out, root / str(n))
                _save(truth_path, stamp, gen, t)
                entry["truth"] = t
                log(f"  ground truth: {t['found']}/{t['planted']} planted contradictions found, "
                    f"{t['not_planted']} not planted; {t['uncited_listed']}/{t['uncited_planted']} uncited listed")
        results["sizes"][str(n)] = entry
    if reuse_only:
        for n in sorted(sizes, reverse=True):
            for w in sorted(workers(n), reverse=True):
                saved_inc = _saved(root / str(n) / f"incremental-w{w}.json", load_generator(root / str(n)), True)
                if saved_inc is not None:
                    log(f"  incremental rebuild of {n:,} articles: reusing saved runs")
                    results["incremental"] = saved_inc
                    return results
        return results
    if incremental_runs:
        w = max(workers(largest))
        inc_path = root / str(largest) / f"incremental-w{w}.json"
        gen = str(load_generator(root / str(largest)))
        saved: dict[str, Any] | None = _saved(inc_path, gen, reuse)
        if saved is not None and int(saved["wall"]["runs"]) >= incremental_runs:
            log(f"  incremental rebuild of {largest:,} articles: reusing saved runs")
            results["incremental"] = saved
        else:
            results["incremental"] = _incremental(root / str(largest), largest, w, incremental_runs, log)
            results["incremental"]["kg"] = stamp
            _save(inc_path, stamp, gen, results["incremental"])
    return results


def load_generator(root: Path) -> str:
    return str(json.loads((root / "truth.json").read_text(encoding="utf-8"))["generator"])


def _incremental(root: Path, n: int, workers: int, repeat: int, log: Log) -> dict[str, Any]:
    """Change one article and rebuild into the output folder of the last cold build (cache filled)."""
    out = root / f"out-w{workers}"
    corpus = root / "corpus"
    if not (out / "graph.trig").exists():
        measure_build(corpus, out, workers)
    done = []
    for k in range(repeat):
        touch_article(root, i=n // 2, revision=k + 1)
        measured = measure_build(corpus, out, workers)
        log(f"  incremental rebuild ({n:,} articles, 1 changed, --workers {workers}), run {k + 1}: "
            f"{measured['wall']:.1f} s (CPU {measured['cpu']:.0f} s; {measured['summary']['cached']:,} from the cache)")
        done.append(measured)
    touch_article(root, i=n // 2, revision=0)  # the corpus now differs from every cached state but one
    stats = _stats_of(done, 1)
    del stats["words_per_second"]
    stats["articles"] = n
    stats["workers"] = workers
    stats["cached"] = done[0]["summary"]["cached"]
    return stats


def main(argv: Sequence[str]) -> int:
    if argv and argv[0] == "child":
        return _child(argv[1:])
    if argv and argv[0] == "check":
        return _check_child(argv[1:])
    sizes = [int(a) for a in argv] or [100]
    report = run(sizes, Path(tempfile.gettempdir()) / "kg-bench", runs=lambda n: 1,
                 log=lambda s: print(s, file=sys.stderr))
    print(json.dumps(report, indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
