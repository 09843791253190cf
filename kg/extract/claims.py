"""claims: sentences and quotations -> claims, with who asserts each one and how it is supported.

A claim is one sentence or one quotation. Direct quotes get their speaker (in the sentence, in the next
sentence's "he said", or in a preceding "X said:"); reported speech gets the subject of its cue verb
("NATO argues", "Moscow sees ... as", "according to X", "is seen by X as"); back-references ("he", "the
NATO chief") resolve to the named actor; unnamed groups ("analysts argue") become per-article group
claimants; impersonal formulas ("it is known", "recent polls reveal") stay with the article's voice and
are marked vaguely attributed. Sentences that assert nothing checkable (questions, meta-text about the
article, normative appeals in the article's own voice, imperatives, fragments) are not claims.
"""

from __future__ import annotations

import bisect
import dataclasses
import math
import re
from dataclasses import dataclass, field

from kg.extract import features
from kg.extract.actors import ActorInfo, ActorMention, ArticleActors
from kg.extract.events import DatedEvent, EventMention, date_events, find_events, generic_dated_events
from kg.extract.lexicon import (
    APPOSITIVE,
    AS_CUES,
    AUXILIARY_RE,
    COLLECTIVES,
    COMMON_FINITE,
    CUE_RE,
    GROUP_PEOPLE_NOUNS,
    GROUP_QUALIFIER_NOUNS,
    GROUP_RE,
    IMPERATIVE_RE,
    META_RE,
    NORMATIVE_RE,
    PARTICIPLE_CUES,
    PAST_RE,
    REBUTTAL_WORDS_RE,
    RECOMMENDATION_RE,
    SPEECH_VERBS,
    VAGUE_RE,
    WEAK_CUES,
)
from kg.extract.segment import MARKER_RE, Segmentation, Sentence, strip_markers
from kg.iris import mint
from kg.lexicon import words
from kg.models import Article, Claim, ClaimType, DateStatement, Source, Span
from kg.text.dates import WEEKDAY_NAME_RE

MAX_CLAIM_CHARS = 400
_STAT_SUBJECT = re.compile(
    r"^(?:(?:about|nearly|some|over|only|just|almost|roughly|around|fewer\s+than|more\s+than)"
    r"\s+)?"
    r"\d+(?:[.,]\d+)?\s*(?:%|per\s*cent|percent)\s+"
    r"(?:of\s+[\w\s]{1,40}?\s+)?[a-z]+"
)
_PREPOSITIONS = set(words("prepositions"))
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
    r"\b(?:is|are|was|were|has\s+been|have\s+been|had\s+been)\s+(?:\w+ly\s+)?(?P<cue>seen|viewed|regarded|considered|"
    r"perceived|described|characteri[sz]ed|labell?ed|called|dismissed|rejected|denied|critici[sz]ed|welcomed|cited|"
    r"interpreted|portrayed|branded|deemed|set\s+out|laid\s+out|outlined|spelled\s+out|spelt\s+out)\s+"
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
_VIEW_RE = re.compile(r"\bin\s+(?:the\s+(?:view|opinion|words|eyes|assessment)\s+of\s+)?", re.IGNORECASE)
_VIEW_POSSESSIVE = re.compile(r"['’]s?\s+(?:view|opinion|words|eyes|assessment|estimation)\b", re.IGNORECASE)
_PRONOUN_RE = re.compile(r"\b(?P<p>[Hh]e|[Ss]he|[Tt]hey|It)\s*$")
_OBJ_PRONOUN_RE = re.compile(r"^(?:him|her)\b", re.IGNORECASE)
_THAT = re.compile(r"^\s*(?:that\b|:|,)?\s*")
_SUBORDINATE = re.compile(r"\b(?:that|which|whom|whether|if|because)\s+[^,;]*$", re.IGNORECASE)
_MAIN_VERB_AFTER = re.compile(
    r",\s+(?:\w+\s+){0,2}?(?:has|have|had|is|are|was|were|will|would|can|could|"
    r"may|might|must|should|did|does)\b"
)


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
class Context:
    """What the extractor remembers while reading an article from top to bottom."""

    article: Article
    actors: ArticleActors
    groups: dict[str, ActorInfo] = field(default_factory=dict)
    extra_sources: dict[str, Source] = field(default_factory=dict)  # sources the claims step itself finds
    generic_events: list[EventMention] = field(default_factory=list)  # dated happenings without a typed pattern
    last_person_claimant: str | None = None
    last_person_sentence: int = -10
    last_person_mentioned: str | None = None
    last_mention_sentence: int = -10
    intro: Attribution | None = None  # a "X said:" / "polls reveal that:" sentence introducing a list
    intro_block: int = -1
    last_quote: tuple[str | None, int] | None = None  # speaker and block of the latest quotation
    last_plural: tuple[str, int] | None = None  # the latest group or organisation that spoke (for "they")


def _mask(text: str) -> str:
    """Footnote markers replaced by spaces (offsets stay aligned)."""
    return MARKER_RE.sub(lambda m: " " * len(m.group(0)), text)


def _inside(pos: int, spans: tuple[tuple[int, int], ...]) -> bool:
    """Is ``pos`` inside one of ``spans`` (a sentence's quotations: sorted and disjoint)?"""
    i = bisect.bisect_right(spans, (pos, math.inf)) - 1
    return i >= 0 and spans[i][0] <= pos < spans[i][1]


def _clean_text(text: str) -> str:
    return re.sub(r"\s+", " ", strip_markers(text)).strip()


# ---------------------------------------------------------------------------------------------
# Who says it


def _group(ctx: Context, label: str) -> str:
    label = re.sub(r"\s+", " ", label.strip())
    label = re.sub(r"^(?:the|The)\s+", "", label) if not label.lower().startswith("the west") else label
    key = mint("group", ctx.article.id, label)
    if key not in ctx.groups:
        ctx.groups[key] = ActorInfo(key=key, label=label[:1].upper() + label[1:], kind="UnnamedGroup", confidence=0.7)
    return key


