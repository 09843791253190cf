"""conflicts: invasions, annexations, wars, interventions, named crises, sanctions and occupations named in a
sentence."""

from __future__ import annotations

import re

from kg.extract.events.records import ORGS, STATES, actor_at, label
from kg.extract.events.sentence import SentenceEvents
from kg.iris import mint
from kg.lexicon import words

_INVASION = re.compile(r"\b(?:(?:full|large)[\s-]scale\s+)?(?:invasion|invaded|invade|invading)\b(?:\s+of)?", re.I)


_ANNEX = re.compile(r"\b(?:annexation|annexed|annexing|annex)\b(?:\s+of)?", re.I)


_WAR = re.compile(
    r"\b(?P<named>(?:[A-Z][\w'’]*[\-–])?[A-Z][\w'’]*\s+War(?:\s+(?:I{1,3}|One|Two|[12]))?)\b"
    r"|\b(?:war|conflict|hostilities|fighting)\s+(?:in|against|on|with|over)\s+(?:the\s+)?(?P<where>[A-Z][\w'’\-]*)"
    # a sentence-initial determiner is not an adjective: "The conflict" leaves "conflict in X, which began
    # in 2014" to the alternative before
    r"|\b(?!(?:The|This|That|A|An|Its|Their|Our|Any)\s)(?P<adj>[A-Z][\w'’\-]*)\s+(?:war|conflict)\b",
)


_NOT_WAR_NAMES = words("not-war-names")


_INTERVENTION = re.compile(r"\b(?i:intervention)\s+in\s+(?:the\s+)?(?P<where>[A-Z][\w'’\-]*(?:\s+[A-Z][\w'’\-]*)?)")


_CRISIS = re.compile(r"\b(?P<name>(?:[A-Z][\w'’\-]*\s+){1,3}[Cc]ris[ie]s)\b")


_SANCTIONS = re.compile(
    r"\b(?:imposed|imposes|impose|slapped|introduced|announced)\s+(?:[\w\-]+\s+){0,4}sanctions\b", re.I
)


_SANCTIONS_PACKAGE = re.compile(
    r"\b(?P<ordinal>\d{1,2}(?:st|nd|rd|th)|first|second|third|fourth|fifth|sixth|seventh|"
    r"eighth|ninth|tenth|latest|new)\s+(?:package\s+of\s+sanctions|sanctions\s+package)\b",
    re.I,
)


_OCCUPIED = re.compile(r"\boccupation\s+of\s+(?:the\s+)?(?P<name>[A-Z][\w\-]*(?:\s+[A-Z][\w\-]*){0,3})")


def _invasions(f: SentenceEvents) -> None:
    """Invasions: "Ruritania's invasion of Borduria"."""
    text, actors, add, actor_before, actor_after = f.text, f.actors, f.add, f.actor_before, f.actor_after
    for m in _INVASION.finditer(text):
        agent, a_start = actor_before(m.start(), STATES)
        target, t_end = actor_after(m.end(), STATES)
        if target is None:
            continue
        participants = tuple(k for k in (agent, target) if k)
        name = f"invasion of {label(actors, target)}" + (f" by {label(actors, agent)}" if agent else "")
        add(min(a_start, m.start()), t_end, "invasion", name, participants, mint("event", "invasion", target))


def _annexations(f: SentenceEvents) -> None:
    """Annexations: "the annexation of Crimea"."""
    text, actors, add, actor_before, actor_after, name_after = (
        f.text,
        f.actors,
        f.add,
        f.actor_before,
        f.actor_after,
        f.name_after,
    )
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


def _wars(f: SentenceEvents) -> None:
    """Wars: a named war ("the Bordurian War"), a war between two states, a war in a state."""
    text, offset, actors, add, actor_before = f.text, f.offset, f.actors, f.add, f.actor_before
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
                # "the First Velm War", "the Second World War": the ordinal is part of the name
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


def _interventions(f: SentenceEvents) -> None:
    """Interventions: "the intervention in Syldavia"."""
    text, offset, actors, add, actor_before = f.text, f.offset, f.actors, f.add, f.actor_before
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


def _crises(f: SentenceEvents) -> None:
    """Named crises: "the Velm Missile Crisis"."""
    text, add = f.text, f.add
    for m in _CRISIS.finditer(text):
        name = m.group("name")
        if name.split()[0] in {"The", "This", "A", "An"}:
            name = " ".join(name.split()[1:])
        if len(name.split()) < 2:
            continue
        add(m.end() - len(name), m.end(), "crisis", name, (), mint("event-name", name))


def _sanctions(f: SentenceEvents) -> None:
    """Sanctions imposed on a named target."""
    text, offset, actors, add, actor_after = f.text, f.offset, f.actors, f.add, f.actor_after
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


def _sanctions_packages(f: SentenceEvents) -> None:
    """Ordinal sanctions packages: "the 14th sanctions package"."""
    text, actors, add, actor_before = f.text, f.actors, f.add, f.actor_before
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


def _occupations(f: SentenceEvents) -> None:
    """Occupations: "the occupation of Crimea"."""
    text, add, actor_before = f.text, f.add, f.actor_before
    for m in _OCCUPIED.finditer(text):
        name = m.group("name").strip()
        agent, _ = actor_before(m.start(), STATES)
        add(
            m.start(),
            m.end(),
            "occupation",
            f"occupation of {name}",
            (agent,) if agent else (),
            mint("event-topic", "occupation", name),
        )
