"""Claim features contradiction detection compares: polarity, modality, quantities, stances, rebuttals,
relations (kg/extract/features.py)."""

from __future__ import annotations

import pytest

from kg.extract import features
from tests.support.extract_helpers import claim_with, run


@pytest.mark.parametrize(
    ("content", "cue", "expected"),
    [
        ("Russia would attack NATO.", "said", "asserted"),
        ("Russia has no intention of going to war with NATO.", "said", "negated"),
        ("Russia would attack NATO.", "denied", "negated"),
        ("Biden's claim that Russia would attack NATO complete nonsense.", "called", "negated"),
        ("Biden's allegations “complete nonsense” and said they have no valid basis.", "called", "negated"),
        ("the importance of dialogue.", "emphasized", "asserted"),
    ],
    ids=lambda v: str(v)[:30],
)
def test_features_polarity(content: str, cue: str, expected: str) -> None:
    assert features.polarity(content, cue) == expected


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        ("Russia would attack a NATO country in the event of Putin's victory.", "conditional"),
        ("Russia may attack NATO.", "hedged"),
        ("Russia will attack NATO.", "predictive"),
        ("Russia attacked Ukraine in 2022.", "factual"),
    ],
    ids=lambda v: str(v)[:30],
)
def test_features_modality(content: str, expected: str) -> None:
    assert features.modality(content) == expected


@pytest.mark.parametrize(
    ("body", "fragment", "relation"),
    [
        ("Russian President Vladimir Putin denied that Russia would attack NATO.", "denied", ("russia", "nato", True)),
        (
            "Finnish President Alexander Stubb said Russia would attack Finland if NATO hesitated.",
            "Stubb",
            ("russia", "finland", False),
        ),
        (
            "Russian President Vladimir Putin called US President Joe Biden's claim that Russia would attack NATO "
            "countries complete nonsense.",
            "nonsense",
            ("russia", "nato", True),
        ),
        (
            "Kremlin spokesman Dmitry Peskov dismissed claims that Russia plans to attack Finland as nonsense.",
            "Peskov",
            ("russia", "finland", True),
        ),
    ],
    ids=["denied", "said", "called-nonsense", "dismissed-claims"],
)
def test_features_relations_rejected_by_the_speaker_are_negated(
    body: str, fragment: str, relation: tuple[str, str, bool]
) -> None:
    claim = claim_with(run(body), fragment)
    found = {(r.subject, r.object, r.negated) for r in claim.relations if r.predicate == "attack"}
    assert found == {relation}


def test_features_rebuttal_names_whose_words_are_rejected() -> None:
    claim = claim_with(
        run(
            "Russian President Vladimir Putin called US President Joe Biden's claim that Russia "
            "would attack NATO complete nonsense."
        ),
        "nonsense",
    )
    assert claim.rebuttal is not None
    assert claim.rebuttal.target == "joe-biden"
    assert claim.rebuttal.cue == "called … nonsense"


@pytest.mark.parametrize(
    ("text", "value", "unit", "measure"),
    [
        ("The US deployed 3,000 troops to Poland.", 3000.0, "troops", "deploy"),
        ("Washington has sent some 4,500 soldiers to Poland.", 4500.0, "troops", "deploy"),
        ("a deployment of 3,000 troops", 3000.0, "troops", "deploy"),
        ("Russia has lost 300,000 troops in Ukraine.", 300000.0, "troops", "lose"),
        ("The EU pledged EUR 12 billion in aid to Ukraine.", 12e9, "EUR", "aid"),
        ("The EU approved an aid package of EUR 15 billion.", 15e9, "EUR", "aid"),
        ("The pipeline runs 621 miles to Germany.", 999.402624, "km", "runs"),
        ("The pipeline runs 1,000 km to Germany.", 1000.0, "km", "runs"),
        ("Poland spends 4% of its GDP on defence.", 4.0, "%", "gdp"),
        ("members should spend 2% of their Gross Domestic Product (GDP) on defense", 2.0, "%", "gdp"),
        ("The coast guard said 20 others were missing.", 20.0, "people", None),
        ("Analysts tracked more than 1,000 vessels in the fleet.", 1000.0, "vessels", "track"),
    ],
    ids=lambda v: str(v)[:30],
)
def test_features_quantities(text: str, value: float, unit: str, measure: str | None) -> None:
    [q] = features.quantities(text, 10)
    assert (q.value, q.unit, q.measure) == (value, unit, measure)
    assert q.span.start >= 10 and q.span.text == text[q.span.start - 10 : q.span.end - 10]


@pytest.mark.parametrize(
    "text", ["In 2014 troops entered Crimea.", "He was born on 24 February 1950."], ids=["year-before-noun", "date"]
)
def test_features_years_are_not_quantities(text: str) -> None:
    assert features.quantities(text, 0) == []


@pytest.mark.parametrize(
    ("text", "position"),
    [
        ("restoring relations with Russia should be a priority", "for"),
        ("NATO remains ready for dialogue", "for"),
        ("effectively closing the door on any potential partnership or membership for Moscow", "against"),
        ("Moscow ruled out any talks with the alliance", "against"),
        ("Russia has cut diplomatic ties with Lithuania", "against"),
        ("Now is not the time for negotiations with Moscow", "against"),
        ("It is too early to talk about renewed dialogue", "against"),
    ],
    ids=lambda v: str(v)[:30],
)
def test_features_stances(text: str, position: str) -> None:
    assert [s.position for s in features.stances(text)] == [position]


def test_features_stance_negated_support_is_not_a_stance_for() -> None:
    assert features.stances("NATO will not restore relations with Russia") == []


@pytest.mark.parametrize(
    ("body", "fragment", "target"),
    [
        ("The Kremlin dismissed as propaganda a Latvian report that Russia had massed troops.", "Kremlin", "latvia"),
        ("Moscow rejected claims by Washington that Russia would invade Finland.", "Moscow", "united-states"),
    ],
    ids=["demonym", "by-phrase"],
)
def test_features_rebuttal_target_named_otherwise(body: str, fragment: str, target: str) -> None:
    claim = claim_with(run(body), fragment)
    assert claim.rebuttal is not None and claim.rebuttal.target == target


def test_features_nominal_mentions_are_not_relations() -> None:
    """ "Russia's invasion of Ukraine" presupposes an event; the sentence asserts something else."""
    claim = claim_with(run("Russia's full-scale invasion of Ukraine prompted Finland to join NATO."), "prompted")
    assert [r for r in claim.relations if r.predicate == "attack"] == []


def test_features_a_denial_covers_its_own_clause_only() -> None:
    body = (
        "The Kremlin dismissed as propaganda a Latvian report that Russia had massed troops, and Russian Foreign "
        "Minister Sergei Lavrov insisted that Russia had no plans to attack NATO."
    )
    x = run(body)
    said = {(r.subject, r.object, r.negated) for c in x.claims for r in c.relations if r.predicate == "attack"}
    assert said == {("russia", "nato", True)}  # Lavrov's denial, not flipped back by the Kremlin's dismissal


def test_features_count_measure_after_the_noun() -> None:
    [q] = features.quantities("officials said about 4,500 Russian troops had been moved to the Pskov region", 0)
    assert (q.value, q.unit, q.measure) == (4500.0, "troops", "deploy")
