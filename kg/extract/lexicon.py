"""lexicon: the patterns the rules look for, built from the word lists in ``kg/data/lexicon/``.

Speech and belief cues, vague attributions, hedges, negations, meta-text and normative formulas,
titles and roles. The words are data (general English, never article text); this module holds the
grammar around them. A list whose order matters for a regular expression is read in file order.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

from kg.lexicon import entries, words


def trie_regex(words: Iterable[str], space: str = r"\s+") -> str:
    """One regular expression matching any of ``words`` (longest first), built as a character trie so that
    matching costs the same whatever the number of words. A space in a word matches ``space``.

    >>> re.fullmatch(trie_regex(["said", "says", "said that"]), "said  that") is not None
    True
    """
    trie: dict[str, Any] = {}
    for word in words:
        node = trie
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}

    def emit(node: dict[str, Any]) -> str:
        branches = [(space if ch == " " else re.escape(ch)) + emit(child) for ch, child in sorted(node.items()) if ch]
        if not branches:
            return ""
        optional = "" in node
        if len(branches) == 1 and not optional:
            return branches[0]
        return "(?:" + "|".join(branches) + ")" + ("?" if optional else "")

    return "(?:" + emit(trie) + ")"


def alternatives(name: str) -> str:
    """The regular-expression alternatives of ``kg/data/lexicon/<name>.txt`` (one a line), joined with ``|``
    in file order. The caller groups them.

    >>> alternatives("conditionals").split("|")[0]
    'if'
    """
    return "|".join(entries(name))


# Verbs that introduce what someone says or believes ("X said that ...", "..., X warned").
SPEECH_VERBS = list(entries("speech-verbs"))

# Participles that hand the sentence's subject a statement: "X struck a similar note, telling delegates that".
PARTICIPLE_CUES = re.compile(r",\s+(?:(?:and|while)\s+)?(?P<cue>" + alternatives("participle-cues") + r")(?=\s|,)")

# Cues that report speech only when a complement follows at once ("responded that", "found that", "noted:"),
# since they also describe actions ("responded with sanctions", "found ways").
WEAK_CUES = set(words("weak-cues"))

SPEECH_PHRASES = list(entries("speech-phrases"))

# Cues whose content is an object complement: "X sees Y as Z", "X called Y's claim nonsense".
AS_CUES = set(words("as-cues"))

CUE_RE = re.compile(r"\b" + trie_regex(SPEECH_PHRASES + SPEECH_VERBS) + r"\b")

# Words that may sit between a subject and its cue: "Verdi has also repeatedly said".
BETWEEN_SUBJECT_AND_CUE = re.compile(
    r"^(?:\s*,?\s*(?:" + alternatives("between-subject-and-cue") + r")\s*,?)*\s*$", re.IGNORECASE
)

# Unnamed groups that claim things ("analysts argue", "Western leaders have labeled").
GROUP_NOUNS = sorted(words("group-nouns"))
COLLECTIVES = list(entries("collectives"))
GROUP_ADJECTIVES = sorted(words("group-adjectives"))
GROUP_RE = re.compile(
    r"\b(?:(?:the|some|many|several|most|other|certain|a\s+number\s+of|a\s+few)\s+)?"
    r"(?:" + trie_regex(GROUP_ADJECTIVES) + r"\s+){0,3}" + trie_regex(GROUP_NOUNS) + r"\b",
    re.IGNORECASE,
)
GROUP_QUALIFIER_NOUNS = set(words("group-qualifier-nouns"))
"""An institution named by its state or organisation ("Ruritania's defence ministry"): the state speaks."""
GROUP_PEOPLE_NOUNS = set(words("group-people-nouns"))
"""People of a state or organisation ("Ruritanian officials", "Two NAC diplomats"): an unnamed group."""

# Impersonal or vague formulas: the article asserts, but on unnamed authority.
VAGUE_RE = re.compile(r"\b(?:" + alternatives("vague-attribution") + r")\b", re.IGNORECASE)

HEDGE_RE = re.compile(r"\b(?:" + alternatives("hedges") + r")\b", re.IGNORECASE)
CONDITIONAL_RE = re.compile(r"\b(?:" + alternatives("conditionals") + r")\b", re.IGNORECASE)
PREDICTIVE_RE = re.compile(r"\b(?:" + alternatives("predictive") + r")\b", re.IGNORECASE)
NEGATION_RE = re.compile(r"\b(?:" + alternatives("negations") + r")\b(?!\s+only\b)", re.IGNORECASE)

# Sentences that assert nothing checkable.
META_RE = re.compile(alternatives("meta-text"), re.IGNORECASE)
NORMATIVE_RE = re.compile(alternatives("normative"), re.IGNORECASE)
IMPERATIVE_RE = re.compile(r"^(?:" + alternatives("imperatives") + r")\b", re.IGNORECASE)
RECOMMENDATION_RE = re.compile(
    r"^(?:" + alternatives("recommendations") + r")\s+(?!(?:for|of|was|is|has|had|were|are|will|would|to)\b)",
    re.IGNORECASE,
)
"""A list item that recommends ("Create platforms where ...", "Ensure that ..."), not a statement."""

APPOSITIVE = (
    r",\s+(?:an?|the|who|whose|which|including|such\s+as|among\s+them|[A-Z][\w'’\-]*['’]s"
    r"|speaking(?=\s)|in\s+(?:its|his|her|their)(?=\s)"
    r"|(?:(?:former|deputy|senior|acting|chief|research|executive|managing|general|co-)\s*)?"
    r"(?:" + alternatives("appositive-roles") + r")"
    r"(?:\s+[a-z][\w\-]*){0,2}\s+(?:of|at|for|with|to))\s[^;“”\"]{1,200}?,"
)
"""An appositive between a speaker and the cue: ", an analyst at X,", ", director of the Y,", ", who ...,"."""

# Finite verbs (a rough check used on short sentences and list items, which are often fragments).
AUXILIARY_RE = re.compile(r"\b(?:" + alternatives("auxiliaries") + r")\b", re.IGNORECASE)
PAST_RE = re.compile(r"\b[a-z]{3,}ed\b")
COMMON_FINITE = set(words("common-finite-verbs"))

# Titles that precede names ("President Tomas Rell", "Gen. Ivo Tarnel").
TITLE_WORDS = list(entries("titles"))

# Rebuttal cues: "called Rell's claim complete nonsense", "denied", "dismissed ... as a myth".
REBUTTAL_RE = re.compile(
    r"\b(?:"
    + alternatives("rebuttal-verbs")
    + r")\b(?P<object>[^.;]{0,160}?)\b(?:"
    + alternatives("rebuttal-nouns")
    + r")\b",
    re.IGNORECASE,
)
REBUTTAL_WORDS_RE = re.compile(r"\b(?:" + alternatives("rebuttal-words") + r")\b", re.IGNORECASE)

NOUN_LIKE_CUES = set(words("noun-like-cues"))
"""Cue verbs that are also plural nouns ("member states", "his claims"): a cue only before "that" or a colon."""
