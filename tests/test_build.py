"""build: each generator's quads for hand-made records."""

from __future__ import annotations

import itertools
import typing
from collections.abc import Callable

import pytest
from rdflib import Literal, URIRef

from kg import build, iris
from kg.build import Quad
from kg.models import (
    Actor,
    Article,
    Citation,
    Claim,
    Contradiction,
    Corpus,
    DateStatement,
    DateValue,
    Event,
    Extraction,
    Quantity,
    Rebuttal,
    Source,
    Span,
    Stance,
)
from kg.vocab import CITO, DATA_NS, KG, OA, OWL, PROV, RDF, RDFS, SDO, SKOS, XSD
from tests.conftest import make_article, make_claim

A = iris.article_iri("a1")
G = iris.article_graph("a1")
E = iris.ENTITIES_GRAPH
ACTIVITY = iris.build_iri("0123456789abcdef")


def triples(quads: typing.Iterable[Quad]) -> set[tuple[object, object, object]]:
    return {(s, p, o) for s, p, o, _ in quads}


@pytest.mark.parametrize(
    ("value", "places", "lexical"),
    [
        (0.5, 3, "0.5"),
        (0.66666, 3, "0.667"),
        (1.0, 3, "1.0"),
        (0.0, 3, "0.0"),
        (-0.0001, 3, "0.0"),
        (2.5e9, None, "2500000000.0"),
        (1e-7, None, "0.0000001"),
        (32, None, "32.0"),
    ],
)
def test_build_decimal_literal_is_canonical(value: float, places: int | None, lexical: str) -> None:
    literal = build.decimal_literal(value, places)
    assert str(literal) == lexical
    assert literal.datatype == XSD.decimal


def test_build_decimal_literal_refuses_non_finite() -> None:
    with pytest.raises(ValueError, match="not a finite number"):
        build.decimal_literal(float("nan"))


@pytest.mark.parametrize(
    ("value", "precision", "datatype"),
    [("2024-02-24", "day", XSD.date), ("2024-02", "month", XSD.gYearMonth), ("2024", "year", XSD.gYear)],
)
def test_build_date_literal_is_typed_by_precision(value: str, precision: str, datatype: URIRef) -> None:
    date = DateValue.model_validate({"value": value, "precision": precision})
    assert build.date_literal(date) == Literal(value, datatype=datatype)


def test_build_article_quads(article: Article) -> None:
    extraction = Extraction(article=article, authors=("jane-doe",), publisher="example-news", extractor="t")
    quads = list(build.article_quads(extraction, ACTIVITY))
    assert {q[3] for q in quads} == {G}
    assert triples(quads) == {
        (A, RDF.type, SDO.NewsArticle),
        (A, SDO.headline, Literal("NATO grows")),
        (A, SDO.url, URIRef("https://news.example.org/a1")),
        (A, SDO.author, iris.actor_iri("jane-doe")),
        (A, SDO.publisher, iris.actor_iri("example-news")),
        (A, SDO.datePublished, Literal("2024-03-01", datatype=XSD.date)),
        (A, SDO.inLanguage, Literal("en")),
        (A, SDO.articleBody, Literal(article.body)),
        (A, PROV.wasGeneratedBy, ACTIVITY),
    }


@pytest.mark.parametrize(
    ("genre", "types"),
    [
        ("NewsArticle", {"NewsArticle"}),
        ("AnalysisNewsArticle", {"NewsArticle", "AnalysisNewsArticle"}),
        ("OpinionNewsArticle", {"NewsArticle", "OpinionNewsArticle"}),
        ("Report", {"Report", "Article"}),
    ],
)
def test_build_article_types_follow_genre(genre: str, types: set[str]) -> None:
    extraction = Extraction(article=make_article(genre=genre, url=None, published=None, language=None), extractor="t")
    found = {o for _, p, o, _ in build.article_quads(extraction, ACTIVITY) if p == RDF.type}
    assert found == {URIRef(str(SDO) + t) for t in types}


