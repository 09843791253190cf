"""ingest.header: front matter and JSON properties -> header values, aliases accepted."""

from __future__ import annotations

import logging

import pytest

from kg.errors import CorpusError
from kg.ingest.header import meta_from_mapping, split_front_matter


def test_ingest_front_matter_is_split_from_the_body() -> None:
    header, body = split_front_matter("a.md", "---\ntitle: T\ndate: 2024-03-01\n---\nText.\n")
    assert header == {"title": "T", "date": "2024-03-01"}
    assert body == "Text.\n"
    assert split_front_matter("a.md", "No header.") == ({}, "No header.")


def test_ingest_header_aliases_and_authors() -> None:
    meta = meta_from_mapping(
        "a.md", {"Title": "T", "link": "https://example.org/a", "author": "Jane Roe and Sam Poe", "lang": "en"},
        strict=True,
    )
    assert (meta.headline, meta.url, meta.authors, meta.language) == (
        "T", "https://example.org/a", ("Jane Roe", "Sam Poe"), "en")


def test_ingest_schema_org_person_and_numbers_are_read_as_text() -> None:
    meta = meta_from_mapping("f.jsonl:1", {"author": {"@type": "Person", "name": "Jane Roe"}, "id": 7}, strict=False)
    assert meta.authors == ("Jane Roe",) and meta.id == "7"


def test_ingest_unknown_fields_are_an_error_in_a_header_and_a_warning_in_a_record(
    caplog: pytest.LogCaptureFixture,
) -> None:
    with pytest.raises(CorpusError, match=r"unknown header field\(s\) 'colour'"):
        meta_from_mapping("a.md", {"colour": "blue"}, strict=True)
    with caplog.at_level(logging.WARNING):
        meta_from_mapping("f.jsonl:1", {"colour": "blue", "keywords": "x"}, strict=False)
    assert "'colour'" in caplog.text and "keywords" not in caplog.text


def test_ingest_a_list_value_is_no_text() -> None:
    with pytest.raises(CorpusError, match="header field 'title' should be text, not list"):
        meta_from_mapping("a.md", {"title": ["a", "b"]}, strict=True)