def _resolve_pronoun(ctx: Context, sentence_index: int, pronoun: str = "") -> str | None:
    """ "he"/"she" -> the last person who spoke (within four sentences), else the last person named
    (within three), skipping a candidate whose known gender does not fit."""
    gender = {"he": "m", "him": "m", "his": "m", "she": "f", "her": "f"}.get(pronoun.lower())
    if pronoun.lower() in ("they", "them", "it"):
        if ctx.last_plural and sentence_index - ctx.last_plural[1] <= 2:
            return ctx.last_plural[0]
        return None
    # the most recent of: the last person who spoke, the last person named (as a subject); a tie goes to
    # the speaker ("Rossi ... was unconvinced. “...,” he said." -> Rossi, not the previous speaker)
    candidates: list[tuple[int, int, str]] = []
    if ctx.last_person_claimant and sentence_index - ctx.last_person_sentence <= 4:
        candidates.append((ctx.last_person_sentence, 1, ctx.last_person_claimant))
    if ctx.last_person_mentioned and sentence_index - ctx.last_mention_sentence <= 3:
        candidates.append((ctx.last_mention_sentence, 0, ctx.last_person_mentioned))
    candidates.sort(reverse=True)
    for _, _, key in candidates:
        known = ctx.actors.actors[key].gender if key in ctx.actors.actors else None
        if gender is None or known is None or known == gender:
            return key
    return None


_BARE_DOCUMENT = (
    r"\b[Tt]he\s+(?:(?:(?:same|latest|new|annual|whole)\s+)?(?:report|study|survey|analysis|assessment|paper|review)"
    r"|same\s+(?:researchers|analysts|authors|experts|economists|scientists|team))"
)
"""A document (or its authors) named again without the organisation: "The report also said ...", "The same
study finds ...", "The same researchers found ..."."""


def _subject_at(
    ctx: Context, sent: Sentence, masked: str, end_rel: int, sentence_index: int
) -> tuple[str | None, int, float] | None:
    """The claimant named by the words ending at ``end_rel`` of the sentence: an actor, a pronoun, or a
    group. Returns (key, start offset relative to the sentence, confidence)."""
    pre = masked[:end_rel].rstrip().rstrip(",").rstrip()
    pre = re.sub(r"\s*\([A-Z][A-Za-z]{1,9}\)$", "", pre)  # "the Budget Research Office (BRO)"
    end_abs = sent.start + len(pre)
    single = _SINGLE_PERSON_RE.search(pre)
    if single and single.end("phrase") < len(pre):
        # "an official at the Defence Ministry": the ministry; "A Western diplomat in the capital": not the country
        owner = ctx.actors.ending_near(end_abs)
        if (
            owner is not None
            and owner.start >= sent.start + single.end("phrase")
            and ctx.actors.actors[owner.key].kind not in ("Country", "Person", "UnnamedGroup")
        ):
            return owner.key, single.start("phrase"), 0.7
        return _group(ctx, single.group("phrase")), single.start("phrase"), 0.55
    mention = ctx.actors.ending_near(end_abs)
    if mention is not None and mention.start >= sent.start and ctx.actors.actors[mention.key].kind != "Person":
        of = re.search(r"\s+of\s+(?:the\s+)?(?:[a-z][\w\-]*\s+){0,3}$", masked[: mention.start - sent.start])
        person = ctx.actors.ending_near(sent.start + of.start()) if of else None
        if person is not None and person.start >= sent.start and ctx.actors.actors[person.key].kind == "Person":
            # "Giulia Neri of the center-left Democratic Party accused ...": the person speaks
            return person.key, person.start - sent.start, 0.85
    if mention is not None and mention.start >= sent.start:
        info = ctx.actors.actors[mention.key]
        start_rel = mention.start - sent.start
        # "X officials"/"Russian officials" -> the organisation or state
        return mention.key, start_rel, 0.9 if info.kind == "Person" else 0.85
    m = _PRONOUN_RE.search(pre)
    if m:
        key = _resolve_pronoun(ctx, sentence_index, m.group("p"))
        if key is not None:
            return key, m.start(), 0.7
        return None
    bare_document = re.search(_BARE_DOCUMENT + "$", pre)
    if bare_document and ctx.last_plural and sentence_index - ctx.last_plural[1] <= 2:
        # "X said in its annual report ... The report also said ...": the organisation that just spoke
        return ctx.last_plural[0], bare_document.start(), 0.6
    document = _DOCUMENT_SUBJECT.search(pre)
    if document:
        owner = ctx.actors.ending_near(sent.start + document.start())
        if (
            owner is not None
            and owner.start >= sent.start
            and ctx.actors.actors[owner.key].kind not in ("Person", "UnnamedGroup")
        ):
            return owner.key, owner.start - sent.start, 0.75
    last_word = pre.rsplit(None, 1)[-1].lower() if pre.strip() else ""
    people = _PEOPLE_RE.search(pre) if last_word in GROUP_PEOPLE_NOUNS else None
    if people:
        owner = next(
            (
                m
                for m in ctx.actors.within(sent.start + people.start("phrase"), end_abs)
                if ctx.actors.actors[m.key].kind not in ("Country", "Person", "UnnamedGroup")
            ),
            None,
        )
        if owner is not None:
            return owner.key, people.start("phrase"), 0.7
        return _group(ctx, people.group("phrase")), people.start("phrase"), 0.6
    modified = _MODIFIED_GROUP_RE.search(pre)
    if modified:
        return _group(ctx, modified.group("phrase")), modified.start("phrase"), 0.55
    if single:  # "A U.S. defense official", "one shipping executive": an unnamed source
        return _group(ctx, single.group("phrase")), single.start("phrase"), 0.55
    role = re.search(r"\b[Tt]he\s+(?P<noun>official|diplomat|source|executive|analyst|expert|officer)$", pre)
    if role:  # "the official said": the unnamed source introduced before
        noun = role.group("noun")
        match = next((k for k in reversed(list(ctx.groups)) if ctx.groups[k].label.lower().endswith(noun)), None)
        if match is not None:
            return match, role.start(), 0.5
    # "Russia's defence ministry", "the Russian foreign ministry", "Chinese authorities" -> the state or organisation
    qualifier = re.search(r"(?P<noun>[A-Za-z]+)$", pre)
    if qualifier and qualifier.group("noun").lower() in GROUP_QUALIFIER_NOUNS:
        head = pre[: qualifier.start()].rstrip()
        for _ in range(3):
            cut = re.sub(r"['’]s$", "", re.sub(r"\s*\([A-Z][A-Za-z]{1,9}\)$", "", head))
            owner = ctx.actors.ending_near(sent.start + len(cut))
            if owner is not None and owner.start >= sent.start and ctx.actors.actors[owner.key].kind != "Person":
                return owner.key, owner.start - sent.start, 0.75
            words = re.match(r"^(?P<rest>.*?)\s*\b[a-z][\w\-]*$", cut)
            if words is None:
                break
            head = words.group("rest").rstrip()
    for collective in COLLECTIVES:
        if pre.lower().endswith(collective.lower()):
            start_rel = len(pre) - len(collective)
            return _group(ctx, pre[start_rel:]), start_rel, 0.6
    gm = None
    for candidate in GROUP_RE.finditer(pre):
        if candidate.end() == len(pre):
            gm = candidate
    if gm is not None and not re.search(r"\d|%|\bmajorit|\bshare\b|\bproportion\b", pre[max(0, gm.start() - 15) :]):
        return _group(ctx, gm.group(0)), gm.start(), 0.6
    return None


