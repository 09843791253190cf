"""ingest.masthead: the top of a page without a header (byline, date and name lines, wire datelines) and
the author's bio at its foot; general shapes, made up here."""

from __future__ import annotations

import pytest

from kg.ingest.furniture import clean_lines
from kg.ingest.masthead import byline_names, date_line, title_key, wire_publisher
from tests.support.pages import BODY


@pytest.mark.parametrize(
    ("line", "date"),
    [
        ("March 14, 2025 4:12 PM", "2025-03-14"),
        ("Updated 4:52 PM GMT+2, October 2, 2025", "2025-10-02"),
        ("Tue 14 Oct 2025 06.00 BST", "2025-10-14"),
        ("Lisbon, 22 November 2025", "2025-11-22"),
        ("Commentary | 19 March 2025", "2025-03-19"),
        ("POLICY BRIEF No. 14 | July 2025", "2025-07"),
        ("Published 3 hours ago, 7 April 2025", "2025-04-07"),
    ],
)
def test_ingest_date_lines_date_the_article(line: str, date: str) -> None:
    cleaned = clean_lines(f"{line}\n\n{BODY}", None)
    assert cleaned.published == date
    assert line in cleaned.removed and line not in cleaned.body


@pytest.mark.parametrize(
    "line",
    ["Analysis 7 April 2025", "The summit opened on 7 April 2025 in the capital", "Between 2019 and 2021"],
)
def test_ingest_a_sentence_or_a_label_with_a_date_is_not_a_date_line(line: str) -> None:
    assert clean_lines(f"{line}\n\n{BODY}", None).published is None


def test_ingest_byline_with_date_and_reading_time() -> None:
    cleaned = clean_lines(f"By Jane Roe | March 3, 2025 | 6 min read\n\n{BODY}", None)
    assert cleaned.authors == ("Jane Roe",)
    assert cleaned.published == "2025-03-03"


def test_ingest_dateline_in_the_body_dates_the_article() -> None:
    cleaned = clean_lines(f"LISBON, 16 December 2025 — {BODY}", None)
    assert cleaned.published == "2025-12-16"
    assert cleaned.body.startswith("LISBON, 16 December 2025 — ")  # the dateline is part of the text


@pytest.mark.parametrize(
    ("opening", "agency"),
    [
        ("RIGA, March 14 (Reuters) - ", "Reuters"),
        ("ADEN/DUBAI, Aug 4 (Reuters) - ", "Reuters"),  # two places
        ("LAMPEDUSA, Italy (AP) \u2014 ", "Associated Press"),  # a place and its country, no date
        ("Markets\nWorld\n\nMOSCOW, March 3 (AFP) - ", "Agence France-Presse"),  # after page lines left over
        ("The talks (in Geneva) - and the rest: ", None),
    ],
)
def test_ingest_wire_dateline_names_the_publisher(opening: str, agency: str | None) -> None:
    assert clean_lines(opening + BODY, None).publisher == agency


def test_ingest_bare_name_below_the_title_is_the_author_and_their_bio_goes() -> None:
    raw = (f"Harbour Institute for Maritime Studies\n\nCommentary | 19 March 2025\n\n"
           f"Ports brace for a long winter of strikes\n\nMarek Nowak\n\n{BODY}\n\n"
           "Marek Nowak is head of the Asia programme at the Harbour Institute. He previously reported from Beijing.")
    cleaned = clean_lines(raw, None)
    assert cleaned.authors == ("Marek Nowak",)
    assert "Marek Nowak" not in cleaned.body and "Asia programme" not in cleaned.body


def test_ingest_a_publication_name_line_is_no_author() -> None:
    raw = f"Commentary | 19 March 2025\n\nPorts brace for a long winter of strikes\n\nForeign Affairs\n\n{BODY}"
    assert clean_lines(raw, None).authors == ()


def test_ingest_byline_names_drop_the_job_title() -> None:
    assert byline_names("By Jane Doe and John Roe, Staff Writer") == ("Jane Doe", "John Roe")
    assert byline_names("By the way, this is no byline") is None


def test_ingest_date_line_alone() -> None:
    assert date_line("Geneva, 22 November 2025") == "2025-11-22"
    assert date_line("Analysis 7 April 2025") is None


def test_ingest_every_listed_wire_agency_names_a_publisher() -> None:
    assert wire_publisher("MOSCOW, March 3 (TASS) - The ministry said") == "TASS"
    assert wire_publisher("MOSCOW, March 3 (Pravda) - The ministry said") is None


def test_ingest_title_key_ignores_case_and_punctuation() -> None:
    assert title_key("Ports brace: a winter!") == title_key("PORTS BRACE — A WINTER")
