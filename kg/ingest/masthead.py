"""masthead: the lines around an article that say who wrote it, when, for whom, and under what title.

Read from general shapes, never from strings of one site: a byline ("By Jane Roe | March 3, 2025"),
a bare name next to a date line ("Jane Roe, Europe Correspondent"), a date line ("Updated 4:52 PM
GMT+2, October 2, 2025"), the title line above them, a wire dateline naming the agency ("CITY, March
14 (AGENCY) -"), and the author's biography at the foot of the page. The words these rules look for
are in ``kg/data/lexicon/ingest-*.txt``, the agencies in ``kg/data/gazetteer/wire-agencies.json``.
:func:`kg.ingest.furniture.clean_lines` calls these functions as it walks the page.
"""

from __future__ import annotations

import re

from kg.ingest.data import alternation, wire_agencies
from kg.lexicon import words
from kg.text.dates import find_dates

__all__ = [
    "bio_author",
    "bio_of",
    "bio_start",
    "byline_date",
    "byline_names",
    "date_line",
    "dateline_date",
    "headline_line",
    "name_line",
    "title_key",
    "wire_publisher",
]



_CAPITALISED = r"[A-ZÀ-ÖØ-ÞĀ-ž]"
_BYLINE = re.compile(r"^\s*by\s*[:\-]?\s+(?P<names>[^\n]{3,120})$", re.IGNORECASE)
_BYLINE_DATE = re.compile(r"[|·•]\s*(?P<date>[^|·•]{6,40}?)\s*(?:[|·•]|$)")
_JOB_WORDS = words("ingest-job-words")
_NAME_LINE = re.compile(rf"^(?:{_CAPITALISED}[\w'’.\-]*\s+){{1,4}}{_CAPITALISED}[\w'’.\-]*$")
_NAME_ONLY = re.compile(rf"^(?:{_CAPITALISED}[\w'’.\-]*\s+){{1,3}}{_CAPITALISED}[\w'’\-]*$")
_NOT_A_BYLINE_WORD = words("ingest-section-words")
_ORG_LINE_WORDS = words("ingest-masthead-words")
_ORG_NAME_LINE = re.compile(
    rf"^(?:The\s+)?(?:[A-Z][\w'’\-]*\s+){{0,4}}{alternation('ingest-organisation-heads')}"
    rf"(?:\s+(?:for|of|on)(?:\s+(?:the|and|[A-Z][\w'’\-]*))+)?$"
)
_BIO_MARKERS = re.compile(rf"\b{alternation('ingest-bio-phrases')}\b", re.IGNORECASE)
_BIO_ROLES = re.compile(rf"\b{alternation('ingest-bio-roles')}\b")
_ABOUT_AUTHOR = re.compile(r"^\s*about\s+the\s+authors?\s*:?\s*$", re.IGNORECASE)
_BIO_OPENING = re.compile(
    rf"^(?P<name>(?:{_CAPITALISED}[\w'’.\-]*\s+){{1,3}}{_CAPITALISED}[\w'’\-]*)\s+{alternation('ingest-bio-verbs')}\b"
)
_DATE_LINE_WORDS = re.compile(rf"\b{alternation('ingest-date-line-words')}\b", re.IGNORECASE)
_BODY_DATELINE = re.compile(r"^[A-Z][A-Za-z .'’/\-]{1,40},\s+(?P<date>[^—–\n]{6,30}?)\s*(?:\([A-Za-z]+\)\s*)?[—–-]\s")
_DATELINE_AGENCY = re.compile(
    r"^\s*[A-Z][A-Za-z .'/\-]{1,40}(?:,\s+[A-Z][a-z]+\.?(?:\s+\d{1,2})?)?\s*\((?P<agency>"
    + "|".join(map(re.escape, wire_agencies()))
    + r")\)\s*[-–—]",
    re.MULTILINE,
)