def _mention_at(ctx: Context, pos: int, rest: str) -> ActorMention | None:
    """The actor named at ``pos``, allowing a leading "the" ("by the European Union")."""
    mention = ctx.actors.starting_at(pos)
    if mention is None and (det := re.match(r"(?:the\s+)?(?:[a-z][\w\-]*\s+){0,4}", rest, re.IGNORECASE)):
        # "the statistics agency NSO", "newspaper Daily Courier": a descriptor, then the name
        for cut in [m.end() for m in re.finditer(r"\s+", rest[: det.end()])][::-1]:
            mention = ctx.actors.starting_at(pos + cut)
            if mention is not None:
                break
    return mention


_MODIFIED_GROUP_RE = re.compile(
    r"(?:^|[\s,(])(?P<phrase>(?:(?:some|many|several|most|other)\s+)?(?:[A-Z][\w\-’']*\s+)?"
    r"(?i:countries|governments|states|officials|diplomats|analysts|experts|lawmakers|groups|companies|"
    r"organisations|organizations|members|delegations|negotiators|sources|economists)"
    r"\s+(?:(?:in|from|of|with)\s+|(?:involved|familiar|close|working|speaking|based)\s+(?:in|with|to|on)\s+)"
    r"(?:the\s+)?[^,;:]{1,50})$"
)
_SINGLE_PERSON_RE = re.compile(
    r"(?:^|[\s,(])(?P<phrase>(?:[Aa]n?|[Oo]ne|[Aa]nother)\s+(?:[\w.\-]+\s+){0,3}(?:official|diplomat|source|executive|"
    r"analyst|expert|officer|spokesman|spokeswoman|spokesperson|insider|adviser|advisor|banker|trader|economist))"
    r"(?:\s+(?:in|from|at|based\s+in)\s+(?:the\s+)?[A-Z][\w\-’']*(?:\s+[A-Z][\w\-’']*){0,2})?$"
)
"""An unnamed source, with the place it speaks from ("A Western diplomat in the capital")."""
_PEOPLE_RE = re.compile(
    r"(?:^|[\s,(])(?P<phrase>(?:(?:some|many|several|two|three|four|five|six|seven|eight|nine|ten|a\s+few|\d+)\s+)?"
    r"(?:(?:senior|top|former|unnamed|anonymous)\s+)?(?:[A-Z][\w\-’']*\s+){1,3}(?:(?:senior|top|defen[cs]e|security|"
    r"intelligence|military|government|foreign\s+ministry)\s+)?(?:" + "|".join(sorted(GROUP_PEOPLE_NOUNS)) + r"))$"
)


_SUBJECT_FOLLOWS = set(words("subject-follows"))


_OBJECT_VERBS = set(words("object-verbs"))


def _clause_ok(masked: str, start_rel: int, nested: bool = False) -> bool:
    """The subject opens a clause: not the object of a preposition or a verb ("berated X, told him"), and not
    inside a that/which clause (unless we are looking inside reported speech on purpose)."""
    before = masked[:start_rel]
    words = before.split()
    if words and words[-1].lower().strip(",") in _PREPOSITIONS and not before.rstrip().endswith(","):
        return False
    if words and not before.rstrip().endswith((",", ";", ":", "(", "—", "–", "-", '"', "“", "”")):
        last = words[-1].strip("\"“”'’").lower()
        if (last.endswith("ed") or last in _OBJECT_VERBS) and last not in _SUBJECT_FOLLOWS:
            return False  # the name is the object of a verb ("berated X, told him ...")
    if nested or re.fullmatch(r"which\s+(?:the\s+)?", before):
        return True  # a relative clause split off with its own speaker ("which the IAEA has warned ...")
    clause = re.split(r"[,;:—–(]", before)[-1]
    return not _SUBORDINATE.search(clause)


def _cue_attribution(
    ctx: Context,
    sent: Sentence,
    masked: str,
    sentence_index: int,
    quotes: tuple[tuple[int, int], ...],
    start: int = 0,
    nested: bool = False,
) -> Attribution | None:
    """The first speech or belief cue (from ``start``) whose subject names a claimant."""
    for m in CUE_RE.finditer(masked, start):
        if _inside(m.start(), quotes):
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
            cue_word in _NOUN_LIKE_CUES
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
        for cut in _subject_cuts(pre):
            found = _subject_at(ctx, sent, masked, cut, sentence_index)
            if found is not None:
                break
        coordinated = re.search(
            r"(?:,\s*|\s)(?:and|then|but|and\s+then|and\s+later|later|before)\s+"
            r"(?:(?:also|again|later|repeatedly)\s+)?$",
            pre,
        )
        if found is None and coordinated and not _inside(m.start(), quotes):
            opener = _sentence_subject(ctx, sent, pre[: coordinated.start()])
            if opener is not None:
                found = (opener.key, opener.start - sent.start, 0.65)
            elif (pm := re.match(r"\s*(?P<p>He|She|They)\b", masked)) is not None:
                who = _resolve_pronoun(ctx, sentence_index, pm.group("p"))
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
            found = _subject_at(ctx, sent, masked, relative.start(), sentence_index)
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
            post = ctx.actors.starting_at(sent.start + m.end() + (len(after) - len(after.lstrip())))
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
        if not _clause_ok(masked, start_rel, nested) or speaker is None:
            continue
        subject = (sent.start + start_rel, sent.start + m.start())
        tail_start = m.end() + len(_THAT.match(after).group(0))  # type: ignore[union-attr]
        if _postposed(masked, start_rel, after):
            content = (sent.start, sent.start + len(masked[:start_rel].rstrip(" ,")))
            kind = "postposed"
        else:
            content = (sent.start + tail_start, sent.end)
            kind = "speech"
        return Attribution(claimant=speaker, cue=cue, subject=subject, content=content, kind=kind, confidence=conf)
    return None


