"""events: mentions of real-world events in a sentence, and the dates the sentence gives them.

Kinds: invasion, annexation, war, founding, dissolution (collapse/breakup), end and fall of named
things ("the end of the Cold War", "the fall of the Berlin Wall"), enlargement and accession, treaties
and declarations, summits, UN climate conferences (COP), interventions, sanctions, elections, named crises,
and dated happenings without a typed pattern (:func:`generic_dated_events`). An event's key is its
kind and participants (plus the year for kinds that recur, such as summits and enlargement rounds), so
the same event in several articles is one node and the dates each article gives stay comparable.
"""

from __future__ import annotations

import calendar
import datetime as _dt
import re
from collections.abc import Iterator
from dataclasses import dataclass

from kg.extract.actors import ArticleActors
from kg.iris import mint
from kg.lexicon import table, words
from kg.models import DateValue
from kg.text.dates import MONTH_NAME_RE, MONTH_NAMES, WEEKDAY_NAME_RE, WEEKDAY_NAMES, DateMatch, find_dates

RECURRING = {"summit", "election", "sanctions", "enlargement", "accession"}
_CAPNAME = r"(?:[A-Z][\w'’\-]*)(?:\s+(?:of\s+)?[A-Z][\w'’\-]*){0,4}"
_DET = r"(?:the\s+)?"


@dataclass(frozen=True, slots=True)
class EventMention:
    start: int  # body offsets of the phrase that names the event
    end: int
    key: str
    kind: str
    name: str
    participants: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class DatedEvent:
    event: EventMention
    date: DateValue


def _actor_at(actors: ArticleActors, start: int, end: int, kinds: set[str] | None = None) -> str | None:
    """The actor named in [start, end) (the first one; optionally of given kinds)."""
    for m in actors.within(start, end):
        if kinds is None or actors.actors[m.key].kind in kinds:
            return m.key
    return None


def _label(actors: ArticleActors, key: str) -> str:
    info = actors.actors.get(key)
    return info.label if info else key


_STATES = {"Country"}
_ORGS = {
    "Organization",
    "GovernmentOrganization",
    "MilitaryOrganization",
    "PoliticalParty",
    "NGO",
    "NewsMediaOrganization",
}

