"""ingest: corpus files -> Article records (read, decode, validate, strip page furniture).

Formats: ``.txt``/``.md`` with an optional YAML front-matter header, saved ``.html`` pages (main text
and metadata via trafilatura), and ``.jsonl`` (one article per line, schema.org property names).
The cleaned body kept on each Article is what ``schema:articleBody`` holds and what every offset in
the graph points into. Furniture is recognised by general rules (teasers, share and comment widgets,
language switchers, author bios, widget codes), never by strings taken from one article.
"""

from __future__ import annotations

import hashlib
import json
import logging
import re
import unicodedata
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import yaml
from pydantic import ValidationError

from kg.errors import CorpusError
from kg.iris import is_key, slug
from kg.models import Article, ArticleGenre, Link, Span
from kg.text.dates import find_dates, parse_date

logger = logging.getLogger(__name__)

TEXT_SUFFIXES = (".txt", ".md", ".markdown")
HTML_SUFFIXES = (".html", ".htm")
JSONL_SUFFIXES = (".jsonl",)
JSON_SUFFIXES = (".json",)
SUPPORTED_SUFFIXES = TEXT_SUFFIXES + HTML_SUFFIXES + JSONL_SUFFIXES + JSON_SUFFIXES
"""Files with these endings (or none, read as text) are articles; a corpus folder's other files are
ignored with a warning."""
MAX_ARTICLE_CHARS = 2_000_000
"""Longest body accepted (about 300,000 words); longer articles are refused with a clear message."""
MAX_TEXT_BYTES = 4 * MAX_ARTICLE_CHARS
"""Largest ``.txt``/``.md`` file read. UTF-8 takes at most 4 bytes a character, so a larger file holds more
than :data:`MAX_ARTICLE_CHARS` characters: it is refused before it is read (time and memory stay bounded)."""
MAX_HTML_BYTES = 10_000_000
"""Largest ``.html`` page read. trafilatura takes about a minute on a page this size (longer beyond), and
a page holding an article of :data:`MAX_ARTICLE_CHARS` characters is smaller."""

# ----------------------------------------------------------------------------------------------
# Header fields

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
_JSONL_BODY = ("articlebody", "text", "body", "content")
_JSONL_IGNORED = {"@context", "keywords", "image", "description", "datemodified", "articlesection",
                  "section", "wordcount", "tags", "summary"}
