"""clauses: the clause that tells of a happening — its verb of happening (not a state, a measurement or a
hypothesis) and the span around a date that names it."""

from __future__ import annotations

import re
from collections.abc import Iterator

from kg.lexicon import words
from kg.text.dates import DateMatch

# Irregular participles of happening ("He was sworn in on 20 May 2024"); "given", "known" and "seen" are left out.
_PARTICIPLES = words("happening-participles")


_PAST_IRREGULAR = words("happening-past-tenses")


# Participles that describe a state or a measurement, not something that happened.
_NOT_HAPPENINGS = words("not-happenings")


CLAUSE_SPLIT = re.compile(r";\s+|:\s+|,\s+(?:and|but|while|whereas|then|although|though)\s+|\.\s+|\s+[—–]\s+")


REPORT_FRAME = re.compile(
    r"^.*?\b(?:said|says|told\s+\w+(?:\s+\w+)?|added(?!(?:\s+(?!that\b)[\w\-%$€£.]+){1,8}\s+(?:to|into)\s)|argued|warned|noted|wrote|stated|insisted|recalled)"
    r"(?:\s+(?:on|in|last|this)\s+[\w ]{0,20}?)?\s+(?:that\s+)?",
    re.IGNORECASE,
)


UNREAL = re.compile(
    r"\b(?:will|would|could|(?-i:may)(?!\s+\d)|might|should|must|can|cannot|can't|won't|if|unless|until)\b", re.I
)


_APPOSITIVE_PART = re.compile(r"(?:(?:[a-z]+(?:ed|en)|which|who)\b|[A-Z][\w\-]*['’]s\s+[a-z]+,)")
"""A comma part that is an aside: "adopted in June 2024", "which troops occupied", "Ruritania's largest"."""


_IN_FORCE = re.compile(r"\s+(?:effect|into\s+(?:force|effect))\b")


_DETERMINER_BEFORE = re.compile(r"\b(?:a|an|the|its|their|his|her|our|this|these|those)\s+$", re.I)


_STATIVE_BEFORE = re.compile(r"\b(?:is|are|be|being|already|still|remain|remains)\s+$", re.I)


def happening_verb(clause: str, start: int = 0) -> re.Match[str] | None:
    """The first past-tense verb of happening in ``clause`` (not a state, a measurement or a hypothesis),
    from ``start`` on."""
    for m in re.finditer(r"[A-Za-z][\w'’\-]*", clause):
        if m.start() < start:
            continue
        w = m.group(0)
        if not w[0].islower() or w in _NOT_HAPPENINGS:
            continue
        if w in ("takes", "enters", "comes", "goes") and _IN_FORCE.match(clause, m.end()):
            return m  # "takes effect on 29 January": a dated happening, though in the present tense
        if w in _PAST_IRREGULAR or w in _PARTICIPLES or (w.endswith("ed") and len(w) > 4):
            if _STATIVE_BEFORE.search(clause[: m.start()]) or _DETERMINER_BEFORE.search(clause[: m.start()]):
                continue  # "is based", "an overcrowded boat"
            return m
    return None


def without_dates(text: str, dates: list[DateMatch], start: int, end: int, mark: str = " ") -> str:
    """``text[start:end]`` with its date phrases blanked out (each character replaced by ``mark``)."""
    out = text[start:end]
    for d in sorted((d for d in dates if start <= d.start and d.end <= end), key=lambda d: -d.start):
        out = out[: d.start - start] + mark * (d.end - d.start) + out[d.end - start :]
    return out


