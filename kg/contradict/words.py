"""words: the language data the detectors read, and the crude normalisation of the words they compare.

The word lists are files in ``kg/data/lexicon/contradict-*`` (general English), read through
:mod:`kg.lexicon`; :func:`alternatives` turns a list into regex alternatives, in its order. Content words
are compared after :func:`content_word` (a crude stem) and :func:`paraphrased` (a few paraphrases written
one way); years and months a text gives are kept as ``when:<year or month>``.

>>> content_word("countries"), content_word("backed"), content_word("began")
('country', 'support', 'begin')
>>> sorted(number_words("about 95 people were believed to have been aboard in May", "people"))
['board', 'when:May']
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

from kg.lexicon import document, table, words
from kg.text.dates import MONTH_NAMES, WEEKDAY_NAMES

__all__ = [
    "FUNCTION_WORDS",
    "MONTHS",
    "NOT_NAMES",
    "WEEKDAYS",
    "alternatives",
    "content_word",
    "every_word",
    "listed",
    "names_in",
    "number_words",
    "paraphrased",
    "phrase",
    "plain_words",
    "slots",
    "tokens",
    "when_words",
]

MONTHS = MONTH_NAMES
WEEKDAYS = WEEKDAY_NAMES


def phrase(entry: str) -> str:
    r"""A lexicon entry as a pattern: its words escaped, the space between two words matching ``\s+``.

    >>> phrase("no longer"), phrase("vs.")
    ('no\\s+longer', 'vs\\.')
    """
    return r"\s+".join(re.escape(word) for word in entry.split())


def alternatives(found: Iterable[str]) -> str:
    """Lexicon entries as regex alternatives, in their order (the first that matches is taken)."""
    return "|".join(phrase(entry) for entry in found)


def listed(name: str, *path: str) -> tuple[str, ...]:
    """The list of words at ``path`` in the lexicon document ``<name>.json``."""
    node = document(name)
    for key in path:
        node = node[key]
    if not isinstance(node, list) or not all(isinstance(x, str) for x in node):
        raise ValueError(f"kg/data/lexicon/{name}.json: {' / '.join(path)} is not a list of words")
    return tuple(node)


def slots(name: str, *path: str) -> dict[str, str]:
    r"""The lists of the pattern at ``path`` in ``<name>.json``, to fill the places of a regular expression:
    each list as alternatives (``a|b``), and, under its name with ``?`` added, as words that may stand
    before the next one (``(?:simply\s+|just\s+)?``)."""
    node = document(name)
    for key in path:
        node = node[key]
    found: dict[str, str] = {}
    for slot, value in node.items():
        if isinstance(value, list):
            listed_words = listed(name, *path, slot)
            found[slot] = alternatives(listed_words)
            found[f"{slot}?"] = "(?:" + "|".join(phrase(w) + r"\s+" for w in listed_words) + ")?"
    return found


FUNCTION_WORDS = words("contradict-function-words") | {w.lower() for w in MONTHS + WEEKDAYS}
"""Words too common to tell two statements or two figures apart."""
NOT_NAMES = words("contradict-not-names") | frozenset(MONTHS + WEEKDAYS)
"""Capitalised words that name no actor or place."""
_HEDGES = words("contradict-hedges")
"""Words that hedge a figure ("were believed to have been aboard") and say nothing of what is counted."""
_SPELLINGS = table("contradict-spellings")
_IRREGULAR = table("contradict-irregular-verbs")
_PARAPHRASES = tuple(
    (re.compile(phrase(text), re.IGNORECASE), text.split(), written.split())
    for text, written in table("contradict-paraphrases").items()
)
_PARAPHRASE = re.compile(rf"\b(?:{alternatives(table('contradict-paraphrases'))})\b", re.IGNORECASE)
_WHEN = re.compile(r"\b(?:1[89]\d\d|20\d\d|" + "|".join(MONTHS) + r")\b")
_TOKEN = re.compile(r"[A-Za-z][A-Za-z\-]+")


def _written(m: re.Match[str]) -> str:
    """The paraphrase found, written one way: the first of the list whose pattern matches it all; the words
    it starts with and keeps ("voted" in "voted for" -> "voted favour") stay as the text writes them."""
    said = m.group(0).split()
    entry, written = next((entry, written) for pattern, entry, written in _PARAPHRASES if pattern.fullmatch(m.group(0)))
    kept = 0
    while kept < min(len(entry), len(written)) and entry[kept] == written[kept]:
        kept += 1
    return " ".join(said[:kept] + written[kept:])


def paraphrased(text: str) -> str:
    """``text`` with a few paraphrases written one way ("voted in favour" and "voted for", "set sail" and
    "left", "on board" and "aboard").

    >>> paraphrased("130 people on board")
    '130 people aboard'
    """
    return _PARAPHRASE.sub(_written, text)


@lru_cache(maxsize=1 << 16)
def content_word(word: str) -> str:
    """A crude stem: spelling variants and a few synonyms written one way, irregular forms as their verb,
    "-ies" as "-y", and "-ing", "-ed", "-es" (after s, x, z, ch, sh), "-s" cut off while four letters remain
    (three for "-ing" and "-ed": "voting" and "voted" are "vot")."""
    word = _SPELLINGS.get(word, word)
    word = _IRREGULAR.get(word, word)
    if word.endswith("ies") and len(word) >= 6:
        return word[:-3] + "y"  # "countries" is "country"
    if word.endswith("es") and word[:-2].endswith(("s", "x", "z", "ch", "sh")) and len(word) >= 5:
        return word[:-2]  # "taxes", "churches"; but "pipelines", "states" lose the "s" only
    for suffix in ("ing", "ed", "s"):
        least = 3 if suffix in ("ing", "ed") else 4
        if word.endswith(suffix) and len(word) - len(suffix) >= least and not word.endswith("ss"):
            return word[: -len(suffix)]
    return word


def tokens(text: str) -> list[str]:
    """The words of ``text`` (possessive "'s" left out)."""
    return _TOKEN.findall(text.replace("’s", "").replace("'s", ""))


def number_words(said: str, unit: str | None) -> frozenset[str]:
    """Content words of ``said`` (lower-cased, crudely stemmed) without the unit and function words, and
    the years and months it gives as ``when:<year or month>``."""
    unit_word = content_word((unit or "").lower())
    found = (content_word(w.lower()) for w in tokens(paraphrased(said)))
    when = frozenset(f"when:{w}" for w in _WHEN.findall(said))
    return (
        frozenset(w for w in found if w not in FUNCTION_WORDS and w not in _HEDGES and len(w) > 2 and w != unit_word)
        | when
    )


def names_in(said: str) -> frozenset[str]:
    """The capitalised words of ``said`` (names of actors and places), lower-cased and stemmed."""
    return frozenset(content_word(w.lower()) for w in tokens(said) if w[0].isupper() and w not in NOT_NAMES)


def when_words(found: Iterable[str]) -> frozenset[str]:
    """The years and months (``when:``) among ``found``."""
    return frozenset(w for w in found if w.startswith("when:"))


def plain_words(found: Iterable[str]) -> frozenset[str]:
    """``found`` without its years and months."""
    return frozenset(w for w in found if not w.startswith("when:"))


def every_word(text: str) -> frozenset[str]:
    """Every word of ``text``, lower-cased and stemmed."""
    return frozenset(content_word(w.lower()) for w in tokens(text))