_INVASION = re.compile(r"\b(?:(?:full|large)[\s-]scale\s+)?(?:invasion|invaded|invade|invading)\b(?:\s+of)?", re.I)
_ANNEX = re.compile(r"\b(?:annexation|annexed|annexing|annex)\b(?:\s+of)?", re.I)
_WAR = re.compile(
    r"\b(?P<named>(?:[A-Z][\w'’]*[\-–])?[A-Z][\w'’]*\s+War(?:\s+(?:I{1,3}|One|Two|[12]))?)\b"
    r"|\b(?:war|conflict|hostilities|fighting)\s+(?:in|against|on|with|over)\s+(?:the\s+)?(?P<where>[A-Z][\w'’\-]*)"
    # (helper-analysis, issue 4) a sentence-initial determiner is not an adjective: without the lookahead
    # "The conflict" consumed the text and "conflict in Ukraine, which began in 2014" was never matched
    r"|\b(?!(?:The|This|That|A|An|Its|Their|Our|Any)\s)(?P<adj>[A-Z][\w'’\-]*)\s+(?:war|conflict)\b",
)
_FOUNDING_NOUN = re.compile(
    r"\b(?:founding|foundation|establishment|formation|creation|birth|inception)\s+of\s+" + _DET, re.I
)
_FOUNDING_VERB = re.compile(
    r"(?:,[^,]{0,80},\s*|\s*\([A-Z]{2,8}\),?\s*|\s*,\s*|\s+)(?:which\s+was\s+|that\s+was\s+|was\s+|were\s+)?"
    r"(?:officially\s+|formally\s+|first\s+)?(?:established|founded|created|formed|set\s+up|launched|born|initiated)"
    r"\b",
    re.I,
)
_END_NOUN = re.compile(
    r"\b(?P<trigger>dissolution|collapse|breakup|break-up|disintegration|demise|disbandment|dismantling|fall|end)"
    r"\s+of\s+" + _DET,
    re.I,
)
_END_POSSESSIVE = re.compile(
    r"^['’]s\s+(?P<trigger>dissolution|collapse|breakup|break-up|disintegration|demise|"
    r"disbandment|end|fall)\b",
    re.I,
)
_ENLARGE = re.compile(
    r"\b(?:(?:eastward|eastern|further|continued|latest|first|second|next)\s+)?"
    r"(?P<trigger>expansion|enlargement|expand|expanded|expanding|enlarged)\b",
    re.I,
)
_ACCESSION = re.compile(r"\b(?:joined|join|joining|accession\s+to|accession\s+of|became\s+members?\s+of)\b", re.I)
_TREATY = re.compile(
    r"\b(?P<name>(?P<kind2>Treaty|Declaration|Convention|Charter|Protocol|Memorandum|Peace)\s+of\s+[A-Z][\w'’\-–]*"
    r"(?:\s+[A-Z][\w'’\-–]*)?)|\b(?P<name2>(?:[A-Z][\w'’\-–]*\s+){1,5}(?P<kind>Declaration|Treaty|Accords?|"
    r"Agreements?|Act|Memorandum|Protocol|Charter|Convention|Communiqu[eé]|Statute|Deal))\b"
)
_MONTH_NAME = r"(?:" + MONTH_NAME_RE + r")\b"
_SUMMIT = re.compile(
    r"\b(?:(?P<pre>[A-Z][\w'’\-]*(?:\s+[A-Z][\w'’\-]*)?)\s+)?(?i:summit)"
    r"(?:\s+in\s+(?!" + _MONTH_NAME + r")(?P<where>(?:The\s+)?[A-Z][\w'’\-]*))?"
)
_COP = re.compile(
    r"\b(?P<name>COP\s?(?P<number>\d{1,2}))\b(?:\s+(?:climate\s+)?(?i:summit|conference|talks))?"
    r"(?:,?\s+in\s+(?!" + _MONTH_NAME + r")(?P<place>[A-Z][\w'’\-]*)(?:,\s+[A-Z][\w'’\-]*(?=,))?)?"
)
_INTERVENTION = re.compile(r"\b(?i:intervention)\s+in\s+(?:the\s+)?(?P<where>[A-Z][\w'’\-]*(?:\s+[A-Z][\w'’\-]*)?)")
_SANCTIONS = re.compile(
    r"\b(?:imposed|imposes|impose|slapped|introduced|announced)\s+(?:[\w\-]+\s+){0,4}sanctions\b", re.I
)
_ELECTION = re.compile(
    r"\b(?:presidential|parliamentary|general|legislative|snap|midterm|federal|national|"
    r"local|regional|european\s+parliament)\s+elections?\b",
    re.I,
)
_JOINED = re.compile(
    r"\b(?:joined|join|joining|joins|became\s+(?:a\s+)?(?:full\s+)?members?\s+of|"
    r"(?:has|have|had)\s+been\s+(?:a\s+)?members?\s+of|admitted\s+(?:in)?to)\s+(?:the\s+)?",
    re.I,
)
_ACCESSION_NOUN = re.compile(r"\b(?:accession|admission|entry)\s+of\s+(?:the\s+)?", re.I)
_AGREEMENT_LOWER = re.compile(
    r"\b(?P<name>(?:[Tt]he\s+)?(?:[A-Z][\w'’\-–]*\s+){1,3}(?:(?:grain|gas|transit|peace|nuclear|trade|security|"
    r"ceasefire|minerals|arms|border)\s+)?(?:accords?|agreements?|deal|memorandum|ceasefire|truce|treaty|pact|"
    r"protocol|declaration|joint\s+statement|communiqu[eé])(?:\s+(?:I{1,3}|II|2))?)\b"
)
_SANCTIONS_PACKAGE = re.compile(
    r"\b(?P<ordinal>\d{1,2}(?:st|nd|rd|th)|first|second|third|fourth|fifth|sixth|seventh|"
    r"eighth|ninth|tenth|latest|new)\s+(?:package\s+of\s+sanctions|sanctions\s+package)\b",
    re.I,
)
_DAMAGE = re.compile(
    r"\b(?:[Tt]he\s+)?(?P<name>[A-Z][\w\-]*(?:\s+[A-Z0-9][\w\-]*){0,2}\s+(?:(?:gas|oil|power|data|telecom|undersea|"
    r"subsea)\s+)?(?:pipelines?|cables?|interconnector|bridge|dam|plant|terminal|refinery|port|line))"
    r"(?:\s+(?:between|in|off|near|linking|connecting|from|to)\s+[^,.;]{1,60}?)?(?:,[^,]{1,80})?,?\s*(?:which\s+|that\s+)?"
    r"(?:was|were|had\s+been|has\s+been)\s+(?:badly\s+|severely\s+|partly\s+)?"
    r"(?:damaged|severed|ruptured|destroyed|attacked|sabotaged|cut|hit|struck|blown\s+up|breached)\b"
)
_EXPLOSIONS = re.compile(
    r"\b(?!The\s)(?P<name>[A-Z][\w\-]*(?:\s+[A-Z][\w\-]*){0,2})\s+(?:pipeline\s+)?"
    r"(?:explosions?|blasts?|sabotage)\b"
)
_LAUNCHED = re.compile(
    r"\b(?:launched|launch\s+of|began|started)\s+(?:the\s+|a\s+|its\s+)?(?:new\s+)?"
    r"(?:(?:operation|mission|programme|program|initiative)\s+)?(?P<name>[A-Z][\w\-]*(?:\s+[A-Z][\w\-]*){1,3})"
)
_TALKS_IN = re.compile(
    r"\b(?i:talks|negotiations|meeting|summit|peace\s+talks)\s+in\s+(?!" + _MONTH_NAME + r")(?P<place>[A-Z][\w\-]*"
    r"(?:\s+[A-Z][\w\-]*)?)"
)
_CONFERENCE = re.compile(
    r"\b(?:the\s+)?(?P<name>(?:[A-Z][\w\-]*\s+){1,3}(?:Conference|Forum|Dialogue|Council\s+meeting))\b"
)
_OCCUPIED = re.compile(r"\boccupation\s+of\s+(?:the\s+)?(?P<name>[A-Z][\w\-]*(?:\s+[A-Z][\w\-]*){0,3})")
_CRISIS = re.compile(r"\b(?P<name>(?:[A-Z][\w'’\-]*\s+){1,3}[Cc]ris[ie]s)\b")
_NOT_WAR_NAMES = words("not-war-names")


_ANY_TRIGGER = re.compile(
    r"invasion|invad|annex|\bwar\b|War\b|conflict|hostilities|fighting|found|establish|formation|creation|birth|"
    r"inception|created|formed|set\s+up|launch|initiated|dissolution|collapse|breakup|break-up|disintegration|demise|"
    r"disband|dismantl|\bfall\b|\bend\b|expan|enlarg|join|accession|admission|entry\s+of|member|declaration|treaty|"
    r"accord|agreement|\bact\b|memorandum|protocol|charter|convention|communiqu|statute|\bdeal\b|ceasefire|truce|"
    r"\bpact\b|summit|intervention|sanctions|election|cris[ie]s|pipeline|cable|interconnector|bridge|\bdam\b|plant|"
    r"terminal|refinery|\bport\b|\bline\b|explosion|blast|sabotage|began|started|talks|negotiations|meeting|"
    r"conference|forum|dialogue|occupation|\bCOP\s?\d",
    re.IGNORECASE,
)


