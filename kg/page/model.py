"""model: the graph as one page shows it (nodes, edges, contradictions) and its claim counts.

:mod:`kg.page.read` makes a :class:`PageGraph` from the store, :mod:`kg.page.focus` narrows it,
:mod:`kg.page.layout` places it and :mod:`kg.page.render` writes it.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from typing import Any, Literal, NamedTuple

__all__ = ["KINDS", "ContradictionInfo", "Edge", "Kind", "Node", "PageGraph", "claim_counts"]

Kind = Literal["article", "claim", "actor", "event", "source"]
KINDS: tuple[Kind, ...] = ("article", "claim", "actor", "event", "source")


@dataclass
class Node:
    """A node of the page: its IRI, kind, canvas label and the fields the side panel shows."""

    iri: str
    kind: Kind
    label: str
    fields: dict[str, Any] = field(default_factory=dict)


class Edge(NamedTuple):
    """An edge of the page; ``contradiction`` indexes :attr:`PageGraph.contradictions`.

    A named tuple (immutable, ordered, hashable): a big graph has hundreds of thousands of edges,
    and a tuple is made several times faster than a dataclass instance.
    """

    source: str
    target: str
    kind: str
    contradiction: int | None = None


@dataclass(frozen=True)
class ContradictionInfo:
    iri: str
    first: str
    second: str
    kind: str  # the kg:ContradictionKind's local name, "" when the graph does not say
    explanation: str
    confidence: str | None
    modality: str | None


@dataclass
class PageGraph:
    """What one page shows: nodes by IRI (in page order), edges, contradictions, and a description."""

    nodes: dict[str, Node]
    edges: list[Edge]
    contradictions: list[ContradictionInfo]
    focus: list[str] = field(default_factory=list)  # what kg render --actor/--article/--only kept

    def count(self, kind: str) -> int:
        return sum(1 for n in self.nodes.values() if n.kind == kind)


def claim_counts(graph: PageGraph) -> dict[str, dict[str, int]]:
    """Per actor or event: claims made (nBy), claims about or rejecting it (nAbout), articles (arts)."""
    by: Counter[str] = Counter()
    about: Counter[str] = Counter()
    articles: dict[str, set[str]] = defaultdict(set)
    article_of = {e.source: e.target for e in graph.edges if e.kind == "in"}
    for e in graph.edges:
        if e.kind == "claims":
            by[e.source] += 1
            articles[e.source].add(article_of.get(e.target, ""))
        elif e.kind in ("about", "rejects"):
            about[e.target] += 1
            articles[e.target].add(article_of.get(e.source, ""))
    out = {}
    for iri, node in graph.nodes.items():
        if node.kind in ("actor", "event"):
            out[iri] = {"nBy": by[iri], "nAbout": about[iri], "arts": len(articles[iri] - {""})}
    return out