def find_attribution(ctx: Context, sent: Sentence, masked: str, sentence_index: int) -> Attribution:
    """Who asserts the sentence's main content, and where that content lies."""
    quotes = tuple((s - sent.start, e - sent.start) for s, e in sent.quotes)
    # according to X
    for m in _ACCORDING_RE.finditer(masked):
        if _inside(m.start(), quotes):
            continue
        rest = masked[m.end() :]
        document = _DOCUMENT_OF.match(rest)
        skip = document.end() if document else 0
        mention = _mention_at(ctx, sent.start + m.end() + skip, rest[skip:])
        if mention is not None:
            key, conf = mention.key, 0.85
            subj = (mention.start, mention.end)
        elif _OBJ_PRONOUN_RE.match(rest):
            key = _resolve_pronoun(ctx, sentence_index, rest[:3].strip())  # type: ignore[assignment]
            conf = 0.7
            subj = (sent.start + m.end(), sent.start + m.end() + 3)
            if key is None:
                return Attribution(vague=True, kind="vague", cue="according to", confidence=0.4)
        else:
            gm = GROUP_RE.match(rest)
            if gm is None:
                continue
            key, conf = _group(ctx, gm.group(0)), 0.6
            subj = (sent.start + m.end(), sent.start + m.end() + gm.end())
        if _PUBLISHED_WORDS.match(rest):
            # '"...," Al Rashid told a conference, according to remarks published on the cartel's website': the speaker
            # named by the verb says it; the website only published it
            spoken = _cue_attribution(ctx, sent, masked, sentence_index, quotes)
            if spoken is not None and spoken.claimant is not None:
                return spoken
        content = _content_around(masked, sent, m.start(), subj[1] - sent.start)
        return Attribution(
            claimant=key, cue="according to", subject=subj, content=content, kind="according", confidence=conf
        )
    # passive agent: "is seen by the alliance as"
    for m in _PASSIVE_RE.finditer(masked):
        if _inside(m.start(), quotes):
            continue
        mention = _mention_at(ctx, sent.start + m.end(), masked[m.end() :])
        if mention is None:
            mention_key = None
            gm = GROUP_RE.match(masked[m.end() :])
            if gm:
                mention_key = _group(ctx, gm.group(0))
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
        mention = ctx.actors.ending_near(sent.start + m.start())
        owner_key: str | None = None
        if mention is not None and mention.start >= sent.start:
            owner_key = mention.key
        else:
            for collective in COLLECTIVES:
                if masked[: m.start()].lower().endswith(collective.lower()):
                    owner_key = _group(ctx, collective)
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
    found_cue = _cue_attribution(ctx, sent, masked, sentence_index, quotes)
    if found_cue is not None:
        info = ctx.actors.actors.get(found_cue.claimant or "")
        citing = re.search(r",\s*citing\s+(?:the\s+)?", masked)
        if info is not None and info.kind == "NewsMediaOrganization" and citing:
            cited = _mention_at(ctx, sent.start + citing.end(), masked[citing.end() :])
            if cited is not None and ctx.actors.actors[cited.key].kind != "NewsMediaOrganization":
                return dataclasses.replace(found_cue, claimant=cited.key, subject=(cited.start, cited.end))
        if info is not None and info.kind == "NewsMediaOrganization" and found_cue.content is not None:
            # "The agency reported that the ministry said ...": the ministry speaks, the agency is the source
            inner = _cue_attribution(
                ctx, sent, masked, sentence_index, quotes, found_cue.content[0] - sent.start, nested=True
            )
            if inner is not None and inner.claimant != found_cue.claimant:
                return inner
        return found_cue
    for pm in PARTICIPLE_CUES.finditer(masked):
        if _inside(pm.start(), quotes):
            continue
        subject = _sentence_subject(ctx, sent, masked[: pm.start()])
        if subject is not None:
            tail = masked[pm.end() :]
            content_start = pm.end() + len(_THAT.match(tail).group(0))  # type: ignore[union-attr]
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


_APPOSITIVE_END = re.compile(APPOSITIVE + r"\s*$")


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


def _postposed(masked: str, start_rel: int, after: str) -> bool:
    """Does the attribution follow its content ("<content>, X said on Friday, adding ...")?"""
    before = masked[:start_rel].rstrip()
    # the subject may be preceded by an appositive role ("..., the Latvian defence minister, Jane Roe, said")
    before = re.sub(r",\s*(?:the|a|an)\s+[^,]{1,80}$", ",", before)
    return before.endswith(",") and len(before) > 25 and bool(_AFTER_POSTPOSED.match(after))


def _standalone_quote(body: str, sent: Sentence, q_start: int) -> bool:
    """A quotation is a claim of its own when it opens the sentence or follows a cue and a comma or colon
    ('said, "..."'); a fragment quoted inside a reported sentence stays part of that sentence."""
    before = body[sent.start : max(sent.start, q_start - 1)].rstrip()
    if not before.strip(" -–—•*"):
        return True
    if before.endswith((",", ":")):
        return True
    return bool(re.search(r"\b(?:said|says|added|stated|wrote|declared|told\s+\w+|asked)\s*$", before))


_INTRO_ADVERBIAL = re.compile(
    r"^(?:(?:[A-Z][\w’']*\s*){0,3}[,(]?\s*(?:\w+\s*\))?\s*[-–—]\s*)?"  # a dateline "RIGA (Reuters) -"
    r"(?:(?:in|on|at|during|after|before|since|last|earlier|later|meanwhile|however|but|and|yet|separately|"
    r"also)\b[^,]{0,60},\s*)?(?:the\s+)?$",
    re.IGNORECASE,
)


def _sentence_subject(ctx: Context, sent: Sentence, clause: str) -> ActorMention | None:
    """The actor that opens the sentence's main clause (after an introductory adverbial), if any."""
    for m in ctx.actors.within(sent.start, sent.start + len(clause)):
        if ctx.actors.actors[m.key].kind == "UnnamedGroup":
            continue
        if _INTRO_ADVERBIAL.match(clause[: m.start - sent.start]):
            return m
        break
    return None


_PUBLISHED = re.compile(
    r"\s+(?:published|released|conducted|carried\s+out|issued|presented)\s+(?:in|on|last|this|"
    r"earlier|late|early)\b[^,;]{1,30}$"
)
_DOCUMENT_SUBJECT = re.compile(
    r"(?:['’]s)?\s+(?:(?:new|latest|annual|recent|own|\d{4})\s+){0,2}"
    r"(?:report|survey|poll|study|analysis|data|figures|index|barometer|assessment)$",
    re.IGNORECASE,
)


