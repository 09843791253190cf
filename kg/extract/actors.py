"""actors: who is named in an article — gazetteer actors, titled and quoted people the gazetteer does not
know, organisations by their name's form, and role phrases ("the NATO chief") resolved to the person
the same article names in that role (else the gazetteer's holder on the article's date).
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import cast

from kg.extract.gazetteer import Entry, Gazetteer, How, name_list, tokenize
from kg.extract.lexicon import APPOSITIVE, CUE_RE, GROUP_NOUNS, GROUP_PEOPLE_NOUNS, TITLE_WORDS, trie_regex
from kg.extract.segment import Block, Segmentation
from kg.iris import mint
from kg.lexicon import table, words
from kg.models import ActorKind, Article
from kg.text.dates import MONTH_NAMES, WEEKDAY_NAMES

TOKEN_RE = re.compile(r"\w+|[^\w\s]")
_CAP = r"(?:[A-ZÀ-ÖØ-ÞĀ-ſ][\w'’\-]*\.?)"
_PARTICLE = r"(?:de|da|di|del|der|van|von|bin|ibn|al|el|le|la|du|dos|das|ter|ten|zu)"
NAME_RE = re.compile(rf"{_CAP}(?:\s+(?:{_PARTICLE}\s+)?{_CAP}){{1,3}}")


class Taken:
    """Character spans already given to mentions, with overlap tests in logarithmic time.

    An article may hold thousands of mentions; testing each candidate against a plain list of them made
    long articles quadratic (a 100,000-character article took half a minute). Spans are kept sorted by
    start, and only those starting within the longest span's length of a query can touch it.
    """

    def __init__(self, spans: Iterable[tuple[int, int]] = ()) -> None:
        self._spans: list[tuple[int, int, int]] = sorted((s, e, 0) for s, e in spans)
        self._longest = max((e - s for s, e, _ in self._spans), default=0)

    def add(self, start: int, end: int, tag: int = 0) -> None:
        bisect.insort(self._spans, (start, end, tag))
        self._longest = max(self._longest, end - start)

    def _from(self, lowest_start: int) -> int:
        return bisect.bisect_left(self._spans, (lowest_start - self._longest,))

    def overlaps(self, start: int, end: int) -> bool:
        """Does any span share a character with [start, end)?"""
        return self.first_overlap(start, end) is not None

    def first_overlap(self, start: int, end: int) -> int | None:
        """The smallest tag of the spans sharing a character with [start, end), or None."""
        spans = self._spans
        found = None
        for i in range(self._from(start), len(spans)):
            s, e, tag = spans[i]
            if s >= end:
                break
            if start < e and (found is None or tag < found):
                found = tag
        return found

    def covers(self, start: int, end: int) -> bool:
        """Does one span hold all of [start, end)?"""
        spans = self._spans
        for i in range(self._from(end), len(spans)):
            s, e, _ = spans[i]
            if s > start:
                break
            if end <= e:
                return True
        return False

    def holds(self, pos: int) -> bool:
        """Does a span hold the character at ``pos``?"""
        return self.covers(pos, pos + 1)


_NOT_NAME_WORDS = set(words("not-name-words")) | set(MONTH_NAMES) | set(WEEKDAY_NAMES) | name_list("not_person_names")
_SURNAME_STOP = name_list("surnames_alone")
_SHARED_SURNAMES = name_list("shared_surnames")
"""Surnames too common to name one gazetteer person, but no English word: within one article that names
a single person by it ("Lin Mei-hua ... Lin said"), it is that person."""
_ORG_SUFFIX_KIND = cast(dict[str, ActorKind], table("organisation-suffixes"))
_ORG_RE = re.compile(
    rf"\b(?:the\s+)?(?P<name>(?:{_CAP}[\s\-]+){{1,5}}(?:of\s+(?:the\s+)?(?:{_CAP}\s+){{0,3}})?"
    rf"(?P<suffix>{'|'.join(s.capitalize() for s in _ORG_SUFFIX_KIND)})\b)"
    r"(?:\s+\((?P<acronym>[A-Z][A-Za-z]{1,9})\))?"
)
_TITLE_FORMS = sorted({w.lower() for w in TITLE_WORDS}, key=len, reverse=True)


@dataclass
class ActorInfo:
    key: str
    label: str
    kind: ActorKind
    qid: str | None = None
    aliases: set[str] = field(default_factory=set)
    confidence: float = 0.5
    gender: str | None = None


@dataclass(frozen=True, slots=True)
class ActorMention:
    start: int
    end: int
    key: str
    how: str
    confidence: float


@dataclass
class ArticleActors:
    """Actors of one article and where each is named (mentions sorted by start)."""

    actors: dict[str, ActorInfo] = field(default_factory=dict)
    mentions: list[ActorMention] = field(default_factory=list)
    titles: list[tuple[int, str, frozenset[str]]] = field(default_factory=list)  # (offset, person, title words)
    _starts: list[int] = field(default_factory=list)

    def index(self) -> None:
        self.mentions.sort(key=lambda m: (m.start, -m.end))
        self._starts = [m.start for m in self.mentions]

    def within(self, start: int, end: int) -> list[ActorMention]:
        """Mentions lying inside [start, end)."""
        i = bisect.bisect_left(self._starts, start)
        out = []
        while i < len(self.mentions) and self.mentions[i].start < end:
            if self.mentions[i].end <= end:
                out.append(self.mentions[i])
            i += 1
        return out

    def ending_near(self, pos: int, slack: int = 0) -> ActorMention | None:
        """The longest mention that ends at ``pos`` (within ``slack`` characters before it)."""
        best = None
        i = bisect.bisect_right(self._starts, pos)
        for m in reversed(self.mentions[max(0, i - 40) : i]):
            if pos - slack <= m.end <= pos and (best is None or m.start < best.start):
                best = m
        return best

    def starting_at(self, pos: int) -> ActorMention | None:
        i = bisect.bisect_left(self._starts, pos)
        best = None
        while i < len(self.mentions) and self.mentions[i].start == pos:
            if best is None or self.mentions[i].end > best.end:
                best = self.mentions[i]
            i += 1
        return best


def _add(result: ArticleActors, entry_or_info: Entry | ActorInfo, surface: str | None, confidence: float) -> str:
    if isinstance(entry_or_info, Entry):
        e = entry_or_info
        info = result.actors.get(e.key)
        if info is None:
            info = ActorInfo(key=e.key, label=e.label, kind=e.kind, qid=e.qid, gender=e.gender)
            result.actors[e.key] = info
    else:
        info = result.actors.setdefault(entry_or_info.key, entry_or_info)
    info.confidence = max(info.confidence, confidence)
    if surface:
        _add_alias(info, surface)
    return info.key


def _add_alias(info: ActorInfo, surface: str) -> None:
    alias = _clean_alias(surface)
    if not alias or alias.lower() == info.label.lower():
        return
    if any(a.lower() == alias.lower() for a in info.aliases):
        return
    info.aliases.add(alias)


def _clean_alias(surface: str) -> str:
    text = re.sub(r"['’]s?$", "", surface.strip()).strip()
    return re.sub(r"\s+", " ", text)


def estimate_date(article: Article) -> str | None:
    """The article's date, or the latest date it mentions (for choosing office holders)."""
    if article.published is not None:
        return article.published.value
    from kg.extract.segment import strip_markers
    from kg.text.dates import find_dates

    dates = [m.date.value for m in find_dates(strip_markers(article.body)) if m.date.value[:4] <= "2100"]
    return max(dates) if dates else None


