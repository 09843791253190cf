"""stances: positions on restoring or ending relations, dialogue or partnership."""

from __future__ import annotations

import re

from kg.extract.features.polarity import squash
from kg.extract.lexicon import NEGATION_RE
from kg.models import Stance

_RELATIONS_NOUN = (
    r"(?:relations|ties|relationship|dialogue|dialog|talks|cooperation|engagement|partnership|"
    r"membership|rapprochement|contacts?|negotiations)"
)


_STANCE_FOR = re.compile(
    r"\b(?:restor\w*|rebuild\w*|re-?establish\w*|renew\w*|resum\w*|normali[sz]\w*|improv\w*|repair\w*|revive\w*|"
    r"reset|mend\w*|strengthen\w*|deepen\w*|expand\w*|open\w*|seek\w*|pursu\w*|build\w*)\s+(?:\w+\s+){0,3}?"
    + _RELATIONS_NOUN
    + r"|\b"
    + _RELATIONS_NOUN
    + r"\s+(?:\w+\s+){0,4}?(?:should|must|needs?\s+to)\s+be\s+(?:a\s+)?(?:priority|restored|resumed)"
    r"|\bready\s+for\s+(?:dialogue|talks|negotiations)|\bopen\s+to\s+(?:dialogue|talks|negotiations|cooperation)"
    r"|\bcall(?:s|ed)?\s+for\s+(?:renewed\s+|a\s+)?(?:dialogue|talks|negotiations|engagement|reconciliation)"
    r"|\b(?:rapprochement|reconciliation|re-?engagement|renewed\s+dialogue)\b",
    re.IGNORECASE,
)


_STANCE_AGAINST = re.compile(
    r"\bclos\w*\s+the\s+door\s+(?:on|to)\b|\bdoor\s+(?:is|was|remains)\s+closed"
    r"|\brul\w*\s+out\s+(?:\w+\s+){0,3}?"
    + _RELATIONS_NOUN
    + r"|\breject\w*\s+(?:\w+\s+){0,3}?"
    + _RELATIONS_NOUN
    + r"|\b(?:end|ending|ended|sever\w*|cut\w*|break\w*|suspend\w*|freez\w*|halt\w*)\s+"
    r"(?:all\s+|any\s+)?(?:\w+\s+){0,2}?"
    + _RELATIONS_NOUN
    + r"|\bno\s+(?:potential\s+|possible\s+|future\s+)?(?:partnership|membership|dialogue|talks|cooperation|"
    r"negotiations|rapprochement)\b"
    r"|\bnever\s+(?:\w+\s+){0,3}?(?:partner|negotiate|cooperate|talk)\w*"
    r"|\b(?:not|no)\s+(?:the\s+)?(?:right\s+)?(?:time|moment)\s+(?:for|to)\s+(?:\w+\s+){0,2}?"
    + _RELATIONS_NOUN
    + r"|\b(?:premature|too\s+early)\s+(?:to|for)\s+(?:\w+\s+){0,3}?"
    + _RELATIONS_NOUN,
    re.IGNORECASE,
)


def stances(text: str) -> list[Stance]:
    """Positions on restoring or ending relations/dialogue/partnership between the actors named."""
    found: list[Stance] = []
    against = _STANCE_AGAINST.search(text)
    if against:
        found.append(Stance(issue="relations", position="against", cue=squash(against.group(0))))
    support = _STANCE_FOR.search(text)
    if support and not against and not NEGATION_RE.search(text[max(0, support.start() - 25) : support.start()]):
        found.append(Stance(issue="relations", position="for", cue=squash(support.group(0))))
    return found