_GENRES: dict[str, ArticleGenre] = {
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
_FIX_HEADER = (
    "write the header as YAML between two '---' lines, with the keys "
    "title, url, publisher, author, published (YYYY-MM-DD), language, genre, id (all optional)"
)


@dataclass(frozen=True)
class Meta:
    """Header values as read, before validation."""

    id: str | None = None
    headline: str | None = None
    url: str | None = None
    publisher: str | None = None
    authors: tuple[str, ...] = ()
    published: str | None = None
    language: str | None = None
    genre: str | None = None


# ----------------------------------------------------------------------------------------------
# Page furniture: whole lines recognised by general rules.

_FURNITURE_LINES = re.compile(
    r"""^(?:
        skip\ to\ (?:main\ )?(?:content|navigation|search)
      | (?:post|leave|add|write)\ a\ (?:comment|reply|response)
      | (?:\d+|no)\ comments?
      | comments?\ \(\d+\)
      | (?:view|show|load|read)\ (?:all\ |more\ )?comments?
      | share(?:\ (?:this|the)\ (?:article|story|post|page))?(?:\ (?:on|via)\ \w+)?
      | share\ (?:on\ )?(?:facebook|twitter|x|linkedin|whatsapp|telegram|reddit|email)
      | paylaş|partager|teilen|compartir|condividi|delen|udostępnij|поделиться|поширити|分享
      | tweet|print|email|e-mail|copy\ link|copied|save|bookmark
      | subscribe(?:\ now|\ to\ our\ newsletter|\ for\ free)?
      | sign\ up(?:\ for\ (?:our|the)\ \w+(?:\ \w+)?)?
      | (?:advertisement|advertising|sponsored(?:\ content)?|ad)
      | (?:hot|popular|similar|related|recent|latest|recommended|trending|top|more)
        \ (?:posts|articles|stories|news|reads)
      | related|recommended(?:\ for\ you)?|trending(?:\ now)?|most\ (?:read|popular|viewed)
      | you\ (?:may|might)\ also\ (?:like|be\ interested\ in)
      | follow\ us(?:\ on\ .{1,40})?
      | back\ to\ top|menu|search|home|close|loading\.{0,3}
      | (?:previous|next)\ (?:post|article|story)
      | listen\ to\ this\ (?:article|story)(?:\ \d+\ min(?:utes?)?)?
      | \d+\ min(?:ute)?s?\ read
      | all\ rights\ reserved\.?
      | (?:©|\(c\)|copyright)\ .{0,80}
      | accept(?:\ all)?\ cookies|cookie\ (?:policy|settings)
      | (?:tags?|topics?|filed\ under|categories)\s*:.{0,200}
      | (?:photo|image|picture|credit)s?\s*:.{0,120}
    )[\s.!:|]*$""",
    re.IGNORECASE | re.VERBOSE,
)
_TEASER = re.compile(
    r"""^\s*(?:
        (?:related|read\ more|read\ also|also\ read|see\ also|more\ on\ this|more\ from\ \w+|don'?t\ miss|must\ read)
            \s*(?::|\||–|—|-|›|»|\s{2,})
      | (?:more|watch|listen|opinion|explainer|analysis|video|podcast|live)\s*[:|›»]
    )\s*\S.*$""",
    re.IGNORECASE | re.VERBOSE,
)
_LANGUAGE_SWITCHER = re.compile(
    r"^\s*(?:this\s+(?:post|article|page|story)\s+is\s+)?(?:also\s+)?available\s+in\s*:?.*$"
    r"|^\s*(?:read\s+(?:this\s+)?in|languages?)\s*:.*$",
    re.IGNORECASE,
)
_WIDGET_CODE = re.compile(r"^[\w.-]+(?:/[\w.-]+)+/?$")
_BYLINE = re.compile(r"^\s*by\s*[:\-]?\s+(?P<names>[^\n]{3,120})$", re.IGNORECASE)
_JOB_WORDS = {
    "associate", "senior", "staff", "editor", "editors", "writer", "reporter", "correspondent", "contributor",
    "columnist", "analyst", "fellow", "director", "chief", "managing", "deputy", "political", "foreign",
    "defense", "defence", "diplomatic", "bureau", "desk", "news", "international", "security", "affairs",
    "reporters", "contributing", "special", "investigative", "research", "researcher", "assistant",
    "professor", "head", "executive", "editorial", "team", "staffer", "journalist", "producer", "in",
}
_NAME_LINE = re.compile(r"^(?:[A-ZÀ-ÖØ-ÞĀ-ž][\w'’.\-]*\s+){1,4}[A-ZÀ-ÖØ-ÞĀ-ž][\w'’.\-]*$")
_BIO_MARKERS = re.compile(
    r"\b(?:graduated|graduate\s+of|holds\s+an?\s+\w+\s+degree|degree\s+in|is\s+an?\s+(?:\w+\s+){0,3}"
    r"(?:journalist|editor|writer|reporter|correspondent|analyst|researcher|fellow|professor|lecturer|"
    r"assistant|student|director|consultant)|works?\s+(?:as|at|for)|areas?\s+of\s+(?:interest|expertise)|"
    r"fluent\s+in|is\s+currently\s+pursuing|is\s+the\s+author\s+of|has\s+written\s+for|lives\s+in|"
    r"follow\s+(?:him|her|them)\s+on|before\s+joining)\b",
    re.IGNORECASE,
)
_ABOUT_AUTHOR = re.compile(r"^\s*about\s+the\s+authors?\s*:?\s*$", re.IGNORECASE)
_INVISIBLE = re.compile("[\u00ad\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff\ufff9-\ufffb]")
_SPACES = re.compile("[\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
_MD_LINK = re.compile(r"!?\[(?P<text>[^\]\n]{0,500})\]\((?P<url>[^()\s]{1,2000})(?:\s+\"[^\"\n]*\")?\)")
_MD_HEADING = re.compile(r"^#{1,6}\s+")


def normalise_text(text: str) -> str:
    """NFC, Unix newlines, plain spaces, no invisible formatting characters (zero-width, bidi) or controls.

    Invisible characters are removed so that look-alike names ("Pu\\u200btin") cannot split one actor
    into two; nothing visible changes.
    """
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u2028", "\n").replace("\u2029", "\n\n")
    text = unicodedata.normalize("NFC", text)
    text = _SPACES.sub(" ", _INVISIBLE.sub("", text))
    return _CONTROL.sub("", text.replace("\t", " "))


def _is_furniture(line: str) -> bool:
    core = line.strip().strip("•·|*#>-–— \u00a0")
    core = re.sub(r"^[^\w(]+", "", core)  # a leading emoji or icon
    if not core:
        return False
    return bool(
        _FURNITURE_LINES.match(core)
        or _TEASER.match(core)
        or _LANGUAGE_SWITCHER.match(core)
        or _WIDGET_CODE.match(core)
    )


def _byline_names(line: str) -> tuple[str, ...] | None:
    """The author names of a byline ("By Jane Doe and John Roe, Staff Writers"), or None."""
    m = _BYLINE.match(line)
    if not m:
        return None
    raw = re.split(r"\s*(?:,|;|\band\b|&|\|)\s*", m.group("names"))
    names = []
    for part in raw:
        words = part.split()
        while words and words[-1].lower().strip(".,") in _JOB_WORDS:
            words.pop()
        if 2 <= len(words) <= 4 and all(w[:1].isupper() for w in words):
            names.append(" ".join(words))
    return tuple(names) or None


def _bio_start(lines: list[str]) -> int | None:
    """Index where a trailing author-bio block starts (name lines + a biography paragraph), if any."""
    for i, line in enumerate(lines):
        if _ABOUT_AUTHOR.match(line):
            return i
    # a name line (possibly repeated) followed by a paragraph that mentions the name and reads as a bio
    for i in range(len(lines) - 1, -1, -1):
        text = lines[i].strip()
        if not text:
            continue
        if not _BIO_MARKERS.search(text):
            continue
        j = i - 1
        while j >= 0 and not lines[j].strip():
            j -= 1
        start = None
        while j >= 0 and _NAME_LINE.match(lines[j].strip()) and len(lines[j].split()) <= 5:
            start = j
            j -= 1
            while j >= 0 and not lines[j].strip():
                j -= 1
        if start is None:
            continue
        surname = lines[start].split()[-1].lower()
        if surname[:4] in text.lower():
            return start
    return None


@dataclass(frozen=True)
class Cleaned:
    """An article body with its furniture removed, and what the furniture said about the article."""

    body: str
    removed: tuple[str, ...]
    authors: tuple[str, ...] = ()
    published: str | None = None  # a date line near the top ("7 April 2025", "March 14, 2025 4:12 PM")
    publisher: str | None = None  # a wire agency in the dateline ("RIGA, March 14 (Reuters) -")
    headline: str | None = None  # the title line of a page without a header (removed from the body)


_NAME_ONLY = re.compile(r"^(?:[A-ZÀ-ÖØ-ÞĀ-ž][\w'’.\-]*\s+){1,3}[A-ZÀ-ÖØ-ÞĀ-ž][\w'’\-]*$")
_NOT_A_BYLINE_WORD = {"Analysis", "Opinion", "News", "Comment", "Explainer", "Review", "Feature", "Interview", "Video",
                      "Live", "Updates", "Update", "Defence", "Defense", "Politics", "World", "Europe", "Home"}
_DATELINE_AGENCY = re.compile(
    r"^\s*[A-Z][A-Za-z .'/\-]{1,40}(?:,\s+[A-Z][a-z]+\.?(?:\s+\d{1,2})?)?\s*\((?P<agency>Reuters|AP|AFP|Bloomberg|dpa|"
    r"ANSA|EFE|UPI|TASS|Xinhua|Interfax|Anadolu|Kyodo|Yonhap|PAP|BTA|Ukrinform)\)\s*[-–—]", re.MULTILINE)
_AGENCY_NAMES = {"AP": "Associated Press", "AFP": "Agence France-Presse"}
_TRAILING_FURNITURE = re.compile(
    r"^\(?(?:reporting\s+by|additional\s+reporting\s+by|writing\s+by|editing\s+by|compiled\s+by)\b"
    r"|^our\s+standards\s*:|\bcontributed\s+(?:to\s+)?this\s+(?:report|story|article)\.?\)?$"
    r"|^(?:we|this\s+(?:site|website))\s+uses?\s+cookies\b|\buse\s+of\s+cookies\b|^accept\s+all\b"
    r"|^sign\s+up\s+(?:for|to)\b|\b(?:in|to)\s+your\s+inbox\b|^(?:more|latest)\s+from\s+\w+"
    r"|\b(?:writers?|correspondents?|reporters?|journalists?)\s+[A-Z][^.]{1,60}?\s+(?:reported|contributed)\s+(?:from|to)\b"
    r"|^the\s+views\s+expressed\s+(?:here\s+|in\s+this\s+\w+\s+)?are\s+(?:his|her|their|the\s+author'?s?)\s+own",
    re.IGNORECASE)
_LIST_HEADER = re.compile(r"^(?:most\s+(?:read|popular|viewed|shared)|trending|top\s+stories|related\s+stories|"
                          r"recommended|more\s+stories|editor'?s\s+picks|latest\s+news)\s*:?$", re.IGNORECASE)
_LABELLED_TITLE = re.compile(r"^(?:opinion|explainer|analysis|factbox|insight|commentary|exclusive|interview|"
                            r"fact[\s-]?check)\s*[:|\-–—]\s*(?P<title>\S.*)$", re.IGNORECASE)
_TEASER_ITEM = re.compile(r"^(?:\d{1,2}[.)]|[-•*])\s+\S.{0,140}$")
_BIO_OPENING = re.compile(
    r"^(?P<name>(?:[A-ZÀ-ÖØ-ÞĀ-ž][\w'’.\-]*\s+){1,3}[A-ZÀ-ÖØ-ÞĀ-ž][\w'’\-]*)\s+"
    r"(?:is|was|has\s+been|served|serves|works|worked|holds|writes|teaches|leads|heads|covers|reports)\b")


def clean_lines(raw: str, headline: str | None) -> Cleaned:
    """Strip furniture lines; read a byline, a date line and a wire dateline on the way."""
    lines = [_MD_HEADING.sub("", line.rstrip()) for line in raw.split("\n")]
    removed: list[str] = []
    authors: tuple[str, ...] = ()
    published: str | None = None
    bio = _bio_start(lines)
    if bio is not None:
        name = lines[bio].strip()
        bio_block = [line for line in lines[bio:] if line.strip()]
        removed.extend(bio_block)
        if _NAME_LINE.match(name):
            authors = (" ".join(w if not w.isupper() or len(w) <= 3 else w.title() for w in name.split()),)
        lines = lines[:bio]
    kept: list[str] = []
    title_key = _title_key(headline) if headline else None
    seen_text = False
    in_teaser_list = False
    top = [i for i, line in enumerate(lines) if line.strip()][:12]
    titles: list[tuple[int, str]] = []  # (index in kept, text) of lines that could be the title
    title_before_meta: tuple[int, str] | None = None  # the title candidate right before a byline or date line
    for index, line in enumerate(lines):
        text = line.strip()
        if not text:
            kept.append("")
            following = lines[index + 1].strip() if index + 1 < len(lines) else ""
            in_teaser_list = in_teaser_list and bool(_TEASER_ITEM.match(following))
            continue
        if in_teaser_list and _TEASER_ITEM.match(text):
            removed.append(text)
            continue
        in_teaser_list = False
        if _LIST_HEADER.match(text):
            removed.append(text)
            in_teaser_list = True
            continue
        if (
            not title_key and index == top[0] and (label := _LABELLED_TITLE.match(text))
            and _headline_line(label.group("title"))
        ):  # "EXPLAINER: Why ..." opening the page is its title, not a teaser
            titles.append((len(kept), text))
            kept.append(line)
            continue
        if _is_furniture(text) or _TRAILING_FURNITURE.search(text):
            removed.append(text)
            continue
        if not seen_text and index < 40:
            names = _byline_names(text)
            date = None if names else _date_line(text)
            named = None if names or date or index not in top else _name_line(text, lines, index)
            if (names or date or named) and titles and title_before_meta is None and (
                titles[-1][0] == len(kept) - 1 or not any(k.strip() for k in kept[titles[-1][0] + 1 :])
            ):
                title_before_meta = titles[-1]
            if names:
                removed.append(text)
                authors = authors or names
                in_byline = _BYLINE_DATE.search(text)
                published = published or (_date_line(in_byline.group("date")) if in_byline else None)
                continue
            if title_key and _title_key(text) == title_key:
                removed.append(text)
                continue
            if date:
                removed.append(text)
                published = published or date
                continue
            if named:
                removed.append(text)
                authors = authors or (named,)
                continue
            if not title_key and _headline_line(text):
                titles.append((len(kept), text))
        if authors and _bio_of(text, authors):
            removed.append(text)
            continue
        if len(text) > 3:
            seen_text = seen_text or len(text) > 200
        kept.append(line)
    # the title: the candidate just above the byline or date line, else the longest candidate near the
    # top; never the only text there is
    title = title_before_meta or (max(titles, key=lambda t: len(t[1])) if titles else None)
    headline = None
    if title and any(k.strip() for k in kept[title[0] + 1 :]):
        at, headline = title
        kept[at] = ""
        removed.append(headline)
    body = "\n".join(kept)
    body = re.sub(r"\n{3,}", "\n\n", body).strip()
    agency = _DATELINE_AGENCY.search(body[:1500])  # the dateline opens the story, maybe after leftover page lines
    publisher = _AGENCY_NAMES.get(agency.group("agency"), agency.group("agency")) if agency else None
    if published is None and (dateline := _BODY_DATELINE.match(body)):
        published = _date_line(dateline.group("date"))  # "STRASBOURG, 16 December 2025 — The ..."
    return Cleaned(body=body, removed=tuple(removed), authors=authors, published=published, publisher=publisher,
                   headline=headline)


_DATE_LINE_WORDS = re.compile(
    r"\b(?:updated|last\s+updated|last\s+modified|modified|published|first\s+published|posted|on|at|"
    r"(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)(?:day|nesday|sday|urday|rsday)?\.?|"
    r"\d{1,2}(?:[:.]\d\d)+\s*(?:[ap]\.?\s?m\.?)?|[ap]\.?m\.?|(?:GMT|UTC)(?:[+-]\d{1,2}(?::?\d\d)?)?|[A-Z]{2,5}T|BST|CET|"
    r"\d+\s+(?:min(?:ute)?s?|hours?|days?)(?:\s+(?:read|ago))?|ago|read|no\.?\s*\d+|\d+)\b",
    re.IGNORECASE,
)


def _date_line(text: str) -> str | None:
    """The date of a short line that only dates the article, e.g. "March 14, 2025 4:12 PM",
    "Updated 4:52 PM GMT+2, October 2, 2025", "Tue 14 Oct 2025 06.00 BST", "Geneva, 22 November 2025",
    "Commentary | 19 March 2025", "POLICY BRIEF No. 14 | July 2025". Besides the date and times, the
    line may hold at most three capitalised words (a place, a label); a sentence is never a date line."""
    if len(text) >= 90:
        return None
    found = [d for d in find_dates(text) if d.date.precision in ("day", "month")]
    if len(found) != 1:
        return None
    rest = _DATE_LINE_WORDS.sub(" ", text[: found[0].start] + " " + text[found[0].end :])
    words = re.findall(r"[^\W\d_][\w'’.\-]*", rest)
    if len(words) > 3 or any(not w[0].isupper() for w in words):
        return None
    if words and "|" not in text and not re.search(r",\s*$", text[: found[0].start]):
        return None  # "Analysis 7 April 2025" is not a date line; "Geneva, 7 April 2025" and "Opinion | ..." are
    return found[0].date.value


_BYLINE_DATE = re.compile(r"[|·•]\s*(?P<date>[^|·•]{6,40}?)\s*(?:[|·•]|$)")
_BODY_DATELINE = re.compile(r"^[A-Z][A-Za-z .'’/\-]{1,40},\s+(?P<date>[^—–\n]{6,30}?)\s*(?:\([A-Za-z]+\)\s*)?[—–-]\s")


def _headline_line(text: str) -> bool:
    """Could this top-of-page line be the article's title (not a menu, a tagline fragment or a name)?"""
    words = text.split()
    return (
        20 <= len(text) <= 200
        and len(words) >= 4
        and not re.search(r"[.,;:][”\"’']?$", text)  # a sentence or a quotation, not a title
        and not re.search(r"\S\s{2,}\S.*\S\s{2,}\S", text)  # "World   U.S.   Politics": a menu
        and text.count("|") < 2
        and _BYLINE.match(text) is None
        and not _NAME_ONLY.match(text)  # a bare name ("Maria Lindqvist")
        and not _ORG_NAME_LINE.match(text)  # a masthead ("Halden Centre for Resource Security")
    )


_ORG_HEAD = r"(?:Institute|Institution|Centre|Center|Foundation|Council|University|Programme|Program|Forum|Society|" \
    r"Initiative|Agency|Ministry|Office|Commission|Fund|Trust|Association|Observatory|Network|Project|Group)"
_ORG_NAME_LINE = re.compile(
    rf"^(?:The\s+)?(?:[A-Z][\w'’\-]*\s+){{0,4}}{_ORG_HEAD}"
    rf"(?:\s+(?:for|of|on)(?:\s+(?:the|and|[A-Z][\w'’\-]*))+)?$"
)


_ORG_LINE_WORDS = {"Affairs", "Institute", "Centre", "Center", "Council", "Review", "Times", "Post", "News", "Journal",
                   "Policy", "Studies", "Foundation", "Group", "Agency", "Ministry", "Office", "Press", "Daily",
                   "Weekly", "Magazine", "Media", "Research", "Forum", "Institution", "University", "Security"}


def _name_line(text: str, lines: list[str], index: int) -> str | None:
    """The author of a byline without "By": a bare name ("Jane Roe") or a name and role ("Jane Roe, Europe
    Correspondent") next to a date line near the top."""
    name, _, role = (part.strip() for part in text.partition(","))
    role_words = role.lower().split()
    if role and not (len(role_words) <= 6 and role_words[-1].strip(".") in _JOB_WORDS):
        return None
    if not _NAME_ONLY.match(name) or any(w in _NOT_A_BYLINE_WORD or w in _ORG_LINE_WORDS for w in name.split()):
        return None
    # a date line among the header lines around it: the next line, or up to three lines above (a date, then
    # the title, then the name)
    above = [line.strip() for line in reversed(lines[:index]) if line.strip()][:3]
    below = [line.strip() for line in lines[index + 1 :] if line.strip()][:1]
    return name if any(len(n) < 90 and _date_line(n) for n in above + below) else None


def _bio_of(text: str, authors: tuple[str, ...]) -> bool:
    """A paragraph that introduces one of the authors ("Jane Roe is a senior fellow at ...")."""
    m = _BIO_OPENING.match(text)
    if not m:
        return False
    name = m.group("name")
    return any(name == a or name.split()[-1] == a.split()[-1] for a in authors) and bool(
        _BIO_MARKERS.search(text) or re.search(r"\b(?:fellow|director|editor|professor|correspondent|adviser|"
                                               r"advisor|diplomat|minister|head\s+of|author|columnist)\b", text))


def _title_key(text: str) -> str:
    return re.sub(r"\W+", " ", text.lower()).strip()


def extract_links(body: str) -> tuple[str, tuple[Link, ...]]:
    """Turn Markdown links ``[text](url)`` into their text and record where each one points."""
    out: list[str] = []
    links: list[Link] = []
    pos = 0
    length = 0
    for m in _MD_LINK.finditer(body):
        out.append(body[pos : m.start()])
        length += m.start() - pos
        text = "" if m.group(0).startswith("!") else m.group("text")
        url = m.group("url")
        if text and is_web_url(url):
            links.append(Link(span=Span(start=length, end=length + len(text), text=text), url=url))
        out.append(text)
        length += len(text)
        pos = m.end()
    out.append(body[pos:])
    return "".join(out), tuple(links)


def is_web_url(url: str) -> bool:
    """An absolute http(s) URL (what kg lets become an IRI or a link)."""
    try:
        parts = urlsplit(url)
    except ValueError:
        return False
    return parts.scheme in ("http", "https") and bool(parts.netloc) and not re.search(r"\s", url)


def infer_headline(body: str) -> str:
    """A headline for an article that has none: its first short line, else its first sentence."""
    text = body.strip().split("\n", 1)[0].strip()
    if 15 <= len(text) <= 160 and not text.endswith((".", ",", ";", ":")):
        return text
    first = re.split(r"(?<=[.!?])\s", body.strip(), maxsplit=1)[0]
    if len(first) > 110:
        first = first[:110].rsplit(" ", 1)[0] + "…"
    return first


# ----------------------------------------------------------------------------------------------
# Readers


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


def _as_text(path: str, key: str, value: Any) -> str | None:
    if value is None:
        return None
    if isinstance(value, dict) and "name" in value:
        value = value["name"]
    if isinstance(value, (int, float)):
        value = str(value)
    if not isinstance(value, str):
        raise CorpusError(path, f"header field {key!r} should be text, not {type(value).__name__}", _FIX_HEADER)
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


def _meta_from_mapping(path: str, mapping: dict[str, Any], *, strict: bool) -> Meta:
    values: dict[str, Any] = {}
    unknown = []
    for raw_key, value in mapping.items():
        key = str(raw_key).strip().lower().replace("_", "")
        field = _FIELDS.get(key)
        if field is None:
            if key.lstrip("@") in {*_JSONL_BODY, "id"} or key in _JSONL_IGNORED:
                continue
            unknown.append(str(raw_key))
            continue
        values[field] = value
    if unknown:
        message = f"unknown header field(s) {', '.join(repr(k) for k in sorted(unknown))}"
        if strict:
            raise CorpusError(path, message, _FIX_HEADER)
        logger.warning("%s: %s ignored", path, message)
    return Meta(
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
        raise CorpusError(path, "the header starts with '---' but has no closing '---' line", _FIX_HEADER)
    header = m.group("header") or ""
    try:
        data = yaml.load(header, Loader=yaml.BaseLoader)  # BaseLoader: every value stays a string
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" at header line {mark.line + 2}" if mark is not None else ""
        problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        raise CorpusError(path, f"the YAML header is malformed{where} ({problem})", _FIX_HEADER) from None
    except RecursionError:
        raise CorpusError(path, "the YAML header is nested too deeply to read", _FIX_HEADER) from None
    if data is None:
        data = {}
    if not isinstance(data, dict):
        raise CorpusError(path, "the header is not a list of 'key: value' lines", _FIX_HEADER)
    return data, text[m.end() :]


def make_article(path: str, meta: Meta, raw_body: str, digest: str, *, default_id: str) -> Article:
    """Validate header values, clean the body and build the Article record."""
    if len(raw_body) > 2 * MAX_ARTICLE_CHARS:  # refused before cleaning, which takes a while on so much text
        raise CorpusError(
            path, f"the article is {len(raw_body):,} characters long, over the limit of {MAX_ARTICLE_CHARS:,}",
            "split it into several articles, or remove what is not article text",
        )
    raw_body = normalise_text(raw_body)
    cleaned = clean_lines(raw_body, meta.headline)
    body, links = extract_links(cleaned.body)
    removed, found_authors = cleaned.removed, cleaned.authors
    if not body.strip():
        raise CorpusError(path, "there is no article text after the header and page furniture",
                          "check that the file holds the article's text")
    if len(body) > MAX_ARTICLE_CHARS:
        raise CorpusError(
            path, f"the article is {len(body):,} characters long, over the limit of {MAX_ARTICLE_CHARS:,}",
            "split it into several articles, or remove what is not article text",
        )
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
    genre: ArticleGenre = "NewsArticle"
    if meta.genre is not None:
        found = _GENRES.get(meta.genre.lower().replace(" ", "").replace("_", ""))
        if found is None:
            raise CorpusError(path, f"genre {meta.genre!r} is not known",
                              f"use one of: {', '.join(sorted(set(_GENRES)))}")
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
            authors=meta.authors or found_authors,
            publisher=meta.publisher or cleaned.publisher,
            published=published,
            language=meta.language,
            genre=genre,
            body=body,
            links=links,
            furniture=removed,
            sha256=digest,
        )
    except ValidationError as exc:  # a bug guard: every field was checked above
        problems = "; ".join(f"{'.'.join(map(str, e['loc']))}: {e['msg']}" for e in exc.errors())
        raise CorpusError(path, f"invalid article record ({problems})", "correct the header values") from None


def read_text(path: str, data: bytes, stem: str) -> list[Article]:
    """A ``.txt``/``.md`` file: optional front matter, then the article text."""
    text = _decode(path, data)
    header, body = split_front_matter(path, normalise_text(text))
    meta = _meta_from_mapping(path, header, strict=True)
    return [make_article(path, meta, body, hashlib.sha256(data).hexdigest(), default_id=stem)]


def read_html(path: str, data: bytes, stem: str) -> list[Article]:
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
    meta = Meta(
        headline=field("title"),
        url=url if url and is_web_url(url) else None,
        publisher=field("sitename"),
        authors=tuple(a for a in (_clean_meta(x) for x in re.split(r"\s*;\s*", field("author") or "")) if a),
        published=field("date"),
        language=field("language"),
    )
    return [make_article(path, meta, text, hashlib.sha256(data).hexdigest(), default_id=stem)]


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


def _json_article(where: str, record: object, raw: bytes, default_id: str) -> Article:
    """One JSON article record (schema.org property names, aliases accepted)."""
    if not isinstance(record, dict):
        raise CorpusError(where, "the record is not a JSON object", "write each article as a JSON object")
    lowered = {str(k).lower(): v for k, v in record.items()}
    body = next((lowered[k] for k in _JSONL_BODY if isinstance(lowered.get(k), str)), None)
    if body is None:
        raise CorpusError(where, "the record has no article text",
                          "put the text in an 'articleBody' (or 'text') field")
    meta = _meta_from_mapping(where, {k: v for k, v in record.items() if str(k).lower() != "@id"}, strict=False)
    if meta.id is None and isinstance(lowered.get("@id"), str):
        meta = Meta(**{**meta.__dict__, "id": lowered["@id"]})
    if meta.url:
        default_id = slug(meta.url)
    return make_article(where, meta, body, hashlib.sha256(raw).hexdigest(), default_id=default_id)


def read_jsonl(path: str, data: bytes, stem: str) -> list[Article]:
    """One JSON object per line, with schema.org property names (aliases accepted)."""
    text = _decode(path, data)
    articles = []
    for lineno, line in enumerate(text.split("\n"), 1):
        if not line.strip():
            continue
        where = f"{path}:{lineno}"
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            raise CorpusError(where, f"not valid JSON ({exc.msg} at column {exc.colno})",
                              "write one complete JSON object per line") from None
        except (ValueError, RecursionError) as exc:  # a number too long to convert, or arrays nested too deeply
            raise CorpusError(where, f"the JSON cannot be read ({_json_problem(exc)})",
                              "write one article object per line, with text values") from None
        articles.append(_json_article(where, record, line.encode("utf-8"), f"{stem}-{lineno}"))
    if not articles:
        raise CorpusError(path, "the file holds no JSON records", "write one JSON object per line")
    return articles


def _json_problem(exc: ValueError | RecursionError) -> str:
    if isinstance(exc, RecursionError):
        return "it is nested too deeply"
    return str(exc).split(";")[0].split(":")[0]


def read_json(path: str, data: bytes, stem: str) -> list[Article]:
    """A JSON document holding one article object, or a list of them."""
    text = _decode(path, data)
    try:
        document = json.loads(text)
    except json.JSONDecodeError as exc:
        raise CorpusError(path, f"not valid JSON ({exc.msg} at line {exc.lineno}, column {exc.colno})",
                          "fix the JSON, or use .jsonl with one article per line") from None
    except (ValueError, RecursionError) as exc:  # a number too long to convert, or arrays nested too deeply
        raise CorpusError(path, f"the JSON cannot be read ({_json_problem(exc)})",
                          "write one article object, or a list of article objects, with text values") from None
    if isinstance(document, dict):
        return [_json_article(path, document, data, stem)]
    if isinstance(document, list) and document:
        return [_json_article(f"{path}[{i}]", record, json.dumps(record, sort_keys=True).encode("utf-8"),
                              f"{stem}-{i + 1}") for i, record in enumerate(document)]
    raise CorpusError(path, "the JSON document is neither an article object nor a list of them",
                      "write one article object, or a list of article objects")


Reader = Callable[[str, bytes, str], list[Article]]
READERS: dict[str, Reader] = {
    **dict.fromkeys(TEXT_SUFFIXES, read_text),
    **dict.fromkeys(HTML_SUFFIXES, read_html),
    **dict.fromkeys(JSONL_SUFFIXES, read_jsonl),
    **dict.fromkeys(JSON_SUFFIXES, read_json),
    "": read_text,
}


def read_file(path: Path, display: str | None = None) -> list[Article]:
    """Read one corpus file into its articles. Raises CorpusError naming the file."""
    shown = display or str(path)
    reader = READERS.get(path.suffix.lower())
    if reader is None:
        raise CorpusError(shown, f"files ending in {path.suffix or '(no extension)'!r} are not read",
                          f"use one of {', '.join(SUPPORTED_SUFFIXES)}, or move the file out of the corpus")
    limit = MAX_TEXT_BYTES if reader is read_text else MAX_HTML_BYTES if reader is read_html else None
    try:
        size = path.stat().st_size
        if limit is not None and size > limit:
            raise CorpusError(
                shown, f"the file is {size / 1e6:,.1f} MB, over the {limit / 1e6:,.0f} MB kg reads as one article",
                "split it into several articles, or keep only the article's text (a .txt file)",
            )
        data = path.read_bytes()
    except OSError as exc:
        raise CorpusError(shown, f"cannot be read ({exc.strerror})", "check the file exists and is readable") from None
    return reader(shown, data, slug(path.stem))


def corpus_files(corpus: Path, ignored: list[Path] | None = None) -> list[Path]:
    """The article files of a corpus folder, in a stable order.

    Hidden files and folders (``.`` or ``_`` first), READMEs, and files whose ending is not an article
    format (images, PDFs, ...) are left out; the last are appended to ``ignored`` so the caller can say so.
    """
    if corpus.is_file():
        return [corpus]
    if not corpus.is_dir():
        raise CorpusError(str(corpus), "no such corpus folder", "give the folder that holds the articles")
    files = []
    for path in sorted(corpus.rglob("*")):
        rel = path.relative_to(corpus)
        if any(part.startswith((".", "_")) for part in rel.parts):
            continue
        if not path.is_file() or path.name.lower().startswith("readme"):
            continue
        if path.suffix.lower() in READERS:
            files.append(path)
        elif ignored is not None:
            ignored.append(path)
    return files


def iter_corpus(corpus: Path, *, skip_invalid: bool = False, skipped: list[str] | None = None) -> Iterator[Article]:
    """Every article of the corpus, in a stable order.

    Invalid files raise CorpusError, unless ``skip_invalid``: then each message is appended to
    ``skipped`` (and logged) and reading goes on. Duplicate articles (same id, URL or text) count as
    invalid.
    """
    seen_ids: dict[str, str] = {}
    seen_urls: dict[str, str] = {}
    seen_bodies: dict[str, str] = {}
    ignored: list[Path] = []
    files = corpus_files(corpus, ignored)
    if ignored:
        logger.warning("ignored %d file(s) that are not articles (%s): %s", len(ignored),
                       ", ".join(sorted({p.suffix.lower() for p in ignored})),
                       ", ".join(str(p) for p in ignored[:5]) + (" ..." if len(ignored) > 5 else ""))
    if not files:
        raise CorpusError(str(corpus), "the corpus folder holds no article files",
                          f"put articles ({', '.join(SUPPORTED_SUFFIXES)}) in it")
    base = corpus if corpus.is_dir() else corpus.parent

    def skip(exc: CorpusError) -> None:
        if not skip_invalid:
            raise exc
        logger.warning("skipped %s", exc)
        if skipped is not None:
            skipped.append(str(exc))

    for path in files:
        try:
            articles = read_file(path, str(path.relative_to(base.parent)))
        except CorpusError as exc:
            skip(exc)
            continue
        for article in articles:
            keys = (
                ("id", article.id, seen_ids),
                ("url", _url_key(article.url) if article.url else None, seen_urls),
                ("text", hashlib.sha256(article.body.encode("utf-8")).hexdigest(), seen_bodies),
            )
            duplicate = next(((what, seen[key]) for what, key, seen in keys if key is not None and key in seen), None)
            if duplicate is not None:
                what, first = duplicate
                fix = ("give the two articles different ids in their headers" if what == "id"
                       else "remove one of the two copies")
                skip(CorpusError(article.path, f"duplicates {first} (same {what})", fix))
                continue
            for _, key, seen in keys:
                if key is not None:
                    seen[key] = article.path
            yield article


def _url_key(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.netloc.lower().removeprefix('www.')}{parts.path.rstrip('/')}?{parts.query}"
