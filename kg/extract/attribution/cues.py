"""cues: who asserts a sentence's main content, and where that content lies — "according to X", a passive
agent ("is seen by X as"), "in X's view", a speech or belief verb and its subject ("X said", "..., said X",
"X, which sees ... as"), a participle ("..., telling delegates that"), or a vague formula ("it is said")."""

from __future__ import annotations

import dataclasses
import re

from kg.extract.attribution.reading import Attribution, Reading, group, mention_at, resolve_pronoun, sentence_subject
from kg.extract.attribution.subjects import clause_ok, subject_at, subject_cuts
from kg.extract.lexicon import (
    AS_CUES,
    COLLECTIVES,
    CUE_RE,
    GROUP_RE,
    NOUN_LIKE_CUES,
    PARTICIPLE_CUES,
    REBUTTAL_WORDS_RE,
    VAGUE_RE,
    WEAK_CUES,
    alternatives,
)
from kg.extract.segment import Sentence, inside
from kg.lexicon import words
from kg.text.dates import WEEKDAY_NAME_RE

_BELIEF_CUES = set(words("belief-cues"))


_DOCUMENT_OF = re.compile(
    r"(?:(?:the|a|an|its|their)\s+)?(?:\w+\s+){0,3}?(?:report|survey|poll|study|analysis|data|figures|statistics|"
    r"estimates?|assessment|review|index|yearbook|census|findings|statement)\s+(?:of|by|from|in|published\s+by|"
    r"conducted\s+by|carried\s+out\s+by|released\s+by|compiled\s+by)\s+"
    r"|(?:the\s+)?(?:[A-Z][\w\-]*\s+)?(?:state\s+)?(?:daily|newspaper|broadcaster|news\s+agency|agency|weekly|magazine|"
    r"outlet|website|channel|television|radio)\s+(?=[A-Z])"
    r"|(?:a|an|the)\s+(?=[A-Z][\w\-+.]*(?:\s+[A-Z][\w\-]*)*\s+(?:survey|poll|statement|report|study|data|analysis)\b)",
    re.IGNORECASE,
)


_PASSIVE_RE = re.compile(
    r"\b(?:is|are|was|were|has\s+been|have\s+been|had\s+been)\s+(?:\w+ly\s+)?(?P<cue>"
    + alternatives("passive-cues")
    + r")\s+"
    r"(?:(?:in\s+\w+\s+)?(?:last|this|on)\s+\w+\s+)?by\s+",
    re.IGNORECASE,
)


_PUBLISHED_WORDS = re.compile(
    r"(?:(?:the|a|an|his|her|their|its)\s+)?(?:\w+\s+)?(?:remarks|comments|transcript|readout|recording|video|"
    r"speech|interview|post)\b",
    re.IGNORECASE,
)
"""What "according to" names when it points at someone's published words rather than at who said them."""


_ACCORDING_RE = re.compile(r"\baccording\s+to\s+", re.IGNORECASE)


_VIEW_POSSESSIVE = re.compile(r"['’]s?\s+(?:view|opinion|words|eyes|assessment|estimation)\b", re.IGNORECASE)


_OBJ_PRONOUN_RE = re.compile(r"^(?:him|her)\b", re.IGNORECASE)


THAT = re.compile(r"^\s*(?:that\b|:|,)?\s*")


_MAIN_VERB_AFTER = re.compile(
    r",\s+(?:\w+\s+){0,2}?(?:has|have|had|is|are|was|were|will|would|can|could|"
    r"may|might|must|should|did|does)\b"
)


_LATE_THAT = re.compile(
    r"\s+(?:(?:in|on|at|last|earlier|late|early|during|after|before)\s+[^,;.]{1,40}?\s+"
    r"|(?:on\s+)?(?:" + WEEKDAY_NAME_RE.lower() + r")"
    r"(?:\s+(?:morning|afternoon|evening|night))?\s+)that\b",
    re.IGNORECASE,
)


_FIGURE_CUES = set(words("figure-cues"))


