"""vocab: the RDF terms kg uses, and every table between a record's code and its IRI, both ways.

``KG`` mirrors ontology/kg.ttl (a test fails when they drift apart). Standard vocabularies come from
rdflib where it ships them (schema.org, PROV, SKOS, OWL, RDFS, XSD); CiTO and Web Annotation are
declared here with just the terms kg uses, spelled as in their specs.

The tables map the codes of :mod:`kg.models` (``"cited"``, ``"quote"``, ``"NGO"``, ...) to the terms
:mod:`kg.build` writes, and the ``*_BY_IRI`` tables map an IRI read back from the graph (a plain string,
as a query gives it) to its code:

>>> CITATION_STATUS["vague"] == KG.VaguelyAttributed
True
>>> CITATION_STATUS_BY_IRI["https://w3id.org/kg/ns#VaguelyAttributed"]
'vague'
>>> ACTOR_KIND_BY_TYPE["https://schema.org/GovernmentOrganization"]
'GovernmentOrganization'
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TypeVar

from rdflib import Namespace, URIRef
from rdflib.namespace import OWL, PROV, RDF, RDFS, SDO, SKOS, XSD, ClosedNamespace, DefinedNamespace

from kg.models import (
    ActorKind,
    ArticleGenre,
    CitationStatus,
    ClaimType,
    ContradictionKind,
    DatePrecision,
    Modality,
    Polarity,
)

__all__ = [
    "ACTOR_KIND_BY_TYPE",
    "ACTOR_TYPES",
    "CITATION_STATUS",
    "CITATION_STATUS_BY_IRI",
    "CITO",
    "CLAIM_TYPE",
    "CLAIM_TYPE_BY_IRI",
    "CONTRADICTION_KIND",
    "CONTRADICTION_KIND_BY_IRI",
    "DATA_NS",
    "DATE_PRECISION_BY_TYPE",
    "DATE_TYPES",
    "GENRE_BY_TYPE",
    "GENRE_TYPES",
    "KG",
    "KG_NS",
    "MODALITY",
    "MODALITY_BY_IRI",
    "OA",
    "OWL",
    "POLARITY",
    "POLARITY_BY_IRI",
    "PREFIXES",
    "PROV",
    "QUDT_CURRENCY",
    "QUDT_UNIT",
    "RDF",
    "RDFS",
    "SDO",
    "SKOS",
    "WD",
    "XSD",
    "SDOExtra",
    "unit_iri",
]

Code = TypeVar("Code", bound=str)

KG_NS = "https://w3id.org/kg/ns#"
DATA_NS = "https://w3id.org/kg/id/"
WD = Namespace("http://www.wikidata.org/entity/")
QUDT_UNIT = Namespace("http://qudt.org/vocab/unit/")
"""QUDT units (``unit:KiloM``, ``unit:PERCENT``, ``unit:NUM`` for a count)."""
QUDT_CURRENCY = Namespace("http://qudt.org/vocab/currency/")
"""QUDT currencies, by ISO 4217 code (``cur:USD``)."""


class KG(DefinedNamespace):
    """The kg vocabulary (ontology/kg.ttl)."""

    _fail = True
    _NS = Namespace(KG_NS)

    # classes
    UnnamedGroup: URIRef
    Contradiction: URIRef
    DateStatement: URIRef
    Stance: URIRef
    CitationStatus: URIRef
    ClaimType: URIRef
    Polarity: URIRef
    Modality: URIRef
    ContradictionKind: URIRef
    ClaimCluster: URIRef
    # controlled values
    Cited: URIRef
    SpeakerOnly: URIRef
    VaguelyAttributed: URIRef
    Uncited: URIRef
    Quote: URIRef
    ReportedSpeech: URIRef
    AuthorialStatement: URIRef
    Statistic: URIRef
    EventReport: URIRef
    Asserted: URIRef
    Negated: URIRef
    Factual: URIRef
    Hedged: URIRef
    Conditional: URIRef
    Predictive: URIRef
    Rebuttal: URIRef
    OppositePolarity: URIRef
    ConflictingValues: URIRef
    OpposingStances: URIRef
    OpposingEvaluations: URIRef
    # properties
    citationStatus: URIRef
    claimType: URIRef
    polarity: URIRef
    modality: URIRef
    cue: URIRef
    confidence: URIRef
    attributionConfidence: URIRef
    textAnchor: URIRef
    hasDateStatement: URIRef
    event: URIRef
    statedDate: URIRef
    statesQuantity: URIRef
    hasStance: URIRef
    issue: URIRef
    position: URIRef
    rejectsClaimsOf: URIRef
    contradicts: URIRef
    contradictionKind: URIRef
    firstClaim: URIRef
    secondClaim: URIRef
    modalityContrast: URIRef
    compared: URIRef
    otherPairs: URIRef
    eventKind: URIRef
    participant: URIRef
    memberClaim: URIRef
    articleCount: URIRef
    citingArticleCount: URIRef


CITO = ClosedNamespace(
    "http://purl.org/spar/cito/",
    ["Citation", "cites", "citesAsEvidence", "hasCitingEntity", "hasCitedEntity", "hasCitationCharacterization"],
)
"""CiTO, the Citation Typing Ontology: the terms kg uses."""

OA = ClosedNamespace(
    "http://www.w3.org/ns/oa#",
    ["SpecificResource", "TextPositionSelector", "TextQuoteSelector", "hasSource", "hasSelector", "start", "end",
     "exact", "prefix", "suffix"],
)
"""The W3C Web Annotation vocabulary: the terms kg uses."""


PREFIXES: dict[str, str] = {
    "kg": KG_NS,
    "kgd": DATA_NS,
    "schema": str(SDO),
    "prov": str(PROV),
    "cito": str(CITO),
    "oa": str(OA),
    "skos": str(SKOS),
    "owl": str(OWL),
    "rdf": str(RDF),
    "rdfs": str(RDFS),
    "xsd": str(XSD),
    "wd": str(WD),
    "unit": str(QUDT_UNIT),
    "cur": str(QUDT_CURRENCY),
}
"""The prefixes bound in every output file and predeclared for ``kg query``."""


class SDOExtra(DefinedNamespace):
    """schema.org types kg uses that rdflib's ``SDO`` does not declare (asking ``SDO`` for them warns)."""

    _fail = True
    _NS = Namespace(str(SDO))

    MilitaryOrganization: URIRef
    PoliticalParty: URIRef


