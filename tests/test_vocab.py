"""vocab: kg/vocab.py and ontology/kg.ttl declare the same terms; shapes use only declared terms."""

from __future__ import annotations

import rdflib
from rdflib import URIRef

from kg.ontology import load_ontology, load_shapes
from kg.vocab import KG, KG_NS, PREFIXES, RDF, RDFS, SKOS

ONTOLOGY_IRI = URIRef("https://w3id.org/kg/ns")


def _declared() -> set[URIRef]:
    graph = load_ontology()
    return {
        s
        for s in graph.subjects(RDF.type, None)
        if isinstance(s, URIRef) and str(s).startswith(KG_NS) and s != ONTOLOGY_IRI
    }


def _in_code() -> set[URIRef]:
    return {URIRef(KG_NS + name) for name in KG.__annotations__}


def test_vocab_every_code_term_is_declared_in_the_ontology() -> None:
    assert _in_code() - _declared() == set(), "add these terms to ontology/kg.ttl"


def test_vocab_every_ontology_term_is_in_the_code() -> None:
    assert _declared() - _in_code() == set(), "add these terms to kg/vocab.py (class KG)"


def test_vocab_controlled_values_agree() -> None:
    graph = load_ontology()
    schemes = {s for s in graph.subjects(RDFS.subClassOf, SKOS.Concept) if str(s).startswith(KG_NS)}
    in_ontology = {(s, cls) for cls in schemes for s in graph.subjects(RDF.type, cls)}
    expected = {
        KG.CitationStatus: {KG.Cited, KG.SpeakerOnly, KG.VaguelyAttributed, KG.Uncited},
        KG.ClaimType: {KG.Quote, KG.ReportedSpeech, KG.AuthorialStatement, KG.Statistic, KG.EventReport},
        KG.Polarity: {KG.Asserted, KG.Negated},
        KG.Modality: {KG.Factual, KG.Hedged, KG.Conditional, KG.Predictive},
        KG.ContradictionKind: {KG.Rebuttal, KG.OppositePolarity, KG.ConflictingValues, KG.OpposingStances},
    }
    assert in_ontology == {(value, cls) for cls, values in expected.items() for value in values}


def test_vocab_every_term_has_a_label_and_a_comment() -> None:
    graph = load_ontology()
    missing = sorted(
        str(t) for t in _declared() if graph.value(t, RDFS.label) is None or graph.value(t, RDFS.comment) is None
    )
    assert missing == []


def test_vocab_shapes_use_only_declared_kg_terms() -> None:
    shapes = load_shapes()
    used = {t for triple in shapes for t in triple if isinstance(t, URIRef) and str(t).startswith(KG_NS)}
    assert used - _declared() == set()


def test_vocab_unknown_term_fails_loudly() -> None:
    try:
        KG.Clam  # noqa: B018
    except AttributeError as exc:
        assert "Clam" in str(exc)
    else:
        raise AssertionError("KG.Clam should not exist")


def test_vocab_prefixes_bind_kg_and_resolve_to_the_namespaces_used() -> None:
    assert PREFIXES["kg"] == KG_NS
    graph = rdflib.Graph()
    for prefix, namespace in PREFIXES.items():
        graph.bind(prefix, namespace, override=True)
    assert graph.namespace_manager.compute_qname(str(KG.cue))[0] == "kg"
