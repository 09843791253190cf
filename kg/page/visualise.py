"""visualise: the built graph -> ``graph.html``, one self-contained page that makes no network request.

Stage contract: :func:`render_html` reads the graph from a pyoxigraph Store, lays it out once in
Python (igraph's Fruchterman-Reingold; the page keeps physics off, so it stays still), hands nodes
and edges to pyvis and renders them with kg's own template (``kg/page/templates/graph.html``), which
inlines vis-network from ``kg/page/vendor`` (see ``kg/page/vendor/VERSIONS.md``). Every pyvis call in kg is in
this module. The same graph gives the same bytes.

Safety: corpus text (titles, sentences, names, URLs) reaches the page only as JSON inside
``<script type="application/json">`` blocks, with ``<``, ``>``, ``&``, U+2028 and U+2029 escaped; the
page's script puts it on screen only through ``textContent`` and canvas labels, and makes links only
for http(s) URLs. A Content-Security-Policy allows the page's two scripts (by hash) and nothing
else: no network fetch, no other script, no plugin, no form.

Large graphs: above :data:`SUMMARY_THRESHOLD` nodes the page opens on a summary view (actors and
events with their claim counts, "makes claims about" and contradiction edges), from which search
and filters expand to claims; a page holds at most :data:`EMBED_LIMIT` nodes (``kg render --actor``,
``--article`` and ``--only`` make focused pages of bigger graphs).

The end of the module opens pages in Debian's headless Chromium through Playwright (a test
dependency, imported only there): for the browser tests, the page benchmark and
``kg render --screenshot``.
"""

from __future__ import annotations

import base64
import hashlib
import json
import logging
import math
import random
import re
import shutil
import time
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal, NamedTuple
from urllib.parse import urlsplit

import pyoxigraph as ox
from markupsafe import Markup

import kg
from kg.errors import KgError
from kg.vocab import DATA_NS

if TYPE_CHECKING:
    from playwright.sync_api import Browser, Page

logger = logging.getLogger(__name__)

__all__ = [
    "CHROMIUM_ARGS",
    "EMBED_LIMIT",
    "KINDS",
    "ONLY_CHOICES",
    "SUMMARY_THRESHOLD",
    "VIEWS",
    "VIEW_LIMIT",
    "BrowserReport",
    "PageGraph",
    "PageStats",
    "chromium_path",
    "fill_claims",
    "headless_chromium",
    "measure_page",
    "open_page",
    "read_graph",
    "render_html",
    "render_page",
    "safe_url",
    "script_json",
    "select",
]

SUMMARY_THRESHOLD = 1_500
"""Graphs with more nodes than this open on the summary view."""
EMBED_LIMIT = 25_000
"""The most nodes one page holds; bigger graphs keep every actor and event and as many claims as fit."""
VIEW_LIMIT = 6_000
"""The most nodes the page draws at once (claims views of bigger selections say so and stop there)."""
SUMMARY_LIMIT = 400
"""Actors and events in the summary view: those with most claims, plus every one in a contradiction."""
LABEL_LENGTH = 40
LAYOUT_SEED = 20240301
LAYOUT_WEIGHTS = {"claims": 1.0, "in": 1.0, "cites": 1.0, "about": 0.25, "rejects": 0.25, "participant": 0.5,
                  "publisher": 0.5, "author": 0.5, "contradicts": 0.5}
"""Attraction per edge kind: claims gather around their article and claimant more than around the
actors and events they mention, which would otherwise pull everything into one knot."""
EDGE_LENGTH = 110.0
"""Median edge length of the layout, in canvas pixels."""

Kind = Literal["article", "claim", "actor", "event", "source"]
KINDS: tuple[Kind, ...] = ("article", "claim", "actor", "event", "source")
ONLY_CHOICES = ("contradictions", "uncited")
VIEWS = ("summary", "claims")

VENDOR = Path(__file__).parent / "vendor"
TEMPLATES = Path(__file__).parent / "templates"
VIS_JS = VENDOR / "vis-network" / "vis-network.min.js"
VIS_VERSION = "10.1.5"

# ----------------------------------------------------------------------------------------------
# Looks: one table, used by the vis options, the page's edge styles and the legend

