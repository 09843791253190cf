"""build: Corpus -> quads. The only module that makes triples.

Stage contract: takes the resolved records of :mod:`kg.models` and yields quads
``(subject, predicate, object, graph)`` of rdflib terms; nothing is written here (:mod:`kg.export`
serialises). Every IRI comes from :mod:`kg.iris` and every term (and the table from a record's codes
to terms) from :mod:`kg.vocab`, so the same records always give the same quads. The records hold all
it needs: a source's publisher is the actor :func:`kg.resolve.resolve` put on it.

Named graphs (each subject's triples live in exactly one graph; only ``kg:contradicts`` edges,
whose subjects are claims, sit in the analysis graph):

* ``iris.article_graph(id)``: the article node, its claims, their anchors, date statements,
  quantities and stances, and the article's citation nodes;
* ``iris.ENTITIES_GRAPH``: merged actors (authors, publishers and unnamed groups included), events, sources;
* ``iris.ANALYSIS_GRAPH``: ``kg:Contradiction`` nodes and ``kg:contradicts`` in both directions, and
  ``kg:ClaimCluster`` nodes (the same claim in several articles);
* ``iris.BUILD_GRAPH``: the build activity and the software agent.

The mapping is the public contract analysts query; ontology/README.md documents it.
"""

from __future__ import annotations

import functools
import itertools
import logging
import math
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from decimal import Decimal

from rdflib import Literal, URIRef

from kg import iris, vocab
from kg.models import (
    Actor,
    Citation,
    Claim,
    ClaimCluster,
    Contradiction,
    Corpus,
    DateValue,
    Event,
    Extraction,
    Source,
    Span,
)
from kg.vocab import (
    ACTOR_TYPES,
    CITATION_STATUS,
    CLAIM_TYPE,
    CONTRADICTION_KIND,
    DATE_TYPES,
    GENRE_TYPES,
    MODALITY,
    POLARITY,
)

logger = logging.getLogger(__name__)

__all__ = [
    "ANCHOR_CONTEXT",
    "ArticleContext",
    "ArticleGraphContext",
    "Quad",
    "actor_quads",
    "anchor_quads",
    "article_context",
    "article_graph",
    "article_graph_quads",
    "article_order",
    "article_quads",
    "build_activity_iri",
    "build_activity_quads",
    "citation_quads",
    "claim_iri_from_uid",
    "claim_quads",
    "cluster_quads",
    "contradiction_quads",
    "corpus_digest",
    "cross_article_graphs",
    "entity_quads",
    "event_quads",
    "extraction_quads",
    "iter_graphs",
    "source_quads",
]

Quad = tuple[URIRef, URIRef, URIRef | Literal, URIRef]
"""(subject, predicate, object, named graph)."""


class _Terms:
    """A namespace whose terms are looked up (and checked) once, then read as plain attributes.

    rdflib's namespace attribute access costs about 2 µs; the build makes millions of quads.
    """

    def __init__(self, namespace: object) -> None:
        self._namespace = namespace

    def __getattr__(self, name: str) -> URIRef:
        term = URIRef(getattr(self._namespace, name))
        setattr(self, name, term)
        return term

    def __getitem__(self, name: str) -> URIRef:
        return URIRef(self._namespace[name])  # type: ignore[index]


CITO, KG, OA, OWL, PROV, RDF, RDFS, SDO, SKOS, WD, XSD = (
    _Terms(ns)
    for ns in (
        vocab.CITO,
        vocab.KG,
        vocab.OA,
        vocab.OWL,
        vocab.PROV,
        vocab.RDF,
        vocab.RDFS,
        vocab.SDO,
        vocab.SKOS,
        vocab.WD,
        vocab.XSD,
    )
)


ANCHOR_CONTEXT = 32
"""Characters of context kept as oa:prefix / oa:suffix around an anchored span."""


# ----------------------------------------------------------------------------------------------
# Literals: lexical forms are made here, so the bytes written do not depend on rdflib's normalising.


