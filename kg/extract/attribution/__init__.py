"""attribution: who asserts each claim.

Direct quotes get their speaker (in the sentence, in the next sentence's "he said", or in a preceding
"X said:"); reported speech gets the subject of its cue verb ("NATO argues", "Moscow sees ... as",
"according to X", "is seen by X as"); back-references ("he", "the NATO chief") resolve to the named
actor; unnamed groups ("analysts argue") become per-article group claimants; impersonal formulas ("it
is known", "recent polls reveal") stay with the article's voice and are marked vaguely attributed.

:class:`Reading` is the memory of one article's reading (it holds the article's unnamed groups);
:func:`attribute` reads one sentence (an introduction carried over to a list, :mod:`.introductions`),
:func:`find_attribution` its own words (:mod:`.cues`, :mod:`.subjects`), :func:`quote_speaker`
one quotation (:mod:`.quotes`), and :func:`speaker_clauses` cuts a sentence where another speaker
takes over (:mod:`.clauses`).
"""

from __future__ import annotations

from kg.extract.attribution.clauses import speaker_clauses
from kg.extract.attribution.cues import find_attribution
from kg.extract.attribution.introductions import attribute
from kg.extract.attribution.quotes import quote_speaker
from kg.extract.attribution.reading import Attribution, Reading, is_person
from kg.extract.attribution.subjects import BARE_DOCUMENT

__all__ = [
    "BARE_DOCUMENT",
    "Attribution",
    "Reading",
    "attribute",
    "find_attribution",
    "is_person",
    "quote_speaker",
    "speaker_clauses",
]
