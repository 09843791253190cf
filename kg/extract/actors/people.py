"""people: people the gazetteer does not know — named with a title ("Defence Minister Jane Roe"), as
speakers ("Jane Roe said", "..., said Jane Roe, a former diplomat"), later by surname alone — and
shorter forms of a name merged into the full one."""

from __future__ import annotations

import re
from collections.abc import Sequence

from kg.extract.actors.names import (
    APPOSITIVE_OPTIONAL,
    CAP,
    COMMON_PLURALS,
    HONORIFICS,
    MEDIA_BEFORE,
    NAME_RE,
    NOT_NAME_WORDS,
    ORG_WORDS,
    SHARED_SURNAMES,
    SURNAME_STOP,
    TITLE_FORMS,
    discovered_kind,
    is_title,
    person_key,
    strip_article,
)
from kg.extract.actors.records import ActorInfo, ActorMention, ArticleActors, Taken, add_actor, add_alias
from kg.extract.gazetteer import Gazetteer, tokenize
from kg.extract.lexicon import CUE_RE, trie_regex
from kg.extract.segment import Block
from kg.iris import mint

_TITLE_SEQ = r"(?:(?i:" + trie_regex(TITLE_FORMS) + r")(?:\s+of)?[\s\-]+){1,4}"


_TITLED_RE = re.compile(
    rf"(?P<title>(?:\b[A-Z][\w\-]*['’]s\s+)?(?:\b[A-Z][\w\-.]*\s+)?{_TITLE_SEQ})(?P<name>{NAME_RE.pattern}|{CAP})"
)


def titled_people(
    result: ArticleActors, body: str, blocks: Sequence[Block], gaz: Gazetteer
) -> dict[tuple[str, str], set[str]]:
    """People named with a title ("US President Joe Biden", "NATO Chief Jens Stoltenberg").

    Returns links (role title, organisation/country key) -> person keys found in this article.
    """
    links: dict[tuple[str, str], set[str]] = {}
    for b in blocks:
        start_b, end_b = b.start, b.end
        for m in _TITLED_RE.finditer(body, start_b, end_b):
            name = m.group("name").strip()
            title = m.group("title")
            name_words = name.split()
            if not name_words[0][:1].isupper() or name_words[0] in NOT_NAME_WORDS:
                continue
            # trim trailing words that are not part of a name (a verb after the name is lowercase anyway)
            while name_words and (name_words[-1] in NOT_NAME_WORDS or not name_words[-1][:1].isupper()):
                name_words.pop()
            if not name_words:
                continue
            name = " ".join(name_words).rstrip(".,;:'’")
            name = re.sub(r"['’]s$", "", name)
            if not any(t.lower().strip(".") in TITLE_FORMS for t in title.split()):
                continue
            lead = title.split()[0]
            if lead[:1].islower() and lead.lower() not in TITLE_FORMS:
                continue
            key = person_key(name, gaz)
            if key is None and len(name_words) < 2:
                continue
            if key is None and any(w in NOT_NAME_WORDS for w in name_words):
                continue
            if key is None and discovered_kind(name_words) != "Person":
                continue  # "National Grain Corporation": "National" is no title of a person
            if key is None:
                # an organisation or country is not a person ("President of Russia")
                if gaz.names.get(tokenize(name)):
                    continue
                info = ActorInfo(key=mint("actor", name), label=name, kind="Person", confidence=0.8)
                key = add_actor(result, info, None, 0.8)
                entry_conf = 0.8
            else:
                add_actor(result, gaz.entries[key], None, 0.9)
                entry_conf = 0.9
            name_start = m.start("name")
            name_end = name_start + len(name)
            span_start = m.start("title")
            surface = body[span_start:name_end]
            add_alias(result.actors[key], surface)
            add_alias(result.actors[key], name)
            result.mentions.append(ActorMention(span_start, name_end, key, "title", entry_conf))
            result.titles.append((span_start, key, frozenset(w.lower().strip(".,'’") for w in title.split())))
            # the role this title names, and of what (from a mention just before the title words)
            for role, of in _title_roles(title, span_start, result, body, gaz):
                links.setdefault((role, of), set()).add(key)
    return links


