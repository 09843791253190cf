"""Contradiction detection, more mechanisms (kg's extractor on made-up sentences): figures in other words
within one article and across articles, paraphrases, statements called false, dates of one happening."""

from __future__ import annotations

import pytest

from kg.contradict import analyse
from kg.contradict.analyse import find_contradictions
from tests.contradict.test_analyse import _extracted_corpus, _found

# ---------------------------------------------------------------------------------------------
# Figures


def test_analyse_one_count_in_one_article_in_other_words_conflicts() -> None:
    """"aboard" and "on board", two speakers in one article: the unit counts as a shared word there."""
    found = _found(
        "Coast guard official Marco Rossi said about 95 people were believed to have been aboard. "
        "Aid worker Anna Bianchi said there had been around 130 people on board."
    )
    assert [kind for kind, _ in found] == ["value"]


def test_analyse_one_word_and_the_unit_across_articles_is_not_enough() -> None:
    """In two articles "people aboard" may be two boats."""
    assert (
        _found(
            "Coast guard official Marco Rossi said about 95 people were believed to have been aboard.",
            "Aid worker Anna Bianchi said there had been around 130 people on board.",
        )
        == []
    )


def test_analyse_voted_in_favour_and_voted_for_are_one_figure() -> None:
    """The article's own count against a speaker's direct quote in the same article."""
    found = _found(
        "The resolution was adopted on 3 May, with 124 countries voting in favour and 11 abstaining. "
        "“Only around 90 countries actually voted for this text,” said Jordan diplomat Omar Haddad."
    )
    assert [kind for kind, _ in found] == ["value"]


def test_analyse_the_article_against_reported_speech_in_it_is_not_compared() -> None:
    """Reported speech in the same article may be the article summarising the speaker: not compared."""
    assert (
        _found(
            "The resolution was adopted on 3 May, with 124 countries voting in favour. "
            "Jordan diplomat Omar Haddad said around 90 countries voted for the resolution."
        )
        == []
    )


def test_analyse_one_claimant_reported_with_two_figures_in_two_articles_conflicts() -> None:
    corpus = _extracted_corpus(
        "The pollster Gallup said 62% of respondents support raising the fuel tax.",
        "A Gallup survey found that 56% of respondents backed raising the fuel tax.",
    )
    [found] = find_contradictions(corpus)
    assert found.kind == "value"
    assert "Two articles report Gallup with different figures." in found.explanation


def test_analyse_one_claimant_in_one_article_is_still_not_compared() -> None:
    assert (
        _found(
            "The pollster Gallup said 62% of respondents support raising the fuel tax. "
            "Gallup said 56% of respondents backed raising the fuel tax."
        )
        == []
    )


@pytest.mark.parametrize(
    ("word", "stem"),
    [("voting", "vot"), ("voted", "vot"), ("began", "begin"), ("begun", "begin"), ("backed", "support"),
     ("favor", "favour"), ("added", "add"), ("needed", "need"), ("pipelines", "pipeline"), ("countries", "country"),
     ("taxes", "tax"), ("states", "state")],
)
def test_analyse_content_word_stems(word: str, stem: str) -> None:
    assert analyse._content_word(word) == stem


def test_analyse_paraphrases_are_written_one_way() -> None:
    assert analyse._paraphrased("voted in favour of it") == "voted favour it"
    assert analyse._paraphrased("had set sail from Zuwara") == "had left from Zuwara"
    assert analyse._paraphrased("130 people on board") == "130 people aboard"


# ---------------------------------------------------------------------------------------------
# Statements denied or called false


def test_analyse_anyone_who_says_x_is_wrong_calls_x_false() -> None:
    found = _found(
        "“Chile does not have a housing shortage today,” said President Gabriel Boric.",
        "“Anyone who says Chile no longer has a housing shortage is not looking at the data,” said economist "
        "Maria Soto.",
    )
    assert [kind for kind, _ in found] == ["rebuttal"]


