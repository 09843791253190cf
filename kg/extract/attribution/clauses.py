"""clauses: a sentence that joins two speakers' statements ("X said ..., and Y warned ...") cut into
clauses, each with its own speaker."""

from __future__ import annotations

import dataclasses
import re

from kg.extract.attribution.reading import Reading, mention_at
from kg.extract.lexicon import AS_CUES, CUE_RE, GROUP_PEOPLE_NOUNS, GROUP_RE, NOUN_LIKE_CUES
from kg.extract.segment import Sentence, inside, mask_markers

_CLAUSE_BREAK = re.compile(r"(?:,\s+(?:and|but|(?P<which>which)(?=\s+(?:the\s|[A-Z])))|;)\s+")
"""Where a sentence may turn to another speaker: "X said ..., and Y warned ...", "..., which the IAEA has
warned is one strike from disaster" (a relative clause with a speaker of its own)."""


def speaker_clauses(reading: Reading, sent: Sentence) -> list[Sentence]:
    """A sentence joining two speakers' statements ("X said ..., and Y warned ...") as separate clauses."""
    masked = mask_markers(sent.text)
    parts: list[Sentence] = []
    start = 0
    for m in _CLAUSE_BREAK.finditer(masked):
        if inside(sent.start + m.start(), sent.quotes):
            continue
        rest = masked[m.end() :]
        if not m.group("which") and any(
            sent.start + m.start() <= ms + 1 and me - 1 <= sent.start + m.end() for ms, me, _ in sent.markers
        ):
            # "prices nearly doubled,[6] and several makers reported ...": the footnote closes a statement
            parts.append(_part(sent, start, m.start()))
            start = m.end()
            continue
        mention = mention_at(reading, sent.start + m.end(), rest)
        role = re.match(r"(?:his|her|their|its)\s+(?:[a-z\-]+\s+){0,2}?[a-z]+,\s+", rest)
        if mention is None and role:  # "..., and their leader, Tom Hale, told the Commons that ..."
            mention = reading.actors.starting_at(sent.start + m.end() + role.end())
        if m.group("which"):
            # "..., which the minister said would be 60% complete": a speaker within a few words, then the cue
            said = re.match(r"(?:[\w\-’'.]+\s+){1,6}?(?P<cue>" + CUE_RE.pattern + r")\s+(?!that\b)", rest)
            if said is None or said.group("cue").lower() in _NOT_IN_A_RELATIVE_CLAUSE:
                continue  # "..., which Russia perceived as a threat": the view needs what it is a view of
            if mention is None or mention.start - sent.start >= m.end() + said.start("cue"):
                continue  # only a speaker the article names (else the sentence keeps its own speaker)
            parts.append(_part(sent, start, m.start()))
            start = m.start("which")
            continue
        if mention is not None:
            subject_end = mention.end - sent.start
        else:
            gm = GROUP_RE.match(rest) or re.match(r"(?:he|she|they)\b", rest) or _PEOPLE_OPEN.match(rest)
            if gm is None:
                continue
            subject_end = m.end() + gm.end()
        cue = re.match(r"[\s,]+(?:[\w’']+\s+){0,3}?(?P<cue>" + CUE_RE.pattern + ")", masked[subject_end:])
        if not cue:
            continue
        after_cue = masked[subject_end + cue.end() :]
        if cue.group("cue").lower() in NOUN_LIKE_CUES and not re.match(r"\s*(?:that\b|:)", after_cue):
            continue  # "the Baltic states", "his claims" are nouns here
        end = m.start()
        parts.append(_part(sent, start, end))
        start = m.end()
    if not parts:
        return [sent]
    parts.append(_part(sent, start, len(sent.text)))
    return [p for p in parts if p.text.strip()]


_NOT_IN_A_RELATIVE_CLAUSE = NOUN_LIKE_CUES | AS_CUES
"""Cues that do not give a relative clause a speaker of its own ("which Russia perceived as a threat")."""


_PEOPLE_OPEN = re.compile(
    r"(?:(?:some|many|several|two|three|a\s+few|\d+)\s+)?(?:[A-Z][\w\-’']*\s+){1,3}"
    r"(?:" + "|".join(sorted(GROUP_PEOPLE_NOUNS)) + r")\b"
)


def _part(sent: Sentence, start: int, end: int) -> Sentence:
    text = sent.text[start:end]
    lead = len(text) - len(text.lstrip())
    text = text.strip()
    abs_start = sent.start + start + lead
    abs_end = abs_start + len(text)
    return dataclasses.replace(
        sent,
        start=abs_start,
        end=abs_end,
        text=text,
        quotes=tuple((s, e) for s, e in sent.quotes if s >= abs_start and e <= abs_end),
        markers=tuple(mk for mk in sent.markers if mk[0] >= abs_start and mk[1] <= abs_end),
    )
