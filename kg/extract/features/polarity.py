"""polarity: whether a claim asserts or denies its content (a negation, a denial cue, a rejected claim),
its modality (conditional, hedged, predictive, factual), and the actor whose words it rejects."""

from __future__ import annotations

import re

from kg.extract.actors import ArticleActors
from kg.extract.lexicon import CONDITIONAL_RE, HEDGE_RE, NEGATION_RE, PREDICTIVE_RE, REBUTTAL_RE, REBUTTAL_WORDS_RE
from kg.lexicon import words
from kg.models import Modality, Polarity, Rebuttal

DENIAL_CUES = words("denial-cues")
"""Cue verbs whose content the speaker rejects: "Rell denied that Ruritania would attack Borduria" negates it."""


def _is_denial(cue: str | None) -> bool:
    return bool(cue) and cue.split()[0].lower() in DENIAL_CUES  # type: ignore[union-attr]


def _rebutted_from(text: str, cue: str | None = None) -> int | None:
    """Where the rejected content starts when the text rejects someone's claim ("called X's claim that
    <content> nonsense", "dismissed claims that <content>"), else None. ``cue`` is the claim's cue verb,
    which may stand before ``text`` (the content of "Rell called <content>")."""
    prefix = cue.split()[0] + " " if cue and not re.search(r"\b" + re.escape(cue.split()[0]) + r"\b", text) else ""
    m = REBUTTAL_RE.search(prefix + text)
    if not m:
        return None
    verb = m.group(0).split()[0].lower()
    end = m.end() - len(prefix)
    if verb in DENIAL_CUES or REBUTTAL_WORDS_RE.search(text[max(0, end) : max(0, end) + 220]):
        return max(0, end)
    return None


def denial_end(text: str, cue: str | None) -> int | None:
    """Where the content a speaker rejects starts in ``text``: after the denial cue verb when it is in the
    text (0 when the text is the content after it), after the rejected claim noun ("called X's claim"),
    else None."""
    if _is_denial(cue):
        word = cue.split()[0]  # type: ignore[union-attr]
        m = re.search(r"\b" + re.escape(word) + r"\b", text, re.IGNORECASE)
        return m.end() if m else 0
    return _rebutted_from(text, cue)


def polarity(content: str, cue: str | None = None) -> Polarity:
    """``negated`` when the main content denies something ("has no intention", "will never"), or when the
    speaker rejects it ("denied that ...", "called the claim that ... nonsense")."""
    if _is_denial(cue) or _rebutted_from(content, cue) is not None:
        return "negated"
    return "negated" if NEGATION_RE.search(content) else "asserted"


def modality(content: str) -> Modality:
    """Conditional beats hedged beats predictive beats factual."""
    if CONDITIONAL_RE.search(content):
        return "conditional"
    if HEDGE_RE.search(content):
        return "hedged"
    if PREDICTIVE_RE.search(content):
        return "predictive"
    return "factual"


def rebuttal(text: str, offset: int, actors: ArticleActors) -> Rebuttal | None:
    """The actor whose words the text rejects, and the cue: "called Rell's claim complete nonsense",
    "dismissed Strelsau's allegations as a myth" (named in the possessive), "dismissed as propaganda a
    Bordurian report" (named by a demonym), "rejected claims by the Velm Institute" (named after the noun)."""
    m = REBUTTAL_RE.search(text)
    if not m:
        return None
    verb = m.group(0).split()[0].lower()
    tail = text[m.end() : m.end() + 220]
    if verb not in DENIAL_CUES and not REBUTTAL_WORDS_RE.search(tail):
        return None
    inside = actors.within(offset + m.start() + len(verb), offset + m.end())
    possessive = [x for x in inside if re.match(r"['’]s\b", text[x.end - offset : x.end - offset + 2])]
    candidates = possessive or inside
    target = candidates[-1] if candidates else None
    if target is None:
        by = re.match(r"\s+(?:by|from|of)\s+(?P<the>the\s+)?", text[m.end() : m.end() + 12])
        if by:
            start = offset + m.end() + by.end()
            target = actors.starting_at(start) or (actors.starting_at(start - len(by["the"])) if by["the"] else None)
    if target is None:
        return None
    words = REBUTTAL_WORDS_RE.search(tail)
    cue = verb + " … " + (words.group(0) if words else m.group(0).split()[-1])
    return Rebuttal(target=target.key, cue=squash(cue))


def squash(text: str) -> str:
    return re.sub(r"\s+", " ", text.strip())[:80]
