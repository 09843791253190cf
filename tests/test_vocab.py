"""vocab: kg/vocab.py and ontology/kg.ttl declare the same terms; shapes use only declared terms; the
tables between codes and terms cover every code, both ways."""

from __future__ import annotations

import typing

import pytest
import rdflib
from rdflib import URIRef

from kg import vocab
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
        KG.ContradictionKind: {
            KG.Rebuttal, KG.OppositePolarity, KG.ConflictingValues, KG.OpposingEvaluations, KG.OpposingStances
        },
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


def test_vocab_code_tables_cover_every_model_value() -> None:
    assert set(vocab.CITATION_STATUS) == set(typing.get_args(CitationStatus))
    assert set(vocab.CLAIM_TYPE) == set(typing.get_args(ClaimType))
    assert set(vocab.POLARITY) == set(typing.get_args(Polarity))
    assert set(vocab.MODALITY) == set(typing.get_args(Modality))
    assert set(vocab.CONTRADICTION_KIND) == set(typing.get_args(ContradictionKind))
    assert set(vocab.ACTOR_TYPES) == set(typing.get_args(ActorKind))
    assert set(vocab.GENRE_TYPES) == set(typing.get_args(ArticleGenre))
    assert set(vocab.DATE_TYPES) == set(typing.get_args(DatePrecision))


@pytest.mark.parametrize(
    ("forward", "backward"),
    [
        (vocab.CITATION_STATUS, vocab.CITATION_STATUS_BY_IRI),
        (vocab.CLAIM_TYPE, vocab.CLAIM_TYPE_BY_IRI),
        (vocab.POLARITY, vocab.POLARITY_BY_IRI),
        (vocab.MODALITY, vocab.MODALITY_BY_IRI),
        (vocab.CONTRADICTION_KIND, vocab.CONTRADICTION_KIND_BY_IRI),
        (vocab.DATE_TYPES, vocab.DATE_PRECISION_BY_TYPE),
    ],
)
def test_vocab_reverse_tables_undo_the_forward_ones(forward: dict[str, URIRef], backward: dict[str, str]) -> None:
    assert {backward[str(iri)]: iri for iri in forward.values()} == forward
    assert all(type(key) is str for key in backward)  # looked up with IRIs as queries give them


@pytest.mark.parametrize(("forward", "backward"), [(vocab.ACTOR_TYPES, vocab.ACTOR_KIND_BY_TYPE),
                                                   (vocab.GENRE_TYPES, vocab.GENRE_BY_TYPE)])
def test_vocab_kinds_by_their_most_specific_type(
    forward: dict[str, tuple[URIRef, ...]], backward: dict[str, str]
) -> None:
    assert {backward[str(types[-1])] for types in forward.values()} == set(forward)
    assert vocab.ACTOR_KIND_BY_TYPE[str(vocab.SDO.Organization)] == "Organization"
    assert vocab.GENRE_BY_TYPE[str(vocab.SDO.Report)] == "Report"


def test_vocab_closed_namespaces_refuse_unknown_terms() -> None:
    assert str(vocab.CITO.citesAsEvidence) == "http://purl.org/spar/cito/citesAsEvidence"
    assert str(vocab.OA.TextQuoteSelector) == "http://www.w3.org/ns/oa#TextQuoteSelector"
    with pytest.raises(AttributeError):
        vocab.CITO.citesAsEvidenc  # noqa: B018
