"""account rebuttal: a party calling a holder's account false, set against that holder's first statement in
the article; the article's own narration and a call without a verdict are not."""

from __future__ import annotations

from kg.contradict import find_contradictions
from kg.contradict.context import textual_holder
from tests.support.contradict import corpus_of


def test_account_rejected_by_the_other_party() -> None:
    corpus = corpus_of(
        {
            "a1": [
                {"text": "The ministry said Friday the bridge collapsed under its own weight."},
                {"text": "The ministry also said repairs will start soon."},
                {"text": "Opposition leaders called the ministry's version of the events lies."},
            ]
        }
    )
    [found] = find_contradictions(corpus)
    assert found.kind == "rebuttal" and found.claim_a == "a1/0-67" and found.compared == "stated vs rejected"


def test_account_near_misses() -> None:
    corpus = corpus_of(
        {
            "a1": [
                {"text": "The bridge collapsed under its own weight on Friday."},
                {"text": "Opposition leaders called the ministry's version of the events lies."},
                {"text": "The ministry said Friday the bridge collapsed under its own weight."},
                {"text": "Engineers called the ministry's account detailed."},
            ]
        }
    )
    assert find_contradictions(corpus) == []
    assert textual_holder("He denied the charge.") is None
