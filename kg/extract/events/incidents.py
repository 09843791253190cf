"""incidents: damage to named infrastructure, named explosions and operations launched, in a sentence."""

from __future__ import annotations

import re

from kg.extract.events.records import ORGS, STATES
from kg.extract.events.sentence import SentenceEvents
from kg.iris import mint

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


def _damage(f: SentenceEvents) -> None:
    """Damage to named infrastructure: "the Velmconnector pipeline was damaged"."""
    text, add = f.text, f.add
    for m in _DAMAGE.finditer(text):
        name = m.group("name").strip()
        add(m.start("name"), m.end(), "incident", f"damage to the {name}", (), mint("event-topic", "damage", name))


def _explosions(f: SentenceEvents) -> None:
    """Named explosions: "the Velm Strait explosions"."""
    text, add = f.text, f.add
    for m in _EXPLOSIONS.finditer(text):
        name = m.group("name").strip()
        add(m.start(), m.end(), "incident", f"{name} explosions", (), mint("event-topic", "damage", name))


def _launches(f: SentenceEvents) -> None:
    """Named operations launched: "launched Operation X"."""
    text, add, actor_before = f.text, f.add, f.actor_before
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