NODE_STYLES: dict[str, dict[str, Any]] = {
    "article": {"shape": "box", "color": {"background": "#fbd38d", "border": "#c05621",
                "highlight": {"background": "#fde3b5", "border": "#7b341e"}},
                "font": {"color": "#3d2a12", "size": 13}, "margin": 6},
    "claim": {"shape": "dot", "size": 8, "borderWidth": 1.5,
              "color": {"background": "#56b4e9", "border": "#0072b2",
                        "highlight": {"background": "#a6d8f5", "border": "#003f63"}}},
    "claimLacking": {"shape": "dot", "size": 8, "borderWidth": 2.5,
                     "color": {"background": "#ffffff", "border": "#0072b2",
                               "highlight": {"background": "#fff4e0", "border": "#003f63"}}},
    "actor": {"shape": "diamond", "size": 14,
              "color": {"background": "#009e73", "border": "#00664a",
                        "highlight": {"background": "#5fd3b0", "border": "#003d2c"}},
              "font": {"size": 15, "strokeWidth": 3, "strokeColor": "#ffffff"}},
    "event": {"shape": "triangle", "size": 13,
              "color": {"background": "#cc79a7", "border": "#8e3b6e",
                        "highlight": {"background": "#e6b3cf", "border": "#5c2047"}},
              "font": {"size": 14, "strokeWidth": 3, "strokeColor": "#ffffff"}},
    "source": {"shape": "square", "size": 9,
               "color": {"background": "#f0e442", "border": "#8c8100",
                         "highlight": {"background": "#f7f09a", "border": "#5a5300"}},
               "font": {"size": 12, "strokeWidth": 3, "strokeColor": "#ffffff"}},
}
KIND_TEXT: dict[str, tuple[str, str]] = {  # kind -> (label, plural)
    "article": ("Article", "Articles"),
    "claim": ("Claim", "Claims"),
    "actor": ("Actor", "Actors"),
    "event": ("Event", "Events"),
    "source": ("Cited source", "Cited sources"),
}
GREY = "#a9b4bf"
EDGE_STYLES: dict[str, dict[str, Any]] = {
    "claims": {"color": {"color": "#7fa7c9", "highlight": "#0072b2"}, "width": 1, "arrows": "to"},
    "in": {"color": {"color": "#e2b780", "highlight": "#c05621"}, "width": 1, "arrows": "to"},
    "cites": {"color": {"color": "#b5ab2a", "highlight": "#5a5300"}, "width": 1.5, "arrows": "to"},
    "about": {"color": {"color": GREY, "highlight": "#4a5560"}, "width": 1, "arrows": "to"},
    "rejects": {"color": {"color": "#e08a8a", "highlight": "#d62728"}, "width": 1.5, "arrows": "to"},
    "participant": {"color": {"color": "#d6a8c4", "highlight": "#8e3b6e"}, "width": 1, "arrows": "to"},
    "publisher": {"color": {"color": "#c9cfd6", "highlight": "#4a5560"}, "width": 1, "arrows": "to"},
    "author": {"color": {"color": "#c9cfd6", "highlight": "#4a5560"}, "width": 1, "arrows": "to"},
    "contradicts": {"color": {"color": "#d62728", "highlight": "#8b0000"}, "width": 3, "arrows": "",
                    "font": {"color": "#b01e1e", "size": 13, "strokeWidth": 3, "strokeColor": "#ffffff",
                             "align": "top"},
                    "smooth": {"enabled": True, "type": "curvedCW", "roundness": 0.15}},
    "summary-about": {"color": {"color": GREY, "highlight": "#4a5560"}, "width": 1, "arrows": "to"},
    "summary-participant": {"color": {"color": "#d6a8c4", "highlight": "#8e3b6e"}, "width": 1},
    "summary-contradicts": {"color": {"color": "#d62728", "highlight": "#8b0000"}, "width": 3,
                            "font": {"color": "#b01e1e", "size": 13, "strokeWidth": 3,
                                     "strokeColor": "#ffffff", "align": "top"},
                            "smooth": {"enabled": True, "type": "curvedCW", "roundness": 0.15}},
}
EDGE_TEXT: dict[str, str] = {
    "claims": "claimant → claim",
    "in": "claim → article it appears in",
    "cites": "claim → source it cites",
    "about": "claim → actor or event it is about",
    "rejects": "claim → actor whose claims it rejects",
    "participant": "event → actor taking part",
    "publisher": "article or source → publisher",
    "author": "article → author",
    "contradicts": "contradiction (labelled with its kind)",
}

# ----------------------------------------------------------------------------------------------
# The graph as the page sees it

SDO = "https://schema.org/"
PROV = "http://www.w3.org/ns/prov#"
CITO = "http://purl.org/spar/cito/"
KGNS = "https://w3id.org/kg/ns#"
RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
RDFS_LABEL = "http://www.w3.org/2000/01/rdf-schema#label"
SKOS_ALT = "http://www.w3.org/2004/02/skos/core#altLabel"
OWL_SAME = "http://www.w3.org/2002/07/owl#sameAs"

STATUS_KEYS = {"Cited": "cited", "SpeakerOnly": "speaker", "VaguelyAttributed": "vague", "Uncited": "uncited"}
ACTOR_TYPES = (  # most specific first
    (KGNS + "UnnamedGroup", "unnamed group"),
    (SDO + "Person", "person"),
    (SDO + "Country", "country"),
    (SDO + "GovernmentOrganization", "government organisation"),
    (SDO + "MilitaryOrganization", "military organisation"),
    (SDO + "NewsMediaOrganization", "news media organisation"),
    (SDO + "PoliticalParty", "political party"),
    (SDO + "NGO", "NGO"),
    (SDO + "Organization", "organisation"),
)
GENRES = (
    (SDO + "AnalysisNewsArticle", "analysis"),
    (SDO + "OpinionNewsArticle", "opinion"),
    (SDO + "ReportageNewsArticle", "reportage"),
    (SDO + "Report", "report"),
    (SDO + "NewsArticle", "news"),
)