def _subject_cuts(pre: str) -> list[int]:
    """Candidate end positions of a subject before a cue, nearest first, skipping adverbials and an
    appositive ("Jane Roe, an analyst at X, said")."""
    from kg.extract.lexicon import BETWEEN_SUBJECT_AND_CUE

    cuts = [len(pre)]
    participle = _PUBLISHED.search(pre)
    if participle:  # "A Northfield Research survey published in May found"
        cuts.append(participle.start())
    for m in re.finditer(r"\s", pre):
        pos = m.start()
        if len(pre) - pos > 80:
            continue
        if BETWEEN_SUBJECT_AND_CUE.match(pre[pos:]):
            cuts.append(pos)
    ordered = sorted(set(cuts), reverse=True)
    # the speaker is before an appositive (its own words name a role or a place): "X, who ..., has said"
    appositives = [a.start() for c in ordered if (a := _APPOSITIVE_END.search(pre[:c]))]
    return list(dict.fromkeys(appositives + ordered))


def _content_around(masked: str, sent: Sentence, cue_start: int, cue_end: int) -> tuple[int, int]:
    """For "according to X": the content is the rest of the sentence around the attribution phrase."""
    before = masked[:cue_start].rstrip(" ,")
    after = masked[cue_end:].lstrip(" ,")
    if len(after) > len(before):
        return sent.start + (len(masked) - len(after)), sent.end
    return sent.start, sent.start + len(before)


# ---------------------------------------------------------------------------------------------
# What is a claim


def has_finite_verb(text: str) -> bool:
    if AUXILIARY_RE.search(text) or CUE_RE.search(text):
        return True
    words = re.findall(r"[a-z]+", text.lower())
    return any(w in COMMON_FINITE or w in SPEECH_VERBS for w in words) or bool(PAST_RE.search(text.lower()))


_LEGAL = re.compile(
    r"^(?:Under|According\s+to)\s+(?:a|an|the|its|their|[A-Z]{2}|new|\d{4})\b[^,]{0,80}"
    r"(?:law|act|rules?|regulation|treaty|agreement|directive|decree|constitution|charter|deal)\b",
    re.IGNORECASE,
)
"""A rule being described ("Under a 2023 law, ships must ..."), not an appeal."""


def _reports_speech(text: str) -> bool:
    """Does the text hold a speech verb used as one ("said", "states that"; not "member states")?"""
    for m in CUE_RE.finditer(text):
        word = m.group(0).split()[0].lower()
        if word not in _NOUN_LIKE_CUES or re.match(r"\s*(?:that\b|:)", text[m.end() :]):
            return True
    return False


def _first_person(text: str) -> bool:
    """A sentence about the writer ("I worked in the Treasury", "until recently I never ..."): not a claim
    about the world. "We" and quotations are not affected."""
    return bool(
        re.search(
            r"(?:^|[,;:]\s*|\b(?:and|but|when|until\s+recently|recently|then)\s+)"
            r"I\s+(?!think\b|believe\b)"
            r"|^(?:My|As\s+a\s+former)\b",
            text,
        )
    )


def not_a_claim(text: str, *, authorial: bool, list_item: bool) -> str | None:
    """Why a sentence is not a claim (None if it is one)."""
    stripped = text.strip().strip('"“”')
    if not stripped:
        return "empty"
    if stripped.endswith("?"):
        return "question"
    words = re.findall(r"\w+", stripped)
    if len(words) < 5:
        return "fragment"
    body = re.sub(r"^[A-Z][\w\-’' ]{0,60}:\s+", "", stripped) if list_item else stripped
    if list_item and not has_finite_verb(body) and not _STAT_SUBJECT.match(body):
        return "fragment"
    if list_item and re.match(r"^[A-Z][a-z]+ing\s+[a-z]", body):
        return "fragment"
    if META_RE.search(stripped):
        return "meta"
    if IMPERATIVE_RE.search(body) or (list_item and RECOMMENDATION_RE.search(body)):
        return "imperative"
    normative = NORMATIVE_RE.search(stripped) if authorial and not _LEGAL.match(stripped) else None
    if normative and not _reports_speech(stripped[: normative.start()]):  # "X said the money should ..." reports
        # "We should be honest with ourselves: Ukraine's borders will not be restored" states after the colon
        colon = stripped.find(": ", normative.end())
        if colon < 0 or len(stripped[colon:].split()) < 6:
            return "normative"
    if stripped.endswith(":"):
        return "introduction"
    if authorial and _first_person(stripped):
        return "first person"
    return None


# ---------------------------------------------------------------------------------------------
# Assembly


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


def _trim(body: str, start: int, end: int) -> tuple[int, int]:
    """Trim spaces, list bullets and a trailing comma or colon from a span."""
    while start < end and (body[start].isspace() or body[start] in "-•*–"):
        start += 1
    while end > start and (body[end - 1].isspace() or body[end - 1] in ",;:"):
        end -= 1
    return start, end


def _split_long(body: str, start: int, end: int) -> list[tuple[int, int]]:
    """Pieces of at most MAX_CLAIM_CHARS, cut at semicolons, then at commas."""
    if end - start <= MAX_CLAIM_CHARS:
        return [(start, end)]
    text = body[start:end]
    for sep in ("; ", ", ", " "):
        pieces: list[tuple[int, int]] = []
        pos = 0
        while pos < len(text):
            if len(text) - pos <= MAX_CLAIM_CHARS:
                pieces.append((start + pos, end))
                break
            cut = text.rfind(sep, pos, pos + MAX_CLAIM_CHARS)
            if cut <= pos:
                pieces = []
                break
            pieces.append((start + pos, start + cut + (1 if sep != " " else 0)))
            pos = cut + len(sep)
        if pieces:
            return [_trim(body, s, e) for s, e in pieces if e > s]
    return [(start, start + MAX_CLAIM_CHARS)]


