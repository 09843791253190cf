"""The output folder is kg's alone: the audit's reproductions of what ``--out`` could do, each closed.

* a build removed and overwrote files it did not write, and followed a planted ``.cache`` link out
  of the folder: kg now refuses a folder it did not make (``--force`` to share it), records what it
  writes and removes nothing else, and never writes or cleans through a link;
* ``--out`` equal to the corpus folder or inside it: kg read its own report back (claims grew 18 -> 51
  -> 102 -> 203): refused;
* a build killed while it replaced its outputs left a new graph.trig beside the old graph.ttl:
  each build now goes into a folder of its own and ``<out>/current`` switches with one rename, so a
  reader sees one build or the other, never a mix.
"""

from __future__ import annotations

import json
import os
import random
import shutil
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from kg.export import CURRENT_NAME, LOCK_NAME, PRIVATE_NAME, TRIG_NAME, TTL_NAME
from kg.pipeline import build_corpus
from tests.conftest import TINY_CORPUS
from tests.support.building import ENV, copy_tiny, files_under, kg

OUTPUTS = (TRIG_NAME, TTL_NAME, "report.md", "graph.html")


@pytest.fixture
def user_folder(tmp_path: Path) -> tuple[Path, dict[str, bytes | str]]:
    """The audit's folder: notes, a tool's cache, a data file, and a report and page of the user's own;
    and what it holds."""
    out = tmp_path / "o"
    (out / ".cache" / "pip").mkdir(parents=True)
    (out / ".cache" / "extract" / "my-data").mkdir(parents=True)
    (out / ".notes.tmp-final").write_text("my notes")
    (out / ".cache" / "pip" / ".wheel.tmp-123").write_text("a wheel being built")
    (out / ".cache" / "extract" / "my-data" / "results.csv").write_text("a,b\n1,2\n")
    (out / "report.md").write_text("# my own report\n")
    (out / "graph.html").write_text("<p>my own page</p>")
    return out, files_under(out)


def test_output_folder_of_someone_else_is_refused_and_left_as_it_was(
    user_folder: tuple[Path, dict[str, bytes | str]], capsys: pytest.CaptureFixture[str]
) -> None:
    out, before = user_folder
    code, err = kg(capsys, "build", TINY_CORPUS, "--out", out, "-q")
    assert code == 2
    assert f"kg build: error: {out}: the folder holds files kg did not write (" in err
    assert "Fix: give --out a new or empty folder, or add --force" in err
    assert files_under(out) == before


def test_output_folder_forced_keeps_every_file_kg_did_not_write(
    user_folder: tuple[Path, dict[str, bytes | str]], capsys: pytest.CaptureFixture[str]
) -> None:
    out, before = user_folder
    code, err = kg(capsys, "build", TINY_CORPUS, "--out", out, "--force")
    assert code == 0, err
    assert f"{out / 'report.md'}: replaced by kg's report.md link (it was not written by kg)" in err
    assert f"{out / 'graph.html'}: replaced by kg's graph.html link" in err
    for _ in range(2):  # a folder kg has claimed needs no --force; a rebuild keeps the user's files too
        after = files_under(out)
        for name in (".notes.tmp-final", ".cache/pip/.wheel.tmp-123", ".cache/extract/my-data/results.csv"):
            assert after[name] == before[name], name
        assert (out / "report.md").read_text().startswith("# ")
        assert "my own" not in (out / "report.md").read_text()
        assert kg(capsys, "build", TINY_CORPUS, "--out", out, "-q")[0] == 0