@dataclass
class Node:
    """A node of the page: its IRI, kind, canvas label and the fields the side panel shows."""

    iri: str
    kind: Kind
    label: str
    fields: dict[str, Any] = field(default_factory=dict)


class Edge(NamedTuple):
    """An edge of the page; ``contradiction`` indexes :attr:`PageGraph.contradictions`.

    A named tuple (immutable, ordered, hashable like the frozen dataclass it was): a big graph has
    hundreds of thousands of edges, and a tuple is made several times faster.
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


def _value(term: object) -> str:
    return str(getattr(term, "value", ""))


class _Triples:
    """Subject -> objects for the predicates the page reads, from every named graph of a Store."""

    def __init__(self, store: ox.Store) -> None:
        self.store = store
        self._cache: dict[str, dict[str, list[Any]]] = {}

    def objects(self, predicate: str) -> dict[str, list[Any]]:
        found = self._cache.get(predicate)
        if found is None:
            found = {}
            named = ox.NamedNode
            several = []
            for quad in self.store.quads_for_pattern(None, named(predicate), None, None):
                subject = quad.subject
                if type(subject) is named:
                    key = subject.value
                    values = found.get(key)
                    if values is None:
                        found[key] = [quad.object]
                    else:
                        if len(values) == 1:
                            several.append(key)
                        values.append(quad.object)
            for key in several:  # the same triple may sit in several named graphs
                found[key] = sorted(set(found[key]), key=str)
            self._cache[predicate] = found
        return found

    def first(self, predicate: str, subject: str) -> str | None:
        values = self.objects(predicate).get(subject)
        return _value(values[0]) if values else None

    def all(self, predicate: str, subject: str) -> list[str]:
        return [_value(v) for v in self.objects(predicate).get(subject, ())]

    def typed(self, cls: str) -> set[str]:
        return {
            q.subject.value
            for q in self.store.quads_for_pattern(None, ox.NamedNode(RDF_TYPE), ox.NamedNode(cls), None)
            if isinstance(q.subject, ox.NamedNode)
        }


@cache
def _vocabulary_text() -> dict[str, tuple[str, str]]:
    """kg term local name -> (rdfs:label, rdfs:comment), from ontology/kg.ttl."""
    from rdflib import RDFS, Literal, URIRef

    from kg.ontology import load_ontology

    graph = load_ontology()
    out: dict[str, tuple[str, str]] = {}
    for subject, label in graph.subject_objects(RDFS.label):
        if isinstance(subject, URIRef) and str(subject).startswith(KGNS) and isinstance(label, Literal):
            comment = graph.value(subject, RDFS.comment)
            out[str(subject)[len(KGNS):]] = (str(label), str(comment or ""))
    return out


def _term_label(iri: str | None) -> str | None:
    if iri is None:
        return None
    local = iri[len(KGNS):] if iri.startswith(KGNS) else iri.rsplit("/", 1)[-1]
    return _vocabulary_text().get(local, (local, ""))[0]


def safe_url(text: str | None) -> str | None:
    """``text`` if it is an absolute http(s) URL the page may link to, else None.

    >>> safe_url("https://example.org/a?b=1")
    'https://example.org/a?b=1'
    >>> safe_url("javascript:alert(1)") is None, safe_url("//example.org") is None
    (True, True)
    """
    if not text or any(ch.isspace() or ord(ch) < 0x20 or ch in '<>"`\\' for ch in text):
        return None
    try:
        parts = urlsplit(text)
    except ValueError:
        return None
    if parts.scheme.lower() not in ("http", "https") or not parts.hostname:
        return None
    return text


def _short(text: str, length: int = LABEL_LENGTH) -> str:
    text = " ".join(text.split())
    return text if len(text) <= length else text[: length - 1].rstrip() + "…"


def _link_fields(url: str | None) -> dict[str, str]:
    if not url:
        return {}
    safe = safe_url(url)
    return {"url": safe} if safe else {"urlText": url}


def _compact(iri: str) -> str:
    if iri.startswith(DATA_NS):  # nearly every node: skip the search over every prefix
        return "kgd:" + iri[len(DATA_NS):]
    from kg.sparql.store import compact

    return compact(iri)


def read_graph(store: ox.Store, *, claim_text: bool = True) -> PageGraph:
    """Every article, claim, actor, event and cited source of the built graph, with the page's edges.

    With ``claim_text=False`` claims get only their citation status; :func:`fill_claims` adds the
    rest for the claims a page keeps (a big graph holds far more claims than one page).
    """
    t = _Triples(store)
    genres = {cls: t.typed(cls) for cls, _ in GENRES}
    actor_types = {cls: t.typed(cls) for cls, _ in ACTOR_TYPES}
    kinds: dict[str, Kind] = {}
    classes: tuple[tuple[Kind, str], ...] = (
        ("claim", SDO + "Claim"), ("actor", PROV + "Agent"), ("event", SDO + "Event"), ("source", SDO + "CreativeWork")
    )
    for kind, cls in classes:
        for iri in t.typed(cls):
            kinds.setdefault(iri, kind)
    for iri in t.objects(SDO + "headline"):
        kinds.setdefault(iri, "article")

    by_kind: dict[Kind, list[str]] = {kind: [] for kind in KINDS}
    for iri, kind in kinds.items():
        by_kind[kind].append(iri)
    nodes: dict[str, Node] = {}
    for iri in [iri for members in by_kind.values() for iri in sorted(members)]:  # by kind, then IRI
        kind = kinds[iri]
        f: dict[str, Any] = {}
        if kind == "claim":
            f["st"] = _status_key(t.first(KGNS + "citationStatus", iri))
            if claim_text:
                _claim_fields(f, t.first(SDO + "text", iri), *(t.first(KGNS + p, iri) for p in CLAIM_TERMS))
            label = ""
        elif kind == "article":
            label = t.first(SDO + "headline", iri) or iri
            f["t"] = label
            date = t.first(SDO + "datePublished", iri)
            if date:
                f["date"] = date
            f.update(_link_fields(t.first(SDO + "url", iri)))
            genre = next((name for cls, name in GENRES if iri in genres[cls]), None)
            if genre:
                f["genre"] = genre
        elif kind == "actor":
            label = t.first(RDFS_LABEL, iri) or iri.rsplit("/", 1)[-1]
            f["t"] = label
            f["ty"] = next((name for cls, name in ACTOR_TYPES if iri in actor_types[cls]), "agent")
            aliases = sorted(set(t.all(SKOS_ALT, iri)) - {label})
            if aliases:
                f["al"] = aliases
            same = [s for s in t.all(OWL_SAME, iri) if safe_url(s)]
            if same:
                f["wd"] = same[0]
        elif kind == "event":
            label = t.first(SDO + "name", iri) or iri.rsplit("/", 1)[-1]
            f["t"] = label
            kind_text = t.first(KGNS + "eventKind", iri)
            if kind_text:
                f["ty"] = kind_text
            dates = sorted(set(t.all(SDO + "startDate", iri)))
            if dates:
                f["dates"] = dates
        else:  # source
            url = t.first(SDO + "url", iri)
            label = t.first(SDO + "name", iri) or url or iri.rsplit("/", 1)[-1]
            f["t"] = label
            f.update(_link_fields(url))
            date = t.first(SDO + "dateRead", iri)
            if date:
                f["date"] = date
        nodes[iri] = Node(iri=iri, kind=kind, label=_short(label) if label else "", fields=f)

    node_kind = {iri: node.kind for iri, node in nodes.items()}
    kind_of = node_kind.get

    found: set[tuple[str, str, str]] = set()
    # (predicate, subject kinds, object kinds, edge kind, reversed: object -> subject)
    relations = (
        # an article is the claimant when it speaks in its own voice and names no author or publisher
        (PROV + "wasAttributedTo", {"claim"}, {"actor", "article"}, "claims", True),
        (SDO + "appearance", {"claim"}, {"article"}, "in", False),
        (CITO + "citesAsEvidence", {"claim"}, {"source"}, "cites", False),
        (SDO + "about", {"claim"}, {"actor", "event"}, "about", False),
        (KGNS + "rejectsClaimsOf", {"claim"}, {"actor"}, "rejects", False),
        (KGNS + "participant", {"event"}, {"actor"}, "participant", False),
        (SDO + "publisher", {"article", "source"}, {"actor"}, "publisher", False),
        (SDO + "author", {"article"}, {"actor"}, "author", False),
    )
    named = ox.NamedNode
    for predicate, subject_kinds, object_kinds, edge_kind, backwards in relations:
        add = found.add
        for subject, objects in t.objects(predicate).items():
            if kind_of(subject) not in subject_kinds:
                continue
            for obj in objects:
                if type(obj) is named:
                    target = obj.value
                    if kind_of(target) in object_kinds:
                        add((target, subject, edge_kind) if backwards else (subject, target, edge_kind))
    edges = [Edge(source, target, kind) for source, target, kind in found]
    del found

    contradictions: list[ContradictionInfo] = []
    paired: set[frozenset[str]] = set()
    for iri in sorted(t.typed(KGNS + "Contradiction")):
        first, second = t.first(KGNS + "firstClaim", iri), t.first(KGNS + "secondClaim", iri)
        if not first or not second or kind_of(first) != "claim" or kind_of(second) != "claim":
            continue
        kind_iri = t.first(KGNS + "contradictionKind", iri) or ""
        contradictions.append(ContradictionInfo(
            iri=_compact(iri), first=first, second=second,
            kind=kind_iri[len(KGNS):] if kind_iri.startswith(KGNS) else "",
            explanation=t.first(SDO + "description", iri) or "",
            confidence=t.first(KGNS + "confidence", iri),
            modality=t.first(KGNS + "modalityContrast", iri),
        ))
        paired.add(frozenset((first, second)))
    for subject, objects in sorted(t.objects(KGNS + "contradicts").items()):
        for obj in objects:  # kg:contradicts without a kg:Contradiction node that explains it
            pair = frozenset((subject, _value(obj)))
            if kind_of(subject) == "claim" and kind_of(_value(obj)) == "claim" and pair not in paired:
                paired.add(pair)
                first, second = sorted(pair) if len(pair) == 2 else (subject, subject)
                contradictions.append(ContradictionInfo(
                    iri="", first=first, second=second, kind="", explanation="", confidence=None, modality=None
                ))
    for index, c in enumerate(contradictions):
        edges.append(Edge(c.first, c.second, "contradicts", index))  # one per index: no duplicates
    return PageGraph(nodes=nodes, edges=sorted(edges, key=_edge_order), contradictions=contradictions)


CLAIM_TERMS = ("claimType", "modality", "polarity", "cue")


def _status_key(status: str | None) -> str:
    local = status[len(KGNS):] if status and status.startswith(KGNS) else "Uncited"
    return STATUS_KEYS.get(local, local.lower())


def _claim_fields(
    f: dict[str, Any], text: str | None, claim_type: str | None, modality: str | None, polarity: str | None,
    cue: str | None,
) -> None:
    f["t"] = text or ""
    for key, value in (("ty", claim_type), ("mo", modality), ("po", polarity)):
        label = _term_label(value)
        if label:
            f[key] = label
    if cue:
        f["cue"] = cue


def fill_claims(store: ox.Store, graph: PageGraph) -> None:
    """Give the claims of ``graph`` read with ``claim_text=False`` their sentence and labels (one lookup each)."""
    wanted = {SDO + "text": 0, **{KGNS + p: i + 1 for i, p in enumerate(CLAIM_TERMS)}}
    for iri, node in graph.nodes.items():
        if node.kind != "claim" or "t" in node.fields:
            continue
        values: list[str | None] = [None] * len(wanted)
        for quad in store.quads_for_pattern(ox.NamedNode(iri), None, None, None):
            slot = wanted.get(quad.predicate.value)
            if slot is not None and (values[slot] is None or _value(quad.object) < str(values[slot])):
                values[slot] = _value(quad.object)
        _claim_fields(node.fields, *values)


EDGE_KINDS = ("claims", "in", "cites", "about", "rejects", "participant", "publisher", "author", "contradicts")
_EDGE_RANK = {kind: rank for rank, kind in enumerate(EDGE_KINDS)}


def _edge_order(edge: Edge) -> tuple[int, str, str, int]:
    index = -1 if edge.contradiction is None else edge.contradiction
    return (_EDGE_RANK[edge.kind], edge.source, edge.target, index)


# ----------------------------------------------------------------------------------------------
# Focused pages: kg render --actor / --article / --only


def _claim_links(graph: PageGraph) -> dict[str, list[str]]:
    """claim IRI -> the IRIs of the nodes its edges reach (claimant, article, sources, about, rejects)."""
    links: dict[str, list[str]] = defaultdict(list)
    for e in graph.edges:
        if e.kind == "claims":
            links[e.target].append(e.source)
        elif e.kind in ("in", "cites", "about", "rejects"):
            links[e.source].append(e.target)
    return links


def _find(graph: PageGraph, kinds: set[str], wanted: str, what: str, option: str) -> set[str]:
    from kg.sparql.store import compact

    text = wanted.strip()
    folded = text.casefold()
    found = set()
    for iri, node in graph.nodes.items():
        if node.kind not in kinds:
            continue
        names = [node.fields.get("t", ""), *node.fields.get("al", ())]
        if text in (iri, compact(iri), iri.rsplit("/", 1)[-1]) or any(n.casefold() == folded for n in names):
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


def _cap(graph: PageGraph, limit: int) -> tuple[PageGraph, str]:
    """At most ``limit`` nodes: every actor and event, then claims (those in contradictions first) with
    their articles and sources, as many as fit."""
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


# ----------------------------------------------------------------------------------------------
# Claim counts and the summary view


def _claim_counts(graph: PageGraph) -> dict[str, dict[str, int]]:
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


def _summary(graph: PageGraph, counts: Mapping[str, Mapping[str, int]], ids: Mapping[str, int]
             ) -> dict[str, Any]:
    """Actors and events with most claims (and all in contradictions), and the edges between them."""
    claimants: dict[str, list[str]] = defaultdict(list)
    for e in graph.edges:
        if e.kind == "claims":
            claimants[e.target].append(e.source)
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
        kinds = sorted({_term_label(KGNS + graph.contradictions[i].kind) or "contradiction"
                        for i in indexes if graph.contradictions[i].kind} or {"contradiction"})
        label = ", ".join(kinds) if len(indexes) == 1 else f"{len(indexes)} contradictions"
        edges.append({"id": f"s{len(edges)}", "from": ids[a], "to": ids[b], "k": "summary-contradicts",
                      "n": len(indexes), "label": label, "cs": indexes})
    # its own layout: in the full layout the busiest actors sit together in the middle of their claims
    order = sorted(chosen, key=lambda i: ids[i])
    slot = {ids[iri]: n for n, iri in enumerate(order)}
    weight = {"summary-about": 1.0, "summary-participant": 0.5, "summary-contradicts": 0.5}
    positions = layout(len(order), ((slot[e["from"]], slot[e["to"]], weight[e["k"]]) for e in edges),
                       edge_length=2.5 * EDGE_LENGTH)
    return {"nodes": [ids[i] for i in order], "edges": edges, "hidden": len(hubs) - len(chosen),
            "positions": [list(p) for p in positions]}


# ----------------------------------------------------------------------------------------------
# Layout


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


# ----------------------------------------------------------------------------------------------
# The page


def _escape_script(text: str) -> str:
    return (
        text.replace("&", "\\u0026")
        .replace("<", "\\u003c")
        .replace(">", "\\u003e")
        .replace("\u2028", "\\u2028")
        .replace("\u2029", "\\u2029")
    )


def script_json(value: object) -> Markup:
    """``value`` as JSON that is safe inside ``<script type="application/json">``.

    ``<``, ``>`` and ``&`` become ``\\u003c``, ``\\u003e`` and ``\\u0026`` (so no ``</script>`` or
    ``<!--`` can end or change the block), and U+2028/U+2029 are escaped too; JSON.parse reads
    them back unchanged.

    >>> str(script_json({"t": "</script><b>&"}))
    '{"t":"\\\\u003c/script\\\\u003e\\\\u003cb\\\\u003e\\\\u0026"}'
    """
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"), allow_nan=False)
    return Markup(_escape_script(text))


def _script_text(text: str) -> Markup:
    """An already-serialised JSON string, escaped like :func:`script_json`."""
    return Markup(_escape_script(text))


@cache
def _vis_js() -> str:
    text = VIS_JS.read_text(encoding="utf-8")
    text = re.sub(r"\n//# sourceMappingURL=\S+\s*$", "\n", text)
    _check_inline(text, VIS_JS)
    return text


@cache
def _asset(name: str) -> str:
    path = TEMPLATES / name
    text = path.read_text(encoding="utf-8")
    _check_inline(text, path)
    return text


def _check_inline(text: str, path: Path) -> None:
    """A script or style inlined into the page must not be able to close its element."""
    if re.search(r"</(script|style)|<!--", text, re.IGNORECASE):
        raise RuntimeError(f"{path} holds '</script', '</style' or '<!--' and cannot be inlined")


def _sha256(text: str) -> str:
    return "sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode("ascii")


def content_security_policy(scripts: Sequence[str]) -> str:
    """No network at all: only the page's own scripts (by hash), inline styles, and data: images."""
    hashes = " ".join(f"'{_sha256(s)}'" for s in scripts)
    return (
        "default-src 'none'; "
        f"script-src {hashes}; "
        "style-src 'unsafe-inline'; "
        "img-src data:; "
        "base-uri 'none'; form-action 'none'"
    )