_PERFORMATIVE = words("performative-cues")
"""Cues that, without "that" or a quotation after them, name an act rather than hand over a statement."""


_AFTER_POSTPOSED = re.compile(
    r"\s*(?:(?:on|in|at|during|after|before|late|early|last)\s+[^,.;]{1,50}?)?\s*(?:[.!]?\s*$|,\s+[a-z]+ing\b)"
)


def cue_attribution(
    reading: Reading,
    sent: Sentence,
    masked: str,
    sentence_index: int,
    quotes: tuple[tuple[int, int], ...],
    start: int = 0,
    nested: bool = False,
) -> Attribution | None:
    """The first speech or belief cue (from ``start``) whose subject names a claimant."""
    for m in CUE_RE.finditer(masked, start):
        if inside(m.start(), quotes):
            continue
        cue = re.sub(r"\s+", " ", m.group(0))
        cue_word = cue.split()[0].lower()
        after = masked[m.end() :]
        if cue.lower() in _PERFORMATIVE and not re.match(r"\s*(?:that\b|:|,|“|\")", after):
            continue  # "WHO declared mpox an emergency", "X urged members to reject ...": the author reports an act
        if (
            cue_word in WEAK_CUES
            and " " not in cue
            and not re.match(r"\s*(?:that\b|:|,|“|\"|[.!]\s*$)", after)
            and not _LATE_THAT.match(after)
            and not (cue_word in _FIGURE_CUES and re.match(r"[^.;]{0,60}\d", after))
            and not (cue_word in AS_CUES and re.search(r"\bas\b", after[:150]))
            and not (
                cue_word in {"called", "calls", "described", "describes"} and REBUTTAL_WORDS_RE.search(after[:160])
            )
            and cue_word not in {"wants", "wanted", "demands", "demanded", "expects", "hopes", "fears"}
            and not (
                cue_word in {"expressed", "expresses", "outlined"}
                and re.match(
                    r"\s+(?:\w+\s+){0,3}?(?:view|vision|hope|concerns?|belief|support|opposition|desire|confidence|"
                    r"doubts?|readiness|willingness|plans?|position|approach)\b",
                    after,
                )
            )
        ):
            continue
        if (
            cue_word in NOUN_LIKE_CUES
            and not re.match(r"\s*(?:that\b|:|,)", after)
            and not (cue_word in AS_CUES and re.search(r"\bas\b", after[:150]))
        ):
            continue  # "member states", "his claims" (but "Russia views X as Y")
        if cue_word in {
            "sees",
            "saw",
            "views",
            "viewed",
            "regards",
            "regarded",
            "considers",
            "considered",
            "perceives",
            "perceived",
        } and not re.search(r"\bas\b|\bwith\b", after[:160]):
            continue
        found = None
        # walk left over adverbials ("has also repeatedly") to the subject
        pre = masked[: m.start()]
        for cut in subject_cuts(pre):
            found = subject_at(reading, sent, masked, cut, sentence_index)
            if found is not None:
                break
        coordinated = re.search(
            r"(?:,\s*|\s)(?:and|then|but|and\s+then|and\s+later|later|before)\s+"
            r"(?:(?:also|again|later|repeatedly)\s+)?$",
            pre,
        )
        if found is None and coordinated and not inside(m.start(), quotes):
            opener = sentence_subject(reading, sent, pre[: coordinated.start()])
            if opener is not None:
                found = (opener.key, opener.start - sent.start, 0.65)
            elif (pm := re.match(r"\s*(?P<p>He|She|They)\b", masked)) is not None:
                who = resolve_pronoun(reading, sentence_index, pm.group("p"))
                if who is not None:
                    found = (who, pm.start("p"), 0.6)
        relative = re.search(r",\s*(?:which|who)\s+(?:\w+ly\s+)?(?:also\s+)?$", pre)
        if (
            found is None
            and relative
            and (cue_word in _BELIEF_CUES or cue_word not in WEAK_CUES or cue_word in AS_CUES)
        ):
            # "Russia, which sees X as a threat." -- only when the relative clause ends the sentence
            if _MAIN_VERB_AFTER.search(after):
                continue
            found = subject_at(reading, sent, masked, relative.start(), sentence_index)
            if found is not None:
                who, start_rel, conf = found
                subject = (sent.start + start_rel, sent.start + relative.start())
                content = (sent.start + relative.end(), sent.end)
                return Attribution(
                    claimant=who, cue=cue, subject=subject, content=content, kind="relative", confidence=conf - 0.15
                )
            continue
        if found is None:
            # postposed: "..., said Novak."
            post = reading.actors.starting_at(sent.start + m.end() + (len(after) - len(after.lstrip())))
            rest_after = masked[post.end - sent.start :] if post is not None else ""
            if post is not None and re.fullmatch(r"\s*[.,]?\s*(?:on\s+\w+\s*)?[.!]?\s*", rest_after):
                content = (sent.start, sent.start + len(masked[: m.start()].rstrip(" ,")))
                return Attribution(
                    claimant=post.key,
                    cue=cue,
                    subject=(post.start, post.end),
                    content=content,
                    kind="postposed",
                    confidence=0.8,
                )
            continue
        speaker, start_rel, conf = found
        if not clause_ok(masked, start_rel, nested) or speaker is None:
            continue
        subject = (sent.start + start_rel, sent.start + m.start())
        tail_start = m.end() + len(THAT.match(after).group(0))  # type: ignore[union-attr]
        if _postposed(masked, start_rel, after):
            content = (sent.start, sent.start + len(masked[:start_rel].rstrip(" ,")))
            kind = "postposed"
        else:
            content = (sent.start + tail_start, sent.end)
            kind = "speech"
        return Attribution(claimant=speaker, cue=cue, subject=subject, content=content, kind=kind, confidence=conf)
    return None


