"""The same statement in other words, asserted and denied or called false (kg's extractor on made-up sentences)."""

from __future__ import annotations

import pytest

from kg.contradict import find_contradictions
from kg.contradict.clauses import FALSE_LEAD
from kg.contradict.rebuttal import ANSWER
from tests.support.contradict import extracted_corpus, found_in


def test_the_same_statement_denied_is_opposite_polarity() -> None:
    found = found_in(
        "“Ankara has deliberately cut the flow of the Euphrates without warning,” said Iraq's water minister "
        "Aoun Dhiab.",
        "“Ankara has not cut the flow of the Euphrates,” said Turkish foreign ministry spokesman Oncu Keceli.",
    )
    assert [kind for kind, _ in found] == ["polarity"]


@pytest.mark.parametrize(
    ("first", "second"),
    [
        pytest.param("“Ankara has cut the flow of the Euphrates,” said Aoun Dhiab.",
                     "“Ankara has not cut the flow of the Tigris,” said Oncu Keceli.", id="other-river"),
        pytest.param("“Ankara cut the flow of the Euphrates in 2023,” said Aoun Dhiab.",
                     "“Ankara did not cut the flow of the Euphrates in 2024,” said Oncu Keceli.", id="other-year"),
        pytest.param("“Ankara has cut the flow of the Euphrates,” said Aoun Dhiab.",
                     "“Ankara has cut the flow of the Euphrates again,” said Oncu Keceli.", id="both-asserted"),
        pytest.param("“Ankara will cut the flow of the Euphrates,” said Aoun Dhiab.",
                     "“Ankara has not cut the flow of the Euphrates,” said Oncu Keceli.", id="prediction-vs-fact"),
    ],
)
def test_same_statement_near_misses(first: str, second: str) -> None:
    assert found_in(first, second) == []


def test_a_prediction_against_a_conditional_denial_is_labelled() -> None:
    corpus = extracted_corpus(
        "Lifting the fuel subsidy now would only deepen the recession and push millions into poverty.",
        "Lifting the fuel subsidy need not deepen the recession if the savings fund cash transfers.",
    )
    (found,) = find_contradictions(corpus)
    assert found.kind == "polarity"
    assert found.modality == "predictive vs conditional"
    assert "(predictive)" in found.explanation and "(conditional)" in found.explanation
    assert "deepen" in found.explanation


def test_a_statement_called_false_is_a_rebuttal() -> None:
    corpus = extracted_corpus(
        "“Closing the steel plant would cost the region ten thousand jobs,” said union leader Karen Holt.",
        "The claim that closing the steel plant would cost the region ten thousand jobs is simply not true, "
        "economy minister Pedro Alves said on Tuesday.",
        "Economist Maria Lopez said the new tariffs have raised grocery prices across the country.",
        "“It is false that the new tariffs have raised grocery prices across the country,” Pedro Alves said.",
    )
    found = find_contradictions(corpus)
    assert [c.kind for c in found] == ["rebuttal", "rebuttal"]
    assert all("Pedro Alves calls false what" in c.explanation for c in found)
    assert "Karen Holt" in found[0].explanation and "Maria Lopez" in found[1].explanation


def test_anyone_who_says_x_is_wrong_calls_x_false() -> None:
    found = found_in(
        "“Chile does not have a housing shortage today,” said President Gabriel Boric.",
        "“Anyone who says Chile no longer has a housing shortage is not looking at the data,” said economist "
        "Maria Soto.",
    )
    assert [kind for kind, _ in found] == ["rebuttal"]


def test_anyone_who_says_x_is_wrong_agrees_with_someone_denying_x() -> None:
    """Calling "Chile no longer has a shortage" wrong agrees with "Chile has a housing shortage"."""
    assert (
        found_in(
            "“Chile has a housing shortage today,” said President Gabriel Boric.",
            "“Anyone who says Chile no longer has a housing shortage is not looking at the data,” said economist "
            "Maria Soto.",
        )
        == []
    )


