"""dates: calendar dates in text and headers, kept at the precision the text gives.

Shared by ingest (``published`` headers) and extract (dates of events). Footnote markers must be
removed before calling :func:`find_dates` so that ``in 1991.[3]`` is never read as a day or a year.
"""

from __future__ import annotations

import calendar
import datetime as _dt
import re
from dataclasses import dataclass

from kg.lexicon import entries
from kg.models import DateValue

MONTH_NAMES: tuple[str, ...] = entries("months")
"""The months of the year, January first: the one table of month names that kg's rules use."""
WEEKDAY_NAMES: tuple[str, ...] = entries("weekdays")
"""The days of the week, Monday first."""
MONTH_NAME_RE = "|".join(MONTH_NAMES)
"""The month names as alternatives of a regular expression (the caller groups them)."""
WEEKDAY_NAME_RE = "|".join(WEEKDAY_NAMES)
"""The weekday names as alternatives of a regular expression (the caller groups them)."""

MONTHS: dict[str, int] = {}
"""Month names and their abbreviations, lower case, -> the month's number."""
for _number, _name in enumerate(MONTH_NAMES, 1):
    MONTHS[_name.lower()] = _number
    MONTHS[_name[:3].lower()] = _number
MONTHS["sept"] = 9
_WEEKDAYS = [name.lower() for name in WEEKDAY_NAMES]

_MONTH = r"(?P<month>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
_YEAR = r"(?P<year>1[5-9]\d\d|20\d\d)"
_DAY = r"(?P<day>[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"

# Order matters: the most precise forms first; each pattern is tried at every position.
_PATTERNS = [
    re.compile(r"\b(?P<year>\d{4})-(?P<month>\d\d)-(?P<day>\d\d)\b"),
    re.compile(rf"\b{_MONTH}\s+{_DAY},?\s+{_YEAR}\b", re.IGNORECASE),
    re.compile(rf"\b{_DAY}\s+(?:of\s+)?{_MONTH},?\s+{_YEAR}\b", re.IGNORECASE),
    re.compile(
        rf"\b(?:(?:early|mid|late|the\s+end\s+of|the\s+beginning\s+of)[\s-]+)?{_MONTH},?\s+(?:of\s+)?{_YEAR}\b",
        re.IGNORECASE,
    ),
    re.compile(r"\b(?P<day>[0-3]?\d)\.(?P<month>[01]?\d)\.(?P<year>\d{4})\b"),
    re.compile(rf"\b(?:mid|early|late)-{_YEAR}\b(?![.,]\d|\s*%|-\d|/\d)", re.IGNORECASE),
    re.compile(rf"(?<![\d.,/$€£-])\b{_YEAR}\b(?![.,]\d|\s*%|-\d|/\d|\s*(?:per\s*cent|percent))"),
]
_DAY_MONTH = [
    re.compile(rf"\b{_DAY}\s+(?:of\s+)?(?=(?-i:[A-Z])){_MONTH}(?![\w.]|[\s,]+(?:of\s+)?\d)", re.IGNORECASE),
    re.compile(rf"\b(?=(?-i:[A-Z])){_MONTH}\s+{_DAY}\b(?![\s,]*\d|\s*%)", re.IGNORECASE),
]
_MONTH_PAIR = re.compile(
    r"\b(?P<month>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?\s*(?:and|or|to|through|until|–|-)\s*"
    r"(?=(?P<month2>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?,?\s+" + _YEAR + r"\b)",
    re.IGNORECASE,
)
"""The first month of a pair that shares a year: "January" in "January and September 2022"."""
_RELATIVE = re.compile(r"\b(?P<which>last|this|next|previous)\s+(?P<unit>year|month)\b", re.IGNORECASE)
_WEEKDAY = re.compile(
    r"\b(?:on|before\s+dawn|early|late|since|last)\s+"
    r"(?P<weekday>" + WEEKDAY_NAME_RE + r")\b(?!\s*,?\s*(?:\d|" + MONTH_NAME_RE + r"))"
)
_DAY_BEFORE = re.compile(r"\b(?:yesterday|last\s+week)\b", re.IGNORECASE)
_BARE_MONTH = re.compile(
    r"\b(?i:in|since|by|until|from|last|this|early|mid|late)[\s-]+(?P<month>" + MONTH_NAME_RE + r")\b(?![\s,]+\d)"
)


