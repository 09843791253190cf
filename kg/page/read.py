"""read: what the graph page shows, read from the built graph's store.

:func:`read_graph` makes a :class:`PageGraph`: every article, claim, actor, event and cited source of
the graph as a :class:`Node` (canvas label and the fields the side panel shows), the page's edges
between them, and the contradictions. :func:`fill_claims` adds the sentence and labels of the claims
a page keeps. The graph is read with ``quads_for_pattern``, one predicate at a time, from every
named graph of the store.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import urlsplit

import pyoxigraph as ox

from kg.page.labels import compact_iri, status_key, term_label
from kg.page.model import KINDS, ContradictionInfo, Edge, Kind, Node, PageGraph
from kg.vocab import CITO, KG, KG_NS, OWL, PROV, RDF, RDFS, SDO, SKOS, SDOExtra

__all__ = ["fill_claims", "read_graph", "safe_url"]

LABEL_LENGTH = 40
"""The longest canvas label, in characters (longer ones end in an ellipsis)."""

ACTOR_TYPES: tuple[tuple[str, str], ...] = (  # most specific first
    (str(KG.UnnamedGroup), "unnamed group"),
    (str(SDO.Person), "person"),
    (str(SDO.Country), "country"),
    (str(SDO.GovernmentOrganization), "government organisation"),
    (str(SDOExtra.MilitaryOrganization), "military organisation"),
    (str(SDO.NewsMediaOrganization), "news media organisation"),
    (str(SDOExtra.PoliticalParty), "political party"),
    (str(SDO.NGO), "NGO"),
    (str(SDO.Organization), "organisation"),
)
GENRES: tuple[tuple[str, str], ...] = (
    (str(SDO.AnalysisNewsArticle), "analysis"),
    (str(SDO.OpinionNewsArticle), "opinion"),
    (str(SDO.ReportageNewsArticle), "reportage"),
    (str(SDO.Report), "report"),
    (str(SDO.NewsArticle), "news"),
)
NODE_CLASSES: tuple[tuple[Kind, str], ...] = (
    ("claim", str(SDO.Claim)), ("actor", str(PROV.Agent)), ("event", str(SDO.Event)),
    ("source", str(SDO.CreativeWork)),
)
"""The class that makes a node of each kind (articles are what has a schema:headline)."""
RELATIONS: tuple[tuple[str, frozenset[str], frozenset[str], str, bool], ...] = (
    # (predicate, subject kinds, object kinds, edge kind, reversed: object -> subject)
    # an article is the claimant when it speaks in its own voice and names no author or publisher
    (str(PROV.wasAttributedTo), frozenset({"claim"}), frozenset({"actor", "article"}), "claims", True),
    (str(SDO.appearance), frozenset({"claim"}), frozenset({"article"}), "in", False),
    (str(CITO.citesAsEvidence), frozenset({"claim"}), frozenset({"source"}), "cites", False),
    (str(SDO.about), frozenset({"claim"}), frozenset({"actor", "event"}), "about", False),
    (str(KG.rejectsClaimsOf), frozenset({"claim"}), frozenset({"actor"}), "rejects", False),
    (str(KG.participant), frozenset({"event"}), frozenset({"actor"}), "participant", False),
    (str(SDO.publisher), frozenset({"article", "source"}), frozenset({"actor"}), "publisher", False),
    (str(SDO.author), frozenset({"article"}), frozenset({"actor"}), "author", False),
)
EDGE_KINDS = ("claims", "in", "cites", "about", "rejects", "participant", "publisher", "author", "contradicts")
_EDGE_RANK = {kind: rank for rank, kind in enumerate(EDGE_KINDS)}
CLAIM_TERMS = (str(SDO.text), str(KG.claimType), str(KG.modality), str(KG.polarity), str(KG.cue))
"""What a claim's panel shows: its sentence, then the terms :func:`_claim_fields` takes in this order."""

