"""evaluation: the same thing judged a success by one party and a failure by another; near-misses kept apart."""

from __future__ import annotations

from kg.contradict import find_contradictions
from kg.contradict.evaluation import EVALUATIONS, judged, valence
from tests.support.contradict import corpus_of


def test_every_evaluation_word_has_a_valence_in_the_shipped_lexicon() -> None:
    assert all(valence(w) != 0 for w in EVALUATIONS)


def test_evaluation_success_against_failure_of_the_same_launch() -> None:
    corpus = corpus_of(
        {
            "a1": [
                {"text": "The agency said the rocket had successfully launched a satellite.", "claimant": "russia"},
                {"text": "The command stated that the launch of the rocket failed.", "claimant": "nato"},
            ]
        }
    )
    [found] = find_contradictions(corpus)
    assert found.kind == "evaluation" and found.compared == "positive vs negative"
    assert "judged favourably" in found.explanation


def test_evaluation_near_misses() -> None:
    corpus = corpus_of(
        {
            "a1": [
                # other things judged; a denial ("failed to") judges nothing; one party says both
                {"text": "The agency said the rocket had successfully launched a satellite.", "claimant": "russia"},
                {"text": "The command stated that the harvest plan failed badly.", "claimant": "nato"},
                {"text": "The army failed to take the rocket launch site.", "claimant": "ukraine"},
                {"text": "The agency said the launch of the rocket failed.", "claimant": "russia"},
            ]
        }
    )
    assert find_contradictions(corpus) == []
    assert judged("the army failed to take the town", False) == (0, ())
    assert judged("the talks did not fail", True)[0] == 1
