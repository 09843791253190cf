"""subjects: the claimant named by the words before a cue — an actor, a pronoun, an unnamed source or
group, a document's owner — and whether those words open a clause."""

from __future__ import annotations

import re

from kg.extract.actors import NOT_ORGANISATIONS
from kg.extract.attribution.reading import SOURCE_NOUNS, Reading, group, introduced_source, resolve_pronoun
from kg.extract.lexicon import (
    APPOSITIVE,
    BETWEEN_SUBJECT_AND_CUE,
    COLLECTIVES,
    GROUP_PEOPLE_NOUNS,
    GROUP_QUALIFIER_NOUNS,
    GROUP_RE,
    alternatives,
)
from kg.extract.segment import Sentence
from kg.lexicon import words

_PRONOUN_RE = re.compile(r"\b(?P<p>[Hh]e|[Ss]he|[Tt]hey|It)\s*$")


BARE_DOCUMENT = (
    r"\b[Tt]he\s+(?:(?:(?:same|latest|new|annual|whole)\s+)?(?:report|study|survey|analysis|assessment|paper|review)"
    r"|same\s+(?:researchers|analysts|authors|experts|economists|scientists|team))"
)
"""A document (or its authors) named again without the organisation: "The report also said ...", "The same
study finds ...", "The same researchers found ..."."""


def subject_at(
    reading: Reading, sent: Sentence, masked: str, end_rel: int, sentence_index: int
) -> tuple[str | None, int, float] | None:
    """The claimant named by the words ending at ``end_rel`` of the sentence: an actor, a pronoun, or a
    group. Returns (key, start offset relative to the sentence, confidence)."""
    pre = masked[:end_rel].rstrip().rstrip(",").rstrip()
    pre = re.sub(r"\s*\([A-Z][A-Za-z]{1,9}\)$", "", pre)  # "the Budget Research Office (BRO)"
    end_abs = sent.start + len(pre)
    single = _SINGLE_PERSON_RE.search(pre)
    if single and single.end("phrase") < len(pre):
        # "an official at the Defence Ministry": the ministry; "A Western diplomat in the capital": not the country
        owner = reading.actors.ending_near(end_abs)
        if (
            owner is not None
            and owner.start >= sent.start + single.end("phrase")
            and reading.actors.actors[owner.key].kind not in NOT_ORGANISATIONS
        ):
            return owner.key, single.start("phrase"), 0.7
        return group(reading, single.group("phrase")), single.start("phrase"), 0.55
    mention = reading.actors.ending_near(end_abs)
    if mention is not None and mention.start >= sent.start and reading.actors.actors[mention.key].kind != "Person":
        of = re.search(r"\s+of\s+(?:the\s+)?(?:[a-z][\w\-]*\s+){0,3}$", masked[: mention.start - sent.start])
        person = reading.actors.ending_near(sent.start + of.start()) if of else None
        if person is not None and person.start >= sent.start and reading.actors.actors[person.key].kind == "Person":
            # "Giulia Neri of the center-left Democratic Party accused ...": the person speaks
            return person.key, person.start - sent.start, 0.85
    if mention is not None and mention.start >= sent.start:
        info = reading.actors.actors[mention.key]
        start_rel = mention.start - sent.start
        # "X officials"/"Russian officials" -> the organisation or state
        return mention.key, start_rel, 0.9 if info.kind == "Person" else 0.85
    m = _PRONOUN_RE.search(pre)
    if m:
        key = resolve_pronoun(reading, sentence_index, m.group("p"))
        if key is not None:
            return key, m.start(), 0.7
        return None
    bare_document = re.search(BARE_DOCUMENT + "$", pre)
    if bare_document and reading.last_plural and sentence_index - reading.last_plural[1] <= 2:
        # "X said in its annual report ... The report also said ...": the organisation that just spoke
        return reading.last_plural[0], bare_document.start(), 0.6
    document = _DOCUMENT_SUBJECT.search(pre)
    if document:
        owner = reading.actors.ending_near(sent.start + document.start())
        if (
            owner is not None
            and owner.start >= sent.start
            and reading.actors.actors[owner.key].kind not in ("Person", "UnnamedGroup")
        ):
            return owner.key, owner.start - sent.start, 0.75
    last_word = pre.rsplit(None, 1)[-1].lower() if pre.strip() else ""
    people = _PEOPLE_RE.search(pre) if last_word in GROUP_PEOPLE_NOUNS else None
    if people:
        owner = next(
            (
                m
                for m in reading.actors.within(sent.start + people.start("phrase"), end_abs)
                if reading.actors.actors[m.key].kind not in NOT_ORGANISATIONS
            ),
            None,
        )
        if owner is not None:
            return owner.key, people.start("phrase"), 0.7
        return group(reading, people.group("phrase")), people.start("phrase"), 0.6
    modified = _MODIFIED_GROUP_RE.search(pre)
    if modified:
        return group(reading, modified.group("phrase")), modified.start("phrase"), 0.55
    if single:  # "A U.S. defense official", "one shipping executive": an unnamed source
        return group(reading, single.group("phrase")), single.start("phrase"), 0.55
    role = re.search(r"\b[Tt]he\s+(?P<noun>" + SOURCE_NOUNS + r")$", pre)
    if role:  # "the official said": the unnamed source introduced before
        match = introduced_source(reading, role.group("noun"))
        if match is not None:
            return match, role.start(), 0.5
    # "Russia's defence ministry", "the Russian foreign ministry", "Chinese authorities" -> the state or organisation
    qualifier = re.search(r"(?P<noun>[A-Za-z]+)$", pre)
    if qualifier and qualifier.group("noun").lower() in GROUP_QUALIFIER_NOUNS:
        head = pre[: qualifier.start()].rstrip()
        for _ in range(3):
            cut = re.sub(r"['’]s$", "", re.sub(r"\s*\([A-Z][A-Za-z]{1,9}\)$", "", head))
            owner = reading.actors.ending_near(sent.start + len(cut))
            if owner is not None and owner.start >= sent.start and reading.actors.actors[owner.key].kind != "Person":
                return owner.key, owner.start - sent.start, 0.75
            words = re.match(r"^(?P<rest>.*?)\s*\b[a-z][\w\-]*$", cut)
            if words is None:
                break
            head = words.group("rest").rstrip()
    for collective in COLLECTIVES:
        if pre.lower().endswith(collective.lower()):
            start_rel = len(pre) - len(collective)
            return group(reading, pre[start_rel:]), start_rel, 0.6
    gm = None
    for candidate in GROUP_RE.finditer(pre):
        if candidate.end() == len(pre):
            gm = candidate
    if gm is not None and not re.search(r"\d|%|\bmajorit|\bshare\b|\bproportion\b", pre[max(0, gm.start() - 15) :]):
        return group(reading, gm.group(0)), gm.start(), 0.6
    return None


