"""terms: the one conversion between rdflib terms (what :mod:`kg.build` makes) and pyoxigraph terms
(what the store, the serialisers and the queries use): :class:`OxigraphTerms` and
:func:`oxigraph_store` one way, :func:`rdflib_term` and :func:`rdflib_dataset` the other."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

import pyoxigraph as ox
import rdflib
from rdflib import Literal, URIRef

from kg.build import Quad
from kg.vocab import RDF, XSD

__all__ = ["OxigraphTerms", "oxigraph_store", "rdflib_dataset", "rdflib_term"]

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
