"""stats: the counts behind ``kg stats``, computed with SPARQL over the built graph."""

from __future__ import annotations

import pyoxigraph as ox

from kg.models import Record
from kg.sparql.sources import EmbeddedSource, QuerySource
from kg.sparql.text import compact
from kg.vocab import PREFIXES

__all__ = ["STATS_QUERIES", "ArticleStats", "GraphStats", "graph_stats"]


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
# How many claims have each citation status. Each { SELECT } reads one property over the whole
# graph, and the two are joined by hashing (far faster on big graphs than a lookup per claim).
SELECT ?status (COUNT(DISTINCT ?claim) AS ?claims)
WHERE {
  { SELECT * WHERE { GRAPH ?graph { ?claim a schema:Claim } } }
  { SELECT * WHERE { GRAPH ?graph { ?claim kg:citationStatus ?status } } }
}
GROUP BY ?status
ORDER BY ?status
""",
    "articles": _PREFIX_LINES
    + """
# Per article: its claims, and how many of them cite at least one source. Each { SELECT } reads
# one property over the whole graph, and they are joined by hashing (far faster on big graphs than
# looking up each claim's triples in turn).
SELECT ?article ?headline (COUNT(DISTINCT ?claim) AS ?claims) (COUNT(DISTINCT ?cited) AS ?cited)
WHERE {
  GRAPH ?graph { ?article schema:headline ?headline }
  OPTIONAL {
    { SELECT * WHERE { GRAPH ?graph { ?claim a schema:Claim } } }
    { SELECT * WHERE { GRAPH ?graph { ?claim schema:appearance ?article } } }
    OPTIONAL {
      { SELECT DISTINCT ?graph ?claim WHERE { GRAPH ?graph { ?claim cito:citesAsEvidence ?source } } }
      BIND(?claim AS ?cited)
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


def _rows(source: QuerySource, name: str) -> list[dict[str, str]]:
    return source.select(STATS_QUERIES[name]).values()


def graph_stats(store: ox.Store | QuerySource) -> GraphStats:
    """Counts of the built graph, computed with :data:`STATS_QUERIES`, from a store or any source."""
    source = store if isinstance(store, QuerySource) else EmbeddedSource(store, "the graph")
    size = _rows(source, "size")[0]
    return GraphStats(
        quads=int(size["quads"]),
        graphs=int(size["graphs"]),
        classes={compact(r["class"]): int(r["count"]) for r in _rows(source, "classes")},
        citation_status={compact(r["status"]): int(r["claims"]) for r in _rows(source, "citation_status")},
        articles=tuple(
            ArticleStats(article=r["article"], headline=r["headline"], claims=int(r["claims"]), cited=int(r["cited"]))
            for r in _rows(source, "articles")
        ),
    )
