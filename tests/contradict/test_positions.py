"""positions: parties for and against the same move, one finding for the move; a position held inside a
relative clause, or on another move, is not the speaker's."""

from __future__ import annotations

from kg.contradict import find_contradictions
from kg.contradict.positions import position
from tests.support.contradict import corpus_of


def test_positions_recognising_against_null_and_void_is_one_finding() -> None:
    corpus = corpus_of(
        {
            "a1": [
                {"text": "Any move by Finland to leave Poland will be null and void, Putin said.",
                 "claimant": "vladimir-putin", "about": ("finland", "poland")},
            ],
            "a2": [
                {"text": "Biden joined allies in recognizing the independence of Finland from Poland.",
                 "claimant": "joe-biden", "about": ("finland", "poland")},
                {"text": "Blinken said the US backs the independence of Finland from Poland.",
                 "claimant": "antony-blinken", "about": ("finland", "poland")},
            ],
        }
    )
    [found] = find_contradictions(corpus)
    assert found.kind == "stance" and found.compared == "for vs against" and found.others == 1


def test_positions_near_misses() -> None:
    corpus = corpus_of(
        {
            "a1": [
                {"text": "Biden urged Russia, which bitterly opposed the plan for Ukraine, to talk.",
                 "claimant": "joe-biden", "about": ("ukraine", "russia")},
                {"text": "Blinken said the US backs the plan for Ukraine and Russia.",
                 "claimant": "antony-blinken", "about": ("ukraine", "russia")},
                {"text": "Putin condemned the strike on Poland.", "claimant": "vladimir-putin", "about": ("poland",)},
            ]
        }
    )
    assert find_contradictions(corpus) == []
    assert position("it would never recognize the state") == ("against", "never recognize", "the state")
