"""features: what a claim's words say beyond who says it — polarity, modality, quantities, stances,
rebuttals and actor-to-actor relations. Contradiction detection compares claims on these features.

Every function takes the claim's text with footnote markers masked (same length as the body span, so
offsets stay aligned) and the body offset of its first character.
"""

from __future__ import annotations

import re

from kg.extract.actors import ArticleActors
from kg.extract.lexicon import (
    CONDITIONAL_RE,
    HEDGE_RE,
    NEGATION_RE,
    PREDICTIVE_RE,
    REBUTTAL_RE,
    REBUTTAL_WORDS_RE,
)
from kg.lexicon import table, words
from kg.models import Modality, Polarity, Quantity, Rebuttal, Relation, Span, Stance

# ---------------------------------------------------------------------------------------------
# Polarity and modality


DENIAL_CUES = words("denial-cues")
"""Cue verbs whose content the speaker rejects: "Putin denied that Russia would attack NATO" negates it."""


def _is_denial(cue: str | None) -> bool:
    return bool(cue) and cue.split()[0].lower() in DENIAL_CUES  # type: ignore[union-attr]


def _rebutted_from(text: str, cue: str | None = None) -> int | None:
    """Where the rejected content starts when the text rejects someone's claim ("called X's claim that
    <content> nonsense", "dismissed claims that <content>"), else None. ``cue`` is the claim's cue verb,
    which may stand before ``text`` (the content of "Putin called <content>")."""
    prefix = cue.split()[0] + " " if cue and not re.search(r"\b" + re.escape(cue.split()[0]) + r"\b", text) else ""
    m = REBUTTAL_RE.search(prefix + text)
    if not m:
        return None
    verb = m.group(0).split()[0].lower()
    end = m.end() - len(prefix)
    if verb in DENIAL_CUES or REBUTTAL_WORDS_RE.search(text[max(0, end) : max(0, end) + 220]):
        return max(0, end)
    return None


def _denial_end(text: str, cue: str | None) -> int | None:
    """Where the content a speaker rejects starts in ``text``: after the denial cue verb when it is in the
    text (0 when the text is the content after it), after the rejected claim noun ("called X's claim"),
    else None."""
    if _is_denial(cue):
        word = cue.split()[0]  # type: ignore[union-attr]
        m = re.search(r"\b" + re.escape(word) + r"\b", text, re.IGNORECASE)
        return m.end() if m else 0
    return _rebutted_from(text, cue)


def polarity(content: str, cue: str | None = None) -> Polarity:
    """``negated`` when the main content denies something ("has no intention", "will never"), or when the
    speaker rejects it ("denied that ...", "called the claim that ... nonsense")."""
    if _is_denial(cue) or _rebutted_from(content, cue) is not None:
        return "negated"
    return "negated" if NEGATION_RE.search(content) else "asserted"


def modality(content: str) -> Modality:
    """Conditional beats hedged beats predictive beats factual."""
    if CONDITIONAL_RE.search(content):
        return "conditional"
    if HEDGE_RE.search(content):
        return "hedged"
    if PREDICTIVE_RE.search(content):
        return "predictive"
    return "factual"


# ---------------------------------------------------------------------------------------------
# Quantities

