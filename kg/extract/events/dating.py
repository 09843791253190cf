"""dating: the date a sentence gives an event it names — right after the event phrase ("in 2014", ", which
began in 2014") or right before its head noun ("the 1991 dissolution")."""

from __future__ import annotations

import datetime as _dt
import re

from kg.extract.events.records import DatedEvent, EventMention
from kg.extract.lexicon import alternatives
from kg.models import DateValue
from kg.text.dates import WEEKDAY_NAME_RE, WEEKDAY_NAMES, DateMatch, find_dates

_NOT_START = re.compile(
    r"\b(?:escalat\w*|intensif\w*|continu\w*|expand\w*|grew|worsen\w*|ended|end|until|through|throughout|"
    r"reached|peaked|resumed|renewed|returned|remains?|since\s+then|after|before)\b|\bby\s*$",
    re.I,
)


_LINK = re.compile(
    r"^[\s,]*(?:(?:which|that)\s+)?(?:(?:was|were|had\s+been|has\s+been)\s+)?"
    r"(?:(?:officially|formally|first|finally)\s+)?(?:" + alternatives("dating-verbs") + r")?"
    r"\s*(?:by\s+\w+(?:\s+\w+)?\s+)?(?:in|on|of|since|from|during)?\s*"
    r"(?:early|mid|late)?[\s-]*$",
    re.I,
)


_YEAR_RANGE = re.compile(
    r"(?:(?<=\bof\s)|(?<=\bin\s)|(?<=\bfrom\s))(?P<year>1[5-9]\d\d|20\d\d)[–-](?P<end>\d\d|\d{4})\b(?![–-]\d)"
)


def _with_year_ranges(text: str, dates: list[DateMatch]) -> list[DateMatch]:
    """``dates`` and the first years of year ranges ("the war of 1894-95": 1894), which dates.py leaves
    alone as they are often fiscal years ("the 2019-2020 budget"); only after "of", "in" or "from"."""
    extra = []
    for m in _YEAR_RANGE.finditer(text):
        start, end = int(m.group("year")), m.group("end")
        last = int(end) if len(end) == 4 else start - start % 100 + int(end)
        if start < last <= start + 10 and not any(d.start < m.end() and m.start() < d.end for d in dates):
            extra.append(DateMatch(m.start(), m.end(), DateValue(value=f"{start:04d}", precision="year")))
    return sorted([*dates, *extra], key=lambda d: d.start)


_WEEKDAY_POSSESSIVE = re.compile(
    r"(?<!\bnext\s)(?<!\bahead\sof\s)(?<!\bbefore\s)(?<!\buntil\s)(?<!\bthis\s)"
    r"\b(?P<weekday>" + WEEKDAY_NAME_RE + r")['’]s\s+(?=[a-z])"
)


def _weekday_possessives(text: str, reference: DateValue | None) -> list[DateMatch]:
    """ "Sunday's summit": the latest such weekday on or before the article's day (as dates.py reads "on
    Sunday"), not after "next", "ahead of", "before", "until" or "this"."""
    if reference is None or reference.precision != "day":
        return []
    day = _dt.date.fromisoformat(reference.value)
    out = []
    for m in _WEEKDAY_POSSESSIVE.finditer(text):
        back = (day.weekday() - WEEKDAY_NAMES.index(m.group("weekday"))) % 7
        if day.toordinal() <= back:
            continue
        when = day - _dt.timedelta(days=back)
        out.append(DateMatch(m.start(), m.end("weekday"), DateValue(value=when.isoformat(), precision="day"), True))
    return out


def date_events(text: str, offset: int, events: list[EventMention], reference: DateValue | None) -> list[DatedEvent]:
    """Attach each date in the sentence to the event it dates: a date right after the event phrase
    ("in 2014", ", which began in 2014"), or right before its head noun ("the 1991 dissolution",
    "The February 24, 2022, Ruritania-Borduria War"). Sentence-opening adverbials ("In 2024, ...") date the
    statement, not an event, and "escalated in 2022" is not a start date."""
    if not events:
        return []
    out: list[DatedEvent] = []
    used: set[int] = set()
    for dm in _with_year_ranges(text, find_dates(text, reference) + _weekday_possessives(text, reference)):
        d_start, d_end = offset + dm.start, offset + dm.end
        best: tuple[int, EventMention] | None = None
        for e in events:
            if e.end <= d_start:
                between = text[e.end - offset : dm.start]
                if len(between) > 40 or not _LINK.match(between) or _NOT_START.search(between):
                    continue
                distance = d_start - e.end
            elif d_end <= e.end and d_start >= e.start - 30:
                # the date sits just before the event's head, inside or right before its phrase
                before = text[max(0, e.start - offset - 30) : e.start - offset] if d_end <= e.start else ""
                if (
                    d_end <= e.start
                    and not re.search(r"(?:the|The|\w['’]s)\s+$", text[: dm.start])
                    and not re.fullmatch(r"[\s,]*", text[dm.end : e.start - offset])
                ):
                    continue
                del before
                inner = text[dm.end : e.end - offset]
                if "," in inner.strip(", ") and len(inner) > 40:
                    continue
                distance = max(0, e.start - d_end)
            else:
                continue
            if best is None or distance < best[0]:
                best = (distance, e)
        if best is not None and dm.start not in used:
            opener = re.match(r"^\s*(?:In|As\s+of|By|Since|Until|Throughout|During)\s*$", text[: dm.start])
            if opener and best[1].start - offset > dm.end:
                continue
            used.add(dm.start)
            chosen = best[1]
            for e in events:  # every event named by the same phrase ("Arland, Borduria and ... joined the NAC in 1999")
                if e.start == chosen.start and e.end == chosen.end:
                    out.append(DatedEvent(e, dm.date))
    return out