@functools.lru_cache(maxsize=4096)
def date_literal(date: DateValue) -> Literal:
    """A date typed to the precision the text gives: xsd:date, xsd:gYearMonth or xsd:gYear."""
    return Literal(date.value, datatype=DATE_TYPES[date.precision])


@functools.lru_cache(maxsize=4096)
def decimal_literal(value: float, places: int | None = 3) -> Literal:
    """An xsd:decimal in canonical form (no exponent, at least one digit after the point).

    >>> str(decimal_literal(0.66666)), str(decimal_literal(1.0)), str(decimal_literal(2.5e9, None))
    ('0.667', '1.0', '2500000000.0')
    """
    if not math.isfinite(value):
        raise ValueError(f"{value!r} is not a finite number")
    number = Decimal(repr(value))
    if places is not None:
        number = round(number, places)
    text = format(number, "f")
    if "." in text:
        text = text.rstrip("0")
        text = text + "0" if text.endswith(".") else text
    else:
        text += ".0"
    if text == "-0.0":
        text = "0.0"
    return Literal(text, datatype=XSD.decimal)


@functools.lru_cache(maxsize=1 << 17)
def _count(value: int) -> Literal:
    return Literal(str(value), datatype=XSD.nonNegativeInteger)


# ----------------------------------------------------------------------------------------------
# Per-article records


@dataclass(frozen=True)
class ArticleContext:
    """What the claim and citation generators need to know about their article."""

    article_id: str
    body: str
    node: URIRef
    graph: URIRef
    voice: tuple[URIRef, ...]
    """Who an unattributed claim is attributed to: the authors, else the publisher, else the article."""
    actor_keys: frozenset[str]
    event_keys: frozenset[str]
    shared_citation_spans: frozenset[tuple[int, int]] = field(default_factory=frozenset)


def article_context(
    extraction: Extraction, actor_keys: Iterable[str] = (), event_keys: Iterable[str] = ()
) -> ArticleContext:
    """The context of one extraction; ``actor_keys``/``event_keys`` add corpus-wide keys for lookups."""
    article = extraction.article
    node = iris.article_iri(article.id)
    if extraction.authors:
        voice = tuple(iris.actor_iri(key) for key in extraction.authors)
    elif extraction.publisher:
        voice = (iris.actor_iri(extraction.publisher),)
    else:
        voice = (node,)
    spans: dict[tuple[int, int], int] = {}
    for citation in extraction.citations:
        where = (citation.span.start, citation.span.end)
        spans[where] = spans.get(where, 0) + 1
    return ArticleContext(
        article_id=article.id,
        body=article.body,
        node=node,
        graph=iris.article_graph(article.id),
        voice=voice,
        actor_keys=frozenset(a.key for a in extraction.actors) | frozenset(actor_keys),
        event_keys=frozenset(e.key for e in extraction.events) | frozenset(event_keys),
        shared_citation_spans=frozenset(where for where, n in spans.items() if n > 1),
    )


def article_quads(extraction: Extraction, activity: URIRef) -> Iterator[Quad]:
    """The article node: types, headline, url, authors, publisher, date, language, body, provenance."""
    article = extraction.article
    node = iris.article_iri(article.id)
    g = iris.article_graph(article.id)
    for rdf_type in GENRE_TYPES[article.genre]:
        yield node, RDF.type, rdf_type, g
    yield node, SDO.headline, Literal(article.headline), g
    url = iris.url_iri(article.url) if article.url else None
    if url is not None:
        yield node, SDO.url, url, g
    for key in extraction.authors:
        yield node, SDO.author, iris.actor_iri(key), g
    if extraction.publisher:
        yield node, SDO.publisher, iris.actor_iri(extraction.publisher), g
    if article.published:
        yield node, SDO.datePublished, date_literal(article.published), g
    if article.language:
        yield node, SDO.inLanguage, Literal(article.language), g
    yield node, SDO.articleBody, Literal(article.body), g
    yield node, PROV.wasGeneratedBy, activity, g


