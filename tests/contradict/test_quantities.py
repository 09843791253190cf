"""Conflicting numbers: one measure, or the same figure in other words; rounding, bounds, tolls."""

from __future__ import annotations

from typing import Any

import pytest

from kg.contradict import find_contradictions, quantities_conflict
from kg.contradict.words import content_word
from kg.models import Quantity, Span
from tests.support.contradict import corpus_of, extracted_corpus, found_in, quantity


def troops(
    value: float, text: str, who: str | None, article: str = "a1", number: str | None = None, **extra: Any
) -> dict[str, Any]:
    q = quantity(value, number or text.split(" troops")[0].split()[-1])
    q["text"] = number or q["text"]
    spec: dict[str, Any] = {"text": text, "about": ("united-states", "poland"), "quantities": [q], **extra}
    if who:
        spec["claimant"] = who
    return spec


def test_quantity_conflict_is_reported() -> None:
    corpus = corpus_of(
        {
            "a1": [troops(3000, "The US deployed 3,000 troops to Poland, the Pentagon said.", "joe-biden")],
            "a2": [troops(4500, "Washington sent 4,500 troops to Poland, Blinken said.", "antony-blinken")],
        }
    )
    [found] = find_contradictions(corpus)
    assert found.kind == "value"
    assert found.explanation == (
        "Joe Biden says “The US deployed 3,000 troops to Poland”; Antony Blinken says “Washington sent 4,500 "
        "troops to Poland”: "
        "4,500 troops is 50% more than 3,000 troops, more than rounding or approximation allows."
    )


def test_quantity_conflict_in_the_same_place() -> None:
    corpus = corpus_of(
        {
            "a1": [troops(4500, "Riga said about 4,500 Russian troops were moved to Pskov.", "joe-biden")],
            "a2": [
                troops(
                    3000,
                    "Blinken said some 3,000 Russian soldiers have arrived in Pskov.",
                    "antony-blinken",
                    number="3,000",
                )
            ],
        }
    )
    [found] = find_contradictions(corpus)
    assert "4,500 troops is 50% more than 3,000 troops" in found.explanation


@pytest.mark.parametrize(
    "case", ["rounding", "approximately", "unit-conversion", "bound", "other-actors", "other-places", "other-years"]
)
def test_quantity_near_misses(case: str) -> None:
    a = troops(3000, "The US deployed 3,000 troops to Poland.", "joe-biden")
    if case == "rounding":
        b = troops(3050, "The US deployed 3,050 troops to Poland.", "antony-blinken", "a2")
    elif case == "approximately":
        b = troops(3300, "The US deployed about 3,300 troops to Poland.", "antony-blinken", "a2")
    elif case == "unit-conversion":  # 1,000 km against 621 miles (normalised to km at extraction)
        a = {
            "text": "The border runs 1,000 km, Biden said.",
            "claimant": "joe-biden",
            "about": ("finland", "russia"),
            "quantities": [quantity(1000.0, "1,000", unit="km", measure="run")],
        }
        b = {
            "text": "The border runs 621 miles, Blinken said.",
            "claimant": "antony-blinken",
            "about": ("finland", "russia"),
            "quantities": [quantity(999.402624, "621", unit="km", measure="run")],
        }
    elif case == "bound":
        b = troops(4500, "The US deployed more than 3,000 troops to Poland.", "antony-blinken", "a2", number="3,000")
        b["quantities"][0]["value"] = 3000.0
        a = troops(4500, "The US deployed 4,500 troops to Poland.", "joe-biden")
    elif case == "other-actors":
        b = troops(4500, "The US deployed 4,500 troops to Finland.", "antony-blinken", "a2")
        b["about"] = ("united-states", "finland")
    elif case == "other-places":  # the same actors, but troops sent to two different places
        a = troops(3000, "Moscow said 3,000 Russian troops were moved to Pskov.", "vladimir-putin")
        b = troops(4500, "Blinken said 4,500 Russian troops were moved to Kaliningrad.", "antony-blinken", "a2")
    else:
        a = troops(3000, "The US deployed 3,000 troops to Poland in 2022.", "joe-biden")
        b = troops(4500, "The US deployed 4,500 troops to Poland in 2024.", "antony-blinken", "a2")
    assert find_contradictions(corpus_of({"a1": [a], "a2": [b]})) == []


@pytest.mark.parametrize(
    ("a", "b", "qa", "qb", "conflict"),
    [
        (3000, 4500, "", "", True),
        (3000, 3050, "", "", False),
        (3000, 3050, "about", "", False),
        (12e9, 15e9, "", "", True),
        (1000, 999.402624, "", "", False),
        (3000, 4500, "more than", "", False),
        (5000, 4500, "nearly", "", False),
        (2.0, 4.0, "", "", True),
    ],
    ids=lambda v: str(v),
)
def test_quantities_conflict(a: float, b: float, qa: str, qb: str, conflict: bool) -> None:
    def q(value: float) -> Quantity:
        text = f"{value:,.0f}" if value >= 100 and value == int(value) else str(value)
        return Quantity(value=value, unit="x", span=Span(start=0, end=len(text), text=text))

    assert quantities_conflict(q(a), q(b), qa, qb) is conflict


def test_same_figure_in_other_words_conflicts() -> None:
    found = found_in(
        "The Ministry of Health counted 412 people treated in coastal hospitals after the flood, the ministry "
        "said in a statement.",
        "The health ministry recorded 260 people treated in coastal hospitals after the two-day flood, "
        "Reuters reported.",
    )
    assert [kind for kind, _ in found] == ["value"]
    assert "412" in found[0][1] and "260" in found[0][1]