def test_build_article_with_malformed_url_keeps_an_encoded_iri() -> None:
    extraction = Extraction(article=make_article(url="https://example.org/a b<c>"), extractor="t")
    urls = [o for _, p, o, _ in build.article_quads(extraction, ACTIVITY) if p == SDO.url]
    assert urls == [URIRef("https://example.org/a%20b%3Cc%3E")]


def test_build_claim_quads_full(article: Article, claim_factory: Callable[..., Claim]) -> None:
    anchor = '"We are ready," he said.[1]'
    claim = claim_factory(
        anchor,
        text="We are ready.",
        claim_type="quote",
        claimant="jens-stoltenberg",
        citation_status="cited",
        polarity="negated",
        modality="hedged",
        cue="said",
        about=("nato", "expansion", "unknown"),
        cites=("report",),
        confidence=0.66666,
        attribution_confidence=0.9,
        dates=(DateStatement(event="expansion", date=DateValue(value="2026", precision="year")),),
        quantities=(Quantity(value=2.0, unit="%", measure="GDP", span=Span(start=0, end=4, text="Jens")),),
        stances=(Stance(issue="enlargement", position="for", cue="will grow"),),
        rebuttal=Rebuttal(target="russia", cue="rejected"),
    )
    extraction = Extraction(
        article=article,
        claims=(claim,),
        extractor="t",
        actors=(Actor(key="nato", label="NATO", kind="Organization"),),
        events=(Event(key="expansion", kind="enlargement", name="NATO enlargement"),),
    )
    ctx = build.article_context(extraction)
    quads = list(build.claim_quads(claim, ctx))
    c = iris.claim_iri("a1", claim.span.start, claim.span.end)
    anchor_node = iris.part_iri(c, "anchor")
    position = iris.part_iri(c, "anchor", "position")
    quote = iris.part_iri(c, "anchor", "quote")
    date = iris.part_iri(c, "date", "0")
    quantity = iris.part_iri(c, "quantity", "0")
    stance = iris.part_iri(c, "stance", "0")
    body = article.body
    start, end = claim.span.start, claim.span.end
    assert {q[3] for q in quads} == {G}
    assert triples(quads) == {
        (c, RDF.type, SDO.Claim),
        (c, SDO.text, Literal("We are ready.")),
        (c, SDO.appearance, A),
        (c, PROV.wasAttributedTo, iris.actor_iri("jens-stoltenberg")),
        (c, SDO.about, iris.actor_iri("nato")),
        (c, SDO.about, iris.event_iri("expansion")),
        (c, CITO.citesAsEvidence, iris.source_iri("report")),
        (c, KG.citationStatus, KG.Cited),
        (c, KG.claimType, KG.Quote),
        (c, KG.polarity, KG.Negated),
        (c, KG.modality, KG.Hedged),
        (c, KG.cue, Literal("said")),
        (c, KG.confidence, Literal("0.667", datatype=XSD.decimal)),
        (c, KG.attributionConfidence, Literal("0.9", datatype=XSD.decimal)),
        (c, KG.rejectsClaimsOf, iris.actor_iri("russia")),
        (c, KG.textAnchor, anchor_node),
        (anchor_node, RDF.type, OA.SpecificResource),
        (anchor_node, OA.hasSource, A),
        (anchor_node, OA.hasSelector, position),
        (anchor_node, OA.hasSelector, quote),
        (position, RDF.type, OA.TextPositionSelector),
        (position, OA.start, Literal(str(start), datatype=XSD.nonNegativeInteger)),
        (position, OA.end, Literal(str(end), datatype=XSD.nonNegativeInteger)),
        (quote, RDF.type, OA.TextQuoteSelector),
        (quote, OA.exact, Literal(anchor)),
        (quote, OA.prefix, Literal(body[start - 32 : start])),
        (quote, OA.suffix, Literal(body[end : end + 32])),
        (c, KG.hasDateStatement, date),
        (date, RDF.type, KG.DateStatement),
        (date, KG.event, iris.event_iri("expansion")),
        (date, KG.statedDate, Literal("2026", datatype=XSD.gYear)),
        (c, KG.statesQuantity, quantity),
        (quantity, RDF.type, SDO.QuantitativeValue),
        (quantity, SDO.value, Literal("2.0", datatype=XSD.decimal)),
        (quantity, SDO.unitText, Literal("%")),
        (quantity, SDO.unitCode, URIRef("http://qudt.org/vocab/unit/PERCENT")),
        (quantity, SDO.name, Literal("GDP")),
        (c, KG.hasStance, stance),
        (stance, RDF.type, KG.Stance),
        (stance, KG.issue, Literal("enlargement")),
        (stance, KG.position, Literal("for")),
    }


