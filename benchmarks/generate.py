"""The scale corpus: N synthetic news articles with planted contradictions and uncited claims.

Pure Python, no network, deterministic for a seed. Article ``i`` depends only on the seed and ``i``,
so the corpus of 100 articles is the first 100 of the corpus of 10,000 and every planted finding of a
small corpus is also planted in the large one: the suite checks that scale does not change answers.

Each article is a ``.txt`` file with YAML front matter (title, url, publisher, author, published,
language), 600-900 words of news prose: direct quotes with "said" before or after, reported speech
("X warned that ..."), "according to <publication>" attributions, statistics with units (troops,
EUR/USD, km or miles, percentages), dated events at day, month or year precision, footnote markers
with a reference list (URLs and one "Ibid."), and page furniture (share buttons, "RELATED:" teasers,
comment counters). Actors come from the gazetteer in ``kg/data/gazetteer/``.

The background prose describes one consistent world: each treaty has one date, each deployment or
aid package one figure, each distance one length (written in km or in miles), so a contradiction kg
reports that was not planted is a false alarm. Planted findings use actors and names reserved for
them. Every block of :data:`BLOCK` articles holds one planted contradiction of each kind (different
dates for one treaty, different numbers for one deployment or aid package, an explicit rebuttal,
opposite polarity, opposing stances), each across two articles of the block, and every article holds
one planted uncited statistic and one planted cited claim. The ground truth goes to
``<root>/truth.json``, next to ``<root>/corpus/`` (not inside it: kg reads ``.json`` files as articles).

    python -m benchmarks.generate 1000 /tmp/kg-bench/1000    # writes corpus/ and truth.json
"""

from __future__ import annotations

import hashlib
import json
import random
import re
import shutil
import sys
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

__all__ = [
    "BLOCK",
    "CONTRADICTION_KINDS",
    "GENERATOR_VERSION",
    "SEED",
    "article_name",
    "body_words",
    "generate",
    "load_truth",
    "touch_article",
]

SEED = 7
GENERATOR_VERSION = "3"
"""Bump whenever the generated text changes: a saved corpus (and measurements on it) of another version
is never reused."""
BLOCK = 20
"""Articles per block; each complete block holds one planted contradiction of each kind."""
CONTRADICTION_KINDS = ("date", "quantity", "rebuttal", "polarity", "stance")
"""Planted contradiction kinds, in their order inside a block (kg's kinds: value, value, rebuttal,
polarity, stance)."""
_PLANT_SLOTS = {  # kind -> (first article, second article) offsets inside a block
    "date": (0, 11),
    "quantity": (2, 13),
    "rebuttal": (4, 15),
    "polarity": (6, 17),
    "stance": (8, 19),
}
_YEARS = (2023, 2024, 2025)
_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
           "November", "December")
_GAZETTEER = Path(__file__).resolve().parent.parent / "kg" / "data" / "gazetteer"


def article_name(i: int) -> str:
    """The article id (and file stem) of article ``i``."""
    return f"a{i:06d}"


# ----------------------------------------------------------------------------------------------
# The cast: actors from the gazetteer


@dataclass(frozen=True)
class _Country:
    key: str
    label: str
    demonym: str
    capital: str | None


@dataclass(frozen=True)
class _Person:
    key: str
    label: str
    surname: str
    title: str  # "Polish foreign minister", "NATO secretary general"
    country: str | None  # the country key the person speaks for, when a state office


@dataclass(frozen=True)
class _Cast:
    countries: tuple[_Country, ...]
    organisations: tuple[str, ...]  # labels of international and government bodies
    media: tuple[str, ...]
    people: tuple[_Person, ...]
    plant_pairs: tuple[tuple[int, int], ...]  # country index pairs reserved for planted findings
    world_pairs: tuple[tuple[int, int], ...]  # the others, for the background world


