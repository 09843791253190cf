"""typed: events of known kinds named in a sentence — invasion, annexation, war, founding, dissolution
(collapse/breakup), end and fall of named things ("the end of the Cold War"), enlargement and accession,
treaties and declarations, summits, UN climate conferences (COP), interventions, sanctions, elections,
named crises, damage to infrastructure, launches, talks and conferences, occupations.

An event's key is its kind and participants (or its own name), so the same event in several articles
is one node and the dates each article gives stay comparable.
"""

from __future__ import annotations

import re
from functools import cache

from kg.extract.actors import ArticleActors
from kg.extract.events.records import ORGS, STATES, EventMention, actor_at, label
from kg.extract.gazetteer import load_gazetteer
from kg.extract.lexicon import alternatives
from kg.iris import mint
from kg.lexicon import words
from kg.text.dates import MONTH_NAME_RE

_CAPNAME = r"(?:[A-Z][\w'’\-]*)(?:\s+(?:of\s+)?[A-Z][\w'’\-]*){0,4}"


_DET = r"(?:the\s+)?"


_INVASION = re.compile(r"\b(?:(?:full|large)[\s-]scale\s+)?(?:invasion|invaded|invade|invading)\b(?:\s+of)?", re.I)


_ANNEX = re.compile(r"\b(?:annexation|annexed|annexing|annex)\b(?:\s+of)?", re.I)