def _legend_svg(kind: str) -> Markup:
    style = NODE_STYLES[kind]
    colour = style["color"]
    fill, stroke = colour["background"], colour["border"]
    attrs = f'fill="{fill}" stroke="{stroke}" stroke-width="{2.5 if fill == "#ffffff" else 1.5}"'
    shapes = {
        "box": f'<rect x="1.5" y="4" width="15" height="10" rx="2" {attrs}/>',
        "dot": f'<circle cx="9" cy="9" r="6" {attrs}/>',
        "diamond": f'<polygon points="9,1.5 16.5,9 9,16.5 1.5,9" {attrs}/>',
        "triangle": f'<polygon points="9,2 16.5,15.5 1.5,15.5" {attrs}/>',
        "square": f'<rect x="3" y="3" width="12" height="12" {attrs}/>',
    }
    return Markup(shapes[style["shape"]])


def _legend() -> dict[str, Any]:
    nodes = []
    for kind in KINDS:
        label, plural = KIND_TEXT[kind]
        if kind == "claim":
            nodes.append({"kind": kind, "plural": plural, "label": "Claim citing a source",
                          "svg": _legend_svg("claim")})
            nodes.append({"kind": "", "plural": "", "label": "Claim lacking a citation (hollow)",
                          "svg": _legend_svg("claimLacking")})
        else:
            nodes.append({"kind": kind, "plural": plural, "label": label, "svg": _legend_svg(kind)})
    edges = [
        {"label": EDGE_TEXT[k], "color": EDGE_STYLES[k]["color"]["color"], "width": EDGE_STYLES[k]["width"],
         "dashes": "dashes" in EDGE_STYLES[k]}
        for k in EDGE_TEXT
    ]
    types = [{"kind": k, "plural": KIND_TEXT[k][1]} for k in KINDS]
    return {"nodes": nodes, "edges": edges, "types": types}


