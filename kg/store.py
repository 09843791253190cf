"""store: the built graph, loaded for querying (pyoxigraph) or for SHACL validation (rdflib); its statistics.

Stage contract: reads ``<out>/graph.trig`` as written by :mod:`kg.export`; never writes.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

import pyoxigraph as ox
import rdflib
from rdflib import Literal, URIRef

from kg.errors import OutputError
from kg.models import Record
from kg.vocab import PREFIXES

__all__ = [
    "STATS_QUERIES",
    "ArticleStats",
    "GraphStats",
    "compact",
    "graph_file",
    "graph_stats",
    "load_dataset",
    "to_rdflib",
]


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


# ----------------------------------------------------------------------------------------------
# Statistics (``kg stats``): SPARQL over the built graph


class ArticleStats(Record):
    """Claims of one article and how many of them cite a source."""

    article: str
    headline: str
    claims: int
    cited: int

    @property
    def citation_rate(self) -> float:
        return self.cited / self.claims if self.claims else 0.0


class GraphStats(Record):
    """Counts per class, claims per citation status, and per-article claim and citation counts."""

    quads: int
    graphs: int
    classes: dict[str, int]
    citation_status: dict[str, int]
    articles: tuple[ArticleStats, ...]


_PREFIX_LINES = "".join(f"PREFIX {p}: <{ns}>\n" for p, ns in PREFIXES.items())

STATS_QUERIES = {
    "classes": _PREFIX_LINES
    + """
# How many distinct nodes of each class the graph holds.
SELECT ?class (COUNT(DISTINCT ?node) AS ?count)
WHERE { GRAPH ?graph { ?node a ?class } }
GROUP BY ?class
ORDER BY DESC(?count) ?class
""",
    "citation_status": _PREFIX_LINES
    + """
# How many claims have each citation status.
SELECT ?status (COUNT(DISTINCT ?claim) AS ?claims)
WHERE { GRAPH ?graph { ?claim a schema:Claim ; kg:citationStatus ?status } }
GROUP BY ?status
ORDER BY ?status
""",
    "articles": _PREFIX_LINES
    + """
# Per article: its claims, and how many of them cite at least one source.
SELECT ?article ?headline (COUNT(DISTINCT ?claim) AS ?claims) (COUNT(DISTINCT ?cited) AS ?cited)
WHERE {
  GRAPH ?graph {
    ?article schema:headline ?headline .
    OPTIONAL {
      ?claim a schema:Claim ; schema:appearance ?article .
      OPTIONAL { ?claim cito:citesAsEvidence ?source . BIND(?claim AS ?cited) }
    }
  }
}
GROUP BY ?article ?headline
ORDER BY ?article
""",
    "size": """
# Quads and named graphs.
SELECT (COUNT(*) AS ?quads) (COUNT(DISTINCT ?graph) AS ?graphs) WHERE { GRAPH ?graph { ?s ?p ?o } }
""",
}
"""The SPARQL behind ``kg stats``; analysts can run the same text with ``kg query``."""


def compact(iri: str) -> str:
    """``https://schema.org/Claim`` -> ``schema:Claim`` with the output prefixes (else the IRI in <>).

    >>> compact("https://schema.org/Claim"), compact("urn:x")
    ('schema:Claim', '<urn:x>')
    """
    best = max((ns for ns in PREFIXES.values() if iri.startswith(ns)), key=len, default=None)
    if best is None:
        return f"<{iri}>"
    prefix = next(p for p, ns in PREFIXES.items() if ns == best)
    return f"{prefix}:{iri[len(best) :]}"


def _rows(store: ox.Store, name: str) -> list[dict[str, str]]:
    solutions = store.query(STATS_QUERIES[name])
    assert isinstance(solutions, ox.QuerySolutions)
    variables = [v.value for v in solutions.variables]
    rows = []
    for solution in solutions:
        row = {}
        for variable in variables:
            term = solution[variable]
            row[variable] = "" if term is None else str(term.value)
        rows.append(row)
    return rows


def graph_stats(store: ox.Store) -> GraphStats:
    """Counts of the built graph, computed with :data:`STATS_QUERIES`."""
    size = _rows(store, "size")[0]
    return GraphStats(
        quads=int(size["quads"]),
        graphs=int(size["graphs"]),
        classes={compact(r["class"]): int(r["count"]) for r in _rows(store, "classes")},
        citation_status={compact(r["status"]): int(r["claims"]) for r in _rows(store, "citation_status")},
        articles=tuple(
            ArticleStats(article=r["article"], headline=r["headline"], claims=int(r["claims"]), cited=int(r["cited"]))
            for r in _rows(store, "articles")
        ),
    )