# ----------------------------------------------------------------------------------------------
# Codes -> terms (what kg.build writes)


GENRE_TYPES: dict[ArticleGenre, tuple[URIRef, ...]] = {
    "NewsArticle": (SDO.NewsArticle,),
    "AnalysisNewsArticle": (SDO.NewsArticle, SDO.AnalysisNewsArticle),
    "OpinionNewsArticle": (SDO.NewsArticle, SDO.OpinionNewsArticle),
    "ReportageNewsArticle": (SDO.NewsArticle, SDO.ReportageNewsArticle),
    "Report": (SDO.Article, SDO.Report),
}
"""The rdf:types of an article of each genre, the most specific last."""
ACTOR_TYPES: dict[ActorKind, tuple[URIRef, ...]] = {
    "Person": (SDO.Person,),
    "Country": (SDO.Country,),
    "GovernmentOrganization": (SDO.Organization, SDO.GovernmentOrganization),
    "MilitaryOrganization": (SDO.Organization, SDOExtra.MilitaryOrganization),
    "NewsMediaOrganization": (SDO.Organization, SDO.NewsMediaOrganization),
    "PoliticalParty": (SDO.Organization, SDOExtra.PoliticalParty),
    "NGO": (SDO.Organization, SDO.NGO),
    "Organization": (SDO.Organization,),
    "UnnamedGroup": (KG.UnnamedGroup,),
}
"""The rdf:types of an actor of each kind, the most specific last (besides ``prov:Agent``, which every actor has)."""
CITATION_STATUS: dict[CitationStatus, URIRef] = {
    "cited": KG.Cited, "speaker": KG.SpeakerOnly, "vague": KG.VaguelyAttributed, "uncited": KG.Uncited,
}
CLAIM_TYPE: dict[ClaimType, URIRef] = {
    "quote": KG.Quote, "reported": KG.ReportedSpeech, "authorial": KG.AuthorialStatement,
    "statistic": KG.Statistic, "event": KG.EventReport,
}
POLARITY: dict[Polarity, URIRef] = {"asserted": KG.Asserted, "negated": KG.Negated}
MODALITY: dict[Modality, URIRef] = {
    "factual": KG.Factual, "hedged": KG.Hedged, "conditional": KG.Conditional, "predictive": KG.Predictive,
}
CONTRADICTION_KIND: dict[ContradictionKind, URIRef] = {
    "rebuttal": KG.Rebuttal, "polarity": KG.OppositePolarity, "value": KG.ConflictingValues,
    "evaluation": KG.OpposingEvaluations, "stance": KG.OpposingStances,
}
DATE_TYPES: dict[DatePrecision, URIRef] = {"day": XSD.date, "month": XSD.gYearMonth, "year": XSD.gYear}
UNITS: dict[str, URIRef] = {
    "%": QUDT_UNIT.PERCENT, "km": QUDT_UNIT.KiloM, "m": QUDT_UNIT.M, "t": QUDT_UNIT.TONNE,
}
"""The QUDT unit of each unit code a quantity is given in (currencies and counts: :func:`unit_iri`)."""


