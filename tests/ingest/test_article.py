"""ingest.article: header values are checked and, where the header is silent, filled from the page."""

from __future__ import annotations

from pathlib import Path

import pytest

from kg.errors import CorpusError
from kg.ingest.article import MAX_ARTICLE_CHARS, infer_headline, make_article
from kg.ingest.corpus import read_file
from kg.ingest.header import Header
from tests.support.pages import BODY


def test_ingest_front_matter_title_wins_over_a_title_line(tmp_path: Path) -> None:
    path = tmp_path / "a.md"
    path.write_text(f"---\ntitle: The real title\n---\nA different first line of text\n\n{BODY}\n", encoding="utf-8")
    (article,) = read_file(path)
    assert article.headline == "The real title"


def test_ingest_header_values_win_and_the_page_fills_the_gaps() -> None:
    raw = f"By Jane Roe | March 3, 2025\n\n{BODY}"
    article = make_article("a.txt", Header(genre="Opinion"), raw, "0" * 64, default_id="a")
    assert (article.authors, article.published and article.published.value, article.genre) == (
        ("Jane Roe",), "2025-03-03", "OpinionNewsArticle")
    article = make_article("a.txt", Header(authors=("Sam Poe",), published="2024"), raw, "0" * 64, default_id="a")
    assert article.authors == ("Sam Poe",) and article.published is not None and article.published.value == "2024"


def test_ingest_an_id_that_is_no_key_is_slugged() -> None:
    article = make_article("a.txt", Header(id="My Article 1"), BODY, "0" * 64, default_id="a")
    assert article.id == "my-article-1"


def test_ingest_too_long_an_article_is_refused() -> None:
    with pytest.raises(CorpusError, match="over the limit of"):
        make_article("big.txt", Header(), "word " * (MAX_ARTICLE_CHARS // 5 + 1), "0" * 64, default_id="big")


def test_ingest_headline_inferred_from_the_first_line_or_sentence() -> None:
    assert infer_headline("Ports brace for a long winter\n\nText.") == "Ports brace for a long winter"
    assert infer_headline("Ports brace. For a long winter.") == "Ports brace."
