"""readers: one corpus file's bytes -> its Article records, one reader per format.

* ``.txt``/``.md`` (and files without an ending): an optional YAML front-matter header, then the text;
* ``.html``/``.htm``: a saved web page; main text and metadata through trafilatura (no network is used);
* ``.jsonl``: one article per line, schema.org property names (aliases accepted);
* ``.json``: one article object, or a list of them.

Every reader decodes the bytes (UTF-8, nothing binary), reads the header values into a
:class:`kg.ingest.header.Header` and hands them with the text to :func:`kg.ingest.article.make_article`.
Problems raise :class:`kg.errors.CorpusError` naming the file (``file.jsonl:3`` for a record). A file
of several records (JSON Lines, a JSON list) given a ``problems`` list appends a bad record's error
there and reads the others: one bad line costs that line, not the file.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Callable
from typing import Any, Protocol

from kg.errors import CorpusError
from kg.ingest.article import MAX_ARTICLE_CHARS, make_article
from kg.ingest.header import BODY_FIELDS, Header, meta_from_mapping, split_front_matter
from kg.ingest.normalise import normalise_text
from kg.iris import slug
from kg.models import Article
from kg.text.urls import is_web_url

__all__ = [
    "HTML_SUFFIXES",
    "JSONL_SUFFIXES",
    "JSON_SUFFIXES",
    "MAX_HTML_BYTES",
    "MAX_TEXT_BYTES",
    "READERS",
    "SUPPORTED_SUFFIXES",
    "TEXT_SUFFIXES",
    "Reader",
    "read_html",
    "read_json",
    "read_jsonl",
    "read_text",
]

TEXT_SUFFIXES = (".txt", ".md", ".markdown")
HTML_SUFFIXES = (".html", ".htm")
JSONL_SUFFIXES = (".jsonl",)
JSON_SUFFIXES = (".json",)
SUPPORTED_SUFFIXES = TEXT_SUFFIXES + HTML_SUFFIXES + JSONL_SUFFIXES + JSON_SUFFIXES
"""Files with these endings (or none, read as text) are articles; a corpus folder's other files are
ignored with a warning."""
MAX_TEXT_BYTES = 4 * MAX_ARTICLE_CHARS
"""Largest ``.txt``/``.md`` file read. UTF-8 takes at most 4 bytes a character, so a larger file holds more
than :data:`~kg.ingest.article.MAX_ARTICLE_CHARS` characters: it is refused before it is read (time and
memory stay bounded)."""
MAX_HTML_BYTES = 10_000_000
"""Largest ``.html`` page read. trafilatura takes about a minute on a page this size (longer beyond), and
a page holding an article of :data:`~kg.ingest.article.MAX_ARTICLE_CHARS` characters is smaller."""


def _decode(path: str, data: bytes) -> str:
    if not data.strip():
        raise CorpusError(path, "the file is empty", "put the article text in it, or remove it from the corpus")
    if b"\x00" in data[:65536]:
        raise CorpusError(
            path, "it holds NUL bytes, so it looks like a binary file, not text",
            "remove it from the corpus, or convert it to a UTF-8 .txt, .md, .html or .jsonl file",
        )
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise CorpusError(
            path, f"not valid UTF-8 (byte 0x{data[exc.start]:02x} at offset {exc.start})",
            "re-save the file as UTF-8 (for example: iconv -f latin1 -t utf-8 in > out)",
        ) from None


def _sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


# ----------------------------------------------------------------------------------------------
# Text and Markdown


def read_text(path: str, data: bytes, stem: str, problems: list[CorpusError] | None = None) -> list[Article]:
    """A ``.txt``/``.md`` file: optional front matter, then the article text."""
    text = _decode(path, data)
    header, body = split_front_matter(path, normalise_text(text))
    meta = meta_from_mapping(path, header, strict=True)
    return [make_article(path, meta, body, _sha256(data), default_id=stem)]


# ----------------------------------------------------------------------------------------------
# Saved web pages


def read_html(path: str, data: bytes, stem: str, problems: list[CorpusError] | None = None) -> list[Article]:
    """A saved web page: main text and metadata through trafilatura (no network is used)."""
    html = _decode(path, data)
    _check_html_depth(path, html)
    import trafilatura  # imported here: slow to import, and only HTML needs it

    try:
        doc = trafilatura.bare_extraction(
            html, with_metadata=True, include_links=True, include_comments=False, include_tables=True,
            deduplicate=False, favor_recall=True,
        )
    except Exception as exc:  # trafilatura/lxml raise many types on broken markup
        raise CorpusError(path, f"the HTML could not be parsed ({type(exc).__name__})",
                          "save the page again as complete HTML, or paste its text into a .txt file") from None
    text = getattr(doc, "text", None) if doc is not None else None
    if not text or not text.strip():
        raise CorpusError(path, "no article text was found in the HTML page",
                          "check that it is a saved article page, or paste its text into a .txt file")
    def field(name: str) -> str | None:
        return _clean_meta(getattr(doc, name, None))

    url = field("url")
    meta = Header(
        headline=field("title"),
        url=url if url and is_web_url(url) else None,
        publisher=field("sitename"),
        authors=tuple(a for a in (_clean_meta(x) for x in re.split(r"\s*;\s*", field("author") or "")) if a),
        published=field("date"),
        language=field("language"),
    )
    return [make_article(path, meta, text, _sha256(data), default_id=stem)]


def _check_html_depth(path: str, html: str) -> None:
    """Refuse a page nested deeper than libxml2 reads: it stops there and the rest of the article would be lost."""
    import lxml.etree  # type: ignore[import-untyped]
    import lxml.html  # type: ignore[import-untyped]

    parser = lxml.html.HTMLParser(encoding="utf-8")
    try:
        lxml.html.document_fromstring(html.encode("utf-8"), parser=parser)
    except (lxml.etree.LxmlError, ValueError):
        return  # trafilatura reports what it cannot read
    for error in parser.error_log:
        if error.type_name == "ERR_RESOURCE_LIMIT":
            raise CorpusError(
                path, f"the HTML parser stops reading this page ({error.message.split(',')[0]} at line {error.line}), "
                "so the rest of the article would be lost",
                "save the page again without the deeply nested markup, or paste its text into a .txt file",
            )


def _clean_meta(value: Any) -> str | None:
    if not isinstance(value, str):
        return None
    return normalise_text(value).strip() or None


# ----------------------------------------------------------------------------------------------
# JSON and JSON Lines


def _json_article(where: str, record: object, raw: bytes, default_id: str) -> Article:
    """One JSON article record (schema.org property names, aliases accepted)."""
    if not isinstance(record, dict):
        raise CorpusError(where, "the record is not a JSON object", "write each article as a JSON object")
    lowered = {str(k).lower(): v for k, v in record.items()}
    body = next((lowered[k] for k in BODY_FIELDS if isinstance(lowered.get(k), str)), None)
    if body is None:
        raise CorpusError(where, "the record has no article text",
                          "put the text in an 'articleBody' (or 'text') field")
    meta = meta_from_mapping(where, {k: v for k, v in record.items() if str(k).lower() != "@id"}, strict=False)
    if meta.id is None and isinstance(lowered.get("@id"), str):
        meta = Header(**{**meta.__dict__, "id": lowered["@id"]})
    if meta.url:
        default_id = slug(meta.url)
    return make_article(where, meta, body, _sha256(raw), default_id=default_id)


def _json_value(where: str, text: str, *, line: bool, fix_syntax: str, fix_value: str) -> Any:
    """``text`` parsed as JSON; a syntax error says where (``line``: give the line as well as the column)."""
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        at = f"line {exc.lineno}, column {exc.colno}" if line else f"column {exc.colno}"
        raise CorpusError(where, f"not valid JSON ({exc.msg} at {at})", fix_syntax) from None
    except (ValueError, RecursionError) as exc:  # a number too long to convert, or arrays nested too deeply
        problem = "it is nested too deeply" if isinstance(exc, RecursionError) else str(exc).split(";")[0].split(":")[0]
        raise CorpusError(where, f"the JSON cannot be read ({problem})", fix_value) from None


def _keep(
    articles: list[Article], problems: list[CorpusError] | None, read: Callable[..., Article], *args: Any
) -> None:
    """``read(*args)`` appended to ``articles``; its CorpusError appended to ``problems``, or raised without it."""
    try:
        articles.append(read(*args))
    except CorpusError as exc:
        if problems is None:
            raise
        problems.append(exc)


def read_jsonl(path: str, data: bytes, stem: str, problems: list[CorpusError] | None = None) -> list[Article]:
    """One JSON object per line, with schema.org property names (aliases accepted)."""
    text = _decode(path, data)
    articles: list[Article] = []
    before = len(problems) if problems is not None else 0
    for lineno, line in enumerate(text.split("\n"), 1):
        if line.strip():
            _keep(articles, problems, _jsonl_record, f"{path}:{lineno}", line, f"{stem}-{lineno}")
    if not articles and (problems is None or len(problems) == before):
        raise CorpusError(path, "the file holds no JSON records", "write one JSON object per line")
    return articles


def _jsonl_record(where: str, line: str, default_id: str) -> Article:
    record = _json_value(where, line, line=False, fix_syntax="write one complete JSON object per line",
                         fix_value="write one article object per line, with text values")
    return _json_article(where, record, line.encode("utf-8"), default_id)


def read_json(path: str, data: bytes, stem: str, problems: list[CorpusError] | None = None) -> list[Article]:
    """A JSON document holding one article object, or a list of them."""
    text = _decode(path, data)
    document = _json_value(
        path, text, line=True, fix_syntax="fix the JSON, or use .jsonl with one article per line",
        fix_value="write one article object, or a list of article objects, with text values",
    )
    if isinstance(document, dict):
        return [_json_article(path, document, data, stem)]
    if isinstance(document, list) and document:
        articles: list[Article] = []
        for i, record in enumerate(document):
            raw = json.dumps(record, sort_keys=True).encode("utf-8")
            _keep(articles, problems, _json_article, f"{path}[{i}]", record, raw, f"{stem}-{i + 1}")
        return articles
    raise CorpusError(path, "the JSON document is neither an article object nor a list of them",
                      "write one article object, or a list of article objects")


class Reader(Protocol):
    """``reader(display path, bytes, file stem as a key, problems)`` -> the file's articles."""

    def __call__(
        self, path: str, data: bytes, stem: str, problems: list[CorpusError] | None = None, /
    ) -> list[Article]: ...


READERS: dict[str, Reader] = {
    **dict.fromkeys(TEXT_SUFFIXES, read_text),
    **dict.fromkeys(HTML_SUFFIXES, read_html),
    **dict.fromkeys(JSONL_SUFFIXES, read_jsonl),
    **dict.fromkeys(JSON_SUFFIXES, read_json),
    "": read_text,
}
"""The reader of each file ending (lowercase; ``""``: no ending, read as text)."""
