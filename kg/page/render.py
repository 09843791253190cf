"""render: the built graph -> ``graph.html``, one self-contained page that makes no network request.

Stage contract: :func:`render_html` reads the graph from a pyoxigraph Store (:mod:`kg.page.read`),
keeps what the options ask for (:mod:`kg.page.focus`), lays it out once (:mod:`kg.page.layout`), hands
nodes and edges to pyvis and renders them with kg's own template (``kg/page/templates/graph.html``),
which inlines vis-network (:mod:`kg.page.assets`). Every pyvis and Jinja call in kg is in this module.
The same graph gives the same bytes.
"""

from __future__ import annotations

import logging
import time
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pyoxigraph as ox
from markupsafe import Markup

import kg
from kg.page import focus
from kg.page.assets import TEMPLATES, VIS_VERSION, asset, content_security_policy, script_json, script_text, vis_js
from kg.page.labels import compact_iri, kind_label, status_labels
from kg.page.layout import page_positions, summary_positions
from kg.page.model import KINDS, PageGraph, claim_counts
from kg.page.read import fill_claims, read_graph
from kg.page.styles import EDGE_STYLES, KIND_TEXT, NODE_STYLES, legend, vis_options

logger = logging.getLogger(__name__)

__all__ = ["PageStats", "render_html", "render_page"]

HEADING = "kg: claims, who makes them, and what they cite"


class _NodeIds(list[int | str]):
    """pyvis keeps node ids in a list and searches it on every add_node and add_edge, which is
    quadratic; this list answers ``in`` from a set, so 20,000 nodes take milliseconds, not minutes."""

    def __init__(self) -> None:
        super().__init__()
        self._members: set[int | str] = set()

    def append(self, item: int | str) -> None:
        super().append(item)
        self._members.add(item)

    def __contains__(self, item: object) -> bool:
        return item in self._members


@dataclass
class PageStats:
    """What :func:`render_html` wrote: node and edge counts, bytes, view and seconds per step."""

    nodes: int
    edges: int
    bytes: int
    default_view: str
    counts: dict[str, int]
    seconds: dict[str, float]
    notice: str = ""


def render_page(
    graph: PageGraph, store: ox.Store | None = None, *, view: str | None = None
) -> tuple[str, PageStats]:
    """The HTML text of the page for ``graph`` (already selected), and its statistics.

    ``store`` is where claims read without their text (``read_graph(claim_text=False)``) get it.
    ``view`` is the view the page opens on: ``"summary"``, ``"claims"``, or None for the summary
    above :data:`kg.page.focus.SUMMARY_THRESHOLD` nodes.
    """
    focus.check_view(view)
    seconds: dict[str, float] = {}
    t0 = time.perf_counter()
    full_counts = {kind: graph.count(kind) for kind in KINDS}
    lacking = Counter(n.fields.get("st") for n in graph.nodes.values() if n.kind == "claim")
    counts_by = claim_counts(graph)
    graph, notice = focus.cap(graph, focus.EMBED_LIMIT)
    if store is not None:
        fill_claims(store, graph)
    ids = {iri: i for i, iri in enumerate(graph.nodes)}
    large = len(graph.nodes) > focus.SUMMARY_THRESHOLD
    opens_on = view or ("summary" if large else "claims")
    seconds["prepare"] = time.perf_counter() - t0

    t0 = time.perf_counter()
    positions = page_positions(graph, ids)
    seconds["layout"] = time.perf_counter() - t0

    t0 = time.perf_counter()
    net = _network(graph, ids, positions, counts_by, large)
    statuses = status_labels()
    page = _page_data(graph, ids, counts_by, statuses, opens_on=opens_on, large=large, notice=notice)
    lacking_total = sum(v for k, v in lacking.items() if k != "cited")
    detail = ", ".join(
        f"{lacking.get(key, 0):,} {statuses[key]['label']}" for key in ("uncited", "speaker", "vague")
    )
    context = {
        "csp": Markup(content_security_policy([vis_js(), asset("graph.js")])),  # hashes and keywords: no quote
        "version": kg.__version__,
        "vis_version": VIS_VERSION,
        "css": Markup(asset("graph.css")),
        "vis_js": Markup(vis_js()),
        "app_js": Markup(asset("graph.js")),
        "page": page,
        "notice": notice,
        "legend": legend(),
        "statuses": [{"key": k, "label": v["label"]} for k, v in statuses.items()],
        "counts": {
            "articles": f"{full_counts['article']:,}", "claims": f"{full_counts['claim']:,}",
            "lacking": f"{lacking_total:,}", "lacking_detail": detail,
            "actors": f"{full_counts['actor']:,}", "events": f"{full_counts['event']:,}",
            "sources": f"{full_counts['source']:,}", "contradictions": f"{len(graph.contradictions):,}",
        },
    }
    net.templateEnv = _environment(context)
    net.path = "graph.html"
    html = net.generate_html()
    seconds["html"] = time.perf_counter() - t0
    stats = PageStats(
        nodes=len(net.nodes), edges=len(net.edges), bytes=len(html.encode("utf-8")),
        default_view=opens_on,
        counts={**{str(k): v for k, v in full_counts.items()}, "contradictions": len(graph.contradictions),
                "lacking": lacking_total},
        seconds={k: round(v, 3) for k, v in seconds.items()}, notice=notice,
    )
    return html, stats


