"""export: quads -> output files and stores. graph.trig (named graphs) and graph.ttl (all triples), atomically.

Stage contract: takes the named graphs :func:`kg.build.iter_graphs` yields (each a sorted list of
rdflib quads) and writes them, one graph at a time, with pyoxigraph's serialisers (about 30 times
faster than rdflib's, and they keep the input order). The bytes depend only on the quads: no blank
nodes, no timestamps, graphs in a fixed order, every file opening with the same ``@prefix`` lines
(:data:`kg.vocab.PREFIXES`).

Every file is first written to a temporary file in the output folder and fsynced; only when all of
a build's files are complete are they moved into place (``os.replace``), so a build that dies
half-way leaves the previous files complete and readable. A lock file (``.kg-build.lock``) keeps
two builds from writing into one folder at the same time.

The conversion between rdflib terms (what :mod:`kg.build` makes) and pyoxigraph terms (what the store,
the serialisers and the queries use) is here and nowhere else: :class:`OxigraphTerms` and
:func:`oxigraph_store` one way, :func:`rdflib_term` and :func:`rdflib_dataset` the other.
"""

from __future__ import annotations

import contextlib
import fcntl
import logging
import os
import socket
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from types import TracebackType

import pyoxigraph as ox
import rdflib
from rdflib import Literal, URIRef

from kg.build import Quad
from kg.errors import BuildLockedError, OutputError
from kg.vocab import PREFIXES, RDF, XSD

logger = logging.getLogger(__name__)

__all__ = [
    "LOCK_NAME",
    "TRIG_NAME",
    "TTL_NAME",
    "Chunk",
    "GraphWriter",
    "OutputSet",
    "OxigraphTerms",
    "WriteStats",
    "build_lock",
    "oxigraph_store",
    "prefix_header",
    "rdflib_dataset",
    "rdflib_term",
    "serialize_graph",
    "write_graphs",
]

TRIG_NAME = "graph.trig"
TTL_NAME = "graph.ttl"
LOCK_NAME = ".kg-build.lock"
_TMP_MARK = ".tmp-"


def prefix_header() -> bytes:
    """The ``@prefix`` lines every Turtle and TriG file starts with, in :data:`PREFIXES` order."""
    lines = "".join(f"@prefix {prefix}: <{namespace}> .\n" for prefix, namespace in PREFIXES.items())
    return (lines + "\n").encode("utf-8")


# ----------------------------------------------------------------------------------------------
# Locking and atomic replacement


def _fail(out_dir: Path, action: str, exc: OSError) -> OutputError:
    return OutputError(
        f"{out_dir}: cannot {action} ({exc.strerror or exc}). "
        "Fix: check that the folder is writable and the disk is not full, or choose another with --out"
    )


@contextlib.contextmanager
def build_lock(out_dir: Path) -> Iterator[Path]:
    """Hold ``<out_dir>/.kg-build.lock`` for the duration of a build.

    Raises:
        BuildLockedError: another process holds the lock; the message names it.
        OutputError: the folder cannot be created or written.
    """
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
        # O_NOFOLLOW: a lock "file" planted as a symlink (a shared /tmp) must not make us truncate its target
        fd = os.open(out_dir / LOCK_NAME, os.O_RDWR | os.O_CREAT | os.O_NOFOLLOW, 0o644)
    except OSError as exc:
        raise _fail(out_dir, "create the output folder or its lock file", exc) from None
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            holder = os.pread(fd, 400, 0).decode("utf-8", "replace").strip() or "a process that just started"
            raise BuildLockedError(
                f"{out_dir}: another kg build is writing to this folder ({holder}). "
                f"Fix: wait for it to finish, or build into another folder with --out; if no kg process is "
                f"running, the lock is released automatically and you can run the build again"
            ) from None
        os.ftruncate(fd, 0)
        started = time.strftime("%Y-%m-%d %H:%M:%S")
        os.pwrite(fd, f"pid {os.getpid()} on {socket.gethostname()}, started {started}\n".encode(), 0)
        _remove_stale_temporaries(out_dir)
        try:
            yield out_dir / LOCK_NAME
        finally:
            os.ftruncate(fd, 0)
            fcntl.flock(fd, fcntl.LOCK_UN)
    finally:
        os.close(fd)


