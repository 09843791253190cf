"""Claims and who asserts them, on hand-made sentences (general patterns, not seed text)."""

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
def test_claims_claimant(body: str, fragment: str, claimant: str | None, claim_type: str) -> None:
    x = run(body)
    claim = claim_with(x, fragment)
    assert label(x, claim.claimant) == claimant
    assert claim.claim_type == claim_type


def test_claims_quote_with_he_said_in_next_sentence() -> None:
    x = run("Kaja Kallas met ministers in Brussels on Monday to discuss new sanctions.\n"
            "“We will not lift a single sanction until every soldier has left Ukrainian soil.” "
            "She said the package was ready.")
    quote = claim_with(x, "We will not lift a single sanction")
    assert quote.claim_type == "quote"
    assert label(x, quote.claimant) == "Kaja Kallas"


def test_claims_role_phrase_resolves_to_named_holder() -> None:
    x = run("The NATO chief said the alliance would defend every inch of allied territory.\n"
            "NATO Secretary General Mark Rutte spoke in Vilnius after meeting the Lithuanian president.")
    claim = claim_with(x, "defend every inch")
    assert label(x, claim.claimant) == "Mark Rutte"


def test_claims_pronoun_resolves_to_previous_speaker() -> None:
    x = run("Volodymyr Zelensky said Ukraine needed more air defence systems before winter. "
            "He added that Russian strikes on power plants had intensified since October.")
    claim = claim_with(x, "strikes on power plants")
    assert label(x, claim.claimant) == "Volodymyr Zelensky"


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


@pytest.mark.parametrize(
    ("body", "fragment"),
    [
        pytest.param("It is known that the convoy was stopped at the border by customs officers.", "convoy",
                     id="it-is-known"),
        pytest.param("Allegations that the ministry hid the figures have circulated for months.", "hid the figures",
                     id="allegations-that"),
    ],
)
def test_claims_impersonal_attribution_is_vague_and_keeps_article_voice(body: str, fragment: str) -> None:
    claim = claim_with(run(body), fragment)
    assert claim.claimant is None
    assert claim.citation_status == "vague"


def test_claims_list_items_inherit_a_vague_introduction() -> None:
    x = run("The mood has shifted. Recent polls reveal that:\n"
            "- 61% of respondents support sending more weapons to Ukraine.\n"
            "- 40% want a ceasefire before the end of the year.")
    for fragment in ("61% of respondents", "40% want a ceasefire"):
        claim = claim_with(x, fragment)
        assert claim.citation_status == "vague"
        assert claim.claim_type == "statistic"
        assert claim.claimant is None


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


def test_claims_wire_style_quotes_and_appositives() -> None:
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


def test_claims_bare_roles_and_ministries() -> None:
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
def test_claims_claimant_in_wire_style(body: str, fragment: str, claimant: str) -> None:
    x = run(body)
    assert label(x, claim_with(x, fragment).claimant) == claimant


def test_claims_object_of_a_verb_is_not_the_speaker() -> None:
    x = run("In the Oval Office, President Donald Trump berated Volodymyr Zelensky, told him he was gambling with "
            "the lives of millions and sent him away.")
    assert label(x, claim_with(x, "gambling").claimant) != "Volodymyr Zelensky"


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


def test_claims_quote_speaker_after_the_cue_with_a_descriptor() -> None:
    x = run("“Closing the plant would cost the region ten thousand jobs,” said union leader Karen Holt.")
    assert label(x, claim_with(x, "Closing the plant").claimant) == "Karen Holt"


@pytest.mark.parametrize(
    ("sentence", "source"),
    [
        ("Consumer prices rose 2.9% in the year to August, according to the Bureau of Labor Statistics.",
         "Bureau of Labor Statistics data"),
        ("Exports fell 12% in 2024, according to data from the statistics agency Eurostat.", "Eurostat data"),
        ("Figures from Egypt's Nile Basin Water Authority (NBWA) showed inflows were 18 percent below average.",
         "Nile Basin Water Authority figures"),
    ],
)
def test_claims_a_figure_according_to_an_institution_cites_its_data(sentence: str, source: str) -> None:
    x = run(sentence)
    (claim,) = x.claims
    assert claim.citation_status == "cited"
    assert [s.name for s in x.sources if s.key in claim.cites] == [source]


