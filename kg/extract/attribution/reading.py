"""reading: what attribution remembers while reading an article from top to bottom (the last person who
spoke or was named, the group or organisation that spoke last, an introduction carried over to a list,
the speaker of the latest quotation, the article's unnamed groups), and the look-ups built on it."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from kg.extract.actors import ActorInfo, ActorMention, ArticleActors
from kg.extract.lexicon import alternatives
from kg.extract.segment import Sentence
from kg.iris import mint
from kg.models import Article


@dataclass
class Attribution:
    claimant: str | None = None
    vague: bool = False
    cue: str | None = None
    subject: tuple[int, int] | None = None  # body offsets of the words naming the claimant
    content: tuple[int, int] | None = None  # body offsets of what is attributed
    kind: str = "none"  # according, speech, passive, view, relative, postposed, vague, inherited, none
    confidence: float = 0.5


@dataclass
class Reading:
    """What attribution remembers while reading an article from top to bottom, and the unnamed groups
    (per-article claimants) it has met."""

    article: Article
    actors: ArticleActors
    groups: dict[str, ActorInfo] = field(default_factory=dict)
    last_person_claimant: str | None = None
    last_person_sentence: int = -10
    last_person_mentioned: str | None = None
    last_mention_sentence: int = -10
    intro: Attribution | None = None  # a "X said:" / "polls reveal that:" sentence introducing a list
    intro_block: int = -1
    last_quote: tuple[str | None, int] | None = None  # speaker and block of the latest quotation
    last_plural: tuple[str, int] | None = None  # the latest group or organisation that spoke (for "they")

    def spoke(self, claimant: str | None, sentence_index: int) -> None:
        """A sentence's claimant: the last person who spoke, or the last group or organisation."""
        if claimant is not None and is_person(self, claimant):
            self.last_person_claimant, self.last_person_sentence = claimant, sentence_index
        elif claimant is not None:
            self.last_plural = (claimant, sentence_index)

    def quoted(self, speaker: str | None, sentence_index: int, block_index: int) -> None:
        """A quotation's speaker (None when unknown) in a sentence of the block."""
        if speaker is not None and is_person(self, speaker):
            self.last_person_claimant, self.last_person_sentence = speaker, sentence_index
        self.last_quote = (speaker, block_index)

    def named(self, people: list[str], sentence_index: int) -> None:
        """The people a sentence names outside its quotations: the first is the last person named."""
        if people:
            self.last_person_mentioned, self.last_mention_sentence = people[0], sentence_index


def group(reading: Reading, label: str) -> str:
    label = re.sub(r"\s+", " ", label.strip())
    label = re.sub(r"^(?:the|The)\s+", "", label) if not label.lower().startswith("the west") else label
    key = mint("group", reading.article.id, label)
    if key not in reading.groups:
        reading.groups[key] = ActorInfo(
            key=key, label=label[:1].upper() + label[1:], kind="UnnamedGroup", confidence=0.7
        )
    return key


SOURCE_NOUNS = "(?:" + alternatives("source-nouns") + ")"
"""Nouns naming an unnamed source that "the <noun> said" refers back to."""


def introduced_source(reading: Reading, noun: str) -> str | None:
    """The unnamed source met last whose label ends in ``noun`` ("the official said" after "a senior
    official said"), or None."""
    return next((k for k in reversed(list(reading.groups)) if reading.groups[k].label.lower().endswith(noun)), None)


def resolve_pronoun(reading: Reading, sentence_index: int, pronoun: str = "") -> str | None:
    """ "he"/"she" -> the last person who spoke (within four sentences), else the last person named
    (within three), skipping a candidate whose known gender does not fit."""
    gender = {"he": "m", "him": "m", "his": "m", "she": "f", "her": "f"}.get(pronoun.lower())
    if pronoun.lower() in ("they", "them", "it"):
        if reading.last_plural and sentence_index - reading.last_plural[1] <= 2:
            return reading.last_plural[0]
        return None
    # the most recent of: the last person who spoke, the last person named (as a subject); a tie goes to
    # the speaker ("Rossi ... was unconvinced. “...,” he said." -> Rossi, not the previous speaker)
    candidates: list[tuple[int, int, str]] = []
    if reading.last_person_claimant and sentence_index - reading.last_person_sentence <= 4:
        candidates.append((reading.last_person_sentence, 1, reading.last_person_claimant))
    if reading.last_person_mentioned and sentence_index - reading.last_mention_sentence <= 3:
        candidates.append((reading.last_mention_sentence, 0, reading.last_person_mentioned))
    candidates.sort(reverse=True)
    for _, _, key in candidates:
        known = reading.actors.actors[key].gender if key in reading.actors.actors else None
        if gender is None or known is None or known == gender:
            return key
    return None


def mention_at(reading: Reading, pos: int, rest: str) -> ActorMention | None:
    """The actor named at ``pos``, allowing a leading "the" ("by the European Union")."""
    mention = reading.actors.starting_at(pos)
    if mention is None and (det := re.match(r"(?:the\s+)?(?:[a-z][\w\-]*\s+){0,4}", rest, re.IGNORECASE)):
        # "the statistics agency NSO", "newspaper Daily Courier": a descriptor, then the name
        for cut in [m.end() for m in re.finditer(r"\s+", rest[: det.end()])][::-1]:
            mention = reading.actors.starting_at(pos + cut)
            if mention is not None:
                break
    return mention


_INTRO_ADVERBIAL = re.compile(
    r"^(?:(?:[A-Z][\w’']*\s*){0,3}[,(]?\s*(?:\w+\s*\))?\s*[-–—]\s*)?"  # a dateline "RIGA (Reuters) -"
    r"(?:(?:in|on|at|during|after|before|since|last|earlier|later|meanwhile|however|but|and|yet|separately|"
    r"also)\b[^,]{0,60},\s*)?(?:the\s+)?$",
    re.IGNORECASE,
)


def sentence_subject(reading: Reading, sent: Sentence, clause: str) -> ActorMention | None:
    """The actor that opens the sentence's main clause (after an introductory adverbial), if any."""
    for m in reading.actors.within(sent.start, sent.start + len(clause)):
        if reading.actors.actors[m.key].kind == "UnnamedGroup":
            continue
        if _INTRO_ADVERBIAL.match(clause[: m.start - sent.start]):
            return m
        break
    return None


def is_person(reading: Reading, key: str) -> bool:
    info = reading.actors.actors.get(key)
    return info is not None and info.kind == "Person"