def _remove_stale_temporaries(out_dir: Path) -> None:
    """Temporary files left by a build that was killed, in the folder and its cache (safe: we hold the lock)."""
    for path in [*out_dir.glob(f".*{_TMP_MARK}*"), *(out_dir / ".cache").rglob(f".*{_TMP_MARK}*")]:
        with contextlib.suppress(OSError):
            path.unlink()


class OutputSet:
    """Files written together and moved into place together.

    ``path(name)`` gives a temporary path in the output folder for the final file ``name``;
    ``commit()`` fsyncs them and replaces the final files one after another (every temporary
    file is complete before the first replace). Leaving the ``with`` block without committing
    removes the temporary files and keeps the previous outputs.
    """

    def __init__(self, out_dir: Path) -> None:
        self.out_dir = out_dir
        self._staged: dict[str, Path] = {}
        self.committed = False

    def path(self, name: str) -> Path:
        if "/" in name or name.startswith("."):
            raise ValueError(f"not a plain output file name: {name!r}")
        temp = self.out_dir / f".{name}{_TMP_MARK}{os.getpid()}"
        self._staged[name] = temp
        return temp

    def commit(self) -> tuple[Path, ...]:
        """Move every staged file into place; returns the final paths."""
        finals = []
        try:
            for temp in self._staged.values():
                if temp.exists():
                    with open(temp, "rb+") as handle:
                        os.fsync(handle.fileno())
            for name, temp in self._staged.items():
                if temp.exists():
                    os.replace(temp, self.out_dir / name)
                    finals.append(self.out_dir / name)
            dir_fd = os.open(self.out_dir, os.O_RDONLY)
            try:
                os.fsync(dir_fd)
            finally:
                os.close(dir_fd)
        except OSError as exc:
            raise _fail(self.out_dir, "move the new output files into place", exc) from None
        self.committed = True
        return tuple(finals)

    def discard(self) -> None:
        for temp in self._staged.values():
            with contextlib.suppress(OSError):
                temp.unlink()

    def __enter__(self) -> OutputSet:
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        if not self.committed:
            self.discard()


# ----------------------------------------------------------------------------------------------
# rdflib <-> pyoxigraph: the one conversion between the two libraries' terms


_RDF_TYPE = str(RDF.type)
_XSD_STRING = str(XSD.string)


class OxigraphTerms:
    """Converts rdflib terms to pyoxigraph ones, remembering vocabulary IRIs (predicates, classes).

    :meth:`quads` runs once per quad (millions of times), hence the local names and inlined caches.
    One instance serves many graphs: the vocabulary is converted once.
    """

    def __init__(self) -> None:
        self._vocab: dict[str, ox.NamedNode] = {}
        self._datatypes: dict[str, ox.NamedNode] = {}

    def term(self, term: URIRef | Literal) -> ox.NamedNode | ox.Literal:
        """One rdflib IRI or literal as a pyoxigraph term (``xsd:string`` literals become simple literals)."""
        if type(term) is not Literal:
            return ox.NamedNode(term)
        language = term.language
        if language:
            return ox.Literal(str(term), language=language)
        datatype = term.datatype
        if datatype is None or str.__eq__(datatype, _XSD_STRING):
            return ox.Literal(str(term))
        dt = self._datatypes.get(datatype)
        if dt is None:
            dt = self._datatypes[datatype] = ox.NamedNode(datatype)
        return ox.Literal(str(term), datatype=dt)

    def quads(self, quads: Iterable[Quad]) -> list[ox.Quad]:
        """rdflib quads (:data:`kg.build.Quad`) as pyoxigraph quads, in the same order."""
        out: list[ox.Quad] = []
        append = out.append
        vocab = self._vocab
        term = self.term
        make_quad = ox.Quad
        named = ox.NamedNode
        same = str.__eq__
        graph_iri = subject_iri = ""
        graph = subject = named("urn:x-kg:unset")
        for s, p, o, g in quads:
            if not same(g, graph_iri):
                graph_iri, graph = g, named(g)
            if not same(s, subject_iri):
                subject_iri, subject = s, named(s)
            predicate = vocab.get(p)
            if predicate is None:
                predicate = vocab[p] = named(p)
            obj: ox.NamedNode | ox.Literal | None
            if same(p, _RDF_TYPE):
                obj = vocab.get(o)
                if obj is None:
                    obj = vocab[o] = named(o)
            else:
                obj = term(o)
            append(make_quad(subject, predicate, obj, graph))
        return out