def _vis_options(large: bool) -> dict[str, Any]:
    return {
        "physics": {"enabled": False},
        "layout": {"improvedLayout": False, "randomSeed": 1},
        "nodes": {"font": {"face": "system-ui, DejaVu Sans, sans-serif"}},
        "edges": {"smooth": False, "arrows": {"to": {"scaleFactor": 0.5}}, "selectionWidth": 1.5,
                  "font": {"face": "system-ui, DejaVu Sans, sans-serif", "size": 12}},
        "groups": {k: v for k, v in NODE_STYLES.items()},
        "interaction": {"hover": True, "hoverConnectedEdges": False, "tooltipDelay": 300,
                        "hideEdgesOnDrag": large, "hideEdgesOnZoom": large, "multiselect": False,
                        "navigationButtons": False, "keyboard": False},
    }


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
    above :data:`SUMMARY_THRESHOLD` nodes.
    """
    if view not in (None, *VIEWS):
        raise KgError(f"view {view!r}: choose one of {', '.join(VIEWS)}")
    from pyvis.network import Network

    seconds: dict[str, float] = {}
    t0 = time.perf_counter()
    full_counts = {kind: graph.count(kind) for kind in KINDS}
    lacking = Counter(n.fields.get("st") for n in graph.nodes.values() if n.kind == "claim")
    counts_by = _claim_counts(graph)
    graph, notice = _cap(graph, EMBED_LIMIT)
    if store is not None:
        fill_claims(store, graph)
    ids = {iri: i for i, iri in enumerate(graph.nodes)}
    large = len(graph.nodes) > SUMMARY_THRESHOLD
    opens_on = view or ("summary" if large else "claims")
    seconds["prepare"] = time.perf_counter() - t0

    t0 = time.perf_counter()
    positions = layout(len(ids), ((ids[e.source], ids[e.target], LAYOUT_WEIGHTS[e.kind]) for e in graph.edges))
    seconds["layout"] = time.perf_counter() - t0

    t0 = time.perf_counter()
    heading = "kg: claims, who makes them, and what they cite"
    if graph.focus:
        heading += " — " + "; ".join(graph.focus)
    net = Network(height="100%", width="100%", directed=True, heading=heading, cdn_resources="in_line")
    net.node_ids = _NodeIds()
    for iri, node in graph.nodes.items():
        i = ids[iri]
        x, y = positions[i]
        group: str = node.kind
        if node.kind == "claim" and node.fields.get("st") != "cited":
            group = "claimLacking"
        extra: dict[str, Any] = {"iri": _compact(iri), **node.fields}  # compacted here: only for kept nodes
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
    net.options = _vis_options(large)

    status_text = _vocabulary_text()
    statuses = {
        key: {"label": status_text.get(local, (key, ""))[0], "comment": status_text.get(local, ("", ""))[1]}
        for local, key in STATUS_KEYS.items()
    }
    contradictions = [
        {"a": ids[c.first], "b": ids[c.second], "kind": c.kind,
         "kindLabel": (_term_label(KGNS + c.kind) if c.kind else None) or "contradiction",
         "explanation": c.explanation, "confidence": c.confidence, "modality": c.modality, "iri": c.iri}
        for c in graph.contradictions
    ]
    page = {
        "kinds": [{"kind": k, "label": KIND_TEXT[k][0]} for k in KINDS],
        "statuses": statuses,
        "edgeStyles": EDGE_STYLES,
        "contradictions": contradictions,
        "defaultMode": opens_on,
        "viewLimit": VIEW_LIMIT,
        "large": large,
        "summary": _summary(graph, {i: counts_by[i] for i in graph.nodes if i in counts_by}, ids),
        "notice": notice,
    }
    app_js = _asset("graph.js")
    vis_js = _vis_js()
    lacking_total = sum(v for k, v in lacking.items() if k != "cited")
    detail = ", ".join(
        f"{lacking.get(key, 0):,} {statuses[key]['label']}" for key in ("uncited", "speaker", "vague")
    )
    context = {
        "csp": Markup(content_security_policy([vis_js, app_js])),  # hashes and keywords: no quote to escape
        "version": kg.__version__,
        "vis_version": VIS_VERSION,
        "css": Markup(_asset("graph.css")),
        "vis_js": Markup(vis_js),
        "app_js": Markup(app_js),
        "page": page,
        "notice": notice,
        "legend": _legend(),
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


def _environment(context: Mapping[str, Any]) -> Any:
    """kg's template environment: autoescaping on, plus the JSON-in-script filters and the page context."""
    from jinja2 import Environment, FileSystemLoader, StrictUndefined

    env = Environment(loader=FileSystemLoader(str(TEMPLATES)), autoescape=True, undefined=StrictUndefined,
                      keep_trailing_newline=True)
    env.filters["script_json"] = script_json
    env.filters["script_text"] = _script_text
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
        actor, article, only: make a focused page (see :func:`select`).
        view: the view the page opens on (see :func:`render_page`).

    Raises:
        KgError: an option names no actor or article of the graph.
    """
    t0 = time.perf_counter()
    graph = select(read_graph(store, claim_text=False), actor=actor, article=article, only=only)
    read_seconds = time.perf_counter() - t0
    html, stats = render_page(graph, store, view=view)
    Path(path).write_bytes(html.encode("utf-8"))
    stats.seconds = {"read": round(read_seconds, 3), **stats.seconds}
    logger.info("render: %d nodes, %d edges, %d bytes -> %s", stats.nodes, stats.edges, stats.bytes, path)
    return stats


# ----------------------------------------------------------------------------------------------
# The page in headless Chromium (tests, benchmarks/page.py and kg render --screenshot)

CHROMIUM_ARGS = (
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
)


def chromium_path() -> str:
    """Debian's chromium, or KgError saying how to install it."""
    found = shutil.which("chromium")
    if found is None:
        raise KgError("Chromium is not installed. Fix: run `make browser` (installs Debian's chromium package)")
    return found


