"""references: reference lists and inline links -> sources.

A reference-list entry gives a source (title, publisher, URL, access date); "Ibid." repeats the
previous entry; entries with the same URL are one source.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from kg.extract.segment import Segmentation
from kg.iris import mint
from kg.models import Article, DateValue, Source
from kg.text.dates import find_dates

URL_RE = re.compile(r"https?://[^\s<>\"“”‘’()\[\]]+[^\s<>\"“”‘’()\[\].,;:!?]")


_IBID = re.compile(r"^\s*(?:ib[iı]d(?:em)?\.?|ibıd\.?|ebd\.?)(?:[,;]?\s*(?:p+\.\s*[\d\-–]+)?)?\s*\.?\s*$", re.I)


_ACCESS = re.compile(
    r"\(?\s*(?:date\s+of\s+access|accessed(?:\s+on)?|retrieved(?:\s+on)?|last\s+accessed|"
    r"erişim\s+tarihi)\s*:?\s*(?P<date>[^)]{4,40}?)\s*\)?\s*\.?\s*$",
    re.I,
)


_QUOTED_TITLE = re.compile(r"[“\"](?P<title>[^”\"]{3,300})[”\"]")


_LEAD_MARKER = re.compile(r"^\s*(?:\[(?P<a>\d{1,3})\]|(?P<b>\d{1,3})[.)]|\^(?P<c>\d{1,3}))\s*")


_TRACKING = re.compile(r"^(?:utm_\w+|fbclid|gclid|mc_cid|mc_eid|ref|cmpid|smid)$", re.I)


def normalise_url(url: str) -> str:
    """The comparison form of a URL: lowercase scheme and host, no ``www.``, fragment, tracking
    parameters or trailing slash.

    >>> normalise_url("HTTPS://www.Example.com/world/x/?utm_source=a#top")
    'https://example.com/world/x'
    """
    try:
        parts = urlsplit(url.strip())
    except ValueError:
        return url.strip()
    host = parts.netloc.lower().removeprefix("www.")
    query = urlencode([(k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True) if not _TRACKING.match(k)])
    return urlunsplit((parts.scheme.lower(), host, parts.path.rstrip("/"), query, ""))


def url_source_key(url: str) -> str:
    return mint("url-source", normalise_url(url))


def name_source_key(name: str) -> str:
    return mint("name-source", name)


@dataclass
class References:
    """Numbered reference-list entries and every source the article cites."""

    by_number: dict[int, str]  # footnote number -> source key
    sources: dict[str, Source]
    entry_spans: dict[str, tuple[int, int]]  # source key -> span of its (first) reference entry


def _entry_source(text: str) -> Source | None:
    urls = URL_RE.findall(text)
    url = urls[0] if urls else None
    title = None
    publisher = None
    rest = text
    qm = _QUOTED_TITLE.search(text)
    if qm:
        title = qm.group("title").strip().rstrip(",.")
        rest = text[qm.end() :]
    accessed: DateValue | None = None
    am = _ACCESS.search(rest)
    if am:
        found = find_dates(am.group("date"))
        accessed = found[0].date if found else None
        rest = rest[: am.start()]
    before_url = rest.split(url)[0] if url and url in rest else rest
    pieces = [p.strip(" .,;:") for p in before_url.split(",")]
    pieces = [p for p in pieces if p and not URL_RE.match(p)]
    if title is None and pieces:
        title = pieces.pop(0)
        if len(pieces) >= 1 and len(title.split()) <= 4 and len(pieces[0].split()) > 4:
            # "Author, Title, Publisher": skip a short leading author name
            title = pieces.pop(0)
    if pieces:
        publisher = pieces[0][:120]
    title = title[:300] if title else None
    if not (url or title):
        return None
    key = url_source_key(url) if url else name_source_key(title or "")
    return Source(key=key, kind="reference", url=url, name=title, publisher=publisher, accessed=accessed)


def parse_references(article: Article, seg: Segmentation) -> References:
    """Reference-list entries -> sources; numbered entries map footnote numbers to sources."""
    refs = References(by_number={}, sources={}, entry_spans={})
    previous: str | None = None
    for block in seg.blocks:
        if block.kind != "reference":
            continue
        text = block.text
        m = _LEAD_MARKER.match(text)
        number = int(m.group("a") or m.group("b") or m.group("c")) if m else None
        content = text[m.end() :] if m else text
        if _IBID.match(content):
            if previous is not None and number is not None:
                refs.by_number[number] = previous
            continue
        source = _entry_source(content)
        if source is None:
            continue
        key = source.key
        if key not in refs.sources:
            refs.sources[key] = source
            refs.entry_spans[key] = (block.start, block.end)
        if number is not None:
            refs.by_number[number] = key
        previous = key
    return refs


def link_source(url: str, text: str) -> Source:
    """An inline link as a source (its anchor text as the name)."""
    return Source(key=url_source_key(url), kind="link", url=url, name=text.strip()[:300] or None)
