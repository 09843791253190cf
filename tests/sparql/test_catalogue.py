"""kg.sparql.catalogue: the ready queries (kg/queries/*.rq) on a small hand-made graph with known
answers, names resolved by the look-up queries, and --param values.

tests/data/queries/graph.trig describes the graph; every expected row below follows from it.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from kg.errors import QueryError
from kg.sparql import (
    EmbeddedSource,
    QuerySource,
    find_ready_query,
    iter_params,
    load_dataset,
    lookup_query,
    ready_queries,
    run_query,
)
from tests.conftest import DATA

HAND = DATA / "queries"
KGD = "https://w3id.org/kg/id/"
KG = "https://w3id.org/kg/ns#"

ANALYST_QUERIES = (
    "actor_claims",
    "claims_about",
    "source_claims",
    "top_sources",
    "timeline",
    "co_mentions",
    "claims_by_status",
    "vague_claims",
)
"""The ready queries besides uncited and contradictions (tested with kg.findings)."""


@pytest.fixture(scope="module")
def source() -> Iterator[QuerySource]:
    with EmbeddedSource(load_dataset(HAND), "hand-made graph") as src:
        yield src


def rows(src: QuerySource, name: str, columns: tuple[str, ...], **params: str) -> list[tuple[str, ...]]:
    ready = find_ready_query(name)
    assert ready is not None
    result, _ = run_query(src, ready.text, {k: [v] for k, v in params.items()}, ready)
    return [tuple(row[c] for c in columns) for row in result.values()]  # type: ignore[union-attr]


def test_catalogue_every_ready_query_is_shipped_with_a_purpose() -> None:
    shipped = ready_queries()
    for name in (*ANALYST_QUERIES, "uncited", "contradictions"):
        assert name in shipped, name
        assert shipped[name].purpose.endswith((".", "?")), shipped[name].purpose
        assert len(shipped[name].purpose) <= 100
    assert [p.name for p in shipped["actor_claims"].params] == ["actor"]
    assert [p.name for p in shipped["source_claims"].params] == ["source"]


@pytest.mark.parametrize("name", ANALYST_QUERIES)
def test_catalogue_name_their_graphs(name: str) -> None:
    """Every triple pattern sits in GRAPH ?x, so no store's default-graph policy changes the rows."""
    text = ready_queries()[name].text
    assert "GRAPH ?" in text
    assert "FROM" not in text.upper().replace("FROM THE", "")


def test_catalogue_actor_claims_of_one_actor_by_any_name(source: QuerySource) -> None:
    expected = [("Vladimir Putin", "Russia will not attack NATO.", f"{KG}Quote", f"{KG}Cited", "1")]
    columns = ("actorLabel", "text", "type", "status", "sources")
    for name in ("Vladimir Putin", "putin", "wd:Q7747", "kgd:actor/vladimir-putin", f"<{KGD}actor/vladimir-putin>"):
        assert rows(source, "actor_claims", columns, actor=name) == expected, name


def test_catalogue_actor_claims_of_everyone(source: QuerySource) -> None:
    found = rows(source, "actor_claims", ("actorLabel", "claim", "sources"))
    assert found == [
        ("Analysts", f"{KGD}claim/a1/c2", "0"),
        ("Jane Doe", f"{KGD}claim/a1/c3", "0"),
        ("NATO", f"{KGD}claim/a2/c4", "2"),
        ("Vladimir Putin", f"{KGD}claim/a1/c1", "1"),
    ]


def test_catalogue_actor_name_that_matches_nothing_suggests_one(source: QuerySource) -> None:
    with pytest.raises(QueryError, match="Did you mean 'Putin'"):
        rows(source, "actor_claims", ("claim",), actor="Putn")


def test_catalogue_actor_name_part_matches_by_substring(source: QuerySource) -> None:
    assert rows(source, "actor_claims", ("claim",), actor="vladimir") == [(f"{KGD}claim/a1/c1",)]


def test_catalogue_claims_about_an_actor(source: QuerySource) -> None:
    columns = ("text", "claimantLabel", "status")
    assert rows(source, "claims_about", columns, actor="the alliance") == [
        ("Russia will not attack NATO.", "Vladimir Putin", f"{KG}Cited"),
        ("Analysts say NATO is growing.", "Analysts", f"{KG}VaguelyAttributed"),
        ("Russia is a threat.", "NATO", f"{KG}Cited"),
    ]
    russia = rows(source, "claims_about", ("claim", "claimantLabel"), actor="Russia")
    assert russia == [
        (f"{KGD}claim/a1/c1", "Vladimir Putin"),
        (f"{KGD}claim/a1/c3", "Jane Doe"),
        (f"{KGD}claim/a2/c4", "NATO"),
        (f"{KGD}claim/a2/c5", "(the article)"),
    ]


