"""Crash safety: a build killed at any moment, or two builds at once, never leave a broken output folder.

* SIGKILL at a random moment (a subprocess, several trials, with one and with two workers): the output
  files are afterwards all the previous build's or all the new build's, never a mix (each build is
  written into a folder of its own and switched in by one rename of ``<out>/current``), they parse
  with pyoxigraph, and the next build succeeds and cleans up (the lock is released by the kernel;
  what the killed build left is removed).
* Two builds started together on one folder: one builds, the other waits for nothing and stops with
  a message that names the folder and the process holding its lock; the files parse and are the
  same as a build run alone.

``KG_CRASH_TRIALS`` sets the number of kill trials (default 4).
"""

from __future__ import annotations

import json
import os
import random
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pyoxigraph as ox
import pytest

from kg.cache import extraction_cache_dir
from kg.export import LOCK_NAME, PRIVATE_NAME, TRIG_NAME, TTL_NAME
from tests.conftest import TINY_CORPUS

REPO = Path(__file__).parent.parent.parent
TRIALS = int(os.environ.get("KG_CRASH_TRIALS", "4"))
ENV = {**os.environ, "PYTHONPATH": str(REPO)}


def kg_build(corpus: Path, out: Path, *args: str, cache: bool = False) -> list[str]:
    no_cache = () if cache else ("--no-cache",)
    return [sys.executable, "-m", "kg", "build", str(corpus), "--out", str(out), *no_cache, "-q", *args]


def outputs(out: Path) -> dict[str, bytes]:
    """The output files (not the lock, the cache or temporary files) and their bytes."""
    return {p.name: p.read_bytes() for p in sorted(out.iterdir()) if p.is_file() and not p.name.startswith(".")}


def temporaries(out: Path) -> list[Path]:
    return [p for p in out.rglob("*") if ".tmp-" in p.name]


def check_parses(out: Path) -> None:
    assert len(list(ox.parse(path=out / TRIG_NAME, format=ox.RdfFormat.TRIG))) > 0
    assert len(list(ox.parse(path=out / TTL_NAME, format=ox.RdfFormat.TURTLE))) > 0


def changed_corpus(tmp_path: Path) -> Path:
    """The tiny corpus with one article changed, so that a new build differs from the previous one."""
    corpus = tmp_path / "corpus"
    shutil.copytree(TINY_CORPUS, corpus)
    (corpus / "uncited.txt").write_text("Officials said gas prices in Europe would fall this winter.\n")
    return corpus


def test_crash_safety_sigkill_at_random_moments(tmp_path: Path) -> None:
    out = tmp_path / "out"
    subprocess.run(kg_build(TINY_CORPUS, out), check=True, env=ENV)
    old = outputs(out)
    corpus = changed_corpus(tmp_path)
    started = time.monotonic()
    subprocess.run(kg_build(corpus, tmp_path / "fresh"), check=True, env=ENV)
    duration = time.monotonic() - started
    new = outputs(tmp_path / "fresh")
    assert set(old) == set(new) and old != new
    rng = random.Random(int(os.environ.get("KG_CRASH_SEED", "8")))
    mixed = 0
    for trial in range(TRIALS):
        workers = ("--workers", "2") if trial % 2 else ()
        command = kg_build(corpus, out, *workers, cache=trial % 3 == 1)  # the cache may be killed mid-write too
        process = subprocess.Popen(command, env=ENV, stderr=subprocess.DEVNULL)
        time.sleep(rng.uniform(0.05, 1.1 * duration * (2.5 if workers else 1)))
        process.send_signal(signal.SIGKILL)
        process.wait()
        now = outputs(out)
        assert set(now) == set(old), f"trial {trial}: files {sorted(now)}"
        for name, data in now.items():
            assert data in (old[name], new[name]), f"trial {trial}: {name} is neither the old nor the new file"
        mixed += len({data == new[name] for name, data in now.items()}) > 1
        assert not mixed, f"trial {trial}: the outputs mix two builds"
        check_parses(out)
        if all(now[name] == new[name] for name in now):  # the build had finished: start from the old files again
            subprocess.run(kg_build(TINY_CORPUS, out), check=True, env=ENV)
    # the next build succeeds: the kernel released the lock, and it removes what the killed builds left
    subprocess.run(kg_build(corpus, out), check=True, env=ENV)
    assert outputs(out) == new
    assert not temporaries(out)
    print(f"{TRIALS} kills, none left a mix of old and new files")