def find_events(text: str, offset: int, actors: ArticleActors) -> list[EventMention]:
    """Event mentions in one sentence. ``text`` has footnote markers masked; ``offset`` is its body offset."""
    found: list[EventMention] = []
    if not _ANY_TRIGGER.search(text):
        return found

    def add(start: int, end: int, kind: str, name: str, participants: tuple[str, ...], key: str) -> None:
        found.append(EventMention(offset + start, offset + end, key, kind, name, participants))

    def actor_before(pos: int, kinds: set[str] | None = None) -> tuple[str | None, int]:
        """An actor named just before ``pos`` ("Russia's", "Russian", "NATO-led")."""
        window = text[max(0, pos - 45) : pos]
        best = None
        for m in actors.within(offset + max(0, pos - 45), offset + pos):
            between = text[m.end - offset : pos]
            if re.fullmatch(
                r"(?:['’]s)?(?:\s+(?:\d{4}|\w+(?:-\w+)?))?(?:\s+\w+)?\s*|-led\s+|['’]s\s+\w+\s+", between
            ) and (kinds is None or actors.actors[m.key].kind in kinds):
                best = m
        del window
        return (best.key, best.start - offset) if best else (None, pos)

    def actor_after(pos: int, kinds: set[str] | None = None) -> tuple[str | None, int]:
        rest = text[pos : pos + 6]
        skip = len(rest) - len(rest.lstrip())
        target = offset + pos + skip
        for m in actors.within(target - 4, target + 60):
            if m.start <= target < m.end and (kinds is None or actors.actors[m.key].kind in kinds):
                if re.match(r" [A-Z][a-z]", text[m.end - offset : m.end - offset + 3]):
                    return None, pos  # the actor's name begins a longer name ("the Berlin Wall")
                return m.key, m.end - offset
        return None, pos

    def name_after(pos: int) -> tuple[str | None, int]:
        m = re.match(r"\s*(?:the\s+)?(" + _CAPNAME + ")", text[pos:])
        if not m:
            return None, pos
        return m.group(1), pos + m.end()

    for m in _INVASION.finditer(text):
        agent, a_start = actor_before(m.start(), _STATES)
        target, t_end = actor_after(m.end(), _STATES)
        if target is None:
            continue
        participants = tuple(k for k in (agent, target) if k)
        name = f"invasion of {_label(actors, target)}" + (f" by {_label(actors, agent)}" if agent else "")
        add(min(a_start, m.start()), t_end, "invasion", name, participants, mint("event", "invasion", target))

    for m in _ANNEX.finditer(text):
        agent, a_start = actor_before(m.start(), _STATES)
        target_key, t_end = actor_after(m.end())
        target_name = _label(actors, target_key) if target_key else None
        if target_name is None:
            target_name, t_end = name_after(m.end())
        if not target_name:
            continue
        participants = tuple(k for k in (agent, target_key) if k)
        name = f"annexation of {target_name}" + (f" by {_label(actors, agent)}" if agent else "")
        add(
            min(a_start, m.start()),
            t_end,
            "annexation",
            name,
            participants,
            mint("event-topic", "annexation", target_name),
        )

    for m in _WAR.finditer(text):
        if m.group("named"):
            named = m.group("named")
            head = re.sub(r"\s+War(?:\s+\S+)?$", "", named)
            parts = re.split(r"[\-–]", head)
            if parts[0] in _NOT_WAR_NAMES:
                continue
            keys = [
                _actor_at(
                    actors, offset + m.start() + named.find(p), offset + m.start() + named.find(p) + len(p), _STATES
                )
                for p in parts
            ]
            if all(keys) and len(keys) == 2:
                states = tuple(sorted(k for k in keys if k))
                add(
                    m.start(),
                    m.end(),
                    "war",
                    f"{'–'.join(_label(actors, k) for k in keys if k)} war",
                    states,
                    mint("event", "war", *states),
                )
            elif keys[0] is None:
                # "the First Sino-Japanese War", "the Second World War": the ordinal is part of the name
                ordinal = re.search(r"\b(?:First|Second|Third)\s+$", text[max(0, m.start() - 8) : m.start()])
                full = (ordinal.group(0) if ordinal else "") + named
                add(
                    m.start() - (len(ordinal.group(0)) if ordinal else 0),
                    m.end(),
                    "war",
                    full,
                    (),
                    mint("event-name", full),
                )
            continue
        where_text = m.group("where") or m.group("adj")
        group = "where" if m.group("where") else "adj"
        w_start = m.start(group)
        key = _actor_at(actors, offset + w_start, offset + w_start + len(where_text), _STATES)
        if key is None:
            continue
        agent, a_start = actor_before(m.start(), _STATES)
        participants = (*(k for k in (agent,) if k and k != key), key)
        add(
            min(a_start, m.start()),
            m.end(),
            "war",
            f"war in {_label(actors, key)}",
            participants,
            mint("event", "war", key),
        )

    for m in _FOUNDING_NOUN.finditer(text):
        org, o_end = actor_after(m.end(), _ORGS)
        if org:
            add(
                m.start(),
                o_end,
                "founding",
                f"founding of {_label(actors, org)}",
                (org,),
                mint("event", "founding", org),
            )
    for mention in actors.within(offset, offset + len(text)):
        if actors.actors[mention.key].kind not in _ORGS:
            continue
        rel_end = mention.end - offset
        fm = _FOUNDING_VERB.match(text, rel_end)
        if fm and re.match(r"\s+(?:in|on)\b", text[fm.end() : fm.end() + 4]):
            add(
                mention.start - offset,
                fm.end(),
                "founding",
                f"founding of {_label(actors, mention.key)}",
                (mention.key,),
                mint("event", "founding", mention.key),
            )
        em = _END_POSSESSIVE.match(text, rel_end)
        if em:
            _add_end(add, actors, mention.key, mention.start - offset, rel_end + em.end(), em.group("trigger"))
    for m in _END_NOUN.finditer(text):
        key, t_end = actor_after(m.end())
        if key is not None and actors.actors[key].kind in _STATES | _ORGS:
            _add_end(add, actors, key, m.start(), t_end, m.group("trigger"))
            continue
        thing, n_end = name_after(m.end())
        if thing and not key:
            trigger = m.group("trigger").lower()
            kind = "fall" if trigger == "fall" else "end"
            add(m.start(), n_end, kind, f"{kind} of the {thing}", (), mint("event-topic", kind, thing))

    for m in _ENLARGE.finditer(text):
        org, o_start = actor_before(m.start(), _ORGS)
        if org is None and re.match(r"\s+of\s+", text[m.end() : m.end() + 5]):
            org, _ = actor_after(m.end() + len(re.match(r"\s+of\s+(?:the\s+)?", text[m.end() :]).group(0)), _ORGS)  # type: ignore[union-attr]
            o_start = m.start()
        if org is None:
            continue
        add(
            min(o_start, m.start()),
            m.end(),
            "enlargement",
            f"enlargement of {_label(actors, org)}",
            (org,),
            mint("event", "enlargement", org),
        )

    for m in _TREATY.finditer(text):
        name = (m.group("name") or m.group("name2")).strip()
        words = name.split()
        while words and words[0] in {"The", "This", "That", "A", "An", "Its", "In", "With", "By"}:
            words.pop(0)
        if len(words) < 2:
            continue
        name = " ".join(words)
        start = m.end() - len(name)
        if any(
            mm.start - offset < m.end() and start < mm.end - offset
            for mm in actors.mentions
            if actors.actors[mm.key].kind in _ORGS
        ):
            continue  # an organisation named like a treaty ("Warsaw Pact", "North Atlantic Treaty Organization")
        kind = (m.group("kind") or m.group("kind2")).lower().rstrip("s")
        kind = "declaration" if kind == "declaration" else "treaty"
        add(
            start,
            m.end(),
            kind,
            name,
            tuple(mm.key for mm in actors.within(offset + start, offset + m.end())),
            mint("event-name", name),
        )

    for m in _INTERVENTION.finditer(text):
        where = m.group("where")
        w_key = _actor_at(actors, offset + m.start("where"), offset + m.end("where"))
        agent, a_start = actor_before(m.start())
        participants = tuple(k for k in (agent, w_key) if k)
        add(
            min(a_start, m.start()),
            m.end(),
            "intervention",
            f"intervention in {where}",
            participants,
            mint("event-topic", "intervention", where),
        )

    for m in _CRISIS.finditer(text):
        name = m.group("name")
        if name.split()[0] in {"The", "This", "A", "An"}:
            name = " ".join(name.split()[1:])
        if len(name.split()) < 2:
            continue
        add(m.end() - len(name), m.end(), "crisis", name, (), mint("event-name", name))

    for m in _SUMMIT.finditer(text):
        pre, where = m.group("pre"), m.group("where")
        place = where or pre
        if not place or place.lower() in {"the", "a", "this", "that", "next", "last", "annual"}:
            continue
        org = _actor_at(actors, offset + m.start(), offset + m.end(), _ORGS)
        add(
            m.start(), m.end(), "summit", f"{place} summit", (org,) if org else (), mint("event-topic", "summit", place)
        )

    for m in _SANCTIONS.finditer(text):
        imposer, i_start = None, m.start()
        for am in actors.within(offset + max(0, m.start() - 60), offset + m.start()):
            imposer, i_start = am.key, am.start - offset
        target = None
        tm = re.match(r"\s+(?:on|against)\s+", text[m.end() : m.end() + 12])
        if tm:
            target, _ = actor_after(m.end() + tm.end())
        if target is None:
            continue
        participants = tuple(k for k in (imposer, target) if k)
        add(
            min(i_start, m.start()),
            m.end(),
            "sanctions",
            f"sanctions against {_label(actors, target)}",
            participants,
            mint("event", "sanctions", target),
        )

    # accession: "Finland joined NATO in April 2023", "the accession of Sweden to NATO", "X's accession to the EU",
    # "has been a member of NATO since 2004" (one event per member)
    for m in _JOINED.finditer(text):
        org, o_end = actor_after(m.end(), _ORGS)
        if org is None:
            continue
        orgs = [(org, o_end)]
        more = re.match(r"\s+and\s+(?:the\s+)?", text[o_end : o_end + 10])
        if more:  # "a member of NATO and the European Union"
            second, s_end = actor_after(o_end + more.end(), _ORGS)
            if second is not None:
                orgs.append((second, s_end))
        last_end = orgs[-1][1]
        members = _listed_before(text, offset, m.start(), actors)
        for key, _ in members:
            for group, _ in orgs:
                name = f"accession of {_label(actors, key)} to {_label(actors, group)}"
                add(members[0][1], last_end, "accession", name, (key, group), mint("event", "accession", key, group))
    for m in _ACCESSION_NOUN.finditer(text):
        member, mem_end = actor_after(m.end(), _STATES)
        if member is None:
            continue
        to = re.match(r"\s+(?:to|into)\s+(?:the\s+)?", text[mem_end : mem_end + 12])
        if not to:
            continue
        org, o_end = actor_after(mem_end + to.end(), _ORGS)
        if org is not None:
            add(
                m.start(),
                o_end,
                "accession",
                f"accession of {_label(actors, member)} to {_label(actors, org)}",
                (member, org),
                mint("event", "accession", member, org),
            )

    # named agreements written in lower case ("the Minsk accords", "the Black Sea grain deal"), ordinal
    # sanctions packages, incidents to named infrastructure, named operations launched, talks and conferences
    for m in _AGREEMENT_LOWER.finditer(text):
        name = re.sub(r"^(?:The|the)\s+", "", m.group("name")).strip()
        if any(
            mm.start - offset < m.end() and m.start() < mm.end - offset
            for mm in actors.mentions
            if actors.actors[mm.key].kind in _ORGS
        ):
            continue
        add(m.start("name"), m.end(), "treaty", name, (), mint("event-name", name))
    for m in _SANCTIONS_PACKAGE.finditer(text):
        imposer, i_start = actor_before(m.start(), _ORGS | _STATES)
        name = f"{m.group('ordinal')} sanctions package" + (f" of {_label(actors, imposer)}" if imposer else "")
        add(
            min(i_start, m.start()),
            m.end(),
            "sanctions",
            name,
            (imposer,) if imposer else (),
            mint("event-name", f"{imposer or ''} {m.group('ordinal')} sanctions package"),
        )
    for m in _DAMAGE.finditer(text):
        name = m.group("name").strip()
        add(m.start("name"), m.end(), "incident", f"damage to the {name}", (), mint("event-topic", "damage", name))
    for m in _EXPLOSIONS.finditer(text):
        name = m.group("name").strip()
        add(m.start(), m.end(), "incident", f"{name} explosions", (), mint("event-topic", "damage", name))
    for m in _LAUNCHED.finditer(text):
        name = m.group("name").strip()
        org, o_start = actor_before(m.start(), _ORGS | _STATES)
        add(
            min(o_start, m.start()),
            m.end(),
            "launch",
            f"launch of {name}",
            (org,) if org else (),
            mint("event-topic", "launch", name),
        )
    for m in _TALKS_IN.finditer(text):
        place = m.group("place")
        add(m.start(), m.end(), "talks", f"talks in {place}", (), mint("event-topic", "talks", place))
    for m in _COP.finditer(text):  # the UN climate conferences: "COP29 in Baku"
        place = m.group("place")
        add(
            m.start(),
            m.end(),
            "conference",
            f"COP{m.group('number')} climate conference" + (f" in {place}" if place else ""),
            (),
            mint("event-name", f"COP{m.group('number')}"),
        )
    for m in _CONFERENCE.finditer(text):
        name = m.group("name").strip()
        add(m.start("name"), m.end(), "conference", name, (), mint("event-name", name))
    for m in _OCCUPIED.finditer(text):
        name = m.group("name").strip()
        agent, a_start = actor_before(m.start(), _STATES)
        add(
            m.start(),
            m.end(),
            "occupation",
            f"occupation of {name}",
            (agent,) if agent else (),
            mint("event-topic", "occupation", name),
        )

    for m in _ELECTION.finditer(text):
        country, c_start = actor_before(m.start(), _STATES)
        if country is None:
            country = next(
                (am.key for am in actors.within(offset, offset + len(text)) if actors.actors[am.key].kind in _STATES),
                None,
            )
            c_start = m.start()
        if country is None:
            continue
        add(
            min(c_start, m.start()),
            m.end(),
            "election",
            f"{m.group(0).lower()} in {_label(actors, country)}",
            (country,),
            mint("event", "election", country),
        )

    found.sort(key=lambda e: (e.start, -(e.end - e.start)))
    unique: list[EventMention] = []
    for e in found:
        if any(u.key == e.key and u.start < e.end and e.start < u.end for u in unique):
            continue
        unique.append(e)
    return unique


