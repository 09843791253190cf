"""Conflicting dates: one event dated twice, one happening in other words on two dates."""

from __future__ import annotations

import pytest

from kg.contradict import dates_conflict, find_contradictions
from kg.models import DateStatement, Event
from tests.support.contradict import BIG_WAR, WAR, corpus_of, date, found_in


@pytest.mark.parametrize(
    ("a", "b", "conflict"),
    [
        ("2014", "2022-02-24", True),
        ("2022", "2022-02-24", False),  # a year and a full date in that year
        ("2022-02", "2022-02-24", False),
        ("2022-02", "2022-03", True),
        ("2022-02-24", "2022-02-25", True),
        ("1997-05", "2002", True),
    ],
    ids=lambda v: str(v),
)
def test_dates_conflict(a: str, b: str, conflict: bool) -> None:
    assert dates_conflict(date(a), date(b)) is conflict


def test_war_start_dates_conflict_across_nested_events() -> None:
    corpus = corpus_of(
        {
            "a1": [
                {
                    "text": "The conflict in Ukraine, which began in 2014, goes on.",
                    "dates": (DateStatement(event="war-ukraine", date=date("2014")),),
                    "about": ("war-ukraine",),
                }
            ],
            "a2": [
                {
                    "text": "The February 24, 2022, Russia-Ukraine War shook the world.",
                    "dates": (DateStatement(event="war-russia-ukraine", date=date("2022-02-24")),),
                }
            ],
        },
        events=(WAR, BIG_WAR),
        authors={"a1": "jane-doe", "a2": "john-roe"},
    )
    [found] = find_contradictions(corpus)
    assert (found.kind, found.claim_a, found.claim_b) == ("value", "a1/0-54", "a2/0-58")
    assert found.explanation == (
        "Jane Doe says the war in Ukraine began in 2014; John Roe dates the "
        "Russia–Ukraine war (the same war) to 24 February 2022."
    )


@pytest.mark.parametrize("case", ["year-vs-full-date", "two-summits", "two-elections", "same-voice"])
def test_date_near_misses(case: str) -> None:
    events: tuple[Event, ...]
    if case == "year-vs-full-date":
        events = (BIG_WAR,)
        a = ("The war began in 2022.", "war-russia-ukraine", "2022")
        b = ("Russia invaded on February 24, 2022.", "war-russia-ukraine", "2022-02-24")
    elif case == "two-summits":  # two different NATO summits in Vilnius, same key, different years
        events = (Event(key="summit-vilnius", kind="summit", name="Vilnius summit"),)
        a = ("Leaders met at the Vilnius summit in 2023.", "summit-vilnius", "2023")
        b = ("The Vilnius summit of 2009 was quieter.", "summit-vilnius", "2009")
    elif case == "two-elections":
        events = (
            Event(
                key="election-united-states",
                kind="election",
                name="election",
                participants=("united-states",),
            ),
        )
        a = ("The 2020 presidential election in the US was close.", "election-united-states", "2020")
        b = ("The US presidential election of 2024 was not.", "election-united-states", "2024")
    else:  # one article, its own voice, twice
        events = (BIG_WAR,)
        a = ("The war began in 2014.", "war-russia-ukraine", "2014")
        b = ("The war started on February 24, 2022.", "war-russia-ukraine", "2022-02-24")
    articles = {"a1": [{"text": a[0], "dates": (DateStatement(event=a[1], date=date(a[2])),)}]}
    second = {"text": b[0], "dates": (DateStatement(event=b[1], date=date(b[2])),)}
    if case == "same-voice":
        articles["a1"].append(second)
    else:
        articles["a2"] = [second]
    assert find_contradictions(corpus_of(articles, events=events)) == []