def oxigraph_store(graphs: Iterable[tuple[URIRef, Sequence[Quad]]]) -> ox.Store:
    """An in-memory pyoxigraph store holding the named graphs :func:`kg.build.iter_graphs` yields.

    The same graph :func:`write_graphs` writes (and fills its ``store`` with), without writing files.
    """
    store = ox.Store()
    terms = OxigraphTerms()
    for _, quads in graphs:
        store.bulk_extend(terms.quads(quads))
    return store


def rdflib_term(term: object, iris: dict[str, URIRef] | None = None) -> URIRef | Literal:
    """One pyoxigraph IRI or literal as an rdflib term; ``iris`` keeps one URIRef per IRI across calls.

    Raises:
        ValueError: a blank node or quoted triple (kg graphs hold neither).
    """
    if isinstance(term, ox.NamedNode):
        iri = term.value
        if iris is None:
            return URIRef(iri)
        node = iris.get(iri)
        if node is None:
            node = iris[iri] = URIRef(iri)
        return node
    if isinstance(term, ox.Literal):
        if term.language:
            return Literal(term.value, lang=term.language)
        datatype = term.datatype.value
        if datatype == _XSD_STRING:
            return Literal(term.value)
        return Literal(term.value, datatype=(iris or {}).get(datatype) or URIRef(datatype))
    raise ValueError(f"kg graphs hold no blank nodes or quoted triples, found {term!r}")


def rdflib_dataset(quads: Iterable[ox.Quad]) -> rdflib.Dataset:
    """An rdflib in-memory Dataset holding pyoxigraph ``quads``, each in its named graph (for pySHACL and
    rdflib's SPARQL); quads in the default graph go to the Dataset's default graph."""
    dataset = rdflib.Dataset()
    iris: dict[str, URIRef] = {}
    graphs: dict[str, rdflib.Graph] = {}
    for quad in quads:
        name = quad.graph_name
        key = name.value if isinstance(name, ox.NamedNode) else ""
        graph = graphs.get(key)
        if graph is None:
            graph = graphs[key] = dataset.graph(URIRef(key)) if key else dataset.default_graph
        graph.add((rdflib_term(quad.subject, iris), rdflib_term(quad.predicate, iris), rdflib_term(quad.object, iris)))
    return dataset


# ----------------------------------------------------------------------------------------------
# Writing


def _body(serialized: bytes) -> bytes:
    """The serialisation without its ``@prefix`` lines (the file has one header for all graphs)."""
    pos = 0
    while serialized.startswith(b"@prefix ", pos):
        pos = serialized.index(b"\n", pos) + 1
    return serialized[pos:]


@dataclass
class WriteStats:
    """What :func:`write_graphs` wrote, and where the time went."""

    graphs: int = 0
    quads: int = 0
    seconds: dict[str, float] = field(default_factory=lambda: {"build": 0.0, "write": 0.0})


@dataclass(frozen=True)
class Chunk:
    """One named graph, serialised: its TriG block and its Turtle triples, without ``@prefix`` lines."""

    trig: bytes
    ttl: bytes
    quads: int


def _turtle_from_trig(block: bytes) -> bytes | None:
    """The Turtle of the triples in one serialised TriG graph block, or None if it is not one.

    pyoxigraph writes a graph as ``<g> {`` + triples indented by one tab + ``}``, with every line
    break inside a literal escaped, so removing the first and last line and one tab per line gives
    exactly what its Turtle serialiser writes for the same triples (the golden test checks this).
    """
    first = block.find(b" {\n")
    if first < 0 or b"\n" in block[:first] or not block.endswith(b"\n}\n"):
        return None
    inner = block[first + 3 : -2]
    if not inner.startswith(b"\t"):
        return None
    return inner[1:].replace(b"\n\t", b"\n")


