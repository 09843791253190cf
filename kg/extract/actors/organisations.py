"""organisations: organisations the gazetteer does not know — by the form of their name ("the X
Ministry (XM)"), as where someone works ("an analyst at X"), by the acronym they go by — and "the
company", "the ministry" resolved to the organisation of that kind named last."""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from typing import cast

from kg.extract.actors.names import CAP, NOT_NAME_WORDS, ORG_WORDS, sentence_ends
from kg.extract.actors.records import ActorInfo, ActorMention, ArticleActors, Taken, add_actor, add_alias
from kg.extract.gazetteer import Gazetteer, tokenize
from kg.extract.lexicon import alternatives, trie_regex
from kg.extract.segment import Block
from kg.iris import mint
from kg.lexicon import table
from kg.models import ActorKind

_ORG_SUFFIX_KIND = cast(dict[str, ActorKind], table("organisation-suffixes"))


_ORG_RE = re.compile(
    rf"\b(?:the\s+)?(?P<name>(?:{CAP}[\s\-]+){{1,5}}(?:of\s+(?:the\s+)?(?:{CAP}\s+){{0,3}})?"
    rf"(?P<suffix>{'|'.join(s.capitalize() for s in _ORG_SUFFIX_KIND)})\b)"
    r"(?:\s+\((?P<acronym>[A-Z][A-Za-z]{1,9})\))?"
)


_TITLE_GOES_ON = re.compile(
    r"(?:\s+[A-Z][\w\-]*){0,3}\s+(?:Report|Review|Index|Survey|Study|Act|Bill|Plan|Strategy|Award|Prize|"
    r"Conference|Summit|Guidelines|Statement|Handbook|Yearbook|Outlook|Bulletin)\b"
)


def _owned_name(name: str, gaz: Gazetteer) -> tuple[str, str | None]:
    """ "Estonia's Foreign Intelligence Service" -> ("Estonian Foreign Intelligence Service", the gazetteer
    key of that name if it has one); other names are returned as they are."""
    m = re.match(r"(?P<owner>.+?)['’]s\s+(?P<rest>.+)$", name)
    if m is None:
        return name, None
    countries = [k for k, _ in gaz.names.get(tokenize(m.group("owner")), []) if gaz.entries[k].kind == "Country"]
    if len(countries) != 1 or not gaz.entries[countries[0]].demonyms:
        return name, None
    label = f"{gaz.entries[countries[0]].demonyms[0]} {m.group('rest')}"
    known = [k for k, _ in gaz.names.get(tokenize(label), []) if gaz.entries[k].kind != "Person"]
    return label, known[0] if len(known) == 1 else None


def organisations(result: ArticleActors, body: str, blocks: Sequence[Block], gaz: Gazetteer) -> None:
    """Organisations the gazetteer lacks, by the form of their name ("the X Ministry (XM)")."""
    taken = Taken((m.start, m.end) for m in result.mentions)
    for b in blocks:
        for m in _ORG_RE.finditer(body, b.start, b.end):
            name = m.group("name").strip()
            start, end = m.start("name"), m.end("name")
            ends = sentence_ends(name)
            if ends:  # "... at Eastgate. The Eastgate Centre": the name starts after the sentence's end
                name, start = name[ends[-1].end() :], start + ends[-1].end()
            of = re.search(r"\s+of\s+(?:the\s+)?", name)
            if of and any(
                m2.start < start + of.start() and start < m2.end and result.actors[m2.key].kind == "Person"
                for m2 in result.mentions
            ):  # "Jane Roe of the Civic Party": a person of the party
                name, start = name[of.end() :], start + of.end()
            lead = re.match(r"(?:The|This|A|An|In|Its|Their|Our)\s+", name)
            if lead:  # "The Civic Compass Foundation" -> "Civic Compass Foundation"
                name, start = name[lead.end() :], start + lead.end()
            words = name.replace("-", " ").split()
            if len(words) < 2:
                continue
            if taken.covers(start, end):
                continue
            if _TITLE_GOES_ON.match(body, m.end("name")):
                continue  # "Annual Performance Report", "Defence Committee Annual Review": a document
            owned = re.match(r".+?['’]s\s+", name)
            acronym = m.group("acronym") or ""
            if owned and acronym == "".join(w[0] for w in name[owned.end() :].split() if w[:1].isupper()):
                # "the Navy's Harbour Safety Operations (HSO)": the acronym names what follows the owner
                name, start = name[owned.end() :], start + owned.end()
            label, known = _owned_name(name, gaz)
            if known is not None:
                key = add_actor(result, gaz.entries[known], name, 0.75)
            else:
                kind = _ORG_SUFFIX_KIND[m.group("suffix").lower()]
                info = ActorInfo(key=mint("actor", label), label=label, kind=kind, confidence=0.7)
                key = add_actor(result, info, name if label != name else None, 0.7)
            result.mentions.append(ActorMention(start, end, key, "org", 0.7))
            if m.group("acronym"):
                acronym = m.group("acronym")
                add_alias(result.actors[key], acronym)
                for am in re.finditer(rf"\b{re.escape(acronym)}\b", body):
                    if am.start() >= m.end() or am.start() < start:
                        result.mentions.append(ActorMention(am.start(), am.end(), key, "acronym", 0.7))
            taken.add(start, end)


_AFFILIATION = re.compile(
    r"\b(?:" + alternatives("job-nouns") + r")"
    r"(?:\s+[a-z][\w\-]*){0,4}?\s+(?:at|with)\s+(?:the\s+)?(?:[A-Z][\w\-]*-based\s+)?"
    r"(?:(?:" + alternatives("employer-nouns") + r")\s+)?"
    rf"(?P<name>{CAP}(?:\s+(?:of|for|and|on|de|the)?\s*{CAP}){{0,6}})(?:\s+\((?P<acronym>[A-Z][A-Za-z]{{1,9}})\))?"
)