@pytest.mark.parametrize(
    "sentence",
    [
        "Russia is the main threat to the alliance, according to the Bureau of Labor Statistics.",  # no figure
        "Prices rose 3% last year, according to Jane Roe, an economist at a bank.",  # a person speaks
    ],
)
def test_claims_according_to_without_a_figure_or_by_a_person_is_a_speaker(sentence: str) -> None:
    x = run(sentence)
    assert all(c.citation_status != "cited" and not c.cites for c in x.claims)


@pytest.mark.parametrize(("publisher", "cited"), [("Agence France-Presse", False), ("AFP", False), ("Reuters", True)])
def test_claims_the_publishers_own_reporting_is_not_a_citation(publisher: str, cited: bool) -> None:
    from kg.extract import extract
    from tests.support.extract_helpers import article

    body = "“Farmers have already delayed sowing,” the union leader told AFP on Tuesday."
    x = extract(article(body, publisher=publisher))
    assert bool(claim_with(x, "delayed sowing").cites) is cited


def test_actors_organisation_is_not_a_titled_person() -> None:
    # "National" is a title word ("National Security Adviser"), but a name ending in an organisation word
    # names no person
    x = run("Gazprom and the China National Petroleum Corporation (CNPC) have yet to agree on a price.")
    assert not [a.label for a in x.actors if a.kind == "Person"]


def test_actors_possessive_state_institution_is_named_with_the_demonym() -> None:
    x = run("Latvia's State Security Service said in its annual report that sabotage attempts had doubled.")
    claim = claim_with(x, "sabotage attempts")
    assert label(x, claim.claimant) == "Latvian State Security Service"


def test_claims_surname_with_the_arabic_article_in_another_spelling() -> None:
    # the gazetteer writes "al-Ghais"; the article "Al Ghais", after a quotation that ends in a place name
    x = run('OPEC Secretary General Haitham al-Ghais spoke in Vienna. "Demand will keep growing, driven by India, '
            'Africa and the Middle East," Al Ghais told an energy conference in Houston, according to remarks '
            "published on OPEC's website.")
    assert label(x, claim_with(x, "keep growing").claimant) == "Haitham al-Ghais"
    assert [a.label for a in x.actors if a.kind == "Person"] == ["Haitham al-Ghais"]


def test_claims_the_command_is_the_command_named_before() -> None:
    # the Houthis (a military organisation) are named last, but "the command" is the one whose name says so
    x = run("U.S. Central Command said the projectiles missed. The Houthi movement rejected that account. "
            '"The claim is false. Two missiles fell into the sea," the command said in a post on X.')
    assert label(x, claim_with(x, "fell into the sea").claimant) == "US Central Command"


def test_actors_a_shorter_form_of_a_name_is_the_same_actor() -> None:
    x = run('"We are still searching," said Cmdr. Marco Lo Bianco, who led the rescue. Lo Bianco said about 95 '
            "people were aboard. The poll was run by Harborview Research Group. Harborview said it would repeat "
            "the survey in January.")
    assert label(x, claim_with(x, "95 people").claimant) == "Marco Lo Bianco"
    assert label(x, claim_with(x, "still searching").claimant) == "Marco Lo Bianco"
    assert label(x, claim_with(x, "repeat the survey").claimant) == "Harborview Research Group"
    assert sorted(a.label for a in x.actors) == ["Harborview Research Group", "Marco Lo Bianco"]


def test_claims_relative_clause_with_its_own_speaker_is_its_own_claim() -> None:
    x = run("Talks must cover the safety of the Zaporizhzhia nuclear plant, which the IAEA has repeatedly warned is "
            "one stray strike away from disaster.")
    assert label(x, claim_with(x, "which the IAEA").claimant) == "International Atomic Energy Agency"
    assert not has_claim(x, "Talks must cover the safety of the Zaporizhzhia nuclear plant, which")
    # a view needs what it is a view of: the sentence stays whole
    x = run("Another critical event was NATO's 2004 expansion, which Russia perceived as a direct threat.")
    assert has_claim(x, "expansion, which Russia perceived as a direct threat")


