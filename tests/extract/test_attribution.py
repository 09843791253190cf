"""Who asserts a claim, on hand-made sentences (general patterns, not seed text)."""

from __future__ import annotations

import pytest

from tests.support.extract_helpers import claim_with, has_claim, label, run


@pytest.mark.parametrize(
    ("body", "fragment", "claimant", "claim_type"),
    [
        pytest.param("Finland argues that its accession strengthens the security of the Baltic region.",
                     "accession strengthens", "Finland", "reported", id="state-argues"),
        pytest.param("Beijing sees the new trade rules as a direct attack on its exporters and their workers.",
                     "direct attack", "China", "reported", id="capital-metonym-sees-as"),
        pytest.param("The sanctions are seen by the European Union as a necessary response to the attack.",
                     "necessary response", "European Union", "reported", id="passive-agent"),
        pytest.param("According to Sergei Lavrov, the talks in Istanbul produced no agreement on prisoners.",
                     "produced no agreement", "Sergei Lavrov", "reported", id="according-to"),
        pytest.param("The ceasefire will collapse within weeks unless monitors arrive, Dmitry Peskov said.",
                     "ceasefire will collapse", "Dmitry Peskov", "reported", id="postposed-said"),
        pytest.param("Polish President Andrzej Duda warned that the border fence would be extended by 2025.",
                     "border fence", "Andrzej Duda", "reported", id="titled-name"),
        pytest.param("Analysts argue that the new pipeline could double the country's gas exports next year.",
                     "double the country", "Analysts", "reported", id="unnamed-group"),
        pytest.param("The alliance increased its military presence in the Baltic states after the summit.",
                     "increased its military presence", None, "authorial", id="authorial"),
    ],
)
def test_attribution_claimant(body: str, fragment: str, claimant: str | None, claim_type: str) -> None:
    x = run(body)
    claim = claim_with(x, fragment)
    assert label(x, claim.claimant) == claimant
    assert claim.claim_type == claim_type


def test_attribution_quote_with_he_said_in_next_sentence() -> None:
    x = run("Kaja Kallas met ministers in Brussels on Monday to discuss new sanctions.\n"
            "“We will not lift a single sanction until every soldier has left Ukrainian soil.” "
            "She said the package was ready.")
    quote = claim_with(x, "We will not lift a single sanction")
    assert quote.claim_type == "quote"
    assert label(x, quote.claimant) == "Kaja Kallas"


def test_attribution_role_phrase_resolves_to_named_holder() -> None:
    x = run("The NATO chief said the alliance would defend every inch of allied territory.\n"
            "NATO Secretary General Mark Rutte spoke in Vilnius after meeting the Lithuanian president.")
    claim = claim_with(x, "defend every inch")
    assert label(x, claim.claimant) == "Mark Rutte"


def test_attribution_pronoun_resolves_to_previous_speaker() -> None:
    x = run("Volodymyr Zelensky said Ukraine needed more air defence systems before winter. "
            "He added that Russian strikes on power plants had intensified since October.")
    claim = claim_with(x, "strikes on power plants")
    assert label(x, claim.claimant) == "Volodymyr Zelensky"


@pytest.mark.parametrize(
    ("body", "fragment"),
    [
        pytest.param("It is known that the convoy was stopped at the border by customs officers.", "convoy",
                     id="it-is-known"),
        pytest.param("Allegations that the ministry hid the figures have circulated for months.", "hid the figures",
                     id="allegations-that"),
    ],
)
def test_attribution_impersonal_attribution_is_vague_and_keeps_article_voice(body: str, fragment: str) -> None:
    claim = claim_with(run(body), fragment)
    assert claim.claimant is None
    assert claim.citation_status == "vague"


def test_attribution_list_items_inherit_a_vague_introduction() -> None:
    x = run("The mood has shifted. Recent polls reveal that:\n"
            "- 61% of respondents support sending more weapons to Ukraine.\n"
            "- 40% want a ceasefire before the end of the year.")
    for fragment in ("61% of respondents", "40% want a ceasefire"):
        claim = claim_with(x, fragment)
        assert claim.citation_status == "vague"
        assert claim.claim_type == "statistic"
        assert claim.claimant is None