def anchor_quads(owner: URIRef, ctx: ArticleContext, span: Span) -> Iterator[Quad]:
    """A Web Annotation anchor for ``owner``: the span's position and quote in the article body."""
    g = ctx.graph
    anchor = iris.part_iri(owner, "anchor")
    position = iris.part_iri(owner, "anchor", "position")
    quote = iris.part_iri(owner, "anchor", "quote")
    body = ctx.body
    yield owner, KG.textAnchor, anchor, g
    yield anchor, RDF.type, OA.SpecificResource, g
    yield anchor, OA.hasSource, ctx.node, g
    yield anchor, OA.hasSelector, position, g
    yield anchor, OA.hasSelector, quote, g
    yield position, RDF.type, OA.TextPositionSelector, g
    yield position, OA.start, _count(span.start), g
    yield position, OA.end, _count(span.end), g
    yield quote, RDF.type, OA.TextQuoteSelector, g
    yield quote, OA.exact, Literal(body[span.start : span.end]), g
    prefix = body[max(0, span.start - ANCHOR_CONTEXT) : span.start]
    suffix = body[span.end : span.end + ANCHOR_CONTEXT]
    if prefix:
        yield quote, OA.prefix, Literal(prefix), g
    if suffix:
        yield quote, OA.suffix, Literal(suffix), g


def _about_iri(key: str, ctx: ArticleContext, claim: Claim) -> URIRef | None:
    if key in ctx.actor_keys:
        return iris.actor_iri(key)
    if key in ctx.event_keys:
        return iris.event_iri(key)
    logger.warning("claim %s: schema:about %r is neither an actor nor an event; left out", claim.uid, key)
    return None


def claim_quads(claim: Claim, ctx: ArticleContext) -> Iterator[Quad]:
    """A claim with its attribution, what it is about, citations, labels, anchor and parts."""
    g = ctx.graph
    node = iris.claim_iri(claim.article_id, claim.span.start, claim.span.end)
    yield node, RDF.type, SDO.Claim, g
    yield node, SDO.text, Literal(claim.text), g
    yield node, SDO.appearance, iris.article_iri(claim.article_id), g
    if claim.claimant is not None:
        yield node, PROV.wasAttributedTo, iris.actor_iri(claim.claimant), g
    else:
        for voice in ctx.voice:
            yield node, PROV.wasAttributedTo, voice, g
    for key in claim.about:
        about = _about_iri(key, ctx, claim)
        if about is not None:
            yield node, SDO.about, about, g
    for key in claim.cites:
        yield node, CITO.citesAsEvidence, iris.source_iri(key), g
    yield node, KG.citationStatus, CITATION_STATUS[claim.citation_status], g
    yield node, KG.claimType, CLAIM_TYPE[claim.claim_type], g
    yield node, KG.polarity, POLARITY[claim.polarity], g
    yield node, KG.modality, MODALITY[claim.modality], g
    if claim.cue:
        yield node, KG.cue, Literal(claim.cue), g
    yield node, KG.confidence, decimal_literal(claim.confidence), g
    yield node, KG.attributionConfidence, decimal_literal(claim.attribution_confidence), g
    if claim.rebuttal is not None:
        yield node, KG.rejectsClaimsOf, iris.actor_iri(claim.rebuttal.target), g
    yield from anchor_quads(node, ctx, claim.span)
    for i, statement in enumerate(claim.dates):
        part = iris.part_iri(node, "date", str(i))
        yield node, KG.hasDateStatement, part, g
        yield part, RDF.type, KG.DateStatement, g
        yield part, KG.event, iris.event_iri(statement.event), g
        yield part, KG.statedDate, date_literal(statement.date), g
    for i, quantity in enumerate(claim.quantities):
        if not math.isfinite(quantity.value):
            logger.warning("claim %s: quantity %r is not a finite number; left out", claim.uid, quantity.value)
            continue
        part = iris.part_iri(node, "quantity", str(i))
        yield node, KG.statesQuantity, part, g
        yield part, RDF.type, SDO.QuantitativeValue, g
        yield part, SDO.value, decimal_literal(quantity.value, None), g
        if quantity.low is not None:
            yield part, SDO.minValue, decimal_literal(quantity.low, None), g
        if quantity.high is not None:
            yield part, SDO.maxValue, decimal_literal(quantity.high, None), g
        if quantity.unit:
            yield part, SDO.unitText, Literal(quantity.unit), g
            yield part, SDO.unitCode, vocab.unit_iri(quantity.unit), g
        if quantity.measure:
            yield part, SDO.name, Literal(quantity.measure), g
    for i, stance in enumerate(claim.stances):
        part = iris.part_iri(node, "stance", str(i))
        yield node, KG.hasStance, part, g
        yield part, RDF.type, KG.Stance, g
        yield part, KG.issue, Literal(stance.issue), g
        yield part, KG.position, Literal(stance.position), g