def find_actors(article: Article, seg: Segmentation, gaz: Gazetteer) -> ArticleActors:
    """Every actor named in the article's text, list and heading blocks."""
    result = ArticleActors()
    body = article.body
    blocks = [b for b in seg.blocks if b.kind in ("text", "list", "heading")]
    tokens: list[tuple[int, int, str]] = []
    for b in blocks:
        for m in TOKEN_RE.finditer(body, b.start, b.end):
            tokens.append((m.start(), m.end(), m.group(0).replace("’", "'")))
    present_names = _gazetteer_pass(result, tokens, body, gaz, lower=False)
    _gazetteer_pass(result, tokens, body, gaz, lower=True, present=present_names)
    _contextual_pass(result, tokens, body, gaz, present_names)
    date = estimate_date(article)
    role_links = _titled_people(result, body, blocks, gaz)
    _organisations(result, body, blocks, gaz)
    _affiliations(result, body, blocks, gaz)
    _cue_subject_people(result, body, blocks)
    _surname_links(result, body, blocks)
    _merge_short_names(result)
    _appositive_titles(result, body, blocks)
    _role_phrases(result, body, blocks, gaz, role_links, date)
    _bare_roles(result, body, blocks)
    _bare_organisations(result, body, blocks)
    _drop_overlaps(result)
    result.index()
    return result


