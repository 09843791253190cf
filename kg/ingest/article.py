"""article: header values and a raw body -> the Article record.

:func:`make_article` is where every reader ends: the body is normalised, its page furniture removed
(:func:`kg.ingest.furniture.clean_lines`) and its Markdown links turned into text; the header values
are checked (date, URL, genre, id) and, where the header is silent, filled from what the furniture
said (byline, date line, wire dateline, title line). The cleaned body is what ``schema:articleBody``
holds and what every offset in the graph points into.
"""

from __future__ import annotations

import datetime as dt
import logging
import re

from pydantic import ValidationError

from kg.errors import CorpusError
from kg.ingest.furniture import clean_lines
from kg.ingest.header import Header
from kg.ingest.normalise import normalise_text
from kg.iris import is_key, slug
from kg.models import Article, ArticleGenre, DateValue, Link, Span
from kg.text.dates import parse_date
from kg.text.urls import is_web_url

logger = logging.getLogger(__name__)

__all__ = ["GENRES", "MAX_ARTICLE_CHARS", "MAX_AUTHORS", "extract_links", "in_the_future", "infer_headline",
           "make_article"]

MAX_ARTICLE_CHARS = 2_000_000
"""Longest body accepted (about 300,000 words); longer articles are refused with a clear message."""
MAX_AUTHORS = 30
"""Most authors one article may name. Every claim the article makes in its own voice is attributed to
each author, so the graph grows with claims times authors: the limit keeps it proportional to the input
(a byline of thousands of names is refused, not turned into millions of triples)."""

GENRES: dict[str, ArticleGenre] = {
    "news": "NewsArticle",
    "newsarticle": "NewsArticle",
    "article": "NewsArticle",
    "analysis": "AnalysisNewsArticle",
    "analysisnewsarticle": "AnalysisNewsArticle",
    "opinion": "OpinionNewsArticle",
    "column": "OpinionNewsArticle",
    "opinionnewsarticle": "OpinionNewsArticle",
    "reportage": "ReportageNewsArticle",
    "reportagenewsarticle": "ReportageNewsArticle",
    "report": "Report",
}
"""The values a ``genre`` header may take (lowercase, spaces and underscores removed) and the genre each gives."""

_MD_LINK = re.compile(
    r"!?\[(?P<text>[^\]\n]{0,500})\]\("
    r"(?:<(?P<angled>[^<>\n]{0,2000})>|(?P<url>(?:[^()\s]|\([^()\s]{0,2000}\)){1,2000}))"
    r"(?:\s+\"[^\"\n]*\")?\)"
)
"""A Markdown link: ``[text](url)``, ``[text](<url>)`` (CommonMark's angle brackets) or a URL holding
balanced parentheses (``javascript:alert(1)``), with an optional title."""


def _too_long(path: str, length: int) -> CorpusError:
    return CorpusError(
        path, f"the article is {length:,} characters long, over the limit of {MAX_ARTICLE_CHARS:,}",
        "split it into several articles, or remove what is not article text",
    )