@contextmanager
def headless_chromium() -> Iterator[Browser]:
    """Debian's Chromium, headless, driven by Playwright (never downloads a browser)."""
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        raise KgError(
            "driving Chromium needs Playwright. Fix: pip install -e '.[test]' (or make install-test)"
        ) from None
    executable = chromium_path()
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=executable, args=list(CHROMIUM_ARGS))
        try:
            yield browser
        finally:
            browser.close()


@dataclass
class BrowserReport:
    """What a page did in the browser: requests it tried (all blocked), errors, and timings (ms)."""

    requests: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    dialogs: list[str] = field(default_factory=list)
    ready_ms: float = 0.0
    load_ms: float = 0.0

    @property
    def clean(self) -> bool:
        return not (self.requests or self.errors or self.dialogs)


def open_page(
    browser: Browser, html: Path, *, width: int = 1400, height: int = 900, timeout_s: float = 120
) -> tuple[Page, BrowserReport]:
    """Open ``html`` from a file:// URL with every http(s) and other non-file request aborted.

    The report collects requests the page tried, console errors, page errors and dialogs as they
    happen; ``ready_ms`` is the page's own time to interactive (navigation start to the first drawing
    of the graph with every control wired), ``load_ms`` the wall time until then.
    """
    report = BrowserReport()
    page = browser.new_page(viewport={"width": width, "height": height})

    def route(r: Any) -> None:
        url = r.request.url
        if url.startswith("file:") or url.startswith("data:"):
            r.continue_()
        else:
            report.requests.append(url)
            r.abort()

    page.route("**/*", route)
    page.on("console", lambda m: report.errors.append(f"console: {m.text}") if m.type == "error" else None)
    page.on("pageerror", lambda e: report.errors.append(f"pageerror: {e}"))

    def dialog(d: Any) -> None:
        report.dialogs.append(f"{d.type}: {d.message}")
        d.dismiss()

    page.on("dialog", dialog)
    t0 = time.perf_counter()
    page.goto(Path(html).resolve().as_uri())
    # function form: a string expression would be eval'd in the page, which its CSP forbids
    page.wait_for_function("() => window.kg !== undefined && window.kg.ready === true", timeout=timeout_s * 1000)
    report.load_ms = (time.perf_counter() - t0) * 1000
    report.ready_ms = float(page.evaluate("window.kg.timing.ready"))
    return page, report


