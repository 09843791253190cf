"""sentence: one sentence being read for typed events — its text, where it starts in the body, the
article's actors — and the events found in it so far."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from kg.extract.actors import ArticleActors
from kg.extract.events.records import EventMention

_CAPNAME = r"(?:[A-Z][\w'’\-]*)(?:\s+(?:of\s+)?[A-Z][\w'’\-]*){0,4}"


@dataclass
class SentenceEvents:
    """A sentence (``text``, footnote markers masked; ``offset``, its body offset) and the events found in it."""

    text: str
    offset: int
    actors: ArticleActors
    found: list[EventMention] = field(default_factory=list)

    def add(self, start: int, end: int, kind: str, name: str, participants: tuple[str, ...], key: str) -> None:
        """An event named at [start, end) of the sentence."""
        self.found.append(EventMention(self.offset + start, self.offset + end, key, kind, name, participants))

    def actor_before(self, pos: int, kinds: set[str] | None = None) -> tuple[str | None, int]:
        """An actor named just before ``pos`` ("Ruritania's", "Ruritanian", "NAC-led")."""
        best = None
        for m in self.actors.within(self.offset + max(0, pos - 45), self.offset + pos):
            between = self.text[m.end - self.offset : pos]
            if re.fullmatch(
                r"(?:['’]s)?(?:\s+(?:\d{4}|\w+(?:-\w+)?))?(?:\s+\w+)?\s*|-led\s+|['’]s\s+\w+\s+", between
            ) and (kinds is None or self.actors.actors[m.key].kind in kinds):
                best = m
        return (best.key, best.start - self.offset) if best else (None, pos)

    def actor_after(self, pos: int, kinds: set[str] | None = None) -> tuple[str | None, int]:
        """An actor named right at ``pos`` (not the start of a longer name), and where its name ends."""
        rest = self.text[pos : pos + 6]
        skip = len(rest) - len(rest.lstrip())
        target = self.offset + pos + skip
        for m in self.actors.within(target - 4, target + 60):
            if m.start <= target < m.end and (kinds is None or self.actors.actors[m.key].kind in kinds):
                if re.match(r" [A-Z][a-z]", self.text[m.end - self.offset : m.end - self.offset + 3]):
                    return None, pos  # the actor's name begins a longer name ("the Strelsau Wall")
                return m.key, m.end - self.offset
        return None, pos

    def name_after(self, pos: int) -> tuple[str | None, int]:
        """A capitalised name right after ``pos`` ("the Strelsau Wall"), and where it ends."""
        m = re.match(r"\s*(?:the\s+)?(" + _CAPNAME + ")", self.text[pos:])
        if not m:
            return None, pos
        return m.group(1), pos + m.end()

    def unique(self) -> list[EventMention]:
        """The events found, in order of where they start (longest first), without a second mention of the
        same event overlapping the first."""
        self.found.sort(key=lambda e: (e.start, -(e.end - e.start)))
        unique: list[EventMention] = []
        for e in self.found:
            if any(u.key == e.key and u.start < e.end and e.start < u.end for u in unique):
                continue
            unique.append(e)
        return unique