_FUTURE = re.compile(
    r"\b(?:will|shall|(?:is|are)\s+(?:next\s+)?(?:due|set|scheduled|expected|planned)\s+to|opens|begins|starts|"
    r"takes\s+place|(?:is|are)\s+to|next|upcoming|coming)\b",
    re.IGNORECASE,
)


def _ahead(text: str, pos: int) -> bool:
    """Whether the clause before ``pos`` speaks of what is to come ("will meet in November", "is due to
    meet on April 5", "opens in November"): a month still to come is then this year's, not last year's."""
    window = text[max(0, pos - 100) : pos]
    clause = re.split(r"[.;:!?]\s|,\s+(?:but|and|while|after|when|although)\s", window)[-1]
    return bool(_FUTURE.search(clause))


@dataclass(frozen=True)
class DateMatch:
    start: int
    end: int
    date: DateValue
    relative: bool = False


def _make(year: int, month: int | None = None, day: int | None = None) -> DateValue | None:
    if not 1 <= year <= 9999:
        return None
    if month is None:
        return DateValue(value=f"{year:04d}", precision="year")
    if not 1 <= month <= 12:
        return None
    if day is None:
        return DateValue(value=f"{year:04d}-{month:02d}", precision="month")
    if not 1 <= day <= calendar.monthrange(year, month)[1]:
        return None
    return DateValue(value=f"{year:04d}-{month:02d}-{day:02d}", precision="day")


def _from_match(m: re.Match[str]) -> DateValue | None:
    groups = m.groupdict()
    year = int(groups["year"])
    month_text = groups.get("month")
    month = None
    if month_text is not None:
        month = int(month_text) if month_text.isdigit() else MONTHS.get(month_text.lower().rstrip("."))
        if month is None:
            return None
    day = int(groups["day"]) if groups.get("day") else None
    return _make(year, month, day)


