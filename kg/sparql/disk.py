"""disk: the on-disk Oxigraph store folder (``--store oxigraph:DIR``, and the folder ``kg serve`` serves).

:func:`prepare_store_dir` creates the store from ``<out>/graph.trig`` on first use and reloads it
when graph.trig changes; a marker file (``kg-store.json``) records which graph.trig it holds. A lock
file beside the folder (:class:`StoreLock`) is held shared while the store is read or served and
exclusive while it is reloaded, so a reload never happens under a reader.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import shutil
import time
from dataclasses import dataclass
from importlib.metadata import version as package_version
from pathlib import Path

import pyoxigraph as ox

from kg.errors import OutputError
from kg.sparql.dataset import graph_file, unreadable

try:
    import fcntl
except ImportError:  # pragma: no cover - not on POSIX: no inter-process locks
    fcntl = None  # type: ignore[assignment]

__all__ = ["STORE_MARKER", "StoreLock", "StoreState", "prepare_store_dir"]

STORE_MARKER = "kg-store.json"
"""The file in a store folder that records which graph.trig it was loaded from."""


class StoreLock:
    """``.<store>.lock`` next to a store folder: shared while reading or serving, exclusive to reload.

    The lock file is beside the folder, not in it, because a reload swaps the whole folder.
    """

    def __init__(self, store_dir: Path) -> None:
        store_dir.parent.mkdir(parents=True, exist_ok=True)
        self.path = store_dir.parent / f".{store_dir.name}.lock"
        self.fd: int | None = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o644)

    def shared(self) -> None:
        if fcntl is not None and self.fd is not None:
            fcntl.flock(self.fd, fcntl.LOCK_SH)

    def try_exclusive(self) -> bool:
        """Exclusive if nobody else holds the lock (a held shared lock is given up while trying)."""
        if fcntl is None or self.fd is None:
            return True
        try:
            fcntl.flock(self.fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            return False
        return True

    def release(self) -> None:
        if self.fd is not None:
            os.close(self.fd)  # closing the descriptor releases the flock
            self.fd = None


@dataclass(frozen=True)
class StoreState:
    """An on-disk store folder, ready to be opened read-only."""

    path: Path
    managed: bool
    """Made by kg from a graph.trig (else: an Oxigraph store made some other way, used as it is)."""
    loaded: bool
    """Loaded (or reloaded) from graph.trig just now."""
    stale: bool
    """Older than graph.trig, and could not be reloaded because another process is using it."""
    quads: int | None
    message: str | None


def _fingerprint(graph: Path, sha256: str | None = None) -> dict[str, object]:
    stat = graph.stat()
    if sha256 is None:
        digest = hashlib.sha256()
        with graph.open("rb") as handle:
            for block in iter(lambda: handle.read(1 << 20), b""):
                digest.update(block)
        sha256 = digest.hexdigest()
    return {
        "graph": str(graph.resolve()),
        "size": stat.st_size,
        "mtime_ns": stat.st_mtime_ns,
        "sha256": sha256,
        "pyoxigraph": package_version("pyoxigraph"),
    }


def _read_marker(store_dir: Path) -> dict[str, object] | None:
    try:
        data = json.loads((store_dir / STORE_MARKER).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return data if isinstance(data, dict) else None


def _write_marker(store_dir: Path, marker: dict[str, object]) -> None:
    temp = store_dir / f".{STORE_MARKER}.{os.getpid()}"
    temp.write_text(json.dumps(marker, indent=2) + "\n", encoding="utf-8")
    os.replace(temp, store_dir / STORE_MARKER)


def _is_fresh(store_dir: Path, marker: dict[str, object], graph: Path) -> bool:
    """Whether the store holds ``graph`` as it is now (size and time first; the hash if they moved)."""
    stat = graph.stat()
    if marker.get("pyoxigraph") != package_version("pyoxigraph"):
        return False  # Oxigraph's storage format is not promised stable across versions
    if marker.get("size") == stat.st_size and marker.get("mtime_ns") == stat.st_mtime_ns:
        return True
    if marker.get("size") != stat.st_size:
        return False
    current = _fingerprint(graph)
    if current["sha256"] != marker.get("sha256"):
        return False
    with contextlib.suppress(OSError):  # same bytes, new time (a rebuild): remember the new time
        _write_marker(store_dir, {**marker, **current})
    return True


def _load_store_dir(graph: Path, store_dir: Path) -> int:
    """Load ``graph`` into a new store beside ``store_dir``, then swap it in. Returns the quad count.

    The old folder stays complete until the new one is: an interrupted load leaves it as it was.
    """
    loading = store_dir.parent / f".{store_dir.name}.loading-{os.getpid()}"
    old = store_dir.parent / f".{store_dir.name}.old-{os.getpid()}"
    shutil.rmtree(loading, ignore_errors=True)
    marker = _fingerprint(graph)
    try:
        store = ox.Store(str(loading))
        store.bulk_load(path=graph, format=ox.RdfFormat.TRIG)
        store.flush()
        store.optimize()
        quads = len(store)
        del store
        marker["quads"] = quads
        _write_marker(loading, marker)
        if store_dir.exists():
            os.replace(store_dir, old)
        os.replace(loading, store_dir)
    except (SyntaxError, ValueError) as exc:
        raise unreadable(graph, exc) from None
    except OSError as exc:
        raise OutputError(f"cannot create the Oxigraph store {store_dir}: {exc}") from None
    finally:
        shutil.rmtree(loading, ignore_errors=True)
        shutil.rmtree(old, ignore_errors=True)
    return quads


def _held_by_other_process(store_dir: Path) -> bool:
    """Whether another process (an `oxigraph serve`) has the store open read-write."""
    try:
        store = ox.Store(str(store_dir))
    except OSError as exc:
        return "lock" in str(exc).lower()
    del store
    return False


def prepare_store_dir(out_dir: Path, store_dir: Path, lock: StoreLock) -> StoreState:
    """Make ``store_dir`` hold ``<out>/graph.trig``: create it, or reload it if graph.trig changed.

    The caller holds ``lock`` shared when this returns. A store another kg process is using (a
    ``kg serve``, or a query) is never reloaded under it: it is used as it is, with a message saying
    it is older than graph.trig. A folder holding an Oxigraph store kg did not make (no
    ``kg-store.json``) is used as it is and never written.

    Raises:
        OutputError: no graph.trig and no store yet, or ``store_dir`` holds something else.
    """
    store_dir = Path(store_dir)
    graph = Path(out_dir) / "graph.trig"
    lock.shared()
    marker = _read_marker(store_dir)
    if marker is None and store_dir.is_dir() and any(store_dir.iterdir()):
        if (store_dir / "CURRENT").is_file():
            return StoreState(store_dir, False, False, False, None, "an Oxigraph store kg did not make: used as it is")
        raise OutputError(
            f"{store_dir} is not empty and is not an Oxigraph store: give --store oxigraph:DIR a new or "
            "empty folder (kg creates the store there)"
        )
    if marker is not None and not graph.is_file():
        return StoreState(
            store_dir, True, False, False, _int(marker.get("quads")),
            f"no {graph}: using the store as it was last loaded",
        )
    graph_file(out_dir)  # OutputError when there is neither a store nor a graph
    if marker is not None and _is_fresh(store_dir, marker, graph):
        return StoreState(store_dir, True, False, False, _int(marker.get("quads")), None)
    deadline = time.monotonic() + 0.5
    while True:
        if lock.try_exclusive():
            try:
                marker = _read_marker(store_dir)
                if marker is not None and _is_fresh(store_dir, marker, graph):
                    return StoreState(store_dir, True, False, False, _int(marker.get("quads")), None)
                if marker is None or not _held_by_other_process(store_dir):
                    quads = _load_store_dir(graph, store_dir)
                    return StoreState(store_dir, True, True, False, quads, None)
            finally:
                lock.shared()
            break
        if time.monotonic() > deadline:
            lock.shared()
            break
        time.sleep(0.05)
    marker = _read_marker(store_dir)
    if marker is not None and _is_fresh(store_dir, marker, graph):
        return StoreState(store_dir, True, False, False, _int(marker.get("quads")), None)
    if marker is None:
        raise OutputError(f"{store_dir} is being created by another kg process: try again in a moment")
    return StoreState(
        store_dir, True, False, True, _int(marker.get("quads")),
        f"{store_dir} is older than {graph} but another process (a `kg serve`?) is using it, so it is "
        "queried as it is. Stop that process and run again to reload it",
    )


def _int(value: object) -> int | None:
    return value if isinstance(value, int) else None
