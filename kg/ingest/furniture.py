"""furniture: a page's body -> its article text, without the page around it.

Whole lines are furniture by general rules, never by strings taken from one article: navigation,
share and comment widgets, teasers and lists of other articles, language switchers, widget codes,
credits and notices at the foot, author bios. On the way, :func:`clean_lines` keeps what the
furniture says about the article (byline, date line, title line, wire dateline; see
:mod:`kg.ingest.masthead`). The phrases are in ``kg/data/lexicon/ingest-*.txt``, the share platforms in
``kg/data/gazetteer/share-platforms.json``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from kg.ingest.data import alternation, share_platforms
from kg.ingest.masthead import (
    bio_author,
    bio_of,
    bio_start,
    byline_date,
    byline_names,
    date_line,
    dateline_date,
    headline_line,
    name_line,
    title_key,
    wire_publisher,
)
from kg.lexicon import entries

__all__ = ["Cleaned", "clean_lines", "is_furniture"]

_SHARE_ON_PLATFORM = f"share (?:on )?(?:{'|'.join(map(re.escape, share_platforms()))})"
_FURNITURE_LINES = re.compile(
    rf"^(?:{'|'.join([*entries('ingest-furniture-lines'), _SHARE_ON_PLATFORM])})[\s.!:|]*$", re.IGNORECASE
)
_TEASER = re.compile(
    rf"^\s*(?:{alternation('ingest-teaser-labels')}\s*(?::|\||–|—|-|›|»|\s{{2,}})"
    rf"|{alternation('ingest-teaser-sections')}\s*[:|›»])\s*\S.*$",
    re.IGNORECASE,
)
_LANGUAGE_SWITCHER = re.compile("|".join(rf"^\s*(?:{p})$" for p in entries("ingest-language-switcher")), re.IGNORECASE)
_WIDGET_CODE = re.compile(r"^[\w.-]+(?:/[\w.-]+)+/?$")
_TRAILING_FURNITURE = re.compile("|".join(entries("ingest-trailing-furniture")), re.IGNORECASE)
_LIST_HEADER = re.compile(rf"^{alternation('ingest-list-headers')}\s*:?$", re.IGNORECASE)
_TEASER_ITEM = re.compile(r"^(?:\d{1,2}[.)]|[-•*])\s+\S.{0,140}$")
_LABELLED_TITLE = re.compile(rf"^{alternation('ingest-title-labels')}\s*[:|\-–—]\s*(?P<title>\S.*)$", re.IGNORECASE)
_MD_HEADING = re.compile(r"^#{1,6}\s+")


def is_furniture(line: str) -> bool:
    """A line that is part of the page, not of the article ("Share on X", "Read more: ...", "Languages: ...").

    >>> is_furniture("Share this article"), is_furniture("Read more: Why the strait matters")
    (True, True)
    >>> is_furniture("The ministers met in Geneva.")
    False
    """
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


@dataclass(frozen=True)
class Cleaned:
    """An article body with its furniture removed, and what the furniture said about the article."""

    body: str
    removed: tuple[str, ...]
    authors: tuple[str, ...] = ()
    published: str | None = None  # a date line near the top ("7 April 2025", "March 14, 2025 4:12 PM")
    publisher: str | None = None  # a wire agency in the dateline ("CITY, March 14 (AGENCY) -")
    headline: str | None = None  # the title line of a page without a header (removed from the body)


def clean_lines(raw: str, headline: str | None) -> Cleaned:
    """Strip furniture lines; read a byline, a date line and a wire dateline on the way."""
    lines = [_MD_HEADING.sub("", line.rstrip()) for line in raw.split("\n")]
    removed: list[str] = []
    authors: tuple[str, ...] = ()
    published: str | None = None
    bio = bio_start(lines)
    if bio is not None:
        removed.extend(line for line in lines[bio:] if line.strip())
        author = bio_author(lines[bio])
        if author is not None:
            authors = (author,)
        lines = lines[:bio]
    kept: list[str] = []
    known_title = title_key(headline) if headline else None
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
            not known_title and index == top[0] and (label := _LABELLED_TITLE.match(text))
            and headline_line(label.group("title"))
        ):  # "EXPLAINER: Why ..." opening the page is its title, not a teaser
            titles.append((len(kept), text))
            kept.append(line)
            continue
        if is_furniture(text) or _TRAILING_FURNITURE.search(text):
            removed.append(text)
            continue
        if not seen_text and index < 40:
            names = byline_names(text)
            date = None if names else date_line(text)
            named = None if names or date or index not in top else name_line(text, lines, index)
            if (names or date or named) and titles and title_before_meta is None and (
                titles[-1][0] == len(kept) - 1 or not any(k.strip() for k in kept[titles[-1][0] + 1 :])
            ):
                title_before_meta = titles[-1]
            if names:
                removed.append(text)
                authors = authors or names
                published = published or byline_date(text)
                continue
            if known_title and title_key(text) == known_title:
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
            if not known_title and headline_line(text):
                titles.append((len(kept), text))
        if authors and bio_of(text, authors):
            removed.append(text)
            continue
        if len(text) > 3:
            seen_text = seen_text or len(text) > 200
        kept.append(line)
    # the title: the candidate just above the byline or date line, else the longest candidate near the
    # top; never the only text there is
    title = title_before_meta or (max(titles, key=lambda t: len(t[1])) if titles else None)
    found_headline = None
    if title and any(k.strip() for k in kept[title[0] + 1 :]):
        at, found_headline = title
        kept[at] = ""
        removed.append(found_headline)
    body = "\n".join(kept)
    body = re.sub(r"\n{3,}", "\n\n", body).strip()
    if published is None:
        published = dateline_date(body)  # "STRASBOURG, 16 December 2025 — The ..."
    return Cleaned(body=body, removed=tuple(removed), authors=authors, published=published,
                   publisher=wire_publisher(body), headline=found_headline)
