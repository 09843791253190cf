"""happenings: dated happenings the typed patterns do not know ("In July 2023, soldiers toppled President
Doe"): the words around the date name the event."""

from __future__ import annotations

import re

from kg.extract.actors import ArticleActors
from kg.extract.events.clauses import (
    CLAUSE_SPLIT,
    REPORT_FRAME,
    UNREAL,
    event_unit,
    happening_verb,
    last,
    without_dates,
)
from kg.extract.events.lists import INTERVAL, listed_events, shift
from kg.extract.events.records import DatedEvent, EventMention
from kg.iris import mint
from kg.models import DateValue
from kg.text.dates import DateMatch, find_dates

_STATE_SINCE = re.compile(
    r"\b(?:has|have|had)\s+(?:been\s+)?(?:occupied|controlled|ruled|governed|administered|applied|blockaded|besieged|"
    r"detained|jailed|imprisoned|banned|suspended|frozen|closed|shut|halted)\s+(?:[^\s,;]+\s+){0,4}?since\s+$"
)
"""A state begun at the date that follows: "which Bordurian forces have occupied since March 2022"."""


_RANGE_ON = re.compile(r"\s*(?:[–\-/]\d|and\b|to\b)")


_IN_FORCE_SINCE = re.compile(
    r"(?:,\s*|\s+(?:has|have|had)\s+been\s+|\s+(?:is|are|was|were)\s+)in\s+(?:force|effect|place)\s+since\s+$"
)


_PARTICIPIAL_APPOSITIVE = re.compile(
    r"(?P<appositive>(?:,\s+(?:[a-z]+(?:ed|en)|in\s+(?:force|effect|place)|which|who|[A-Z][\w\-]*['’]s)\b[^,]{0,80})+,)\s+"
    r"(?:(?:was|were|is|are|(?:has|have|had)\s+been)\s+)?$"
)


_NAME_OPENER = re.compile(
    r"^(?:(?:(?:\w+|a)\s+(?:days?|weeks?|months?|years?)\s+(?:after|before)|(?:\w+\s+)?(?:days|weeks|months|years)\s+later,?|in|on|by|after|before|when|since|under|until|during|as|between|and|but|of|then|according\s+to\s+[^,]+,)\s+)+",
    re.IGNORECASE,
)


_LEAD_SUBORDINATE = re.compile(
    r"^[\s,]*(?:(?:in|on|at|by|during|early|late|mid|the\s+end\s+of)\s+)*\x00*[\s,]*"
    r"(?P<sub>(?:(?:\w+|a)\s+(?:days?|weeks?|months?|years?|decades?)\s+(?:after|before)|after|before|following|when|"
    r"while|once)\s+[^,;]{3,140}?),\s+",
    re.IGNORECASE,
)
"""A subordinate phrase before the main clause ("after the review,", "twenty days before troops crossed,")."""


_DATELINE = re.compile(r"^(?:[A-Z][A-Z .'’-]+,[^—–\-(]{0,30}?)?(?:\s*\([^)]*\))?\s*[—–-]+\s*")


_DATE_PHRASE = re.compile(
    r"(?:\b(?:in|on|since|by|for|from|during|until|between|of|at|early|late|mid|before\s+dawn|"
    r"(?:at\s+)?the\s+(?:end|start|beginning|turn)\s+of)\s+)*(?:\d{1,2}\s*(?:and|to|–|-)\s*)?\x00+"
    r"(?:[–\-/]\d{1,4}\b)?(?:\s*(?:and|to|–|-)\s*\x00+(?:[–\-/]\d{1,4}\b)?)*",
    re.IGNORECASE,
)
"""A date blanked with NUL characters and the prepositions that lead to it, for removal from a name."""


_LOWER_APPOSITIVE = re.compile(
    r"\s*(?:most|many|some|all|several|both|none|one|two|three)\s+of\s+them\s+[a-z]+\s*,"
    r"\s+(?:near|in|at|on|off|outside|from)\s[^,]*(?:,|$)"
)
"""", most of them tourists, near ...": an aside inside the happening's place phrase."""


_NAME_APPOSITIVE = re.compile(r"\s*(?:the\s+)?(?:[A-Z][\w\-’'.]*\s+){0,5}[A-Z][\w\-’'.]*\s*(?:,|$)")