def test_analyse_anyone_who_says_x_is_wrong_agrees_with_someone_denying_x() -> None:
    """Calling "Chile no longer has a shortage" wrong agrees with "Chile has a housing shortage"."""
    assert (
        _found(
            "“Chile has a housing shortage today,” said President Gabriel Boric.",
            "“Anyone who says Chile no longer has a housing shortage is not looking at the data,” said economist "
            "Maria Soto.",
        )
        == []
    )


def test_analyse_the_article_calling_a_quote_false_is_a_rebuttal() -> None:
    """Within one article, the author calls false a quote whose speaker the extractor could not name."""
    corpus = _extracted_corpus(
        "Its reasoning was set out by a spokesperson for the ministry last month: “Closing the rail line would "
        "cost taxpayers millions of euros and is not the best outcome for passengers.”\n\n"
        "The claim that closing the rail line would cost taxpayers millions is simply not true."
    )
    found = find_contradictions(corpus)
    assert [c.kind for c in found] == ["rebuttal"]
    assert "a speaker quoted by" in found[0].explanation


def test_analyse_and_with_an_auxiliary_starts_a_clause() -> None:
    """"... would cost millions and is not the best outcome": the negation belongs to the second clause."""
    assert analyse._CLAUSES.split("the plan would cost millions and is not the best outcome")[0].strip() == (
        "the plan would cost millions"
    )


def test_analyse_a_deadline_asserted_before_one_denied_conflicts() -> None:
    found = _found(
        "The International Energy Agency projects that global coal demand will peak before 2027, as renewables "
        "spread.",
        "The World Coal Association has insisted that coal demand will not peak before 2040.",
    )
    assert [kind for kind, _ in found] == ["polarity"]
    assert "before 2027" in found[0][1] and "before 2040" in found[0][1]


@pytest.mark.parametrize(
    ("first", "second"),
    [
        pytest.param("The International Energy Agency projects that global coal demand will peak before 2045.",
                     "The World Coal Association has insisted that coal demand will not peak before 2040.",
                     id="later-deadline-asserted"),
        pytest.param("The International Energy Agency projects that global oil demand will peak before 2027.",
                     "The World Coal Association has insisted that coal demand will not peak before 2040.",
                     id="other-fuel"),
    ],
)
def test_analyse_deadline_near_misses(first: str, second: str) -> None:
    assert _found(first, second) == []


# ---------------------------------------------------------------------------------------------
# Dates of one happening


def test_analyse_one_departure_on_two_weekdays_in_one_article_conflicts() -> None:
    """"set sail from" is "left"; weekdays are resolved against the article's date."""
    found = _found(
        "Coast guard official Marco Rossi said the boat had set sail from the Libyan port of Zuwara on Tuesday. "
        "Aid worker Anna Bianchi said the migrants had left Zuwara on Monday night."
    )
    assert [kind for kind, _ in found] == ["value"]


@pytest.mark.parametrize(
    "bodies",
    [
        pytest.param(("Coast guard official Marco Rossi said the boat had set sail from the Libyan port of Zuwara "
                      "on Tuesday.", "Aid worker Anna Bianchi said the migrants had left Zuwara on Monday night."),
                     id="two-articles"),
        pytest.param(("Coast guard official Marco Rossi said the boat had set sail from the Libyan port of Zuwara "
                      "on Tuesday. Aid worker Anna Bianchi said the migrants had left Zuwara again on Monday night.",),
                     id="again"),
        pytest.param(("Coast guard official Marco Rossi said the boat had set sail from the Libyan port of Zuwara "
                      "on Tuesday. Aid worker Anna Bianchi said the migrants had left Sabratha on Monday night.",),
                     id="other-port"),
    ],
)
def test_analyse_departure_near_misses(bodies: tuple[str, ...]) -> None:
    assert _found(*bodies) == []


# ---------------------------------------------------------------------------------------------
# Short statements word for word


def test_analyse_a_short_statement_denied_by_another_speaker_in_one_article_conflicts() -> None:
    found = _found(
        "“This is not censorship. Not a single post is being removed from the platform,” said minister Anna Berg.\n\n"
        "“Let us call this what it is: this is censorship, plain and simple,” said opposition leader Karl Lind."
    )
    assert [kind for kind, _ in found] == ["polarity"]
    assert "This is not censorship" in found[0][1]


