"""Explicit rebuttals, rejected reports in other words, and answers to the claim before."""

from __future__ import annotations

import pytest

from kg.contradict import find_contradictions
from kg.contradict.rebuttal import ANSWER, REJECTED
from kg.models import Rebuttal, Relation
from tests.support.contradict import ATTACK, NO_ATTACK, corpus_of, found_in


def test_rebuttal_of_a_state_links_its_office_holder() -> None:
    """ "dismissed a US report": what the US president said is what the US said."""
    corpus = corpus_of(
        {
            "a1": [
                {
                    "text": "Biden said Russia would attack NATO and Poland.",
                    "claimant": "joe-biden",
                    "modality": "predictive",
                    "relations": (ATTACK,),
                    "about": ("russia", "nato", "poland"),
                }
            ],
            "a2": [
                {
                    "text": "Moscow dismissed as propaganda a US report that Russia would attack NATO.",
                    "claimant": "russia",
                    "relations": (NO_ATTACK,),
                    "polarity": "negated",
                    "rebuttal": Rebuttal(target="united-states", cue="dismissed … report"),
                    "about": ("united-states", "russia", "nato"),
                }
            ],
        }
    )
    found = find_contradictions(corpus)
    assert [k.kind for k in found] == ["rebuttal"]
    assert found[0].explanation.startswith("Russia rejects what Joe Biden (United States) said")


def test_rebuttal_links_the_rejected_claim() -> None:
    corpus = corpus_of(
        {
            "a1": [
                {
                    "text": "Biden warned that Russia would attack a NATO country.",
                    "claimant": "joe-biden",
                    "modality": "predictive",
                    "relations": (ATTACK,),
                    "about": ("russia", "nato"),
                },
                {
                    "text": "Biden also said the US backs Ukraine.",
                    "claimant": "joe-biden",
                    "relations": (Relation(subject="united-states", predicate="support", object="ukraine"),),
                    "about": ("united-states", "ukraine"),
                },
                {
                    "text": "Putin called Biden's claim that Russia would attack NATO complete nonsense.",
                    "claimant": "vladimir-putin",
                    "polarity": "negated",
                    "relations": (NO_ATTACK,),
                    "rebuttal": Rebuttal(target="joe-biden", cue="called … nonsense"),
                    "about": ("joe-biden", "russia", "nato"),
                },
            ]
        }
    )
    found = find_contradictions(corpus)
    assert [(k.kind, k.claim_a, k.claim_b) for k in found] == [("rebuttal", "a1/0-53", "a1/92-167")]
    assert found[0].explanation.startswith("Vladimir Putin rejects what Joe Biden said (“called … nonsense”)")


def test_rebuttal_needs_a_shared_topic() -> None:
    """Putin rejecting something of Biden's is not set against an unrelated Biden claim in another article."""
    corpus = corpus_of(
        {
            "a1": [
                {
                    "text": "Putin called Biden's remarks on Russia nonsense.",
                    "claimant": "vladimir-putin",
                    "rebuttal": Rebuttal(target="joe-biden", cue="called … nonsense"),
                    "about": ("joe-biden", "russia"),
                }
            ],
            "a2": [
                {
                    "text": "Biden said the EU must back Ukraine.",
                    "claimant": "joe-biden",
                    "about": ("european-union", "ukraine"),
                }
            ],
        }
    )
    assert find_contradictions(corpus) == []


_MOVED = (
    "VILNIUS (Reuters) - Belarus has moved about 4,000 troops and dozens of tanks to the Grodno region near the "
    "Lithuanian border, the Lithuanian defence minister, Dovile Sakaliene, said on Friday."
)


def test_a_rejected_report_is_the_claim_that_words_it() -> None:
    """The minister is not known to hold office in Lithuania, but says what "a Lithuanian report" says."""
    found = found_in(
        _MOVED,
        "MINSK (AP) - The Belarusian government on Saturday dismissed as propaganda a Lithuanian report that "
        "Belarus had massed thousands of troops near the Baltic country's border.",
    )
    assert [kind for kind, _ in found] == ["rebuttal"]


def test_a_rejected_report_on_something_else_is_not_that_claim() -> None:
    assert (
        found_in(
            _MOVED,
            "MINSK (AP) - The Belarusian government on Saturday dismissed as propaganda a Lithuanian report that "
            "Belarusian hackers had attacked the power grid of the Baltic country.",
        )
        == []
    )


def test_rejected_words() -> None:
    assert REJECTED.search("dismissed a report that Belarus had massed troops near the border")
    assert not REJECTED.search("dismissed the report as propaganda")


def test_a_claim_answering_the_one_before_is_a_rebuttal() -> None:
    found = found_in(
        "Turkey has repeatedly claimed that the new dam takes only a tenth of the river's flow. "
        "The record suggests otherwise: downstream farmers lost most of their water in the summer."
    )
    assert [kind for kind, _ in found] == ["rebuttal"]


@pytest.mark.parametrize(
    "body",
    [
        pytest.param("Turkey has repeatedly claimed that the new dam takes only a tenth of the river's flow. "
                     "Downstream farmers lost most of their water in the summer, the record suggests.", id="no-cue"),
        pytest.param("Turkey has repeatedly claimed that the new dam takes only a tenth of the river's flow. "
                     "Farmers' leader Ali Demir said the new canal had cost 40 million dollars to build. "
                     "The record suggests otherwise: downstream farmers lost most of their water.", id="not-next"),
    ],
)
def test_answer_near_misses(body: str) -> None:
    """No cue, or the claim answered is not the one right before: Turkey's claim is not answered."""
    assert [pair for kind, pair in found_in(body) if kind == "rebuttal" and "a tenth" in pair] == []


@pytest.mark.parametrize(
    ("text", "answers"),
    [("The record suggests otherwise: most were not.", True), ("That is simply not true.", True),
     ("The Houthi claim is false.", True), ("This claim is baseless, the ministry said.", True),
     ("The record shows a rise in attacks.", False), ("It is true that prices rose.", False)],
)
def test_answer_cues(text: str, answers: bool) -> None:
    assert bool(ANSWER.match(text)) is answers
