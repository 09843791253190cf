"""lists: happenings counted in a list with their dates ("five coups: two in Arland (August 2020 and May
2021), ..."), and dates shifted by an interval ("twenty days before ...")."""

from __future__ import annotations

import calendar
import datetime as _dt
import re

from kg.extract.actors import ArticleActors
from kg.extract.events.records import DatedEvent, EventMention
from kg.iris import mint
from kg.lexicon import table
from kg.models import DateValue
from kg.text.dates import MONTH_NAMES, find_dates

NUMBER_WORDS = {word: int(number) for word, number in table("number-words").items()}


INTERVAL = re.compile(
    r",?\s+(?P<n>\d{1,3}|" + "|".join(NUMBER_WORDS) + r")\s+(?P<unit>day|week|month|year)s?\s+"
    r"(?P<direction>before|after)\s+",
    re.IGNORECASE,
)


def shift(date: DateValue, interval: re.Match[str]) -> DateValue | None:
    """The date of a happening ``interval`` ("twenty days before X", "a day after X") away from ``date``, at the
    precision both ends of ``date``'s span agree on (a day after "April 2025" is in 2025, not surely in April)."""
    n_text = interval.group("n").lower()
    n = int(n_text) if n_text.isdigit() else NUMBER_WORDS[n_text]
    sign = 1 if interval.group("direction").lower() == "before" else -1
    year = int(date.value[:4])
    month = int(date.value[5:7]) if date.precision != "year" else None
    first = _dt.date(year, month or 1, int(date.value[8:10]) if date.precision == "day" else 1)
    if date.precision == "day":
        last = first
    elif month is not None:
        last = _dt.date(year + month // 12, month % 12 + 1, 1) - _dt.timedelta(days=1)
    else:
        last = _dt.date(year, 12, 31)
    unit = interval.group("unit").lower()

    def move(day: _dt.date) -> _dt.date:
        if unit in ("day", "week"):
            return day + _dt.timedelta(days=sign * n * (7 if unit == "week" else 1))
        months = day.year * 12 + day.month - 1 + sign * n * (12 if unit == "year" else 1)
        y, m = divmod(months, 12)
        return _dt.date(y, m + 1, min(day.day, calendar.monthrange(y, m + 1)[1]))

    try:
        lo, hi = move(first), move(last)
    except (OverflowError, ValueError):
        return None
    if lo == hi:
        return DateValue(value=lo.isoformat(), precision="day")
    if (lo.year, lo.month) == (hi.year, hi.month):
        return DateValue(value=lo.isoformat()[:7], precision="month")
    return DateValue(value=f"{lo.year:04d}", precision="year") if lo.year == hi.year else None


_COUNT = r"(?:one|two|three|four|five|six|seven|eight|nine|ten|\d{1,2})"


_LIST_HEAD = re.compile(r"\b(?P<noun>[a-z]{3,}s)\s*:\s+(?=" + _COUNT + r"\s+(?:in|on|at|against)\s)")


_LIST_ITEM = re.compile(
    r"(?P<count>" + _COUNT + r")\s+(?:in|on|at|against)\s+"
    r"(?P<place>(?:the\s+)?[A-Z][\w'’\-]*(?:\s+[A-Z][\w'’\-]*){0,3})"
    r"\s*(?:\((?P<paren>[^()]{3,80})\)|,?\s+(?:on|in)\s+(?P<tail>[^,;.()]{3,40}?))"
    r"(?=\s*(?:,|;|\.|\band\b|$))"
)


_LIST_SEPARATOR = re.compile(r"\s*(?:,\s*(?:and\s+)?|;\s*(?:and\s+)?|\s+and\s+)")


def listed_events(text: str, offset: int, actors: ArticleActors, reference: DateValue | None) -> list[DatedEvent]:
    """Happenings counted in a list with their dates: "five coups: two in Arland (August 2020 and May 2021), two in
    Belmar (January and September 2022) and one in Corvia, on 26 July 2023" (one event per date, named by
    the singular noun, the place and the date; an item whose count is not its number of dates is left out)."""
    out: list[DatedEvent] = []
    for head in _LIST_HEAD.finditer(text):
        noun = head.group("noun")[:-1]
        pos = head.end()
        while item := _LIST_ITEM.match(text, pos):
            group = "paren" if item.group("paren") else "tail"
            found = find_dates(item.group(group), reference)
            found = [d for d in found if not d.relative or d.date.precision != "year"]
            count = item.group("count").lower()
            if len(found) == (int(count) if count.isdigit() else NUMBER_WORDS[count]):
                place = re.sub(r"^the\s+", "", item.group("place"))
                for d in found:
                    year, month, day = [*d.date.value.split("-"), None, None][:3]
                    when = " ".join(
                        x for x in (day and str(int(day)), month and MONTH_NAMES[int(month) - 1], year) if x
                    )
                    name = f"{noun.capitalize()} in {place}, {when}"
                    named = actors.within(offset + item.start("place"), offset + item.end("place"))
                    participants = tuple(dict.fromkeys(m.key for m in named))
                    mention = EventMention(
                        offset + item.start(),
                        offset + item.end(),
                        mint("event-topic", "happening", name),
                        noun,
                        name,
                        participants,
                    )
                    out.append(DatedEvent(mention, d.date))
            sep = _LIST_SEPARATOR.match(text, item.end())
            if sep is None:
                break
            pos = sep.end()
    return out