def find_attribution(reading: Reading, sent: Sentence, masked: str, sentence_index: int) -> Attribution:
    """Who asserts the sentence's main content, and where that content lies."""
    quotes = tuple((s - sent.start, e - sent.start) for s, e in sent.quotes)
    # according to X
    for m in _ACCORDING_RE.finditer(masked):
        if inside(m.start(), quotes):
            continue
        rest = masked[m.end() :]
        document = _DOCUMENT_OF.match(rest)
        skip = document.end() if document else 0
        mention = mention_at(reading, sent.start + m.end() + skip, rest[skip:])
        if mention is not None:
            key, conf = mention.key, 0.85
            subj = (mention.start, mention.end)
        elif _OBJ_PRONOUN_RE.match(rest):
            key = resolve_pronoun(reading, sentence_index, rest[:3].strip())  # type: ignore[assignment]
            conf = 0.7
            subj = (sent.start + m.end(), sent.start + m.end() + 3)
            if key is None:
                return Attribution(vague=True, kind="vague", cue="according to", confidence=0.4)
        else:
            gm = GROUP_RE.match(rest)
            if gm is None:
                continue
            key, conf = group(reading, gm.group(0)), 0.6
            subj = (sent.start + m.end(), sent.start + m.end() + gm.end())
        if _PUBLISHED_WORDS.match(rest):
            # '"...," Al Rashid told a conference, according to remarks published on the cartel's website': the speaker
            # named by the verb says it; the website only published it
            spoken = cue_attribution(reading, sent, masked, sentence_index, quotes)
            if spoken is not None and spoken.claimant is not None:
                return spoken
        content = _content_around(masked, sent, m.start(), subj[1] - sent.start)
        return Attribution(
            claimant=key, cue="according to", subject=subj, content=content, kind="according", confidence=conf
        )
    # passive agent: "is seen by the alliance as"
    for m in _PASSIVE_RE.finditer(masked):
        if inside(m.start(), quotes):
            continue
        mention = mention_at(reading, sent.start + m.end(), masked[m.end() :])
        if mention is None:
            mention_key = None
            gm = GROUP_RE.match(masked[m.end() :])
            if gm:
                mention_key = group(reading, gm.group(0))
            if mention_key is None:
                continue
            return Attribution(
                claimant=mention_key, cue=m.group("cue"), kind="passive", confidence=0.6, content=(sent.start, sent.end)
            )
        return Attribution(
            claimant=mention.key,
            cue=m.group("cue"),
            subject=(mention.start, mention.end),
            content=(sent.start, sent.end),
            kind="passive",
            confidence=0.8,
        )
    # in X's view
    for m in _VIEW_POSSESSIVE.finditer(masked):
        mention = reading.actors.ending_near(sent.start + m.start())
        owner_key: str | None = None
        if mention is not None and mention.start >= sent.start:
            owner_key = mention.key
        else:
            for collective in COLLECTIVES:
                if masked[: m.start()].lower().endswith(collective.lower()):
                    owner_key = group(reading, collective)
        opening = masked[: m.start()].rsplit(" ", 2)[0] + " "
        if owner_key is not None and re.search(r"\b[Ii]n\s+(?:the\s+)?\S*$", opening):
            return Attribution(
                claimant=owner_key,
                cue="in the view of",
                kind="view",
                confidence=0.6,
                content=(sent.start + m.end(), sent.end),
            )
    # speech and belief verbs
    found_cue = cue_attribution(reading, sent, masked, sentence_index, quotes)
    if found_cue is not None:
        info = reading.actors.actors.get(found_cue.claimant or "")
        citing = re.search(r",\s*citing\s+(?:the\s+)?", masked)
        if info is not None and info.kind == "NewsMediaOrganization" and citing:
            cited = mention_at(reading, sent.start + citing.end(), masked[citing.end() :])
            if cited is not None and reading.actors.actors[cited.key].kind != "NewsMediaOrganization":
                return dataclasses.replace(found_cue, claimant=cited.key, subject=(cited.start, cited.end))
        if info is not None and info.kind == "NewsMediaOrganization" and found_cue.content is not None:
            # "The agency reported that the ministry said ...": the ministry speaks, the agency is the source
            inner = cue_attribution(
                reading, sent, masked, sentence_index, quotes, found_cue.content[0] - sent.start, nested=True
            )
            if inner is not None and inner.claimant != found_cue.claimant:
                return inner
        return found_cue
    for pm in PARTICIPLE_CUES.finditer(masked):
        if inside(pm.start(), quotes):
            continue
        subject = sentence_subject(reading, sent, masked[: pm.start()])
        if subject is not None:
            tail = masked[pm.end() :]
            content_start = pm.end() + len(THAT.match(tail).group(0))  # type: ignore[union-attr]
            return Attribution(
                claimant=subject.key,
                cue=pm.group("cue").split()[0],
                subject=(subject.start, subject.end),
                content=(sent.start + content_start, sent.end),
                kind="speech",
                confidence=0.7,
            )
    vague = VAGUE_RE.search(masked)
    if vague:
        return Attribution(
            vague=True,
            kind="vague",
            cue=re.sub(r"\s+", " ", vague.group(0).strip()),
            confidence=0.6,
            content=(sent.start, sent.end),
        )
    return Attribution(content=(sent.start, sent.end))


def _postposed(masked: str, start_rel: int, after: str) -> bool:
    """Does the attribution follow its content ("<content>, X said on Friday, adding ...")?"""
    before = masked[:start_rel].rstrip()
    # the subject may be preceded by an appositive role ("..., the Latvian defence minister, Jane Roe, said")
    before = re.sub(r",\s*(?:the|a|an)\s+[^,]{1,80}$", ",", before)
    return before.endswith(",") and len(before) > 25 and bool(_AFTER_POSTPOSED.match(after))


def _content_around(masked: str, sent: Sentence, cue_start: int, cue_end: int) -> tuple[int, int]:
    """For "according to X": the content is the rest of the sentence around the attribution phrase."""
    before = masked[:cue_start].rstrip(" ,")
    after = masked[cue_end:].lstrip(" ,")
    if len(after) > len(before):
        return sent.start + (len(masked) - len(after)), sent.end
    return sent.start, sent.start + len(before)