_TYPE, _LABEL, _ALT_LABEL, _SAME_AS = str(RDF.type), str(RDFS.label), str(SKOS.altLabel), str(OWL.sameAs)
_HEADLINE, _NAME, _URL, _DESCRIPTION = str(SDO.headline), str(SDO.name), str(SDO.url), str(SDO.description)
_PUBLISHED, _START, _READ = str(SDO.datePublished), str(SDO.startDate), str(SDO.dateRead)
_STATUS, _EVENT_KIND = str(KG.citationStatus), str(KG.eventKind)
_CONTRADICTION, _CONTRADICTS, _KIND = str(KG.Contradiction), str(KG.contradicts), str(KG.contradictionKind)
_FIRST, _SECOND, _CONFIDENCE, _MODALITY = (
    str(KG.firstClaim), str(KG.secondClaim), str(KG.confidence), str(KG.modalityContrast)
)


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
            for q in self.store.quads_for_pattern(None, ox.NamedNode(_TYPE), ox.NamedNode(cls), None)
            if isinstance(q.subject, ox.NamedNode)
        }


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


def read_graph(store: ox.Store, *, claim_text: bool = True) -> PageGraph:
    """Every article, claim, actor, event and cited source of the built graph, with the page's edges.

    With ``claim_text=False`` claims get only their citation status; :func:`fill_claims` adds the
    rest for the claims a page keeps (a big graph holds far more claims than one page).
    """
    t = _Triples(store)
    kinds: dict[str, Kind] = {}
    for kind, cls in NODE_CLASSES:
        for iri in t.typed(cls):
            kinds.setdefault(iri, kind)
    for iri in t.objects(_HEADLINE):
        kinds.setdefault(iri, "article")
    by_kind: dict[Kind, list[str]] = {kind: [] for kind in KINDS}
    for iri, kind in kinds.items():
        by_kind[kind].append(iri)
    nodes = _nodes(t, [iri for members in by_kind.values() for iri in sorted(members)], kinds, claim_text)
    edges = _edges(t, {iri: node.kind for iri, node in nodes.items()})
    contradictions = _contradictions(t, {iri: node.kind for iri, node in nodes.items()})
    for index, c in enumerate(contradictions):
        edges.append(Edge(c.first, c.second, "contradicts", index))  # one per index: no duplicates
    return PageGraph(nodes=nodes, edges=sorted(edges, key=_edge_order), contradictions=contradictions)


def _nodes(t: _Triples, order: list[str], kinds: dict[str, Kind], claim_text: bool) -> dict[str, Node]:
    """The nodes in page order (by kind, then IRI), with their labels and panel fields."""
    genres = {cls: t.typed(cls) for cls, _ in GENRES}
    actor_types = {cls: t.typed(cls) for cls, _ in ACTOR_TYPES}
    nodes: dict[str, Node] = {}
    for iri in order:
        kind = kinds[iri]
        f: dict[str, Any] = {}
        if kind == "claim":
            f["st"] = status_key(t.first(_STATUS, iri))
            if claim_text:
                _claim_fields(f, *(t.first(term, iri) for term in CLAIM_TERMS))
            label = ""
        elif kind == "article":
            label = t.first(_HEADLINE, iri) or iri
            f["t"] = label
            date = t.first(_PUBLISHED, iri)
            if date:
                f["date"] = date
            f.update(_link_fields(t.first(_URL, iri)))
            genre = next((name for cls, name in GENRES if iri in genres[cls]), None)
            if genre:
                f["genre"] = genre
        elif kind == "actor":
            label = t.first(_LABEL, iri) or iri.rsplit("/", 1)[-1]
            f["t"] = label
            f["ty"] = next((name for cls, name in ACTOR_TYPES if iri in actor_types[cls]), "agent")
            aliases = sorted(set(t.all(_ALT_LABEL, iri)) - {label})
            if aliases:
                f["al"] = aliases
            same = [s for s in t.all(_SAME_AS, iri) if safe_url(s)]
            if same:
                f["wd"] = same[0]
        elif kind == "event":
            label = t.first(_NAME, iri) or iri.rsplit("/", 1)[-1]
            f["t"] = label
            kind_text = t.first(_EVENT_KIND, iri)
            if kind_text:
                f["ty"] = kind_text
            dates = sorted(set(t.all(_START, iri)))
            if dates:
                f["dates"] = dates
        else:  # source
            url = t.first(_URL, iri)
            label = t.first(_NAME, iri) or url or iri.rsplit("/", 1)[-1]
            f["t"] = label
            f.update(_link_fields(url))
            date = t.first(_READ, iri)
            if date:
                f["date"] = date
        nodes[iri] = Node(iri=iri, kind=kind, label=_short(label) if label else "", fields=f)
    return nodes


