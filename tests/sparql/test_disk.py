"""kg.sparql.disk: the on-disk Oxigraph store, created, reused, reloaded when graph.trig changes,
never reloaded under a reader, and never written when kg did not make it."""

from __future__ import annotations

import json
import time
from pathlib import Path

import pyoxigraph as ox
import pytest

from kg.errors import OutputError
from kg.sparql import STORE_MARKER, QuerySource, StoreLock, load_dataset, open_store_dir

COUNT = "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }"


def count(source: QuerySource) -> int:
    return int(source.select(COUNT).values()[0]["n"])


def add_quad(out: Path) -> None:
    """Change graph.trig: one more named graph with one triple."""
    with (out / "graph.trig").open("a", encoding="utf-8") as handle:
        handle.write("\n<urn:kg-test:graph> { <urn:a> <urn:b> <urn:c> . }\n")


def test_disk_store_created_then_reused(out: Path, tmp_path: Path) -> None:
    store_dir = tmp_path / "store"
    expected = len(load_dataset(out))
    with open_store_dir(out, store_dir) as source:
        assert count(source) == expected
    marker = json.loads((store_dir / STORE_MARKER).read_text())
    assert marker["quads"] == expected and marker["graph"] == str((out / "graph.trig").resolve())
    before = {p.name: p.stat().st_mtime_ns for p in store_dir.iterdir()}
    with open_store_dir(out, store_dir) as source:  # fresh: opened as it is, nothing written
        assert count(source) == expected
    assert {p.name: p.stat().st_mtime_ns for p in store_dir.iterdir()}.keys() >= before.keys()
    assert not list(tmp_path.glob(".store.loading-*")) and not list(tmp_path.glob(".store.old-*"))


def test_disk_store_reloaded_when_the_graph_changes(out: Path, tmp_path: Path) -> None:
    store_dir = tmp_path / "store"
    with open_store_dir(out, store_dir) as source:
        first = count(source)
    add_quad(out)
    with open_store_dir(out, store_dir) as source:
        assert count(source) == first + 1


def test_disk_store_same_bytes_new_time_is_not_reloaded(out: Path, tmp_path: Path) -> None:
    store_dir = tmp_path / "store"
    with open_store_dir(out, store_dir):
        pass
    sst = sorted(p.name for p in store_dir.iterdir())
    data = (out / "graph.trig").read_bytes()
    time.sleep(0.01)
    (out / "graph.trig").write_bytes(data)  # a rebuild giving the same bytes
    with open_store_dir(out, store_dir):
        pass
    assert sorted(p.name for p in store_dir.iterdir()) == sst
    marker = json.loads((store_dir / STORE_MARKER).read_text())
    assert marker["mtime_ns"] == (out / "graph.trig").stat().st_mtime_ns


def test_disk_store_in_use_is_not_reloaded_under_its_reader(
    out: Path, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    """A kg serve holds the store's lock shared: a changed graph.trig is then queried as it was."""
    store_dir = tmp_path / "store"
    with open_store_dir(out, store_dir) as source:
        first = count(source)
    server = StoreLock(store_dir)  # what kg serve holds while it serves
    server.shared()
    try:
        add_quad(out)
        with open_store_dir(out, store_dir) as source:
            assert count(source) == first
        assert "another process" in caplog.text and "older than" in caplog.text
    finally:
        server.release()
    with open_store_dir(out, store_dir) as source:
        assert count(source) == first + 1


def test_disk_store_of_someone_else_is_used_as_it_is(out: Path, tmp_path: Path) -> None:
    store_dir = tmp_path / "theirs"
    theirs = ox.Store(str(store_dir))
    theirs.add(ox.Quad(ox.NamedNode("urn:a"), ox.NamedNode("urn:b"), ox.NamedNode("urn:c"), ox.NamedNode("urn:g")))
    theirs.flush()
    del theirs
    with open_store_dir(out, store_dir) as source:
        assert count(source) == 1
    assert not (store_dir / STORE_MARKER).exists()


def test_disk_store_refuses_a_folder_of_other_files(out: Path, tmp_path: Path) -> None:
    folder = tmp_path / "notes"
    folder.mkdir()
    (folder / "notes.txt").write_text("mine")
    with pytest.raises(OutputError, match="not an Oxigraph store"):
        open_store_dir(out, folder)
    assert (folder / "notes.txt").read_text() == "mine"


def test_disk_store_without_graph_uses_the_last_load(
    out: Path, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    store_dir = tmp_path / "store"
    with open_store_dir(out, store_dir) as source:
        first = count(source)
    (out / "graph.trig").unlink()
    with open_store_dir(out, store_dir) as source:
        assert count(source) == first
    assert "as it was last loaded" in caplog.text
    with pytest.raises(OutputError, match="kg build"):
        open_store_dir(out, tmp_path / "new-store")
