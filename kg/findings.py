"""findings: the listings read back from the built graph (contradictions, uncited claims, citation rates,
the counts of ``kg stats``).

Everything here runs the SPARQL shipped in ``kg/queries/*.rq`` on a :class:`kg.sparql.QuerySource`
(the embedded graph, an on-disk Oxigraph store or a SPARQL endpoint) or a pyoxigraph store, so the
command-line listings, the report and an analyst's own queries give the same rows.

>>> [p.model_dump() for p in publisher_rates([CitationRate(article="a", headline="h", publisher="P", claims=4,
...                                                         cited=1, rate=0.25)])]
[{'publisher': 'P', 'articles': 1, 'claims': 4, 'cited': 1, 'rate': 0.25}]
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

import pyoxigraph as ox

from kg.models import CitationStatus, ClaimType, ContradictionKind, Record
from kg.sparql import EmbeddedSource, QuerySource, compact, packaged_query, ready_queries
from kg.vocab import CITATION_STATUS_BY_IRI, CLAIM_TYPE_BY_IRI, CONTRADICTION_KIND_BY_IRI

__all__ = [
    "CHECKWORTHINESS",
    "KIND_LABELS",
    "STATS_QUERIES",
    "STATUS_LABELS",
    "ArticleStats",
    "CitationRate",
    "ContradictionFinding",
    "GraphStats",
    "PublisherRate",
    "UncitedClaim",
    "citation_rates",
    "find_uncited",
    "graph_stats",
    "list_contradictions",
    "publisher_rates",
    "query_text",
]

KIND_LABELS: dict[ContradictionKind, str] = {
    "rebuttal": "explicit rebuttal",
    "polarity": "opposite polarity",
    "value": "conflicting values",
    "evaluation": "opposing evaluations",
    "stance": "opposing stances",
}
STATUS_LABELS = {
    "uncited": "uncited",
    "vague": "vaguely attributed",
    "speaker": "attributed only to a speaker",
    "cited": "cited",
}
CHECKWORTHINESS = {1: "statistic or figure", 2: "dated fact", 3: "causal claim", 4: "opinion or other"}
"""The check-worthiness ranks of :func:`find_uncited`, most check-worthy first."""


class UncitedClaim(Record):
    """A claim that cites no source, as ``kg uncited`` lists it."""

    claim: str  # claim IRI
    article: str  # article IRI
    headline: str
    sentence: str
    claimant: str  # who asserts it: an actor's label, or the article's author/publisher for its own voice
    citation_status: CitationStatus  # never "cited": a cited claim has a source
    claim_type: ClaimType
    rank: int  # 1 statistic or figure, 2 dated fact, 3 causal claim, 4 opinion or other
    checkworthiness: str
    start: int  # offset of the sentence in the article body


class ContradictionFinding(Record):
    """A contradiction as ``kg contradictions`` lists it: both sentences, who said them, where, and why."""

    contradiction: str  # kg:Contradiction IRI
    kind: ContradictionKind
    confidence: float
    modality: str | None = None
    explanation: str
    compared: str | None = None  # what was compared, normalised ("96 people vs 85 people")
    others: int = 0  # other pairs of claims folded into this finding
    claim_a: str
    sentence_a: str
    claimant_a: str
    article_a: str
    headline_a: str
    claim_b: str
    sentence_b: str
    claimant_b: str
    article_b: str
    headline_b: str


class CitationRate(Record):
    """One article's claims, how many cite a source, and the share that do."""

    article: str
    headline: str
    publisher: str  # label, or "" when the article names none
    claims: int
    cited: int
    rate: float


class PublisherRate(Record):
    """A publisher's articles and claims, how many cite a source, and the share that do."""

    publisher: str  # "" for articles that name no publisher
    articles: int
    claims: int
    cited: int
    rate: float


def query_text(name: str) -> str:
    """The text of ``kg/queries/<name>.rq`` (shipped with the package)."""
    return ready_queries()[name].text


def _solutions(source: ox.Store | QuerySource, name: str) -> list[dict[str, str]]:
    """The rows of ``kg/queries/<name>.rq`` on ``source`` (a store, or any :class:`kg.sparql.QuerySource`:
    the embedded graph, an on-disk Oxigraph store, a SPARQL endpoint), as ``{variable: lexical value}``
    with ``""`` for unbound."""
    if not isinstance(source, QuerySource):
        source = EmbeddedSource(source, "the graph")
    return source.select(query_text(name)).values()


def _names(joined: str) -> str:
    """Several claimants (co-authors) joined by the query, in a fixed order."""
    return " / ".join(sorted(set(joined.split(" / ")))) if joined else ""