def byline_names(line: str) -> tuple[str, ...] | None:
    """The author names of a byline ("By Jane Doe and John Roe, Senior Correspondent"), or None.

    >>> byline_names("By Jane Doe and John Roe, Senior Correspondent")
    ('Jane Doe', 'John Roe')
    """
    m = _BYLINE.match(line)
    if not m:
        return None
    raw = re.split(r"\s*(?:,|;|\band\b|&|\|)\s*", m.group("names"))
    names = []
    for part in raw:
        name = part.split()
        while name and name[-1].lower().strip(".,") in _JOB_WORDS:
            name.pop()
        if 2 <= len(name) <= 4 and all(w[:1].isupper() for w in name):
            names.append(" ".join(name))
    return tuple(names) or None


def byline_date(line: str) -> str | None:
    """The date of a byline that gives one between bars ("By Jane Roe | March 3, 2025 | 6 min read")."""
    found = _BYLINE_DATE.search(line)
    return date_line(found.group("date")) if found else None


def date_line(text: str) -> str | None:
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
    left = re.findall(r"[^\W\d_][\w'’.\-]*", rest)
    if len(left) > 3 or any(not w[0].isupper() for w in left):
        return None
    if left and "|" not in text and not re.search(r",\s*$", text[: found[0].start]):
        return None  # "Analysis 7 April 2025" is not a date line; "Strelsau, 7 April 2025" and "Opinion | ..." are
    return found[0].date.value


def dateline_date(body: str) -> str | None:
    """The date of a dateline opening the body ("PORT VELM, 16 December 2025 — The ...")."""
    found = _BODY_DATELINE.match(body)
    return date_line(found.group("date")) if found else None


def wire_publisher(body: str) -> str | None:
    """The wire agency a dateline near the top names ("CITY, March 14 (AGENCY) -"), as the publisher's name
    (``kg/data/gazetteer/wire-agencies.json``)."""
    found = _DATELINE_AGENCY.search(body[:1500])  # the dateline opens the story, maybe after leftover page lines
    return wire_agencies()[found.group("agency")] if found else None


def headline_line(text: str) -> bool:
    """Could this top-of-page line be the article's title (not a menu, a tagline fragment or a name)?"""
    return (
        20 <= len(text) <= 200
        and len(text.split()) >= 4
        and not re.search(r"[.,;:][”\"’']?$", text)  # a sentence or a quotation, not a title
        and not re.search(r"\S\s{2,}\S.*\S\s{2,}\S", text)  # "World   Business   Politics": a menu
        and text.count("|") < 2
        and _BYLINE.match(text) is None
        and not _NAME_ONLY.match(text)  # a bare name ("Alma Verdi")
        and not _ORG_NAME_LINE.match(text)  # a masthead ("Velm Centre for Resource Security")
    )


def title_key(text: str) -> str:
    """The words of a title, to find it again in the body ("Ports brace: a winter" ~ "PORTS BRACE — A WINTER")."""
    return re.sub(r"\W+", " ", text.lower()).strip()


def name_line(text: str, lines: list[str], index: int) -> str | None:
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
    return name if any(len(n) < 90 and date_line(n) for n in above + below) else None


def bio_start(lines: list[str]) -> int | None:
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


def bio_author(line: str) -> str | None:
    """The author a bio block's name line names, capitalised as a name ("JANE ROE" -> "Jane Roe")."""
    name = line.strip()
    if not _NAME_LINE.match(name):
        return None
    return " ".join(w if not w.isupper() or len(w) <= 3 else w.title() for w in name.split())


def bio_of(text: str, authors: tuple[str, ...]) -> bool:
    """A paragraph that introduces one of the authors ("Jane Roe is a senior fellow at ...")."""
    m = _BIO_OPENING.match(text)
    if not m:
        return False
    name = m.group("name")
    return any(name == a or name.split()[-1] == a.split()[-1] for a in authors) and bool(
        _BIO_MARKERS.search(text) or _BIO_ROLES.search(text))
