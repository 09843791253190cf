"""vocab: the RDF terms kg uses. ``KG`` mirrors ontology/kg.ttl (a test fails when they drift apart).

Standard vocabularies come from rdflib where it ships them (schema.org, PROV, SKOS, OWL, RDFS, XSD);
CiTO and Web Annotation are declared here with just the terms kg uses, spelled as in their specs.
"""

from __future__ import annotations

from rdflib import Namespace, URIRef
from rdflib.namespace import OWL, PROV, RDF, RDFS, SDO, SKOS, XSD, DefinedNamespace

__all__ = ["CITO", "KG", "OA", "OWL", "PREFIXES", "PROV", "RDF", "RDFS", "SDO", "SKOS", "WD", "XSD"]

KG_NS = "https://w3id.org/kg/ns#"
DATA_NS = "https://w3id.org/kg/id/"
WD = Namespace("http://www.wikidata.org/entity/")


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
    eventKind: URIRef
    participant: URIRef


class CITO(DefinedNamespace):
    """CiTO, the Citation Typing Ontology (http://purl.org/spar/cito/): the terms kg uses."""

    _fail = True
    _NS = Namespace("http://purl.org/spar/cito/")

    Citation: URIRef
    cites: URIRef
    citesAsEvidence: URIRef
    hasCitingEntity: URIRef
    hasCitedEntity: URIRef
    hasCitationCharacterization: URIRef


class OA(DefinedNamespace):
    """W3C Web Annotation vocabulary (http://www.w3.org/ns/oa#): the terms kg uses."""

    _fail = True
    _NS = Namespace("http://www.w3.org/ns/oa#")

    SpecificResource: URIRef
    TextPositionSelector: URIRef
    TextQuoteSelector: URIRef
    hasSource: URIRef
    hasSelector: URIRef
    start: URIRef
    end: URIRef
    exact: URIRef
    prefix: URIRef
    suffix: URIRef


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
}
"""The prefixes bound in every output file and predeclared for ``kg query``."""


class SDOExtra(DefinedNamespace):
    """schema.org types kg uses that rdflib's ``SDO`` does not declare (asking ``SDO`` for them warns)."""

    _fail = True
    _NS = Namespace(str(SDO))

    MilitaryOrganization: URIRef
    PoliticalParty: URIRef