_ACRONYM_NAME = re.compile(
    rf"\b(?:by|from|at|with|of)\s+(?:the\s+)?(?P<name>{CAP}(?:\s+(?:of|for|and|on)?\s*{CAP}){{1,6}})"
    r"\s+\((?P<acronym>[A-Z][A-Za-z]{1,9})\)"
)


def affiliations(result: ArticleActors, body: str, blocks: Sequence[Block], gaz: Gazetteer) -> None:
    """Organisations the gazetteer lacks, named as where someone works ("chief economist at Banco Exemplo
    in Lisbon", "an analyst at Bergen-based Nordbank Markets") or with the acronym they go by ("coordinated
    by Open Rights Network (ORN)": the acronym is the initials of the name)."""
    taken = Taken((m.start, m.end) for m in result.mentions)
    for b in blocks:
        found = [(m, False) for m in _AFFILIATION.finditer(body, b.start, b.end)]
        found += [(m, True) for m in _ACRONYM_NAME.finditer(body, b.start, b.end)]
        for m, by_acronym in found:
            name = m.group("name")
            ends = sentence_ends(name)
            name = name[: ends[0].start()] if ends else name.rstrip(".")
            words = name.split()
            while words and words[-1] in ("of", "for", "and", "on", "de", "the"):
                words.pop()
            name = " ".join(words)
            start = m.start("name")
            end = start + len(name)
            acronym = m.group("acronym") or ""
            initials = "".join(w[0] for w in words if w[:1].isupper()).upper()
            if by_acronym and "".join(c for c in acronym if c.isupper()) != initials:
                continue  # "Open Rights Network (ORN)": the acronym's capitals are the name's initials
            if not words or taken.covers(start, end) or (not acronym and words[0] in NOT_NAME_WORDS - ORG_WORDS):
                continue  # (a shorter name inside, "Open" in "Open Rights Network", gives way later)
            if gaz.names.get(tokenize(name)):
                continue  # a country or a known actor's other name ("at the Kremlin")
            # (a shorter form of a name given in full, "at Brookside", is merged later: merge_short_names)
            key = add_actor(
                result, ActorInfo(key=mint("actor", name), label=name, kind="Organization", confidence=0.6), None, 0.6
            )
            result.mentions.append(ActorMention(start, end, key, "org", 0.6))
            if acronym:
                add_alias(result.actors[key], acronym)
                for am in re.finditer(rf"\b{re.escape(acronym)}\b", body):
                    if not start <= am.start() < m.end() and not taken.overlaps(am.start(), am.end()):
                        result.mentions.append(ActorMention(am.start(), am.end(), key, "acronym", 0.6))
                        taken.add(am.start(), am.end())
            taken.add(start, end)


_ORG_NOUNS = {noun: set(kinds.split()) for noun, kinds in table("organisation-nouns").items()}


_BARE_ORG = re.compile(r"\b[Tt]he\s+(?P<noun>" + trie_regex(_ORG_NOUNS) + r")\b(?!\s+(?:of|[A-Z]))")


_STATE_INSTITUTION = re.compile(
    r"^(?:['’]s)?\s+(?:[a-z]+\s+){0,2}(?P<noun>ministry|government|military|authorities|"
    r"embassy|army|navy|police|parliament|central\s+bank|bank|coast\s+guard|agency|"
    r"statistics\s+office|regulator)\b"
)


def bare_organisations(result: ArticleActors, body: str, blocks: Sequence[Block]) -> None:
    """ "the company", "the agency", "the ministry": the organisation of that kind named last, within a few
    sentences; "the ministry" after "the country's energy ministry" is the country's."""
    orgs = [m for m in result.mentions if result.actors[m.key].kind not in ("Person", "Country")]
    for mention in list(result.mentions):
        inst = (
            _STATE_INSTITUTION.match(body[mention.end : mention.end + 40])
            if result.actors[mention.key].kind == "Country"
            else None
        )
        if inst:
            kind = (
                "MilitaryOrganization"
                if inst.group("noun") in ("military", "army", "navy")
                else "GovernmentOrganization"
            )
            orgs.append(
                ActorMention(
                    mention.start, mention.end + inst.end(), mention.key, f"institution:{kind}", mention.confidence
                )
            )
    orgs.sort(key=lambda m: m.start)
    if not orgs:
        return
    taken = Taken((m.start, m.end) for m in result.mentions)
    starts = [o.start for o in orgs]
    longest = max(o.end - o.start for o in orgs)
    for b in blocks:
        for m in _BARE_ORG.finditer(body, b.start, b.end):
            start, end = m.start(), m.end()
            if taken.overlaps(start, end):
                continue
            noun = re.sub(r"\s+", " ", m.group("noun").lower())
            kinds = _ORG_NOUNS[noun]
            # the nearest organisation whose name ends in the noun ("the command": "US Central Command"),
            # else of that kind, ending less than 700 characters before (scanning back from here, not
            # through every organisation of the article)
            named = None
            key = None
            for i in range(bisect.bisect_right(starts, start) - 1, -1, -1):
                o = orgs[i]
                if o.start <= start - 700 - longest:
                    break
                if o.end > start or start - o.end >= 700:
                    continue
                info = result.actors[o.key]
                if named is None and any(n.lower().endswith(" " + noun) for n in (info.label, *info.aliases)):
                    named = o.key
                if key is None and (info.kind in kinds or o.how.split(":")[-1] in kinds):
                    key = o.key
            key = named or key
            if key is None:
                continue
            result.mentions.append(ActorMention(start, end, key, "role", 0.65))
            taken.add(start, end)
