"""serialise: named graphs -> graph.trig and graph.ttl, one graph at a time.

The graphs :func:`kg.build.iter_graphs` yields (each a sorted list of rdflib quads) are written with
pyoxigraph's serialisers (about 30 times faster than rdflib's, and they keep the input order). The
bytes depend only on the quads: no blank nodes, no timestamps, graphs in a fixed order, every file
opening with the same ``@prefix`` lines (:data:`kg.vocab.PREFIXES`).
"""

from __future__ import annotations

import logging
import os
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import pyoxigraph as ox
from rdflib import URIRef

from kg.build import Quad
from kg.errors import OutputError
from kg.export.terms import OxigraphTerms
from kg.vocab import PREFIXES

logger = logging.getLogger(__name__)

__all__ = [
    "TRIG_NAME",
    "TTL_NAME",
    "Chunk",
    "GraphWriter",
    "WriteStats",
    "prefix_header",
    "serialize_graph",
    "write_graphs",
]

TRIG_NAME = "graph.trig"
TTL_NAME = "graph.ttl"


def prefix_header() -> bytes:
    """The ``@prefix`` lines every Turtle and TriG file starts with, in :data:`PREFIXES` order."""
    lines = "".join(f"@prefix {prefix}: <{namespace}> .\n" for prefix, namespace in PREFIXES.items())
    return (lines + "\n").encode("utf-8")


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
            raise OutputError.cannot(trig.parent, "create the output files", exc) from None
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
            raise OutputError.cannot(self.trig_path.parent, "write the output files", exc) from None
        return chunk.quads

    def close(self) -> None:
        """Flush and fsync both files."""
        try:
            for handle in (self._trig, self._ttl):
                handle.flush()
                os.fsync(handle.fileno())
                handle.close()
        except OSError as exc:
            raise OutputError.cannot(self.trig_path.parent, "write the output files", exc) from None


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
