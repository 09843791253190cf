"""Events and the dates sentences give them, on hand-made text."""

from __future__ import annotations

import re

import pytest

from tests.support.extract_helpers import run


def dated(body: str, published: str | None = None) -> dict[str, list[str]]:
    return {e.key: [d.value for d in e.dates] for e in run(body, published=published).events}


@pytest.mark.parametrize(
    ("body", "key", "dates"),
    [
        pytest.param("Russia's invasion of Ukraine in February 2022 changed Europe.", "invasion-ukraine", ["2022-02"],
                     id="invasion-month"),
        pytest.param("The 1991 dissolution of the Soviet Union marked a turning point.", "dissolution-soviet-union",
                     ["1991"], id="year-before-noun"),
        pytest.param("The conflict in Ukraine, which began in 2014 and escalated in 2022, continues.", "war-ukraine",
                     ["2014"], id="began-not-escalated"),
        pytest.param("The fall of the Berlin Wall in 1989[2] ended an era.", "fall-berlin-wall", ["1989"],
                     id="marker-is-not-a-date"),
        pytest.param("Finland joined NATO on 4 April 2023.", "accession-finland-nato", ["2023-04-04"], id="accession"),
        pytest.param("The Nicosia–Panama Health Agreement was signed in 2019.", "nicosia-panama-health-agreement",
                     ["2019"], id="en-dash-name"),
    ],
)
def test_events_dates(body: str, key: str, dates: list[str]) -> None:
    assert dated(body).get(key) == dates


def test_events_each_listed_member_gets_the_date() -> None:
    events = dated("Poland, Hungary and the Czech Republic joined NATO in 1999.")
    for member in ("poland", "hungary", "czech-republic"):
        assert events[f"accession-{member}-nato"] == ["1999"]


def test_events_sentence_opening_date_is_not_the_events_date() -> None:
    assert dated("In 2024, the war in Ukraine remains the main flashpoint.").get("war-ukraine") == []


def test_events_month_without_year_uses_the_article_date() -> None:
    events = dated("Support rose in Germany after the federal election in February.", published="2025-05-21")
    assert events["election-germany"] == ["2025-02"]


def test_events_different_named_agreements_stay_apart() -> None:
    events = dated("The Nicosia–Panama Health Agreement was signed in 2019, the Baghdad–Panama Health Agreement "
                   "in 2021.")
    assert "nicosia-panama-health-agreement" in events and "baghdad-panama-health-agreement" in events


def test_events_a_dated_happening_without_a_known_pattern_becomes_an_event() -> None:
    events = run("Officials said that in July 2023 soldiers toppled the elected president.").events
    generic = [e for e in events if any(d.value == "2023-07" for d in e.dates)]
    assert len(generic) == 1
    assert "toppled" in generic[0].name and "July" not in generic[0].name


def test_events_a_date_without_a_happening_verb_is_not_an_event() -> None:
    events = run("The budget for 2025 is larger than the budget for 2024.").events
    assert not events


def test_events_generic_names_drop_their_dates_and_datelines() -> None:
    x = run(
        "BRASILIA, Sept 17 (Reuters) - The central bank held its benchmark rate at 15% on Wednesday.\n"
        "The agency's base budget for 2026–27 was cut to $4.2 billion in 2025, according to its accounts.",
        published="2025-09-18",
    )
    names = sorted(e.name for e in x.events)
    assert any(n.startswith("The central bank held its benchmark rate") for n in names), names
    assert "The agency's base budget was cut to $4.2 billion" in names, names
    assert not any(re.search(r"Reuters|Sept|2026|–27|according", n) for n in names), names


@pytest.mark.parametrize(
    ("body", "key", "dates"),
    [
        pytest.param("Its 16th sanctions package, adopted on 24 February 2025, listed more vessels.",
                     "16th-sanctions-package", ["2025-02-24"], id="adopted-on"),
        pytest.param("The Energy Security Act, which entered into force on 3 May 2021, sets targets.",
                     "energy-security-act", ["2021-05-03"], id="entered-into-force"),
        pytest.param("The Harbour Accord, which took effect in March 2019, lowered tariffs.",
                     "harbour-accord", ["2019-03"], id="took-effect"),
    ],
)
def test_events_dates_after_verbs_of_adoption(body: str, key: str, dates: list[str]) -> None:
    assert dated(body).get(key) == dates