def test_crash_safety_killed_build_leaves_no_orphan_workers(tmp_path: Path) -> None:
    """Worker processes of a killed ``--workers 2`` build exit too (they would otherwise hold memory)."""
    out = tmp_path / "out"
    process = subprocess.Popen(kg_build(TINY_CORPUS, out, "--workers", "2"), env=ENV, stderr=subprocess.DEVNULL)
    children: set[int] = set()
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and process.poll() is None and len(children) < 2:
        children |= _children(process.pid)
        time.sleep(0.05)
    if process.poll() is not None:
        pytest.skip("the build finished before its workers could be seen")
    process.send_signal(signal.SIGKILL)
    process.wait()
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline and any(_alive(pid) for pid in children):
        time.sleep(0.1)
    assert not [pid for pid in children if _alive(pid)], "workers outlived the killed build"
    subprocess.run(kg_build(TINY_CORPUS, out), check=True, env=ENV)
    check_parses(out)


def _children(pid: int) -> set[int]:
    found = set()
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                stat = (entry / "stat").read_text()
            except OSError:
                continue
            if int(stat.rsplit(")", 1)[1].split()[1]) == pid:
                found.add(int(entry.name))
    return found


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


def test_crash_safety_two_builds_at_once(tmp_path: Path) -> None:
    reference = tmp_path / "reference"
    subprocess.run(kg_build(TINY_CORPUS, reference), check=True, env=ENV)
    expected = outputs(reference)
    for attempt in range(2):
        out = tmp_path / f"out{attempt}"
        builds = [subprocess.Popen(kg_build(TINY_CORPUS, out), env=ENV, stderr=subprocess.PIPE, text=True)
                  for _ in range(2)]
        results = [(b.wait(), b.stderr.read() if b.stderr else "") for b in builds]
        codes = sorted(code for code, _ in results)
        assert codes in ([0, 0], [0, 2]), results
        for code, err in results:
            assert "Traceback" not in err
            if code == 2:
                # the holder is named by its pid, or (if it took the lock a moment ago) as just started
                assert f"{out}: another kg build is writing to this folder (" in err, err
                assert "(pid " in err or "(a process that just started)" in err, err
                assert "Fix: wait for it to finish, or build into another folder with --out" in err
        assert outputs(out) == expected
        check_parses(out)
        assert not temporaries(out)
        assert (out / LOCK_NAME).read_text() == ""  # released and emptied by the build that held it


def test_crash_safety_leftovers_of_a_killed_build_do_not_block_the_next(tmp_path: Path) -> None:
    """A lock file still naming a dead process, a half-written build folder, a temporary link and a
    half-written cache entry: the next build takes the lock, removes what kg left (all on its
    manifest or in its own folder), and switches to complete outputs."""
    out = tmp_path / "out"
    subprocess.run(kg_build(TINY_CORPUS, out, cache=True), check=True, env=ENV)  # with the cache
    (out / LOCK_NAME).write_text("pid 999999 on elsewhere, started 2000-01-01 00:00:00\n")
    manifest_path = out / PRIVATE_NAME / "manifest.json"
    manifest = json.loads(manifest_path.read_text())
    manifest["builds"]["99"] = [TRIG_NAME]  # recorded before the killed build made its folder
    manifest_path.write_text(json.dumps(manifest))
    half = out / PRIVATE_NAME / "builds" / "99"
    half.mkdir()
    (half / TRIG_NAME).write_bytes(b"@prefix broken")
    (out / PRIVATE_NAME / ".current.tmp-999999").symlink_to(f"{PRIVATE_NAME}/builds/99")
    cache_entry = next(extraction_cache_dir(out).rglob("*.json"))
    stale_cache = cache_entry.with_name(f".{cache_entry.name}.tmp-999999")
    stale_cache.write_text("{")
    subprocess.run(kg_build(TINY_CORPUS, out, cache=True), check=True, env=ENV)
    assert not temporaries(out)
    assert not half.exists()
    check_parses(out)


def test_crash_safety_lock_planted_as_a_symlink_is_not_followed(tmp_path: Path) -> None:
    """On a shared machine someone may plant ``.kg-build.lock`` as a link to a file of yours: the build
    refuses the folder instead of truncating that file."""
    victim = tmp_path / "precious.txt"
    victim.write_text("do not truncate me\n")
    fresh = tmp_path / "fresh"
    fresh.mkdir()
    (fresh / LOCK_NAME).symlink_to(victim)
    result = subprocess.run(kg_build(TINY_CORPUS, fresh), env=ENV, capture_output=True, text=True)
    assert result.returncode == 2, result.stderr
    assert "the folder holds files kg did not write (.kg-build.lock)" in result.stderr  # not a kg folder
    out = tmp_path / "out"
    subprocess.run(kg_build(TINY_CORPUS, out), check=True, env=ENV)
    before = outputs(out)
    (out / LOCK_NAME).unlink()
    (out / LOCK_NAME).symlink_to(victim)
    result = subprocess.run(kg_build(TINY_CORPUS, out), env=ENV, capture_output=True, text=True)
    assert result.returncode == 2, result.stderr
    assert "cannot create the output folder or its lock file" in result.stderr
    assert victim.read_text() == "do not truncate me\n"
    assert outputs(out) == before
    assert not outputs(fresh)
