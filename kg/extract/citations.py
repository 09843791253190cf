"""citations: reference lists, footnote markers, inline links and named publications -> sources.

A reference-list entry gives a source (title, publisher, URL, access date); "Ibid." repeats the
previous entry; entries with the same URL are one source. A claim cites a source when a marker, link
or named publication belongs to its sentence. A speaker alone is not a citation.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from kg.extract.actors import ActorMention, ArticleActors
from kg.extract.segment import Block, Segmentation
from kg.ingest.corpus import is_web_url
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

_PUBLICATION_CUE = re.compile(
    r"\b(?:according\s+to|reported|reports|report|quoted|quoting|told|interview(?:ed)?\s+(?:with|by)?|broadcast|"
    r"aired|wrote|writes|published|cited|citing|said|says|as\s+reported\s+by|reporting\s+by|obtained\s+by|"
    r"seen\s+by|in\s+an\s+(?:op-ed|article|editorial|column)\s+(?:for|in))\b",
    re.I,
)


def normalise_url(url: str) -> str:
    """The comparison form of a URL: lowercase scheme and host, no ``www.``, fragment, tracking
    parameters or trailing slash.

    >>> normalise_url("HTTPS://www.Reuters.com/world/x/?utm_source=a#top")
    'https://reuters.com/world/x'
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


def bare_url_sources(
    text: str, offset: int, actors: ArticleActors, sources: dict[str, Source]
) -> list[tuple[Source, int, int]]:
    """Web addresses written out in a sentence ("Full toplines are published on the foundation's website
    (https://...)"). Where the sentence names an organisation whose report, poll or data the article
    already cites, the address is that document's URL (the same source, now with its address); otherwise
    it is a source of its own."""
    out: list[tuple[Source, int, int]] = []
    for m in URL_RE.finditer(text):
        url = m.group(0)
        start, end = offset + m.start(), offset + m.end()
        owners = {
            actors.actors[a.key].label
            for a in actors.within(offset, offset + len(text))
            if actors.actors[a.key].kind not in ("Person", "Country", "UnnamedGroup")
        }
        document = next(
            (
                src
                for src in sources.values()
                if src.kind == "publication"
                and src.url is None
                and src.publisher in owners
                and src.key.startswith("d-")
            ),
            None,
        )
        if document is not None:
            out.append((document.model_copy(update={"url": url}), start, end))
        elif is_web_url(url) and "." in urlsplit(url).netloc:  # not "http://intranet"
            out.append((link_source(url, url), start, end))
    return out


def publication_sources(
    text: str, offset: int, actors: ArticleActors, publisher: str | None = None
) -> list[tuple[Source, int, int]]:
    """News media named as the source of what a sentence reports ("according to Reuters", "TASS quoted",
    "told CNN", "in an interview broadcast by a state channel"). The article's own ``publisher`` (its actor key or
    a name of it) is not a source of itself ("X told Reuters" in a Reuters story is Reuters' own reporting)."""
    out: list[tuple[Source, int, int]] = []
    for m in actors.within(offset, offset + len(text)):
        info = actors.actors[m.key]
        if publisher is not None and (publisher in (m.key, info.label) or publisher in info.aliases):
            continue  # the article's publisher (its actor key, or a name of it)
        if info.kind != "NewsMediaOrganization":
            continue
        rel_s, rel_e = m.start - offset, m.end - offset
        window = text[max(0, rel_s - 40) : min(len(text), rel_e + 30)]
        if not _PUBLICATION_CUE.search(window):
            continue
        source = Source(key=mint("publication", m.key), kind="publication", name=info.label, publisher=info.label)
        out.append((source, m.start, m.end))
    return out


DOCUMENT_NOUNS = (
    r"(?:report|survey|poll|study|analysis|index|barometer|assessment|review|yearbook|census|outlook|bulletin|data|"
    r"figures|"
    r"statistics|estimates?)"
)
_DOC_AFTER = re.compile(
    r"^(?:(?P<owner>['’]s)\s+(?:[a-z]+\s+)?(?-i:[A-Z][\w\-]*\s+){1,4}|(?P<own>['’]s)?\s+(?:\w+\s+){0,2}?)"
    r"(?P<noun>" + DOCUMENT_NOUNS + r")\b",
    re.IGNORECASE,
)
"""A document after its organisation: "a Northfield Research survey", "the regulator's own Annual Performance
Report" (a title only after a possessive)."""
_OWN_DOCUMENT = re.compile(
    r"\b(?:in|by)\s+its\s+(?:(?:\w+\s+){0,2}?|(?:\w+\s+){0,2}(?-i:[A-Z][\w\-]*\s+){1,4})(?P<noun>"
    + DOCUMENT_NOUNS
    + r")\b",
    re.IGNORECASE,
)
"""A speaker's own document: "The Budget Office said in its monthly Fiscal Monitoring Report that ..."."""
_DISPUTED = re.compile(
    r"\b(?:disput|reject|question|challeng|contest|critici[sz]|dismiss|doubt)\w*\s+(?:the\s+|an?\s+)?$", re.IGNORECASE
)
_DOC_BEFORE = re.compile(
    r"\b(?P<noun>" + DOCUMENT_NOUNS + r")\s+(?:of|by|from|published\s+by|conducted\s+by|"
    r"carried\s+out\s+by|released\s+by|compiled\s+by)\s+(?:the\s+)?(?:[A-Z][\w\-]*(?:\s+[A-Z][\w\-]*)?['’]s\s+)?$",
    re.IGNORECASE,
)