def citation_quads(citation: Citation, ctx: ArticleContext) -> Iterator[Quad]:
    """A cito:Citation from the article to a source, anchored at the marker or link text.

    Its IRI is ``<article>/citation/<start>-<end>``; when several citations share a span (one
    marker for two sources) the source key is appended to keep them apart.
    """
    g = ctx.graph
    where = f"{citation.span.start}-{citation.span.end}"
    if (citation.span.start, citation.span.end) in ctx.shared_citation_spans:
        node = iris.part_iri(ctx.node, "citation", where, citation.source)
    else:
        node = iris.part_iri(ctx.node, "citation", where)
    yield node, RDF.type, CITO.Citation, g
    yield node, CITO.hasCitingEntity, ctx.node, g
    yield node, CITO.hasCitedEntity, iris.source_iri(citation.source), g
    yield node, CITO.hasCitationCharacterization, CITO.citesAsEvidence, g
    yield from anchor_quads(node, ctx, citation.span)


def extraction_quads(
    extraction: Extraction, activity: URIRef, actor_keys: Iterable[str] = (), event_keys: Iterable[str] = ()
) -> Iterator[Quad]:
    """Everything one article contributes to its own named graph."""
    ctx = article_context(extraction, actor_keys, event_keys)
    yield from article_quads(extraction, activity)
    for claim in extraction.claims:
        yield from claim_quads(claim, ctx)
    for citation in extraction.citations:
        yield from citation_quads(citation, ctx)


# ----------------------------------------------------------------------------------------------
# Cross-article records


def actor_quads(actor: Actor) -> Iterator[Quad]:
    """An actor: its schema.org (or kg) types, prov:Agent, label, aliases, Wikidata link, confidence."""
    g = iris.ENTITIES_GRAPH
    node = iris.actor_iri(actor.key)
    for rdf_type in ACTOR_TYPES[actor.kind]:
        yield node, RDF.type, rdf_type, g
    yield node, RDF.type, PROV.Agent, g
    yield node, RDFS.label, Literal(actor.label), g
    for alias in actor.aliases:
        yield node, SKOS.altLabel, Literal(alias), g
    if actor.wikidata:
        yield node, OWL.sameAs, WD[actor.wikidata], g
    yield node, KG.confidence, decimal_literal(actor.confidence), g


def event_quads(event: Event) -> Iterator[Quad]:
    """An event: name, one schema:startDate per distinct date, kind, participants."""
    g = iris.ENTITIES_GRAPH
    node = iris.event_iri(event.key)
    yield node, RDF.type, SDO.Event, g
    yield node, SDO.name, Literal(event.name), g
    for date in event.dates:
        yield node, SDO.startDate, date_literal(date), g
    yield node, KG.eventKind, Literal(event.kind), g
    for key in event.participants:
        yield node, KG.participant, iris.actor_iri(key), g


def source_quads(source: Source) -> Iterator[Quad]:
    """A cited source: schema:CreativeWork with url, name, publisher (the actor ``publisher_key`` names) and
    access date.

    A URL that cannot be made an IRI is left out; if the source then has no name, the URL text
    becomes its ``schema:name`` so the node still says what was cited.
    """
    g = iris.ENTITIES_GRAPH
    node = iris.source_iri(source.key)
    yield node, RDF.type, SDO.CreativeWork, g
    url = iris.url_iri(source.url) if source.url else None
    if url is not None:
        yield node, SDO.url, url, g
    name = source.name or (source.url if url is None else None)
    if name:
        yield node, SDO.name, Literal(name), g
    if source.publisher_key is not None:
        yield node, SDO.publisher, iris.actor_iri(source.publisher_key), g
    if source.accessed is not None:
        yield node, SDO.dateRead, date_literal(source.accessed), g


