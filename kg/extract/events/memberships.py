"""memberships: the life of states and organisations named in a sentence — foundings, ends and dissolutions,
enlargements and accessions."""

from __future__ import annotations

import re
from functools import cache

from kg.extract.actors import ArticleActors
from kg.extract.events.records import ORGS, STATES, label
from kg.extract.events.sentence import SentenceEvents
from kg.extract.gazetteer import load_gazetteer
from kg.iris import mint
from kg.lexicon import words

_DET = r"(?:the\s+)?"


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


_JOINED = re.compile(
    r"\b(?:joined|join|joining|joins|became\s+(?:a\s+)?(?:full\s+)?members?\s+of|"
    r"(?:has|have|had)\s+been\s+(?:a\s+)?members?\s+of|admitted\s+(?:in)?to)\s+(?:the\s+)?",
    re.I,
)


_ACCESSION_NOUN = re.compile(r"\b(?:accession|admission|entry)\s+of\s+(?:the\s+)?", re.I)


_BEFORE_VERB = re.compile(
    r"(?:,\s*(?:which|who)\s*)?(?:\s+(?:has|have|had|finally|formally|officially|also|only|later|"
    r"eventually|itself|themselves|all|both)){0,3}\s*$"
)


_LIST_JOIN = re.compile(r"^\s*(?:,\s*and|,|and)\s*(?:the\s+)?$")


def _listed_before(text: str, offset: int, pos: int, actors: ArticleActors) -> list[tuple[str, int]]:
    """States named as the subject of a verb at ``pos``: "Ruritania joined", "Ruritania, which joined",
    "Ruritania, Borduria and the Syldavian Republic joined". Returns (key, start) pairs, first mention first."""
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
    """Names of states the gazetteer writes with "the" ("the Velm Islands")."""
    return frozenset(
        alias[4:]
        for entry in load_gazetteer().entries.values()
        if entry.kind == "Country"
        for alias in entry.aliases
        if alias.startswith("the ")
    )


def _takes_the(name: str) -> bool:
    """Is a state's name written with "the" ("the United Provinces", "the Velm Islands")?"""
    return name.split()[0] in _DEFINITE_NAME_WORDS or name in _definite_names()


def _add_end(add: object, actors: ArticleActors, key: str, start: int, end: int, trigger: str) -> None:
    name = (
        f"dissolution of the {label(actors, key)}"
        if actors.actors[key].kind == "Country" and _takes_the(label(actors, key))
        else f"dissolution of {label(actors, key)}"
    )
    add(start, end, "dissolution", name, (key,), mint("event", "dissolution", key))  # type: ignore[operator]


def _foundings(f: SentenceEvents) -> None:
    """Foundings: "the founding of the Northern Alliance"."""
    text, actors, add, actor_after = f.text, f.actors, f.add, f.actor_after
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


def _organisation_mentions(f: SentenceEvents) -> None:
    """Foundings and ends told after an organisation's name: "the NAC, founded in 1949", "the UBR's collapse"."""
    text, offset, actors, add = f.text, f.offset, f.actors, f.add
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


def _ends(f: SentenceEvents) -> None:
    """Ends of states and organisations ("the collapse of the Bordurian Union") and of named things ("the fall of
    the Strelsau Wall")."""
    text, actors, add, actor_after, name_after = f.text, f.actors, f.add, f.actor_after, f.name_after
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


def _enlargements(f: SentenceEvents) -> None:
    """Enlargements: "the Northern Alliance's eastward expansion", "the enlargement of the Velm Union"."""
    text, actors, add, actor_before, actor_after = f.text, f.actors, f.add, f.actor_before, f.actor_after
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


def _joinings(f: SentenceEvents) -> None:
    """Accessions told by a verb: "Ruritania joined the NAC", "has been a member of the NAC since 2004" (one event per
    member)."""
    text, offset, actors, add, actor_after = f.text, f.offset, f.actors, f.add, f.actor_after
    for m in _JOINED.finditer(text):
        org, o_end = actor_after(m.end(), ORGS)
        if org is None:
            continue
        orgs = [(org, o_end)]
        more = re.match(r"\s+and\s+(?:the\s+)?", text[o_end : o_end + 10])
        if more:  # "a member of the NAC and the Velm Union"
            second, s_end = actor_after(o_end + more.end(), ORGS)
            if second is not None:
                orgs.append((second, s_end))
        last_end = orgs[-1][1]
        members = _listed_before(text, offset, m.start(), actors)
        for key, _ in members:
            for group, _ in orgs:
                name = f"accession of {label(actors, key)} to {label(actors, group)}"
                add(members[0][1], last_end, "accession", name, (key, group), mint("event", "accession", key, group))


def _accessions(f: SentenceEvents) -> None:
    """Accessions told by a noun: "the accession of Syldavia to the NAC"."""
    text, actors, add, actor_after = f.text, f.actors, f.add, f.actor_after
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