@pytest.mark.parametrize(
    ("authors", "publisher", "voice"),
    [
        (("jane-doe", "john-roe"), "example-news", {"actor/jane-doe", "actor/john-roe"}),
        ((), "example-news", {"actor/example-news"}),
        ((), None, {"article/a1"}),
    ],
    ids=["authors", "publisher", "article"],
)
def test_build_unattributed_claim_speaks_with_the_article_voice(
    article: Article, authors: tuple[str, ...], publisher: str | None, voice: set[str]
) -> None:
    claim = make_claim(article, "Jens Stoltenberg said NATO will grow.")
    extraction = Extraction(article=article, authors=authors, publisher=publisher, claims=(claim,), extractor="t")
    found = {
        o for _, p, o, _ in build.claim_quads(claim, build.article_context(extraction)) if p == PROV.wasAttributedTo
    }
    assert found == {URIRef(DATA_NS + v) for v in voice}


def test_build_minimal_claim_has_no_optional_quads(article: Article) -> None:
    claim = make_claim(article, "Jens Stoltenberg said NATO will grow.")
    ctx = build.article_context(Extraction(article=article, claims=(claim,), extractor="t"))
    predicates = {p for s, p, _, _ in build.claim_quads(claim, ctx) if s == iris.claim_iri("a1", 0, 37)}
    assert predicates == {
        RDF.type,
        SDO.text,
        SDO.appearance,
        PROV.wasAttributedTo,
        KG.citationStatus,
        KG.claimType,
        KG.polarity,
        KG.modality,
        KG.confidence,
        KG.attributionConfidence,
        KG.textAnchor,
    }
    quote = iris.part_iri(iris.claim_iri("a1", 0, 37), "anchor", "quote")
    quote_predicates = {p for s, p, _, _ in build.claim_quads(claim, ctx) if s == quote}
    assert OA.prefix not in quote_predicates  # the claim starts the body: no empty prefix
    assert OA.suffix in quote_predicates


def test_build_citation_quads(article: Article) -> None:
    span = Span(start=article.body.index("[1]"), end=article.body.index("[1]") + 3, text="[1]")
    citation = Citation(source="report", span=span, marker="1")
    ctx = build.article_context(Extraction(article=article, citations=(citation,), extractor="t"))
    quads = list(build.citation_quads(citation, ctx))
    node = iris.part_iri(A, "citation", f"{span.start}-{span.end}")
    got = triples(quads)
    assert {
        (node, RDF.type, CITO.Citation),
        (node, CITO.hasCitingEntity, A),
        (node, CITO.hasCitedEntity, iris.source_iri("report")),
        (node, CITO.hasCitationCharacterization, CITO.citesAsEvidence),
        (node, KG.textAnchor, iris.part_iri(node, "anchor")),
        (iris.part_iri(node, "anchor", "quote"), OA.exact, Literal("[1]")),
    } <= got
    assert len(got) == 4 + 12  # the citation node and its anchor


def test_build_citations_sharing_a_span_get_distinct_nodes(article: Article) -> None:
    span = Span(start=article.body.index("[1]"), end=article.body.index("[1]") + 3, text="[1]")
    citations = (Citation(source="one", span=span), Citation(source="two", span=span))
    ctx = build.article_context(Extraction(article=article, citations=citations, extractor="t"))
    nodes = {s for c in citations for s, p, o, _ in build.citation_quads(c, ctx) if o == CITO.Citation}
    assert len(nodes) == 2


