"""resolve: one record per key, merged deterministically."""

from __future__ import annotations

import itertools
import logging

import pytest

from kg.models import Actor, Article, Corpus, DateValue, Event, Extraction, Source
from kg.resolve import check_references, merge_actors, merge_events, merge_sources, resolve, source_publishers
from tests.conftest import make_article, make_claim


def _actor(label: str, **kw: object) -> Actor:
    return Actor.model_validate({"key": "nato", "label": label, "kind": "Organization", **kw})


def test_resolve_actor_label_is_the_most_frequent_form() -> None:
    records = [
        _actor("NATO"),
        _actor("North Atlantic Treaty Organization"),
        _actor("NATO", aliases=("the alliance",)),
    ]
    merged = merge_actors(records)
    assert merged.label == "NATO"
    assert merged.aliases == ("North Atlantic Treaty Organization", "the alliance")


def test_resolve_actor_label_ties_break_alphabetically_whatever_the_order() -> None:
    records = [_actor("North Atlantic Treaty Organization"), _actor("NATO")]
    for order in itertools.permutations(records):
        assert merge_actors(list(order)).label == "NATO"


def test_resolve_actor_merge_keeps_max_confidence_wikidata_and_specific_kind() -> None:
    records = [
        _actor("NATO", confidence=0.4),
        _actor("NATO", confidence=0.9, wikidata="Q7184", kind="MilitaryOrganization"),
    ]
    merged = merge_actors(records)
    assert merged.confidence == 0.9
    assert merged.wikidata == "Q7184"
    assert merged.kind == "MilitaryOrganization"  # a tie: the more specific kind wins