_TITLES = {"president", "prime-minister", "foreign-minister", "defence-minister", "chancellor", "spokesperson",
           "secretary-general", "finance-minister", "interior-minister", "national-security-adviser",
           "deputy-foreign-minister", "high-representative", "commission-president", "vice-president"}
_SIMPLE_LABEL = re.compile(r"^[A-Z][a-z]+(?: [A-Z][a-z]+)?$")


@cache
def _cast() -> _Cast:
    def load(name: str) -> Any:
        return json.loads((_GAZETTEER / f"{name}.json").read_text(encoding="utf-8"))

    countries = [
        _Country(c["key"], c["label"], c["demonyms"][0], c["metonyms"][0] if c["metonyms"] else None)
        for c in load("countries")
        if not c["historical"] and c["demonyms"] and _SIMPLE_LABEL.match(c["label"])
    ]
    by_key = {c.key: c for c in countries}
    orgs = load("organisations")
    org_labels = {o["key"]: o["acronyms"][0] if o["acronyms"] else o["label"] for o in orgs}
    bodies = tuple(sorted(org_labels[o["key"]] for o in orgs if o["type"] == "Organization" and o["country"] is None))
    media = tuple(sorted(o["label"] for o in orgs if o["type"] == "NewsMediaOrganization"
                         and not o["label"].startswith("The ")))
    roles = load("roles")
    people = []
    for p in load("people"):
        surname = p["surname"][0] if isinstance(p["surname"], list) else p["surname"]
        if not p["roles"] or not surname:
            continue
        held = [r for r in p["roles"] if r["title"] in _TITLES]
        if not held:
            continue
        role = held[-1]
        form = roles[role["title"]]["forms"][0]
        if role["of"] in by_key:
            title = f"{by_key[role['of']].demonym} {form}"
            country: str | None = role["of"]
        elif role["of"] in org_labels:
            title = f"{org_labels[role['of']]} {form}"
            country = None
        else:
            continue
        people.append(_Person(p["key"], p["label"], surname, title, country))
    rng = random.Random(f"{SEED}-pairs")
    pairs = [(a, b) for a in range(len(countries)) for b in range(a + 1, len(countries))]
    rng.shuffle(pairs)
    return _Cast(tuple(countries), bodies, media, tuple(people), tuple(pairs[0::2]), tuple(pairs[1::2]))


# ----------------------------------------------------------------------------------------------
# The background world: one value per fact, whichever article states it


def _fact_rng(*key: object) -> random.Random:
    return random.Random("|".join(str(k) for k in (SEED, *key)))


def _date_text(rng: random.Random, year: int, month: int, day: int) -> str:
    """A date at day, month or year precision (consistent with the one true date)."""
    roll = rng.random()
    if roll < 0.4:
        return f"on {day} {_MONTHS[month - 1]} {year}" if rng.random() < 0.5 else \
            f"on {_MONTHS[month - 1]} {day}, {year}"
    if roll < 0.75:
        return f"in {_MONTHS[month - 1]} {year}"
    return f"in {year}"


_WORLD_TREATY_TOPICS = ("Fisheries", "Navigation", "Customs", "Rail", "Aviation", "Education", "Health")
_PLANT_TREATY_TOPICS = ("Border", "Transit", "Energy", "Water", "Friendship", "Trade", "Cooperation")
_GIVEN = ("Anna", "Marek", "Laura", "Tomas", "Elena", "David", "Ingrid", "Pavel", "Sofia", "Jonas", "Maria", "Lukas",
          "Olga", "Peter", "Hanna", "Andrei", "Clara", "Mikael", "Irena", "Stefan", "Julia", "Kasper", "Nora")
_FAMILY = ("Berg", "Novak", "Kowalski", "Lindqvist", "Petrov", "Meyer", "Romano", "Horvat", "Dubois", "Jensen",
           "Varga", "Walsh", "Ozols", "Tamm", "Costa", "Fischer", "Nagy", "Kaminski", "Larsen", "Moreau", "Brennan",
           "Sokolova", "Keller", "Andersen", "Marin", "Vidal", "Hale", "Rossi", "Janssen")


