"""causes: two accounts of how one person died that share no mechanism; accounts that agree, or that decide
nothing, are no contradiction."""

from __future__ import annotations

from kg.contradict import find_contradictions
from kg.contradict.causes import mechanism
from tests.support.contradict import corpus_of


def test_causes_a_bullet_wound_against_a_blast_is_one_finding_for_all_its_pairs() -> None:
    corpus = corpus_of(
        {
            "a1": [
                {"text": "The ministry says Biden was killed when a bomb blast slammed his head into a lever.",
                 "claimant": "russia"},
                {"text": "His aide said Biden had a bullet wound to the head.", "claimant": "jane-doe"},
            ],
            "a2": [
                {"text": "His family say they are sure Biden died from a bullet wound.", "claimant": "john-roe"},
            ],
        },
        people=("joe-biden",),
    )
    [found] = find_contradictions(corpus)
    assert found.kind == "polarity" and found.compared in ("blast and blunt vs gunshot", "gunshot vs blast and blunt")
    assert found.others == 1 and len(found.pairs) == 1


def test_causes_near_misses() -> None:
    corpus = corpus_of(
        {
            "a1": [
                {"text": "The ministry says Biden was killed when a bomb blast slammed his head into a lever.",
                 "claimant": "russia"},
                {"text": "The police said Biden died of a head wound when the bomb went off.", "claimant": "jane-doe"},
                {"text": "No determination was made about whether Biden was shot.", "claimant": "john-roe"},
            ]
        },
        people=("joe-biden",),
    )
    assert find_contradictions(corpus) == []
    assert mechanism("she was buried on Friday") == frozenset()
