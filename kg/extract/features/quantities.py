"""quantities: numbers with what they count or measure, normalised (currencies to ISO codes, lengths and
masses converted by pint, troop synonyms to "troops"), what each is a number of, and the interval the text
allows ("about 95": 85.5 to 104.5; "at least 20": 20 or more; "more than 150,000": above it)."""

from __future__ import annotations

import re
from functools import cache

import pint

from kg.extract.lexicon import alternatives
from kg.lexicon import table, words
from kg.models import Quantity, Span

_NUMBER = r"(?P<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)"


_SCALE = r"(?:\s*(?P<scale>trillion|billion|million|thousand|bn|tn|mn|m|k)\b)?"


_CURRENCY_PRE = table("currency-symbols")


_CURRENCY_POST = table("currency-words")


_SCALES = {word: float(factor) for word, factor in table("scales").items()}


_UNITS = {word: (unit.split()[0], unit.split()[1]) for word, unit in table("units").items()}
"""Unit word -> (the unit as pint names it, the unit code its value is given in)."""
_CODE_UNITS = {"km": "kilometer", "m": "meter", "t": "metric_ton"}
"""Unit code -> the unit as pint names it."""
_QUALIFIERS = table("contradict-qualifiers")
_QUALIFIER_BEFORE = re.compile(
    r"(?:^|\s)(" + "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in _QUALIFIERS) + r")\s*$", re.IGNORECASE
)
APPROXIMATION = 0.1
"""An approximate number ("about 95") stands for an interval this share either side of it."""


@cache
def _registry() -> pint.UnitRegistry:  # type: ignore[type-arg]
    return pint.UnitRegistry()


def convert(value: float, unit: str, code: str) -> float:
    """``value`` in pint's ``unit`` converted to the unit of ``code``.

    >>> round(convert(190, "mile", "km"), 3)
    305.775
    """
    ureg = _registry()
    return float(ureg.Quantity(value, unit).to(_CODE_UNITS[code]).magnitude)


def interval(value: float, qualifier: str | None) -> tuple[float | None, float | None]:
    """The values a number allows, given the word before it: exact, approximate, a lower or an upper bound.

    >>> interval(95, "about"), interval(20, "at least"), interval(7, None)
    ((85.5, 104.5), (20, None), (7, 7))
    """
    kind = _QUALIFIERS.get((qualifier or "").lower())
    if kind == "approximate":
        return round(value * (1 - APPROXIMATION), 6), round(value * (1 + APPROXIMATION), 6)
    if kind == "lower":
        return value, None
    if kind == "upper":
        return None, value
    return value, value


_QUANTITY_RE = re.compile(
    r"(?P<pre>US\$|\$|€|£|¥|₽|₴|\b(?:EUR|USD|GBP|RUB|UAH|CNY)\s?)?"
    + _NUMBER
    + _SCALE
    + r"(?:\s*(?P<pct>%|per\s*cent|percent)"
    r"|\s+(?P<post>dollars|euros?|pounds|rubles|roubles|hryvnias?|yuan|yen)"
    r"|\s*(?P<unit>km|kilometres?|kilometers?|miles?|mi|metres|meters|tonnes|tons)\b"
    r"|\s+(?:(?:[a-z\-]+)\s+){0,2}?(?P<noun>" + alternatives("counted-nouns") + "))?",
    re.IGNORECASE,
)


_COUNT_UNITS = table("count-units")
"""Count nouns that name the same thing ("3,000 troops" and "4,500 soldiers" count the same)."""


def quantities(text: str, offset: int) -> list[Quantity]:
    """Numbers with what they count or measure, normalised (currencies to ISO codes, miles to km, troop
    synonyms to "troops"); ``measure`` is what the number is of ("troops deploy", "aid", "defense spending"),
    or None when the sentence does not say clearly enough to compare it with another number."""
    out: list[Quantity] = []
    for m in _QUANTITY_RE.finditer(text):
        raw = m.group("num").replace(",", "")
        try:
            value = float(raw)
        except ValueError:
            continue
        pre, pct, post, unit, noun, scale = (m.group(g) for g in ("pre", "pct", "post", "unit", "noun", "scale"))
        if not (pre or pct or post or unit or noun or scale):
            continue
        if re.fullmatch(r"1[5-9]\d\d|20\d\d", raw) and not (pre or pct or post or unit or scale):
            continue  # a year, not a count ("in 2014 troops ...")
        if scale:
            value *= _SCALES[scale.lower()]
        unit_name: str | None
        if pct:
            unit_name = "%"
        elif pre:
            unit_name = _CURRENCY_PRE[pre.strip().lower()]
        elif post:
            unit_name = _CURRENCY_POST[post.lower()]
        elif unit:
            pint_unit, unit_name = _UNITS[unit.lower()]
            value = convert(value, pint_unit, unit_name)
        elif noun:
            unit_name = _COUNT_UNITS.get(noun.lower(), noun.lower())
        else:
            unit_name = None
        start, end = m.start(), m.end()
        number_start = m.start("num") if not pre else m.start()
        if pct:
            measure = _measure(text, start, end, True)
        elif noun or unit:
            measure = _count_measure(text, number_start, end)
        else:
            measure = _money_measure(text, number_start, end)
        span_text = text[start:end]
        if not span_text.strip():
            continue
        qualifier = _QUALIFIER_BEFORE.search(text[max(0, start - 25) : start])
        low, high = interval(round(value, 6), qualifier.group(1) if qualifier else None)
        out.append(
            Quantity(
                value=round(value, 6),
                unit=unit_name,
                measure=measure,
                span=Span(start=offset + start, end=offset + end, text=span_text),
                low=low,
                high=high,
            )
        )
    return out