def _authors() -> list[str]:
    return [f"{g} {f}" for f in _FAMILY for g in _GIVEN][:631]  # 631: prime, so a block never repeats one


# ----------------------------------------------------------------------------------------------
# Sentences


_QUOTE_OPENINGS = (
    "We will not be intimidated", "This is a decisive moment for our region",
    "Nobody wants another winter like the last", "Our patience has limits",
    "We are ready to talk, but not at any price", "The situation on the ground is changing fast",
    "We expect our partners to keep their word", "Security does not come cheap", "There is no time to lose",
    "We have done our part", "The next months will be difficult", "Every delay costs lives",
)
_QUOTE_ENDINGS = (
    "and we will say so in every meeting", "whatever others may claim", "and our citizens know it",
    "and that is why we act now", "and the figures speak for themselves", "and we will keep working on it",
)
_REPORT_CUES = ("warned", "argued", "insisted", "claimed", "stated", "told reporters", "said")
_CLAUSES = (
    "energy prices in {c1} would keep rising through the winter",
    "the economy of {c1} was under more strain than official figures suggested",
    "talks in {cap} had produced little so far",
    "the government of {c1} would present a new budget in the spring",
    "further delays would weaken the coalition in {c1}",
    "inflation in {c1} had started to fall",
    "the election campaign in {c1} was dominated by security questions",
    "the port of {cap} needed new investment",
    "the number of refugees arriving in {c1} had doubled",
    "the mission of the {org} in the region would be extended",
)
_NARRATION = (
    "Officials in {cap} declined to comment on the report.",
    "The meeting in {cap} lasted more than four hours.",
    "The statement was published on the ministry's website late on {weekday}.",
    "Diplomats from both sides are expected to meet again next month.",
    "The debate over defence spending has divided parliament in {c1} for months.",
    "Fuel shortages were reported in several towns in the north of {c1}.",
    "Negotiators from {c1} and {c2} met in {cap} for a second round of talks.",
    "The {org} has called an extraordinary meeting for next week.",
    "Protesters gathered outside the parliament in {cap} on {weekday}.",
    "Several ministers travelled to {cap} for the talks.",
    "The opposition in {c1} has demanded a parliamentary inquiry.",
    "Trade between {c1} and {c2} fell sharply last year.",
)
_VAGUE = (
    "Analysts say the government in {cap} has little room for manoeuvre.",
    "Observers noted that the mood in {cap} had changed.",
    "Critics argue that the plan of the {org} came too late.",
    "Some experts believe the crisis will last well into next year.",
)
_HEADS = ("Background", "What happens next", "Reactions", "The numbers", "A divided region", "Analysis")
_FURNITURE = (
    "Share on Facebook", "Share on X", "Share via email", "Copy link", "0 Comments", "Sign up for our newsletter",
    "Advertisement", "Most read",
)
_TEASERS = (
    "RELATED: Five things to know about the new defence budget",
    "RELATED: How the energy crisis changed European politics",
    "RELATED: The long road to the next summit",
    "Read more: Inside the negotiations that nobody expected",
)
_WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday")


@dataclass
class _Article:
    i: int
    rng: random.Random
    paragraphs: list[str] = field(default_factory=list)
    references: list[str] = field(default_factory=list)
    planted: list[tuple[str, str]] = field(default_factory=list)  # (role, sentence)

    def cite(self, title: str, publisher: str, url: str, *, ibid: bool = False) -> str:
        """A footnote marker, and its entry in the reference list."""
        if ibid and self.references:
            self.references.append("Ibid.")
        else:
            self.references.append(f"“{title}”, {publisher}, {url}")
        return f"[{len(self.references)}]"


def _fill(rng: random.Random, template: str, cast: _Cast) -> str:
    c1, c2 = rng.sample(cast.countries, 2)
    cap = c1.capital or c1.label
    return template.format(c1=c1.label, c2=c2.label, cap=cap, org=rng.choice(cast.organisations),
                           weekday=rng.choice(_WEEKDAYS))


