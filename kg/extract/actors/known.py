"""known: actors the gazetteer knows, found by their names, acronyms, demonyms, metonyms and surnames
(exact case first, then lower case for countries named with capitals too), and by generic phrases
("the alliance") for an actor the article also names outright."""

from __future__ import annotations

import re

from kg.extract.actors.names import NOT_NAME_WORDS, SURNAME_STOP, is_title
from kg.extract.actors.records import ActorMention, ArticleActors, Taken, add_actor
from kg.extract.gazetteer import Gazetteer, How, name_list, tokenize


def gazetteer_pass(
    result: ArticleActors,
    tokens: list[tuple[int, int, str]],
    body: str,
    gaz: Gazetteer,
    *,
    lower: bool,
    present: set[str] | None = None,
) -> set[str]:
    """Exact-case names first; lowercase matches only for actors also named with capitals in the article."""
    seen: set[str] = set()
    table = gaz.lower_names if lower else gaz.names
    longest = gaz.lower_first if lower else gaz.first  # first token -> longest name starting with it
    words = [t[2].lower() for t in tokens] if lower else [t[2] for t in tokens]
    n = len(tokens)
    # run[k]: how many tokens from k on are contiguous (joined by at most one space)
    run = [1] * n
    for k in range(n - 2, -1, -1):
        if tokens[k + 1][0] - tokens[k][1] <= 1:
            run[k] = run[k + 1] + 1
    i = 0
    taken = {(m.start, m.end) for m in result.mentions}
    while i < n:
        matched = False
        top = min(longest.get(words[i], 0), run[i], n - i)
        for length in range(top, 0, -1):
            window = tokens[i : i + length]
            candidates = table.get(tuple(words[i : i + length]))
            if not candidates:
                continue
            start, end = window[0][0], window[-1][1]
            if not _word_bounded(body, start, end):
                continue
            if lower and gaz.entries[candidates[0][0]].kind != "Country":
                continue
            choice = _choose(candidates, gaz, present if lower else None, body, start)
            if choice is None:
                continue
            key, how = choice
            if how == "contextual":
                continue
            if (start, end) in taken:
                matched = True
                i += length
                break
            if how == "metonym" and re.match(r" [A-Z][a-z]", body[end : end + 3]):
                i += length
                matched = True
                break
            if _names_region(body, start, end):
                i += length
                matched = True
                break
            entry = gaz.entries[key]
            conf = {"name": 0.95, "acronym": 0.9, "metonym": 0.8, "demonym": 0.7, "surname": 0.85}.get(how, 0.7)
            if lower:
                conf -= 0.15
            surface = body[start:end] if how in ("name", "acronym", "metonym", "surname") else None
            add_actor(result, entry, surface, conf)
            result.mentions.append(ActorMention(start, end, key, how, conf))
            if how in ("name", "acronym"):
                seen.add(key)
            matched = True
            i += length
            break
        if not matched:
            i += 1
    return seen


_REGIONS = [region.rsplit(" ", 1) for region in sorted(name_list("regions"))]


def _names_region(body: str, start: int, end: int) -> bool:
    """Is the name at [start, end) part of a region's name ("... America" after its qualifying word)?"""
    window = body[max(0, start - 8) : start]
    return any(body[start:end] == name and re.match(re.escape(word) + r"\s+$", window) for word, name in _REGIONS)


def _word_bounded(body: str, start: int, end: int) -> bool:
    before = body[start - 1] if start > 0 else " "
    after = body[end] if end < len(body) else " "
    return not (before.isalnum() or after.isalnum())


def _choose(
    candidates: list[tuple[str, How]], gaz: Gazetteer, present: set[str] | None, body: str, start: int
) -> tuple[str, How] | None:
    order = {"name": 0, "acronym": 1, "metonym": 2, "demonym": 3, "surname": 4, "contextual": 5}
    ranked = sorted(candidates, key=lambda c: (order[c[1]], c[0]))
    if present is not None:  # lowercase pass
        ranked = [c for c in ranked if c[0] in present]
        if not ranked:
            return None
    best = ranked[0]
    same_rank = [c for c in ranked if order[c[1]] == order[best[1]]]
    if len(same_rank) > 1:
        return None  # ambiguous (two entries share the name): leave it to the other rules
    if best[1] == "surname":
        word = body[start : start + 30].split()[0].strip(".,;:'’")
        if word in SURNAME_STOP:
            return None
        # "Dominic Johnson" is not Boris Johnson: a capitalised word right before the surname
        prev = body[max(0, start - 25) : start].rstrip()
        prev_word = prev.split()[-1] if prev.split() else ""
        if prev_word[-1:] in tuple(',;:.!?"”)’'):
            prev_word = ""  # the word ends a phrase before the name ('... the Middle East," Al Rashid told')
        if prev_word[:1].isupper() and prev_word.strip(".,") not in NOT_NAME_WORDS and not is_title(prev_word):
            return None
    return best


def contextual_pass(
    result: ArticleActors, tokens: list[tuple[int, int, str]], body: str, gaz: Gazetteer, present: set[str]
) -> None:
    """Generic phrases ("the alliance") count only for an actor the article also names outright."""
    if not present:
        return
    phrases: dict[tuple[str, ...], str] = {}
    for key in present:
        for text in gaz.entries[key].contextual:
            phrases.setdefault(tuple(t.lower() for t in tokenize(text)), key)
    if not phrases:
        return
    first = {p[0] for p in phrases}
    longest = max(len(p) for p in phrases)
    taken = Taken((m.start, m.end) for m in result.mentions)
    words = [t[2].lower() for t in tokens]
    for i in range(len(tokens)):
        if words[i] not in first:
            continue
        for length in range(min(longest, len(tokens) - i), 0, -1):
            window = tokens[i : i + length]
            phrase_key = phrases.get(tuple(words[i : i + length]))
            if phrase_key is None:
                continue
            start, end = window[0][0], window[-1][1]
            if taken.overlaps(start, end):
                break
            add_actor(result, gaz.entries[phrase_key], body[start:end], 0.7)
            result.mentions.append(ActorMention(start, end, phrase_key, "contextual", 0.7))
            break