_BEFORE_VERB = re.compile(
    r"(?:,\s*(?:which|who)\s*)?(?:\s+(?:has|have|had|finally|formally|officially|also|only|later|"
    r"eventually|itself|themselves|all|both)){0,3}\s*$"
)
_LIST_JOIN = re.compile(r"^\s*(?:,\s*and|,|and)\s*(?:the\s+)?$")


def _listed_before(text: str, offset: int, pos: int, actors: ArticleActors) -> list[tuple[str, int]]:
    """States named as the subject of a verb at ``pos``: "Finland joined", "Finland, which joined",
    "Poland, Hungary and the Czech Republic joined". Returns (key, start) pairs, first mention first."""
    tail = _BEFORE_VERB.search(text[:pos])
    end = tail.start() if tail else pos
    states = [
        m for m in actors.within(offset + max(0, end - 160), offset + end) if actors.actors[m.key].kind in _STATES
    ]
    found: list[tuple[str, int]] = []
    expected_end = end
    for m in reversed(states):
        gap = text[m.end - offset : expected_end]
        if found and not _LIST_JOIN.match(gap):
            break
        if not found and gap.strip(" ,"):
            break
        found.append((m.key, m.start - offset))
        expected_end = m.start - offset
        before = text[:expected_end]
        det = re.search(r"(?:the|The)\s+$", before)
        if det:
            expected_end = det.start()
    found.reverse()
    return found


