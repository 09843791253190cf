"""kg.sparql.text: query shapes, kg's prefixes, parameter values as terms and VALUES clauses."""

from __future__ import annotations

import pyoxigraph as ox
import pytest

from kg.errors import QueryError
from kg.sparql import bind_values, inspect_query, term_from_text, with_prefixes
from kg.vocab import PREFIXES

XSD = "http://www.w3.org/2001/XMLSchema#"


@pytest.mark.parametrize(
    ("text", "form", "service"),
    [
        ("SELECT * WHERE { ?s ?p ?o }", "SELECT", False),
        ("prefix ex: <http://example.org/>\nask { ?s ex:p ?o }", "ASK", False),
        ("CONSTRUCT { ?s ?p ?o } WHERE { GRAPH ?g { ?s ?p ?o } }", "CONSTRUCT", False),
        ("DESCRIBE <http://example.org/x>", "DESCRIBE", False),
        ("INSERT DATA { <urn:a> <urn:b> <urn:c> }", "INSERT", False),
        ("# SELECT in a comment\nDROP ALL", "DROP", False),
        ("SELECT * { service <http://example.org/sparql> { ?s ?p ?o } }", "SELECT", True),
        ("SELECT * { SERVICE SILENT ?endpoint { ?s ?p ?o } }", "SELECT", True),
        ('SELECT * { ?s ?p "SERVICE" }', "SELECT", False),
        ("SELECT * { ?s ?p 'no SERVICE here' } # SERVICE", "SELECT", False),
        ('SELECT * { ?s ?p """a\nSERVICE\n""" }', "SELECT", False),
        ("SELECT ?service { ?service <http://example.org/SERVICE> ex:SERVICE }", "SELECT", False),
        ("SELECT * { ?s kgd:x\\/service ?o }", "SELECT", False),
    ],
)
def test_text_inspect(text: str, form: str, service: bool) -> None:
    shape = inspect_query(text)
    assert (shape.form, shape.uses_service) == (form, service)


def test_text_with_prefixes_adds_only_what_is_missing() -> None:
    text = "PREFIX schema: <http://schema.org/>\nSELECT * { ?s schema:name ?n }"
    added = with_prefixes(text)
    assert added.endswith(text)
    assert added.count("PREFIX schema:") == 1
    assert added.count("\n") == text.count("\n") + 1  # one line added, whatever the number of prefixes
    for prefix in ("kg", "kgd", "prov", "cito", "oa", "skos", "owl", "rdfs", "xsd"):
        assert f"PREFIX {prefix}: <{PREFIXES[prefix]}>" in added
    assert with_prefixes(added) == added


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("<http://example.org/a>", ox.NamedNode("http://example.org/a")),
        ("https://example.org/a?b=c", ox.NamedNode("https://example.org/a?b=c")),
        ("kgd:actor/nato", ox.NamedNode("https://w3id.org/kg/id/actor/nato")),
        ("wd:Q7747", ox.NamedNode("http://www.wikidata.org/entity/Q7747")),
        ("-12", ox.Literal("-12", datatype=ox.NamedNode(XSD + "integer"))),
        ("Vladimir Putin", ox.Literal("Vladimir Putin")),
        ("unknown:thing", ox.Literal("unknown:thing")),
        ('a "quoted" } value', ox.Literal('a "quoted" } value')),
    ],
)
def test_text_term_from_text(value: str, expected: ox.NamedNode | ox.Literal) -> None:
    assert term_from_text(value) == expected


def test_text_term_from_text_refuses_a_broken_iri() -> None:
    with pytest.raises(QueryError, match="not a valid IRI"):
        term_from_text("<http://example.org/a b>")


def test_text_bind_values_escapes_and_combines() -> None:
    text = bind_values("SELECT * {}", {"a": [ox.Literal('x" }'), ox.Literal("y")], "b": [ox.NamedNode("urn:b")]})
    assert '("x\\" }" <urn:b>)' in text
    assert '("y" <urn:b>)' in text
    with pytest.raises(QueryError, match="not a SPARQL variable name"):
        bind_values("SELECT * {}", {"a b": [ox.Literal("x")]})