_MODIFIED_GROUP_RE = re.compile(
    r"(?:^|[\s,(])(?P<phrase>(?:(?:some|many|several|most|other)\s+)?(?:[A-Z][\w\-’']*\s+)?"
    r"(?i:" + alternatives("source-group-nouns") + ")"
    r"\s+(?:(?:in|from|of|with)\s+|(?:involved|familiar|close|working|speaking|based)\s+(?:in|with|to|on)\s+)"
    r"(?:the\s+)?[^,;:]{1,50})$"
)


_SINGLE_PERSON_RE = re.compile(
    r"(?:^|[\s,(])(?P<phrase>(?:[Aa]n?|[Oo]ne|[Aa]nother)\s+(?:[\w.\-]+\s+){0,3}(?:"
    + alternatives("single-source-nouns")
    + "))"
    r"(?:\s+(?:in|from|at|based\s+in)\s+(?:the\s+)?[A-Z][\w\-’']*(?:\s+[A-Z][\w\-’']*){0,2})?$"
)
"""An unnamed source, with the place it speaks from ("A Western diplomat in the capital")."""


_PEOPLE_RE = re.compile(
    r"(?:^|[\s,(])(?P<phrase>(?:(?:some|many|several|two|three|four|five|six|seven|eight|nine|ten|a\s+few|\d+)\s+)?"
    r"(?:(?:senior|top|former|unnamed|anonymous)\s+)?(?:[A-Z][\w\-’']*\s+){1,3}(?:(?:senior|top|defen[cs]e|security|"
    r"intelligence|military|government|foreign\s+ministry)\s+)?(?:" + "|".join(sorted(GROUP_PEOPLE_NOUNS)) + r"))$"
)


_PUBLISHED = re.compile(
    r"\s+(?:published|released|conducted|carried\s+out|issued|presented)\s+(?:in|on|last|this|"
    r"earlier|late|early)\b[^,;]{1,30}$"
)


_DOCUMENT_SUBJECT = re.compile(
    r"(?:['’]s)?\s+(?:(?:new|latest|annual|recent|own|\d{4})\s+){0,2}"
    r"(?:report|survey|poll|study|analysis|data|figures|index|barometer|assessment)$",
    re.IGNORECASE,
)


_APPOSITIVE_END = re.compile(APPOSITIVE + r"\s*$")


def subject_cuts(pre: str) -> list[int]:
    """Candidate end positions of a subject before a cue, nearest first, skipping adverbials and an
    appositive ("Jane Roe, an analyst at X, said")."""

    cuts = [len(pre)]
    participle = _PUBLISHED.search(pre)
    if participle:  # "A Northfield Research survey published in May found"
        cuts.append(participle.start())
    for m in re.finditer(r"\s", pre):
        pos = m.start()
        if len(pre) - pos > 80:
            continue
        if BETWEEN_SUBJECT_AND_CUE.match(pre[pos:]):
            cuts.append(pos)
    ordered = sorted(set(cuts), reverse=True)
    # the speaker is before an appositive (its own words name a role or a place): "X, who ..., has said"
    appositives = [a.start() for c in ordered if (a := _APPOSITIVE_END.search(pre[:c]))]
    return list(dict.fromkeys(appositives + ordered))


_PREPOSITIONS = set(words("prepositions"))


_SUBJECT_FOLLOWS = set(words("subject-follows"))


_OBJECT_VERBS = set(words("object-verbs"))


_SUBORDINATE = re.compile(r"\b(?:that|which|whom|whether|if|because)\s+[^,;]*$", re.IGNORECASE)


def clause_ok(masked: str, start_rel: int, nested: bool = False) -> bool:
    """The subject opens a clause: not the object of a preposition or a verb ("berated X, told him"), and not
    inside a that/which clause (unless we are looking inside reported speech on purpose)."""
    before = masked[:start_rel]
    words = before.split()
    if words and words[-1].lower().strip(",") in _PREPOSITIONS and not before.rstrip().endswith(","):
        return False
    if words and not before.rstrip().endswith((",", ";", ":", "(", "—", "–", "-", '"', "“", "”")):
        last = words[-1].strip("\"“”'’").lower()
        if (last.endswith("ed") or last in _OBJECT_VERBS) and last not in _SUBJECT_FOLLOWS:
            return False  # the name is the object of a verb ("berated X, told him ...")
    if nested or re.fullmatch(r"which\s+(?:the\s+)?", before):
        return True  # a relative clause split off with its own speaker ("which the IAEA has warned ...")
    clause = re.split(r"[,;:—–(]", before)[-1]
    return not _SUBORDINATE.search(clause)