_MEASURE_BEFORE = re.compile(
    r"(?P<noun>(?:[a-z][\w\-]*\s+){0,2}[a-z][\w\-]*)\s+(?:to|at|of|by|reached|reach|was|is|were|are|stood\s+at|"
    r"rose\s+to|fell\s+to|increased\s+to|decreased\s+to|totalled|totaled|amounts?\s+to)\s*$",
    re.IGNORECASE,
)


_MEASURE_AFTER = re.compile(r"^\s*of\s+(?:the\s+|their\s+|its\s+|his\s+|her\s+)?(?P<noun>(?:[\w\-]+\s*){1,3})")


_SPEECH_WORDS = set(words("measure-speech-words"))


_STOP_MEASURE = set(words("measure-stop-words"))


_IRREGULAR = table("irregular-lemmas")


_SYNONYMS = table("measure-synonyms")


_PREPOSITIONS = words("measure-breaks")


_ABBREVIATIONS = table("measure-abbreviations")


def _measure(text: str, start: int, end: int, percent: bool) -> str | None:
    """For percentages: what it is a share of ("4% of GDP"), else the noun phrase it is the value of
    ("defense spending to 4%")."""
    if percent:
        after = _MEASURE_AFTER.match(text[end : end + 60])
        if after:
            words = []
            for w in after.group("noun").lower().split():
                if w in _PREPOSITIONS:
                    break
                if w not in _STOP_MEASURE:
                    words.append(w)
            if words:
                phrase = " ".join(words[:3])
                return _ABBREVIATIONS.get(phrase, phrase)
    before = _MEASURE_BEFORE.search(text[max(0, start - 60) : start])
    if before:
        words = [w for w in before.group("noun").lower().split() if w not in _STOP_MEASURE]
        if words:
            return " ".join(words[-3:])
    return None


def _stem(word: str) -> str:
    """A crude lemma for comparing measures: "deployed", "deploying", "deployment" -> "deploy";
    "moved" -> "move"; then synonyms ("sent", "stationed", "moved" -> "deploy")."""
    word = _IRREGULAR.get(word, word)
    for suffix in ("ments", "ment", "ing", "ed", "es", "s"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            stem = word[: -len(suffix)]
            if stem + "e" in _SYNONYMS or stem + "e" in _E_VERBS:
                stem += "e"
            if len(stem) >= 4 or stem in _SYNONYMS:
                word = stem
            break
    if word.endswith("i") and len(word) >= 5:  # "suppli(ed)" -> "supply"
        word = word[:-1] + "y"
    return _SYNONYMS.get(word, word)


_E_VERBS = set(words("e-verbs"))


def _clause_words(text: str, end: int) -> list[str]:
    """Words of the clause that ends at ``end`` (back to the last punctuation or clause word), lower-cased."""
    window = text[max(0, end - 80) : end]
    clause = re.split(r"[,;:.()\u201c\u201d\"]|\b(?:and|but|while|whereas|which|that|who)\b", window)[-1]
    return re.findall(r"[a-z][\w\-’']*", clause.lower())


_CONTAINERS = set(words("measure-containers"))


_VERB_AFTER = re.compile(
    r"^\s+(?:(?:have|has|had|were|was|are|is|will|would|be|been|being|now|already|reportedly)\s+){0,3}"
    r"(?P<verb>[a-z]+ed|sent|brought|held|lost|built|moved|arrived)\b"
)


def _count_measure(text: str, number_start: int, end: int | None = None) -> str | None:
    """For counts: the verb or noun governing the number, stemmed ("deployed 3,000 troops", "a deployment
    of 3,000 troops", "3,000 troops had been moved"); None when there is none (a bare "3,000 troops" is not
    comparable with another number)."""
    clause = _clause_words(text, number_start)
    spoken = [i for i, w in enumerate(clause) if w in _SPEECH_WORDS]
    if spoken:  # "officials said about 4,500 troops": the words before the verb name the speaker
        clause = clause[spoken[-1] + 1 :]
    words = [w for w in clause if w not in _STOP_MEASURE and not w.endswith(("'s", "’s"))]
    while len(words) > 1 and words[-1] in _CONTAINERS:  # "an aid package of EUR 15 billion" -> aid
        words.pop()
    if words and words[-1] not in _CONTAINERS:
        return _stem(words[-1])
    after = _VERB_AFTER.match(text[end : end + 60]) if end is not None else None
    return _stem(after["verb"]) if after else None


_MONEY_AFTER = re.compile(
    r"^\s*(?:(?:package|tranche)s?\s+)?(?:in|of|for|on|worth\s+of)\s+(?:new\s+|additional\s+|fresh\s+|extra\s+)?"
    r"(?P<noun>[a-z][\w\-]*(?:\s+(?:aid|assistance|support|spending|funding|loans?|budget|revenues?))?)"
    r"|^\s+(?P<compound>(?:[a-z][\w\-]*\s+){0,2}?[a-z][\w\-]*)\s+(?:package|tranche|budget|deal|fund|loan)s?\b"
)


def _money_measure(text: str, number_start: int, end: int) -> str | None:
    """For sums of money: what it is for ("EUR 12 billion in aid", "a EUR 12 billion package of military
    aid", "a EUR 15 billion military aid package"), else the verb governing it ("pledged EUR 12 billion")."""
    after = _MONEY_AFTER.match(text[end : end + 60])
    if after:
        noun = after["noun"] or after["compound"]
        if noun and noun.split()[0] not in _STOP_MEASURE:
            return " ".join(_stem(w) if w in _SYNONYMS or w in _IRREGULAR else w for w in noun.split())
    return _count_measure(text, number_start, end)
