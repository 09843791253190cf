"""ingest.furniture: furniture lines leave the body; the title line of a page without a header becomes
its headline (general shapes, made up here)."""

from __future__ import annotations

import pytest

from kg.ingest.furniture import clean_lines, is_furniture
from tests.support.pages import BODY


def test_ingest_title_above_the_byline_becomes_the_headline() -> None:
    raw = f"Policy Brief\n\nHarbour Institute for Maritime Studies\n\nPorts brace for a long winter of strikes\n\n" \
          f"Jane Roe, Europe Correspondent\n12 January 2026\n\n{BODY}"
    cleaned = clean_lines(raw, None)
    assert cleaned.headline == "Ports brace for a long winter of strikes"
    assert cleaned.authors == ("Jane Roe",)
    assert cleaned.published == "2026-01-12"
    assert "Ports brace" not in cleaned.body and cleaned.body.endswith(BODY)


def test_ingest_a_masthead_is_never_the_headline() -> None:
    cleaned = clean_lines(f"Harbour Institute for Maritime Studies\n\n{BODY}", None)
    assert cleaned.headline is None
    assert "Harbour Institute" in cleaned.body


def test_ingest_a_labelled_title_opening_the_page_is_the_headline_not_a_teaser() -> None:
    cleaned = clean_lines(f"EXPLAINER: Why the strait matters, in dates\n\n{BODY}", None)
    assert cleaned.headline == "EXPLAINER: Why the strait matters, in dates"
    assert clean_lines(f"{BODY}\n\nANALYSIS: Why the strait matters, in dates", None).headline is None


@pytest.mark.parametrize(
    "raw",
    [
        "What will happen to the alliance if the United States walks away next year?",  # the only text
        "“Nobody should doubt our resolve on this matter at all.”\n\nShe said so twice.",  # a quotation
    ],
)
def test_ingest_no_headline_is_taken_from_the_text_itself(raw: str) -> None:
    cleaned = clean_lines(raw, None)
    assert cleaned.headline is None
    assert cleaned.body == raw


@pytest.mark.parametrize(
    "line",
    ["Share on Facebook", "share via email", "Skip to main content", "12 comments", "Read more: Why the strait matters",
     "Watch: the summit in two minutes", "This article is also available in: Deutsch", "Most read",
     "world/europe/baltic-defence", "Copyright 2025 Example Media", "All rights reserved.", "Tags: defence, Baltic"],
)
def test_ingest_furniture_lines(line: str) -> None:
    assert is_furniture(line) or clean_lines(f"{BODY}\n\n{line}", None).removed == (line,)


@pytest.mark.parametrize("line", ["Share prices fell by a third.", "The minister said more on this later."])
def test_ingest_article_lines_are_not_furniture(line: str) -> None:
    assert not is_furniture(line)


def test_ingest_teaser_list_under_a_list_header_goes() -> None:
    raw = f"{BODY}\n\nMost read:\n1. Ports brace for strikes\n2. Ministers meet in Geneva\n\n- The last teaser"
    cleaned = clean_lines(raw, None)
    assert cleaned.body == BODY
    assert cleaned.removed == (
        "Most read:", "1. Ports brace for strikes", "2. Ministers meet in Geneva", "- The last teaser")


def test_ingest_credits_at_the_foot_go() -> None:
    cleaned = clean_lines(f"{BODY}\n\nReporting by Jane Roe; Editing by John Doe", None)
    assert cleaned.body == BODY