def _network(
    graph: PageGraph, ids: Mapping[str, int], positions: Sequence[tuple[int, int]],
    counts_by: Mapping[str, Mapping[str, int]], large: bool,
) -> Any:
    """The pyvis Network of the page: every node at its position with its panel fields, every edge."""
    from pyvis.network import Network

    heading = HEADING + (" — " + "; ".join(graph.focus) if graph.focus else "")
    net = Network(height="100%", width="100%", directed=True, heading=heading, cdn_resources="in_line")
    net.node_ids = _NodeIds()
    for iri, node in graph.nodes.items():
        i = ids[iri]
        x, y = positions[i]
        group: str = node.kind
        if node.kind == "claim" and node.fields.get("st") != "cited":
            group = "claimLacking"
        extra: dict[str, Any] = {"iri": compact_iri(iri), **node.fields}  # compacted here: only for kept nodes
        if node.kind in ("actor", "event"):
            extra.update(counts_by[iri])
        net.add_node(i, label=node.label or None, shape=NODE_STYLES[group]["shape"], group=group,
                     x=x, y=y, k=node.kind, **extra)
        if not node.label:
            net.get_node(i).pop("label", None)  # pyvis labels a node with its id when given none
    for n, e in enumerate(graph.edges):
        options: dict[str, Any] = {"id": n, "k": e.kind}
        if e.contradiction is not None:
            options["c"] = e.contradiction
        net.add_edge(ids[e.source], ids[e.target], **options)
    for edge in net.edges:
        edge.pop("arrows", None)  # arrows come from the page's per-kind edge styles
    net.options = vis_options(large)
    return net


def _page_data(
    graph: PageGraph, ids: Mapping[str, int], counts_by: Mapping[str, Mapping[str, int]],
    statuses: Mapping[str, Mapping[str, str]], *, opens_on: str, large: bool, notice: str,
) -> dict[str, Any]:
    """What the page's script reads besides nodes and edges: kinds, statuses, edge looks, contradictions,
    the view it opens on and the summary view."""
    summary = focus.summary_view(graph, {i: counts_by[i] for i in graph.nodes if i in counts_by}, ids)
    summary["positions"] = summary_positions(summary["nodes"], summary["edges"])
    return {
        "kinds": [{"kind": k, "label": KIND_TEXT[k][0]} for k in KINDS],
        "statuses": statuses,
        "edgeStyles": EDGE_STYLES,
        "contradictions": [
            {"a": ids[c.first], "b": ids[c.second], "kind": c.kind, "kindLabel": kind_label(c.kind),
             "explanation": c.explanation, "confidence": c.confidence, "modality": c.modality, "iri": c.iri}
            for c in graph.contradictions
        ],
        "defaultMode": opens_on,
        "viewLimit": focus.VIEW_LIMIT,
        "large": large,
        "summary": summary,
        "notice": notice,
    }


def _environment(context: Mapping[str, Any]) -> Any:
    """kg's template environment: autoescaping on, plus the JSON-in-script filters and the page context."""
    from jinja2 import Environment, FileSystemLoader, StrictUndefined

    env = Environment(loader=FileSystemLoader(str(TEMPLATES)), autoescape=True, undefined=StrictUndefined,
                      keep_trailing_newline=True)
    env.filters["script_json"] = script_json
    env.filters["script_text"] = script_text
    env.globals["kg"] = context
    return env


def render_html(
    store: ox.Store,
    path: Path,
    *,
    actor: str | None = None,
    article: str | None = None,
    only: str | None = None,
    view: str | None = None,
) -> PageStats:
    """Write the graph page of ``store`` to ``path`` (UTF-8; the caller makes it atomic).

    Args:
        store: the built graph (every named graph of graph.trig).
        path: the HTML file to write.
        actor, article, only: make a focused page (see :func:`kg.page.focus.select`).
        view: the view the page opens on (see :func:`render_page`).

    Raises:
        KgError: an option names no actor or article of the graph.
    """
    t0 = time.perf_counter()
    graph = focus.select(read_graph(store, claim_text=False), actor=actor, article=article, only=only)
    read_seconds = time.perf_counter() - t0
    html, stats = render_page(graph, store, view=view)
    Path(path).write_bytes(html.encode("utf-8"))
    stats.seconds = {"read": round(read_seconds, 3), **stats.seconds}
    logger.info("render: %d nodes, %d edges, %d bytes -> %s", stats.nodes, stats.edges, stats.bytes, path)
    return stats