def _upper_first(text: str) -> str:
    return text[:1].upper() + text[1:]


def _speaker(rng: random.Random, cast: _Cast, first: bool) -> str:
    p = rng.choice(cast.people)
    return f"{_upper_first(p.title)} {p.label}" if first else p.label


def _background_sentence(art: _Article, cast: _Cast, publisher: str) -> str:
    """One sentence of the consistent background world."""
    rng = art.rng
    roll = rng.random()
    if roll < 0.16:  # direct quote, "said" after or before
        quote = f"{rng.choice(_QUOTE_OPENINGS)}, {rng.choice(_QUOTE_ENDINGS)}"
        who = _speaker(rng, cast, first=True)
        if rng.random() < 0.5:
            return f"“{quote},” {who} said."
        return f"{who} said: “{quote}.”"
    if roll < 0.32:  # reported speech
        clause = _fill(rng, rng.choice(_CLAUSES), cast)
        return f"{_speaker(rng, cast, first=True)} {rng.choice(_REPORT_CUES)} that {clause}."
    if roll < 0.42:  # according to a publication
        clause = _fill(rng, rng.choice(_CLAUSES), cast)
        media = rng.choice([m for m in cast.media if m != publisher])
        if rng.random() < 0.5:
            return f"According to {media}, {clause}."
        return f"{clause[0].upper()}{clause[1:]}, according to {media}."
    if roll < 0.50:
        return _fill(rng, rng.choice(_VAGUE), cast)
    if roll < 0.80:
        return _world_fact(art, cast, publisher)
    return _fill(rng, rng.choice(_NARRATION), cast)


def _world_fact(art: _Article, cast: _Cast, publisher: str) -> str:
    """A statistic or dated event of the background world, with a footnote one time in three."""
    rng = art.rng
    a, b = (cast.countries[k] for k in rng.choice(cast.world_pairs))
    kind = rng.randrange(6)
    fact = _fact_rng(kind, a.key, b.key)
    if kind == 0:
        km = fact.randrange(120, 1900)
        length = f"{km:,} km" if rng.random() < 0.5 else f"{round(km * 0.621371):,} miles"
        text = f"The pipeline linking {a.label} and {b.label} runs for about {length}"
    elif kind == 1:
        troops = fact.randrange(4, 60) * 100
        text = f"{a.label} has deployed {troops:,} troops to {b.label} since {fact.choice(_YEARS)}"
    elif kind == 2:
        amount = fact.randrange(2, 90) / 2
        currency = fact.choice(("EUR", "USD"))
        text = f"{a.label} has pledged {currency} {amount:g} billion in aid to {b.label}"
    elif kind == 3:
        share = _fact_rng("gdp", a.key).randrange(8, 45) / 10
        text = f"{a.label} spent {share:.1f}% of its GDP on defence in 2023"
    elif kind == 4:
        topic = fact.choice(_WORLD_TREATY_TOPICS)
        year, month, day = fact.randrange(1992, 2022), fact.randrange(1, 13), fact.randrange(1, 29)
        name = f"{a.capital or a.label}–{b.capital or b.label} {topic} Agreement"
        text = f"{a.label} and {b.label} signed the {name} {_date_text(rng, year, month, day)}"
    else:
        rounds = fact.randrange(2, 9)
        text = f"Talks between {a.label} and {b.label} have gone through {rounds} rounds since {fact.choice(_YEARS)}"
    marker = ""
    if rng.random() < 0.33:
        slug = hashlib.sha256(text.encode()).hexdigest()[:10]
        media = rng.choice(cast.media)
        marker = art.cite(f"{a.label} and {b.label}: the facts", media,
                          f"https://{re.sub(r'[^a-z]', '', media.lower())[:14]}.example/news/{slug}.html",
                          ibid=rng.random() < 0.15)
    elif rng.random() < 0.3:
        media = rng.choice([m for m in cast.media if m != publisher])
        return f"{text}, according to {media}."
    return f"{text}.{marker}"