def _edges(t: _Triples, node_kind: dict[str, Kind]) -> list[Edge]:
    """The edges of :data:`RELATIONS` between nodes of the page, each once."""
    kind_of = node_kind.get
    found: set[tuple[str, str, str]] = set()
    named = ox.NamedNode
    for predicate, subject_kinds, object_kinds, edge_kind, backwards in RELATIONS:
        add = found.add
        for subject, objects in t.objects(predicate).items():
            if kind_of(subject) not in subject_kinds:
                continue
            for obj in objects:
                if type(obj) is named:
                    target = obj.value
                    if kind_of(target) in object_kinds:
                        add((target, subject, edge_kind) if backwards else (subject, target, edge_kind))
    return [Edge(source, target, kind) for source, target, kind in found]


def _contradictions(t: _Triples, node_kind: dict[str, Kind]) -> list[ContradictionInfo]:
    """Every kg:Contradiction between two claims, then each kg:contradicts pair no such node explains."""
    kind_of = node_kind.get
    contradictions: list[ContradictionInfo] = []
    paired: set[frozenset[str]] = set()
    for iri in sorted(t.typed(_CONTRADICTION)):
        first, second = t.first(_FIRST, iri), t.first(_SECOND, iri)
        if not first or not second or kind_of(first) != "claim" or kind_of(second) != "claim":
            continue
        kind_iri = t.first(_KIND, iri) or ""
        contradictions.append(ContradictionInfo(
            iri=compact_iri(iri), first=first, second=second,
            kind=kind_iri[len(KG_NS):] if kind_iri.startswith(KG_NS) else "",
            explanation=t.first(_DESCRIPTION, iri) or "",
            confidence=t.first(_CONFIDENCE, iri),
            modality=t.first(_MODALITY, iri),
        ))
        paired.add(frozenset((first, second)))
    for subject, objects in sorted(t.objects(_CONTRADICTS).items()):
        for obj in objects:  # kg:contradicts without a kg:Contradiction node that explains it
            pair = frozenset((subject, _value(obj)))
            if kind_of(subject) == "claim" and kind_of(_value(obj)) == "claim" and pair not in paired:
                paired.add(pair)
                first, second = sorted(pair) if len(pair) == 2 else (subject, subject)
                contradictions.append(ContradictionInfo(
                    iri="", first=first, second=second, kind="", explanation="", confidence=None, modality=None
                ))
    return contradictions


def _claim_fields(
    f: dict[str, Any], text: str | None, claim_type: str | None, modality: str | None, polarity: str | None,
    cue: str | None,
) -> None:
    f["t"] = text or ""
    for key, value in (("ty", claim_type), ("mo", modality), ("po", polarity)):
        label = term_label(value)
        if label:
            f[key] = label
    if cue:
        f["cue"] = cue


def fill_claims(store: ox.Store, graph: PageGraph) -> None:
    """Give the claims of ``graph`` read with ``claim_text=False`` their sentence and labels (one lookup each)."""
    wanted = {term: slot for slot, term in enumerate(CLAIM_TERMS)}
    for iri, node in graph.nodes.items():
        if node.kind != "claim" or "t" in node.fields:
            continue
        values: list[str | None] = [None] * len(wanted)
        for quad in store.quads_for_pattern(ox.NamedNode(iri), None, None, None):
            slot = wanted.get(quad.predicate.value)
            if slot is not None and (values[slot] is None or _value(quad.object) < str(values[slot])):
                values[slot] = _value(quad.object)
        _claim_fields(node.fields, *values)


def _edge_order(edge: Edge) -> tuple[int, str, str, int]:
    index = -1 if edge.contradiction is None else edge.contradiction
    return (_EDGE_RANK[edge.kind], edge.source, edge.target, index)


