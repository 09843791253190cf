"""ontology: the only code that finds ontology/ (the vocabulary and its SHACL shapes).

An installed wheel carries it as ``kg/ontology``; an editable install reads the checkout's ``ontology/``.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

from rdflib import Graph

from kg.errors import OntologyError


def ontology_dir() -> Path:
    """The folder holding kg.ttl and shapes.ttl."""
    packaged = Path(__file__).parent / "ontology"
    if (packaged / "kg.ttl").is_file():
        return packaged
    checkout = Path(__file__).resolve().parent.parent / "ontology"
    if (checkout / "kg.ttl").is_file():
        return checkout
    raise OntologyError(
        f"ontology files not found in {packaged} or {checkout}; reinstall kg (pip install -e .) "
        "so that ontology/kg.ttl and ontology/shapes.ttl are available"
    )


def _load(name: str) -> Graph:
    path = ontology_dir() / name
    try:
        return Graph().parse(path, format="turtle")
    except Exception as exc:  # rdflib raises many parser exception types
        raise OntologyError(f"{path}: cannot be parsed as Turtle ({exc}); restore it from git") from exc


@cache
def load_ontology() -> Graph:
    """ontology/kg.ttl as an rdflib graph (cached; do not modify)."""
    return _load("kg.ttl")


@cache
def load_shapes() -> Graph:
    """ontology/shapes.ttl as an rdflib graph (cached; do not modify)."""
    return _load("shapes.ttl")
