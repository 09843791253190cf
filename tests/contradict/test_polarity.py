"""Opposite polarity: a relation asserted and negated, short statements word for word."""

from __future__ import annotations

import pytest

from kg.contradict import find_contradictions
from kg.models import Relation
from tests.support.contradict import ATTACK, NO_ATTACK, corpus_of, found_in


def test_polarity_prediction_against_statement_of_intent() -> None:
    corpus = corpus_of(
        {
            "a1": [
                {
                    "text": "Biden warned that Russia would attack a NATO country if Putin won.",
                    "claimant": "joe-biden",
                    "modality": "conditional",
                    "relations": (ATTACK,),
                    "about": ("russia", "nato"),
                },
                {
                    "text": "Russia has no reason to fight NATO, Putin said.",
                    "claimant": "vladimir-putin",
                    "polarity": "negated",
                    "relations": (NO_ATTACK,),
                    "about": ("russia", "nato"),
                    "claim_type": "quote",
                },
            ]
        }
    )
    [found] = find_contradictions(corpus)
    assert found.kind == "polarity"
    assert found.modality == "conditional vs factual"
    assert "Joe Biden says Russia would attack Nato (conditional)" in found.explanation
    assert "Vladimir Putin says Russia would not attack Nato" in found.explanation
    assert "statement of intent" in found.explanation


@pytest.mark.parametrize(
    "case", ["same-speaker", "unrelated-subjects", "author-vs-quoted-speaker", "fact-vs-prediction"]
)
def test_polarity_near_misses(case: str) -> None:
    if case == "fact-vs-prediction":  # a prediction that something would not happen, and the fact that it did
        claims = [
            {
                "text": "Lavrov said in January that Russia would not invade Ukraine.",
                "claimant": "sergei-lavrov",
                "modality": "predictive",
                "relations": (Relation(subject="russia", predicate="attack", object="ukraine", negated=True),),
            },
            {
                "text": "Blinken said Russia attacked Ukraine in February.",
                "claimant": "antony-blinken",
                "relations": (Relation(subject="russia", predicate="attack", object="ukraine"),),
            },
        ]
    elif case == "same-speaker":  # the same speaker, two wordings: not a contradiction kg reports
        claims = [
            {
                "text": "Putin said Russia would not attack NATO.",
                "claimant": "vladimir-putin",
                "relations": (NO_ATTACK,),
            },
            {
                "text": "Putin said Russia would attack NATO only if attacked.",
                "claimant": "vladimir-putin",
                "modality": "conditional",
                "relations": (ATTACK,),
            },
        ]
    elif case == "unrelated-subjects":  # hedged vs factual, about different things
        claims = [
            {
                "text": "Analysts say Russia may attack Finland.",
                "claimant": "group.a1.analysts",
                "modality": "hedged",
                "relations": (Relation(subject="russia", predicate="attack", object="finland"),),
            },
            {
                "text": "Blinken said the US will not support Poland.",
                "claimant": "antony-blinken",
                "relations": (Relation(subject="united-states", predicate="support", object="poland", negated=True),),
            },
        ]
    else:  # the article's own voice summarising the speaker it quotes
        claims = [
            {
                "text": "Biden warned that Russia would attack NATO.",
                "claimant": "joe-biden",
                "relations": (ATTACK,),
            },
            {
                "text": "Putin's statements show that Russia does not intend to attack NATO.",
                "relations": (NO_ATTACK,),
            },
        ]
    assert find_contradictions(corpus_of({"a1": claims})) == []


def test_polarity_article_voices_of_two_articles_conflict() -> None:
    corpus = corpus_of(
        {
            "a1": [
                {
                    "text": "Russia will attack NATO within five years.",
                    "modality": "predictive",
                    "relations": (ATTACK,),
                }
            ],
            "a2": [
                {
                    "text": "Russia will never attack NATO.",
                    "modality": "predictive",
                    "relations": (NO_ATTACK,),
                }
            ],
        },
        authors={"a1": "jane-doe", "a2": "john-roe"},
    )
    [found] = find_contradictions(corpus)
    assert (found.kind, found.claim_a, found.claim_b) == ("polarity", "a1/0-42", "a2/0-30")
    assert found.explanation.startswith("Jane Doe says Russia would attack Nato")


def test_a_short_statement_denied_by_another_speaker_in_one_article_conflicts() -> None:
    found = found_in(
        "“This is not censorship. Not a single post is being removed from the platform,” said minister Anna Berg.\n\n"
        "“Let us call this what it is: this is censorship, plain and simple,” said opposition leader Karl Lind."
    )
    assert [kind for kind, _ in found] == ["polarity"]
    assert "This is not censorship" in found[0][1]


@pytest.mark.parametrize(
    "bodies",
    [
        pytest.param(("“This is not censorship,” said minister Anna Berg.",
                      "“Let us call this what it is: this is censorship, plain and simple,” said opposition leader "
                      "Karl Lind."), id="two-articles"),
        pytest.param(("“This is not censorship,” said minister Anna Berg.\n\n“Let us call this what it is: this is "
                      "regulation, plain and simple,” said opposition leader Karl Lind.",), id="other-word"),
        pytest.param(("“This is not censorship,” said minister Anna Berg.\n\n“Let us be clear: this is not "
                      "censorship,” said opposition leader Karl Lind.",), id="both-denied"),
    ],
)
def test_short_statement_near_misses(bodies: tuple[str, ...]) -> None:
    assert found_in(*bodies) == []


@pytest.mark.parametrize(
    "bodies",
    [
        pytest.param(("“I am not a candidate for the presidency,” said senator Anna Berg.\n\n“I am a candidate for "
                      "the presidency,” said governor Karl Lind.",), id="short-first-person"),
        pytest.param(("“We will meet the deficit target this year,” said finance minister Pedro Alves.",
                      "“We will not meet the deficit target this year,” said Chilean finance minister Mario Marcel."),
                     id="two-speakers-we"),
    ],
)
def test_first_person_of_two_speakers_is_two_subjects(bodies: tuple[str, ...]) -> None:
    assert found_in(*bodies) == []
