"""roles: role phrases without a name ("the NATO chief", "the Secretary General of NATO") resolved to
the person holding the role, roles given after a name ("Jane Roe, the defence minister,"), and "the
minister" for the person last introduced with that role."""

from __future__ import annotations

import re
from collections.abc import Sequence

from kg.extract.actors.records import ActorMention, ArticleActors, Taken, add_actor, add_alias
from kg.extract.gazetteer import Gazetteer, tokenize
from kg.extract.lexicon import alternatives, trie_regex
from kg.extract.segment import Block


def role_phrases(
    result: ArticleActors,
    body: str,
    blocks: Sequence[Block],
    gaz: Gazetteer,
    links: dict[tuple[str, str], set[str]],
    date: str | None,
) -> None:
    """Role phrases without a name ("the NATO chief", "NATO's Secretary General", "the Secretary General
    of NATO") resolved to the person holding that role: named so in this article, else a gazetteer holder
    the article mentions, else the gazetteer's holder on the article's date when there is exactly one."""
    if not gaz.role_forms:
        return
    form_re = _role_form_re(gaz)
    mentioned_people = {m.key for m in result.mentions if result.actors[m.key].kind == "Person"}
    taken = Taken((m.start, m.end) for m in result.mentions if m.how in ("title", "name", "discovered", "surname"))
    for b in blocks:
        for fm in form_re.finditer(body, b.start, b.end):
            start, end = fm.start(), fm.end()
            if taken.holds(start):
                continue
            # a name right after the role is a titled mention, handled elsewhere
            if re.match(r"\s+[A-Z][a-z]", body[end : end + 3]) and not re.match(r"\s+(?:of|Of)\b", body[end : end + 4]):
                continue
            titles = gaz.role_forms.get(tuple(tokenize(re.sub(r"[\s\-]+", " ", fm.group(0).lower()))), [])
            of_key, phrase_start, phrase_end = _role_owner(result, body, start, end)
            if of_key is None or not titles:
                continue
            person = _resolve_role(titles, of_key, gaz, links, mentioned_people, date)
            if person is None:
                continue
            if person not in result.actors:
                add_actor(result, gaz.entries[person], None, 0.75)
            add_alias(result.actors[person], body[phrase_start:phrase_end])
            result.mentions.append(ActorMention(phrase_start, phrase_end, person, "role", 0.75))
            taken.add(phrase_start, phrase_end)


_ROLE_FORM_RES: dict[int, re.Pattern[str]] = {}


def _role_form_re(gaz: Gazetteer) -> re.Pattern[str]:
    """Any role form of the gazetteer ("secretary general", "top diplomat"), compiled once per gazetteer."""
    pattern = _ROLE_FORM_RES.get(id(gaz))
    if pattern is None:
        forms = [" ".join(f) for f in gaz.role_forms]
        pattern = re.compile(r"\b" + trie_regex(forms, space=r"[\s\-]+") + r"\b", re.IGNORECASE)
        _ROLE_FORM_RES[id(gaz)] = pattern
    return pattern


def _role_owner(result: ArticleActors, body: str, start: int, end: int) -> tuple[str | None, int, int]:
    """The organisation or state a role belongs to: just before it ("NATO's chief", "the Russian
    president") or after it ("Secretary General of NATO"). Returns (key, phrase start, phrase end)."""
    before = None
    for m in result.mentions:
        if m.end <= start and start - m.end <= 4 and re.fullmatch(r"(?:['’]s)?\s*", body[m.end : start]):
            before = m
    if before is not None and result.actors[before.key].kind != "Person":
        phrase_start = before.start
        det = re.search(r"\b(?:the|The)\s+$", body[max(0, phrase_start - 4) : phrase_start])
        if det:
            phrase_start -= len(det.group(0))
        return before.key, phrase_start, end
    after = re.match(r"\s+of\s+(?:the\s+)?", body[end : end + 12])
    if after:
        pos = end + after.end()
        for m in result.mentions:
            if m.start == pos and result.actors[m.key].kind != "Person":
                det = re.search(r"\b(?:the|The)\s+$", body[max(0, start - 4) : start])
                phrase_start = start - (len(det.group(0)) if det else 0)
                return m.key, phrase_start, m.end
    return None, start, end


def _resolve_role(
    titles: list[str],
    of_key: str,
    gaz: Gazetteer,
    links: dict[tuple[str, str], set[str]],
    mentioned: set[str],
    date: str | None,
) -> str | None:
    for title in titles:
        named = links.get((title, of_key), set())
        if len(named) == 1:
            return next(iter(named))
    for title in titles:
        holders = {e.key for e in gaz.holders(title, of_key, None) if e.key in mentioned} | {
            e.key
            for e in gaz.entries.values()
            if e.key in mentioned and any(r.title == title and r.of == of_key for r in e.roles)
        }
        if len(holders) == 1:
            return next(iter(holders))
    if date is None:
        return None
    for title in titles:
        holders = {e.key for e in gaz.holders(title, of_key, date)}
        if len(holders) == 1:
            return next(iter(holders))
    return None


_ROLE_HEADS = "(?:" + alternatives("role-heads") + ")"


_APPOSITIVE_ROLE = re.compile(
    r",\s+(?:the\s+|a\s+|an\s+)?(?P<title>(?:[A-Z][\w\-]*['’]s\s+|[\w\-]+\s+){0,4}" + _ROLE_HEADS + r")\b\s*[,.]"
)


_BARE_ROLE = re.compile(r"\b[Tt]he\s+(?P<title>(?:[a-z][\w\-]*\s+|[A-Z][a-z]+\s+){0,2}" + _ROLE_HEADS + r")\b")


def appositive_titles(result: ArticleActors, body: str, blocks: Sequence[Block]) -> None:
    """Roles given after a name: "Jane Roe, Latvia's defence minister, said"."""
    for m in sorted(result.mentions, key=lambda m: m.start):
        if result.actors[m.key].kind != "Person":
            continue
        am = _APPOSITIVE_ROLE.match(body, m.end)
        if am:
            words = frozenset(
                w.lower().strip(".,'’").removesuffix("'s").removesuffix("’s") for w in am.group("title").split()
            )
            result.titles.append((m.start, m.key, words))


def bare_roles(result: ArticleActors, body: str, blocks: Sequence[Block]) -> None:
    """ "the minister", "the foreign minister", "the president": the person last introduced with that role."""
    if not result.titles:
        return
    taken = Taken((m.start, m.end) for m in result.mentions)
    titles = sorted(result.titles)
    for b in blocks:
        for m in _BARE_ROLE.finditer(body, b.start, b.end):
            start, end = m.start(), m.end()
            if taken.overlaps(start, end):
                continue
            if re.match(r"\s+(?:of\b|[A-Z][a-z])", body[end : end + 4]) or re.match(r"['’]s\b", body[end : end + 2]):
                continue  # "the president of X" and "the minister Jane Roe" are handled elsewhere
            words = [w.lower() for w in m.group("title").split()]
            head, qualifiers = words[-1], set(words[:-1]) - {"former", "new", "top", "current"}
            candidates = [key for pos, key, tw in titles if pos < start and head in tw and qualifiers <= tw]
            if not candidates:
                continue
            key = candidates[-1]
            result.mentions.append(ActorMention(start, end, key, "role", 0.7))
            add_alias(result.actors[key], body[start:end])
            taken.add(start, end)
