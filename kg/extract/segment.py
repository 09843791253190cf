"""segment: an article body -> blocks (paragraphs, headings, list items, tables, references) -> sentences.

Sentence splitting survives abbreviations ("U.S.", "Gen."), initials, footnote markers after the full
stop ("...in 1991.[3] Next"), quotations that span sentences, and curly or straight quotes. Every
offset is into the article body.
"""

from __future__ import annotations

import bisect
import itertools
import math
import re
from dataclasses import dataclass, field
from typing import Literal

from kg.lexicon import words

BlockKind = Literal["text", "list", "heading", "table", "reference"]

MARKER_RE = re.compile(
    r"\[(\d{1,3}(?:\s*[,–-]\s*\d{1,3})*)\]|(?<=[\w.,;:!?”\"’)])([¹²³⁴⁵⁶⁷⁸⁹⁰]+)"
    r"|(?<=[A-Za-z)\]”\"’%][.,;:])(\d{1,2})(?=\s+[A-Z“\"(]|\s*$)"
)
"""A footnote marker: ``[3]``, ``[3, 4]``, ``[3-5]``, superscript digits after a word or punctuation, or plain
digits glued to the punctuation that ends a sentence ("...in the village of Amberley.5 Security has ...")."""
_SUPERSCRIPT = str.maketrans("¹²³⁴⁵⁶⁷⁸⁹⁰", "1234567890")

_LIST_ITEM = re.compile(r"^\s*(?:[-•*▪◦‣–]|\(?\d{1,2}[.)]|\(?[a-z][.)])\s+")
_REFERENCE_ENTRY = re.compile(r"^\s*(?:\[(\d{1,3})\]|(\d{1,3})[.)]|\^(\d{1,3}))\s*\S")
_REFERENCE_HINT = re.compile(
    r"https?://|www\.|\bdate\s+of\s+access\b|\baccessed\b|\bretrieved\b|\bib[iı]d\b|\bop\.?\s*cit\b",
    re.IGNORECASE,
)
_REFERENCES_HEADING = re.compile(
    r"^\s*(?:references?|notes|end\s*notes|footnotes|sources|bibliography|works\s+cited|citations)\s*:?\s*$",
    re.IGNORECASE,
)
_TERMINAL = re.compile(r"[.!?…:;,]['\"’”)\]]*(?:\s*\[\d{1,3}\])*\s*$")

ABBREVIATIONS = words("abbreviations")
_SENTENCE_STARTERS = words("sentence-starters")
_WORD = re.compile(r"[\w’']+")
_OPENER = re.compile(r"(?:The|This|It|He|She|They|We|In|But|However)\b")
_GLUED_WORD = re.compile(r"[A-Z][a-z]*\s")
_GLUED_END = re.compile(r"[a-z]{3}[.!?]$")
_OPENING_QUOTES = '“«"'
_CLOSERS = "\"'’”»)]"


@dataclass(frozen=True, slots=True)
class Block:
    """A line of the body: a paragraph, heading, list item, table row or reference-list entry."""

    index: int
    start: int
    end: int
    kind: BlockKind
    text: str


@dataclass(frozen=True, slots=True)
class Sentence:
    """A sentence (or, for a long quotation, a part of one) with its quotations and footnote markers."""

    index: int
    start: int
    end: int
    text: str
    block: Block
    quotes: tuple[tuple[int, int], ...] = ()  # (start, end) of quoted text inside the marks, body offsets
    markers: tuple[tuple[int, int, tuple[int, ...]], ...] = ()  # (start, end, footnote numbers)
    first_in_block: bool = False
    last_in_block: bool = False


@dataclass
class Segmentation:
    blocks: list[Block] = field(default_factory=list)
    sentences: list[Sentence] = field(default_factory=list)
    references_start: int | None = None  # body offset where a reference list starts, if any


def marker_numbers(text: str) -> tuple[int, ...]:
    """Footnote numbers in a marker body: ``"3, 4"`` -> (3, 4); ``"3-5"`` -> (3, 4, 5)."""
    text = text.translate(_SUPERSCRIPT)
    numbers: list[int] = []
    for part in re.split(r"\s*,\s*", text):
        bounds = re.split(r"\s*[–-]\s*", part)
        if len(bounds) == 2 and bounds[0].isdigit() and bounds[1].isdigit():
            low, high = int(bounds[0]), int(bounds[1])
            if 0 < high - low <= 20:
                numbers.extend(range(low, high + 1))
                continue
        if part.isdigit():
            numbers.append(int(part))
    return tuple(numbers)