def test_output_folder_files_added_to_a_kg_folder_stay(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "o"
    assert kg(capsys, "build", TINY_CORPUS, "--out", out, "-q")[0] == 0
    (out / ".notes.tmp-final").write_text("my notes")
    (out / ".cache" / "extract" / "kg-0-0-1_rules-old").mkdir(parents=True)  # looks like an old kg cache
    (out / ".cache" / "extract" / "kg-0-0-1_rules-old" / "x.json").write_text("{}")
    (out / f".{TRIG_NAME}.tmp-12345").write_text("looks like a kg temporary file")
    before = files_under(out)
    assert kg(capsys, "build", copy_tiny(tmp_path), "--out", out, "-q")[0] == 0
    after = files_under(out)
    for name in (".notes.tmp-final", ".cache/extract/kg-0-0-1_rules-old/x.json", f".{TRIG_NAME}.tmp-12345"):
        assert after[name] == before[name]


def test_output_folder_planted_cache_link_is_never_followed(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A ``.cache`` link to a folder outside ``--out``: nothing there is removed (kg's cache is in ``.kg``)."""
    outside = tmp_path / "outside"
    (outside / "extract" / "kg-0-0-1_rules-old").mkdir(parents=True)
    (outside / "extract" / "kg-0-0-1_rules-old" / "keep.json").write_text("{}")
    (outside / ".x.tmp-1").write_text("keep")
    (outside / "precious.txt").write_text("keep")
    before = files_under(outside)
    out = tmp_path / "o"
    assert kg(capsys, "build", TINY_CORPUS, "--out", out, "-q")[0] == 0
    (out / ".cache").symlink_to(outside, target_is_directory=True)
    for _ in range(2):
        assert kg(capsys, "build", copy_tiny(tmp_path, f"c{_}"), "--out", out, "-q")[0] == 0
    assert files_under(outside) == before


@pytest.mark.parametrize("planted", [PRIVATE_NAME, f"{PRIVATE_NAME}/cache", f"{PRIVATE_NAME}/builds"])
def test_output_folder_link_in_place_of_kg_folder_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], planted: str
) -> None:
    """kg's own folders planted as links out of ``--out``: refused, and nothing is written through them."""
    out = tmp_path / "o"
    assert kg(capsys, "build", TINY_CORPUS, "--out", out, "-q")[0] == 0
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "precious.txt").write_text("keep")
    target = out / planted
    os.rename(target, tmp_path / "moved-away")
    target.symlink_to(outside, target_is_directory=True)
    code, err = kg(capsys, "build", TINY_CORPUS, "--out", out, "-q")
    assert code == 2
    assert f"{target}: is a symbolic link, where kg keeps its own folder; kg does not write through it" in err
    assert files_under(outside) == {"precious.txt": b"keep"}


def test_output_folder_home_with_its_dot_cache_is_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """``--out ~`` would have swept ``~/.cache``: a home folder is not kg's."""
    home = tmp_path / "home"
    (home / ".cache" / "pip").mkdir(parents=True)
    (home / ".cache" / "pip" / ".wheel.tmp-1").write_text("x")
    (home / ".bashrc").write_text("export X=1\n")
    before = files_under(home)
    code, err = kg(capsys, "build", TINY_CORPUS, "--out", home, "-q")
    assert code == 2 and "is not a kg output folder" in err
    assert files_under(home) == before