def test_catalogue_claims_about_leaves_out_events(source: QuerySource) -> None:
    about = {row[0] for row in rows(source, "claims_about", ("actor",))}
    assert about == {f"{KGD}actor/nato", f"{KGD}actor/russia", f"{KGD}actor/vladimir-putin"}


@pytest.mark.parametrize(
    ("given", "claims"),
    [
        ("Reuters", [f"{KGD}claim/a1/c1", f"{KGD}claim/a2/c4"]),  # the publisher
        ("https://tt.example/s2", [f"{KGD}claim/a2/c4"]),  # the URL
        ("https://tt.example/s2/", [f"{KGD}claim/a2/c4"]),  # the URL with a trailing slash
        ("think tank", [f"{KGD}claim/a2/c4"]),  # words of the title
        ("kgd:source/s1", [f"{KGD}claim/a1/c1", f"{KGD}claim/a2/c4"]),  # the IRI
    ],
)
def test_catalogue_source_claims(source: QuerySource, given: str, claims: list[str]) -> None:
    assert [r[0] for r in rows(source, "source_claims", ("claim",), source=given)] == claims


def test_catalogue_source_claims_unknown_source(source: QuerySource) -> None:
    with pytest.raises(QueryError, match="no cited source matches"):
        rows(source, "source_claims", ("claim",), source="The Onion")


def test_catalogue_top_sources(source: QuerySource) -> None:
    assert rows(source, "top_sources", ("source", "sourceName", "publisherLabel", "claims", "articles")) == [
        (f"{KGD}source/s1", "Putin rules out attack", "Reuters", "2", "2"),
        (f"{KGD}source/s2", "Think tank study of threats", "", "1", "1"),
    ]


def test_catalogue_timeline_keeps_each_articles_date(source: QuerySource) -> None:
    columns = ("date", "precision", "eventName", "article", "eventDate")
    assert rows(source, "timeline", columns) == [
        ("2014", "year", "invasion of Ukraine", f"{KGD}article/a2", "2022-02-24"),
        ("2022-02-24", "day", "invasion of Ukraine", f"{KGD}article/a1", "2022-02-24"),
    ]


def test_catalogue_co_mentions(source: QuerySource) -> None:
    assert rows(source, "co_mentions", ("labelA", "labelB", "claims", "articles")) == [
        ("NATO", "Russia", "2", "2"),
        ("NATO", "Vladimir Putin", "1", "1"),
    ]


def test_catalogue_claims_by_status(source: QuerySource) -> None:
    columns = ("article", "cited", "speakerOnly", "vague", "uncited", "claims")
    assert rows(source, "claims_by_status", columns) == [
        (f"{KGD}article/a1", "1", "0", "1", "1", "3"),
        (f"{KGD}article/a2", "1", "0", "0", "1", "2"),
    ]


def test_catalogue_vague_claims(source: QuerySource) -> None:
    assert rows(source, "vague_claims", ("text", "group", "cue", "type")) == [
        ("Analysts say NATO is growing.", "Analysts", "say", f"{KG}ReportedSpeech"),
    ]


def test_catalogue_undeclared_parameter_is_refused(source: QuerySource) -> None:
    with pytest.raises(QueryError, match="has no parameter 'event'"):
        rows(source, "timeline", ("date",), event="invasion")


def test_catalogue_parameter_value_cannot_change_the_query(source: QuerySource) -> None:
    """A value full of SPARQL syntax is one literal: it matches nothing and breaks nothing."""
    hostile = 'x" } } ; DROP ALL ; SELECT * WHERE { ?s ?p ?o } #'
    with pytest.raises(QueryError, match="no actor is called"):
        rows(source, "actor_claims", ("claim",), actor=hostile)
    result, _ = run_query(
        source, "SELECT ?text WHERE { GRAPH ?g { ?claim <https://schema.org/text> ?text } }", {"text": [hostile]}
    )
    assert len(result) == 0


def test_catalogue_lookups_are_read_but_not_listed() -> None:
    """The look-up queries of kg/queries/lookup/ resolve names; kg query --list does not show them."""
    for name in ("actor_by_name", "actor_by_same_as", "actors", "sources"):
        assert "SELECT DISTINCT" in lookup_query(name)
        assert name not in ready_queries()
    assert "lookup" not in ready_queries()


def test_catalogue_iter_params() -> None:
    assert iter_params(["actor=A", "actor=B", "?n=1"]) == {"actor": ["A", "B"], "n": ["1"]}
    with pytest.raises(QueryError, match="NAME=VALUE"):
        iter_params(["actor"])
