"""selection: which sentences and quotations are claims — not questions, meta-text about the article,
normative appeals in the article's own voice, imperatives, fragments or introductions — and the spans
they cover (trimmed, long ones cut at semicolons or commas)."""

from __future__ import annotations

import re

from kg.extract.lexicon import (
    AUXILIARY_RE,
    COMMON_FINITE,
    CUE_RE,
    IMPERATIVE_RE,
    META_RE,
    NORMATIVE_RE,
    NOUN_LIKE_CUES,
    PAST_RE,
    RECOMMENDATION_RE,
    SPEECH_VERBS,
)
from kg.extract.segment import Sentence, strip_markers

MAX_CLAIM_CHARS = 400


_STAT_SUBJECT = re.compile(
    r"^(?:(?:about|nearly|some|over|only|just|almost|roughly|around|fewer\s+than|more\s+than)"
    r"\s+)?"
    r"\d+(?:[.,]\d+)?\s*(?:%|per\s*cent|percent)\s+"
    r"(?:of\s+[\w\s]{1,40}?\s+)?[a-z]+"
)


def clean_text(text: str) -> str:
    return re.sub(r"\s+", " ", strip_markers(text)).strip()


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
        if word not in NOUN_LIKE_CUES or re.match(r"\s*(?:that\b|:)", text[m.end() :]):
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


def trim(body: str, start: int, end: int) -> tuple[int, int]:
    """Trim spaces, list bullets and a trailing comma or colon from a span."""
    while start < end and (body[start].isspace() or body[start] in "-•*–"):
        start += 1
    while end > start and (body[end - 1].isspace() or body[end - 1] in ",;:"):
        end -= 1
    return start, end


def split_long(body: str, start: int, end: int) -> list[tuple[int, int]]:
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
            return [trim(body, s, e) for s, e in pieces if e > s]
    return [(start, start + MAX_CLAIM_CHARS)]


def standalone_quote(body: str, sent: Sentence, q_start: int) -> bool:
    """A quotation is a claim of its own when it opens the sentence or follows a cue and a comma or colon
    ('said, "..."'); a fragment quoted inside a reported sentence stays part of that sentence."""
    before = body[sent.start : max(sent.start, q_start - 1)].rstrip()
    if not before.strip(" -–—•*"):
        return True
    if before.endswith((",", ":")):
        return True
    return bool(re.search(r"\b(?:said|says|added|stated|wrote|declared|told\s+\w+|asked)\s*$", before))


def frame_without_quotes(body: str, sent: Sentence, quotes: list[tuple[int, int]]) -> tuple[int, int] | None:
    """The part of a sentence before its first quotation, when it says something of its own
    ("Putin added that Russia has no intention of going to war ... and said, “...”")."""
    first = quotes[0][0] - 1  # the opening quotation mark
    start, end = trim(body, sent.start, first)
    frame = body[start:end]
    frame = re.sub(
        r"(?:,?\s*(?:and|but)?\s*\b(?:" + "|".join(SPEECH_VERBS) + r")\b(?:\s+\w+){0,2}\s*[,:]?\s*)$", "", frame
    )
    words = re.findall(r"\w+", frame)
    if len(words) < 8 or not re.search(r"\bthat\b|\bas\b", frame):
        return None
    return start, start + len(frame.rstrip(" ,:"))
