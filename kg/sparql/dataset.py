"""dataset: the built graph, ``<out>/graph.trig`` as :mod:`kg.export` wrote it, read into memory.

A pyoxigraph Store (:func:`load_dataset`) to query, or an rdflib Dataset (:func:`to_rdflib`) for
pySHACL. Nothing here writes the file.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

import pyoxigraph as ox
import rdflib
from rdflib import Literal, URIRef

from kg.errors import OutputError

__all__ = ["graph_file", "load_dataset", "to_rdflib"]


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
        raise OutputError(f"{path}: cannot be read as TriG ({exc}). Fix: rebuild it with `kg build`") from None
    return store


def _rdflib_term(term: object, cache: dict[str, URIRef]) -> URIRef | Literal:
    if isinstance(term, ox.NamedNode):
        iri = term.value
        node = cache.get(iri)
        if node is None:
            node = cache[iri] = URIRef(iri)
        return node
    if isinstance(term, ox.Literal):
        if term.language:
            return Literal(term.value, lang=term.language)
        datatype = term.datatype.value
        if datatype == "http://www.w3.org/2001/XMLSchema#string":
            return Literal(term.value)
        return Literal(term.value, datatype=cache.get(datatype) or URIRef(datatype))
    raise ValueError(f"kg graphs hold no blank nodes or quoted triples, found {term!r}")


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
            raise OutputError(f"{path}: cannot be read as TriG ({exc}). Fix: rebuild it with `kg build`") from None
    dataset = rdflib.Dataset()
    cache: dict[str, URIRef] = {}
    graphs: dict[str, rdflib.Graph] = {}
    for quad in quads:
        name = quad.graph_name
        key = name.value if isinstance(name, ox.NamedNode) else ""
        graph = graphs.get(key)
        if graph is None:
            graph = graphs[key] = dataset.graph(URIRef(key)) if key else dataset.default_graph
        graph.add(
            (
                _rdflib_term(quad.subject, cache),
                _rdflib_term(quad.predicate, cache),
                _rdflib_term(quad.object, cache),
            )
        )
    return dataset