def draft_claims(ctx: Context, seg: Segmentation) -> list[Draft]:
    """Claims of an article in reading order, with claimants; citations and features come later."""
    body = ctx.article.body
    drafts: list[Draft] = []
    sentences = seg.sentences
    units = [(index, part) for index, whole in enumerate(sentences) for part in _clauses(ctx, whole)]
    for index, sent in units:
        if seg.references_start is not None and sent.start >= seg.references_start:
            break
        masked = _mask(sent.text)
        attribution = find_attribution(ctx, sent, masked, index)
        is_list = sent.block.kind == "list"
        previous_intro = ctx.intro if ctx.intro is not None and sent.block.index == ctx.intro_block + 1 else None
        # an introduction ("Recent polls reveal that:", "He said:") carries over to the list that follows
        if ctx.intro is not None and is_list and sent.block.index == ctx.intro_block + 1 and attribution.kind == "none":
            attribution = Attribution(
                claimant=ctx.intro.claimant,
                vague=ctx.intro.vague,
                cue=ctx.intro.cue,
                content=(sent.start, sent.end),
                kind="inherited",
                confidence=ctx.intro.confidence - 0.1,
            )
            ctx.intro_block = sent.block.index
        elif is_list and ctx.intro is not None and sent.block.index == ctx.intro_block:
            attribution = Attribution(
                claimant=ctx.intro.claimant,
                vague=ctx.intro.vague,
                cue=ctx.intro.cue,
                content=(sent.start, sent.end),
                kind="inherited",
                confidence=ctx.intro.confidence - 0.1,
            )
        if sent.text.rstrip().endswith(":") and sent.last_in_block and attribution.kind != "none":
            ctx.intro, ctx.intro_block = attribution, sent.block.index
        elif not is_list:
            ctx.intro = None
        quote_units = [
            (s, e)
            for s, e in sent.quotes
            if len(re.findall(r"\w+", body[s:e])) >= 4 and _standalone_quote(body, sent, s)
        ]
        named_people = [
            m.key
            for m in ctx.actors.within(sent.start, sent.end)
            if _is_person(ctx, m.key) and not _inside(m.start, sent.quotes)
        ]
        claimant = attribution.claimant
        if claimant is not None and _is_person(ctx, claimant):
            ctx.last_person_claimant, ctx.last_person_sentence = claimant, index
        elif claimant is not None:
            ctx.last_plural = (claimant, index)
        for q_start, q_end in quote_units:
            speaker, conf = _quote_speaker(ctx, sentences, index, attribution, q_start, q_end, previous_intro)
            start, end = _trim(body, q_start, q_end)
            text = body[start:end]
            if text.rstrip().endswith("?") or len(re.findall(r"\w+", text)) < 4:
                continue
            if speaker is not None and _is_person(ctx, speaker):
                ctx.last_person_claimant, ctx.last_person_sentence = speaker, index
            ctx.last_quote = (speaker, sent.block.index)
            for s, e in _split_long(body, start, end):
                drafts.append(
                    Draft(s, e, "quote", speaker, speaker is None, attribution.cue, None, (s, e), sent, 0.85, conf)
                )
            # "“...,” she told AFP, adding that the capital planned ...": what the speaker added is a claim too
            added = _ADDING.search(body, q_end, sent.end)
            if added and speaker is not None and not any(qs >= added.end() for qs, _ in quote_units):
                a_start, a_end = _trim(body, added.end(), sent.end)
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
        if named_people:
            ctx.last_person_mentioned, ctx.last_mention_sentence = named_people[0], index
        # the sentence itself (outside its quotations)
        main_start, main_end = _trim(body, sent.start, sent.end)
        if quote_units:
            frame = _frame_without_quotes(body, sent, quote_units)
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
        for s, e in _split_long(body, main_start, main_end):
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
    _poll_findings(ctx, drafts)
    return drafts


_POLL_TOPIC = re.compile(r"\b(?:poll|polls|survey|surveys|barometer|pollsters?|opinion\s+research)\b", re.IGNORECASE)
_POLL_AFTER = re.compile(
    r"(?:['’]s)?\s+(?:[\w\-]+\s+){0,4}?(?:poll|survey|"
    r"barometer)\b|,\s+(?:the|a|an)\s+(?:\w+\s+){0,2}?(?:pollster|polling\s+firm)\b",
    re.IGNORECASE,
)
_POLL_BEFORE = re.compile(
    r"\b(?:poll|survey|barometer)\s+(?:from|by|of)\s+(?:the\s+)?$"
    r"|\b(?:poll|survey|barometer)\b[^.;]{0,50}?\b(?:carried\s+out|conducted|fielded|run)\s+by\s+"
    r"(?:the\s+)?$|\b(?:pollster|polling\s+firm)\s+$",
    re.IGNORECASE,
)
_STATISTICAL = re.compile(
    r"\d+(?:\.\d+)?\s*(?:%|per\s*cent|percent|percentage\s+points?|points?\b)|\brespondents\b|\bmargin\s+of\s+error\b"
    r"|\b(?:majority|minority|plurality)\s+of\b|\b(?:polled|surveyed|questioned|interviewed)\b",
    re.IGNORECASE,
)


_OPINION = re.compile(
    r"\b(?:respondents|voters|adults|people|americans|europeans|citizens|residents|public|republicans|democrats|"
    r"independents|men|women|young|older|say|said|says|believe|believed|support|supported|oppose|opposed|favou?r|"
    r"back|backed|want|wanted|think|thought|view|see|saw|name|named|describe|agree|disagree|approve|disapprove|"
    r"trust|prefer|expect|worry|worried|sample|margin\s+of\s+error|survey|poll|polled|interviewed|questioned)\b",
    re.IGNORECASE,
)


def _poll_findings(ctx: Context, drafts: list[Draft]) -> None:
    """In an article about a poll by a named pollster, the poll's figures are the pollster's findings, and
    the poll (named in the article) is their source."""
    pollster: ActorMention | None = None
    # names are blanked first: "the US Geological Survey" is no survey
    chars = list(ctx.article.body)
    for m in ctx.actors.mentions:
        chars[m.start : m.end] = "N" * (m.end - m.start)
    body = "".join(chars)
    for m in ctx.actors.mentions:
        info = ctx.actors.actors[m.key]
        if info.kind in ("Person", "Country", "UnnamedGroup", "NewsMediaOrganization"):
            continue
        before = body[max(0, m.start - 70) : m.start]
        after = body[m.end : m.end + 90]
        if _POLL_AFTER.match(after) or _POLL_BEFORE.search(before):
            pollster = m
            break
    if pollster is None:
        return
    info = ctx.actors.actors[pollster.key]
    source = Source(
        key=mint("document", pollster.key, "poll"), kind="publication", name=f"{info.label} poll", publisher=info.label
    )
    # the whole article is about the poll (its headline or opening says so), or only the paragraph naming it is
    opening = ctx.article.headline + " " + body[:600]
    whole_article = bool(_POLL_TOPIC.search(opening))
    pollster_block = next(
        (
            d.sentence.block.index
            for d in drafts
            if d.sentence.start <= pollster.start < d.sentence.end
            or d.sentence.block.start <= pollster.start < d.sentence.block.end
        ),
        None,
    )
    for d in drafts:
        if d.claimant is not None and d.claimant != pollster.key:
            continue
        if not whole_article and d.sentence.block.index != pollster_block:
            continue
        text = ctx.article.body[d.start : d.end]
        if d.claim_type == "quote" or not _STATISTICAL.search(text) or not _OPINION.search(text):
            continue
        d.claimant, d.vague, d.claim_type = pollster.key, False, "reported"
        d.extra_cites.append(source.key)
        ctx.extra_sources[source.key] = source