def test_attribution_wire_style_quotes_and_appositives() -> None:
    x = run("Sergei Lavrov told reporters in Moscow on Tuesday:\n"
            "“We will never accept the deployment of these missiles near our borders. The response will be firm.\n"
            "“Nobody in Washington should doubt our resolve on this matter at all.”\n"
            "Jane Roe, an analyst at the Carnegie Endowment, said the threat was mostly rhetorical.\n"
            "“It is a bluff and everyone in Brussels knows it,” said John Smith, a former diplomat.\n"
            "Smith added that the talks in Geneva would fail.")
    expected = {
        "We will never accept the deployment": "Sergei Lavrov",  # introduced by "told reporters:"
        "Nobody in Washington should doubt": "Sergei Lavrov",  # a quotation continued into a new paragraph
        "the threat was mostly rhetorical": "Jane Roe",  # a speaker the gazetteer does not know, appositive
        "It is a bluff": "John Smith",  # "said <Name>, <role>" after the quotation
        "talks in Geneva would fail": "John Smith",  # later mention by surname
    }
    for fragment, speaker in expected.items():
        assert label(x, claim_with(x, fragment).claimant) == speaker, fragment


def test_attribution_bare_roles_and_ministries() -> None:
    x = run("Latvian Defence Minister Andris Sprūds met his Estonian counterpart on Monday. "
            "The minister said the new brigade would be ready by 2026.\n"
            "Jane Roe, Poland's deputy foreign minister, said Warsaw would host the talks. "
            "The deputy foreign minister added that the date was not fixed.\n"
            "Russia's defence ministry said on Monday that its air defences had shot down 40 drones overnight.")
    assert label(x, claim_with(x, "brigade would be ready").claimant) == "Andris Sprūds"
    assert label(x, claim_with(x, "date was not fixed").claimant) == "Jane Roe"
    assert "Russia" in (label(x, claim_with(x, "shot down 40 drones").claimant) or "")


@pytest.mark.parametrize(
    ("body", "fragment", "claimant"),
    [
        pytest.param("Russia has moved about 4,500 troops to the border, the Latvian defence minister, Andris Sprūds, "
                     "said on Friday, calling it the largest build-up since 2022.", "4,500 troops", "Andris Sprūds",
                     id="postposed-mid-sentence"),
        pytest.param("The state news agency RIA Novosti, citing Russia's Defense Ministry, reported that the units "
                     "were taking part in scheduled drills.", "scheduled drills", "Russian Defence Ministry",
                     id="media-citing-a-source"),
        pytest.param("Interfax reported that the Russian defence ministry described the movements as routine "
                     "exercises of the district.", "routine", "Russian Defence Ministry", id="media-reporting-speech"),
        pytest.param("Slovak Prime Minister Robert Fico said his government would not buy weapons at the expense of "
                     "pensions, and Belgian officials warned privately that the target was unrealistic.",
                     "target was unrealistic", "Belgian officials", id="second-clause-own-speaker"),
        pytest.param("Wang Yi struck a similar note at the conference in February, telling delegates that China was "
                     "not a party to the crisis.", "not a party", "Wang Yi", id="participle-cue"),
        pytest.param("Gazprom has paid a heavy price. The company reported a net loss of 629 billion roubles for 2023.",
                     "net loss", "Gazprom", id="the-company"),
        pytest.param("Two NATO diplomats, who spoke on condition of anonymity, said most of the new arrivals were "
                     "conscripts.", "conscripts", "NATO", id="people-of-an-organisation"),
        pytest.param("A Western diplomat in Bamako, who spoke on condition of anonymity because he was not "
                     "authorized to brief journalists, said the force existed largely on paper.", "largely on paper",
                     "A Western diplomat", id="unnamed-source-in-a-capital"),
        pytest.param("An official at the Russian Defence Ministry said the drills were routine.", "routine",
                     "Russian Defence Ministry", id="unnamed-official-of-an-organisation"),
        pytest.param("The Navy's Joint Harbour Safety Operations (JHSO) agency said it had received a report of an "
                     "explosion near the pier.", "received a report", "Joint Harbour Safety Operations",
                     id="agency-named-with-its-acronym"),
    ],
)
def test_attribution_claimant_in_wire_style(body: str, fragment: str, claimant: str) -> None:
    x = run(body)
    assert label(x, claim_with(x, fragment).claimant) == claimant


