"""header: an article's metadata as written -> :class:`Header`.

A ``.txt``/``.md`` file may open with a YAML front-matter header between two ``---`` lines; a JSON
record carries the same values under schema.org property names. Both are read into a :class:`Header`
here, aliases accepted (``title``/``headline``, ``date``/``published``, ...); the values are checked
when the article is assembled (:func:`kg.ingest.article.make_article`).
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from typing import Any

import yaml

from kg.errors import CorpusError
from kg.ingest.normalise import normalise_text

logger = logging.getLogger(__name__)

__all__ = ["BODY_FIELDS", "FIX_HEADER", "Header", "meta_from_mapping", "split_front_matter"]

_FIELDS: dict[str, str] = {
    "id": "id",
    "title": "headline",
    "headline": "headline",
    "url": "url",
    "link": "url",
    "publisher": "publisher",
    "site": "publisher",
    "author": "authors",
    "authors": "authors",
    "published": "published",
    "date": "published",
    "datepublished": "published",
    "language": "language",
    "lang": "language",
    "inlanguage": "language",
    "genre": "genre",
    "type": "genre",
}
BODY_FIELDS = ("articlebody", "text", "body", "content")
"""The fields of a JSON record that may hold the article text, in the order they are tried (lowercase)."""
_IGNORED = {"@context", "keywords", "image", "description", "datemodified", "articlesection",
            "section", "wordcount", "tags", "summary"}
FIX_HEADER = (
    "write the header as YAML between two '---' lines, with the keys "
    "title, url, publisher, author, published (YYYY-MM-DD), language, genre, id (all optional)"
)


@dataclass(frozen=True)
class Header:
    """Header values as read, before validation."""

    id: str | None = None
    headline: str | None = None
    url: str | None = None
    publisher: str | None = None
    authors: tuple[str, ...] = ()
    published: str | None = None
    language: str | None = None
    genre: str | None = None


def _as_text(path: str, key: str, value: Any) -> str | None:
    if value is None:
        return None
    if isinstance(value, dict) and "name" in value:
        value = value["name"]
    if isinstance(value, (int, float)):
        value = str(value)
    if not isinstance(value, str):
        raise CorpusError(path, f"header field {key!r} should be text, not {type(value).__name__}", FIX_HEADER)
    value = normalise_text(value).strip()
    return value or None


def _authors(path: str, value: Any) -> tuple[str, ...]:
    if value is None:
        return ()
    if isinstance(value, dict):  # one schema.org Person: {"@type": "Person", "name": "Jane Roe"}
        value = [value]
    items = value if isinstance(value, list) else re.split(r"\s*;\s*|\s+and\s+", str(value))
    out = []
    for item in items:
        text = _as_text(path, "author", item)
        if text:
            out.append(text)
    return tuple(out)


def meta_from_mapping(path: str, mapping: dict[str, Any], *, strict: bool) -> Header:
    """The header values of ``mapping`` (a front-matter header or a JSON record).

    An unknown key is an error when ``strict`` (a header the user wrote), else a warning (a JSON
    record's other schema.org properties).
    """
    values: dict[str, Any] = {}
    unknown = []
    for raw_key, value in mapping.items():
        key = str(raw_key).strip().lower().replace("_", "")
        field = _FIELDS.get(key)
        if field is None:
            if key.lstrip("@") in {*BODY_FIELDS, "id"} or key in _IGNORED:
                continue
            unknown.append(str(raw_key))
            continue
        values[field] = value
    if unknown:
        message = f"unknown header field(s) {', '.join(repr(k) for k in sorted(unknown))}"
        if strict:
            raise CorpusError(path, message, FIX_HEADER)
        logger.warning("%s: %s ignored", path, message)
    return Header(
        id=_as_text(path, "id", values.get("id")),
        headline=_as_text(path, "title", values.get("headline")),
        url=_as_text(path, "url", values.get("url")),
        publisher=_as_text(path, "publisher", values.get("publisher")),
        authors=_authors(path, values.get("authors")),
        published=_as_text(path, "published", values.get("published")),
        language=_as_text(path, "language", values.get("language")),
        genre=_as_text(path, "genre", values.get("genre")),
    )


def split_front_matter(path: str, text: str) -> tuple[dict[str, Any], str]:
    """Split a ``---`` YAML header from the body. A file without one is all body."""
    if not text.startswith("---"):
        return {}, text
    m = re.match(r"\A---[ \t]*\n(?P<header>.*?\n)?---[ \t]*(?:\n|\Z)", text, re.DOTALL)
    if not m:
        raise CorpusError(path, "the header starts with '---' but has no closing '---' line", FIX_HEADER)
    header = m.group("header") or ""
    try:
        data = yaml.load(header, Loader=yaml.BaseLoader)  # BaseLoader: every value stays a string
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" at header line {mark.line + 2}" if mark is not None else ""
        problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        raise CorpusError(path, f"the YAML header is malformed{where} ({problem})", FIX_HEADER) from None
    except RecursionError:
        raise CorpusError(path, "the YAML header is nested too deeply to read", FIX_HEADER) from None
    if data is None:
        data = {}
    if not isinstance(data, dict):
        raise CorpusError(path, "the header is not a list of 'key: value' lines", FIX_HEADER)
    return data, text[m.end() :]
