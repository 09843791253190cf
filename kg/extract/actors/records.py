"""records: the actors of one article and where each is named, and the bookkeeping the passes share."""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from kg.extract.gazetteer import Entry
from kg.models import ActorKind


class Taken:
    """Character spans already given to mentions, with overlap tests in logarithmic time.

    An article may hold thousands of mentions; testing each candidate against a plain list of them made
    long articles quadratic (a 100,000-character article took half a minute). Spans are kept sorted by
    start, and only those starting within the longest span's length of a query can touch it.
    """

    def __init__(self, spans: Iterable[tuple[int, int]] = ()) -> None:
        self._spans: list[tuple[int, int, int]] = sorted((s, e, 0) for s, e in spans)
        self._longest = max((e - s for s, e, _ in self._spans), default=0)

    def add(self, start: int, end: int, tag: int = 0) -> None:
        bisect.insort(self._spans, (start, end, tag))
        self._longest = max(self._longest, end - start)

    def _from(self, lowest_start: int) -> int:
        return bisect.bisect_left(self._spans, (lowest_start - self._longest,))

    def overlaps(self, start: int, end: int) -> bool:
        """Does any span share a character with [start, end)?"""
        return self.first_overlap(start, end) is not None

    def first_overlap(self, start: int, end: int) -> int | None:
        """The smallest tag of the spans sharing a character with [start, end), or None."""
        spans = self._spans
        found = None
        for i in range(self._from(start), len(spans)):
            s, e, tag = spans[i]
            if s >= end:
                break
            if start < e and (found is None or tag < found):
                found = tag
        return found

    def covers(self, start: int, end: int) -> bool:
        """Does one span hold all of [start, end)?"""
        spans = self._spans
        for i in range(self._from(end), len(spans)):
            s, e, _ = spans[i]
            if s > start:
                break
            if end <= e:
                return True
        return False

    def holds(self, pos: int) -> bool:
        """Does a span hold the character at ``pos``?"""
        return self.covers(pos, pos + 1)


NOT_ORGANISATIONS = frozenset({"Person", "Country", "UnnamedGroup"})
"""Kinds of actor that are no organisation: people, states, unnamed groups."""
NOT_PUBLISHERS = NOT_ORGANISATIONS | {"NewsMediaOrganization"}
"""Kinds of actor whose name does not make a document a source (news media are cited as publications)."""


@dataclass
class ActorInfo:
    key: str
    label: str
    kind: ActorKind
    qid: str | None = None
    aliases: set[str] = field(default_factory=set)
    confidence: float = 0.5
    gender: str | None = None


@dataclass(frozen=True, slots=True)
class ActorMention:
    start: int
    end: int
    key: str
    how: str
    confidence: float


@dataclass
class ArticleActors:
    """Actors of one article and where each is named (mentions sorted by start)."""

    actors: dict[str, ActorInfo] = field(default_factory=dict)
    mentions: list[ActorMention] = field(default_factory=list)
    titles: list[tuple[int, str, frozenset[str]]] = field(default_factory=list)  # (offset, person, title words)
    _starts: list[int] = field(default_factory=list)

    def index(self) -> None:
        self.mentions.sort(key=lambda m: (m.start, -m.end))
        self._starts = [m.start for m in self.mentions]

    def within(self, start: int, end: int) -> list[ActorMention]:
        """Mentions lying inside [start, end)."""
        i = bisect.bisect_left(self._starts, start)
        out = []
        while i < len(self.mentions) and self.mentions[i].start < end:
            if self.mentions[i].end <= end:
                out.append(self.mentions[i])
            i += 1
        return out

    def ending_near(self, pos: int, slack: int = 0) -> ActorMention | None:
        """The longest mention that ends at ``pos`` (within ``slack`` characters before it)."""
        best = None
        i = bisect.bisect_right(self._starts, pos)
        for m in reversed(self.mentions[max(0, i - 40) : i]):
            if pos - slack <= m.end <= pos and (best is None or m.start < best.start):
                best = m
        return best

    def starting_at(self, pos: int) -> ActorMention | None:
        i = bisect.bisect_left(self._starts, pos)
        best = None
        while i < len(self.mentions) and self.mentions[i].start == pos:
            if best is None or self.mentions[i].end > best.end:
                best = self.mentions[i]
            i += 1
        return best


def add_actor(result: ArticleActors, entry_or_info: Entry | ActorInfo, surface: str | None, confidence: float) -> str:
    if isinstance(entry_or_info, Entry):
        e = entry_or_info
        info = result.actors.get(e.key)
        if info is None:
            info = ActorInfo(key=e.key, label=e.label, kind=e.kind, qid=e.qid, gender=e.gender)
            result.actors[e.key] = info
    else:
        info = result.actors.setdefault(entry_or_info.key, entry_or_info)
    info.confidence = max(info.confidence, confidence)
    if surface:
        add_alias(info, surface)
    return info.key


def add_alias(info: ActorInfo, surface: str) -> None:
    alias = clean_alias(surface)
    if not alias or alias.lower() == info.label.lower():
        return
    if any(a.lower() == alias.lower() for a in info.aliases):
        return
    info.aliases.add(alias)


def clean_alias(surface: str) -> str:
    text = re.sub(r"['’]s?$", "", surface.strip()).strip()
    return re.sub(r"\s+", " ", text)


def drop_overlaps(result: ArticleActors) -> None:
    """Where mentions overlap, keep the longest (a titled name over the name and the country in it),
    but keep a country named inside a title ("Russian" in "Russian President Vladimir Putin")."""
    mentions = sorted(result.mentions, key=lambda m: (-(m.end - m.start), m.start))
    kept: list[ActorMention] = []
    taken = Taken()  # the kept mentions, tagged with their place in ``kept``
    for m in mentions:
        first = taken.first_overlap(m.start, m.end)
        if first is None:
            taken.add(m.start, m.end, len(kept))
            kept.append(m)
            continue
        clash = kept[first]
        inside = clash.start <= m.start and m.end <= clash.end
        if inside and clash.how in ("title", "role") and result.actors[m.key].kind != "Person" and m.key != clash.key:
            taken.add(m.start, m.end, len(kept))
            kept.append(m)
    result.mentions = kept