def _title_roles(
    title: str, title_start: int, result: ArticleActors, body: str, gaz: Gazetteer
) -> list[tuple[str, str]]:
    words = [w.lower().strip(".,'’") for w in re.sub(r"['’]s\b", "", title).split()]
    of_key = None
    for m in result.mentions:
        if title_start <= m.start < title_start + len(title) and m.how in ("name", "acronym", "demonym", "metonym"):
            of_key = m.key
            break
    if of_key is None:
        return []
    roles = []
    for n in range(len(words), 0, -1):
        for i in range(len(words) - n + 1):
            for role in gaz.role_forms.get(tuple(tokenize(" ".join(words[i : i + n]))), []):
                roles.append((role, of_key))
        if roles:
            break
    return roles


def cue_subject_people(result: ArticleActors, body: str, blocks: Sequence[Block]) -> None:
    """People the gazetteer does not know, named as speakers: "Jane Roe said", "Jane Roe, an analyst at
    X, said", "..., said Jane Roe, a former diplomat"."""
    taken = Taken((m.start, m.end) for m in result.mentions)
    name = rf"(?P<name>{CAP}(?:\s+(?:of\s+|for\s+|and\s+)?{CAP}){{0,5}})"
    before_cue = re.compile(
        rf"(?<![\w’']){name}(?:\s*\([A-Z][A-Za-z]{{1,9}}\))?{APPOSITIVE_OPTIONAL}"
        rf"(?:,\s*(?:however|meanwhile|too|also|in\s+turn),)?,?\s+(?:has\s+|had\s+|also\s+)?"
        rf"(?={CUE_RE.pattern})"
    )
    after_cue = re.compile(rf"[,”\"]\s*{CUE_RE.pattern}\s+{name}(?=\s*[,.;]|\s+(?:on|in|at|during)\b)")
    according = re.compile(rf"\b(?i:according\s+to)\s+(?:the\s+)?(?:[a-z][\w\-]*\s+){{0,3}}{name}")
    by_org = re.compile(
        rf"\b(?i:(?:carried\s+out|conducted|commissioned|published|compiled|released)\s+by)\s+"
        rf"(?:the\s+)?{name}"
    )
    documents = re.compile(
        rf"\b(?:[Aa]|[Aa]n|[Tt]he|[Nn]ew|[Ll]atest)\s+{name}\s+(?=(?i:survey|poll|report|study|"
        rf"analysis|index|barometer|statement|data)\b)"
    )
    data_from = re.compile(
        rf"\b(?i:data|figures|statistics|estimates|report|survey|analysis)\s+(?i:from|by)\s+"
        rf"(?:the\s+)?(?:[a-z][\w\-]*\s+){{0,3}}{name}"
    )
    media = re.compile(
        rf"\b(?i:daily|newspaper|broadcaster|news\s+agency|weekly|magazine|outlet|channel|"
        rf"television|tabloid)\s+{name}"
    )
    # a person introduced with an appositive at the start of a sentence: "Marta Rossi, the Italian
    # lawmaker who steered the act, was unconvinced."
    introduced = re.compile(rf"(?:^|(?<=[.!?”\"]\s)|(?<=\n)){name}(?=,\s+(?:the|a|an)\s+[^,]{{3,120}},)")
    candidates = sorted(
        strip_article(m.start("name"), m.group("name").rstrip("."))
        for b in blocks
        for pattern in (before_cue, after_cue, according, by_org, documents, data_from, media, introduced)
        for m in pattern.finditer(body, b.start, b.end)
    )
    # full names first, so that a later surname alone ("Roe said") is not taken for an organisation
    for single_pass in (False, True):
        for start, found in candidates:
            end = start + len(found)
            words = found.split()
            while len(words) > 2 and (is_title(words[0].rstrip(".")) or words[0].rstrip(".").lower() in HONORIFICS):
                # "Cmdr. Marco Lo Bianco", "Dr. Ruth Hale": the title is named (the mention keeps it, so
                # "said Cmdr. X" still finds X right after the verb) but is not part of the name
                found = found[found.index(words[1], len(words[0])) :]
                words = words[1:]
            if (len(words) == 1) != single_pass:
                continue
            inner = [m for m in result.mentions if start <= m.start and m.end <= end]
            if (
                len(words) > 1
                and words[-1] in ORG_WORDS
                and inner
                and all(result.actors[m.key].kind == "Country" for m in inner)
            ):
                result.mentions = [m for m in result.mentions if m not in inner]
                taken = Taken((m.start, m.end) for m in result.mentions)
            if taken.overlaps(start, end) or words[0] in NOT_NAME_WORDS - ORG_WORDS:
                continue
            if single_pass and any(a.kind == "Person" and found in a.label.split() for a in result.actors.values()):
                continue
            if single_pass and found.lower() in COMMON_PLURALS:
                continue  # "Economists caution ...", "Analysts say ..." are groups, not organisations
            kind = discovered_kind(words)
            if MEDIA_BEFORE.search(body[max(0, start - 40) : start]):
                kind = "NewsMediaOrganization"  # "the state broadcaster Radio Centrale"
            if kind is None:
                continue
            info = ActorInfo(key=mint("actor", found), label=found, kind=kind, confidence=0.6)
            key = add_actor(result, info, body[start:end] if end - start > len(found) else None, 0.6)
            result.mentions.append(ActorMention(start, end, key, "discovered", 0.6))
            taken.add(start, end)


