"""dates: one event or one happening given two dates that cannot both hold.

Dated events are blocked by event: wars whose participant sets nest count as one war; kinds that recur
under one name (summits, elections) never conflict, only :data:`ONE_OFF_EVENT_KINDS`. The same one-off
happening told in other words ("the operation was launched on 3 March" / "the operation, launched in
May") is compared by its clauses: verbs of things that happen once to what they name (signed, founded,
began, ...), when the clauses share a name and most of their words; weekdays are resolved against the
article's date, and a relative clause tells what it dates.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterator, Sequence
from dataclasses import replace
from itertools import combinations

from kg.contradict.clauses import (
    MIN_SHARED_STATEMENT_WORDS,
    MIN_STATEMENT_OVERLAP,
    Statement,
    clauses_of,
    relative_clauses,
    statement,
)
from kg.contradict.context import Context, Item, allowed
from kg.contradict.pairing import Budget, Candidate, candidate, confidence, counterparts, rare_word_pairs, voices
from kg.contradict.wording import date_text, others, surface
from kg.contradict.words import alternatives, plain_words
from kg.lexicon import entries, words
from kg.models import DateStatement, DateValue
from kg.text.dates import find_dates

__all__ = ["ONE_OFF_EVENT_KINDS", "date_candidates", "dates_conflict", "happening_candidates"]

ONE_OFF_EVENT_KINDS = frozenset(
    {
        "war",
        "invasion",
        "annexation",
        "founding",
        "dissolution",
        "end",
        "fall",
        "treaty",
        "declaration",
        "occupation",
        "launch",
        "incident",
        "accession",
    }
)
"""Event kinds that happen once per key, so two different dates for one of them conflict (an accession
only when its key names the member: one state joins an organisation once). Kinds that
recur under one key (summits, elections, enlargement rounds, sanctions, interventions, crises) never
give a date conflict: two dates usually mean two events of the same type."""

_ONE_OFF = words("contradict-one-off-verbs")
"""Stems of verbs naming something that happens once to what the clause names."""
_AGAIN = re.compile(rf"\b(?:{alternatives(entries('contradict-recurrence'))})\b", re.IGNORECASE)
"""A happening that recurs ("again", "a second", "new")."""
_PHASE = re.compile(
    rf"\b(?:{alternatives(entries('contradict-phases'))})\b[^.;]*?\b(1[89]\d\d|20\d\d)\b", re.IGNORECASE
)
"""A later phase of something under way, and its year ("escalated dramatically in 2022"): group 1."""


def phase_year(text: str) -> str | None:
    """The year a claim gives a later phase of what it dates ("began in 2014 and escalated in 2022").

    >>> phase_year("The conflict, which began in 2014 and escalated sharply in 2022, goes on.")
    '2022'
    """
    m = _PHASE.search(text)
    return m.group(1) if m else None


def _scope(entries: Sequence[tuple[Item, DateStatement]], later: DateValue) -> Item | None:
    """The claim among ``entries`` (dating a start) that gives a later phase in the year of ``later``: the two
    dates then likely tell the start and the escalation of one conflict, a difference of scope."""
    return next((item for item, _ in entries if phase_year(item.claim.text) == later.value[:4]), None)


def dates_conflict(a: DateValue, b: DateValue) -> bool:
    """Whether two dates given for the same one-off event cannot both hold.

    Different years conflict; within one year, months conflict only when both give a month, days
    only when both give a day.

    >>> y, d = DateValue(value="2022", precision="year"), DateValue(value="2022-02-24", precision="day")
    >>> dates_conflict(y, d), dates_conflict(DateValue(value="2014", precision="year"), d)
    (False, True)
    """
    pa, pb = (
        a.value.split("-") if not a.value.startswith("-") else [a.value],
        b.value.split("-") if not b.value.startswith("-") else [b.value],
    )
    common = min(len(pa), len(pb))
    return pa[:common] != pb[:common]


def date_candidates(items: Sequence[Item], ctx: Context) -> Iterator[Candidate]:
    """A one-off event dated twice, by two parties, with dates that cannot both hold."""
    block: dict[str, list[tuple[Item, DateStatement]]] = defaultdict(list)
    for item in items:
        seen: set[tuple[str, str]] = set()
        for dated in item.claim.dates:
            event = ctx.events.get(dated.event)
            if event is None or event.kind not in ONE_OFF_EVENT_KINDS:
                continue
            if event.kind == "accession" and len(event.participants) < 2:
                continue  # "the accession of new members": several events under one key
            key = ctx.canonical.get(dated.event, dated.event)
            if (key, dated.date.value) in seen:
                continue
            seen.add((key, dated.date.value))
            block[key].append((item, dated))
    for key in sorted(block):
        by_value: dict[str, list[tuple[Item, DateStatement]]] = defaultdict(list)
        for entry in block[key]:
            by_value[entry[1].date.value].append(entry)
        if len(by_value) < 2:
            continue
        sides = {value: voices(group) for value, group in by_value.items()}
        for va, vb in combinations(sorted(by_value), 2):
            da, db = by_value[va][0][1].date, by_value[vb][0][1].date
            if not dates_conflict(da, db):
                continue
            early, late = (va, vb) if va < vb else (vb, va)
            scoped = _scope(by_value[early], by_value[late][0][1].date)
            for said_a, said_b in counterparts(sides[va], sides[vb], allowed):
                (a, sa), (b, sb) = said_a.first, said_b.first
                na, nb = said_a.count, said_b.count
                if (b.claim.article_id, b.claim.span.start) < (a.claim.article_id, a.claim.span.start):
                    a, b, sa, sb, na, nb = b, a, sb, sa, nb, na
                ea, eb = sa.event, sb.event
                when_b = date_text(sb.date).split(" ", 1)[1]
                dates = "date" if b.plural else "dates"
                name_a, name_b = ctx.labels.get(ea, ea), ctx.labels.get(eb, eb)
                same = "" if ea == eb else " (the same war)" if ctx.events[ea].kind == "war" else ""
                verb = "began" if ctx.events[ea].kind in ("war", "invasion") else "happened"
                text = (
                    f"{a.voice_label} {a.says} the {name_a} {verb} {date_text(sa.date)}; "
                    f"{b.voice_label} {dates} the {name_b}{same} to {when_b}."
                    + others(na - 1, a.voice_label)
                    + others(nb - 1, b.voice_label)
                )
                years = abs(int(da.value[:4].lstrip("-") or 0) - int(db.value[:4].lstrip("-") or 0))
                factor = 1.0 if years else 0.85
                direct = 0
                if scoped is not None:
                    # "began in 2014 and escalated in 2022" against "the 2022 war": a war since 2014 against
                    # its escalation, more likely a difference of scope than two dates for one start
                    direct = int(scoped in (a, b))
                    factor *= 0.6
                    began, escalated = by_value[early][0][1].date, by_value[late][0][1].date
                    text += (
                        f" {scoped.voice_label} also {'say' if scoped.plural else 'says'} it escalated in "
                        f"{late[:4]}: this is at most a difference of scope (what began {date_text(began)} "
                        f"against its escalation {date_text(escalated)})."
                    )
                yield candidate(
                    "value",
                    a,
                    b,
                    ("date", key),
                    confidence(0.85, a, b, factor),
                    text,
                    compared=f"{sa.date.value} vs {sb.date.value}",
                    direct=direct,
                )


def _dated_statements(items: Sequence[Item], ctx: Context) -> Iterator[tuple[Statement, DateValue]]:
    """Each factual clause telling of a one-off happening, named, with exactly one date."""
    for item in items:
        if item.claim.modality != "factual":
            continue
        reference = ctx.published.get(item.claim.article_id)
        for clause in (*clauses_of(item, ctx), *relative_clauses(item)):
            text, negated, found, names, rebuts = clause
            if negated or rebuts or not (found & _ONE_OFF) or not names:
                continue
            dated = find_dates(text, reference, weekdays=True)
            if len(dated) != 1:
                continue  # no date, or several: which one is the happening's is not clear
            yield replace(statement(item, clause), words=plain_words(found)), dated[0].date


def _dated_apart(x: tuple[Statement, DateValue], y: tuple[Statement, DateValue]) -> bool:
    """Whether two dated clauses of two parties give dates that cannot both hold."""
    return allowed(x[0].item, y[0].item) and dates_conflict(x[1], y[1])


def _one_happening(x: Statement, y: Statement, shared: frozenset[str]) -> bool:
    """Whether two clauses of two parties tell of one happening."""
    a, b = x.item, y.item
    if not shared & _ONE_OFF or not x.names & y.names:
        return False
    named = len(x.names & y.names) >= 2  # a name of two words or more: one name, one happening
    # within one article, two speakers dating the same verb done to the same named place or thing ("the
    # boat set sail from the port on Tuesday" / "had left the port on Monday night") tell of one happening
    least = 2 if a.claim.article_id == b.claim.article_id else MIN_SHARED_STATEMENT_WORDS
    if len(shared) < least or (
        not named
        and (
            len(shared) < 0.5 * min(len(x.words), len(y.words))
            or len(shared) < MIN_STATEMENT_OVERLAP * len(x.words | y.words)
        )
    ):
        return False
    if not (x.names <= y.every or y.names <= x.every):
        return False  # each names someone or somewhere the other does not
    return not (_AGAIN.search(x.text) or _AGAIN.search(y.text))  # a happening that recurs


def happening_candidates(items: Sequence[Item], ctx: Context) -> Iterator[Candidate]:
    """The same one-off happening in other words, on two dates that cannot both hold."""
    dated = list(_dated_statements(items, ctx))
    budget = Budget()
    for (x, date_x), (y, date_y), shared in rare_word_pairs(dated, lambda e: e[0].words, _dated_apart):
        a, b = x.item, y.item
        if not _one_happening(x, y, shared):
            continue
        if not budget.take(a.voice, b.voice):
            continue
        if b.order < a.order:
            x, y, a, b, date_x, date_y = y, x, b, a, date_y, date_x
        explain = (
            f"{a.voice_label} {a.says} “{x.text}”; {b.voice_label} {b.says} “{y.text}”: the same happening "
            f"({surface(shared, y.text)}) dated {date_text(date_x)} and {date_text(date_y)}."
        )
        yield candidate(
            "value",
            a,
            b,
            ("date", *sorted(shared)),
            confidence(0.6, a, b, min(1.0, len(shared) / max(1, len(x.words | y.words)) + 0.3)),
            explain,
            compared=f"{date_x.value} vs {date_y.value}",
        )