# ----------------------------------------------------------------------------------------------
# Planted findings


def _plant_rng(block: int, kind: str) -> random.Random:
    return random.Random(f"{SEED}-plant-{block}-{kind}")


def _plant_pair(cast: _Cast, block: int, kind: str) -> tuple[_Country, _Country]:
    index = block * len(CONTRADICTION_KINDS) + CONTRADICTION_KINDS.index(kind)
    a, b = cast.plant_pairs[index % len(cast.plant_pairs)]
    return cast.countries[a], cast.countries[b]


def _plant_people(cast: _Cast, block: int, kind: str) -> tuple[_Person, _Person]:
    rng = _plant_rng(block, kind)
    first, second = rng.sample(cast.people, 2)
    while first.surname == second.surname:
        second = rng.choice(cast.people)
    return first, second


def _planted_contradiction(cast: _Cast, block: int, kind: str, side: int) -> str:
    """Side 0 or 1 of the planted contradiction of ``kind`` in ``block``: one sentence."""
    rng = _plant_rng(block, kind)
    a, b = _plant_pair(cast, block, kind)
    p, q = _plant_people(cast, block, kind)
    if kind == "date":
        topic = rng.choice(_PLANT_TREATY_TOPICS)
        name = f"{a.capital or a.label}–{b.capital or b.label} {topic} Treaty"
        year, month = rng.randrange(1991, 2015), rng.randrange(1, 13)
        when = f"in {_MONTHS[month - 1]} {year}" if side == 0 else f"in {year + rng.randrange(3, 9)}"
        return f"{a.label} and {b.label} signed the {name} {when}."
    if kind == "quantity":
        if rng.random() < 0.5:
            troops = rng.randrange(10, 40) * 100
            value = troops if side == 0 else troops * 3 // 2
            if side == 0:
                return f"{a.label} has sent {value:,} soldiers to {b.label}, the defence ministry in " \
                    f"{a.capital or a.label} said."
            return f"{a.label} has sent {value:,} soldiers to {b.label}."
        amount = rng.randrange(4, 20)
        value = amount if side == 0 else amount + rng.randrange(3, 7)
        return f"{a.label} approved aid of EUR {value} billion for {b.label} this year."
    if kind == "rebuttal":
        if side == 0:
            return f"{_upper_first(p.title)} {p.label} warned that {a.label} would attack {b.label} within months."
        return (f"{_upper_first(q.title)} {q.label} called {p.surname}’s claim that {a.label} would attack "
                f"{b.label} complete nonsense.")
    if kind == "polarity":
        if side == 0:
            return (f"{_upper_first(p.title)} {p.label} said {a.label} would invade {b.label} "
                    "before the end of the year.")
        return (f"“{a.label} has no intention of invading {b.label},” {q.title} {q.label} said on "
                f"{rng.choice(_WEEKDAYS)}.")
    if kind == "stance":
        if side == 0:
            return f"{_upper_first(p.title)} {p.label} said {a.label} should restore relations with {b.label}."
        return f"{_upper_first(q.title)} {q.label} said {a.label} must rule out any partnership with {b.label}."
    raise ValueError(f"unknown planted kind {kind!r}")


def _planted_uncited(cast: _Cast, i: int) -> str:
    rng = random.Random(f"{SEED}-uncited-{i}")
    c = rng.choice(cast.countries)
    # one fleet per country (version 2 drew one per article: contradictions the generator did not plant)
    units = _fact_rng("vehicles", c.key).randrange(3, 95) * 10
    return f"The army of {c.label} now operates {units} armoured vehicles of the type ordered in 2019."