def serialize_graph(quads: Sequence[Quad], terms: OxigraphTerms | None = None) -> Chunk:
    """Serialise one named graph (its quads already in output order, all in that graph)."""
    if not quads:
        return Chunk(b"", b"", 0)
    return _serialize_converted((terms or OxigraphTerms()).quads(quads))


def _serialize_converted(converted: list[ox.Quad]) -> Chunk:
    if not converted:
        return Chunk(b"", b"", 0)
    trig = ox.serialize(converted, format=ox.RdfFormat.TRIG, prefixes=PREFIXES)
    assert trig is not None
    block = _body(trig)
    ttl = _turtle_from_trig(block)
    if ttl is None:  # not the layout expected: ask the Turtle serialiser (slower)
        ttl_full = ox.serialize([q.triple for q in converted], format=ox.RdfFormat.TURTLE, prefixes=PREFIXES)
        assert ttl_full is not None
        ttl = _body(ttl_full)
    return Chunk(block, ttl, len(converted))


class GraphWriter:
    """Appends named graphs to a TriG and a Turtle file, one graph at a time."""

    def __init__(self, trig: Path, ttl: Path) -> None:
        self._terms = OxigraphTerms()
        self.trig_path = trig
        self.ttl_path = ttl
        try:
            self._trig = open(trig, "wb")  # noqa: SIM115 (closed in close())
            self._ttl = open(ttl, "wb")  # noqa: SIM115
        except OSError as exc:
            raise _fail(trig.parent, "create the output files", exc) from None
        header = prefix_header()
        self._trig.write(header)
        self._ttl.write(header)

    def add(self, quads: Sequence[Quad], store: ox.Store | None = None) -> int:
        """Serialise and append one named graph; returns the quad count. With ``store``, its quads
        are added to that store too."""
        converted = self._terms.quads(quads)
        if store is not None:
            store.bulk_extend(converted)
        return self.add_chunk(_serialize_converted(converted))

    def add_chunk(self, chunk: Chunk) -> int:
        """Append one named graph serialised by :func:`serialize_graph` (perhaps in another process)."""
        if not chunk.quads:
            return 0
        try:
            self._trig.write(chunk.trig + b"\n")
            self._ttl.write(chunk.ttl)
        except OSError as exc:
            raise _fail(self.trig_path.parent, "write the output files", exc) from None
        return chunk.quads

    def close(self) -> None:
        """Flush and fsync both files."""
        try:
            for handle in (self._trig, self._ttl):
                handle.flush()
                os.fsync(handle.fileno())
                handle.close()
        except OSError as exc:
            raise _fail(self.trig_path.parent, "write the output files", exc) from None


def write_graphs(
    graphs: Iterable[tuple[URIRef, Sequence[Quad]] | Chunk],
    trig: Path,
    ttl: Path,
    *,
    progress: Callable[[int], None] | None = None,
    store: ox.Store | None = None,
) -> WriteStats:
    """Write every named graph to ``trig`` and all their triples to ``ttl``.

    ``graphs`` yields ``(graph name, quads)`` or a :class:`Chunk` serialised elsewhere; it is
    consumed lazily, so only one graph is held at a time. Time spent in the iterator (making quads,
    or waiting for chunks) is reported as ``build``, serialising and writing as ``write``.

    With ``store``, every quad written is also added to that store (the quads already converted,
    or a chunk's TriG block parsed), so a caller that needs the graph does not read the file again.
    """
    stats = WriteStats()
    writer = GraphWriter(trig, ttl)
    header = prefix_header()
    try:
        iterator = iter(graphs)
        while True:
            t0 = time.perf_counter()
            item = next(iterator, None)
            t1 = time.perf_counter()
            stats.seconds["build"] += t1 - t0
            if item is None:
                break
            if isinstance(item, Chunk):
                stats.quads += writer.add_chunk(item)
                if store is not None and item.quads:
                    store.load(header + item.trig, format=ox.RdfFormat.TRIG)
            else:
                stats.quads += writer.add(item[1]) if store is None else writer.add(item[1], store)
            stats.graphs += 1
            stats.seconds["write"] += time.perf_counter() - t1
            if progress is not None:
                progress(stats.graphs)
    finally:
        writer.close()
    logger.info("export: %d graphs, %d quads", stats.graphs, stats.quads)
    return stats
