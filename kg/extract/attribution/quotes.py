"""quotes: the speaker of a quotation — the sentence's own cue, a cue right after the quotation, a
following "he said" sentence, a preceding "X said:" sentence, or the speaker of the quotation it
continues."""

from __future__ import annotations

import re

from kg.extract.attribution.reading import (
    SOURCE_NOUNS,
    Attribution,
    Reading,
    introduced_source,
    mention_at,
    resolve_pronoun,
    sentence_subject,
)
from kg.extract.lexicon import CUE_RE
from kg.extract.segment import Sentence, mask_markers


def quote_speaker(
    reading: Reading,
    sentences: list[Sentence],
    index: int,
    attribution: Attribution,
    q_start: int,
    q_end: int,
    intro: Attribution | None = None,
) -> tuple[str | None, float]:
    """The speaker of a quotation: the sentence's own cue, else a following "he said" sentence, else a
    preceding "X said:" sentence, else the speaker of the previous quotation it continues."""
    if attribution.claimant is not None and attribution.kind in (
        "speech",
        "postposed",
        "according",
        "relative",
        "passive",
    ):
        return attribution.claimant, attribution.confidence
    sent = sentences[index]
    # a cue right after the quotation inside the same sentence: “...,” Novak said / said Novak
    tail = mask_markers(reading.article.body[q_end + 1 : sent.end])
    m = re.match(r"\s*[,]?\s*(?P<rest>.*)$", tail)
    if m:
        rest = m.group("rest")
        mention = reading.actors.starting_at(q_end + 1 + m.start("rest"))
        following = reading.article.body[mention.end : sent.end] if mention is not None else ""
        if mention is not None and re.match(r"\s+(?:\w+\s+)?" + CUE_RE.pattern, following):
            return mention.key, 0.85
        cue = re.match(CUE_RE.pattern + r"\s+", rest)
        if cue:
            # "said Jane Roe", "said union leader Jane Roe"
            after = mention_at(reading, q_end + 1 + m.start("rest") + cue.end(), rest[cue.end() :])
            if after is not None:
                return after.key, 0.85
        if re.match(r"(?:he|she|they|it)\s+" + CUE_RE.pattern, rest, re.IGNORECASE):
            key = resolve_pronoun(reading, index, rest.split()[0])
            if key is not None:
                return key, 0.7
        role = re.match(r"the\s+(?P<noun>" + SOURCE_NOUNS + r")\s+" + CUE_RE.pattern, rest)
        if role:  # "the official said": the unnamed source introduced before
            match = introduced_source(reading, role.group("noun"))
            if match is not None:
                return match, 0.5
        if re.match(r"(?:[\w.’'\-]+\s+){1,5}?" + CUE_RE.pattern, rest):
            return None, 0.3  # someone we cannot name speaks ("the command said"): not the previous speaker
    before_quote = reading.article.body[sent.start : max(sent.start, q_start - 1)].rstrip()
    if before_quote.endswith((":", ",")):
        subject = sentence_subject(reading, sent, mask_markers(before_quote))
        if subject is not None and reading.actors.actors[subject.key].kind != "Country":
            return subject.key, 0.65
    # the next sentence is "He said ..." / "X said ..."
    if index + 1 < len(sentences) and not sentences[index + 1].quotes:
        nxt = sentences[index + 1]
        nm = re.match(r"\s*(?P<subj>[\w’'.\- ]{1,60}?)\s+(?:\w+\s+)?" + CUE_RE.pattern, mask_markers(nxt.text))
        short = len(nxt.text.split()) <= 10
        if (
            nm
            and nxt.block.index in (sent.block.index, sent.block.index + 1)
            and (short or nm.group("subj").lower() in ("he", "she"))
        ):
            subj = nm.group("subj")
            if subj.lower() in ("he", "she"):
                key = resolve_pronoun(reading, index, subj)
                if key is not None:
                    return key, 0.65
            mention = reading.actors.starting_at(nxt.start + nm.start("subj"))
            if mention is not None:
                return mention.key, 0.7
    # the previous sentence introduces it ("Putin said:")
    if intro is not None and intro.claimant and not intro.vague:
        return intro.claimant, 0.7
    if index > 0:
        prev = sentences[index - 1]
        if prev.text.rstrip().endswith(":") and prev.block.index == sent.block.index and attribution.claimant:
            return attribution.claimant, 0.7
    # a quotation that continues the previous one (same or next paragraph)
    if reading.last_quote is not None:
        speaker, block = reading.last_quote
        opens_sentence = not reading.article.body[sent.start : max(sent.start, q_start - 1)].strip()
        if speaker is not None and sent.block.index - block <= 1 and opens_sentence:
            return speaker, 0.6
    return None, 0.3
