"""Which sentences are claims and what they say, on hand-made sentences (general patterns, not seed text)."""

from __future__ import annotations

import pytest

from tests.support.extract_helpers import claim_with, has_claim, label, run


@pytest.mark.parametrize(
    "body",
    [
        pytest.param("What will happen to the alliance if the United States walks away next year?", id="question"),
        pytest.param("This article examines the causes of the crisis and what may follow it.", id="meta"),
        pytest.param("European governments must invest far more in their own defence industries now.",
                     id="normative"),
        pytest.param("It is essential to keep channels of communication open between the two sides.",
                     id="normative-essential"),
        pytest.param("Consider validating the key points of this report against other sources.", id="imperative"),
    ],
)
def test_claims_non_claims_are_skipped(body: str) -> None:
    assert run(body).claims == ()


def test_claims_normative_appeal_by_a_speaker_is_a_claim() -> None:
    x = run("Olaf Scholz said that Europe must invest far more in its own defence industry.")
    assert label(x, claim_with(x, "must invest").claimant) == "Olaf Scholz"


def test_claims_polarity_and_modality() -> None:
    x = run("Moscow has no intention of attacking any member of the alliance, the minister said.\n"
            "If the talks fail, Hungary could veto the next sanctions package in June.")
    assert claim_with(x, "no intention").polarity == "negated"
    assert claim_with(x, "could veto").modality == "conditional"


def test_claims_long_sentences_are_cut_below_400_characters() -> None:
    long = ("The ministers discussed energy prices, " * 12) + "and they agreed on nothing at all."
    x = run(long)
    assert x.claims
    assert all(len(c.text) <= 400 for c in x.claims)


def test_claims_every_span_is_exact() -> None:
    x = run("“We are ready,” said Mark Rutte.[1] Russia disagreed, TASS reported.\n"
            "[1] “Rutte speech”, NATO, https://www.nato.int/speech, (Date of Access: 01.02.2024).")
    for c in x.claims:
        assert x.article.body[c.span.start : c.span.end] == c.span.text
    assert not has_claim(x, "Date of Access")


def test_claims_poll_findings_belong_to_the_named_pollster() -> None:
    x = run("Poll: Europeans back higher defence spending\n"
            "The poll, carried out by Meridian Research, questioned 9,870 adults in nine countries.\n"
            "The survey found that:\n"
            "- 62% of respondents support raising national defence spending to at least 3% of GDP;\n"
            "- only 24% believe the United States would defend their country.")
    for fragment in ("62% of respondents", "only 24% believe"):
        claim = claim_with(x, fragment)
        assert label(x, claim.claimant) == "Meridian Research"
        assert claim.citation_status == "cited"
