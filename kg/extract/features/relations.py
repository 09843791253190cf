"""relations: subject-verb-object relations between actors (attack-like and support-like), negated when
the sentence or its speaker denies them."""

from __future__ import annotations

import re

from kg.extract.actors import ArticleActors
from kg.extract.features.polarity import denial_end
from kg.models import Relation

_HOSTILE = re.compile(
    r"\b(?:attack\w*|invad\w*|invasion|fight\w*|(?:go(?:ing)?|went|gone)\s+to\s+war|wag\w*\s+war|declar\w*\s+war|"
    r"war\s+(?:with|on|against)|strik\w*|bomb\w*|confront\w*|confrontation|aggression\s+against|threaten\w*)\b",
    re.IGNORECASE,
)


_SUPPORT = re.compile(
    r"\b(?:support\w*|help\w*|assist\w*|aid\w*|arm\w*|suppl\w*\s+(?:weapons|arms)|back\w*)\b", re.IGNORECASE
)


_NEGATED_BEFORE = re.compile(
    r"\b(?:no|not|never|neither|nor|without|n't|cannot|no\s+intention|no\s+reason|no\s+interest|no\s+plans?|"
    r"does\s+not\s+intend|refus\w+|rul\w+\s+out|den\w+)\b",
    re.IGNORECASE,
)


def relations(
    text: str, offset: int, actors: ArticleActors, exclude: set[int] | None = None, cue: str | None = None
) -> list[Relation]:
    """Subject-verb-object relations between actors: attack-like (attack, invade, fight, go to war with,
    confront) and support-like verbs, with the subject in the same sentence and clause before the verb and
    the object shortly after it. Nominal mentions ("Ruritania's invasion of Borduria") are events the sentence
    presupposes, not something it asserts, and give no relation. A relation the speaker rejects ("denied
    that Ruritania would attack Borduria", "called the claim that Ruritania would attack Borduria nonsense") is negated:
    the claimant denies it."""
    rejected = _rejected_region(text, cue)
    mentions = [m for m in actors.within(offset, offset + len(text)) if not exclude or m.start not in exclude]
    if len(mentions) < 2:
        return []
    out: list[Relation] = []
    for predicate, pattern in (("attack", _HOSTILE), ("support", _SUPPORT)):
        for vm in pattern.finditer(text):
            v_start, v_end = offset + vm.start(), offset + vm.end()
            before = [m for m in mentions if m.end <= v_start and v_start - m.end <= 160]
            after = [m for m in mentions if m.start >= v_end and m.start - v_end <= 40]
            if not before or not after:
                continue
            subject = before[-1]
            # the subject is the last actor before the verb in the same sentence and clause
            between = text[subject.end - offset : vm.start()]
            if re.search(r"[;:]|[.!?](?:\s|$)|\bthat\b|\bwhile\b|\bbut\b", between):
                continue
            if _NOMINAL.match(between):
                continue
            obj = after[0]
            if obj.key == subject.key:
                continue
            negated = bool(_NEGATED_BEFORE.search(between)) or bool(
                re.search(r"\b(?:not|never|no)\b", text[max(0, vm.start() - 12) : vm.start()], re.IGNORECASE)
            )
            if rejected is not None and rejected[0] <= vm.start() < rejected[1]:
                # "Rell denied that Ruritania would attack": the speaker rejects the relation; "Ruritania denied
                # plans to attack": the subject itself denies it (the denial sits between subject and verb)
                negated = True if rejected[0] > subject.end - offset else not negated
            rel = Relation(subject=subject.key, predicate=predicate, object=obj.key, negated=negated)
            if rel not in out:
                out.append(rel)
    return out


_NOMINAL = re.compile(r"^['’]s\s+(?:[\w\-]+\s+){0,2}$")
"""Between a possessive subject and the verb-noun: "Ruritania's (full-scale) invasion of"."""


_CLAUSE_END = re.compile(r",\s+(?:and|but|while|whereas)\b|;|[.!?](?:\s|$)")


def _rejected_region(text: str, cue: str | None) -> tuple[int, int] | None:
    """The part of ``text`` the speaker rejects: from the denial to the end of its clause (", and ..."
    starts another statement), or None."""
    start = denial_end(text, cue)
    if start is None:
        return None
    end = _CLAUSE_END.search(text, start)
    return (start, end.start() if end else len(text))