_NUMBER = r"(?P<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)"
_SCALE = r"(?:\s*(?P<scale>trillion|billion|million|thousand|bn|tn|mn|m|k)\b)?"
_CURRENCY_PRE = table("currency-symbols")
_CURRENCY_POST = table("currency-words")
_SCALES = {word: float(factor) for word, factor in table("scales").items()}
_UNITS = {word: (unit.split()[0], float(unit.split()[1])) for word, unit in table("units").items()}
_QUANTITY_RE = re.compile(
    r"(?P<pre>US\$|\$|€|£|¥|₽|₴|\b(?:EUR|USD|GBP|RUB|UAH|CNY)\s?)?"
    + _NUMBER
    + _SCALE
    + r"(?:\s*(?P<pct>%|per\s*cent|percent)"
    r"|\s+(?P<post>dollars|euros?|pounds|rubles|roubles|hryvnias?|yuan|yen)"
    r"|\s*(?P<unit>km|kilometres?|kilometers?|miles?|mi|metres|meters|tonnes|tons)\b"
    r"|\s+(?:(?:[a-z\-]+)\s+){0,2}?(?P<noun>troops|soldiers|personnel|people|civilians|refugees|casualties|"
    r"deaths|tanks|missiles|drones|aircraft|jets|warships|ships|weapons|shells|rounds|artillery|members|"
    r"countries|states|nations|votes|voters|respondents|prisoners|hostages|children|residents|"
    r"barrels|jobs|cases|attacks|strikes|sanctions|companies|firms|banks|troop|fighters|vessels|tankers|vehicles|"
    r"migrants|survivors|patients|workers|employees|passengers|flights|households|homes|others))?",
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
            unit_name, factor = _UNITS[unit.lower()]
            value *= factor
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
        out.append(
            Quantity(
                value=round(value, 6),
                unit=unit_name,
                measure=measure,
                span=Span(start=offset + start, end=offset + end, text=span_text),
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


# ---------------------------------------------------------------------------------------------
# Stances on issues

_RELATIONS_NOUN = (
    r"(?:relations|ties|relationship|dialogue|dialog|talks|cooperation|engagement|partnership|"
    r"membership|rapprochement|contacts?|negotiations)"
)
_STANCE_FOR = re.compile(
    r"\b(?:restor\w*|rebuild\w*|re-?establish\w*|renew\w*|resum\w*|normali[sz]\w*|improv\w*|repair\w*|revive\w*|"
    r"reset|mend\w*|strengthen\w*|deepen\w*|expand\w*|open\w*|seek\w*|pursu\w*|build\w*)\s+(?:\w+\s+){0,3}?"
    + _RELATIONS_NOUN
    + r"|\b"
    + _RELATIONS_NOUN
    + r"\s+(?:\w+\s+){0,4}?(?:should|must|needs?\s+to)\s+be\s+(?:a\s+)?(?:priority|restored|resumed)"
    r"|\bready\s+for\s+(?:dialogue|talks|negotiations)|\bopen\s+to\s+(?:dialogue|talks|negotiations|cooperation)"
    r"|\bcall(?:s|ed)?\s+for\s+(?:renewed\s+|a\s+)?(?:dialogue|talks|negotiations|engagement|reconciliation)"
    r"|\b(?:rapprochement|reconciliation|re-?engagement|renewed\s+dialogue)\b",
    re.IGNORECASE,
)
_STANCE_AGAINST = re.compile(
    r"\bclos\w*\s+the\s+door\s+(?:on|to)\b|\bdoor\s+(?:is|was|remains)\s+closed"
    r"|\brul\w*\s+out\s+(?:\w+\s+){0,3}?"
    + _RELATIONS_NOUN
    + r"|\breject\w*\s+(?:\w+\s+){0,3}?"
    + _RELATIONS_NOUN
    + r"|\b(?:end|ending|ended|sever\w*|cut\w*|break\w*|suspend\w*|freez\w*|halt\w*)\s+"
    r"(?:all\s+|any\s+)?(?:\w+\s+){0,2}?"
    + _RELATIONS_NOUN
    + r"|\bno\s+(?:potential\s+|possible\s+|future\s+)?(?:partnership|membership|dialogue|talks|cooperation|"
    r"negotiations|rapprochement)\b"
    r"|\bnever\s+(?:\w+\s+){0,3}?(?:partner|negotiate|cooperate|talk)\w*"
    r"|\b(?:not|no)\s+(?:the\s+)?(?:right\s+)?(?:time|moment)\s+(?:for|to)\s+(?:\w+\s+){0,2}?"
    + _RELATIONS_NOUN
    + r"|\b(?:premature|too\s+early)\s+(?:to|for)\s+(?:\w+\s+){0,3}?"
    + _RELATIONS_NOUN,
    re.IGNORECASE,
)


def stances(text: str) -> list[Stance]:
    """Positions on restoring or ending relations/dialogue/partnership between the actors named."""
    found: list[Stance] = []
    against = _STANCE_AGAINST.search(text)
    if against:
        found.append(Stance(issue="relations", position="against", cue=_squash(against.group(0))))
    support = _STANCE_FOR.search(text)
    if support and not against and not NEGATION_RE.search(text[max(0, support.start() - 25) : support.start()]):
        found.append(Stance(issue="relations", position="for", cue=_squash(support.group(0))))
    return found


def _squash(text: str) -> str:
    return re.sub(r"\s+", " ", text.strip())[:80]


# ---------------------------------------------------------------------------------------------
# Rebuttals


def rebuttal(text: str, offset: int, actors: ArticleActors) -> Rebuttal | None:
    """The actor whose words the text rejects, and the cue: "called Biden's claim complete nonsense",
    "dismissed Moscow's allegations as a myth" (named in the possessive), "dismissed as propaganda a
    Latvian report" (named by a demonym), "rejected claims by the Pentagon" (named after the noun)."""
    m = REBUTTAL_RE.search(text)
    if not m:
        return None
    verb = m.group(0).split()[0].lower()
    tail = text[m.end() : m.end() + 220]
    if verb not in DENIAL_CUES and not REBUTTAL_WORDS_RE.search(tail):
        return None
    inside = actors.within(offset + m.start() + len(verb), offset + m.end())
    possessive = [x for x in inside if re.match(r"['’]s\b", text[x.end - offset : x.end - offset + 2])]
    candidates = possessive or inside
    target = candidates[-1] if candidates else None
    if target is None:
        by = re.match(r"\s+(?:by|from|of)\s+(?P<the>the\s+)?", text[m.end() : m.end() + 12])
        if by:
            start = offset + m.end() + by.end()
            target = actors.starting_at(start) or (actors.starting_at(start - len(by["the"])) if by["the"] else None)
    if target is None:
        return None
    words = REBUTTAL_WORDS_RE.search(tail)
    cue = verb + " … " + (words.group(0) if words else m.group(0).split()[-1])
    return Rebuttal(target=target.key, cue=_squash(cue))


# ---------------------------------------------------------------------------------------------
# Actor-to-actor relations

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
    the object shortly after it. Nominal mentions ("Russia's invasion of Ukraine") are events the sentence
    presupposes, not something it asserts, and give no relation. A relation the speaker rejects ("denied
    that Russia would attack NATO", "called the claim that Russia would attack NATO nonsense") is negated:
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
                # "Putin denied that Russia would attack": the speaker rejects the relation; "Russia denied
                # plans to attack": the subject itself denies it (the denial sits between subject and verb)
                negated = True if rejected[0] > subject.end - offset else not negated
            rel = Relation(subject=subject.key, predicate=predicate, object=obj.key, negated=negated)
            if rel not in out:
                out.append(rel)
    return out


_NOMINAL = re.compile(r"^['’]s\s+(?:[\w\-]+\s+){0,2}$")
"""Between a possessive subject and the verb-noun: "Russia's (full-scale) invasion of"."""
_CLAUSE_END = re.compile(r",\s+(?:and|but|while|whereas)\b|;|[.!?](?:\s|$)")


def _rejected_region(text: str, cue: str | None) -> tuple[int, int] | None:
    """The part of ``text`` the speaker rejects: from the denial to the end of its clause (", and ..."
    starts another statement), or None."""
    start = _denial_end(text, cue)
    if start is None:
        return None
    end = _CLAUSE_END.search(text, start)
    return (start, end.start() if end else len(text))