def entity_quads(corpus: Corpus) -> Iterator[Quad]:
    """The entities graph: every merged actor, event and source."""
    for actor in corpus.actors:
        yield from actor_quads(actor)
    for event in corpus.events:
        yield from event_quads(event)
    for source in corpus.sources:
        yield from source_quads(source)


_UID = re.compile(r"^(?P<article>[^/]+)/(?P<start>\d+)-(?P<end>\d+)$")


def claim_iri_from_uid(uid: str) -> URIRef:
    """The IRI of the claim with ``Claim.uid`` ``<article id>/<start>-<end>``."""
    m = _UID.match(uid)
    if not m:
        raise ValueError(f"{uid!r} is not a claim uid (<article id>/<start>-<end>)")
    return iris.claim_iri(m["article"], int(m["start"]), int(m["end"]))


def contradiction_quads(contradiction: Contradiction) -> Iterator[Quad]:
    """A kg:Contradiction node and ``kg:contradicts`` between its claims, both ways."""
    g = iris.ANALYSIS_GRAPH
    node = iris.contradiction_iri(contradiction.kind, contradiction.claim_a, contradiction.claim_b)
    first = claim_iri_from_uid(contradiction.claim_a)
    second = claim_iri_from_uid(contradiction.claim_b)
    yield node, RDF.type, KG.Contradiction, g
    yield node, KG.contradictionKind, CONTRADICTION_KIND[contradiction.kind], g
    yield node, KG.firstClaim, first, g
    yield node, KG.secondClaim, second, g
    yield node, SDO.description, Literal(contradiction.explanation), g
    yield node, KG.confidence, decimal_literal(contradiction.confidence), g
    if contradiction.modality:
        yield node, KG.modalityContrast, Literal(contradiction.modality), g
    if contradiction.compared:
        yield node, KG.compared, Literal(contradiction.compared), g
    if contradiction.others:
        yield node, KG.otherPairs, _count(contradiction.others), g
    yield first, KG.contradicts, second, g
    yield second, KG.contradicts, first, g
    for uid_a, uid_b in contradiction.pairs:  # other claims saying the same disagreement contradict too
        other_a, other_b = claim_iri_from_uid(uid_a), claim_iri_from_uid(uid_b)
        yield other_a, KG.contradicts, other_b, g
        yield other_b, KG.contradicts, other_a, g


def cluster_quads(cluster: ClaimCluster) -> Iterator[Quad]:
    """A kg:ClaimCluster node: its member claims, how many articles assert it and how many cite a source."""
    g = iris.ANALYSIS_GRAPH
    node = iris.cluster_iri(cluster.key)
    yield node, RDF.type, KG.ClaimCluster, g
    yield node, SDO.text, Literal(cluster.text), g
    yield node, KG.articleCount, _count(cluster.articles), g
    yield node, KG.citingArticleCount, _count(cluster.citing), g
    for uid in cluster.claims:
        yield node, KG.memberClaim, claim_iri_from_uid(uid), g


# ----------------------------------------------------------------------------------------------
# Build provenance


def corpus_digest(corpus: Corpus, version: str) -> str:
    """A digest of every article's input hash, the extractors used and the kg version."""
    hashes = sorted(e.article.sha256 for e in corpus.extractions)
    extractors = sorted({e.extractor for e in corpus.extractions})
    return iris.digest(version, *extractors, *hashes)


def build_activity_iri(corpus: Corpus, version: str) -> URIRef:
    return iris.build_iri(corpus_digest(corpus, version))


def build_activity_quads(activity: URIRef, version: str) -> Iterator[Quad]:
    """The build activity and the kg software agent (no timestamps: outputs stay byte-identical)."""
    g = iris.BUILD_GRAPH
    software = iris.software_iri(version)
    yield activity, RDF.type, PROV.Activity, g
    yield activity, PROV.wasAssociatedWith, software, g
    yield software, RDF.type, PROV.SoftwareAgent, g
    yield software, SDO.softwareVersion, Literal(version), g
    yield software, RDFS.label, Literal(f"kg {version}"), g