def test_resolve_actor_conflicting_wikidata_ids_are_logged(caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level(logging.WARNING):
        merged = merge_actors(
            [
                _actor("NATO", wikidata="Q7184"),
                _actor("NATO", wikidata="Q1"),
                _actor("NATO", wikidata="Q7184"),
            ]
        )
    assert merged.wikidata == "Q7184"
    assert "conflicting Wikidata ids" in caplog.text


def test_resolve_actor_merge_refuses_mixed_keys() -> None:
    with pytest.raises(ValueError, match="several keys"):
        merge_actors([_actor("NATO"), Actor(key="eu", label="EU", kind="Organization")])


def test_resolve_event_merge_unions_dates_and_participants() -> None:
    day = DateValue(value="2022-02-24", precision="day")
    year = DateValue(value="2014", precision="year")
    a = Event(key="war", kind="war", name="war in Ukraine", participants=("russia",), dates=(day,))
    b = Event(
        key="war",
        kind="invasion",
        name="Russo-Ukrainian War",
        participants=("ukraine", "russia"),
        dates=(year, day),
    )
    c = Event(key="war", kind="war", name="war in Ukraine")
    merged = merge_events([a, b, c])
    assert merged.name == "war in Ukraine"
    assert merged.kind == "war"
    assert merged.participants == ("russia", "ukraine")
    assert merged.dates == (year, day)


def test_resolve_source_merge_takes_the_most_frequent_values() -> None:
    a = Source(key="s", kind="link", url="https://example.org/r")
    b = Source(key="s", kind="reference", url="https://example.org/r", name="The report", publisher="NATO")
    merged = merge_sources([a, b])
    assert merged == Source(key="s", kind="reference", url="https://example.org/r", name="The report", publisher="NATO")


def _extraction(article: Article, **kw: object) -> Extraction:
    return Extraction.model_validate({"article": article, "extractor": "t", **kw})


def test_resolve_merges_across_articles_and_is_order_independent() -> None:
    one = _extraction(make_article(id="a1"), actors=(_actor("NATO"),))
    two = _extraction(
        make_article(id="a2", sha256="1" * 64),
        actors=(_actor("North Atlantic Treaty Organization"), _actor("NATO")),
    )
    three = _extraction(
        make_article(id="a3", sha256="2" * 64), actors=(Actor(key="russia", label="Russia", kind="Country"),)
    )
    corpora = [resolve(order) for order in itertools.permutations([one, two, three])]
    assert all(c.actors == corpora[0].actors for c in corpora)
    assert [a.key for a in corpora[0].actors] == ["nato", "russia"]
    assert corpora[0].actors[0].aliases == ("North Atlantic Treaty Organization",)
    assert corpora[0].contradictions == ()


def test_resolve_gives_unknown_source_publishers_an_organization() -> None:
    sources = (
        Source(key="r1", kind="reference", name="Report", publisher="Example Institute"),
        Source(key="r2", kind="reference", name="Brief", publisher="NATO"),
        Source(key="r3", kind="reference", name="Other", publisher="example institute"),
    )
    corpus = resolve(
        [
            _extraction(
                make_article(),
                sources=sources,
                actors=(_actor("North Atlantic Treaty Organization", aliases=("NATO",)),),
            )
        ]
    )
    assert [(a.key, a.label, a.kind) for a in corpus.actors] == [
        ("example-institute", "Example Institute", "Organization"),
        ("nato", "North Atlantic Treaty Organization", "Organization"),
    ]
    assert source_publishers(corpus.sources, corpus.actors) == {
        "r1": "example-institute",
        "r2": "nato",
        "r3": "example-institute",
    }
    assert {s.key: s.publisher_key for s in corpus.sources} == {  # the build reads it off the records
        "r1": "example-institute",
        "r2": "nato",
        "r3": "example-institute",
    }


def test_resolve_created_publisher_does_not_take_over_an_existing_key() -> None:
    sources = (Source(key="r", kind="reference", name="Report", publisher="Nato"),)
    other = Actor(key="nato", label="Nato Hotel Group", kind="Organization")
    corpus = resolve([_extraction(make_article(), sources=sources, actors=(other,))])
    created = [a for a in corpus.actors if a.label == "Nato"]
    assert len(created) == 1 and created[0].key.startswith("nato-")
    assert source_publishers(corpus.sources, corpus.actors) == {"r": created[0].key}
    assert corpus.sources[0].publisher_key == created[0].key


def test_resolve_unnamed_groups_are_not_publishers() -> None:
    sources = (Source(key="r", kind="publication", name="Analysts", publisher="analysts"),)
    group = Actor(key="analysts-a1", label="analysts", kind="UnnamedGroup")
    corpus = resolve([_extraction(make_article(), sources=sources, actors=(group,))])
    assert source_publishers(corpus.sources, corpus.actors) == {"r": "analysts"}
    assert "analysts" in {a.key for a in corpus.actors}
    assert corpus.sources[0].publisher_key == "analysts"


def test_resolve_keeps_skipped_messages() -> None:
    corpus = resolve([_extraction(make_article())], skipped=["corpus/x.txt: the file is empty. Fix: ..."])
    assert corpus.skipped == ("corpus/x.txt: the file is empty. Fix: ...",)
    assert isinstance(corpus, Corpus)


def test_resolve_check_references_reports_dangling_keys(caplog: pytest.LogCaptureFixture) -> None:
    article = make_article()
    claim = make_claim(
        article,
        "Jens Stoltenberg said NATO will grow.",
        claimant="jens-stoltenberg",
        about=("nato",),
        cites=("report",),
    )
    extraction = _extraction(article, claims=(claim,), authors=("jane-doe",))
    problems = check_references(extraction)
    assert problems == [
        "corpus/a1.txt: the author list names actor 'jane-doe', which the extraction does not define",
        "corpus/a1.txt: claim a1/0-37 names actor 'jens-stoltenberg', which the extraction does not define",
        "corpus/a1.txt: claim a1/0-37 names actor or event 'nato', which the extraction does not define",
        "corpus/a1.txt: claim a1/0-37 names source 'report', which the extraction does not define",
    ]
    with caplog.at_level(logging.WARNING):
        resolve([extraction])
    assert "jens-stoltenberg" in caplog.text


def test_resolve_tiny_corpus(tiny_corpus: Corpus) -> None:
    nato = next(a for a in tiny_corpus.actors if a.key == "nato")
    assert nato.label == "NATO"
    assert "North Atlantic Treaty Organization" in nato.aliases
    assert nato.wikidata == "Q7184"
    assert len({a.key for a in tiny_corpus.actors}) == len(tiny_corpus.actors)
    assert [s.key for s in tiny_corpus.sources] == sorted(s.key for s in tiny_corpus.sources)
    for extraction in tiny_corpus.extractions:
        assert check_references(extraction) == []