def test_events_a_leading_subordinate_phrase_is_not_the_happening() -> None:
    names = [e.name for e in run("On 4 March 2021, two days before the talks opened in Oslo, the two leaders "
                                 "declared in Bergen that their alliance had no limits.").events]
    assert "The two leaders declared in Bergen that their alliance had no limits" in names, names
    names = [e.name for e in run("In June 2020, after a long review of the rail sector, ministers announced "
                                 "that the regulator would be abolished and replaced by a new agency.").events]
    assert any(n.startswith("Ministers announced that the regulator would be abolished and replaced") for n in names)


def test_events_a_date_inside_a_leading_subordinate_phrase_dates_that_phrase() -> None:
    names = [e.name for e in run("After the ministry restricted grain exports in 2010, farmers cut their "
                                 "reliance on the state within a decade.").events]
    assert names == ["The ministry restricted grain exports"], names


def test_events_later_and_repeated_commas_leave_generic_names() -> None:
    names = [e.name for e in run("Months later, in April 1979, the assembly passed the Coastal Relations Act.").events
             if e.kind == "happening"]
    assert names == ["The assembly passed the Coastal Relations Act"], names


def test_events_named_wars_keep_their_ordinal_and_take_the_first_year_of_a_range() -> None:
    events = dated("After losing the First Anglo-Zulu War of 1879-80, the kingdom was divided.")
    assert events.get("first-anglo-zulu-war") == ["1879"]
    assert dated("The Second World War ended the old order.").get("second-world-war") == []


def test_events_a_month_after_summit_in_is_a_date_not_a_place() -> None:
    events = dated("Allies met at the Riga summit in July 2024 and at talks in March 2025.")
    assert events.get("summit-riga") == ["2024-07"]
    assert not any("july" in k or "march" in k for k in events)


def test_events_un_climate_conferences() -> None:
    events = run("A year later, at COP31 in Perth in November 2026, rich countries agreed to pay.").events
    cop = next(e for e in events if e.key == "cop31")
    assert cop.name == "COP31 climate conference in Perth" and [d.value for d in cop.dates] == ["2026-11"]


def test_events_added_to_a_list_is_a_happening_not_a_report() -> None:
    names = [e.name for e in run("In April 2025 the ministry added seven metals to its control lists.").events]
    assert "The ministry added seven metals to its control lists" in names, names
    names = [e.name for e in run("He added that the plan to cut taxes had failed in 2020.").events]
    assert names == ["The plan to cut taxes had failed"], names


def test_events_a_when_clause_after_a_date_happened_then() -> None:
    events = run("He said the fall began on 8 November 2025, when the operator started flushing the upper dam.").events
    names = {e.name: [d.value for d in e.dates] for e in events}
    assert names.get("The operator started flushing the upper dam") == ["2025-11-08"], names
    events = run("Prices have risen since mid-January, when U.S. tariffs on steel pushed them up.",
                 published="2025-03-03").events
    assert [(e.name, [d.value for d in e.dates]) for e in events] == [
        ("U.S. tariffs on steel pushed them up", ["2025-01"])
    ]


def test_events_a_relative_clause_with_its_own_date_is_its_own_happening() -> None:
    events = run("In 1920, the old government fled to the coast after losing the war to Ana Lima's rebels, "
                 "who proclaimed the Free Republic in Tarsa on 1 October 1920.").events
    names = {e.name: [d.value for d in e.dates] for e in events}
    assert names.get("Ana Lima's rebels, who proclaimed the Free Republic in Tarsa") == ["1920-10-01"], names
    assert names.get("The old government fled to the coast after losing the war to Ana Lima's rebels") == ["1920"]


def test_events_a_relative_clause_hangs_on_the_noun_before_an_appositive_or_a_preposition() -> None:
    names = [e.name for e in run("The leader appointed Governor Ana Lima, his former deputy, who took office "
                                 "at the start of this year.", published="2025-09-18").events]
    assert names == ["Governor Ana Lima, his former deputy, who took office"], names
    names = [e.name for e in run("Farmers appealed to the Supreme Court of Appeal in Tarsa, which ruled in "
                                 "June 2024 that the levy was lawful.").events]
    assert names == ["Supreme Court of Appeal in Tarsa, which ruled that the levy was lawful"], names


