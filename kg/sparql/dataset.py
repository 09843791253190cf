"""dataset: the built graph, ``<out>/graph.trig`` as :mod:`kg.export` wrote it, read into memory.

A pyoxigraph Store (:func:`load_dataset`) to query, or an rdflib Dataset (:func:`to_rdflib`) for
pySHACL. Nothing here writes the file.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

import pyoxigraph as ox
import rdflib

from kg.errors import OutputError
from kg.export import rdflib_dataset

__all__ = ["graph_file", "load_dataset", "to_rdflib", "unreadable"]


def unreadable(path: Path, exc: Exception) -> OutputError:
    """The error for a graph.trig that does not parse."""
    return OutputError(f"{path}: cannot be read as TriG ({exc}). Fix: rebuild it with `kg build`")


def graph_file(out_dir: Path) -> Path:
    """``<out>/graph.trig``, or OutputError when no build has written it."""
    path = Path(out_dir) / "graph.trig"
    if not path.is_file():
        raise OutputError(f"no graph in {out_dir}: run `kg build` first (or give the folder it wrote to with --out)")
    return path


def load_dataset(out_dir: Path) -> ox.Store:
    """An in-memory pyoxigraph Store holding every named graph of ``<out>/graph.trig``.

    Raises:
        OutputError: there is no graph.trig in ``out_dir``, or it cannot be parsed.
    """
    path = graph_file(out_dir)
    store = ox.Store()
    try:
        store.load(path=path, format=ox.RdfFormat.TRIG)
    except (SyntaxError, ValueError, OSError) as exc:
        raise unreadable(path, exc) from None
    return store


def to_rdflib(source: ox.Store | Path) -> rdflib.Dataset:
    """An rdflib in-memory Dataset copy of an output folder's graph, or of a Store (for pySHACL).

    Prefer the folder: it is read straight from graph.trig, term for term. A pyoxigraph Store
    keeps values but not every datatype (it stores ``xsd:nonNegativeInteger`` as ``xsd:integer``),
    so a copy of a Store can fail datatype constraints the file meets.
    """
    quads: Iterable[ox.Quad]
    if isinstance(source, ox.Store):
        quads = source.quads_for_pattern(None, None, None, None)
    else:
        path = graph_file(source)
        try:
            quads = list(ox.parse(path=path, format=ox.RdfFormat.TRIG))
        except (SyntaxError, ValueError, OSError) as exc:
            raise unreadable(path, exc) from None
    return rdflib_dataset(quads)
