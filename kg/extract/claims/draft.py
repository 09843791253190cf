"""draft: a claim before its citations are attached (they can come from a later sentence)."""

from __future__ import annotations

from dataclasses import dataclass, field

from kg.extract.events import EventMention
from kg.extract.segment import Sentence
from kg.models import ClaimType


@dataclass
class Draft:
    """A claim before citations are attached (they can come from a later sentence)."""

    start: int
    end: int
    claim_type: ClaimType
    claimant: str | None
    vague: bool
    cue: str | None
    subject: tuple[int, int] | None
    content: tuple[int, int]
    sentence: Sentence
    confidence: float
    attribution_confidence: float
    cites: list[str] = field(default_factory=list)
    extra_cites: list[str] = field(default_factory=list)
    events: list[EventMention] = field(default_factory=list)