def test_claims_the_report_is_the_organisation_that_just_spoke() -> None:
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


def test_claims_a_person_of_an_organisation_speaks_for_themself() -> None:
    x = run("Opposition leader Anna Verdi of the center-left Progressive Union accused the government of leaving "
            "the sea without rescuers.")
    assert label(x, claim_with(x, "without rescuers").claimant) == "Anna Verdi"


def test_actors_a_document_title_is_not_an_organisation() -> None:
    x = run("Thames Water supplies 16 million customers. According to Ofwat's own Water Company Performance Report, "
            "it had the worst pollution record of any large company. The company has argued that bills must rise.")
    assert "Water Company" not in [a.label for a in x.actors]
    assert label(x, claim_with(x, "bills must rise").claimant) == "Thames Water"


def test_citations_a_written_out_address_is_the_cited_documents_url() -> None:
    x = run("Poll: Voters sour on tariffs\n\n"
            "The Harbour Civic Foundation's quarterly survey interviewed 1,214 adults. Full toplines are published on "
            "the foundation's website (https://example.org/surveys/2025q2).\n\n"
            "The main findings:\n\n"
            "- 63% oppose the tariffs, while 29% support them.")
    claim = claim_with(x, "63% oppose")
    (source,) = [s for s in x.sources if s.key in claim.cites]
    assert source.url == "https://example.org/surveys/2025q2"
    assert source.publisher == "Harbour Civic Foundation"


def test_citations_a_written_out_address_alone_is_a_source_of_its_own() -> None:
    x = run("Exports fell 12% in 2024, figures at https://example.org/trade/2024 show.")
    claim = claim_with(x, "Exports fell")
    assert [s.url for s in x.sources if s.key in claim.cites] == ["https://example.org/trade/2024"]


@pytest.mark.parametrize(
    ("sentence", "fragment", "source"),
    [
        ("The Independent Fiscal Institution (IFI) said in its monthly Fiscal Monitoring Report that the government "
         "would miss the target.", "miss the target", "Independent Fiscal Institution report"),
        ("According to Ofwat's own Water Company Performance Report, Thames Water had the worst pollution record.",
         "worst pollution record", "Ofwat report"),
        ("The European Gallium Users Association disputes the US Geological Survey estimate, arguing that China's "
         "share is closer to 80 per cent.", "closer to 80", None),
        ("The European Commission estimates that the package would save businesses up to EUR 5 billion.",
         "save businesses", None),
    ],
)
def test_citations_documents_of_organisations(sentence: str, fragment: str, source: str | None) -> None:
    x = run(sentence)
    claim = claim_with(x, fragment)
    assert [s.name for s in x.sources if s.key in claim.cites] == ([source] if source else [])


def test_citations_a_footnote_inside_a_sentence_closes_its_own_clause() -> None:
    x = run("Gallium prices nearly doubled between August 2023 and the end of 2024,[1] and several European magnet "
            "makers reported in mid-2025 that they had suspended production lines.\n\nNotes\n\n"
            "1. \u201cGallium prices: annual review\u201d, Metals Bulletin, https://example.org/gallium-review")
    assert claim_with(x, "Gallium prices").cites
    assert claim_with(x, "magnet makers").cites == ()


def test_citations_a_wire_storys_agency_is_its_publisher() -> None:
    # no publisher in the metadata: the dateline names it, and "told Reuters" is then Reuters' own reporting
    x = run("ADEN, Aug 4 (Reuters) - The tanker was hit, officials said.\n\n"
            "Jakob Lind, an analyst at a consultancy, told Reuters that insurers would read the attack as a warning.")
    assert label(x, x.publisher) == "Reuters"
    assert claim_with(x, "insurers would read").cites == ()