_DEFINITE_NAME_WORDS = words("definite-name-words")
"""First words of a state's name that take "the" ("the United ...")."""


def _add_end(add: object, actors: ArticleActors, key: str, start: int, end: int, trigger: str) -> None:
    name = (
        f"dissolution of the {_label(actors, key)}"
        if actors.actors[key].kind == "Country" and _label(actors, key).split()[0] in _DEFINITE_NAME_WORDS
        else f"dissolution of {_label(actors, key)}"
    )
    add(start, end, "dissolution", name, (key,), mint("event", "dissolution", key))  # type: ignore[operator]


_NOT_START = re.compile(
    r"\b(?:escalat\w*|intensif\w*|continu\w*|expand\w*|grew|worsen\w*|ended|end|until|through|throughout|"
    r"reached|peaked|resumed|renewed|returned|remains?|since\s+then|after|before)\b|\bby\s*$",
    re.I,
)
_LINK = re.compile(
    r"^[\s,]*(?:(?:which|that)\s+)?(?:(?:was|were|had\s+been|has\s+been)\s+)?"
    r"(?:(?:officially|formally|first|finally)\s+)?(?:began|begun|started|starting|beginning|broke\s+out|erupted|"
    r"launched|initiated|signed|concluded|agreed|held|created|established|founded|formed|set\s+up|took\s+place|"
    r"happened|occurred|completed|came|adopted|approved|ratified|enacted|passed|unveiled|imposed|introduced|"
    r"convened|opened|entered\s+into\s+force|came\s+into\s+(?:force|effect)|took\s+effect|went\s+into\s+effect|"
    r"opens|begins|starts|convenes|takes\s+place|takes\s+effect|enters\s+into\s+force)?"
    r"\s*(?:by\s+\w+(?:\s+\w+)?\s+)?(?:in|on|of|since|from|during)?\s*"
    r"(?:early|mid|late)?[\s-]*$",
    re.I,
)