def _planted_cited(art: _Article, cast: _Cast) -> str:
    rng = random.Random(f"{SEED}-cited-{art.i}")
    c = rng.choice(cast.countries)
    share = _fact_rng("survey", c.key).randrange(20, 80)  # one share per country (version 1 drew one per article)
    slug = hashlib.sha256(f"cited-{art.i}".encode()).hexdigest()[:12]
    marker = art.cite(f"Public opinion in {c.label}", "Eurostat", f"https://stats.example.org/opinion/{slug}")
    return f"A survey found that {share}% of people in {c.label} support higher military spending.{marker}"


def _plants_of(i: int, n: int) -> list[tuple[str, int, int]]:
    """(kind, block, side) of the planted contradictions article ``i`` carries (both sides in the corpus)."""
    block, offset = divmod(i, BLOCK)
    found = []
    for kind, slots in _PLANT_SLOTS.items():
        if offset in slots and block * BLOCK + max(slots) < n:
            found.append((kind, block, slots.index(offset)))
    return found


# ----------------------------------------------------------------------------------------------
# Articles


def _headline(rng: random.Random, cast: _Cast) -> str:
    a, b = rng.sample(cast.countries, 2)
    return rng.choice((
        f"{a.label} and {b.label} clash over security as talks stall",
        f"What the latest moves by {a.label} mean for {b.label}",
        f"{a.label} raises pressure on {b.label} ahead of key meeting",
        f"Inside the dispute between {a.label} and {b.label}",
        f"{a.label} weighs its options as {b.label} hardens its stance",
    ))


def _render(i: int, n: int) -> tuple[str, list[tuple[str, str]]]:
    """The text of article ``i`` (of a corpus of ``n``) and its planted sentences as (role, sentence)."""
    cast = _cast()
    rng = random.Random(f"{SEED}-article-{i}")
    art = _Article(i, rng)
    authors = _authors()
    publisher = cast.media[(i * 37) % len(cast.media)]
    author = authors[(i * 211) % len(authors)]
    year = _YEARS[i % len(_YEARS)]
    published = f"{year}-{rng.randrange(1, 13):02d}-{rng.randrange(1, 29):02d}"
    headline = _headline(rng, cast)
    target = rng.randrange(600, 901)

    planted: list[str] = []
    for kind, block, side in _plants_of(i, n):
        sentence = _planted_contradiction(cast, block, kind, side)
        planted.append(sentence)
        art.planted.append((f"contradiction:{kind}:{block}:{side}", sentence))
    uncited = _planted_uncited(cast, i)
    art.planted.append(("uncited", uncited))
    planted.append(uncited)
    cited = _planted_cited(art, cast)
    art.planted.append(("cited", cited))
    planted.append(cited)

    words = 0
    lines: list[str] = []
    plant_at = {rng.randrange(1, 6): s for s in planted}  # paragraph index -> planted sentence
    for extra, sentence in enumerate(s for s in planted if s not in plant_at.values()):
        plant_at[6 + extra] = sentence
    paragraph = 0
    while words < target or any(k >= paragraph for k in plant_at):
        sentences = [_background_sentence(art, cast, publisher) for _ in range(rng.randrange(1, 4))]
        if paragraph in plant_at:
            sentences.insert(rng.randrange(len(sentences) + 1), plant_at[paragraph])
        text = " ".join(sentences)
        words += len(text.split())
        lines.append(text)
        paragraph += 1
        if paragraph % 5 == 0 and rng.random() < 0.5:
            lines.append(rng.choice(_HEADS))
        if paragraph == 3:
            lines.append(rng.choice(_TEASERS))
        if words > target + 400:  # never: plants sit in the first paragraphs
            break

    head = [
        "---",
        f'title: "{headline}"',
        f'url: "https://{re.sub(r"[^a-z]", "", publisher.lower())[:14]}.example/{year}/{article_name(i)}"',
        f'publisher: "{publisher}"',
        f'author: "{author}"',
        f'published: "{published}"',
        'language: "en"',
        "---",
    ]
    furniture_top = rng.sample(_FURNITURE[:4], 2)
    body = [*furniture_top, "", headline, "", f"By {author}", "", "\n\n".join(lines), ""]
    if art.references:
        body += ["References", "", "\n\n".join(f"[{k}] {ref}" for k, ref in enumerate(art.references, 1)), ""]
    body += [rng.choice(_FURNITURE[4:]), ""]
    return "\n".join(head) + "\n" + "\n".join(body), art.planted


