"""layout: where the page draws each node, worked out once in Python.

The page keeps vis-network's physics off, so these positions are final: :func:`page_positions` for
every node of the page, :func:`summary_positions` for the summary view, which gets its own layout
(in the full layout the busiest actors sit together in the middle of their claims).
"""

from __future__ import annotations

import math
import random
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from kg.page.model import PageGraph

__all__ = ["EDGE_LENGTH", "LAYOUT_SEED", "LAYOUT_WEIGHTS", "layout", "page_positions", "summary_positions"]

LAYOUT_SEED = 20240301
LAYOUT_WEIGHTS = {"claims": 1.0, "in": 1.0, "cites": 1.0, "about": 0.25, "rejects": 0.25, "participant": 0.5,
                  "publisher": 0.5, "author": 0.5, "contradicts": 0.5}
"""Attraction per edge kind: claims gather around their article and claimant more than around the
actors and events they mention, which would otherwise pull everything into one knot."""
SUMMARY_WEIGHTS = {"summary-about": 1.0, "summary-participant": 0.5, "summary-contradicts": 0.5}
"""Attraction per edge kind of the summary view."""
EDGE_LENGTH = 110.0
"""Median edge length of the layout, in canvas pixels."""
SUMMARY_EDGE_LENGTH = 2.5 * EDGE_LENGTH
"""Median edge length of the summary view, in canvas pixels."""


def layout(
    count: int, edges: Iterable[tuple[int, int, float]], *, edge_length: float = EDGE_LENGTH
) -> list[tuple[int, int]]:
    """Positions for nodes ``0..count-1`` in canvas pixels: Fruchterman-Reingold (igraph), seeded.

    igraph's grid variant keeps it near-linear (measured on 2 cores with kg-shaped graphs: 5,000 nodes
    1.4 s, 20,000 nodes 3 s, with fewer iterations for bigger graphs; networkx's spring_layout took
    14 s for 1,000 nodes and 180 s for 5,000). Coordinates are rounded to whole pixels, so the page's
    bytes do not carry floating-point noise.
    """
    if count == 0:
        return []
    import igraph

    weights: dict[tuple[int, int], float] = {}
    for a, b, w in edges:
        if a != b:
            key = (min(a, b), max(a, b))
            weights[key] = max(w, weights.get(key, 0.0))
    pairs = sorted(weights)
    graph = igraph.Graph(n=count, edges=pairs)
    iterations = 500 if count <= 2_000 else 300 if count <= 8_000 else 200
    igraph.set_random_number_generator(random.Random(LAYOUT_SEED))  # igraph draws the start from it
    try:
        coords = graph.layout_fruchterman_reingold(
            weights=[weights[p] for p in pairs], niter=iterations, grid=count > 500
        ).coords
    finally:
        igraph.set_random_number_generator(random)
    lengths = sorted(math.dist(coords[a], coords[b]) for a, b in pairs)
    median = lengths[len(lengths) // 2] if lengths else 1.0
    scale = edge_length / median if median > 0 else 1.0
    cx = sum(x for x, _ in coords) / count
    cy = sum(y for _, y in coords) / count
    return [(round((x - cx) * scale), round((y - cy) * scale)) for x, y in coords]


def page_positions(graph: PageGraph, ids: Mapping[str, int]) -> list[tuple[int, int]]:
    """Positions of the nodes of ``graph``, by page id (``ids`` numbers the nodes 0..n-1)."""
    return layout(len(ids), ((ids[e.source], ids[e.target], LAYOUT_WEIGHTS[e.kind]) for e in graph.edges))


def summary_positions(nodes: Sequence[int], edges: Iterable[Mapping[str, Any]]) -> list[list[int]]:
    """Positions of the summary view's ``nodes`` (page ids), in their order, laid out by its own ``edges``."""
    slot = {node: n for n, node in enumerate(nodes)}
    positions = layout(len(nodes), ((slot[e["from"]], slot[e["to"]], SUMMARY_WEIGHTS[e["k"]]) for e in edges),
                       edge_length=SUMMARY_EDGE_LENGTH)
    return [list(p) for p in positions]