# Irregular participles of happening ("He was sworn in on 20 May 2024"); "given", "known" and "seen" are left out.
_PARTICIPLES = words("happening-participles")
_PAST_IRREGULAR = words("happening-past-tenses")
# Participles that describe a state or a measurement, not something that happened.
_NOT_HAPPENINGS = words("not-happenings")
_CLAUSE_SPLIT = re.compile(r";\s+|:\s+|,\s+(?:and|but|while|whereas|then|although|though)\s+|\.\s+|\s+[—–]\s+")
_REPORT_FRAME = re.compile(
    r"^.*?\b(?:said|says|told\s+\w+(?:\s+\w+)?|added(?!(?:\s+(?!that\b)[\w\-%$€£.]+){1,8}\s+(?:to|into)\s)|argued|warned|noted|wrote|stated|insisted|recalled)"
    r"(?:\s+(?:on|in|last|this)\s+[\w ]{0,20}?)?\s+(?:that\s+)?",
    re.IGNORECASE,
)
_UNREAL = re.compile(
    r"\b(?:will|would|could|(?-i:may)(?!\s+\d)|might|should|must|can|cannot|can't|won't|if|unless|until)\b", re.I
)
_APPOSITIVE_PART = re.compile(r"(?:(?:[a-z]+(?:ed|en)|which|who)\b|[A-Z][\w\-]*['’]s\s+[a-z]+,)")
"""A comma part that is an aside: "adopted in June 2024", "which troops occupied", "Europe's largest"."""
_PARTICIPIAL_APPOSITIVE = re.compile(
    r"(?P<appositive>(?:,\s+(?:[a-z]+(?:ed|en)|in\s+(?:force|effect|place)|which|who|[A-Z][\w\-]*['’]s)\b[^,]{0,80})+,)\s+"
    r"(?:(?:was|were|is|are|(?:has|have|had)\s+been)\s+)?$"
)
_STATE_SINCE = re.compile(
    r"\b(?:has|have|had)\s+(?:been\s+)?(?:occupied|controlled|ruled|governed|administered|applied|blockaded|besieged|"
    r"detained|jailed|imprisoned|banned|suspended|frozen|closed|shut|halted)\s+(?:[^\s,;]+\s+){0,4}?since\s+$"
)
"""A state begun at the date that follows: "which Russian forces have occupied since March 2022"."""
_RANGE_ON = re.compile(r"\s*(?:[–\-/]\d|and\b|to\b)")
_IN_FORCE_SINCE = re.compile(
    r"(?:,\s*|\s+(?:has|have|had)\s+been\s+|\s+(?:is|are|was|were)\s+)in\s+(?:force|effect|place)\s+since\s+$"
)
_IN_FORCE = re.compile(r"\s+(?:effect|into\s+(?:force|effect))\b")
_DETERMINER_BEFORE = re.compile(r"\b(?:a|an|the|its|their|his|her|our|this|these|those)\s+$", re.I)
_STATIVE_BEFORE = re.compile(r"\b(?:is|are|be|being|already|still|remain|remains)\s+$", re.I)
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


def _happening_verb(clause: str, start: int = 0) -> re.Match[str] | None:
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


def _without(text: str, dates: list[DateMatch], start: int, end: int, mark: str = " ") -> str:
    """``text[start:end]`` with its date phrases blanked out (each character replaced by ``mark``)."""
    out = text[start:end]
    for d in sorted((d for d in dates if start <= d.start and d.end <= end), key=lambda d: -d.start):
        out = out[: d.start - start] + mark * (d.end - d.start) + out[d.end - start :]
    return out


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


def _event_unit(
    text: str, splits: list[tuple[int, int]], start: int, end: int
) -> tuple[int, int, re.Match[str]] | None:
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

    if p_start > c_start and re.match(r"(?:which|who)\b", part) and _happening_verb(part) is not None:
        # "..., the rebels, who proclaimed the republic on 1 October 1949": the relative clause's own
        # happening, named with the noun it hangs on (past an appositive: "Doe, his deputy, who took office")
        ante = _antecedent(text, c_start, p_start)
        if ante is not None:
            verb = _happening_verb(text[ante:p_end], p_start - ante)
            if verb is not None:
                return ante, p_end, verb
    if p_start > c_start and re.match(r"(?:which|that|who)\b", part):
        p_start = part_before(p_start)
    verb = _happening_verb(part := text[p_start:p_end])
    if verb is not None and re.search(
        r"\b(?!(?:was|were|is|are|had|has|have|been|be)\b)\w+\W+\w*$", part[: verb.start()]
    ):
        return p_start, p_end, verb
    if verb is not None and verb.start() < 3 and p_start > c_start:
        # "Amendments to the rules, adopted in June 2024, entered into force on 19 September 2025": the
        # subject is the part before a participial appositive
        # (or before an appositive and a relative clause: "the plant, Europe's largest, which troops have
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
            and _happening_verb(text[s_start:q_start]) is None
        ):
            verb = _happening_verb(text[s_start:p_end], p_start - s_start)
            if verb is not None:
                return s_start, p_end, verb
    verb = _happening_verb(text[c_start:c_end])
    return None if verb is None else (c_start, c_end, verb)


def _last(matches: Iterator[re.Match[str]]) -> re.Match[str] | None:
    last = None
    for last in matches:  # noqa: B007 - the last one is wanted
        pass
    return last