def strip_markers(text: str) -> str:
    """Remove footnote markers (before any date or number is read from the text).

    >>> strip_markers("the end of the Cold War in 1991.[3] Then 1989[2] and 2%,[8] too¹.")
    'the end of the Cold War in 1991. Then 1989 and 2%, too.'
    """
    return MARKER_RE.sub("", text)


def mask_markers(text: str) -> str:
    """Footnote markers replaced by spaces (offsets stay aligned).

    >>> mask_markers("in 1991.[3] Then")
    'in 1991.    Then'
    """
    return MARKER_RE.sub(lambda m: " " * len(m.group(0)), text)


def inside(pos: int, spans: tuple[tuple[int, int], ...]) -> bool:
    """Is ``pos`` inside one of ``spans`` (e.g. a sentence's quotations: sorted and disjoint)?

    >>> inside(5, ((0, 3), (4, 9))), inside(3, ((0, 3), (4, 9)))
    (True, False)
    """
    i = bisect.bisect_right(spans, (pos, math.inf)) - 1
    return i >= 0 and spans[i][0] <= pos < spans[i][1]


def _classify(lines: list[tuple[int, int, str]]) -> list[Block]:
    blocks: list[Block] = []
    in_references = False
    for index, (start, end, text) in enumerate(lines):
        stripped = text.strip()
        kind: BlockKind
        if _REFERENCES_HEADING.match(stripped):
            in_references = True
            kind = "heading"
        elif (m := _REFERENCE_ENTRY.match(stripped)) and (
            in_references or (_REFERENCE_HINT.search(stripped) and (m.group(1) or len(stripped) < 600))
        ):
            kind = "reference"
            in_references = in_references or bool(m.group(1))
        elif stripped.count("|") >= 2 or re.fullmatch(r"[-|:\s]{3,}", stripped):
            kind = "table"
        elif _LIST_ITEM.match(text):
            kind = "list"
        elif _is_heading(stripped):
            kind = "heading"
        else:
            kind = "text"
        blocks.append(Block(index=index, start=start, end=end, kind=kind, text=text))
    return blocks


def _is_heading(text: str) -> bool:
    words = text.split()
    if not words:
        return False
    if _TERMINAL.search(text):
        return text.endswith("?") and len(words) <= 14 and not any(q in text for q in '“"')
    return len(words) <= 20


def quote_spans(text: str, offset: int = 0) -> list[tuple[int, int]]:
    """Quoted passages of one block: (start, end) of the text between the marks, body offsets.

    Curly quotes and guillemets pair by direction; straight double quotes pair in order. Single quotes
    are ignored (they double as apostrophes).

    >>> quote_spans('He said, “We will respond. Soon,” and left. "Fine" too.')
    [(10, 32), (45, 49)]
    >>> quote_spans('“We will go on. And on.')  # continues in the next paragraph
    [(1, 23)]
    """
    spans: list[tuple[int, int]] = []
    stack: list[int] = []
    straight_open: int | None = None
    for i, ch in enumerate(text):
        if ch in "“«":
            stack.append(i)
        elif ch in "”»":
            if stack:
                start = stack.pop()
                if not stack:
                    spans.append((start + 1, i))
        elif ch == '"':
            if straight_open is None:
                straight_open = i
            else:
                spans.append((straight_open + 1, i))
                straight_open = None
    # a paragraph that opens a quotation and does not close it continues the quotation into the next
    # paragraph (the newspaper convention): the rest of the paragraph is quoted
    lead = len(text) - len(text.lstrip())
    unclosed = stack[0] if stack else straight_open
    opens_sentence = unclosed is not None and (unclosed == lead or re.search(r"[.!?]['’”\"]?\s+$", text[:unclosed]))
    if unclosed is not None and opens_sentence and not any(s <= unclosed < e for s, e in spans):
        end = len(text.rstrip())
        spans.append((unclosed + 1, end))
    spans = [(s, e) for s, e in spans if 0 < e - s <= 2000]
    spans.sort()
    merged: list[tuple[int, int]] = []
    for s, e in spans:
        if merged and s < merged[-1][1]:
            continue
        merged.append((s, e))
    return [(s + offset, e + offset) for s, e in merged]