def _gazetteer_pass(
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
            _add(result, entry, surface, conf)
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
        if word in _SURNAME_STOP:
            return None
        # "Dominic Johnson" is not Boris Johnson: a capitalised word right before the surname
        prev = body[max(0, start - 25) : start].rstrip()
        prev_word = prev.split()[-1] if prev.split() else ""
        if prev_word[-1:] in tuple(',;:.!?"”)’'):
            prev_word = ""  # the word ends a phrase before the name ('... the Middle East," Al Rashid told')
        if prev_word[:1].isupper() and prev_word.strip(".,") not in _NOT_NAME_WORDS and not _is_title(prev_word):
            return None
    return best


def _is_title(word: str) -> bool:
    return word.lower().strip(",") in _TITLE_FORMS


def _contextual_pass(
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
            _add(result, gaz.entries[phrase_key], body[start:end], 0.7)
            result.mentions.append(ActorMention(start, end, phrase_key, "contextual", 0.7))
            break


def _person_key(name: str, gaz: Gazetteer) -> str | None:
    """Gazetteer person for a full name or surname, if exactly one."""
    tokens = tokenize(name)
    hits = [k for k, how in gaz.names.get(tokens, []) if gaz.entries[k].kind == "Person"]
    if len(hits) == 1:
        return hits[0]
    return None


_TITLE_SEQ = r"(?:(?i:" + trie_regex(_TITLE_FORMS) + r")(?:\s+of)?[\s\-]+){1,4}"
_TITLED_RE = re.compile(
    rf"(?P<title>(?:\b[A-Z][\w\-]*['’]s\s+)?(?:\b[A-Z][\w\-.]*\s+)?{_TITLE_SEQ})(?P<name>{NAME_RE.pattern}|{_CAP})"
)


def _titled_people(
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
            if not name_words[0][:1].isupper() or name_words[0] in _NOT_NAME_WORDS:
                continue
            # trim trailing words that are not part of a name (a verb after the name is lowercase anyway)
            while name_words and (name_words[-1] in _NOT_NAME_WORDS or not name_words[-1][:1].isupper()):
                name_words.pop()
            if not name_words:
                continue
            name = " ".join(name_words).rstrip(".,;:'’")
            name = re.sub(r"['’]s$", "", name)
            if not any(t.lower().strip(".") in _TITLE_FORMS for t in title.split()):
                continue
            lead = title.split()[0]
            if lead[:1].islower() and lead.lower() not in _TITLE_FORMS:
                continue
            key = _person_key(name, gaz)
            if key is None and len(name_words) < 2:
                continue
            if key is None and any(w in _NOT_NAME_WORDS for w in name_words):
                continue
            if key is None and _discovered_kind(name_words) != "Person":
                continue  # "National Petroleum Corporation": "National" is no title of a person
            if key is None:
                # an organisation or country is not a person ("President of Russia")
                if gaz.names.get(tokenize(name)):
                    continue
                info = ActorInfo(key=mint("actor", name), label=name, kind="Person", confidence=0.8)
                key = _add(result, info, None, 0.8)
                entry_conf = 0.8
            else:
                _add(result, gaz.entries[key], None, 0.9)
                entry_conf = 0.9
            name_start = m.start("name")
            name_end = name_start + len(name)
            span_start = m.start("title")
            surface = body[span_start:name_end]
            _add_alias(result.actors[key], surface)
            _add_alias(result.actors[key], name)
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


_TITLE_GOES_ON = re.compile(
    r"(?:\s+[A-Z][\w\-]*){0,3}\s+(?:Report|Review|Index|Survey|Study|Act|Bill|Plan|Strategy|Award|Prize|"
    r"Conference|Summit|Guidelines|Statement|Handbook|Yearbook|Outlook|Bulletin)\b"
)


def _owned_name(name: str, gaz: Gazetteer) -> tuple[str, str | None]:
    """ "Estonia's Foreign Intelligence Service" -> ("Estonian Foreign Intelligence Service", the gazetteer
    key of that name if it has one); other names are returned as they are."""
    m = re.match(r"(?P<owner>.+?)['’]s\s+(?P<rest>.+)$", name)
    if m is None:
        return name, None
    countries = [k for k, _ in gaz.names.get(tokenize(m.group("owner")), []) if gaz.entries[k].kind == "Country"]
    if len(countries) != 1 or not gaz.entries[countries[0]].demonyms:
        return name, None
    label = f"{gaz.entries[countries[0]].demonyms[0]} {m.group('rest')}"
    known = [k for k, _ in gaz.names.get(tokenize(label), []) if gaz.entries[k].kind != "Person"]
    return label, known[0] if len(known) == 1 else None


def _organisations(result: ArticleActors, body: str, blocks: Sequence[Block], gaz: Gazetteer) -> None:
    """Organisations the gazetteer lacks, by the form of their name ("the X Ministry (XM)")."""
    taken = Taken((m.start, m.end) for m in result.mentions)
    for b in blocks:
        for m in _ORG_RE.finditer(body, b.start, b.end):
            name = m.group("name").strip()
            start, end = m.start("name"), m.end("name")
            ends = _sentence_ends(name)
            if ends:  # "... at Eastgate. The Eastgate Centre": the name starts after the sentence's end
                name, start = name[ends[-1].end() :], start + ends[-1].end()
            of = re.search(r"\s+of\s+(?:the\s+)?", name)
            if of and any(
                m2.start < start + of.start() and start < m2.end and result.actors[m2.key].kind == "Person"
                for m2 in result.mentions
            ):  # "Jane Roe of the Progressive Party": a person of the party
                name, start = name[of.end() :], start + of.end()
            lead = re.match(r"(?:The|This|A|An|In|Its|Their|Our)\s+", name)
            if lead:  # "The Civic Compass Foundation" -> "Civic Compass Foundation"
                name, start = name[lead.end() :], start + lead.end()
            words = name.replace("-", " ").split()
            if len(words) < 2:
                continue
            if taken.covers(start, end):
                continue
            if _TITLE_GOES_ON.match(body, m.end("name")):
                continue  # "Annual Performance Report", "Defence Committee Annual Review": a document
            owned = re.match(r".+?['’]s\s+", name)
            acronym = m.group("acronym") or ""
            if owned and acronym == "".join(w[0] for w in name[owned.end() :].split() if w[:1].isupper()):
                # "the Navy's Harbour Safety Operations (HSO)": the acronym names what follows the owner
                name, start = name[owned.end() :], start + owned.end()
            label, known = _owned_name(name, gaz)
            if known is not None:
                key = _add(result, gaz.entries[known], name, 0.75)
            else:
                kind = _ORG_SUFFIX_KIND[m.group("suffix").lower()]
                info = ActorInfo(key=mint("actor", label), label=label, kind=kind, confidence=0.7)
                key = _add(result, info, name if label != name else None, 0.7)
            result.mentions.append(ActorMention(start, end, key, "org", 0.7))
            if m.group("acronym"):
                acronym = m.group("acronym")
                _add_alias(result.actors[key], acronym)
                for am in re.finditer(rf"\b{re.escape(acronym)}\b", body):
                    if am.start() >= m.end() or am.start() < start:
                        result.mentions.append(ActorMention(am.start(), am.end(), key, "acronym", 0.7))
            taken.add(start, end)


_APPOSITIVE = r"(?:" + APPOSITIVE + r")?"


def _cue_subject_people(result: ArticleActors, body: str, blocks: Sequence[Block]) -> None:
    """People the gazetteer does not know, named as speakers: "Jane Roe said", "Jane Roe, an analyst at
    X, said", "..., said Jane Roe, a former diplomat"."""
    taken = Taken((m.start, m.end) for m in result.mentions)
    name = rf"(?P<name>{_CAP}(?:\s+(?:of\s+|for\s+|and\s+)?{_CAP}){{0,5}})"
    before_cue = re.compile(
        rf"(?<![\w’']){name}(?:\s*\([A-Z][A-Za-z]{{1,9}}\))?{_APPOSITIVE}"
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
        _strip_article(m.start("name"), m.group("name").rstrip("."))
        for b in blocks
        for pattern in (before_cue, after_cue, according, by_org, documents, data_from, media, introduced)
        for m in pattern.finditer(body, b.start, b.end)
    )
    # full names first, so that a later surname alone ("Roe said") is not taken for an organisation
    for single_pass in (False, True):
        for start, found in candidates:
            end = start + len(found)
            words = found.split()
            while len(words) > 2 and (_is_title(words[0].rstrip(".")) or words[0].rstrip(".").lower() in _HONORIFICS):
                # "Cmdr. Marco Lo Bianco", "Dr. Ruth Hale": the title is named (the mention keeps it, so
                # "said Cmdr. X" still finds X right after the verb) but is not part of the name
                found = found[found.index(words[1], len(words[0])) :]
                words = words[1:]
            if (len(words) == 1) != single_pass:
                continue
            inner = [m for m in result.mentions if start <= m.start and m.end <= end]
            if (
                len(words) > 1
                and words[-1] in _ORG_WORDS
                and inner
                and all(result.actors[m.key].kind == "Country" for m in inner)
            ):
                result.mentions = [m for m in result.mentions if m not in inner]
                taken = Taken((m.start, m.end) for m in result.mentions)
            if taken.overlaps(start, end) or words[0] in _NOT_NAME_WORDS - _ORG_WORDS:
                continue
            if single_pass and any(a.kind == "Person" and found in a.label.split() for a in result.actors.values()):
                continue
            if single_pass and found.lower() in _COMMON_PLURALS:
                continue  # "Economists caution ...", "Analysts say ..." are groups, not organisations
            kind = _discovered_kind(words)
            if _MEDIA_BEFORE.search(body[max(0, start - 40) : start]):
                kind = "NewsMediaOrganization"  # "the state broadcaster Radio Centrale"
            if kind is None:
                continue
            info = ActorInfo(key=mint("actor", found), label=found, kind=kind, confidence=0.6)
            key = _add(result, info, body[start:end] if end - start > len(found) else None, 0.6)
            result.mentions.append(ActorMention(start, end, key, "discovered", 0.6))
            taken.add(start, end)


_AFFILIATION = re.compile(
    r"\b(?:economist|analyst|strategist|researcher|fellow|professor|lecturer|director|head|scientist|expert|"
    r"partner|founder|consultant|spokesperson|spokesman|spokeswoman|executive|manager|adviser|advisor|editor|"
    r"correspondent|lawyer|engineer|trader|banker|official|chairman|chairwoman|chair|president|ceo)"
    r"(?:\s+[a-z][\w\-]*){0,4}?\s+(?:at|with)\s+(?:the\s+)?(?:[A-Z][\w\-]*-based\s+)?"
    r"(?:(?:consultancy|bank|firm|think\s+tank|lender|broker|insurer|asset\s+manager|research\s+firm|"
    r"investment\s+bank|group|company|agency|institute|university|campaign\s+group|nonprofit|NGO)\s+)?"
    rf"(?P<name>{_CAP}(?:\s+(?:of|for|and|on|de|the)?\s*{_CAP}){{0,6}})(?:\s+\((?P<acronym>[A-Z][A-Za-z]{{1,9}})\))?"
)
_ACRONYM_NAME = re.compile(
    rf"\b(?:by|from|at|with|of)\s+(?:the\s+)?(?P<name>{_CAP}(?:\s+(?:of|for|and|on)?\s*{_CAP}){{1,6}})"
    r"\s+\((?P<acronym>[A-Z][A-Za-z]{1,9})\)"
)


def _affiliations(result: ArticleActors, body: str, blocks: Sequence[Block], gaz: Gazetteer) -> None:
    """Organisations the gazetteer lacks, named as where someone works ("chief economist at Banco Exemplo
    in Lisbon", "an analyst at Bergen-based Nordbank Markets") or with the acronym they go by ("coordinated
    by Open Rights Network (ORN)": the acronym is the initials of the name)."""
    taken = Taken((m.start, m.end) for m in result.mentions)
    for b in blocks:
        found = [(m, False) for m in _AFFILIATION.finditer(body, b.start, b.end)]
        found += [(m, True) for m in _ACRONYM_NAME.finditer(body, b.start, b.end)]
        for m, by_acronym in found:
            name = m.group("name")
            ends = _sentence_ends(name)
            name = name[: ends[0].start()] if ends else name.rstrip(".")
            words = name.split()
            while words and words[-1] in ("of", "for", "and", "on", "de", "the"):
                words.pop()
            name = " ".join(words)
            start = m.start("name")
            end = start + len(name)
            acronym = m.group("acronym") or ""
            initials = "".join(w[0] for w in words if w[:1].isupper()).upper()
            if by_acronym and "".join(c for c in acronym if c.isupper()) != initials:
                continue  # "Open Rights Network (ORN)": the acronym's capitals are the name's initials
            if not words or taken.covers(start, end) or (not acronym and words[0] in _NOT_NAME_WORDS - _ORG_WORDS):
                continue  # (a shorter name inside, "Open" in "Open Rights Network", gives way later)
            if gaz.names.get(tokenize(name)):
                continue  # a country or a known actor's other name ("at the Kremlin")
            # (a shorter form of a name given in full, "at Brookside", is merged later: _merge_short_names)
            key = _add(
                result, ActorInfo(key=mint("actor", name), label=name, kind="Organization", confidence=0.6), None, 0.6
            )
            result.mentions.append(ActorMention(start, end, key, "org", 0.6))
            if acronym:
                _add_alias(result.actors[key], acronym)
                for am in re.finditer(rf"\b{re.escape(acronym)}\b", body):
                    if not start <= am.start() < m.end() and not taken.overlaps(am.start(), am.end()):
                        result.mentions.append(ActorMention(am.start(), am.end(), key, "acronym", 0.6))
                        taken.add(am.start(), am.end())
            taken.add(start, end)


_HONORIFICS = set(words("honorifics"))
_COMMON_PLURALS = (
    {w.lower() for w in GROUP_NOUNS} | {w.lower() for w in GROUP_PEOPLE_NOUNS} | set(words("common-plurals"))
)


_OWNER_WORDS = set(words("owner-words")) | name_list("owner_names")


def _sentence_ends(name: str) -> list[re.Match[str]]:
    """Where a run of capitalised words crosses the end of a sentence ("Nordbank Markets. Dahl"); not after
    a title ("Cmdr. Lo Bianco")."""
    return [
        e
        for e in re.finditer(r"(?<=[a-z]{2})\.\s+", name)
        if not _is_title(word := name[: e.start()].split()[-1]) and word.lower() not in _HONORIFICS
    ]


def _strip_article(start: int, name: str) -> tuple[int, str]:
    """ "The Greens" -> "Greens" (the article is not part of the name); a name does not run across the end
    of a sentence ("... Research Group. Eastgate said": "Eastgate")."""
    ends = _sentence_ends(name)
    if ends:
        start, name = start + ends[-1].end(), name[ends[-1].end() :]
    if name.startswith("The ") and len(name.split()) > 1:
        start, name = start + 4, name[4:]
    owner = re.match(r"([\w\-]+)['’]s\s+", name)
    if owner and len(name.split()) > 2 and owner.group(1) in _OWNER_WORDS:
        # "Senate’s Budget Research Office": the owner is not part of the name (but "Lloyd's List" is)
        start, name = start + owner.end(), name[owner.end() :]
    return start, name


_MEDIA_BEFORE = re.compile(
    r"\b(?:daily|newspaper|broadcaster|news\s+agency|weekly|magazine|outlet|channel|television|"
    r"tabloid|radio|website)\s+$",
    re.IGNORECASE,
)
_ORG_WORDS = set(words("organisation-words"))


def _discovered_kind(words: list[str]) -> ActorKind | None:
    """A name found as a speaker: an organisation when it sounds like one ("Gas Infrastructure Europe",
    "Riverside School of Economics", a single word such as "Northwind"), else a person ("Jane Roe")."""
    caps = [w for w in words if w[:1].isupper()]
    if any(w.strip(".,") in _ORG_WORDS for w in caps) or len(words) == 1 or len(words) > 4:
        return "Organization"
    if any(w.strip(".") in _NOT_NAME_WORDS for w in words) or any(w.isupper() and len(w) > 1 for w in words):
        return None
    if any(w in ("of", "for", "and") for w in words):
        return "Organization"
    return "Person"


def _surname_links(result: ArticleActors, body: str, blocks: Sequence[Block]) -> None:
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
        if len(keys) != 1 or surname in _SURNAME_STOP - _SHARED_SURNAMES or len(surname) < 3:
            continue
        for b in blocks:
            for m in re.finditer(rf"\b{re.escape(surname)}\b", body[b.start : b.end]):
                start = b.start + m.start()
                end = start + len(surname)
                if taken.covers(start, end):
                    continue
                result.mentions.append(ActorMention(start, end, keys[0], "surname", 0.8))
                taken.add(start, end)


def _merge_short_names(result: ArticleActors) -> None:
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
        _add_alias(full, short.label)
        for alias in short.aliases:
            _add_alias(full, alias)
        del result.actors[short.key]


def _role_phrases(
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
                _add(result, gaz.entries[person], None, 0.75)
            _add_alias(result.actors[person], body[phrase_start:phrase_end])
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


_ROLE_HEADS = (
    r"(?:minister|president|spokesman|spokeswoman|spokesperson|secretary|chancellor|premier|"
    r"ambassador|envoy|general|commander|chief|diplomat|leader|senator|governor|mayor|chairman|"
    r"chairwoman|director|adviser|advisor|commissioner|prosecutor|negotiator)"
)
_APPOSITIVE_ROLE = re.compile(
    r",\s+(?:the\s+|a\s+|an\s+)?(?P<title>(?:[A-Z][\w\-]*['’]s\s+|[\w\-]+\s+){0,4}" + _ROLE_HEADS + r")\b\s*[,.]"
)
_BARE_ROLE = re.compile(r"\b[Tt]he\s+(?P<title>(?:[a-z][\w\-]*\s+|[A-Z][a-z]+\s+){0,2}" + _ROLE_HEADS + r")\b")


def _appositive_titles(result: ArticleActors, body: str, blocks: Sequence[Block]) -> None:
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


def _bare_roles(result: ArticleActors, body: str, blocks: Sequence[Block]) -> None:
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
            _add_alias(result.actors[key], body[start:end])
            taken.add(start, end)


_ORG_NOUNS = {noun: set(kinds.split()) for noun, kinds in table("organisation-nouns").items()}
_BARE_ORG = re.compile(r"\b[Tt]he\s+(?P<noun>" + trie_regex(_ORG_NOUNS) + r")\b(?!\s+(?:of|[A-Z]))")


_STATE_INSTITUTION = re.compile(
    r"^(?:['’]s)?\s+(?:[a-z]+\s+){0,2}(?P<noun>ministry|government|military|authorities|"
    r"embassy|army|navy|police|parliament|central\s+bank|bank|coast\s+guard|agency|"
    r"statistics\s+office|regulator)\b"
)


def _bare_organisations(result: ArticleActors, body: str, blocks: Sequence[Block]) -> None:
    """ "the company", "the agency", "the ministry": the organisation of that kind named last, within a few
    sentences; "the ministry" after "the country's energy ministry" is the country's."""
    orgs = [m for m in result.mentions if result.actors[m.key].kind not in ("Person", "Country")]
    for mention in list(result.mentions):
        inst = (
            _STATE_INSTITUTION.match(body[mention.end : mention.end + 40])
            if result.actors[mention.key].kind == "Country"
            else None
        )
        if inst:
            kind = (
                "MilitaryOrganization"
                if inst.group("noun") in ("military", "army", "navy")
                else "GovernmentOrganization"
            )
            orgs.append(
                ActorMention(
                    mention.start, mention.end + inst.end(), mention.key, f"institution:{kind}", mention.confidence
                )
            )
    orgs.sort(key=lambda m: m.start)
    if not orgs:
        return
    taken = Taken((m.start, m.end) for m in result.mentions)
    starts = [o.start for o in orgs]
    longest = max(o.end - o.start for o in orgs)
    for b in blocks:
        for m in _BARE_ORG.finditer(body, b.start, b.end):
            start, end = m.start(), m.end()
            if taken.overlaps(start, end):
                continue
            noun = re.sub(r"\s+", " ", m.group("noun").lower())
            kinds = _ORG_NOUNS[noun]
            # the nearest organisation whose name ends in the noun ("the command": "US Central Command"),
            # else of that kind, ending less than 700 characters before (scanning back from here, not
            # through every organisation of the article)
            named = None
            key = None
            for i in range(bisect.bisect_right(starts, start) - 1, -1, -1):
                o = orgs[i]
                if o.start <= start - 700 - longest:
                    break
                if o.end > start or start - o.end >= 700:
                    continue
                info = result.actors[o.key]
                if named is None and any(n.lower().endswith(" " + noun) for n in (info.label, *info.aliases)):
                    named = o.key
                if key is None and (info.kind in kinds or o.how.split(":")[-1] in kinds):
                    key = o.key
            key = named or key
            if key is None:
                continue
            result.mentions.append(ActorMention(start, end, key, "role", 0.65))
            taken.add(start, end)


def _drop_overlaps(result: ArticleActors) -> None:
    """Where mentions overlap, keep the longest (a titled name over the name and the country in it),
    but keep a country named inside a title ("Russian" in "Russian President Vladimir Putin")."""
    mentions = sorted(result.mentions, key=lambda m: (-(m.end - m.start), m.start))
    kept: list[ActorMention] = []
    taken = Taken()  # the kept mentions, tagged with their place in ``kept``
    for m in mentions:
        first = taken.first_overlap(m.start, m.end)
        if first is None:
            taken.add(m.start, m.end, len(kept))
            kept.append(m)
            continue
        clash = kept[first]
        inside = clash.start <= m.start and m.end <= clash.end
        if inside and clash.how in ("title", "role") and result.actors[m.key].kind != "Person" and m.key != clash.key:
            taken.add(m.start, m.end, len(kept))
            kept.append(m)
    result.mentions = kept