def test_events_a_participial_appositive_does_not_take_the_main_verbs_date() -> None:
    events = run("Amendments to the Health Rules, adopted in June 2024, entered into force on 19 September 2025, "
                 "introducing a new alert level.").events
    names = {e.name: [d.value for d in e.dates] for e in events}
    assert names.get("Amendments to the Health Rules entered into force") == ["2025-09-19"], names
    assert names.get("Amendments to the Health Rules, adopted") == ["2024-06"], names


def test_events_generic_names_keep_numbers_with_thousands_separators() -> None:
    names = [e.name for e in run("In 2021 the army massed more than 100,000 troops near the border.").events]
    assert names == ["The army massed more than 100,000 troops near the border"], names


def test_events_a_weekday_possessive_dates_a_typed_event_from_the_article_day() -> None:
    events = dated("At Sunday’s summit in Oslo, the prime minister announced a new fund.", published="2025-03-03")
    assert events.get("summit-oslo") == ["2025-03-02"]
    events = dated("Leaders will meet ahead of Sunday’s summit in Oslo.", published="2025-03-03")
    assert events.get("summit-oslo") == []
    assert dated("At Sunday’s summit in Oslo, leaders met.", published="2025-03").get("summit-oslo") == []


def test_events_sworn_in_and_said_dates_the_swearing_in() -> None:
    events = run("She was sworn in on 20 May 2024 and said in her address that the island would stay free.").events
    assert [(e.name, [d.value for d in e.dates]) for e in events] == [("She was sworn", ["2024-05-20"])]


def test_events_a_subordinate_clause_holding_the_date_is_the_happening() -> None:
    events = run("At least 12 people died after an overcrowded ferry carrying pilgrims capsized before dawn "
                 "Thursday off the island of Kos, officials said.", published="2025-10-03").events
    assert [(e.name, [d.value for d in e.dates]) for e in events] == [
        ("An overcrowded ferry carrying pilgrims capsized off the island of Kos", ["2025-10-02"])
    ]
    events = run("The troop movements matched what analysts had expected after the army re-established the "
                 "Northern District in 2024.").events
    assert [(e.name, [d.value for d in e.dates]) for e in events] == [
        ("The army re-established the Northern District", ["2024"])
    ]


def test_events_after_a_noun_and_a_coordinated_verb_is_not_a_subordinate_clause() -> None:
    names = [e.name for e in run("The pact the states formed after a wave of coups and turned into a league "
                                 "in July 2024 has a joint force.").events]
    assert not any(n.startswith("A wave of coups") for n in names), names


@pytest.mark.parametrize(
    ("body", "name", "date"),
    [
        pytest.param("On 4 February 2022, twenty days before the army crossed into Tarsa, the two leaders met.",
                     "The army crossed into Tarsa", "2022-02-24", id="days-before-a-day"),
        pytest.param("The council suspended the treaty in April 2025, a day after gunmen killed 26 people, most of "
                     "them tourists, near the town of Kora.",
                     "Gunmen killed 26 people, most of them tourists, near the town of Kora", "2025",
                     id="day-after-a-month-is-only-its-year"),
        pytest.param("In 2010, two years after the bank collapsed, the state sold its stake.",
                     "The bank collapsed", "2008", id="years-after-a-year"),
        pytest.param("In March 2021, two months after the port reopened, exports rose.",
                     "The port reopened", "2021-01", id="months-after-a-month"),
    ],
)
def test_events_an_interval_from_a_date_dates_the_other_happening(body: str, name: str, date: str) -> None:
    events = {e.name: [d.value for d in e.dates] for e in run(body).events}
    assert events.get(name) == [date], events


def test_events_the_main_clause_keeps_its_date_beside_an_interval_clause() -> None:
    events = {e.name: [d.value for d in e.dates] for e in run(
        "In 2010, two years after the bank collapsed, the state sold its stake.").events}
    assert events.get("The state sold its stake") == ["2010"], events


def test_events_takes_effect_is_a_dated_happening() -> None:
    events = {e.name: [d.value for d in e.dates] for e in run(
        "Their exit from the customs union takes effect on 29 January 2025, one year after they announced it.").events}
    assert events.get("Their exit from the customs union takes effect") == ["2025-01-29"], events
    assert events.get("They announced it") == ["2024-01-29"], events
    assert not run("The levy will take effect on 1 May 2026.").events