def surname_links(result: ArticleActors, body: str, blocks: Sequence[Block]) -> None:
    """Later mentions of a discovered person by surname alone ("Roe said")."""
    people = [a for a in result.actors.values() if a.kind == "Person" and len(a.label.split()) >= 2]
    if not people:
        return
    taken = Taken((m.start, m.end) for m in result.mentions)
    by_surname: dict[str, list[str]] = {}
    for p in people:
        tokens = p.label.split()
        by_surname.setdefault(tokens[-1], []).append(p.key)
        if "-" in tokens[-1] and len(tokens) == 2:  # "Lin Mei-hua": the family name comes first
            by_surname.setdefault(tokens[0], []).append(p.key)
    for surname, keys in by_surname.items():
        if len(keys) != 1 or surname in SURNAME_STOP - SHARED_SURNAMES or len(surname) < 3:
            continue
        for b in blocks:
            for m in re.finditer(rf"\b{re.escape(surname)}\b", body[b.start : b.end]):
                start = b.start + m.start()
                end = start + len(surname)
                if taken.covers(start, end):
                    continue
                result.mentions.append(ActorMention(start, end, keys[0], "surname", 0.8))
                taken.add(start, end)


def merge_short_names(result: ArticleActors) -> None:
    """An actor found by a shorter form of a name the article gives in full is that actor, not a second
    one: a person by the end of the name ("Lo Bianco said" after "Cmdr. Marco Lo Bianco"), an
    organisation by its start ("Brookside said" after "Brookside Research Group")."""
    found_by: dict[str, set[str]] = {}
    for m in result.mentions:
        found_by.setdefault(m.key, set()).add(m.how)
    actors = list(result.actors.values())
    for short in actors:
        person = short.kind == "Person"
        if short.key not in result.actors or not found_by.get(short.key, {"name"}) <= (
            {"discovered"} if person else {"discovered", "org"}
        ):
            continue
        words = short.label.split()
        longer = [
            a.key
            for a in actors
            if a.key != short.key
            and a.key in result.actors
            and (a.kind == "Person") == person
            and len(a.label.split()) > len(words)
            and (a.label.split()[-len(words) :] if person else a.label.split()[: len(words)]) == words
        ]
        if len(longer) != 1:
            continue
        full = result.actors[longer[0]]
        result.mentions = [
            ActorMention(m.start, m.end, full.key, "surname" if person else "name", m.confidence)
            if m.key == short.key
            else m
            for m in result.mentions
        ]
        add_alias(full, short.label)
        for alias in short.aliases:
            add_alias(full, alias)
        del result.actors[short.key]
