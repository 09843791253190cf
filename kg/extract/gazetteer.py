"""gazetteer: real-world actors kept as data (kg/data/gazetteer/*.json), and fast lookup of their names.

Countries with aliases, demonyms and capitals used as metonyms; international and government
organisations and news media; office holders with their roles over time and Wikidata QIDs. Names are
matched on token sequences (no giant regular expression), so lookup cost grows with text length only.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any, Literal, cast

from kg.models import ActorKind

DATA_DIR = Path(__file__).resolve().parent.parent / "data" / "gazetteer"
TOKEN_RE = re.compile(r"\w+|[^\w\s]")
MAX_NAME_TOKENS = 9

How = Literal["name", "acronym", "demonym", "metonym", "contextual", "surname"]


@dataclass(frozen=True, slots=True)
class Role:
    title: str
    of: str
    start: str | None
    end: str | None

    def held_on(self, date: str | None) -> bool:
        """Whether the role was held on ``date`` (ISO, any precision); an unknown date matches current roles."""
        if date is None:
            return self.end is None
        if self.start and date < self.start[: len(date)]:
            return False
        return not (self.end and date > self.end[: len(date)])


@dataclass(frozen=True, slots=True)
class Entry:
    key: str
    label: str
    kind: ActorKind
    qid: str | None = None
    aliases: tuple[str, ...] = ()
    acronyms: tuple[str, ...] = ()
    demonyms: tuple[str, ...] = ()
    metonyms: tuple[str, ...] = ()
    contextual: tuple[str, ...] = ()
    surnames: tuple[str, ...] = ()
    gender: str | None = None
    nationality: str | None = None
    country: str | None = None
    roles: tuple[Role, ...] = ()
    historical: bool = False


@dataclass(frozen=True, slots=True)
class RoleDef:
    title: str
    forms: tuple[str, ...]
    head: bool


@dataclass
class Gazetteer:
    entries: dict[str, Entry] = field(default_factory=dict)
    roles: dict[str, RoleDef] = field(default_factory=dict)
    names: dict[tuple[str, ...], list[tuple[str, How]]] = field(default_factory=dict)
    lower_names: dict[tuple[str, ...], list[tuple[str, How]]] = field(default_factory=dict)
    role_forms: dict[tuple[str, ...], list[str]] = field(default_factory=dict)
    first: dict[str, int] = field(default_factory=dict)  # first token of a name -> tokens in its longest name
    lower_first: dict[str, int] = field(default_factory=dict)

    def add_name(self, text: str, key: str, how: How) -> None:
        tokens = tokenize(text)
        if not tokens or len(tokens) > MAX_NAME_TOKENS:
            return
        bucket = self.names.setdefault(tokens, [])
        if (key, how) not in bucket:
            bucket.append((key, how))
        self.first[tokens[0]] = max(self.first.get(tokens[0], 0), len(tokens))
        if how in ("name", "metonym") and len(text) >= 4 and not text.isupper():
            low = tuple(t.lower() for t in tokens)
            lower_bucket = self.lower_names.setdefault(low, [])
            if (key, how) not in lower_bucket:
                lower_bucket.append((key, how))
            self.lower_first[low[0]] = max(self.lower_first.get(low[0], 0), len(low))

    def holders(self, title: str, of: str, date: str | None) -> list[Entry]:
        """People the gazetteer says held ``title`` of ``of`` on ``date``."""
        return [
            e
            for e in self.entries.values()
            if any(r.title == title and r.of == of and r.held_on(date) for r in e.roles)
        ]


def tokenize(text: str) -> tuple[str, ...]:
    """Tokens as the matcher sees them: words and single punctuation marks ("U.S." -> U . S .)."""
    return tuple(m.group(0) for m in TOKEN_RE.finditer(text.replace("’", "'")))


def _strings(value: Any) -> tuple[str, ...]:
    if value is None:
        return ()
    if isinstance(value, str):
        return (value,)
    return tuple(str(v) for v in value if v)


def _entry(raw: dict[str, Any], default_kind: ActorKind) -> Entry:
    raw_kind = str(raw.get("type") or default_kind)
    kind = cast(ActorKind, "Country" if raw_kind == "State" else raw_kind)
    roles = tuple(
        Role(title=str(r["title"]), of=str(r["of"]), start=r.get("start"), end=r.get("end"))
        for r in raw.get("roles", ())
        if r.get("title") and r.get("of")
    )
    return Entry(
        key=str(raw["key"]),
        label=str(raw["label"]),
        kind=kind,
        qid=raw.get("qid") or None,
        aliases=_strings(raw.get("aliases")),
        acronyms=_strings(raw.get("acronyms")),
        demonyms=_strings(raw.get("demonyms")),
        metonyms=_strings(raw.get("metonyms")),
        contextual=_strings(raw.get("contextual")),
        surnames=_strings(raw.get("surname")) + _strings(raw.get("surnames")),
        gender=raw.get("gender"),
        nationality=raw.get("nationality"),
        country=raw.get("country"),
        roles=roles,
        historical=bool(raw.get("historical", False)),
    )


def _read(name: str) -> Any:
    path = DATA_DIR / name
    if not path.is_file():
        return [] if name != "roles.json" else {}
    return json.loads(path.read_text(encoding="utf-8"))


_ARABIC_ARTICLE = re.compile(r"\b(?P<article>[Aa]l|[Ee]l|[Aa]d|[Aa]sh|[Aa]z|[Aa]r)(?P<sep>[\- ])(?=[A-Z])")


def spelling_variants(text: str) -> tuple[str, ...]:
    """The ways a name with the Arabic article is written ("al-Rashid", "Al Rashid", "Al-Rashid",
    "al Rashid"): the article in either case, joined by a hyphen or a space."""
    if not _ARABIC_ARTICLE.search(text):
        return (text,)
    variants = {text}
    for upper in (False, True):
        for sep in ("-", " "):

            def spell(m: re.Match[str], upper: bool = upper, sep: str = sep) -> str:
                article = m.group("article").lower()
                return (article.capitalize() if upper else article) + sep

            variants.add(_ARABIC_ARTICLE.sub(spell, text))
    return tuple(sorted(variants))


@cache
def name_list(name: str) -> frozenset[str]:
    """One list of ``name-rules.json``: real names that a rule treats specially (see the file for each list).

    >>> bool(name_list("owner_names"))
    True
    """
    lists: dict[str, Any] = _read("name-rules.json")
    return frozenset(lists[name]["names"])


@cache
def load_gazetteer() -> Gazetteer:
    """The gazetteer shipped with kg (loaded once per process)."""
    gaz = Gazetteer()
    for name, default_kind in (
        ("countries.json", "Country"),
        ("organisations.json", "Organization"),
        ("people.json", "Person"),
    ):
        for raw in _read(name):
            entry = _entry(raw, default_kind)  # type: ignore[arg-type]
            gaz.entries[entry.key] = entry
    for title, raw in _read("roles.json").items():
        gaz.roles[title] = RoleDef(title=title, forms=_strings(raw.get("forms")), head=bool(raw.get("head")))
        for form in gaz.roles[title].forms:
            gaz.role_forms.setdefault(tuple(t.lower() for t in tokenize(form)), []).append(title)
    # names: an entry's own names win over another entry's metonyms/demonyms for the same string
    for how in ("name", "acronym", "metonym", "demonym", "contextual", "surname"):
        for entry in gaz.entries.values():
            strings: tuple[str, ...]
            if how == "name":
                strings = (entry.label, *entry.aliases)
            else:
                strings = {
                    "acronym": entry.acronyms,
                    "metonym": entry.metonyms,
                    "demonym": entry.demonyms,
                    "contextual": entry.contextual,
                    "surname": entry.surnames,
                }[how]
            for text in strings:
                for variant in spelling_variants(text) if how in ("name", "surname") else (text,):
                    gaz.add_name(variant, entry.key, how)
    return gaz