def body_words(text: str) -> int:
    """Words of an article file after its front matter (whitespace-separated)."""
    if text.startswith("---\n"):
        text = text.split("\n---\n", 1)[1]
    return len(text.split())


def generate(n: int, root: Path, *, force: bool = False) -> dict[str, Any]:
    """Write ``n`` articles to ``root/corpus/`` and the ground truth to ``root/truth.json``; returns the truth.

    An existing corpus of the same size and generator version is reused unless ``force``.
    """
    corpus = root / "corpus"
    truth_path = root / "truth.json"
    version = GENERATOR_VERSION
    if not force and truth_path.exists():
        truth: dict[str, Any] = json.loads(truth_path.read_text(encoding="utf-8"))
        if truth.get("articles") == n and truth.get("generator") == version and corpus.is_dir():
            return truth
    if corpus.exists():
        shutil.rmtree(corpus)
    corpus.mkdir(parents=True)
    contradictions: dict[tuple[str, int], dict[str, Any]] = {}
    uncited, cited = [], []
    words = 0
    for i in range(n):
        text, planted = _render(i, n)
        (corpus / f"{article_name(i)}.txt").write_text(text, encoding="utf-8")
        words += body_words(text)
        for role, sentence in planted:
            clean = re.sub(r"\[\d+\]$", "", sentence)
            entry = {"article": article_name(i), "text": clean}
            if role == "uncited":
                uncited.append(entry)
            elif role == "cited":
                cited.append(entry)
            else:
                _, kind, block, side = role.split(":")
                slot = contradictions.setdefault((kind, int(block)), {"kind": kind, "block": int(block)})
                slot["ab"[int(side)]] = entry
    truth = {
        "generator": version,
        "seed": SEED,
        "articles": n,
        "words": words,
        "block": BLOCK,
        "contradictions": [contradictions[k] for k in sorted(contradictions, key=lambda k: (k[1], k[0]))],
        "uncited": uncited,
        "cited": cited,
    }
    truth_path.write_text(json.dumps(truth, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    return truth


def load_truth(root: Path) -> dict[str, Any]:
    """The ground truth written by :func:`generate`."""
    data: dict[str, Any] = json.loads((root / "truth.json").read_text(encoding="utf-8"))
    return data


def touch_article(root: Path, i: int = 0, revision: int = 1) -> Path:
    """Change article ``i`` of a generated corpus (one sentence appended to its first paragraph).

    Used for the incremental rebuild; ``revision`` makes each change distinct, so repeated runs each
    change the article again. Planted sentences are left alone.
    """
    path = root / "corpus" / f"{article_name(i)}.txt"
    text = path.read_text(encoding="utf-8")
    text = re.sub(r"\nLate update \d+:[^\n]*\n", "", text)
    byline = re.search(r"^By [^\n]*\n", text, re.M)
    if byline is None:
        raise ValueError(f"{path}: no byline; not an article written by benchmarks.generate")
    note = f"Late update {revision}: the talks resumed on {_WEEKDAYS[revision % len(_WEEKDAYS)]}."
    text = text[: byline.end()] + f"\n{note}\n" + text[byline.end() :]
    path.write_text(text, encoding="utf-8")
    return path


def main(argv: Sequence[str]) -> int:
    if len(argv) != 2:
        print("usage: python -m benchmarks.generate N ROOT", file=sys.stderr)
        return 2
    truth = generate(int(argv[0]), Path(argv[1]), force=True)
    print(f"{truth['articles']:,} articles, {truth['words']:,} words, {len(truth['contradictions'])} planted "
          f"contradictions, {len(truth['uncited'])} planted uncited claims -> {argv[1]}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