_NOUN_LIKE_CUES = set(words("noun-like-cues"))
_ADDING = re.compile(r",\s+(?P<cue>adding|saying|noting|arguing|warning|insisting|stressing)\s+(?:that\s+)?")
_CLAUSE_BREAK = re.compile(r"(?:,\s+(?:and|but|(?P<which>which)(?=\s+(?:the\s|[A-Z])))|;)\s+")
"""Where a sentence may turn to another speaker: "X said ..., and Y warned ...", "..., which the IAEA has
warned is one strike from disaster" (a relative clause with a speaker of its own)."""


def _clauses(ctx: Context, sent: Sentence) -> list[Sentence]:
    """A sentence joining two speakers' statements ("X said ..., and Y warned ...") as separate clauses."""
    masked = _mask(sent.text)
    parts: list[Sentence] = []
    start = 0
    for m in _CLAUSE_BREAK.finditer(masked):
        if _inside(sent.start + m.start(), sent.quotes):
            continue
        rest = masked[m.end() :]
        if not m.group("which") and any(
            sent.start + m.start() <= ms + 1 and me - 1 <= sent.start + m.end() for ms, me, _ in sent.markers
        ):
            # "prices nearly doubled,[6] and several makers reported ...": the footnote closes a statement
            parts.append(_part(sent, start, m.start()))
            start = m.end()
            continue
        mention = _mention_at(ctx, sent.start + m.end(), rest)
        role = re.match(r"(?:his|her|their|its)\s+(?:[a-z\-]+\s+){0,2}?[a-z]+,\s+", rest)
        if mention is None and role:  # "..., and their leader, Tom Hale, told the Commons that ..."
            mention = ctx.actors.starting_at(sent.start + m.end() + role.end())
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
        if cue.group("cue").lower() in _NOUN_LIKE_CUES and not re.match(r"\s*(?:that\b|:)", after_cue):
            continue  # "the Baltic states", "his claims" are nouns here
        end = m.start()
        parts.append(_part(sent, start, end))
        start = m.end()
    if not parts:
        return [sent]
    parts.append(_part(sent, start, len(sent.text)))
    return [p for p in parts if p.text.strip()]


_NOT_IN_A_RELATIVE_CLAUSE = _NOUN_LIKE_CUES | AS_CUES
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


def _is_person(ctx: Context, key: str) -> bool:
    info = ctx.actors.actors.get(key)
    return info is not None and info.kind == "Person"


def _frame_without_quotes(body: str, sent: Sentence, quotes: list[tuple[int, int]]) -> tuple[int, int] | None:
    """The part of a sentence before its first quotation, when it says something of its own
    ("Putin added that Russia has no intention of going to war ... and said, “...”")."""
    first = quotes[0][0] - 1  # the opening quotation mark
    start, end = _trim(body, sent.start, first)
    frame = body[start:end]
    frame = re.sub(
        r"(?:,?\s*(?:and|but)?\s*\b(?:" + "|".join(SPEECH_VERBS) + r")\b(?:\s+\w+){0,2}\s*[,:]?\s*)$", "", frame
    )
    words = re.findall(r"\w+", frame)
    if len(words) < 8 or not re.search(r"\bthat\b|\bas\b", frame):
        return None
    return start, start + len(frame.rstrip(" ,:"))