_WAR = re.compile(
    r"\b(?P<named>(?:[A-Z][\w'’]*[\-–])?[A-Z][\w'’]*\s+War(?:\s+(?:I{1,3}|One|Two|[12]))?)\b"
    r"|\b(?:war|conflict|hostilities|fighting)\s+(?:in|against|on|with|over)\s+(?:the\s+)?(?P<where>[A-Z][\w'’\-]*)"
    # a sentence-initial determiner is not an adjective: "The conflict" leaves "conflict in X, which began
    # in 2014" to the alternative before
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


_ANY_TRIGGER = re.compile(alternatives("event-triggers"), re.IGNORECASE)


def _names_organisation(actors: ArticleActors, start: int, end: int) -> bool:
    """Does a mention of an organisation overlap [start, end) ("Warsaw Pact" is no treaty)?"""
    return any(mm.start < end and start < mm.end for mm in actors.mentions if actors.actors[mm.key].kind in ORGS)


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
        agent, a_start = actor_before(m.start(), STATES)
        target, t_end = actor_after(m.end(), STATES)
        if target is None:
            continue
        participants = tuple(k for k in (agent, target) if k)
        name = f"invasion of {label(actors, target)}" + (f" by {label(actors, agent)}" if agent else "")
        add(min(a_start, m.start()), t_end, "invasion", name, participants, mint("event", "invasion", target))

    for m in _ANNEX.finditer(text):
        agent, a_start = actor_before(m.start(), STATES)
        target_key, t_end = actor_after(m.end())
        target_name = label(actors, target_key) if target_key else None
        if target_name is None:
            target_name, t_end = name_after(m.end())
        if not target_name:
            continue
        participants = tuple(k for k in (agent, target_key) if k)
        name = f"annexation of {target_name}" + (f" by {label(actors, agent)}" if agent else "")
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
                actor_at(
                    actors, offset + m.start() + named.find(p), offset + m.start() + named.find(p) + len(p), STATES
                )
                for p in parts
            ]
            if all(keys) and len(keys) == 2:
                states = tuple(sorted(k for k in keys if k))
                add(
                    m.start(),
                    m.end(),
                    "war",
                    f"{'–'.join(label(actors, k) for k in keys if k)} war",
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
        key = actor_at(actors, offset + w_start, offset + w_start + len(where_text), STATES)
        if key is None:
            continue
        agent, a_start = actor_before(m.start(), STATES)
        participants = (*(k for k in (agent,) if k and k != key), key)
        add(
            min(a_start, m.start()),
            m.end(),
            "war",
            f"war in {label(actors, key)}",
            participants,
            mint("event", "war", key),
        )

    for m in _FOUNDING_NOUN.finditer(text):
        org, o_end = actor_after(m.end(), ORGS)
        if org:
            add(
                m.start(),
                o_end,
                "founding",
                f"founding of {label(actors, org)}",
                (org,),
                mint("event", "founding", org),
            )
    for mention in actors.within(offset, offset + len(text)):
        if actors.actors[mention.key].kind not in ORGS:
            continue
        rel_end = mention.end - offset
        fm = _FOUNDING_VERB.match(text, rel_end)
        if fm and re.match(r"\s+(?:in|on)\b", text[fm.end() : fm.end() + 4]):
            add(
                mention.start - offset,
                fm.end(),
                "founding",
                f"founding of {label(actors, mention.key)}",
                (mention.key,),
                mint("event", "founding", mention.key),
            )
        em = _END_POSSESSIVE.match(text, rel_end)
        if em:
            _add_end(add, actors, mention.key, mention.start - offset, rel_end + em.end(), em.group("trigger"))
    for m in _END_NOUN.finditer(text):
        key, t_end = actor_after(m.end())
        if key is not None and actors.actors[key].kind in STATES | ORGS:
            _add_end(add, actors, key, m.start(), t_end, m.group("trigger"))
            continue
        thing, n_end = name_after(m.end())
        if thing and not key:
            trigger = m.group("trigger").lower()
            kind = "fall" if trigger == "fall" else "end"
            add(m.start(), n_end, kind, f"{kind} of the {thing}", (), mint("event-topic", kind, thing))

    for m in _ENLARGE.finditer(text):
        org, o_start = actor_before(m.start(), ORGS)
        if org is None and re.match(r"\s+of\s+", text[m.end() : m.end() + 5]):
            org, _ = actor_after(m.end() + len(re.match(r"\s+of\s+(?:the\s+)?", text[m.end() :]).group(0)), ORGS)  # type: ignore[union-attr]
            o_start = m.start()
        if org is None:
            continue
        add(
            min(o_start, m.start()),
            m.end(),
            "enlargement",
            f"enlargement of {label(actors, org)}",
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
        if _names_organisation(actors, offset + start, offset + m.end()):
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
        w_key = actor_at(actors, offset + m.start("where"), offset + m.end("where"))
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
        org = actor_at(actors, offset + m.start(), offset + m.end(), ORGS)
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
            f"sanctions against {label(actors, target)}",
            participants,
            mint("event", "sanctions", target),
        )

    # accession: "Finland joined NATO in April 2023", "the accession of Sweden to NATO", "X's accession to the EU",
    # "has been a member of NATO since 2004" (one event per member)
    for m in _JOINED.finditer(text):
        org, o_end = actor_after(m.end(), ORGS)
        if org is None:
            continue
        orgs = [(org, o_end)]
        more = re.match(r"\s+and\s+(?:the\s+)?", text[o_end : o_end + 10])
        if more:  # "a member of NATO and the European Union"
            second, s_end = actor_after(o_end + more.end(), ORGS)
            if second is not None:
                orgs.append((second, s_end))
        last_end = orgs[-1][1]
        members = _listed_before(text, offset, m.start(), actors)
        for key, _ in members:
            for group, _ in orgs:
                name = f"accession of {label(actors, key)} to {label(actors, group)}"
                add(members[0][1], last_end, "accession", name, (key, group), mint("event", "accession", key, group))
    for m in _ACCESSION_NOUN.finditer(text):
        member, mem_end = actor_after(m.end(), STATES)
        if member is None:
            continue
        to = re.match(r"\s+(?:to|into)\s+(?:the\s+)?", text[mem_end : mem_end + 12])
        if not to:
            continue
        org, o_end = actor_after(mem_end + to.end(), ORGS)
        if org is not None:
            add(
                m.start(),
                o_end,
                "accession",
                f"accession of {label(actors, member)} to {label(actors, org)}",
                (member, org),
                mint("event", "accession", member, org),
            )

    # named agreements written in lower case ("the Minsk accords", "the Black Sea grain deal"), ordinal
    # sanctions packages, incidents to named infrastructure, named operations launched, talks and conferences
    for m in _AGREEMENT_LOWER.finditer(text):
        name = re.sub(r"^(?:The|the)\s+", "", m.group("name")).strip()
        if _names_organisation(actors, offset + m.start(), offset + m.end()):
            continue
        add(m.start("name"), m.end(), "treaty", name, (), mint("event-name", name))
    for m in _SANCTIONS_PACKAGE.finditer(text):
        imposer, i_start = actor_before(m.start(), ORGS | STATES)
        name = f"{m.group('ordinal')} sanctions package" + (f" of {label(actors, imposer)}" if imposer else "")
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
        org, o_start = actor_before(m.start(), ORGS | STATES)
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
        agent, a_start = actor_before(m.start(), STATES)
        add(
            m.start(),
            m.end(),
            "occupation",
            f"occupation of {name}",
            (agent,) if agent else (),
            mint("event-topic", "occupation", name),
        )

    for m in _ELECTION.finditer(text):
        country, c_start = actor_before(m.start(), STATES)
        if country is None:
            country = next(
                (am.key for am in actors.within(offset, offset + len(text)) if actors.actors[am.key].kind in STATES),
                None,
            )
            c_start = m.start()
        if country is None:
            continue
        add(
            min(c_start, m.start()),
            m.end(),
            "election",
            f"{m.group(0).lower()} in {label(actors, country)}",
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
    states = [m for m in actors.within(offset + max(0, end - 160), offset + end) if actors.actors[m.key].kind in STATES]
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


@cache
def _definite_names() -> frozenset[str]:
    """Names of states the gazetteer writes with "the" ("the Netherlands")."""
    return frozenset(
        alias[4:]
        for entry in load_gazetteer().entries.values()
        if entry.kind == "Country"
        for alias in entry.aliases
        if alias.startswith("the ")
    )


def _takes_the(name: str) -> bool:
    """Is a state's name written with "the" ("the United Kingdom", "the Netherlands")?"""
    return name.split()[0] in _DEFINITE_NAME_WORDS or name in _definite_names()


def _add_end(add: object, actors: ArticleActors, key: str, start: int, end: int, trigger: str) -> None:
    name = (
        f"dissolution of the {label(actors, key)}"
        if actors.actors[key].kind == "Country" and _takes_the(label(actors, key))
        else f"dissolution of {label(actors, key)}"
    )
    add(start, end, "dissolution", name, (key,), mint("event", "dissolution", key))  # type: ignore[operator]