def _antecedent(text: str, c_start: int, p_start: int) -> int | None:
    """Where the capitalised noun phrase a relative clause at ``p_start`` hangs on begins, skipping one
    appositive ("Governor Jane Roe, his former deputy, who ..."); None when there is none."""
    before = text[c_start:p_start].rstrip(" ,")
    appositive = re.search(r",\s+(?:his|her|its|their|the|a|an|[A-Z][\w\-]*['’]s)\s+[^,]{1,60}$", before)
    if appositive and _happening_verb(appositive.group(0)) is None:
        before = before[: appositive.start()]  # ", his former deputy", ", Europe's largest"
    np = re.search(_CAP_NP + "$", before) or re.search(
        r"\b(?:[Tt]he|[Aa]n?)\s+(?:[A-Z][\w\-]*\s+){0,3}(?:[a-z][\w\-]*\s+){0,3}[a-z][\w\-]*$", before
    )
    if np is None:
        return None
    start = np.start()
    for _ in range(3):  # "the conflict in Ukraine", "the Permanent Court of Arbitration in The Hague"
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


_ABBREVIATION = re.compile(r"(?:\b[A-Z]\.[A-Z]|\b(?:Mr|Mrs|Ms|Dr|St|Gen|Col|Lt|Sgt|No|vs|Jr|Sr))$")
_AND_VERB = re.compile(r"\s+and\s+(?:then\s+|later\s+|also\s+)?(?P<verb>[a-z][a-z]*)\b(?!-)")
_SUBORDINATOR = re.compile(r"\b(?:after|when|because|once)\s+(?!(?:\w+\s+){0,2}?(?:days?|weeks?|months?|years?)\b)")
_AND_SAID = re.compile(
    r",?\s+and\s+(?:then\s+)?(?:said|told|added|argued|warned|noted|wrote|stated|insisted|declared|announced)\b"
)
_NUMBER_WORDS = {word: int(number) for word, number in table("number-words").items()}
_INTERVAL = re.compile(
    r",?\s+(?P<n>\d{1,3}|" + "|".join(_NUMBER_WORDS) + r")\s+(?P<unit>day|week|month|year)s?\s+"
    r"(?P<direction>before|after)\s+",
    re.IGNORECASE,
)


def _shift(date: DateValue, interval: re.Match[str]) -> DateValue | None:
    """The date of a happening ``interval`` ("twenty days before X", "a day after X") away from ``date``, at the
    precision both ends of ``date``'s span agree on (a day after "April 2025" is in 2025, not surely in April)."""
    n_text = interval.group("n").lower()
    n = int(n_text) if n_text.isdigit() else _NUMBER_WORDS[n_text]
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


_CLAUSE_COMMA = re.compile(r",(?!\d)")
_WHEN = re.compile(r",?\s+when\s+")


_COUNT = r"(?:one|two|three|four|five|six|seven|eight|nine|ten|\d{1,2})"
_LIST_HEAD = re.compile(r"\b(?P<noun>[a-z]{3,}s)\s*:\s+(?=" + _COUNT + r"\s+(?:in|on|at|against)\s)")
_LIST_ITEM = re.compile(
    r"(?P<count>" + _COUNT + r")\s+(?:in|on|at|against)\s+"
    r"(?P<place>(?:the\s+)?[A-Z][\w'’\-]*(?:\s+[A-Z][\w'’\-]*){0,3})"
    r"\s*(?:\((?P<paren>[^()]{3,80})\)|,?\s+(?:on|in)\s+(?P<tail>[^,;.()]{3,40}?))"
    r"(?=\s*(?:,|;|\.|\band\b|$))"
)
_LIST_SEPARATOR = re.compile(r"\s*(?:,\s*(?:and\s+)?|;\s*(?:and\s+)?|\s+and\s+)")


def _listed_events(text: str, offset: int, actors: ArticleActors, reference: DateValue | None) -> list[DatedEvent]:
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
            if len(found) == (int(count) if count.isdigit() else _NUMBER_WORDS[count]):
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