@pytest.mark.parametrize(
    ("kind", "types"),
    [
        ("Person", {SDO.Person}),
        ("Country", {SDO.Country}),
        ("Organization", {SDO.Organization}),
        ("GovernmentOrganization", {SDO.Organization, URIRef("https://schema.org/GovernmentOrganization")}),
        ("PoliticalParty", {SDO.Organization, URIRef("https://schema.org/PoliticalParty")}),
        ("NGO", {SDO.Organization, URIRef("https://schema.org/NGO")}),
        ("UnnamedGroup", {KG.UnnamedGroup}),
    ],
)
def test_build_actor_types(kind: str, types: set[URIRef]) -> None:
    actor = Actor.model_validate({"key": "x", "label": "X", "kind": kind})
    found = {o for _, p, o, _ in build.actor_quads(actor) if p == RDF.type}
    assert found == types | {PROV.Agent}


def test_build_actor_quads() -> None:
    actor = Actor(
        key="jens-stoltenberg",
        label="Jens Stoltenberg",
        kind="Person",
        aliases=("Stoltenberg", "the secretary general"),
        wikidata="Q57434",
        confidence=0.95,
    )
    quads = list(build.actor_quads(actor))
    node = iris.actor_iri("jens-stoltenberg")
    assert {q[3] for q in quads} == {E}
    assert triples(quads) == {
        (node, RDF.type, SDO.Person),
        (node, RDF.type, PROV.Agent),
        (node, RDFS.label, Literal("Jens Stoltenberg")),
        (node, SKOS.altLabel, Literal("Stoltenberg")),
        (node, SKOS.altLabel, Literal("the secretary general")),
        (node, OWL.sameAs, URIRef("http://www.wikidata.org/entity/Q57434")),
        (node, KG.confidence, Literal("0.95", datatype=XSD.decimal)),
    }


def test_build_event_quads() -> None:
    event = Event(
        key="invasion",
        kind="invasion",
        name="Russian invasion of Ukraine",
        participants=("russia", "ukraine"),
        dates=(DateValue(value="2022-02-24", precision="day"), DateValue(value="2014", precision="year")),
    )
    node = iris.event_iri("invasion")
    assert triples(build.event_quads(event)) == {
        (node, RDF.type, SDO.Event),
        (node, SDO.name, Literal("Russian invasion of Ukraine")),
        (node, SDO.startDate, Literal("2022-02-24", datatype=XSD.date)),
        (node, SDO.startDate, Literal("2014", datatype=XSD.gYear)),
        (node, KG.eventKind, Literal("invasion")),
        (node, KG.participant, iris.actor_iri("russia")),
        (node, KG.participant, iris.actor_iri("ukraine")),
    }


def test_build_source_quads() -> None:
    source = Source(
        key="report",
        kind="reference",
        url="https://example.org/r?a=1&b=[2]",
        name="The report",
        publisher="Example Institute",
        accessed=DateValue(value="2024-02", precision="month"),
        publisher_key="example-institute",
    )
    node = iris.source_iri("report")
    assert triples(build.source_quads(source)) == {
        (node, RDF.type, SDO.CreativeWork),
        (node, SDO.url, URIRef("https://example.org/r?a=1&b=%5B2%5D")),
        (node, SDO.name, Literal("The report")),
        (node, SDO.publisher, iris.actor_iri("example-institute")),
        (node, SDO.dateRead, Literal("2024-02", datatype=XSD.gYearMonth)),
    }


def test_build_source_with_unusable_url_is_named_by_it() -> None:
    source = Source(key="s", kind="reference", url="www.example.org/report")
    node = iris.source_iri("s")
    assert triples(build.source_quads(source)) == {
        (node, RDF.type, SDO.CreativeWork),
        (node, SDO.name, Literal("www.example.org/report")),
    }


def test_build_contradiction_quads() -> None:
    contradiction = Contradiction(
        kind="value",
        claim_a="a1/0-10",
        claim_b="b2/5-20",
        explanation="2014 vs 2022",
        confidence=0.7,
        modality="predictive vs factual",
    )
    quads = list(build.contradiction_quads(contradiction))
    node = iris.contradiction_iri("value", "a1/0-10", "b2/5-20")
    first, second = iris.claim_iri("a1", 0, 10), iris.claim_iri("b2", 5, 20)
    assert {q[3] for q in quads} == {iris.ANALYSIS_GRAPH}
    assert triples(quads) == {
        (node, RDF.type, KG.Contradiction),
        (node, KG.contradictionKind, KG.ConflictingValues),
        (node, KG.firstClaim, first),
        (node, KG.secondClaim, second),
        (node, SDO.description, Literal("2014 vs 2022")),
        (node, KG.confidence, Literal("0.7", datatype=XSD.decimal)),
        (node, KG.modalityContrast, Literal("predictive vs factual")),
        (first, KG.contradicts, second),
        (second, KG.contradicts, first),
    }