@pytest.mark.parametrize(
    ("participants", "reported"),
    [(("finland", "nato"), True), (("nato",), False)],
    ids=["one-member", "members-in-general"],
)
def test_accession_dates(participants: tuple[str, ...], reported: bool) -> None:
    """One state joins an organisation once; "the accession of new members" is many events."""
    event = Event(key="accession-x", kind="accession", name="accession of Finland to NATO", participants=participants)
    corpus = corpus_of(
        {
            "a1": [
                {
                    "text": "Finland joined NATO on 4 April 2023.",
                    "dates": (DateStatement(event="accession-x", date=date("2023-04-04")),),
                }
            ],
            "a2": [
                {
                    "text": "Finland, which joined the alliance in 2024, spends more.",
                    "dates": (DateStatement(event="accession-x", date=date("2024")),),
                }
            ],
        },
        events=(event,),
    )
    assert bool(find_contradictions(corpus)) is reported


def test_the_same_named_happening_on_two_dates_conflicts() -> None:
    found = found_in(
        "The interior ministry launched Operation Silent Harbour, a crackdown on smuggling networks, on 3 March 2024.",
        "Operation Silent Harbour, launched in May 2024 after months of planning, led to 40 arrests.",
    )
    assert [kind for kind, _ in found] == ["value"]


@pytest.mark.parametrize(
    ("first", "second"),
    [
        pytest.param("The interior ministry launched Operation Silent Harbour on 3 March 2024.",
                     "The interior ministry launched Operation Quiet Coast on 9 May 2024.", id="other-operation"),
        pytest.param("The interior ministry launched Operation Silent Harbour on 3 March 2024.",
                     "The interior ministry launched Operation Silent Harbour again on 9 May 2024.", id="again"),
        pytest.param("The interior ministry launched Operation Silent Harbour on 3 March 2024.",
                     "The interior ministry launched Operation Silent Harbour in March 2024.", id="same-month"),
    ],
)
def test_same_happening_near_misses(first: str, second: str) -> None:
    assert found_in(first, second) == []


def test_one_departure_on_two_weekdays_in_one_article_conflicts() -> None:
    """"set sail from" is "left"; weekdays are resolved against the article's date."""
    found = found_in(
        "Coast guard official Marco Rossi said the boat had set sail from the Libyan port of Zuwara on Tuesday. "
        "Aid worker Anna Bianchi said the migrants had left Zuwara on Monday night."
    )
    assert [kind for kind, _ in found] == ["value"]


@pytest.mark.parametrize(
    "bodies",
    [
        pytest.param(("Coast guard official Marco Rossi said the boat had set sail from the Libyan port of Zuwara "
                      "on Tuesday.", "Aid worker Anna Bianchi said the migrants had left Zuwara on Monday night."),
                     id="two-articles"),
        pytest.param(("Coast guard official Marco Rossi said the boat had set sail from the Libyan port of Zuwara "
                      "on Tuesday. Aid worker Anna Bianchi said the migrants had left Zuwara again on Monday night.",),
                     id="again"),
        pytest.param(("Coast guard official Marco Rossi said the boat had set sail from the Libyan port of Zuwara "
                      "on Tuesday. Aid worker Anna Bianchi said the migrants had left Sabratha on Monday night.",),
                     id="other-port"),
    ],
)
def test_departure_near_misses(bodies: tuple[str, ...]) -> None:
    assert found_in(*bodies) == []


def test_a_relative_clause_dates_what_it_tells_of() -> None:
    """"X, which was damaged in November 2023, did not return to service": X was damaged in November 2023."""
    found = found_in(
        "On 8 October 2023, the Balticconnector gas pipeline between Finland and Estonia was damaged, together "
        "with a telecommunications cable running alongside it.",
        "The Nord Stream pipelines were ruptured by explosions on September 26, 2022, and the Balticconnector "
        "pipeline between Finland and Estonia, which was damaged in November 2023, did not return to service "
        "until April 2024.",
    )
    assert [kind for kind, _ in found] == ["value"]


def test_a_relative_clause_of_another_pipeline_is_no_conflict() -> None:
    assert (
        found_in(
            "On 8 October 2023, the Balticconnector gas pipeline between Finland and Estonia was damaged.",
            "The Estlink cable between Finland and Estonia, which was damaged in December 2024, did not return to "
            "service until April 2025.",
        )
        == []
    )