def event_unit(text: str, splits: list[tuple[int, int]], start: int, end: int) -> tuple[int, int, re.Match[str]] | None:
    """The span naming the happening dated at ``start:end``: the comma-delimited part holding the date
    if it has a subject and a verb of happening (with the noun a "which" part hangs on), else the whole
    clause."""
    c_start = max([0, *(e for s, e in splits if e <= start)])
    c_end = min([len(text), *(s for s, e in splits if s >= end)])
    commas = [m.end() for m in re.finditer(r",\s+", text[c_start:c_end])]
    p_start = c_start + max([0, *(c for c in commas if c_start + c <= start)])
    p_end = c_start + min([c_end - c_start, *(c - 2 for c in commas if c_start + c - 2 >= end)])
    part = text[p_start:p_end]

    def part_before(pos: int) -> int:
        return c_start + max([0, *(c for c in commas if c_start + c < pos - 1)])

    if p_start > c_start and re.match(r"(?:which|who)\b", part) and happening_verb(part) is not None:
        # "..., the rebels, who proclaimed the republic on 1 October 1949": the relative clause's own
        # happening, named with the noun it hangs on (past an appositive: "Doe, his deputy, who took office")
        ante = _antecedent(text, c_start, p_start)
        if ante is not None:
            verb = happening_verb(text[ante:p_end], p_start - ante)
            if verb is not None:
                return ante, p_end, verb
    if p_start > c_start and re.match(r"(?:which|that|who)\b", part):
        p_start = part_before(p_start)
    verb = happening_verb(part := text[p_start:p_end])
    if verb is not None and re.search(
        r"\b(?!(?:was|were|is|are|had|has|have|been|be)\b)\w+\W+\w*$", part[: verb.start()]
    ):
        return p_start, p_end, verb
    if verb is not None and verb.start() < 3 and p_start > c_start:
        # "Amendments to the rules, adopted in June 2024, entered into force on 19 September 2025": the
        # subject is the part before a participial appositive
        # (or before an appositive and a relative clause: "the plant, Ruritania's largest, which troops have
        # occupied since 2022, lost its last power line on Monday")
        q_start = part_before(p_start)
        while q_start > c_start and _APPOSITIVE_PART.match(text, q_start) and q_start != part_before(q_start):
            s_start = part_before(q_start)
            if not _APPOSITIVE_PART.match(text, s_start):
                break
            q_start = s_start
        s_start = part_before(q_start)
        if (
            q_start > c_start
            and _APPOSITIVE_PART.match(text, q_start)
            and happening_verb(text[s_start:q_start]) is None
        ):
            verb = happening_verb(text[s_start:p_end], p_start - s_start)
            if verb is not None:
                return s_start, p_end, verb
    verb = happening_verb(text[c_start:c_end])
    return None if verb is None else (c_start, c_end, verb)


def last(matches: Iterator[re.Match[str]]) -> re.Match[str] | None:
    last = None
    for last in matches:  # noqa: B007 - the last one is wanted
        pass
    return last


def _antecedent(text: str, c_start: int, p_start: int) -> int | None:
    """Where the capitalised noun phrase a relative clause at ``p_start`` hangs on begins, skipping one
    appositive ("Governor Jane Roe, his former deputy, who ..."); None when there is none."""
    before = text[c_start:p_start].rstrip(" ,")
    appositive = re.search(r",\s+(?:his|her|its|their|the|a|an|[A-Z][\w\-]*['’]s)\s+[^,]{1,60}$", before)
    if appositive and happening_verb(appositive.group(0)) is None:
        before = before[: appositive.start()]  # ", his former deputy", ", Ruritania's largest"
    np = re.search(_CAP_NP + "$", before) or re.search(
        r"\b(?:[Tt]he|[Aa]n?)\s+(?:[A-Z][\w\-]*\s+){0,3}(?:[a-z][\w\-]*\s+){0,3}[a-z][\w\-]*$", before
    )
    if np is None:
        return None
    start = np.start()
    for _ in range(3):  # "the conflict in Borduria", "the Northern Court of Arbitration in Port Velm"
        head = _NP_HEAD.search(before, 0, start)
        if head is None:
            break
        start = head.start()
    return c_start + start


_CAP_NP = r"(?:[A-Z][\w\-.]*(?:['’]s)?\s+){0,5}(?:[A-Z][\w\-.]*|(?<=['’]s\s)[a-z][\w\-]*)"


_NP_HEAD = re.compile(
    r"(?:" + _CAP_NP + r"|\b(?:[Tt]he|[Aa]n?|[Ii]ts|[Hh]is|[Hh]er|[Tt]heir)\s+(?:[a-z][\w\-]*\s+){0,3}?[a-z][\w\-]*)"
    r"\s+(?:of|in|on|for|against|between|at)\s+(?:the\s+)?$"
)