def test_build_claim_iri_from_uid_rejects_garbage() -> None:
    with pytest.raises(ValueError, match="not a claim uid"):
        build.claim_iri_from_uid("a1/10")


def test_build_activity_quads() -> None:
    software = iris.software_iri("1.2.3")
    assert triples(build.build_activity_quads(ACTIVITY, "1.2.3")) == {
        (ACTIVITY, RDF.type, PROV.Activity),
        (ACTIVITY, PROV.wasAssociatedWith, software),
        (software, RDF.type, PROV.SoftwareAgent),
        (software, SDO.softwareVersion, Literal("1.2.3")),
        (software, RDFS.label, Literal("kg 1.2.3")),
    }


def test_build_activity_iri_depends_on_inputs_and_version_not_order(article: Article) -> None:
    other = make_article(id="a2", sha256="1" * 64, body="Other text.")
    one = Extraction(article=article, extractor="t")
    two = Extraction(article=other, extractor="t")
    corpus = Corpus(extractions=(one, two), actors=(), events=(), sources=())
    swapped = Corpus(extractions=(two, one), actors=(), events=(), sources=())
    assert build.build_activity_iri(corpus, "1") == build.build_activity_iri(swapped, "1")
    assert build.build_activity_iri(corpus, "1") != build.build_activity_iri(corpus, "2")
    alone = Corpus(extractions=(one,), actors=(), events=(), sources=())
    assert build.build_activity_iri(corpus, "1") != build.build_activity_iri(alone, "1")


def test_build_each_subject_lives_in_one_graph(tiny_corpus: Corpus) -> None:
    home: dict[object, set[object]] = {}
    for graph, quads in build.iter_graphs(tiny_corpus, "test"):
        for s, p, _, g in quads:
            assert g == graph
            if p != KG.contradicts:
                home.setdefault(s, set()).add(g)
    assert {s: gs for s, gs in home.items() if len(gs) > 1} == {}


def test_build_iter_graphs_order_and_sorting(tiny_corpus: Corpus) -> None:
    graphs = list(build.iter_graphs(tiny_corpus, "test"))
    names = [g for g, _ in graphs]
    articles = sorted(e.article.id for e in tiny_corpus.extractions)
    assert names == [
        iris.BUILD_GRAPH,
        iris.ENTITIES_GRAPH,
        iris.ANALYSIS_GRAPH,
        *(iris.article_graph(a) for a in articles),
    ]
    for _, quads in graphs:
        assert quads == build.sort_quads(quads)
        assert len(quads) == len(set(quads))
        for (s1, p1, _, _), (s2, p2, _, _) in itertools.pairwise(quads):
            if s1 == s2 and p2 == RDF.type:
                assert p1 == RDF.type, "rdf:type comes first for each subject"


def test_build_sort_quads_orders_numbers_numerically() -> None:
    nine = iris.claim_iri("a", 9, 20)
    ten = iris.claim_iri("a", 10, 20)
    quads: list[Quad] = [(ten, RDF.type, SDO.Claim, G), (nine, RDF.type, SDO.Claim, G)]
    assert [q[0] for q in build.sort_quads(quads)] == [nine, ten]


def test_build_unknown_about_key_is_left_out_with_a_warning(article: Article, caplog: pytest.LogCaptureFixture) -> None:
    claim = make_claim(article, "Jens Stoltenberg said NATO will grow.", about=("nobody",))
    ctx = build.article_context(Extraction(article=article, claims=(claim,), extractor="t"))
    assert not [q for q in build.claim_quads(claim, ctx) if q[1] == SDO.about]
    assert "'nobody' is neither an actor nor an event" in caplog.text