def measure_page(html: Path, *, screenshot: Path | None = None, expand: bool = False) -> dict[str, Any]:
    """Open ``html`` in headless Chromium and time it; optionally save a PNG screenshot.

    Returns bytes, ``ready_ms`` (time to interactive, default view), ``search_ms`` (a search typed
    into the box until the graph has redrawn), counts drawn, and, with ``expand``, the same after
    "Show all claims" on a summary page.
    """
    result: dict[str, Any] = {"bytes": Path(html).stat().st_size}
    with headless_chromium() as browser:
        page, report = open_page(browser, html)
        result.update(ready_ms=round(report.ready_ms), load_ms=round(report.load_ms))
        result["view"] = page.evaluate("window.kg.state.mode")
        result["drawn"] = page.evaluate("window.kg.counts()")
        if screenshot is not None:
            # with a claim of the first contradiction in the details panel, so the picture shows one
            page.evaluate(
                "() => { const c = JSON.parse(document.getElementById('kg-page').textContent).contradictions; "
                "if (c.length && kg.state.mode !== 'summary') kg.pin(c[0].a); }"
            )
            Path(screenshot).parent.mkdir(parents=True, exist_ok=True)
            page.wait_for_timeout(200)
            page.screenshot(path=str(screenshot))
        draws = page.evaluate("window.kg.draws")
        t0 = time.perf_counter()
        page.fill("#kg-search", "the")
        page.press("#kg-search", "Enter")
        page.wait_for_function("n => window.kg.draws > n", arg=draws, timeout=120_000)
        result["search_ms"] = round((time.perf_counter() - t0) * 1000)
        if expand and result["view"] == "summary":
            page.click("#kg-reset")
            draws = page.evaluate("window.kg.draws")
            t0 = time.perf_counter()
            page.click("#kg-mode")
            page.wait_for_function("n => window.kg.draws > n", arg=draws, timeout=120_000)
            result["expand_ms"] = round((time.perf_counter() - t0) * 1000)
            result["expanded"] = page.evaluate("window.kg.counts()")
        result["requests"] = report.requests
        result["errors"] = report.errors + report.dialogs
        page.close()
    return result