def test_events_a_verb_without_object_keeps_its_gerund_phrase() -> None:
    names = [e.name for e in run("The chancellor also tried, telephoning the president in November 2024 for the "
                                 "first time in two years.").events]
    assert names == ["The chancellor also tried, telephoning the president for the first time in two years"], names


def test_events_in_force_since_a_date_is_the_entry_into_force() -> None:
    events = {e.name: [d.value for d in e.dates] for e in run(
        "The price cap of $60 per barrel on seaborne crude, in force since December 2022, remains in place.").events}
    assert events == {"The price cap of $60 per barrel on seaborne crude took effect": ["2022-12"]}, events
    events = {e.name: [d.value for d in e.dates] for e in run(
        "Martial law on the island, in force since 1949, was lifted in July 1987.").events}
    assert events == {"Martial law on the island took effect": ["1949"],
                      "Martial law on the island was lifted": ["1987-07"]}, events
    assert {e.name for e in run("The ban has been in force since March 2020.").events} == {"The ban took effect"}
    assert not run("Sanctions have been in place since 2014 and 2022.").events


def test_events_happenings_counted_in_a_list_with_their_dates() -> None:
    events = {e.name: [d.value for d in e.dates] for e in run(
        "The region went through five strikes: two in Tarsa (August 2020 and May 2021), two in Kora (January and "
        "September 2022) and one in Velt, on 26 July 2023.").events}
    for name, value in [("Strike in Tarsa, August 2020", "2020-08"), ("Strike in Tarsa, May 2021", "2021-05"),
                        ("Strike in Kora, January 2022", "2022-01"), ("Strike in Kora, September 2022", "2022-09"),
                        ("Strike in Velt, 26 July 2023", "2023-07-26")]:
        assert events.get(name) == [value], events
    names = {e.name for e in run("There were three raids: two in Tarsa (May 2021) and one in Kora in 2022.").events}
    assert not any(n.startswith("Raid in Tarsa") for n in names), names


def test_events_a_state_begun_since_a_date_is_dated_there() -> None:
    events = {e.name: [d.value for d in e.dates] for e in run(
        "Officials said the Kora power plant, Europe's oldest, which rebel forces have occupied since March 2022, "
        "lost its last backup line on Monday.", published="2025-01-29").events}
    assert events.get("The Kora power plant, Europe's oldest, which rebel forces have occupied") == ["2022-03"], events
    assert events.get("The Kora power plant lost its last backup line") == ["2025-01-27"], events
    events = {e.name: [d.value for d in e.dates] for e in run(
        "The act entered into force in August 2024, and its bans on social scoring have applied since "
        "February 2025.").events}
    assert events.get("Its bans on social scoring have applied") == ["2025-02"], events
    assert not run("Prices have risen since 2020.").events


def test_events_a_second_verb_with_its_own_date_is_its_own_event() -> None:
    events = {e.name: [d.value for d in e.dates] for e in run(
        "The agency declared the outbreak an emergency in August 2024 and lifted the declaration in "
        "September 2025.").events}
    assert events == {"The agency declared the outbreak an emergency": ["2024-08"],
                      "The agency lifted the declaration": ["2025-09"]}, events
    events = {e.name: [d.value for d in e.dates] for e in run("He was arrested and charged in May 2020.").events}
    assert events == {"He was arrested and charged": ["2020-05"]}, events
    names = [e.name for e in run("Leaders agreed in June 2025 to raise defence and security-related spending "
                                 "by 2035.").events]
    assert not any("security-related spending" in n and not n.startswith("Leaders agreed") for n in names), names


def test_events_a_scheduled_conference_takes_its_coming_month() -> None:
    events = dated("The next summit, COP31 in Perth, Australia, opens in November.", published="2025-06-17")
    assert events.get("cop31") == ["2025-11"]


def test_events_a_happening_told_in_a_clause_is_its_articles_own() -> None:
    # the same words in two articles tell of two happenings (a timeline must not join their dates)
    from kg.extract import extract
    from tests.support.extract_helpers import article

    text = "The statement was published on the ministry's website on 3 March 2025, officials said."
    keys = []
    for article_id in ("a1", "a2"):
        (event,) = [e for e in extract(article(text, id=article_id)).events if e.kind == "happening"]
        keys.append(event.key)
    assert keys[0] != keys[1]