def unit_iri(code: str) -> URIRef:
    """The QUDT IRI of a quantity's unit code: a unit, a currency by its ISO code, else a count (``unit:NUM``).

    >>> str(unit_iri("km")), str(unit_iri("EUR")), str(unit_iri("troops"))
    ('http://qudt.org/vocab/unit/KiloM', 'http://qudt.org/vocab/currency/EUR', 'http://qudt.org/vocab/unit/NUM')
    """
    if code in UNITS:
        return UNITS[code]
    if len(code) == 3 and code.isascii() and code.isalpha() and code.isupper():
        return QUDT_CURRENCY[code]
    return QUDT_UNIT.NUM
"""The datatype of a date literal of each precision."""

# ----------------------------------------------------------------------------------------------
# Terms -> codes (for what reads the graph back): keys are plain strings, as queries give IRIs


def _by_iri(table: Mapping[Code, URIRef]) -> dict[str, Code]:
    return {str(iri): code for code, iri in table.items()}


def _by_type(table: Mapping[Code, tuple[URIRef, ...]]) -> dict[str, Code]:
    """Each code by its most specific type (the last of its types)."""
    return {str(types[-1]): code for code, types in table.items()}


CITATION_STATUS_BY_IRI = _by_iri(CITATION_STATUS)
CLAIM_TYPE_BY_IRI = _by_iri(CLAIM_TYPE)
POLARITY_BY_IRI = _by_iri(POLARITY)
MODALITY_BY_IRI = _by_iri(MODALITY)
CONTRADICTION_KIND_BY_IRI = _by_iri(CONTRADICTION_KIND)
DATE_PRECISION_BY_TYPE = _by_iri(DATE_TYPES)
ACTOR_KIND_BY_TYPE = _by_type(ACTOR_TYPES)
"""An actor's kind by its most specific rdf:type (``schema:NGO`` -> ``"NGO"``, ``schema:Organization`` ->
``"Organization"``)."""
GENRE_BY_TYPE = _by_type(GENRE_TYPES)
"""An article's genre by its most specific rdf:type."""