@pytest.mark.parametrize(
    ("first", "second"),
    [
        pytest.param("Spain spent 1.3% of its GDP on defence in 2024, officials said.",
                     "Portugal spent 1.6% of its GDP on defence in 2024, officials said.", id="other-country"),
        pytest.param("Spain spent 1.3% of its GDP on defence in 2023, officials said.",
                     "Spain spent 1.6% of its GDP on defence in 2024, officials said.", id="other-year"),
        pytest.param("Spain spent about 1.3% of its GDP on defence in 2024, officials said.",
                     "Spain spent 1.35% of its GDP on defence in 2024, officials said.", id="within-rounding"),
        pytest.param("The survey has a margin of error of plus or minus 2.8 percentage points, Gallup said.",
                     "The margin of error is plus or minus 4.9 percentage points for young voters, Ipsos said.",
                     id="margin-of-error"),
    ],
)
def test_same_figure_near_misses(first: str, second: str) -> None:
    assert found_in(first, second) == []


def test_one_count_in_one_article_in_other_words_conflicts() -> None:
    """"aboard" and "on board", two speakers in one article: the unit counts as a shared word there."""
    found = found_in(
        "Coast guard official Marco Rossi said about 95 people were believed to have been aboard. "
        "Aid worker Anna Bianchi said there had been around 130 people on board."
    )
    assert [kind for kind, _ in found] == ["value"]


def test_one_word_and_the_unit_across_articles_is_not_enough() -> None:
    """In two articles "people aboard" may be two boats."""
    assert (
        found_in(
            "Coast guard official Marco Rossi said about 95 people were believed to have been aboard.",
            "Aid worker Anna Bianchi said there had been around 130 people on board.",
        )
        == []
    )


def test_voted_in_favour_and_voted_for_are_one_figure() -> None:
    """The article's own count against a speaker's direct quote in the same article."""
    found = found_in(
        "The resolution was adopted on 3 May, with 124 countries voting in favour and 11 abstaining. "
        "“Only around 90 countries actually voted for this text,” said Jordan diplomat Omar Haddad."
    )
    assert [kind for kind, _ in found] == ["value"]


def test_the_article_against_reported_speech_in_it_is_not_compared() -> None:
    """Reported speech in the same article may be the article summarising the speaker: not compared."""
    assert (
        found_in(
            "The resolution was adopted on 3 May, with 124 countries voting in favour. "
            "Jordan diplomat Omar Haddad said around 90 countries voted for the resolution."
        )
        == []
    )


def test_one_claimant_reported_with_two_figures_in_two_articles_conflicts() -> None:
    corpus = extracted_corpus(
        "The pollster Gallup said 62% of respondents support raising the fuel tax.",
        "A Gallup survey found that 56% of respondents backed raising the fuel tax.",
    )
    [found] = find_contradictions(corpus)
    assert found.kind == "value"
    assert "Two articles report Gallup with different figures." in found.explanation


def test_one_claimant_in_one_article_is_still_not_compared() -> None:
    assert (
        found_in(
            "The pollster Gallup said 62% of respondents support raising the fuel tax. "
            "Gallup said 56% of respondents backed raising the fuel tax."
        )
        == []
    )


def test_a_toll_in_articles_of_other_days_is_an_update() -> None:
    from kg.extract import extract
    from kg.resolve import resolve
    from tests.support.extract_helpers import article

    bodies = (
        ("Health ministry spokesman Ali Demir said 52 people were killed in the floods in Kerala.", "2025-06-02"),
        ("Health ministry spokesman Ali Demir said 87 people were killed in the floods in Kerala.", "2025-06-05"),
    )
    corpus = resolve([extract(article(b, id=f"t{i}", published=d)) for i, (b, d) in enumerate(bodies)])
    assert find_contradictions(corpus) == []
    same_day = resolve([extract(article(b, id=f"t{i}", published="2025-06-02")) for i, (b, _) in enumerate(bodies)])
    assert [c.kind for c in find_contradictions(same_day)] == ["value"]


def test_the_unit_counts_as_a_word_only_for_counted_things() -> None:
    """Two sums of money in one article share their currency, not what they are of."""
    assert (
        found_in(
            "The company reported revenue of $5 billion for the year. “Our revenue will grow to $6 billion,” "
            "chief executive Anna Berg said."
        )
        == []
    )


def test_figures_of_articles_on_other_actors_are_not_compared() -> None:
    """Neither clause says whose spending it is; one article is about Taiwan, the other about Poland."""
    taiwan = (
        "Taiwan and China traded accusations again. Taiwan said China had sent ships. A poll found that 63% "
        "back raising defence spending to 3% of GDP, while 29% oppose it."
    )
    poland = (
        "Poland and Germany met in Berlin. Poland said Germany must do more. Pollsters found that 48% back "
        "raising defence spending to 3% of GDP."
    )
    assert [kind for kind, _ in found_in(taiwan, poland)] == []
    assert [kind for kind, _ in found_in(taiwan, poland.replace("Germany", "Taiwan"))] == ["value"]


def test_a_toll_in_other_words_in_one_article_conflicts() -> None:
    found = found_in(
        "Police chief Marco Rossi said 27 people died in the fire. Mayor Anna Bianchi said 45 people were killed."
    )
    assert [kind for kind, _ in found] == ["value"]
    assert content_word("killed") == content_word("dead") == content_word("deaths")