def find_dates(text: str, reference: DateValue | None = None, weekdays: bool = False) -> list[DateMatch]:
    """Every date in ``text``, left to right, without overlaps, most precise reading first.

    ``reference`` (the article's publication date) resolves "last year", "this month", "on 19 November"
    (this year's, or last year's when that month is still to come). With ``weekdays``
    and a reference day, "on Wednesday" is the latest such weekday on or before the reference (the news
    convention for the past week); off by default, as a weekday in a forecast would be read wrongly.

    >>> [m.date.value for m in find_dates("signed on February 24, 2022, not in June 1997 or 1999")]
    ['2022-02-24', '1997-06', '1999']
    >>> [m.date.value for m in find_dates("spend 2% of GDP, 4,500 troops, 2019-2020 budget")]
    []
    >>> [m.date.value for m in find_dates("coups in January and September 2022, between May and June 2023")]
    ['2022-01', '2022-09', '2023-05', '2023-06']
    """
    taken = bytearray(len(text))  # 1 where a date was found: a linear scan of a list was quadratic in long texts
    found: list[DateMatch] = []
    for pattern in _PATTERNS:
        for m in pattern.finditer(text):
            if 1 in taken[m.start() : m.end()]:
                continue
            date = _from_match(m)
            if date is not None:
                taken[m.start() : m.end()] = b"\x01" * (m.end() - m.start())
                found.append(DateMatch(m.start(), m.end(), date))
    for m in _MONTH_PAIR.finditer(text):
        month, month2 = MONTHS[m.group("month").lower()], MONTHS[m.group("month2").lower()]
        if month < month2 and 1 not in taken[m.start() : m.end("month")]:
            date = _make(int(m.group("year")), month)
            if date is not None:
                taken[m.start() : m.end("month")] = b"\x01" * (m.end("month") - m.start())
                found.append(DateMatch(m.start(), m.end("month"), date))
    if reference is not None:
        ref_year = int(reference.value[:4])
        for m in _RELATIVE.finditer(text):
            if 1 in taken[m.start() : m.end()]:
                continue
            shift = {"last": -1, "previous": -1, "this": 0, "next": 1}[m.group("which").lower()]
            if m.group("unit").lower() == "year":
                date = _make(ref_year + shift)
            elif reference.precision != "year":
                month = int(reference.value[5:7]) + shift
                year = ref_year + (month - 1) // 12
                date = _make(year, (month - 1) % 12 + 1)
            else:
                date = None
            if date is not None:
                found.append(DateMatch(m.start(), m.end(), date, relative=True))
        ref_month = int(reference.value[5:7]) if reference.precision != "year" else None
        for pattern in _DAY_MONTH:  # "on 19 November", "Nov. 19": this year's, unless the month is still to come
            for m in pattern.finditer(text):
                if ref_month is None or 1 in taken[m.start() : m.end()]:
                    continue
                month = MONTHS[m.group("month").lower()]
                ahead = month > ref_month and _ahead(text, m.start())
                date = _make(ref_year if month <= ref_month or ahead else ref_year - 1, month, int(m.group("day")))
                if date is not None:
                    taken[m.start() : m.end()] = b"\x01" * (m.end() - m.start())
                    found.append(DateMatch(m.start(), m.end(), date, relative=True))
        for m in _BARE_MONTH.finditer(text):
            if ref_month is None or 1 in taken[m.start("month") : m.end()]:
                continue
            month = MONTHS[m.group("month").lower()]
            last = m.group(0).lower().startswith("last")
            ahead = not last and month > ref_month and _ahead(text, m.start())
            year = ref_year if (month <= ref_month and not last) or ahead else ref_year - 1
            date = _make(year, month)
            if date is not None:
                found.append(DateMatch(m.start("month"), m.end(), date, relative=True))
        if weekdays and reference.precision == "day":
            ref_day = _dt.date(int(reference.value[:4]), int(reference.value[5:7]), int(reference.value[8:10]))
            for m in _DAY_BEFORE.finditer(text):  # "yesterday"; "last week": the month, if the whole week is in it
                if 1 in taken[m.start() : m.end()] or ref_day.toordinal() <= 7:
                    continue
                if m.group(0).lower() == "yesterday":
                    day = ref_day - _dt.timedelta(days=1)
                    date = _make(day.year, day.month, day.day)
                else:
                    monday = ref_day - _dt.timedelta(days=ref_day.weekday() + 7)
                    sunday = monday + _dt.timedelta(days=6)
                    date = (
                        _make(monday.year, monday.month)
                        if (monday.year, monday.month) == (sunday.year, sunday.month)
                        else _make(monday.year)
                        if monday.year == sunday.year
                        else None
                    )
                if date is not None:
                    found.append(DateMatch(m.start(), m.end(), date, relative=True))
            for m in _WEEKDAY.finditer(text):
                back = (ref_day.weekday() - _WEEKDAYS.index(m.group("weekday").lower())) % 7
                day = ref_day - _dt.timedelta(days=back)
                found.append(DateMatch(m.start("weekday"), m.end(), _make(day.year, day.month, day.day), relative=True))  # type: ignore[arg-type]
    found.sort(key=lambda d: d.start)
    return found


def parse_date(text: str) -> DateValue | None:
    """A header date such as ``2024-03-01``, ``2024-03-01T09:30:00Z``, ``March 1, 2024`` or ``2024``.

    Returns None when the text holds no date or anything besides one date (and a time of day).

    >>> parse_date("2024-03-01T09:30:00+02:00").value
    '2024-03-01'
    >>> parse_date("1 March 2024").value
    '2024-03-01'
    >>> parse_date("yesterday") is None
    True
    """
    text = text.strip()
    iso = re.match(r"^(\d{4})(?:-(\d\d)(?:-(\d\d))?)?(?:[T ][\d:.]+(?:Z|[+-]\d\d:?\d\d)?)?$", text)
    if iso:
        year, month, day = iso.groups()
        return _make(int(year), int(month) if month else None, int(day) if day else None)
    matches = find_dates(text)
    if len(matches) != 1:
        return None
    rest = (text[: matches[0].start] + text[matches[0].end :]).strip(" ,")
    if rest and not re.fullmatch(r"(?:\w+day,?\s*)?(?:at\s+)?[\d:.\s]*(?:am|pm|AM|PM|GMT|UTC|[A-Z]{2,4})?", rest):
        return None
    return matches[0].date