_ABBREVIATION = re.compile(r"(?:\b[A-Z]\.[A-Z]|\b(?:Mr|Mrs|Ms|Dr|St|Gen|Col|Lt|Sgt|No|vs|Jr|Sr))$")


_AND_VERB = re.compile(r"\s+and\s+(?:then\s+|later\s+|also\s+)?(?P<verb>[a-z][a-z]*)\b(?!-)")


_SUBORDINATOR = re.compile(r"\b(?:after|when|because|once)\s+(?!(?:\w+\s+){0,2}?(?:days?|weeks?|months?|years?)\b)")


_AND_SAID = re.compile(
    r",?\s+and\s+(?:then\s+)?(?:said|told|added|argued|warned|noted|wrote|stated|insisted|declared|announced)\b"
)


_CLAUSE_COMMA = re.compile(r",(?!\d)")


_WHEN = re.compile(r",?\s+when\s+")


def generic_dated_events(
    text: str, offset: int, actors: ArticleActors, reference: DateValue | None, taken: set[int], scope: str = ""
) -> list[DatedEvent]:
    """A dated happening the typed patterns do not know ("In July 2023, soldiers toppled President
    Doe", "the regulator fined the utility £122.7m in 2025"): the words around the date name the event.

    Dates already given to a typed event (``taken``: their start offsets in ``text``) are skipped. The span
    (see :func:`event_unit`) must report something that happened: a past-tense verb of happening, not a
    measurement ("prices doubled"), a state ("in force since 1949") or a hypothesis ("if no deal is
    reached"). The date of an utterance ("said on Monday that ...") dates no event. One event per span,
    dated by its date nearest the verb; its name is the span without dates, reporting frame, openers,
    a leading subordinate phrase and asides (appositives, participial phrases), up to 20 words.

    A clause can hold more than one dated happening: a when-clause after a date ("on November 8, when
    Borduria started ..."), a happening an interval away ("On 4 February 2022, twenty days before troops
    crossed ...": 24 February), a who/which clause with its own date (named with the noun it hangs on), a
    subordinate clause holding the date ("died after a boat capsized before dawn Thursday"), a coordinated
    verb with its own date ("declared ... in August 2024 and lifted ... in September 2025"). A state dates
    its start: "X, in force since D" gives "X took effect"; "which forces have occupied since D". Items
    counted in a list with dates ("five coups: two in Arland (August 2020 and May 2021), ...") are events."""
    splits = [
        (m.start(), m.end())
        for m in CLAUSE_SPLIT.finditer(text)
        if not (m.group(0).startswith(".") and _ABBREVIATION.search(text, max(0, m.start() - 4), m.start()))  # "U.S."
    ]
    dates = find_dates(text, reference, weekdays=True)
    units: dict[int, tuple[int, int, list[DateMatch]]] = {}  # by the verb's offset: span and dates
    since: list[tuple[int, DateMatch, str]] = []  # "X, in force since D": where X starts, D and X
    skips: dict[int, tuple[int, int]] = {}  # by a second verb's offset: the first verb's phrase, left out of its name
    stops: dict[int, int] = {}  # by a first verb's offset: where its name ends (" and <second verb>")
    for dm in dates:
        if dm.start in taken or (dm.relative and dm.date.precision == "year" and "year" not in text[dm.start : dm.end]):
            continue
        when = _WHEN.match(text, dm.end)
        interval = INTERVAL.match(text, dm.end)
        inner_span = None
        if when or interval:
            # "on November 8, when Borduria started a flushing operation": the when-clause happened then; "On 4
            # February 2022, twenty days before troops crossed the border": the crossing is 20 days later
            w_start = (when or interval).end()  # type: ignore[union-attr]
            w_end = min([len(text), *(s for s, e in splits if s >= w_start)])
            clause = text[w_start:w_end]
            verb = happening_verb(clause)
            shifted = dm if when else DateMatch(dm.start, dm.end, shift(dm.date, interval), True)  # type: ignore[arg-type]
            if (
                verb is not None
                and shifted.date is not None
                and re.search(r"\w", clause[: verb.start()])
                and not UNREAL.search(clause)
            ):
                units.setdefault(w_start + verb.start(), (w_start, w_end, []))[2].append(shifted)
                inner_comma = _CLAUSE_COMMA.search(text, w_start + verb.end(), w_end)
                inner_span = (w_start, inner_comma.start() if inner_comma else w_end)
        w0 = max(0, dm.start - 120)
        before = text[w0 : dm.start]  # a window: sentences can be long
        force = _IN_FORCE_SINCE.search(before)
        if force and not _RANGE_ON.match(text, dm.end):
            # "The price cap, in force since December 2022, remains": the state began with a happening
            f_start = w0 + force.start()
            c_start = max([0, *(e for s, e in splits if e <= f_start)])
            commas = [c.end() for c in re.finditer(r",\s+", text[c_start:f_start])]
            s_start = c_start + max(commas) if commas and force.group(0).startswith(",") else c_start
            subject = text[s_start:f_start].strip()
            if re.match(r"(?:[Tt]he\s+|[Ii]ts\s+|[Tt]heir\s+)?[A-Z]?[\w\-]+\s+\S", subject) and not happening_verb(
                subject
            ):
                since.append((s_start, dm, subject))
        if re.search(r"\bsince\s+$", before) and not _STATE_SINCE.search(before):
            continue  # "in force since 1949": a state, not the date of a happening
        unit = event_unit(text, splits, dm.start, dm.end)
        if unit is None:
            continue
        a, b, verb = unit
        if inner_span is not None and inner_span[0] <= a + verb.start() < inner_span[1]:
            # the verb of the when-clause is not the main clause's: "..., twenty days before troops crossed the
            # border, the leaders declared ..."
            main_verb = happening_verb(text[a:b], inner_span[1] - a)
            if main_verb is None:
                continue
            verb = main_verb
        said = _AND_SAID.search(text, a + verb.end(), b)
        if said and dm.end <= said.start():  # "He was sworn in on 20 May and said ...": the date is not the saying's
            b = said.start()
        frame = REPORT_FRAME.match(text[a:b])
        body = a + (frame.end() if frame else 0)
        if dm.start < body or UNREAL.search(without_dates(text, dates, body, a + verb.end())):
            continue  # the date of a statement, or something that may happen
        second = _AND_VERB.search(text, a + verb.end(), dm.start)
        if second is not None:
            v2 = happening_verb(second.group("verb"))
            own = [d for d in dates if a + verb.end() <= d.start and d.end <= second.start()]
            if v2 is not None and own and not _AND_VERB.search(text, second.end(), dm.start):
                # "The agency declared mpox an emergency in August 2024 and lifted the declaration in September 2025":
                # the second verb has its own date and its own event, with the subject of the first
                units.setdefault(second.start("verb"), (a, b, []))[2].append(dm)
                skips[second.start("verb")] = (a + verb.start(), second.start("verb"))
                stops[a + verb.start()] = second.start()
                continue
        subordinate = last(_SUBORDINATOR.finditer(text, a + verb.end(), dm.start))
        if subordinate is not None:
            # "27 people died after a boat carrying migrants capsized before dawn Thursday off the island": the
            # subordinate clause holding the date is a happening of its own
            clause = text[subordinate.end() : dm.start]
            inner = happening_verb(clause)
            if (
                inner is not None
                and re.search(r"\w", clause[: inner.start()])
                and not re.search(r"\b(?:and|or|but)\s+$", clause[: inner.start()])  # "after coups and turned"
                and not UNREAL.search(clause)
            ):
                s_end = next((c.start() for c in _CLAUSE_COMMA.finditer(text, dm.end, b)), b)
                units.setdefault(subordinate.end() + inner.start(), (subordinate.end(), s_end, []))[2].append(dm)
                continue  # the date is the subordinate clause's, not the main verb's
        a0, b0, in_unit = units.setdefault(a + verb.start(), (a, b, []))
        in_unit.append(dm)
        if b - a < b0 - a0:
            units[a + verb.start()] = (a, b, in_unit)
    out: list[DatedEvent] = []
    for v_start, (a, b, in_unit) in units.items():
        frame = REPORT_FRAME.match(text[a:b])
        body = a + (frame.end() if frame else 0)
        v_end = v_start + len(re.match(r"[\w'’\-]*", text[v_start:]).group(0))  # type: ignore[union-attr]
        dm = min(in_unit, key=lambda d: (d.start < v_start, d.start - v_end if d.start >= v_start else v_start - d.end))
        inside = last(_SUBORDINATOR.finditer(text, body, v_start))
        if inside is not None and dm.start >= inside.end() and re.search(r"\w", text[inside.end() : v_start]):
            body = inside.end()  # "27 died after a boat capsized before dawn Thursday": the boat capsized then
        name = without_dates(text, dates, body, min(b, stops.get(v_start, b)), mark="\x00")  # aligned with text[body:b]
        if v_start in skips:
            k0, k1 = (max(0, k - body) for k in skips[v_start])
            name = name[:k0] + " " * (k1 - k0) + name[k1:]
        verb_end = v_end - body
        participial = _PARTICIPIAL_APPOSITIVE.search(name[: v_start - body])
        if participial:  # "Amendments to the rules, adopted in June 2024, entered into force": the appositive goes
            p0, p1 = participial.span("appositive")
            name = name[:p0] + " " * (p1 - p0) + name[p1:]
        lead = _LEAD_SUBORDINATE.match(name)
        if lead and not lead.start("sub") <= dm.start - body < lead.end("sub"):
            # "On 4 February 2022, twenty days before troops crossed the border, X and Y declared ...": the date
            # belongs to the main clause, which names the event
            main = happening_verb(name[lead.end() :])
            if main is not None and re.search(r"\w", name[lead.end() : lead.end() + main.start()]):
                name = " " * lead.end() + name[lead.end() :]
                verb_end = lead.end() + main.end()
        if re.match(r",\s+[a-z]+ing\b", name[verb_end:]):
            verb_end += 1  # "Verdi also tried, telephoning Rell": the verb has no object of its own
        comma = next(  # "..., taking the policy rate to 15%" is not the happening; "9,000" has no clause comma
            (c.start() for c in re.finditer(r",(?!\d)", name) if c.start() >= max(0, verb_end)), -1
        )
        while comma > 0 and (
            (appositive := _NAME_APPOSITIVE.match(name, comma + 1))
            or (appositive := _LOWER_APPOSITIVE.match(name, comma + 1))
        ):
            comma = next((c.start() for c in re.finditer(r",(?!\d)", name) if c.start() >= appositive.end() - 1), -1)
            # ", Operation Northern Shield," names it: kept
        if comma > 0:
            name = name[:comma]
        name = _DATE_PHRASE.sub(" ", name).replace("\x00", " ")  # "between 2021 and June 2024", "for 2026–27"
        name = re.split(r",?\s+according\s+to\b", name, maxsplit=1)[0]
        name = re.sub(r",(?:\s*,)+", ",", name)  # "Months later, in April 1979, the Assembly ...": the date's commas
        name = _DATELINE.sub("", name)
        name = re.sub(r"[\[\]()“”\"]", "", name)
        name = re.sub(
            r"\b(?:in|on|since|by|of|from|during|until|between|and|early|late|mid|the\s+end\s+of|this\s+year|"
            r"so\s+far|before\s+dawn)\s*(?=[,.;]|\s*$)",
            "",
            re.sub(r"\s+", " ", name).strip(),
            flags=re.IGNORECASE,
        )
        name = _NAME_OPENER.sub("", re.sub(r"\s+", " ", name).strip(" ,.;:-–—"))
        name = re.sub(r"(?:\s+(?:in|on|since|by|of|from|between|and|again|the|a|an))+$", "", name, flags=re.I)
        name = name.strip(" ,")
        tokens = name.split()
        if len(tokens) < 3:
            continue
        name = " ".join(tokens[:20])
        name = name[0].upper() + name[1:]
        participants = tuple(dict.fromkeys(m.key for m in actors.within(offset + a, offset + b)))
        # a happening told in a clause is this article's own: the same words in another article ("The statement
        # was published on the ministry's website") tell of another happening (``scope``: the article's id)
        key = mint("event-topic", "happening", f"{scope} {name}" if scope else name)
        mention = EventMention(offset + a, offset + b, key, "happening", name, participants)
        out.append(DatedEvent(mention, dm.date))
    out.extend(listed_events(text, offset, actors, reference))
    for s_start, dm, subject in since:
        name = f"{subject[0].upper()}{subject[1:]} took effect"
        participants = tuple(dict.fromkeys(m.key for m in actors.within(offset + s_start, offset + dm.end)))
        key = mint("event-topic", "happening", name)
        mention = EventMention(offset + s_start, offset + dm.end, key, "happening", name, participants)
        out.append(DatedEvent(mention, dm.date))
    return out