def make_article(path: str, meta: Header, raw_body: str, digest: str, *, default_id: str) -> Article:
    """Validate header values, clean the body and build the Article record."""
    if len(raw_body) > 2 * MAX_ARTICLE_CHARS:  # refused before cleaning, which takes a while on so much text
        raise _too_long(path, len(raw_body))
    raw_body = normalise_text(raw_body)
    cleaned = clean_lines(raw_body, meta.headline)
    body, links = extract_links(cleaned.body)
    if not body.strip():
        raise CorpusError(path, "there is no article text after the header and page furniture",
                          "check that the file holds the article's text")
    if len(body) > MAX_ARTICLE_CHARS:
        raise _too_long(path, len(body))
    if meta.url is not None and not is_web_url(meta.url):
        raise CorpusError(path, f"url {meta.url!r} is not an absolute http(s) URL",
                          "give the article's full address (https://...) or leave url empty")
    published = None
    if meta.published is None and cleaned.published is not None:
        published = parse_date(cleaned.published)
    if meta.published is not None:
        published = parse_date(meta.published)
        if published is None:
            raise CorpusError(path, f"published date {meta.published!r} is not a date",
                              "write it as YYYY-MM-DD (or YYYY-MM, or YYYY), or leave it empty")
    if published is not None and in_the_future(published):
        logger.warning("%s: published date %s is in the future; kept as written (check the header)",
                       path, published.value)
    authors = meta.authors or cleaned.authors
    if len(authors) > MAX_AUTHORS:
        raise CorpusError(path, f"the article names {len(authors):,} authors, over the limit of {MAX_AUTHORS}",
                          "keep the byline's real authors (each of them is credited with every unattributed "
                          "claim), or split the article")
    genre: ArticleGenre = "NewsArticle"
    if meta.genre is not None:
        found = GENRES.get(meta.genre.lower().replace(" ", "").replace("_", ""))
        if found is None:
            raise CorpusError(path, f"genre {meta.genre!r} is not known",
                              f"use one of: {', '.join(sorted(set(GENRES)))}")
        genre = found
    article_id = meta.id or default_id
    if not is_key(article_id):
        article_id = slug(article_id)
    try:
        return Article(
            id=article_id,
            path=path,
            url=meta.url,
            headline=meta.headline or cleaned.headline or infer_headline(body),
            authors=authors,
            publisher=meta.publisher or cleaned.publisher,
            published=published,
            language=meta.language,
            genre=genre,
            body=body,
            links=links,
            furniture=cleaned.removed,
            sha256=digest,
        )
    except ValidationError as exc:  # a bug guard: every field was checked above
        problems = "; ".join(f"{'.'.join(map(str, e['loc']))}: {e['msg']}" for e in exc.errors())
        raise CorpusError(path, f"invalid article record ({problems})", "correct the header values") from None


def extract_links(body: str) -> tuple[str, tuple[Link, ...]]:
    """Turn Markdown links ``[text](url)`` into their text and record where each one points.

    >>> text, (link,) = extract_links("See [the plan](https://example.org/plan).")
    >>> text, link.span.text, link.url
    ('See the plan.', 'the plan', 'https://example.org/plan')
    """
    out: list[str] = []
    links: list[Link] = []
    pos = 0
    length = 0
    for m in _MD_LINK.finditer(body):
        out.append(body[pos : m.start()])
        length += m.start() - pos
        text = "" if m.group(0).startswith("!") else m.group("text")
        url = m.group("url") if m.group("angled") is None else m.group("angled")
        if text and is_web_url(url):
            links.append(Link(span=Span(start=length, end=length + len(text), text=text), url=url))
        out.append(text)
        length += len(text)
        pos = m.end()
    out.append(body[pos:])
    return "".join(out), tuple(links)


def in_the_future(date: DateValue, today: dt.date | None = None) -> bool:
    """Whether ``date`` is after ``today``, at the date's own precision. The default ``today`` is tomorrow in
    UTC, so an article dated in a time zone ahead of UTC is not flagged.

    >>> day = dt.date(2024, 5, 31)
    >>> [in_the_future(DateValue(value=v, precision=p), day) for v, p in
    ...  [("2024-06-01", "day"), ("2024-05-31", "day"), ("2024-06", "month"), ("2024", "year"), ("2099", "year")]]
    [True, False, True, False, True]
    """
    today = today or (dt.datetime.now(dt.UTC) + dt.timedelta(days=1)).date()
    parts = tuple(int(p) for p in date.value.lstrip("-").split("-"))
    if date.value.startswith("-"):
        return False
    return parts > (today.year, today.month, today.day)[: len(parts)]


def infer_headline(body: str) -> str:
    """A headline for an article that has none: its first short line, else its first sentence."""
    text = body.strip().split("\n", 1)[0].strip()
    if 15 <= len(text) <= 160 and not text.endswith((".", ",", ";", ":")):
        return text
    first = re.split(r"(?<=[.!?])\s", body.strip(), maxsplit=1)[0]
    if len(first) > 110:
        first = first[:110].rsplit(" ", 1)[0] + "…"
    return first