# ----------------------------------------------------------------------------------------------
# The whole corpus, graph by graph

_DIGITS = re.compile(r"(\d+)")


def _natural(text: str) -> tuple[str | int, ...]:
    """Sort key that orders ``claim/a/9-20`` before ``claim/a/10-20`` (numbers compared as numbers)."""
    return tuple(int(p) if i % 2 else p for i, p in enumerate(_DIGITS.split(text)))


def sort_quads(quads: Iterable[Quad]) -> list[Quad]:
    """Duplicate-free, in a fixed order: by subject (numbers in IRIs compared as numbers), rdf:type
    first, then predicate and object. The order does not depend on the hash seed."""
    subject_keys: dict[str, tuple[str | int, ...]] = {}
    rdf_type = str(RDF.type)

    def key(q: Quad) -> tuple[object, ...]:
        s, p, o, _ = q
        sk = subject_keys.get(s)
        if sk is None:
            sk = subject_keys[s] = _natural(s)
        if type(o) is Literal:
            return (
                sk,
                not str.__eq__(p, rdf_type),
                str(p),
                1,
                str(o),
                str(o.datatype or ""),
                o.language or "",
            )
        return (sk, not str.__eq__(p, rdf_type), str(p), 0, str(o), "", "")

    return sorted(set(quads), key=key)


def cross_article_graphs(corpus: Corpus, version: str) -> Iterator[tuple[URIRef, list[Quad]]]:
    """The build graph, the entities graph and (when there are contradictions or claim clusters) the analysis
    graph."""
    activity = build_activity_iri(corpus, version)
    yield iris.BUILD_GRAPH, sort_quads(build_activity_quads(activity, version))
    yield iris.ENTITIES_GRAPH, sort_quads(entity_quads(corpus))
    if corpus.contradictions or corpus.clusters:
        analysis = itertools.chain(
            (q for c in corpus.contradictions for q in contradiction_quads(c)),
            (q for c in corpus.clusters for q in cluster_quads(c)),
        )
        yield iris.ANALYSIS_GRAPH, sort_quads(analysis)


@dataclass(frozen=True)
class ArticleGraphContext:
    """What one article's graph needs from the whole corpus (small, so worker processes can get it)."""

    activity: str
    actor_keys: frozenset[str]
    event_keys: frozenset[str]

    @classmethod
    def of(cls, corpus: Corpus, version: str) -> ArticleGraphContext:
        return cls(
            activity=str(build_activity_iri(corpus, version)),
            actor_keys=frozenset(a.key for a in corpus.actors),
            event_keys=frozenset(e.key for e in corpus.events),
        )


def article_graph_quads(extraction: Extraction, context: ArticleGraphContext) -> list[Quad]:
    """One article's named graph as a sorted list of quads (depends on that article and ``context`` only)."""
    activity = URIRef(context.activity)
    return sort_quads(extraction_quads(extraction, activity, context.actor_keys, context.event_keys))


def article_graph(extraction: Extraction, context: ArticleGraphContext) -> tuple[URIRef, list[Quad]]:
    """One article's named graph: its name and its sorted quads."""
    return iris.article_graph(extraction.article.id), article_graph_quads(extraction, context)


def article_order(corpus: Corpus) -> list[Extraction]:
    """The extractions in the order their graphs are written: by article id."""
    return sorted(corpus.extractions, key=lambda e: e.article.id)


def iter_graphs(corpus: Corpus, version: str) -> Iterator[tuple[URIRef, list[Quad]]]:
    """Every named graph, in output order, as a sorted list of quads.

    Order: the build graph, the entities graph, the analysis graph (when there are contradictions),
    then one graph per article by article id. One article's quads are made only when its graph is
    reached, so a caller that writes each graph before asking for the next holds one at a time.
    """
    yield from cross_article_graphs(corpus, version)
    context = ArticleGraphContext.of(corpus, version)
    for extraction in article_order(corpus):
        yield article_graph(extraction, context)