def test_output_folder_placeholder_files_count_as_empty(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A repository's empty ``output/`` (just ``.gitkeep``) is an empty folder: ``make run`` builds into it."""
    out = tmp_path / "output"
    out.mkdir()
    (out / ".gitkeep").write_text("")
    assert kg(capsys, "build", TINY_CORPUS, "--out", out, "-q")[0] == 0
    assert (out / ".gitkeep").exists()


def test_output_folder_of_an_earlier_kg_is_taken_over(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Earlier kg wrote plain files beside ``.kg-build.lock``: they become links, nothing else is touched."""
    out = tmp_path / "o"
    out.mkdir()
    for name in OUTPUTS:
        (out / name).write_text("an earlier build")
    (out / LOCK_NAME).write_text("")
    (out / ".cache" / "extract" / "kg-0-0-9_rules-1").mkdir(parents=True)
    (out / ".cache" / "extract" / "kg-0-0-9_rules-1" / "x.json").write_text("{}")
    code, err = kg(capsys, "build", TINY_CORPUS, "--out", out, "-q")
    assert code == 0, err
    for name in OUTPUTS:
        assert os.readlink(out / name) == f"{CURRENT_NAME}/{name}"
        assert (out / name).read_bytes() != b"an earlier build"
    assert (out / ".cache" / "extract" / "kg-0-0-9_rules-1" / "x.json").read_text() == "{}"


@pytest.mark.parametrize("where", ["equal", "inside", "inside through a link"])
def test_output_folder_in_the_corpus_is_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str], where: str) -> None:
    corpus = copy_tiny(tmp_path)
    before = files_under(corpus)
    out = {"equal": corpus, "inside": corpus / "o", "inside through a link": tmp_path / "link" / "o"}[where]
    (tmp_path / "link").symlink_to(corpus, target_is_directory=True)
    code, err = kg(capsys, "build", corpus, "--out", out, "-q")
    assert code == 2
    assert f"kg build: error: {out}: the output folder is " in err
    assert "so kg would read its own outputs (report.md, graph.html) back as articles" in err
    assert f"Fix: give --out a folder outside {corpus}" in err
    assert files_under(corpus) == before  # nothing written, so nothing to read back: no 18 -> 51 -> 102 claims


def test_output_folder_beside_the_corpus_is_fine(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    corpus = copy_tiny(tmp_path)
    claims = []
    for _ in range(3):
        code, err = kg(capsys, "build", corpus, "--out", tmp_path / "o")
        assert code == 0
        claims.append(err.split(" claims,")[0].rsplit(" ", 1)[-1])
    assert claims == ["18"] * 3


def test_output_folder_keeps_the_current_and_previous_build(tmp_path: Path) -> None:
    out = tmp_path / "o"
    corpus = copy_tiny(tmp_path)
    for _ in range(4):
        build_corpus(corpus, out, use_cache=False)
    assert sorted(os.listdir(out / PRIVATE_NAME / "builds")) == ["3", "4"]
    assert os.readlink(out / CURRENT_NAME) == f"{PRIVATE_NAME}/builds/4"
    manifest = json.loads((out / PRIVATE_NAME / "manifest.json").read_text())
    assert sorted(manifest["builds"]) == ["3", "4"]
    assert set(manifest["links"]) == {CURRENT_NAME, *OUTPUTS}
    for name in OUTPUTS:
        assert (out / name).read_bytes() == (out / PRIVATE_NAME / "builds" / "4" / name).read_bytes()


def test_output_folder_user_file_in_an_old_build_folder_stays(tmp_path: Path) -> None:
    """A build folder is removed file by file (the files kg wrote); one holding something else stays."""
    out = tmp_path / "o"
    build_corpus(TINY_CORPUS, out, use_cache=False)
    (out / PRIVATE_NAME / "builds" / "1" / "mine.txt").write_text("keep")
    build_corpus(TINY_CORPUS, out, use_cache=False)
    build_corpus(TINY_CORPUS, out, use_cache=False)
    assert os.listdir(out / PRIVATE_NAME / "builds" / "1") == ["mine.txt"]


def _sets(out: Path) -> dict[str, bytes]:
    return {name: (out / name).read_bytes() for name in OUTPUTS}


@pytest.mark.usefixtures("no_optional_stages")
def test_output_folder_dying_at_any_rename_leaves_one_build(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The audit's kill at the moment outputs are replaced, made exact: the build stops at its n-th
    rename (of the manifest, of ``current``, of each output link), for every n, in a folder of an
    earlier kg (whose plain files all become links) and in one of this kg."""
    corpus = copy_tiny(tmp_path)
    changed = copy_tiny(tmp_path, "changed")
    (changed / "uncited.txt").write_text("Officials said gas prices in Europe would fall this winter.\n")
    build_corpus(changed, tmp_path / "fresh", use_cache=False)
    new = {name: (tmp_path / "fresh" / name).read_bytes() for name in (TRIG_NAME, TTL_NAME)}
    real_replace = os.replace
    calls = 0

    def counting_replace(src: str | os.PathLike[str], dst: str | os.PathLike[str]) -> None:
        nonlocal calls
        calls += 1
        if calls == failing:
            raise KeyboardInterrupt  # stands for the kill: nothing after it runs but clean-up handlers
        real_replace(src, dst)

    for earlier in (True, False):
        failing, total = 0, None
        while total is None or failing <= total:
            out = tmp_path / f"o-{earlier}-{failing}"
            build_corpus(corpus, out, use_cache=False)
            old = {name: (out / name).read_bytes() for name in (TRIG_NAME, TTL_NAME)}
            if earlier:  # the folder as an earlier kg left it: plain output files beside the lock
                for name in (TRIG_NAME, TTL_NAME):
                    os.unlink(out / name)
                    (out / name).write_bytes(old[name])
                shutil.rmtree(out / PRIVATE_NAME)
                os.unlink(out / CURRENT_NAME)
            calls = 0
            with monkeypatch.context() as patch:
                patch.setattr(os, "replace", counting_replace)
                try:
                    build_corpus(changed, out, use_cache=False)
                    total = calls
                except KeyboardInterrupt:
                    pass
            got = {name: (out / name).read_bytes() for name in (TRIG_NAME, TTL_NAME)}
            assert got in (old, new), f"stopped at rename {failing}: a mix of two builds"
            build_corpus(changed, out, use_cache=False)  # the next build succeeds
            assert {name: (out / name).read_bytes() for name in (TRIG_NAME, TTL_NAME)} == new
            failing += 1
        assert total is not None and total >= 3


def test_output_folder_reader_never_sees_two_builds(tmp_path: Path) -> None:
    """Builds of two corpora alternate while a reader resolves ``current`` and reads every output:
    each set read is one build's, complete."""
    out = tmp_path / "o"
    corpus_a, corpus_b = copy_tiny(tmp_path, "a"), copy_tiny(tmp_path, "b")
    (corpus_b / "uncited.txt").write_text("Officials said gas prices in Europe would fall this winter.\n")
    build_corpus(corpus_b, tmp_path / "ref-b", use_cache=False)
    build_corpus(corpus_a, out, use_cache=False)
    expected = [_sets(out), _sets(tmp_path / "ref-b")]
    stop = threading.Event()
    seen: list[dict[str, bytes]] = []
    errors: list[str] = []

    def reader() -> None:
        while not stop.is_set():
            build = Path(os.path.realpath(out / CURRENT_NAME))
            try:
                got = {name: (build / name).read_bytes() for name in OUTPUTS}
            except FileNotFoundError as exc:  # only if two builds finished while one set was read
                errors.append(str(exc))
                continue
            seen.append(got)

    thread = threading.Thread(target=reader)
    thread.start()
    try:
        for i in range(6):
            build_corpus(corpus_b if i % 2 == 0 else corpus_a, out, use_cache=True)
    finally:
        stop.set()
        thread.join()
    assert len(seen) > 10
    assert all(got in expected for got in seen), "a reader saw files of two builds"
    assert not errors


def test_output_folder_sigkill_near_the_switch_never_mixes(tmp_path: Path) -> None:
    """The audit's reproduction: SIGKILL near the end of a build, when the outputs are replaced (4 of 4
    kills left a mix before). Each trial: every output is the old build's, or every one the new's."""
    out = tmp_path / "o"
    corpus = copy_tiny(tmp_path)
    command = [sys.executable, "-m", "kg", "build", str(corpus), "--out", str(out), "--no-cache", "-q"]
    subprocess.run(command, check=True, env=ENV)
    old = _sets(out)
    (corpus / "uncited.txt").write_text("Officials said gas prices in Europe would fall this winter.\n")
    started = time.monotonic()
    subprocess.run([*command[:6], str(tmp_path / "fresh"), *command[7:]], check=True, env=ENV)
    duration = time.monotonic() - started
    new = _sets(tmp_path / "fresh")
    rng = random.Random(11)
    for trial in range(int(os.environ.get("KG_CRASH_TRIALS", "4"))):
        process = subprocess.Popen(command, env=ENV, stderr=subprocess.DEVNULL)
        time.sleep(rng.uniform(0.85, 1.0) * duration)
        process.send_signal(signal.SIGKILL)
        process.wait()
        assert _sets(out) in (old, new), f"trial {trial}: a mix of two builds"
        if _sets(out) == new:
            subprocess.run([*command[:4], str(TINY_CORPUS), *command[5:]], check=True, env=ENV)
            old = _sets(out)
