"""Helpers for the graph page tests: the tiny graph, a hostile graph, the page's JSON blocks, and
node and edge counts by SPARQL (independently of kg.page)."""

from __future__ import annotations

import json
import re
from typing import Any

import pyoxigraph as ox

from kg.vocab import PREFIXES
from tests.conftest import TINY_EXPECTED

SPARQL_PREFIXES = "".join(f"PREFIX {prefix}: <{namespace}>\n" for prefix, namespace in PREFIXES.items())
TRIG_PREFIXES = "".join(f"@prefix {prefix}: <{namespace}> .\n" for prefix, namespace in PREFIXES.items())
NODE_QUERIES = {
    "article": "?x schema:headline ?h .",
    "claim": "?x a schema:Claim .",
    "actor": "?x a prov:Agent .",
    "event": "?x a schema:Event .",
    "source": "?x a schema:CreativeWork .",
}
EDGE_QUERIES = {
    "claims": "?y a schema:Claim ; prov:wasAttributedTo ?x .",
    "in": "?x a schema:Claim ; schema:appearance ?y .",
    "cites": "?x a schema:Claim ; cito:citesAsEvidence ?y .",
    "about": "?x a schema:Claim ; schema:about ?y .",
    "rejects": "?x a schema:Claim ; kg:rejectsClaimsOf ?y .",
    "participant": "?x a schema:Event ; kg:participant ?y .",
    "publisher": "?x schema:publisher ?y .",
    "author": "?x schema:author ?y .",
    "contradicts": "?x kg:contradicts ?y . FILTER(STR(?x) < STR(?y))",  # each pair of claims once
}


def graph_counts(store: ox.Store) -> dict[str, dict[str, int]]:
    """Nodes per kind and edges per kind as the graph holds them, by SPARQL (independently of kg.page)."""

    def count(pattern: str, variables: str) -> int:
        inner = f"SELECT DISTINCT {variables} WHERE {{ GRAPH ?g {{ {pattern} }} }}"
        query = f"{SPARQL_PREFIXES} SELECT (COUNT(*) AS ?n) WHERE {{ {inner} }}"
        solutions = store.query(query)
        assert isinstance(solutions, ox.QuerySolutions)
        return int(next(iter(solutions))["n"].value)

    nodes = {kind: count(q, "?x") for kind, q in NODE_QUERIES.items()}
    edges = {kind: count(q, "?x ?y") for kind, q in EDGE_QUERIES.items()}
    return {"nodes": {k: v for k, v in nodes.items() if v}, "edges": {k: v for k, v in edges.items() if v}}


def tiny_store() -> ox.Store:
    """The graph kg build makes of the tiny test corpus."""
    store = ox.Store()
    store.load(path=TINY_EXPECTED / "graph.trig", format=ox.RdfFormat.TRIG)
    return store


def page_data(html: str) -> dict[str, Any]:
    """The JSON blocks of a page, parsed."""
    blocks = dict(re.findall(r'<script type="application/json" id="kg-([a-z]+)">(.*?)</script>', html, re.S))
    return {name: json.loads(text) for name, text in blocks.items()}


HOSTILE = "<script>window.__kgPwned=1</script><img src=x onerror=alert(1)>"


def hostile_store() -> ox.Store:
    """A hand-made graph with hostile text in every field and non-http URLs where kg build would not put them."""
    trig = TRIG_PREFIXES + f"""
kgd:graph\\/a {{
  kgd:article\\/a schema:headline {json.dumps("Title " + HOSTILE)} ;
      schema:url <javascript:window.__kgPwned=2> ; schema:datePublished "{HOSTILE}" .
  kgd:claim\\/a\\/1 a schema:Claim ; schema:text {json.dumps("Claim </script><!-- " + HOSTILE)} ;
      schema:appearance kgd:article\\/a ; prov:wasAttributedTo kgd:actor\\/x ; cito:citesAsEvidence kgd:source\\/s ;
      kg:citationStatus kg:Cited ; kg:cue "{HOSTILE}" .
  kgd:claim\\/a\\/2 a schema:Claim ; schema:text "Other claim" ; schema:appearance kgd:article\\/a ;
      prov:wasAttributedTo kgd:actor\\/x ; schema:about kgd:event\\/e ; kg:citationStatus kg:Uncited .
}}
kgd:graph\\/entities {{
  kgd:actor\\/x a prov:Agent , schema:Person ; rdfs:label "Name {HOSTILE}" ; skos:altLabel "{HOSTILE}" ;
      owl:sameAs <javascript:window.__kgPwned=3> .
  kgd:event\\/e a schema:Event ; schema:name "Event {HOSTILE}" ; kg:eventKind "{HOSTILE}" ;
      schema:startDate "{HOSTILE}" .
  kgd:source\\/s a schema:CreativeWork ; schema:name "Source {HOSTILE}" ; schema:url <javascript:window.__kgPwned=4> .
}}
kgd:graph\\/analysis {{
  kgd:contradiction\\/c a kg:Contradiction ; kg:firstClaim kgd:claim\\/a\\/1 ; kg:secondClaim kgd:claim\\/a\\/2 ;
      kg:contradictionKind kg:Rebuttal ; schema:description "Why {HOSTILE}" ; kg:modalityContrast "{HOSTILE}" .
}}
"""
    store = ox.Store()
    store.load(trig.encode("utf-8"), format=ox.RdfFormat.TRIG)
    return store
