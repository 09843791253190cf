"""labels: how the page names kg terms and IRIs.

The ontology's labels and comments for kg terms (claim types, modalities, polarities, citation
statuses, contradiction kinds), the page's citation-status keys, and IRIs written with the output
prefixes.
"""

from __future__ import annotations

from functools import cache

from kg.vocab import CITATION_STATUS_BY_IRI, DATA_NS, KG, KG_NS, RDFS

__all__ = ["compact_iri", "kind_label", "status_key", "status_labels", "term_label", "vocabulary_text"]

_UNCITED = str(KG.Uncited)


@cache
def vocabulary_text() -> dict[str, tuple[str, str]]:
    """kg term local name -> (rdfs:label, rdfs:comment), from ontology/kg.ttl."""
    from rdflib import Literal, URIRef

    from kg.ontology import load_ontology

    graph = load_ontology()
    out: dict[str, tuple[str, str]] = {}
    for subject, label in graph.subject_objects(RDFS.label):
        if isinstance(subject, URIRef) and str(subject).startswith(KG_NS) and isinstance(label, Literal):
            comment = graph.value(subject, RDFS.comment)
            out[str(subject)[len(KG_NS):]] = (str(label), str(comment or ""))
    return out


def term_label(iri: str | None) -> str | None:
    """The ontology's label of a kg term (else its local name); None for None."""
    if iri is None:
        return None
    local = iri[len(KG_NS):] if iri.startswith(KG_NS) else iri.rsplit("/", 1)[-1]
    return vocabulary_text().get(local, (local, ""))[0]


def status_labels() -> dict[str, dict[str, str]]:
    """The page's status key -> the ontology's label and comment of that citation status."""
    text = vocabulary_text()
    out: dict[str, dict[str, str]] = {}
    for iri, key in CITATION_STATUS_BY_IRI.items():
        local = iri[len(KG_NS):]
        out[key] = {"label": text.get(local, (key, ""))[0], "comment": text.get(local, ("", ""))[1]}
    return out


def kind_label(kind: str) -> str:
    """The ontology's label of a contradiction kind (a kg local name), or "contradiction" for none."""
    return (term_label(KG_NS + kind) if kind else None) or "contradiction"


def status_key(status: str | None) -> str:
    """The page's key of a kg:citationStatus value: an unknown kg term by its local name, none as uncited."""
    iri = status if status and status.startswith(KG_NS) else _UNCITED
    return CITATION_STATUS_BY_IRI.get(iri, iri[len(KG_NS):].lower())


def compact_iri(iri: str) -> str:
    """``iri`` with the output prefixes, as ``kg query`` prints it (``kgd:actor/x``)."""
    if iri.startswith(DATA_NS):  # nearly every node: skip the search over every prefix
        return "kgd:" + iri[len(DATA_NS):]
    from kg.sparql import compact

    return compact(iri)


