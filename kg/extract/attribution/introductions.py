"""introductions: a sentence's attribution, with an introduction ("Recent polls reveal that:", "He said:")
carried over to the list that follows it."""

from __future__ import annotations

from kg.extract.attribution.cues import find_attribution
from kg.extract.attribution.reading import Attribution, Reading
from kg.extract.segment import Sentence


def attribute(reading: Reading, sent: Sentence, masked: str, index: int) -> tuple[Attribution, Attribution | None]:
    """Who asserts the sentence (``masked``: its text with footnote markers blanked), and the introduction
    of the block before, if the sentence's block follows one."""
    attribution = find_attribution(reading, sent, masked, index)
    intro = reading.intro
    is_list = sent.block.kind == "list"
    previous_intro = intro if intro is not None and sent.block.index == reading.intro_block + 1 else None
    if intro is not None and is_list and sent.block.index == reading.intro_block + 1 and attribution.kind == "none":
        attribution = _inherited(intro, sent)
        reading.intro_block = sent.block.index
    elif is_list and intro is not None and sent.block.index == reading.intro_block:
        attribution = _inherited(intro, sent)
    if sent.text.rstrip().endswith(":") and sent.last_in_block and attribution.kind != "none":
        reading.intro, reading.intro_block = attribution, sent.block.index
    elif not is_list:
        reading.intro = None
    return attribution, previous_intro


def _inherited(intro: Attribution, sent: Sentence) -> Attribution:
    return Attribution(
        claimant=intro.claimant,
        vague=intro.vague,
        cue=intro.cue,
        content=(sent.start, sent.end),
        kind="inherited",
        confidence=intro.confidence - 0.1,
    )