@pytest.mark.parametrize(
    "bodies",
    [
        pytest.param(("“This is not censorship,” said minister Anna Berg.",
                      "“Let us call this what it is: this is censorship, plain and simple,” said opposition leader "
                      "Karl Lind."), id="two-articles"),
        pytest.param(("“This is not censorship,” said minister Anna Berg.\n\n“Let us call this what it is: this is "
                      "regulation, plain and simple,” said opposition leader Karl Lind.",), id="other-word"),
        pytest.param(("“This is not censorship,” said minister Anna Berg.\n\n“Let us be clear: this is not "
                      "censorship,” said opposition leader Karl Lind.",), id="both-denied"),
    ],
)
def test_analyse_short_statement_near_misses(bodies: tuple[str, ...]) -> None:
    assert _found(*bodies) == []


def test_analyse_short_statements_leave_out_negation_and_emphasis() -> None:
    words = analyse._EMPHATIC.sub(" ", analyse._NEGATION.sub(" ", "this is not deregulation, plain and simple"))
    assert words.split() == ["this", "is", "deregulation"]


# ---------------------------------------------------------------------------------------------
# An answer to the sentence before


def test_analyse_a_claim_answering_the_one_before_is_a_rebuttal() -> None:
    found = _found(
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
def test_analyse_answer_near_misses(body: str) -> None:
    """No cue, or the claim answered is not the one right before: Turkey's claim is not answered."""
    assert [pair for kind, pair in _found(body) if kind == "rebuttal" and "a tenth" in pair] == []


@pytest.mark.parametrize(
    ("text", "answers"),
    [("The record suggests otherwise: most were not.", True), ("That is simply not true.", True),
     ("The Houthi claim is false.", True), ("This claim is baseless, the ministry said.", True),
     ("The record shows a rise in attacks.", False), ("It is true that prices rose.", False)],
)
def test_analyse_answer_cues(text: str, answers: bool) -> None:
    assert bool(analyse._ANSWER.match(text)) is answers


def test_analyse_a_relative_clause_dates_what_it_tells_of() -> None:
    """"X, which was damaged in November 2023, did not return to service": X was damaged in November 2023."""
    found = _found(
        "On 8 October 2023, the Balticconnector gas pipeline between Finland and Estonia was damaged, together "
        "with a telecommunications cable running alongside it.",
        "The Nord Stream pipelines were ruptured by explosions on September 26, 2022, and the Balticconnector "
        "pipeline between Finland and Estonia, which was damaged in November 2023, did not return to service "
        "until April 2024.",
    )
    assert [kind for kind, _ in found] == ["value"]


def test_analyse_a_relative_clause_of_another_pipeline_is_no_conflict() -> None:
    assert (
        _found(
            "On 8 October 2023, the Balticconnector gas pipeline between Finland and Estonia was damaged.",
            "The Estlink cable between Finland and Estonia, which was damaged in December 2024, did not return to "
            "service until April 2025.",
        )
        == []
    )


# ---------------------------------------------------------------------------------------------
# A rejected report in other words

_MOVED = (
    "VILNIUS (Reuters) - Belarus has moved about 4,000 troops and dozens of tanks to the Grodno region near the "
    "Lithuanian border, the Lithuanian defence minister, Dovile Sakaliene, said on Friday."
)


def test_analyse_a_rejected_report_is_the_claim_that_words_it() -> None:
    """The minister is not known to hold office in Lithuania, but says what "a Lithuanian report" says."""
    found = _found(
        _MOVED,
        "MINSK (AP) - The Belarusian government on Saturday dismissed as propaganda a Lithuanian report that "
        "Belarus had massed thousands of troops near the Baltic country's border.",
    )
    assert [kind for kind, _ in found] == ["rebuttal"]


def test_analyse_a_rejected_report_on_something_else_is_not_that_claim() -> None:
    assert (
        _found(
            _MOVED,
            "MINSK (AP) - The Belarusian government on Saturday dismissed as propaganda a Lithuanian report that "
            "Belarusian hackers had attacked the power grid of the Baltic country.",
        )
        == []
    )


def test_analyse_rejected_words() -> None:
    assert analyse._REJECTED.search("dismissed a report that Belarus had massed troops near the border")
    assert not analyse._REJECTED.search("dismissed the report as propaganda")


# ---------------------------------------------------------------------------------------------
# Denials in other words: "denied that", "failed to", "miss"


@pytest.mark.parametrize(
    ("first", "second"),
    [
        pytest.param("“Ankara has cut the flow of the Euphrates,” said Iraqi water minister Aoun Dhiab.",
                     "Turkish spokesman Oncu Keceli denied that Ankara had cut the flow of the Euphrates.",
                     id="denied-that"),
        pytest.param("“The sanctions have dented the Iranian oil economy,” said minister Anna Berg.",
                     "“The sanctions have failed to dent the Iranian oil economy,” said economist Karl Lind.",
                     id="failed-to"),
        pytest.param("“We will meet the deficit target this year,” said finance minister Pedro Alves.",
                     "“The government will miss the deficit target this year,” said economist Karl Lind.",
                     id="miss"),
    ],
)
def test_analyse_denials_in_other_words(first: str, second: str) -> None:
    assert [kind for kind, _ in _found(first, second)] == ["polarity"]


def test_analyse_two_denials_agree() -> None:
    assert (
        _found(
            "“Ankara has not cut the flow of the Euphrates,” said Turkish minister Ali Demir.",
            "Turkish spokesman Oncu Keceli denied that Ankara had cut the flow of the Euphrates.",
        )
        == []
    )


# ---------------------------------------------------------------------------------------------
# "Most" against a minority figure

_POLL = "\n\nAbacus Data said {} support the new fuel tax, down from 44% in April."
_MOST = "“Canadians overwhelmingly support the new fuel tax because it funds transit,” said minister Anna Berg."


def test_analyse_most_against_a_minority_figure_conflicts() -> None:
    found = _found(_MOST + " " + _POLL.format("38%"))
    assert [kind for kind, _ in found] == ["value"]
    assert "38%" in found[0][1]


@pytest.mark.parametrize(
    "bodies",
    [
        pytest.param((_MOST + " " + _POLL.format("58%"),), id="a-majority"),
        pytest.param((_MOST + " " + _POLL.format("38% of Albertans"),), id="a-subgroup"),
        pytest.param((_MOST, _POLL.format("38%").strip()), id="two-articles"),
        pytest.param((_MOST + "\n\nAbacus Data said 38% oppose the new fuel tax.",), id="another-verb"),
    ],
)
def test_analyse_most_near_misses(bodies: tuple[str, ...]) -> None:
    assert _found(*bodies) == []


def test_analyse_a_toll_in_articles_of_other_days_is_an_update() -> None:
    from kg.extract import extract
    from kg.resolve import resolve
    from tests.support.extract_helpers import article

    bodies = (
        ("Health ministry spokesman Ali Demir said 52 people were killed in the floods in Kerala.", "2025-06-02"),
        ("Health ministry spokesman Ali Demir said 87 people were killed in the floods in Kerala.", "2025-06-05"),
    )
    corpus = resolve([extract(article(b, id=f"t{i}", published=d)) for i, (b, d) in enumerate(bodies)])
    assert find_contradictions(corpus) == []
    same_day = resolve([extract(article(b, id=f"t{i}", published="2025-06-02")) for i, (b, _) in enumerate(bodies)])
    assert [c.kind for c in find_contradictions(same_day)] == ["value"]


@pytest.mark.parametrize(
    "bodies",
    [
        pytest.param(("“I am not a candidate for the presidency,” said senator Anna Berg.\n\n“I am a candidate for "
                      "the presidency,” said governor Karl Lind.",), id="short-first-person"),
        pytest.param(("“We will meet the deficit target this year,” said finance minister Pedro Alves.",
                      "“We will not meet the deficit target this year,” said Chilean finance minister Mario Marcel."),
                     id="two-speakers-we"),
    ],
)
def test_analyse_first_person_of_two_speakers_is_two_subjects(bodies: tuple[str, ...]) -> None:
    assert _found(*bodies) == []


def test_analyse_the_unit_counts_as_a_word_only_for_counted_things() -> None:
    """Two sums of money in one article share their currency, not what they are of."""
    assert (
        _found(
            "The company reported revenue of $5 billion for the year. “Our revenue will grow to $6 billion,” "
            "chief executive Anna Berg said."
        )
        == []
    )


@pytest.mark.parametrize(
    ("first", "second"),
    [
        pytest.param("Finnish police chief Anna Berg said the tanker had cut the power cable with its anchor.",
                     "Moscow rejected claims that the tanker had cut the power cable with its anchor.",
                     id="rejected-claims-that"),
        pytest.param("Finnish police chief Anna Berg said the tanker had cut the power cable with its anchor.",
                     "The shipping company said there is no evidence that the tanker had cut the power cable.",
                     id="no-evidence-that"),
        pytest.param("Finnish police chief Anna Berg said the tanker had cut the power cable with its anchor.",
                     "“The claim that the tanker cut the power cable is categorically false,” owner Karl Lind said.",
                     id="categorically-false"),
    ],
)
def test_analyse_more_denial_leads(first: str, second: str) -> None:
    assert len(_found(first, second)) == 1


def test_analyse_a_rejected_plan_is_not_a_denial() -> None:
    """"rejected the plan that would ..." rejects a plan; it does not deny what the plan would do."""
    assert analyse._DENIAL_LEAD.search("They rejected the plan") is None
    assert analyse._DENIAL_LEAD.search("Moscow rejected the Western claims") is not None


@pytest.mark.parametrize(
    ("text", "denies"),
    [("Tehran has repeatedly denied supplying weapons", True), ("Hamas denied any involvement", True),
     ("The talks failed to produce a deal", True), ("Israel denied entry to aid trucks", False),
     ("He was denied a visa", False)],
)
def test_analyse_denial_words(text: str, denies: bool) -> None:
    assert bool(analyse._DENIAL.search(text)) is denies


def test_analyse_figures_of_articles_on_other_actors_are_not_compared() -> None:
    """Neither clause says whose spending it is; one article is about Taiwan, the other about Poland."""
    taiwan = (
        "Taiwan and China traded accusations again. Taiwan said China had sent ships. A poll found that 63% "
        "back raising defence spending to 3% of GDP, while 29% oppose it."
    )
    poland = (
        "Poland and Germany met in Berlin. Poland said Germany must do more. Pollsters found that 48% back "
        "raising defence spending to 3% of GDP."
    )
    assert [kind for kind, _ in _found(taiwan, poland)] == []
    assert [kind for kind, _ in _found(taiwan, poland.replace("Germany", "Taiwan"))] == ["value"]


def test_analyse_harm_verbs_are_one_verb() -> None:
    """"biting deep into" and "failed to dent": one verb, denied by "failed to"; "Our" and "Three" are no names."""
    found = _found(
        "Three years and sixteen packages later, sanctions have failed to dent Iran's oil economy.",
        "“Our sanctions are biting deep into Iran's oil economy,” said EU envoy Marta Oliveira.",
    )
    assert [kind for kind, _ in found] == ["polarity"]
    assert {analyse._content_word(w) for w in ("biting", "dented", "weakened", "hurts")} == {"hurt"}


def test_analyse_it_is_wrong_is_a_judgement_not_a_rebuttal() -> None:
    """"It is wrong that X" and a reply "This is wrong" judge X; they do not call it false."""
    assert not analyse._ANSWER.match("This is wrong, and it must stop.")
    assert not analyse._FALSE_LEAD.search("It is wrong")
    assert analyse._ANSWER.match("The claim is wrong.")


def test_analyse_a_toll_in_other_words_in_one_article_conflicts() -> None:
    found = _found(
        "Police chief Marco Rossi said 27 people died in the fire. Mayor Anna Bianchi said 45 people were killed."
    )
    assert [kind for kind, _ in found] == ["value"]
    assert analyse._content_word("killed") == analyse._content_word("dead") == analyse._content_word("deaths")
