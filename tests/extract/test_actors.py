"""Actors named in an article (kg.extract.actors), on hand-made sentences: find_actors on its own, and actors
as the claimants of claims."""

from __future__ import annotations

import pytest

from kg.extract.actors import ArticleActors, find_actors
from kg.extract.actors.records import Taken
from kg.extract.gazetteer import load_gazetteer
from kg.extract.segment import segment
from tests.support.extract_helpers import article, claim_with, label, run


def test_actors_organisation_is_not_a_titled_person() -> None:
    # "National" is a title word ("National Security Adviser"), but a name ending in an organisation word
    # names no person
    x = run("Gazprom and the China National Petroleum Corporation (CNPC) have yet to agree on a price.")
    assert not [a.label for a in x.actors if a.kind == "Person"]


def test_actors_possessive_state_institution_is_named_with_the_demonym() -> None:
    x = run("Latvia's State Security Service said in its annual report that sabotage attempts had doubled.")
    claim = claim_with(x, "sabotage attempts")
    assert label(x, claim.claimant) == "Latvian State Security Service"


def test_actors_a_shorter_form_of_a_name_is_the_same_actor() -> None:
    x = run('"We are still searching," said Cmdr. Marco Lo Bianco, who led the rescue. Lo Bianco said about 95 '
            "people were aboard. The poll was run by Harborview Research Group. Harborview said it would repeat "
            "the survey in January.")
    assert label(x, claim_with(x, "95 people").claimant) == "Marco Lo Bianco"
    assert label(x, claim_with(x, "still searching").claimant) == "Marco Lo Bianco"
    assert label(x, claim_with(x, "repeat the survey").claimant) == "Harborview Research Group"
    assert sorted(a.label for a in x.actors) == ["Harborview Research Group", "Marco Lo Bianco"]


def test_actors_a_document_title_is_not_an_organisation() -> None:
    x = run("Thames Water supplies 16 million customers. According to Ofwat's own Water Company Performance Report, "
            "it had the worst pollution record of any large company. The company has argued that bills must rise.")
    assert "Water Company" not in [a.label for a in x.actors]
    assert label(x, claim_with(x, "bills must rise").claimant) == "Thames Water"


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


def test_actors_a_person_of_a_party_is_not_part_of_the_party_name() -> None:
    x = run("Two months later, Tsai Ing-wen of the Democratic Progressive Party (DPP) won the presidency. Beijing "
            "accused the ruling Democratic Progressive Party of manipulating public opinion.")
    assert sorted(a.label for a in x.actors if a.kind != "Country") == ["Democratic Progressive Party", "Tsai Ing-wen"]


def test_actors_surname_with_the_arabic_article_in_another_spelling() -> None:
    # the gazetteer writes "al-Ghais"; the article "Al Ghais", after a quotation that ends in a place name
    x = run('OPEC Secretary General Haitham al-Ghais spoke in Vienna. "Demand will keep growing, driven by India, '
            'Africa and the Middle East," Al Ghais told an energy conference in Houston, according to remarks '
            "published on OPEC's website.")
    assert label(x, claim_with(x, "keep growing").claimant) == "Haitham al-Ghais"
    assert [a.label for a in x.actors if a.kind == "Person"] == ["Haitham al-Ghais"]


def test_actors_a_common_chinese_surname_names_the_one_person_of_the_article() -> None:
    x = run('"The numbers have barely moved," said Chen Yi-ling, the research director. Support was lowest among '
            "respondents aged 20 to 29, only 38% of whom said American troops would come, Chen said.")
    assert label(x, claim_with(x, "only 38% of whom").claimant) == "Chen Yi-ling"


# ---------------------------------------------------------------------------------------------
# find_actors on its own


def _found(body: str) -> tuple[str, ArticleActors]:
    art = article(body)
    return art.body, find_actors(art, segment(art.body), load_gazetteer())


def _named(body: str) -> dict[str, tuple[str, list[str]]]:
    """label -> (kind, the texts it is named by), for every actor the text names."""
    text, found = _found(body)
    out: dict[str, tuple[str, list[str]]] = {}
    for m in found.mentions:
        info = found.actors[m.key]
        out.setdefault(info.label, (info.kind, []))[1].append(text[m.start : m.end])
    return out


def test_actors_gazetteer_names_demonyms_and_capitals() -> None:
    named = _named("Russian officials met German diplomats in Berlin on Monday.")
    assert named["Russia"] == ("Country", ["Russian"])
    assert named["Germany"][0] == "Country"
    assert sorted(named["Germany"][1]) == ["Berlin", "German"]


def test_actors_a_titled_name_the_gazetteer_lacks_is_a_person() -> None:
    named = _named("Defence Minister Jane Roe said the new brigade would be ready by spring.")
    kind, texts = named["Jane Roe"]
    assert kind == "Person"
    assert texts == ["Defence Minister Jane Roe"]


def test_actors_a_speaker_and_the_organisation_they_work_at() -> None:
    named = _named("Jane Roe, an analyst at Brookside Research Group, said prices would rise. Roe said so again.")
    assert named["Jane Roe"] == ("Person", ["Jane Roe", "Roe"])
    assert named["Brookside Research Group"][0] == "Organization"


def test_actors_an_organisation_by_its_name_and_acronym_then_by_its_kind() -> None:
    named = _named(
        "The Coastal Safety Agency (CSA) closed the port. The CSA said the ban would last a week. "
        "The agency said ships could wait offshore."
    )
    kind, texts = named["Coastal Safety Agency"]
    assert kind == "GovernmentOrganization"
    assert texts == ["Coastal Safety Agency", "CSA", "The agency"]


def test_actors_a_month_is_not_a_surname_and_a_region_is_not_a_state() -> None:
    named = _named("In May the talks resumed. Migrants from Central America crossed the border.")
    assert named == {}


def test_actors_a_role_phrase_is_the_person_named_in_that_role() -> None:
    named = _named("NATO Secretary General Mark Rutte arrived in Vilnius. The NATO chief said the alliance was ready.")
    (person,) = [label for label, (kind, _) in named.items() if kind == "Person"]
    assert "The NATO chief" in named[person][1]


def test_actors_a_surname_alone_that_many_people_share_names_no_known_person() -> None:
    named = _named("Kim said the talks would resume.")
    assert [kind for kind, _ in named.values() if kind == "Person"] == []


def test_actors_mentions_are_found_by_position() -> None:
    text, found = _found("Finland joined NATO in 2023.")
    nato = text.index("NATO")
    assert found.starting_at(nato) is not None
    assert found.ending_near(nato + len("NATO")) == found.starting_at(nato)
    assert [found.actors[m.key].label for m in found.within(0, len(text))] == ["Finland", "NATO"]


def test_actors_taken_spans() -> None:
    taken = Taken([(0, 5), (10, 20)])
    assert taken.overlaps(4, 6) and not taken.overlaps(5, 10)
    assert taken.covers(12, 18) and not taken.covers(8, 12)
    taken.add(30, 40, tag=7)
    assert taken.first_overlap(35, 36) == 7
    assert taken.holds(39) and not taken.holds(40)