def _boundary_ok(text: str, dot: int, after: int) -> bool:
    """Is the ``.``/``!``/``?`` at ``dot`` the end of a sentence, given the next token starts at ``after``?"""
    ch = text[dot]
    if after >= len(text):
        return True
    nxt = text[after]
    if not (nxt.isupper() or nxt.isdigit() or nxt in _OPENING_QUOTES or nxt in "‘([" or not nxt.isalnum()):
        return False
    if ch != ".":
        return True
    # the word before the full stop (scanned backwards: a search over text[:dot] is quadratic in long paragraphs)
    begin = dot
    while begin > 0 and (text[begin - 1].isalnum() or text[begin - 1] in "_."):
        begin -= 1
    word = text[begin:dot]
    low = word.lower().rstrip(".")
    if re.fullmatch(r"(?:[A-Za-z]\.)+[A-Za-z]", word) or re.fullmatch(r"[A-Z]", word):
        # U.S. / U.K. / an initial: a boundary only if a typical sentence opener follows
        next_word = _WORD.match(text, after)
        return bool(next_word and next_word.group(0).lower() in _SENTENCE_STARTERS and len(word) > 1)
    if low in ABBREVIATIONS:
        return (
            low in {"inc", "ltd", "corp", "co", "jr", "sr", "al", "est"}
            and nxt.isupper()
            and bool(_OPENER.match(text, after))
        )
    return not (word.isdigit() and len(word) <= 2 and nxt.isdigit())


def _split_block(block: Block, start_index: int) -> list[Sentence]:
    text = block.text
    quotes = quote_spans(text)
    inside = [False] * (len(text) + 1)
    long_quote = [False] * (len(text) + 1)
    for s, e in quotes:
        for i in range(s, e):
            inside[i] = True
            long_quote[i] = e - s > 400
    cuts: list[int] = []
    i = 0
    n = len(text)
    while i < n:
        ch = text[i]
        if ch in ".!?…":
            j = i + 1
            while j < n and text[j] in ".!?…":
                j += 1
            while j < n and text[j] in _CLOSERS:
                j += 1
            while True:
                m = MARKER_RE.match(text, j)
                if not m or m.start() != j:
                    break
                j = m.end()
                while j < n and text[j] in ".,":
                    j += 1
            k = j
            while k < n and text[k].isspace():
                k += 1
            glued = (
                k == j
                and k < n
                and text[k].isupper()
                and _GLUED_WORD.match(text, k) is not None
                and _GLUED_END.search(text, max(0, i - 3), i + 1) is not None
            )
            closes_quote = any(text[c] in '”»"' and not inside[c] for c in range(i + 1, j))
            quoted = inside[i] and not long_quote[i] and not closes_quote
            if (k > j or k >= n or glued) and not quoted and _boundary_ok(text, i, k):
                cuts.append(j)
                i = k
                continue
            i = j
            continue
        i += 1
    first = 0
    if block.kind == "list" and (lm := _LIST_ITEM.match(text)):
        first = lm.end()
    bounds = [first, *[c for c in cuts if c > first], n]
    sentences: list[Sentence] = []
    pieces = list(itertools.pairwise(bounds))
    for a, b in pieces:
        raw = text[a:b]
        lead = len(raw) - len(raw.lstrip())
        trail = len(raw.rstrip())
        if trail <= lead:
            continue
        s, e = a + lead, a + trail
        abs_s, abs_e = block.start + s, block.start + e
        sent_quotes = tuple(
            (block.start + max(qs, s), block.start + min(qe, e)) for qs, qe in quotes if qs < e and qe > s
        )
        markers = tuple(
            (block.start + m.start(), block.start + m.end(), marker_numbers(m.group(1) or m.group(2) or m.group(3)))
            for m in MARKER_RE.finditer(text, s, e)
        )
        sentences.append(
            Sentence(
                index=start_index + len(sentences),
                start=abs_s,
                end=abs_e,
                text=text[s:e],
                block=block,
                quotes=sent_quotes,
                markers=tuple(mk for mk in markers if mk[2]),
            )
        )
    if sentences:
        sentences[0] = _replace(sentences[0], first_in_block=True)
        sentences[-1] = _replace(sentences[-1], last_in_block=True)
    return sentences


def _replace(sentence: Sentence, **changes: bool) -> Sentence:
    values = {name: getattr(sentence, name) for name in Sentence.__slots__}
    values.update(changes)
    return Sentence(**values)


def segment(body: str) -> Segmentation:
    """Blocks and sentences of an article body. Headings, tables and references are not split."""
    lines: list[tuple[int, int, str]] = []
    pos = 0
    for line in body.split("\n"):
        if line.strip():
            lines.append((pos, pos + len(line), line))
        pos += len(line) + 1
    seg = Segmentation(blocks=_classify(lines))
    for block in seg.blocks:
        if block.kind == "reference" and seg.references_start is None:
            seg.references_start = block.start
        if block.kind in ("text", "list"):
            seg.sentences.extend(_split_block(block, len(seg.sentences)))
    return seg
