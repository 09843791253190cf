"""Opposing stances of two named claimants."""

from __future__ import annotations

from typing import Any

import pytest

from kg.contradict import find_contradictions
from kg.models import Stance
from tests.support.contradict import corpus_of

FOR = Stance(issue="relations", position="for", cue="restoring relations")


AGAINST = Stance(issue="relations", position="against", cue="closing the door on")


def test_stance_between_named_claimants() -> None:
    corpus = corpus_of(
        {
            "a1": [
                {
                    "text": "Putin closed the door on any partnership with NATO.",
                    "claimant": "vladimir-putin",
                    "stances": (AGAINST,),
                    "about": ("nato", "russia"),
                }
            ],
            "a2": [
                {
                    "text": "Stoltenberg said restoring relations with Russia should be a priority.",
                    "claimant": "jens-stoltenberg",
                    "stances": (FOR,),
                    "about": ("russia",),
                }
            ],
        }
    )
    [found] = find_contradictions(corpus)  # Stoltenberg speaks for NATO (his office, from the gazetteer)
    assert found.kind == "stance"
    assert found.explanation.startswith("Jens Stoltenberg is for dialogue and relations between Nato and Russia")


@pytest.mark.parametrize("case", ["unnamed-group", "same-claimant", "authorial", "one-shared-actor"])
def test_stance_near_misses(case: str) -> None:
    pro: dict[str, Any] = {
        "text": "Lavrov said restoring relations with NATO should be a priority.",
        "claimant": "sergei-lavrov",
        "stances": (FOR,),
        "about": ("nato", "russia"),
    }
    con: dict[str, Any] = {
        "text": "Blinken ruled out talks between NATO and Russia.",
        "claimant": "antony-blinken",
        "stances": (AGAINST,),
        "about": ("nato", "russia"),
    }
    if case == "unnamed-group":
        con["claimant"] = "group.a1.analysts"
    elif case == "same-claimant":
        con["claimant"] = "sergei-lavrov"
    elif case == "authorial":
        del con["claimant"]
    else:
        con["about"] = ("nato", "ukraine")
    assert find_contradictions(corpus_of({"a1": [pro], "a2": [con]})) == []