def generic_dated_events(
    text: str, offset: int, actors: ArticleActors, reference: DateValue | None, taken: set[int], scope: str = ""
) -> list[DatedEvent]:
    """A dated happening the typed patterns do not know ("In July 2023, soldiers toppled President
    Doe", "the regulator fined the utility £122.7m in 2025"): the words around the date name the event.

    Dates already given to a typed event (``taken``: their start offsets in ``text``) are skipped. The span
    (see :func:`_event_unit`) must report something that happened: a past-tense verb of happening, not a
    measurement ("prices doubled"), a state ("in force since 1949") or a hypothesis ("if no deal is
    reached"). The date of an utterance ("said on Monday that ...") dates no event. One event per span,
    dated by its date nearest the verb; its name is the span without dates, reporting frame, openers,
    a leading subordinate phrase and asides (appositives, participial phrases), up to 20 words.

    A clause can hold more than one dated happening: a when-clause after a date ("on November 8, when
    India started ..."), a happening an interval away ("On 4 February 2022, twenty days before troops
    crossed ...": 24 February), a who/which clause with its own date (named with the noun it hangs on), a
    subordinate clause holding the date ("died after a boat capsized before dawn Thursday"), a coordinated
    verb with its own date ("declared ... in August 2024 and lifted ... in September 2025"). A state dates
    its start: "X, in force since D" gives "X took effect"; "which forces have occupied since D". Items
    counted in a list with dates ("five coups: two in Arland (August 2020 and May 2021), ...") are events."""
    splits = [
        (m.start(), m.end())
        for m in _CLAUSE_SPLIT.finditer(text)
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
        interval = _INTERVAL.match(text, dm.end)
        inner_span = None
        if when or interval:
            # "on November 8, when India started a flushing operation": the when-clause happened then; "On 4
            # February 2022, twenty days before troops crossed the border": the crossing is 20 days later
            w_start = (when or interval).end()  # type: ignore[union-attr]
            w_end = min([len(text), *(s for s, e in splits if s >= w_start)])
            clause = text[w_start:w_end]
            verb = _happening_verb(clause)
            shifted = dm if when else DateMatch(dm.start, dm.end, _shift(dm.date, interval), True)  # type: ignore[arg-type]
            if (
                verb is not None
                and shifted.date is not None
                and re.search(r"\w", clause[: verb.start()])
                and not _UNREAL.search(clause)
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
            if re.match(r"(?:[Tt]he\s+|[Ii]ts\s+|[Tt]heir\s+)?[A-Z]?[\w\-]+\s+\S", subject) and not _happening_verb(
                subject
            ):
                since.append((s_start, dm, subject))
        if re.search(r"\bsince\s+$", before) and not _STATE_SINCE.search(before):
            continue  # "in force since 1949": a state, not the date of a happening
        unit = _event_unit(text, splits, dm.start, dm.end)
        if unit is None:
            continue
        a, b, verb = unit
        if inner_span is not None and inner_span[0] <= a + verb.start() < inner_span[1]:
            # the verb of the when-clause is not the main clause's: "..., twenty days before troops crossed the
            # border, the leaders declared ..."
            main_verb = _happening_verb(text[a:b], inner_span[1] - a)
            if main_verb is None:
                continue
            verb = main_verb
        said = _AND_SAID.search(text, a + verb.end(), b)
        if said and dm.end <= said.start():  # "He was sworn in on 20 May and said ...": the date is not the saying's
            b = said.start()
        frame = _REPORT_FRAME.match(text[a:b])
        body = a + (frame.end() if frame else 0)
        if dm.start < body or _UNREAL.search(_without(text, dates, body, a + verb.end())):
            continue  # the date of a statement, or something that may happen
        second = _AND_VERB.search(text, a + verb.end(), dm.start)
        if second is not None:
            v2 = _happening_verb(second.group("verb"))
            own = [d for d in dates if a + verb.end() <= d.start and d.end <= second.start()]
            if v2 is not None and own and not _AND_VERB.search(text, second.end(), dm.start):
                # "WHO declared mpox an emergency in August 2024 and lifted the declaration in September 2025":
                # the second verb has its own date and its own event, with the subject of the first
                units.setdefault(second.start("verb"), (a, b, []))[2].append(dm)
                skips[second.start("verb")] = (a + verb.start(), second.start("verb"))
                stops[a + verb.start()] = second.start()
                continue
        subordinate = _last(_SUBORDINATOR.finditer(text, a + verb.end(), dm.start))
        if subordinate is not None:
            # "27 people died after a boat carrying migrants capsized before dawn Thursday off the island": the
            # subordinate clause holding the date is a happening of its own
            clause = text[subordinate.end() : dm.start]
            inner = _happening_verb(clause)
            if (
                inner is not None
                and re.search(r"\w", clause[: inner.start()])
                and not re.search(r"\b(?:and|or|but)\s+$", clause[: inner.start()])  # "after coups and turned"
                and not _UNREAL.search(clause)
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
        frame = _REPORT_FRAME.match(text[a:b])
        body = a + (frame.end() if frame else 0)
        v_end = v_start + len(re.match(r"[\w'’\-]*", text[v_start:]).group(0))  # type: ignore[union-attr]
        dm = min(in_unit, key=lambda d: (d.start < v_start, d.start - v_end if d.start >= v_start else v_start - d.end))
        inside = _last(_SUBORDINATOR.finditer(text, body, v_start))
        if inside is not None and dm.start >= inside.end() and re.search(r"\w", text[inside.end() : v_start]):
            body = inside.end()  # "27 died after a boat capsized before dawn Thursday": the boat capsized then
        name = _without(text, dates, body, min(b, stops.get(v_start, b)), mark="\x00")  # aligned with text[body:b]
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
            main = _happening_verb(name[lead.end() :])
            if main is not None and re.search(r"\w", name[lead.end() : lead.end() + main.start()]):
                name = " " * lead.end() + name[lead.end() :]
                verb_end = lead.end() + main.end()
        if re.match(r",\s+[a-z]+ing\b", name[verb_end:]):
            verb_end += 1  # "Scholz also tried, telephoning Putin": the verb has no object of its own
        comma = next(  # "..., taking the policy rate to 15%" is not the happening; "9,000" has no clause comma
            (c.start() for c in re.finditer(r",(?!\d)", name) if c.start() >= max(0, verb_end)), -1
        )
        while comma > 0 and (
            (appositive := _NAME_APPOSITIVE.match(name, comma + 1))
            or (appositive := _LOWER_APPOSITIVE.match(name, comma + 1))
        ):
            comma = next((c.start() for c in re.finditer(r",(?!\d)", name) if c.start() >= appositive.end() - 1), -1)
            # ", Operation Prosperity Guardian," names it: kept
        if comma > 0:
            name = name[:comma]
        name = _DATE_PHRASE.sub(" ", name).replace("\x00", " ")  # "between 2021 and June 2024", "for 2026–27"
        name = re.split(r",?\s+according\s+to\b", name, maxsplit=1)[0]
        name = re.sub(r",(?:\s*,)+", ",", name)  # "Months later, in April 1979, Congress ...": the date's commas
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
    out.extend(_listed_events(text, offset, actors, reference))
    for s_start, dm, subject in since:
        name = f"{subject[0].upper()}{subject[1:]} took effect"
        participants = tuple(dict.fromkeys(m.key for m in actors.within(offset + s_start, offset + dm.end)))
        key = mint("event-topic", "happening", name)
        mention = EventMention(offset + s_start, offset + dm.end, key, "happening", name, participants)
        out.append(DatedEvent(mention, dm.date))
    return out


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
    "The February 24, 2022, Russia-Ukraine War"). Sentence-opening adverbials ("In 2024, ...") date the
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
            for e in events:  # every event named by the same phrase ("Poland, Hungary and ... joined NATO in 1999")
                if e.start == chosen.start and e.end == chosen.end:
                    out.append(DatedEvent(e, dm.date))
    return out
