"""focus: which part of the graph a page holds and which view it opens on.

:func:`select` makes the focused pages of ``kg render --actor``, ``--article`` and ``--only``;
:func:`cap` keeps a page within :data:`EMBED_LIMIT` nodes; :func:`summary_view` picks the actors and
events (and the edges between them) of the summary view that pages above :data:`SUMMARY_THRESHOLD`
nodes open on.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Mapping
from typing import Any

from kg.errors import KgError
from kg.page.labels import compact_iri, kind_label
from kg.page.model import Edge, Node, PageGraph

__all__ = [
    "EMBED_LIMIT",
    "ONLY_CHOICES",
    "SUMMARY_LIMIT",
    "SUMMARY_THRESHOLD",
    "VIEWS",
    "VIEW_LIMIT",
    "cap",
    "check_view",
    "select",
    "summary_view",
]

SUMMARY_THRESHOLD = 1_500
"""Graphs with more nodes than this open on the summary view."""
EMBED_LIMIT = 25_000
"""The most nodes one page holds; bigger graphs keep every actor and event and as many claims as fit."""
VIEW_LIMIT = 6_000
"""The most nodes the page draws at once (claims views of bigger selections say so and stop there)."""
SUMMARY_LIMIT = 400
"""Actors and events in the summary view: those with most claims, plus every one in a contradiction."""
ONLY_CHOICES = ("contradictions", "uncited")
VIEWS = ("summary", "claims")


def check_view(view: str | None) -> None:
    """KgError unless ``view`` is one of :data:`VIEWS` or None (the page chooses)."""
    if view not in (None, *VIEWS):
        raise KgError(f"view {view!r}: choose one of {', '.join(VIEWS)}")


def _claim_links(graph: PageGraph) -> dict[str, list[str]]:
    """claim IRI -> the IRIs of the nodes its edges reach (claimant, article, sources, about, rejects)."""
    links: dict[str, list[str]] = defaultdict(list)
    for e in graph.edges:
        if e.kind == "claims":
            links[e.target].append(e.source)
        elif e.kind in ("in", "cites", "about", "rejects"):
            links[e.source].append(e.target)
    return links


def _claimants(graph: PageGraph) -> dict[str, list[str]]:
    """claim IRI -> the IRIs of its claimants."""
    claimants: dict[str, list[str]] = defaultdict(list)
    for e in graph.edges:
        if e.kind == "claims":
            claimants[e.target].append(e.source)
    return claimants


def _find(graph: PageGraph, kinds: set[str], wanted: str, what: str, option: str) -> set[str]:
    text = wanted.strip()
    folded = text.casefold()
    found = set()
    for iri, node in graph.nodes.items():
        if node.kind not in kinds:
            continue
        names = [node.fields.get("t", ""), *node.fields.get("al", ())]
        if text in (iri, compact_iri(iri), iri.rsplit("/", 1)[-1]) or any(n.casefold() == folded for n in names):
            found.add(iri)
    if not found:
        close = sorted(
            node.fields.get("t", "") for node in graph.nodes.values()
            if node.kind in kinds and folded and folded in str(node.fields.get("t", "")).casefold()
        )[:8]
        hint = f" Close matches: {'; '.join(close)}." if close else ""
        where = "kg stats lists the articles" if kinds == {"article"} else "the page's actor list shows every name"
        raise KgError(
            f"{option} {wanted!r}: no {what} with that name, alias or id in the graph.{hint} "
            f"Fix: give the exact name or id ({where})"
        )
    return found


def select(
    graph: PageGraph, *, actor: str | None = None, article: str | None = None, only: str | None = None
) -> PageGraph:
    """The claims matching every given option, their counterparts in contradictions, and their neighbours.

    Args:
        actor: an actor's or event's name, alias, IRI or key: claims made by, about or rejecting it.
        article: an article's id, IRI or headline: its claims.
        only: ``"contradictions"`` (claims in a contradiction) or ``"uncited"`` (claims citing no source).

    Raises:
        KgError: an unknown option value, or no actor/article matches.
    """
    if actor is None and article is None and only is None:
        return graph
    if only is not None and only not in ONLY_CHOICES:
        raise KgError(f"--only {only!r}: choose one of {', '.join(ONLY_CHOICES)}")
    links = _claim_links(graph)
    claims = [iri for iri, n in graph.nodes.items() if n.kind == "claim"]
    focus = []
    if actor is not None:
        actors = _find(graph, {"actor", "event"}, actor, "actor or event", "--actor")
        claims = [c for c in claims if actors & set(links[c])]
        focus.append("claims by or about " + " / ".join(sorted(graph.nodes[a].fields["t"] for a in actors)))
    if article is not None:
        articles = _find(graph, {"article"}, article, "article", "--article")
        claims = [c for c in claims if articles & set(links[c])]
        focus.append("claims of " + " / ".join(sorted(graph.nodes[a].fields["t"] for a in articles)))
    in_contradiction: dict[str, set[str]] = defaultdict(set)
    for c in graph.contradictions:
        in_contradiction[c.first].add(c.second)
        in_contradiction[c.second].add(c.first)
    if only == "contradictions":
        claims = [c for c in claims if c in in_contradiction]
        focus.append("claims in contradictions")
    elif only == "uncited":
        claims = [c for c in claims if graph.nodes[c].fields.get("st") != "cited"]
        focus.append("claims that cite no source")
    kept = set(claims)
    for claim in claims:  # the other side of each contradiction, so the red edge has two ends
        kept |= in_contradiction.get(claim, set())
    keep = set(kept)
    for claim in kept:
        keep.update(links[claim])
    nodes = {iri: n for iri, n in graph.nodes.items() if iri in keep}
    return _subgraph(graph, nodes, focus)


def _subgraph(graph: PageGraph, nodes: dict[str, Node], focus: list[str]) -> PageGraph:
    kept = [i for i, c in enumerate(graph.contradictions) if c.first in nodes and c.second in nodes]
    renumber = {old: new for new, old in enumerate(kept)}
    edges = [
        Edge(e.source, e.target, e.kind, None if e.contradiction is None else renumber[e.contradiction])
        for e in graph.edges
        if e.source in nodes and e.target in nodes and (e.contradiction is None or e.contradiction in renumber)
    ]
    return PageGraph(nodes=nodes, edges=edges, contradictions=[graph.contradictions[i] for i in kept],
                     focus=focus or graph.focus)


def cap(graph: PageGraph, limit: int) -> tuple[PageGraph, str]:
    """At most ``limit`` nodes: every actor and event, then claims (those in contradictions first) with
    their articles and sources, as many as fit; and the notice the page shows when claims were left out."""
    if len(graph.nodes) <= limit:
        return graph, ""
    links = _claim_links(graph)
    contra = {c.first for c in graph.contradictions} | {c.second for c in graph.contradictions}
    keep = {iri for iri, n in graph.nodes.items() if n.kind in ("actor", "event")}
    claims = sorted((iri for iri, n in graph.nodes.items() if n.kind == "claim"), key=lambda c: (c not in contra, c))
    kept_claims = 0
    for claim in claims:
        new = {claim, *links[claim]} - keep
        if len(keep) + len(new) > limit:
            break
        keep |= new
        kept_claims += 1
    nodes = {iri: n for iri, n in graph.nodes.items() if iri in keep}
    total = graph.count("claim")
    note = (
        f"This page holds {kept_claims:,} of the {total:,} claims (a page holds at most {limit:,} nodes; "
        "claims in contradictions come first). Make a focused page with kg render --actor, --article or --only."
    )
    return _subgraph(graph, nodes, graph.focus), note


def summary_view(graph: PageGraph, counts: Mapping[str, Mapping[str, int]], ids: Mapping[str, int]
                 ) -> dict[str, Any]:
    """Actors and events with most claims (and all in contradictions), and the edges between them.

    ``counts`` are :func:`kg.page.model.claim_counts`, ``ids`` the page's node ids. Returns the page ids
    of the chosen nodes (in page order), the summary edges, and how many actors and events were left out.
    """
    claimants = _claimants(graph)
    in_contra = set()
    for c in graph.contradictions:
        in_contra.update(claimants[c.first])
        in_contra.update(claimants[c.second])
    hubs = [iri for iri in counts if iri in ids]
    ranked = sorted(hubs, key=lambda i: (i not in in_contra, -(counts[i]["nBy"] + counts[i]["nAbout"]), i))
    chosen = [i for i in ranked if i in in_contra]
    for iri in ranked:
        if len(chosen) >= SUMMARY_LIMIT:
            break
        if iri not in in_contra:
            chosen.append(iri)
    chosen_set = set(chosen)

    about: Counter[tuple[str, str]] = Counter()
    participant: set[tuple[str, str]] = set()
    for e in graph.edges:
        if e.kind in ("about", "rejects"):
            for who in claimants[e.source]:
                if who != e.target and who in chosen_set and e.target in chosen_set:
                    about[(who, e.target)] += 1
        elif e.kind == "participant" and e.source in chosen_set and e.target in chosen_set:
            participant.add((e.source, e.target))
    contra: dict[tuple[str, str], list[int]] = defaultdict(list)
    for index, c in enumerate(graph.contradictions):
        for a in claimants[c.first] or []:
            for b in claimants[c.second] or []:
                if a in chosen_set and b in chosen_set:
                    contra[(min(a, b), max(a, b))].append(index)
    edges: list[dict[str, Any]] = []
    strongest = sorted(about.items(), key=lambda item: (-item[1], item[0]))[: 2 * len(chosen)]
    for (a, b), n in sorted(strongest):
        edges.append({"id": f"s{len(edges)}", "from": ids[a], "to": ids[b], "k": "summary-about", "n": n})
    for a, b in sorted(participant):
        edges.append({"id": f"s{len(edges)}", "from": ids[a], "to": ids[b], "k": "summary-participant"})
    for (a, b), indexes in sorted(contra.items()):
        kinds = sorted({kind_label(graph.contradictions[i].kind) for i in indexes if graph.contradictions[i].kind}
                       or {"contradiction"})
        label = ", ".join(kinds) if len(indexes) == 1 else f"{len(indexes)} contradictions"
        edges.append({"id": f"s{len(edges)}", "from": ids[a], "to": ids[b], "k": "summary-contradicts",
                      "n": len(indexes), "label": label, "cs": indexes})
    return {"nodes": sorted(ids[i] for i in chosen), "edges": edges, "hidden": len(hubs) - len(chosen)}
