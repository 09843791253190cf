"""citations: what each sentence cites — footnote markers, inline links, news media named as a source,
an organisation's report, poll or data, web addresses written out — as Citation records and the
sources they point at.

A claim cites a source when a marker, link or named publication belongs to its sentence. A speaker
alone is not a citation.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from urllib.parse import urlsplit

from kg.extract.actors import NOT_ORGANISATIONS, NOT_PUBLISHERS, ActorMention, ArticleActors
from kg.extract.lexicon import alternatives
from kg.extract.references import URL_RE, References, link_source, url_source_key
from kg.extract.segment import Segmentation
from kg.iris import mint
from kg.models import Article, Citation, Source, Span
from kg.text.urls import is_web_url

__all__ = ["Cited", "cite_sentences", "url_source_key"]


_PUBLICATION_CUE = re.compile(
    r"\b(?:" + alternatives("publication-cues") + r")\b",
    re.I,
)


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
            if actors.actors[a.key].kind not in NOT_ORGANISATIONS
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


DOCUMENT_NOUNS = "(?:" + alternatives("document-nouns") + ")"


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
        if info.kind in NOT_PUBLISHERS:
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
        if info.kind in NOT_PUBLISHERS:
            continue
        rel_s = m.start - offset
        if not _ACCORDING_TO.search(text[max(0, rel_s - 80) : rel_s]):
            continue
        source = Source(
            key=mint("document", m.key, "data"), kind="publication", name=f"{info.label} data", publisher=info.label
        )
        out.append((source, m.start, m.end))
    return out


@dataclass
class Cited:
    """What the sentences of an article cite."""

    sources: dict[str, Source]  # every source cited, by key (reference-list entries included)
    citations: list[Citation]
    by_sentence: dict[int, list[tuple[str, int]]]  # sentence index -> (source key, where it is cited)


def cite_sentences(
    article: Article,
    seg: Segmentation,
    actors: ArticleActors,
    refs: References,
    publisher: str | None,
    known: dict[str, Source],
) -> Cited:
    """Citations of every sentence, in order: its footnote markers (through the reference list), its links,
    the publications, documents and data it names, and the web addresses it writes out (an address
    joins a document ``known`` from attribution or named before). ``publisher`` is the article's
    publisher's actor key (it is not a source of itself)."""
    body = article.body
    sources: dict[str, Source] = dict(refs.sources)
    citations: list[Citation] = []
    by_sentence: dict[int, list[tuple[str, int]]] = {}
    for sent in seg.sentences:
        first = len(citations)
        for start, end, numbers in sent.markers:
            for number in numbers:
                key = refs.by_number.get(number)
                if key is None:
                    continue
                citations.append(
                    Citation(source=key, span=Span(start=start, end=end, text=body[start:end]), marker=body[start:end])
                )
        for link in article.links:
            if sent.start <= link.span.start and link.span.end <= sent.end:
                source = link_source(link.url, link.span.text)
                sources.setdefault(source.key, source)
                citations.append(Citation(source=source.key, span=link.span))
        named = [
            *publication_sources(sent.text, sent.start, actors, publisher),
            *document_sources(
                sent.text,
                sent.start,
                actors,
                [(lk.span.start, lk.span.end) for lk in article.links if sent.start <= lk.span.start < sent.end],
            ),
            *data_sources(sent.text, sent.start, actors),
        ]
        for source, _, _ in named:
            sources.setdefault(source.key, source)
        addresses = bare_url_sources(sent.text, sent.start, actors, {**known, **sources})
        for source, _, _ in addresses:
            sources[source.key] = source  # a document's source gains the address the sentence gives
        for source, start, end in [*named, *addresses]:
            citations.append(Citation(source=source.key, span=Span(start=start, end=end, text=body[start:end])))
        if len(citations) > first:
            by_sentence[sent.index] = [(c.source, c.span.start) for c in citations[first:]]
    return Cited(sources, citations, by_sentence)
