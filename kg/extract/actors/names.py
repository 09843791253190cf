"""names: the shape of names — capitalised words, titles and honorifics, words that never begin a person's
name or that make a name an organisation's — and what a name found as a speaker is."""

from __future__ import annotations

import re

from kg.extract.gazetteer import Gazetteer, name_list, tokenize
from kg.extract.lexicon import APPOSITIVE, GROUP_NOUNS, GROUP_PEOPLE_NOUNS, TITLE_WORDS
from kg.lexicon import words
from kg.models import ActorKind
from kg.text.dates import MONTH_NAMES, WEEKDAY_NAMES

TOKEN_RE = re.compile(r"\w+|[^\w\s]")


CAP = r"(?:[A-ZÀ-ÖØ-ÞĀ-ſ][\w'’\-]*\.?)"


_PARTICLE = r"(?:de|da|di|del|der|van|von|bin|ibn|al|el|le|la|du|dos|das|ter|ten|zu)"


NAME_RE = re.compile(rf"{CAP}(?:\s+(?:{_PARTICLE}\s+)?{CAP}){{1,3}}")


NOT_NAME_WORDS = set(words("not-name-words")) | set(MONTH_NAMES) | set(WEEKDAY_NAMES) | name_list("not_person_names")


SURNAME_STOP = name_list("surnames_alone")


SHARED_SURNAMES = name_list("shared_surnames")
"""Surnames too common to name one gazetteer person, but no English word: within one article that names
a single person by it ("Lin Mei-hua ... Lin said"), it is that person."""


TITLE_FORMS = sorted({w.lower() for w in TITLE_WORDS}, key=len, reverse=True)


def is_title(word: str) -> bool:
    return word.lower().strip(",") in TITLE_FORMS


HONORIFICS = set(words("honorifics"))


COMMON_PLURALS = (
    {w.lower() for w in GROUP_NOUNS} | {w.lower() for w in GROUP_PEOPLE_NOUNS} | set(words("common-plurals"))
)


_OWNER_WORDS = set(words("owner-words")) | name_list("owner_names")


def sentence_ends(name: str) -> list[re.Match[str]]:
    """Where a run of capitalised words crosses the end of a sentence ("Nordbank Markets. Vestby"); not after
    a title ("Cmdr. Lo Bianco")."""
    return [
        e
        for e in re.finditer(r"(?<=[a-z]{2})\.\s+", name)
        if not is_title(word := name[: e.start()].split()[-1]) and word.lower() not in HONORIFICS
    ]


def strip_article(start: int, name: str) -> tuple[int, str]:
    """ "The Ramblers" -> "Ramblers" (the article is not part of the name); a name does not run across the end
    of a sentence ("... Research Group. Eastgate said": "Eastgate")."""
    ends = sentence_ends(name)
    if ends:
        start, name = start + ends[-1].end(), name[ends[-1].end() :]
    if name.startswith("The ") and len(name.split()) > 1:
        start, name = start + 4, name[4:]
    owner = re.match(r"([\w\-]+)['’]s\s+", name)
    if owner and len(name.split()) > 2 and owner.group(1) in _OWNER_WORDS:
        # "Senate’s Budget Research Office": the owner is not part of the name (but "Lloyd's List" is)
        start, name = start + owner.end(), name[owner.end() :]
    return start, name


MEDIA_BEFORE = re.compile(
    r"\b(?:daily|newspaper|broadcaster|news\s+agency|weekly|magazine|outlet|channel|television|"
    r"tabloid|radio|website)\s+$",
    re.IGNORECASE,
)


ORG_WORDS = set(words("organisation-words"))


def discovered_kind(words: list[str]) -> ActorKind | None:
    """A name found as a speaker: an organisation when it sounds like one ("Gas Infrastructure Europe",
    "Riverside School of Economics", a single word such as "Northwind"), else a person ("Jane Roe")."""
    caps = [w for w in words if w[:1].isupper()]
    if any(w.strip(".,") in ORG_WORDS for w in caps) or len(words) == 1 or len(words) > 4:
        return "Organization"
    if any(w.strip(".") in NOT_NAME_WORDS for w in words) or any(w.isupper() and len(w) > 1 for w in words):
        return None
    if any(w in ("of", "for", "and") for w in words):
        return "Organization"
    return "Person"


def person_key(name: str, gaz: Gazetteer) -> str | None:
    """Gazetteer person for a full name or surname, if exactly one."""
    tokens = tokenize(name)
    hits = [k for k, how in gaz.names.get(tokens, []) if gaz.entries[k].kind == "Person"]
    if len(hits) == 1:
        return hits[0]
    return None


APPOSITIVE_OPTIONAL = r"(?:" + APPOSITIVE + r")?"
