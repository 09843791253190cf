"""drafting: the claims of an article in reading order — each sentence or clause, and each quotation that
stands on its own — with who asserts each one; citations, features and dates come later."""

from __future__ import annotations

import re
from dataclasses import dataclass

from kg.extract.actors import ActorInfo, ArticleActors
from kg.extract.attribution import Reading, attribute, is_person, quote_speaker, speaker_clauses
from kg.extract.claims.draft import Draft
from kg.extract.claims.polls import poll_findings
from kg.extract.claims.selection import frame_without_quotes, not_a_claim, split_long, standalone_quote, trim
from kg.extract.segment import Segmentation, inside, mask_markers
from kg.models import Article, ClaimType, Source

_ADDING = re.compile(r",\s+(?P<cue>adding|saying|noting|arguing|warning|insisting|stressing)\s+(?:that\s+)?")


@dataclass
class Drafted:
    """The claims of an article before citations, and the records their drafting found."""

    drafts: list[Draft]
    groups: dict[str, ActorInfo]  # the article's unnamed groups that make claims, by key
    sources: dict[str, Source]  # sources attribution found (a pollster's poll), by key


def draft_claims(article: Article, actors: ArticleActors, seg: Segmentation) -> Drafted:
    """Claims of an article in reading order, with claimants; citations and features come later."""
    reading = Reading(article=article, actors=actors)
    body = article.body
    drafts: list[Draft] = []
    sentences = seg.sentences
    units = [(index, part) for index, whole in enumerate(sentences) for part in speaker_clauses(reading, whole)]
    for index, sent in units:
        if seg.references_start is not None and sent.start >= seg.references_start:
            break
        attribution, previous_intro = attribute(reading, sent, mask_markers(sent.text), index)
        is_list = sent.block.kind == "list"
        quote_units = [
            (s, e)
            for s, e in sent.quotes
            if len(re.findall(r"\w+", body[s:e])) >= 4 and standalone_quote(body, sent, s)
        ]
        reading.spoke(attribution.claimant, index)
        for q_start, q_end in quote_units:
            speaker, conf = quote_speaker(reading, sentences, index, attribution, q_start, q_end, previous_intro)
            start, end = trim(body, q_start, q_end)
            text = body[start:end]
            if text.rstrip().endswith("?") or len(re.findall(r"\w+", text)) < 4:
                continue
            reading.quoted(speaker, index, sent.block.index)
            for s, e in split_long(body, start, end):
                drafts.append(
                    Draft(s, e, "quote", speaker, speaker is None, attribution.cue, None, (s, e), sent, 0.85, conf)
                )
            # "“...,” she told AFP, adding that the capital planned ...": what the speaker added is a claim too
            added = _ADDING.search(body, q_end, sent.end)
            if added and speaker is not None and not any(qs >= added.end() for qs, _ in quote_units):
                a_start, a_end = trim(body, added.end(), sent.end)
                if len(re.findall(r"\w+", body[a_start:a_end])) >= 5:
                    drafts.append(
                        Draft(
                            a_start,
                            a_end,
                            "reported",
                            speaker,
                            False,
                            added.group("cue"),
                            None,
                            (a_start, a_end),
                            sent,
                            0.7,
                            conf - 0.1,
                        )
                    )
        reading.named(
            [
                m.key
                for m in actors.within(sent.start, sent.end)
                if is_person(reading, m.key) and not inside(m.start, sent.quotes)
            ],
            index,
        )
        # the sentence itself (outside its quotations)
        main_start, main_end = trim(body, sent.start, sent.end)
        if quote_units:
            frame = frame_without_quotes(body, sent, quote_units)
            if frame is None:
                continue
            main_start, main_end = frame
        content = attribution.content or (main_start, main_end)
        authorial = attribution.claimant is None and not attribution.vague
        reason = not_a_claim(
            body[main_start:main_end] if not quote_units else sent.text, authorial=authorial, list_item=is_list
        )
        if reason is None and sent.text.rstrip().endswith(":") and len(re.findall(r"\w+", sent.text)) < 25:
            reason = "introduction"
        if reason is not None:
            continue
        for s, e in split_long(body, main_start, main_end):
            kind: ClaimType = "reported" if attribution.claimant is not None else "authorial"
            drafts.append(
                Draft(
                    s,
                    e,
                    kind,
                    attribution.claimant,
                    attribution.vague,
                    attribution.cue,
                    attribution.subject,
                    (max(s, content[0]), min(e, content[1])) if content[0] < e and content[1] > s else (s, e),
                    sent,
                    0.7 if kind == "reported" else 0.6,
                    attribution.confidence,
                )
            )
    poll = poll_findings(article, actors, drafts)
    return Drafted(drafts, reading.groups, {poll.key: poll} if poll is not None else {})