def test_citations_an_outlook_of_an_organisation_is_its_document() -> None:
    x = run("The International Energy Agency (IEA) projects in its World Energy Outlook that global oil demand will "
            "peak before 2030.")
    claim = claim_with(x, "peak before 2030")
    assert [s.name for s in x.sources if s.key in claim.cites] == ["International Energy Agency outlook"]


@pytest.mark.parametrize(
    ("sentence", "fragment", "speaker"),
    [
        ("WHO declared mpox a public health emergency of international concern in August 2024.", "declared mpox", None),
        ("The OPEC chief urged member countries to reject any text that targeted fossil fuels.", "urged member", None),
        ("WHO declared that the outbreak was over.", "outbreak was over", "World Health Organization"),
    ],
)
def test_claims_an_act_is_reported_by_the_author(sentence: str, fragment: str, speaker: str | None) -> None:
    # "declared X a Y" and "urged X to" name an act the author reports; "declared that ..." hands over a statement
    x = run(sentence)
    assert label(x, claim_with(x, fragment).claimant) == speaker


@pytest.mark.parametrize(
    ("body", "organisation"),
    [
        ('"No cut before March," said Claudia Vasconcelos, chief economist at Banco Meridiano in Sao Paulo.',
         "Banco Meridiano"),
        ('"The market is oversupplied," said Helge Sorlie, chief analyst at Oslo-based Fjordbank Markets. Sorlie '
         "estimated that the cuts had cost Saudi Arabia $25 billion.", "Fjordbank Markets"),
        ('"The data differ," said Roberto Alvarez, an economist at the University of Northern Colorado.',
         "University of Northern Colorado"),
        ("More than 120 groups signed a letter coordinated by European Digital Rights (EDRi). EDRi said the delay "
         "was unlawful.", "European Digital Rights"),
    ],
)
def test_actors_organisations_named_as_workplaces_or_by_acronym(body: str, organisation: str) -> None:
    x = run(body)
    orgs = [a.label for a in x.actors if a.kind not in ("Person", "Country")]
    assert orgs == [organisation]


def test_actors_a_shorter_workplace_name_is_the_organisation_named_in_full() -> None:
    x = run("The poll was carried out by Harborview Research for the forum. \"Defence is a top concern,\" said Clara "
            "Jansen, research director at Harborview. The Halden Centre declined to comment.\n\n"
            "Ingrid Soler is a senior fellow at the Halden Centre for Security.")
    organisations = sorted(a.label for a in x.actors if a.kind != "Person")
    assert organisations == ["Halden Centre for Security", "Harborview Research"]


def test_claims_quotation_set_out_by_a_spokesperson_for_an_organisation() -> None:
    x = run("Its reasoning was set out by a spokesperson for the European Commission last month: \u201cThe plan "
            "would cost taxpayers billions of euros.\u201d")
    assert label(x, claim_with(x, "cost taxpayers").claimant) == "European Commission"


def test_claims_clause_of_a_leader_named_after_the_role() -> None:
    x = run("The Liberal Democrats have called for an inquiry since last year, and their leader, Ed Davey, told "
            "the Commons in June that \u201cevery week of delay costs customers.\u201d")
    assert label(x, claim_with(x, "every week of delay").claimant) == "Ed Davey"


def test_claims_a_common_chinese_surname_names_the_one_person_of_the_article() -> None:
    x = run('"The numbers have barely moved," said Chen Yi-ling, the research director. Support was lowest among '
            "respondents aged 20 to 29, only 38% of whom said American troops would come, Chen said.")
    assert label(x, claim_with(x, "only 38% of whom").claimant) == "Chen Yi-ling"


def test_actors_a_person_of_a_party_is_not_part_of_the_party_name() -> None:
    x = run("Two months later, Tsai Ing-wen of the Democratic Progressive Party (DPP) won the presidency. Beijing "
            "accused the ruling Democratic Progressive Party of manipulating public opinion.")
    assert sorted(a.label for a in x.actors if a.kind != "Country") == ["Democratic Progressive Party", "Tsai Ing-wen"]