def document_sources(
    text: str, offset: int, actors: ArticleActors, linked: Sequence[tuple[int, int]] = ()
) -> list[tuple[Source, int, int]]:
    """Reports, surveys and data an organisation published, named as the source of a statement
    ("the annual report of Latvia's State Security Service", "a Northfield Research survey",
    "figures from the finance ministry", "X said in its monthly report"). Not a document the sentence
    disputes ("disputes the USGS estimate"), not a verb ("The Commission estimates that ..."), not one
    whose words are a link (the link is the source)."""
    out: list[tuple[Source, int, int]] = []
    owner_before: ActorMention | None = None
    own = _OWN_DOCUMENT.search(text)
    for m in actors.within(offset, offset + len(text)):
        info = actors.actors[m.key]
        if info.kind in ("Person", "Country", "UnnamedGroup", "NewsMediaOrganization"):
            continue
        rel_s, rel_e = m.start - offset, m.end - offset
        if own is not None and rel_e <= own.start():
            owner_before = m
        after = _DOC_AFTER.match(text[rel_e : rel_e + 60])
        if (
            after is not None
            and not (after.group("owner") or after.group("own"))
            and re.match(r"\s+that\b", text[rel_e + after.end() :])
        ):
            after = None  # "The Commission estimates that ...": a verb
        found = after or _DOC_BEFORE.search(text[max(0, rel_s - 60) : rel_s])
        if found is None or _DISPUTED.search(text[max(0, rel_s - 40) : rel_s]):
            continue
        out.append(_document(info.label, m.key, found.group("noun"), m.start, m.end))
    if own is not None and owner_before is not None:
        start, end = offset + own.start("noun"), offset + own.end("noun")
        if not any(s < end and start < e for s, e in linked):
            info = actors.actors[owner_before.key]
            out.append(_document(info.label, owner_before.key, own.group("noun"), start, end))
    return out


def _document(publisher: str, key: str, noun: str, start: int, end: int) -> tuple[Source, int, int]:
    """The source for a document of an organisation (``key``), cited at [start, end)."""
    noun = noun.lower()
    if noun not in ("data", "figures", "statistics", "analysis"):
        noun = noun.rstrip("s")
    source = Source(
        key=mint("document", key, noun), kind="publication", name=f"{publisher} {noun}", publisher=publisher
    )
    return source, start, end


_ACCORDING_TO = re.compile(
    r"\baccording\s+to\s+(?:(?:the\s+)?(?:latest\s+|official\s+|new\s+|provisional\s+)?(?:data|figures|statistics|"
    r"estimates)\s+(?:(?:compiled|published|released|gathered)\s+)?(?:from|by|of)\s+)?(?:the\s+)?"
    r"(?:[a-z][\w\-]*\s+){0,3}$",
    re.IGNORECASE,
)
_FIGURE = re.compile(r"\d")


def data_sources(text: str, offset: int, actors: ArticleActors) -> list[tuple[Source, int, int]]:
    """The data of an institution that a figure is given "according to" ("inflation slowed to 5.1%,
    according to statistics agency NSO", "according to data from the Bureau of Labor Statistics"): the
    institution's figures are the figure's source. Not for people, states, unnamed groups or news media
    (:func:`publication_sources`), nor for a sentence without a number (then the institution is a speaker)."""
    out: list[tuple[Source, int, int]] = []
    if not _FIGURE.search(text):
        return out
    for m in actors.within(offset, offset + len(text)):
        info = actors.actors[m.key]
        if info.kind in ("Person", "Country", "UnnamedGroup", "NewsMediaOrganization"):
            continue
        rel_s = m.start - offset
        if not _ACCORDING_TO.search(text[max(0, rel_s - 80) : rel_s]):
            continue
        source = Source(
            key=mint("document", m.key, "data"), kind="publication", name=f"{info.label} data", publisher=info.label
        )
        out.append((source, m.start, m.end))
    return out


def reference_block(seg: Segmentation, pos: int) -> Block | None:
    for b in seg.blocks:
        if b.start <= pos < b.end:
            return b
    return None