def test_attribution_object_of_a_verb_is_not_the_speaker() -> None:
    x = run("In the Oval Office, President Donald Trump berated Volodymyr Zelensky, told him he was gambling with "
            "the lives of millions and sent him away.")
    assert label(x, claim_with(x, "gambling").claimant) != "Volodymyr Zelensky"


def test_attribution_quote_speaker_after_the_cue_with_a_descriptor() -> None:
    x = run("“Closing the plant would cost the region ten thousand jobs,” said union leader Karen Holt.")
    assert label(x, claim_with(x, "Closing the plant").claimant) == "Karen Holt"


def test_attribution_the_command_is_the_command_named_before() -> None:
    # the Houthis (a military organisation) are named last, but "the command" is the one whose name says so
    x = run("U.S. Central Command said the projectiles missed. The Houthi movement rejected that account. "
            '"The claim is false. Two missiles fell into the sea," the command said in a post on X.')
    assert label(x, claim_with(x, "fell into the sea").claimant) == "US Central Command"


def test_attribution_relative_clause_with_its_own_speaker_is_its_own_claim() -> None:
    x = run("Talks must cover the safety of the Zaporizhzhia nuclear plant, which the IAEA has repeatedly warned is "
            "one stray strike away from disaster.")
    assert label(x, claim_with(x, "which the IAEA").claimant) == "International Atomic Energy Agency"
    assert not has_claim(x, "Talks must cover the safety of the Zaporizhzhia nuclear plant, which")
    # a view needs what it is a view of: the sentence stays whole
    x = run("Another critical event was NATO's 2004 expansion, which Russia perceived as a direct threat.")
    assert has_claim(x, "expansion, which Russia perceived as a direct threat")


def test_attribution_the_report_is_the_organisation_that_just_spoke() -> None:
    x = run("Latvia's State Security Service said in its annual report that sabotage attempts had doubled. "
            "The report also said Russia was recruiting couriers online.")
    assert label(x, claim_with(x, "recruiting couriers").claimant) == "Latvian State Security Service"
    x = run("Latvia's State Security Service said in [its annual report](https://example.org/report-2025) that "
            "sabotage attempts had doubled. The report also said Russia was recruiting couriers online.")
    assert claim_with(x, "recruiting couriers").cites == claim_with(x, "sabotage attempts").cites != ()
    x = run("According to estimates by the Kyiv School of Economics, around 80% of the components came through "
            "China. The same researchers found that Western-branded microchips still reach drone factories.")
    assert label(x, claim_with(x, "microchips").claimant) == "Kyiv School of Economics"
    x = run("The report also said Russia was recruiting couriers online.")  # no one spoke before
    assert claim_with(x, "recruiting couriers").claimant is None


def test_attribution_a_person_of_an_organisation_speaks_for_themself() -> None:
    x = run("Opposition leader Anna Verdi of the center-left Progressive Union accused the government of leaving "
            "the sea without rescuers.")
    assert label(x, claim_with(x, "without rescuers").claimant) == "Anna Verdi"


@pytest.mark.parametrize(
    ("sentence", "fragment", "speaker"),
    [
        ("WHO declared mpox a public health emergency of international concern in August 2024.", "declared mpox", None),
        ("The OPEC chief urged member countries to reject any text that targeted fossil fuels.", "urged member", None),
        ("WHO declared that the outbreak was over.", "outbreak was over", "World Health Organization"),
    ],
)
def test_attribution_an_act_is_reported_by_the_author(sentence: str, fragment: str, speaker: str | None) -> None:
    # "declared X a Y" and "urged X to" name an act the author reports; "declared that ..." hands over a statement
    x = run(sentence)
    assert label(x, claim_with(x, fragment).claimant) == speaker


def test_attribution_quotation_set_out_by_a_spokesperson_for_an_organisation() -> None:
    x = run("Its reasoning was set out by a spokesperson for the European Commission last month: \u201cThe plan "
            "would cost taxpayers billions of euros.\u201d")
    assert label(x, claim_with(x, "cost taxpayers").claimant) == "European Commission"


def test_attribution_clause_of_a_leader_named_after_the_role() -> None:
    x = run("The Liberal Democrats have called for an inquiry since last year, and their leader, Ed Davey, told "
            "the Commons in June that \u201cevery week of delay costs customers.\u201d")
    assert label(x, claim_with(x, "every week of delay").claimant) == "Ed Davey"