def test_the_article_calling_a_quote_false_is_a_rebuttal() -> None:
    """Within one article, the author calls false a quote whose speaker the extractor could not name."""
    corpus = extracted_corpus(
        "Its reasoning was set out by a spokesperson for the ministry last month: “Closing the rail line would "
        "cost taxpayers millions of euros and is not the best outcome for passengers.”\n\n"
        "The claim that closing the rail line would cost taxpayers millions is simply not true."
    )
    found = find_contradictions(corpus)
    assert [c.kind for c in found] == ["rebuttal"]
    assert "a speaker quoted by" in found[0].explanation


def test_a_deadline_asserted_before_one_denied_conflicts() -> None:
    found = found_in(
        "The International Energy Agency projects that global coal demand will peak before 2027, as renewables "
        "spread.",
        "The World Coal Association has insisted that coal demand will not peak before 2040.",
    )
    assert [kind for kind, _ in found] == ["polarity"]
    assert "before 2027" in found[0][1] and "before 2040" in found[0][1]


@pytest.mark.parametrize(
    ("first", "second"),
    [
        pytest.param("The International Energy Agency projects that global coal demand will peak before 2045.",
                     "The World Coal Association has insisted that coal demand will not peak before 2040.",
                     id="later-deadline-asserted"),
        pytest.param("The International Energy Agency projects that global oil demand will peak before 2027.",
                     "The World Coal Association has insisted that coal demand will not peak before 2040.",
                     id="other-fuel"),
    ],
)
def test_deadline_near_misses(first: str, second: str) -> None:
    assert found_in(first, second) == []


@pytest.mark.parametrize(
    ("first", "second"),
    [
        pytest.param("“Ankara has cut the flow of the Euphrates,” said Iraqi water minister Aoun Dhiab.",
                     "Turkish spokesman Oncu Keceli denied that Ankara had cut the flow of the Euphrates.",
                     id="denied-that"),
        pytest.param("“The sanctions have dented the Iranian oil economy,” said minister Anna Berg.",
                     "“The sanctions have failed to dent the Iranian oil economy,” said economist Karl Lind.",
                     id="failed-to"),
        pytest.param("“We will meet the deficit target this year,” said finance minister Pedro Alves.",
                     "“The government will miss the deficit target this year,” said economist Karl Lind.",
                     id="miss"),
    ],
)
def test_denials_in_other_words(first: str, second: str) -> None:
    assert [kind for kind, _ in found_in(first, second)] == ["polarity"]


def test_two_denials_agree() -> None:
    assert (
        found_in(
            "“Ankara has not cut the flow of the Euphrates,” said Turkish minister Ali Demir.",
            "Turkish spokesman Oncu Keceli denied that Ankara had cut the flow of the Euphrates.",
        )
        == []
    )


@pytest.mark.parametrize(
    ("first", "second"),
    [
        pytest.param("Finnish police chief Anna Berg said the tanker had cut the power cable with its anchor.",
                     "Moscow rejected claims that the tanker had cut the power cable with its anchor.",
                     id="rejected-claims-that"),
        pytest.param("Finnish police chief Anna Berg said the tanker had cut the power cable with its anchor.",
                     "The shipping company said there is no evidence that the tanker had cut the power cable.",
                     id="no-evidence-that"),
        pytest.param("Finnish police chief Anna Berg said the tanker had cut the power cable with its anchor.",
                     "“The claim that the tanker cut the power cable is categorically false,” owner Karl Lind said.",
                     id="categorically-false"),
    ],
)
def test_more_denial_leads(first: str, second: str) -> None:
    assert len(found_in(first, second)) == 1


def test_it_is_wrong_is_a_judgement_not_a_rebuttal() -> None:
    """"It is wrong that X" and a reply "This is wrong" judge X; they do not call it false."""
    assert not ANSWER.match("This is wrong, and it must stop.")
    assert not FALSE_LEAD.search("It is wrong")
    assert ANSWER.match("The claim is wrong.")
