"""ingest.readers: each format's reader, and the messages of JSON it cannot read."""

from __future__ import annotations

from pathlib import Path

import pytest

from kg.errors import CorpusError
from kg.ingest.corpus import iter_corpus
from kg.ingest.readers import READERS, SUPPORTED_SUFFIXES, read_json, read_jsonl, read_text


def test_ingest_json_document_with_one_or_many_articles(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "one.json").write_text('{"headline": "A", "articleBody": "Text of the first article here."}')
    (corpus / "many.json").write_text('[{"title": "B", "text": "Second article."}, {"title": "C", "text": "Third."}]')
    assert sorted(a.headline for a in iter_corpus(corpus)) == ["A", "B", "C"]


def test_ingest_every_supported_ending_has_a_reader() -> None:
    assert set(SUPPORTED_SUFFIXES) | {""} == set(READERS)


def test_ingest_jsonl_error_names_the_line() -> None:
    with pytest.raises(CorpusError) as info:
        read_jsonl("feed.jsonl", b'{"headline": "x", "articleBody": "Text."}\n\n[1, 2\n', "feed")
    assert str(info.value).startswith("feed.jsonl:3: not valid JSON (")
    assert "at column" in str(info.value) and "line 1" not in str(info.value)


def test_ingest_json_error_names_line_and_column() -> None:
    with pytest.raises(CorpusError, match=r"^doc\.json: not valid JSON \(.* at line 2, column \d+\)"):
        read_json("doc.json", b'{"headline": "x",\n "articleBody": }', "doc")


def test_ingest_json_nested_too_deeply_is_refused() -> None:
    with pytest.raises(CorpusError, match=r"the JSON cannot be read \(it is nested too deeply\)"):
        read_json("deep.json", b"[" * 100_000 + b"]" * 100_000, "deep")


def test_ingest_text_file_without_a_header_is_all_body() -> None:
    [article] = read_text("plain.txt", b"NATO leaders met in Brussels on Tuesday.", "plain")
    assert article.id == "plain"
    assert article.body == "NATO leaders met in Brussels on Tuesday."