def _quote_speaker(
    ctx: Context,
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
    tail = _mask(ctx.article.body[q_end + 1 : sent.end])
    m = re.match(r"\s*[,]?\s*(?P<rest>.*)$", tail)
    if m:
        rest = m.group("rest")
        mention = ctx.actors.starting_at(q_end + 1 + m.start("rest"))
        following = ctx.article.body[mention.end : sent.end] if mention is not None else ""
        if mention is not None and re.match(r"\s+(?:\w+\s+)?" + CUE_RE.pattern, following):
            return mention.key, 0.85
        cue = re.match(CUE_RE.pattern + r"\s+", rest)
        if cue:
            # "said Jane Roe", "said union leader Jane Roe"
            after = _mention_at(ctx, q_end + 1 + m.start("rest") + cue.end(), rest[cue.end() :])
            if after is not None:
                return after.key, 0.85
        if re.match(r"(?:he|she|they|it)\s+" + CUE_RE.pattern, rest, re.IGNORECASE):
            key = _resolve_pronoun(ctx, index, rest.split()[0])
            if key is not None:
                return key, 0.7
        role = re.match(
            r"the\s+(?P<noun>official|diplomat|source|executive|analyst|expert|officer)\s+" + CUE_RE.pattern, rest
        )
        if role:  # "the official said": the unnamed source introduced before
            match = next(
                (k for k in reversed(list(ctx.groups)) if ctx.groups[k].label.lower().endswith(role.group("noun"))),
                None,
            )
            if match is not None:
                return match, 0.5
        if re.match(r"(?:[\w.’'\-]+\s+){1,5}?" + CUE_RE.pattern, rest):
            return None, 0.3  # someone we cannot name speaks ("the command said"): not the previous speaker
    before_quote = ctx.article.body[sent.start : max(sent.start, q_start - 1)].rstrip()
    if before_quote.endswith((":", ",")):
        subject = _sentence_subject(ctx, sent, _mask(before_quote))
        if subject is not None and ctx.actors.actors[subject.key].kind != "Country":
            return subject.key, 0.65
    # the next sentence is "He said ..." / "X said ..."
    if index + 1 < len(sentences) and not sentences[index + 1].quotes:
        nxt = sentences[index + 1]
        nm = re.match(r"\s*(?P<subj>[\w’'.\- ]{1,60}?)\s+(?:\w+\s+)?" + CUE_RE.pattern, _mask(nxt.text))
        short = len(nxt.text.split()) <= 10
        if (
            nm
            and nxt.block.index in (sent.block.index, sent.block.index + 1)
            and (short or nm.group("subj").lower() in ("he", "she"))
        ):
            subj = nm.group("subj")
            if subj.lower() in ("he", "she"):
                key = _resolve_pronoun(ctx, index, subj)
                if key is not None:
                    return key, 0.65
            mention = ctx.actors.starting_at(nxt.start + nm.start("subj"))
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
    if ctx.last_quote is not None:
        speaker, block = ctx.last_quote
        opens_sentence = not ctx.article.body[sent.start : max(sent.start, q_start - 1)].strip()
        if speaker is not None and sent.block.index - block <= 1 and opens_sentence:
            return speaker, 0.6
    return None, 0.3


def finish_claims(
    ctx: Context,
    drafts: list[Draft],
    events_by_sentence: dict[int, list[EventMention]],
    cites_by_sentence: dict[int, list[tuple[str, int]]],
) -> list[Claim]:
    """Attach citations (propagating a speaker's footnote back over the same speaker's earlier sentences
    in the paragraph), features, events and dates; make the Claim records."""
    article = ctx.article
    body = article.body
    # citations: the sentence's own markers/links/publications, then back-propagation within a paragraph
    for d in drafts:
        # a clause cites what is cited within or after it, not a marker in an earlier clause of its sentence
        # ("prices nearly doubled,[6] and several makers reported ...": [6] is the prices')
        cited = [key for key, at in cites_by_sentence.get(d.sentence.index, []) if at >= d.sentence.start]
        d.cites = list(dict.fromkeys(cited)) + d.extra_cites
    by_block: dict[int, list[Draft]] = {}
    for d in drafts:
        by_block.setdefault(d.sentence.block.index, []).append(d)
    for block_drafts in by_block.values():
        carried: list[str] = []
        carrier: str | None = None
        for d in reversed(block_drafts):
            if d.cites:
                if d.claimant is not None and not d.vague and d.claim_type in ("quote", "reported"):
                    carried, carrier = d.cites, d.claimant
                else:
                    carried, carrier = [], None
                continue
            if carried and d.claimant == carrier and d.claim_type in ("quote", "reported"):
                d.cites = list(carried)
            else:
                carried, carrier = [], None
    # "X said in its annual report[1] ... The report also said ...": the same document, so the same citation
    for i, d in enumerate(drafts):
        if d.cites or d.claimant is None or not re.match(r"\s*" + _BARE_DOCUMENT + r"\b", d.sentence.text):
            continue
        for e in reversed(drafts[:i]):
            if d.sentence.index - e.sentence.index > 2:
                break
            if e.claimant == d.claimant and e.cites:
                d.cites = list(e.cites)
                break
    claims: list[Claim] = []
    seen: set[tuple[int, int]] = set()
    for d in drafts:
        if (d.start, d.end) in seen or d.end <= d.start:
            continue
        seen.add((d.start, d.end))
        text = _clean_text(body[d.start : d.end])
        if not text:
            continue
        masked = _mask(body[d.start : d.end])
        c_start, c_end = d.content
        content = _mask(body[c_start:c_end]) if c_end > c_start else masked
        sent_events = [e for e in events_by_sentence.get(d.sentence.index, []) if d.start <= e.start and e.end <= d.end]
        dated = date_events(masked, d.start, sent_events, article.published)
        if d.claim_type != "quote":
            used = {de_start for de_start in _date_starts(masked, dated, d.start, article)}
            generic = generic_dated_events(masked, d.start, ctx.actors, article.published, used, scope=article.id)
            ctx.generic_events.extend(g.event for g in generic)
            dated = dated + generic
        exclude = {d.subject[0]} if d.subject else set()
        about = _about(ctx, d, sent_events, exclude)
        quantities = features.quantities(masked, d.start)
        claim_type = d.claim_type
        if claim_type == "authorial":
            if (
                any(q.unit == "%" or q.unit in ("USD", "EUR", "GBP", "RUB", "UAH", "CNY", "JPY") for q in quantities)
                or len(quantities) >= 2
            ):
                claim_type = "statistic"
            elif dated:
                claim_type = "event"
        if d.claimant is not None and d.claim_type == "authorial":
            claim_type = "reported"
        status = (
            "cited"
            if d.cites
            else ("vague" if d.vague or _is_group(ctx, d.claimant) else "speaker" if d.claimant else "uncited")
        )
        claims.append(
            Claim(
                article_id=article.id,
                span=Span(start=d.start, end=d.end, text=body[d.start : d.end]),
                text=text,
                claim_type=claim_type,
                claimant=d.claimant,
                citation_status=status,
                polarity=features.polarity(content, d.cue),  # (helper-analysis) the cue: "denied that ..."
                modality=features.modality(content),
                cue=d.cue,
                about=about,
                cites=tuple(dict.fromkeys(d.cites)),
                dates=tuple(DateStatement(event=de.event.key, date=de.date) for de in dated),
                quantities=tuple(quantities),
                stances=tuple(features.stances(content)),
                relations=tuple(
                    features.relations(content, c_start if c_end > c_start else d.start, ctx.actors, exclude, cue=d.cue)
                ),
                rebuttal=features.rebuttal(masked, d.start, ctx.actors),
                confidence=round(_confidence(d, text), 3),
                attribution_confidence=round(max(0.0, min(1.0, d.attribution_confidence)), 3),
            )
        )
    return claims


def _date_starts(masked: str, dated: list[DatedEvent], offset: int, article: Article) -> list[int]:
    """Offsets (in ``masked``) of the dates already given to typed events."""
    from kg.text.dates import find_dates

    values = {de.date for de in dated}
    return [dm.start for dm in find_dates(masked, article.published) if dm.date in values]


def _is_group(ctx: Context, key: str | None) -> bool:
    return key is not None and key in ctx.groups


def _about(ctx: Context, d: Draft, events: list[EventMention], exclude: set[int]) -> tuple[str, ...]:
    keys: list[str] = []
    for m in ctx.actors.within(d.start, d.end):
        if m.start in exclude:
            continue
        if m.key not in keys and m.key != d.claimant:
            keys.append(m.key)
    for e in events:
        if e.key not in keys:
            keys.append(e.key)
    return tuple(keys)


def _confidence(d: Draft, text: str) -> float:
    conf = d.confidence
    words = len(text.split())
    if words > 60:
        conf -= 0.1
    if d.claim_type == "quote" and d.claimant is None:
        conf -= 0.15
    return max(0.05, min(0.99, conf))


def mention_keys(mentions: list[ActorMention]) -> list[str]:
    return [m.key for m in mentions]


def sentence_events(ctx: Context, seg: Segmentation) -> dict[int, list[EventMention]]:
    out: dict[int, list[EventMention]] = {}
    for sent in seg.sentences:
        if seg.references_start is not None and sent.start >= seg.references_start:
            break
        found = find_events(_mask(sent.text), sent.start, ctx.actors)
        if found:
            out[sent.index] = found
    return out