def find_uncited(store: ox.Store | QuerySource) -> list[UncitedClaim]:
    """Every claim with no ``cito:citesAsEvidence``, grouped by citation status (uncited, vaguely
    attributed, attributed only to a speaker) and most check-worthy first (statistics and figures,
    dated facts, causal claims, then opinions and other assertions), from ``kg/queries/uncited.rq``
    run on ``store`` (a pyoxigraph store or any :class:`kg.sparql.QuerySource`).
    """
    rows = []
    for r in _solutions(store, "uncited"):
        rank = int(r["rank"])
        rows.append(
            UncitedClaim(
                claim=r["claim"],
                article=r["article"],
                headline=r["headline"],
                sentence=r["text"],
                claimant=_names(r["claimant"]),
                citation_status=CITATION_STATUS_BY_IRI[r["status"]],
                claim_type=CLAIM_TYPE_BY_IRI[r["type"]],
                rank=rank,
                checkworthiness=CHECKWORTHINESS[rank],
                start=int(r["start"]),
            )
        )
    return rows


def list_contradictions(store: ox.Store | QuerySource) -> list[ContradictionFinding]:
    """Every kg:Contradiction in the graph with both sentences, claimants and articles, strongest first
    (``kg/queries/contradictions.rq`` run on ``store``, a pyoxigraph store or any
    :class:`kg.sparql.QuerySource`)."""
    return [
        ContradictionFinding(
            contradiction=r["contradiction"],
            kind=CONTRADICTION_KIND_BY_IRI[r["kind"]],
            confidence=float(r["confidence"]),
            modality=r["modality"] or None,
            explanation=r["explanation"],
            compared=r["compared"] or None,
            others=int(r["others"] or 0),
            claim_a=r["claimA"],
            sentence_a=r["textA"],
            claimant_a=_names(r["claimantA"]),
            article_a=r["articleA"],
            headline_a=r["headlineA"],
            claim_b=r["claimB"],
            sentence_b=r["textB"],
            claimant_b=_names(r["claimantB"]),
            article_b=r["articleB"],
            headline_b=r["headlineB"],
        )
        for r in _solutions(store, "contradictions")
    ]


def citation_rates(store: ox.Store | QuerySource) -> list[CitationRate]:
    """Per article: its publisher, claims, claims citing at least one source, and their share
    (``kg/queries/citation_rates.rq`` run on ``store``, a pyoxigraph store or any
    :class:`kg.sparql.QuerySource`), in article order."""
    out = []
    for r in _solutions(store, "citation_rates"):
        claims, cited = int(r["claims"]), int(r["cited"])
        out.append(
            CitationRate(
                article=r["article"],
                headline=r["headline"],
                publisher=_names(r["publisher"]),
                claims=claims,
                cited=cited,
                rate=round(cited / claims, 4) if claims else 0.0,
            )
        )
    return out


def publisher_rates(rates: Iterable[CitationRate]) -> list[PublisherRate]:
    """Per-article rates summed per publisher ("" for articles naming none), by publisher name."""
    totals: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0])
    for r in rates:
        t = totals[r.publisher]
        t[0] += 1
        t[1] += r.claims
        t[2] += r.cited
    return [
        PublisherRate(publisher=p, articles=t[0], claims=t[1], cited=t[2], rate=round(t[2] / t[1], 4) if t[1] else 0.0)
        for p, t in sorted(totals.items())
    ]


# ----------------------------------------------------------------------------------------------
# The counts of ``kg stats``


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


STATS_QUERIES = ("size", "classes", "citation_status", "articles")
"""The queries behind ``kg stats``, ``kg/queries/stats/<name>.rq``; analysts can run the same text with ``kg query``."""


def graph_stats(store: ox.Store | QuerySource) -> GraphStats:
    """Counts of the built graph, computed with the :data:`STATS_QUERIES`, from a store or any source."""
    source = store if isinstance(store, QuerySource) else EmbeddedSource(store, "the graph")

    def rows(name: str) -> list[dict[str, str]]:
        return source.select(packaged_query("stats", name)).values()

    size = rows("size")[0]
    return GraphStats(
        quads=int(size["quads"]),
        graphs=int(size["graphs"]),
        classes={compact(r["class"]): int(r["count"]) for r in rows("classes")},
        citation_status={compact(r["status"]): int(r["claims"]) for r in rows("citation_status")},
        articles=tuple(
            ArticleStats(article=r["article"], headline=r["headline"], claims=int(r["claims"]), cited=int(r["cited"]))
            for r in rows("articles")
        ),
    )
