"""Contradiction detection (issue 4): each kind on hand-made claims, the near-misses that must not be
reported, one edge per disagreement, and the seed target scored like the hidden articles."""

from __future__ import annotations

import hashlib
import json
import re
from pathlib import Path
from typing import Any, Literal

import pytest
from rdflib import Graph

from kg.contradict import analyse
from kg.contradict.analyse import dates_conflict, find_contradictions, quantities_conflict, unify_events
from kg.models import (
    Actor,
    ActorKind,
    Article,
    Claim,
    Corpus,
    DateStatement,
    DateValue,
    Event,
    Extraction,
    Mention,
    Quantity,
    Rebuttal,
    Relation,
    Span,
    Stance,
)
from kg.pipeline import build_corpus
from tests.support import scoring

ROOT = Path(__file__).resolve().parent.parent.parent
GOLD = json.loads((ROOT / "tests" / "data" / "seeds_gold.json").read_text(encoding="utf-8"))

ACTORS: dict[str, ActorKind] = {
    "russia": "Country",
    "nato": "Organization",
    "ukraine": "Country",
    "poland": "Country",
    "finland": "Country",
    "united-states": "Country",
    "european-union": "Organization",
    "vladimir-putin": "Person",
    "joe-biden": "Person",
    "jens-stoltenberg": "Person",
    "sergei-lavrov": "Person",
    "antony-blinken": "Person",
    "group.a1.analysts": "UnnamedGroup",
    "jane-doe": "Person",
    "john-roe": "Person",
}


SURFACES = {
    "US": "united-states",
    "Washington": "united-states",
    "Poland": "poland",
    "Finland": "finland",
    "Russia": "russia",
    "Russian": "russia",
    "Moscow": "russia",
    "NATO": "nato",
    "Ukraine": "ukraine",
    "EU": "european-union",
    "Putin": "vladimir-putin",
    "Biden": "joe-biden",
    "Blinken": "antony-blinken",
}
"""Names the hand-made articles use, found in each claim as the extractor would record its mentions."""


def date(value: str) -> DateValue:
    precision: Literal["year", "month", "day"] = {4: "year", 7: "month", 10: "day"}[len(value)]  # type: ignore[assignment]
    return DateValue(value=value, precision=precision)


def quantity(value: float, text: str, unit: str = "troops", measure: str = "deploy") -> dict[str, Any]:
    return {"value": value, "unit": unit, "measure": measure, "text": text}


def corpus_of(
    articles: dict[str, list[dict[str, Any]]],
    events: tuple[Event, ...] = (),
    authors: dict[str, str] | None = None,
    people: tuple[str, ...] = (),
) -> Corpus:
    """A resolved corpus: one article per key, one claim per dict (``text`` is the sentence; quantities
    give the number's text, which must occur in the sentence)."""
    extractions = []
    for article_id, claims in articles.items():
        body = " ".join(c["text"] for c in claims)
        article = Article(
            id=article_id,
            path=f"{article_id}.txt",
            headline=f"Headline {article_id}",
            body=body,
            sha256=hashlib.sha256(body.encode()).hexdigest(),
        )
        records, pos, mentions = [], 0, []
        for spec in claims:
            spec = dict(spec)
            text = spec.pop("text")
            start = body.index(text, pos)
            pos = start + len(text)
            for m in re.finditer(r"\b(" + "|".join(SURFACES) + r")\b", text):
                span = Span(start=start + m.start(), end=start + m.end(), text=m.group(0))
                mentions.append(Mention(target=SURFACES[m.group(0)], span=span))
            quantities = []
            for q in spec.pop("quantities", []):
                q = dict(q)
                at = text.index(q.pop("text"))
                qs = start + at
                number = q.pop("number", None) or text[at:].split(" ")[0]
                quantities.append(Quantity(span=Span(start=qs, end=qs + len(number), text=number), **q))
            spec.setdefault("claim_type", "reported" if spec.get("claimant") else "authorial")
            spec.setdefault("citation_status", "speaker" if spec.get("claimant") else "uncited")
            spec.setdefault("confidence", 0.7)
            spec.setdefault("attribution_confidence", 0.9)
            records.append(
                Claim(
                    article_id=article_id,
                    span=Span(start=start, end=pos, text=text),
                    text=text,
                    quantities=tuple(quantities),
                    **spec,
                )
            )
        author = (authors or {}).get(article_id)
        extractions.append(
            Extraction(
                article=article,
                claims=tuple(records),
                extractor="hand-made",
                authors=(author,) if author else (),
                mentions=tuple(mentions),
            )
        )
    kinds: dict[str, ActorKind] = {**ACTORS, **dict.fromkeys(people, "Person")}
    actors = tuple(Actor(key=k, label=k.replace("-", " ").title(), kind=kind) for k, kind in sorted(kinds.items()))
    return Corpus(
        extractions=tuple(extractions),
        actors=actors,
        events=tuple(sorted(events, key=lambda e: e.key)),
        sources=(),
    )


ATTACK = Relation(subject="russia", predicate="attack", object="nato")
NO_ATTACK = Relation(subject="russia", predicate="attack", object="nato", negated=True)
WAR = Event(key="war-ukraine", kind="war", name="war in Ukraine", participants=("ukraine",))
BIG_WAR = Event(key="war-russia-ukraine", kind="war", name="Russia–Ukraine war", participants=("russia", "ukraine"))


# ---------------------------------------------------------------------------------------------
# Polarity


def test_analyse_polarity_prediction_against_statement_of_intent() -> None:
    corpus = corpus_of(
        {
            "a1": [
                {
                    "text": "Biden warned that Russia would attack a NATO country if Putin won.",
                    "claimant": "joe-biden",
                    "modality": "conditional",
                    "relations": (ATTACK,),
                    "about": ("russia", "nato"),
                },
                {
                    "text": "Russia has no reason to fight NATO, Putin said.",
                    "claimant": "vladimir-putin",
                    "polarity": "negated",
                    "relations": (NO_ATTACK,),
                    "about": ("russia", "nato"),
                    "claim_type": "quote",
                },
            ]
        }
    )
    [found] = find_contradictions(corpus)
    assert found.kind == "polarity"
    assert found.modality == "conditional vs factual"
    assert "Joe Biden says Russia would attack Nato (conditional)" in found.explanation
    assert "Vladimir Putin says Russia would not attack Nato" in found.explanation
    assert "statement of intent" in found.explanation


def test_analyse_polarity_keeps_one_edge_per_disagreement() -> None:
    """Three statements by Putin against one by Biden: one edge, to the direct quote, counting the others."""
    corpus = corpus_of(
        {
            "a1": [
                {
                    "text": "Biden warned that Russia would attack NATO.",
                    "claimant": "joe-biden",
                    "modality": "predictive",
                    "relations": (ATTACK,),
                },
                {
                    "text": "Putin added that Russia has no intention of going to war with NATO.",
                    "claimant": "vladimir-putin",
                    "relations": (NO_ATTACK,),
                },
                {
                    "text": "Russia has no reason to fight NATO.",
                    "claimant": "vladimir-putin",
                    "claim_type": "quote",
                    "relations": (NO_ATTACK,),
                },
                {
                    "text": "According to him, Russia has no interest in a war with NATO.",
                    "claimant": "vladimir-putin",
                    "relations": (NO_ATTACK,),
                },
            ]
        }
    )
    quote = next(c for c in corpus.extractions[0].claims if c.claim_type == "quote")
    found = find_contradictions(corpus)
    assert [k.claim_b for k in found] == [quote.uid]
    assert "says the same in 2 other statements" in found[0].explanation


def test_analyse_one_edge_per_party() -> None:
    """Putin and the Russian state (the Kremlin) on one side: one disagreement, the others named."""
    corpus = corpus_of(
        {
            "a1": [
                {
                    "text": "Biden warned that Russia would attack NATO.",
                    "claimant": "joe-biden",
                    "modality": "predictive",
                    "relations": (ATTACK,),
                },
                {
                    "text": "Russia has no plans to attack NATO, Putin said.",
                    "claimant": "vladimir-putin",
                    "claim_type": "quote",
                    "relations": (NO_ATTACK,),
                },
                {
                    "text": "The Kremlin said Moscow has no intention of attacking NATO.",
                    "claimant": "russia",
                    "relations": (NO_ATTACK,),
                },
            ]
        }
    )
    [found] = find_contradictions(corpus)
    assert found.explanation.endswith("Russia (same side as Vladimir Putin) says the same.")


def test_analyse_rebuttal_of_a_state_links_its_office_holder() -> None:
    """ "dismissed a US report": what the US president said is what the US said."""
    corpus = corpus_of(
        {
            "a1": [
                {
                    "text": "Biden said Russia would attack NATO and Poland.",
                    "claimant": "joe-biden",
                    "modality": "predictive",
                    "relations": (ATTACK,),
                    "about": ("russia", "nato", "poland"),
                }
            ],
            "a2": [
                {
                    "text": "Moscow dismissed as propaganda a US report that Russia would attack NATO.",
                    "claimant": "russia",
                    "relations": (NO_ATTACK,),
                    "polarity": "negated",
                    "rebuttal": Rebuttal(target="united-states", cue="dismissed … report"),
                    "about": ("united-states", "russia", "nato"),
                }
            ],
        }
    )
    found = find_contradictions(corpus)
    assert [k.kind for k in found] == ["rebuttal"]
    assert found[0].explanation.startswith("Russia rejects what Joe Biden (United States) said")


@pytest.mark.parametrize(
    "case", ["same-speaker", "unrelated-subjects", "author-vs-quoted-speaker", "fact-vs-prediction"]
)
def test_analyse_polarity_near_misses(case: str) -> None:
    if case == "fact-vs-prediction":  # a prediction that something would not happen, and the fact that it did
        claims = [
            {
                "text": "Lavrov said in January that Russia would not invade Ukraine.",
                "claimant": "sergei-lavrov",
                "modality": "predictive",
                "relations": (Relation(subject="russia", predicate="attack", object="ukraine", negated=True),),
            },
            {
                "text": "Blinken said Russia attacked Ukraine in February.",
                "claimant": "antony-blinken",
                "relations": (Relation(subject="russia", predicate="attack", object="ukraine"),),
            },
        ]
    elif case == "same-speaker":  # the same speaker, two wordings: not a contradiction kg reports
        claims = [
            {
                "text": "Putin said Russia would not attack NATO.",
                "claimant": "vladimir-putin",
                "relations": (NO_ATTACK,),
            },
            {
                "text": "Putin said Russia would attack NATO only if attacked.",
                "claimant": "vladimir-putin",
                "modality": "conditional",
                "relations": (ATTACK,),
            },
        ]
    elif case == "unrelated-subjects":  # hedged vs factual, about different things
        claims = [
            {
                "text": "Analysts say Russia may attack Finland.",
                "claimant": "group.a1.analysts",
                "modality": "hedged",
                "relations": (Relation(subject="russia", predicate="attack", object="finland"),),
            },
            {
                "text": "Blinken said the US will not support Poland.",
                "claimant": "antony-blinken",
                "relations": (Relation(subject="united-states", predicate="support", object="poland", negated=True),),
            },
        ]
    else:  # the article's own voice summarising the speaker it quotes
        claims = [
            {
                "text": "Biden warned that Russia would attack NATO.",
                "claimant": "joe-biden",
                "relations": (ATTACK,),
            },
            {
                "text": "Putin's statements show that Russia does not intend to attack NATO.",
                "relations": (NO_ATTACK,),
            },
        ]
    assert find_contradictions(corpus_of({"a1": claims})) == []


def test_analyse_polarity_article_voices_of_two_articles_conflict() -> None:
    corpus = corpus_of(
        {
            "a1": [
                {
                    "text": "Russia will attack NATO within five years.",
                    "modality": "predictive",
                    "relations": (ATTACK,),
                }
            ],
            "a2": [
                {
                    "text": "Russia will never attack NATO.",
                    "modality": "predictive",
                    "relations": (NO_ATTACK,),
                }
            ],
        },
        authors={"a1": "jane-doe", "a2": "john-roe"},
    )
    [found] = find_contradictions(corpus)
    assert (found.kind, found.claim_a, found.claim_b) == ("polarity", "a1/0-42", "a2/0-30")
    assert found.explanation.startswith("Jane Doe says Russia would attack Nato")


# ---------------------------------------------------------------------------------------------
# Rebuttal


def test_analyse_rebuttal_links_the_rejected_claim() -> None:
    corpus = corpus_of(
        {
            "a1": [
                {
                    "text": "Biden warned that Russia would attack a NATO country.",
                    "claimant": "joe-biden",
                    "modality": "predictive",
                    "relations": (ATTACK,),
                    "about": ("russia", "nato"),
                },
                {
                    "text": "Biden also said the US backs Ukraine.",
                    "claimant": "joe-biden",
                    "relations": (Relation(subject="united-states", predicate="support", object="ukraine"),),
                    "about": ("united-states", "ukraine"),
                },
                {
                    "text": "Putin called Biden's claim that Russia would attack NATO complete nonsense.",
                    "claimant": "vladimir-putin",
                    "polarity": "negated",
                    "relations": (NO_ATTACK,),
                    "rebuttal": Rebuttal(target="joe-biden", cue="called … nonsense"),
                    "about": ("joe-biden", "russia", "nato"),
                },
            ]
        }
    )
    found = find_contradictions(corpus)
    assert [(k.kind, k.claim_a, k.claim_b) for k in found] == [("rebuttal", "a1/0-53", "a1/92-167")]
    assert found[0].explanation.startswith("Vladimir Putin rejects what Joe Biden said (“called … nonsense”)")


def test_analyse_rebuttal_needs_a_shared_topic() -> None:
    """Putin rejecting something of Biden's is not set against an unrelated Biden claim in another article."""
    corpus = corpus_of(
        {
            "a1": [
                {
                    "text": "Putin called Biden's remarks on Russia nonsense.",
                    "claimant": "vladimir-putin",
                    "rebuttal": Rebuttal(target="joe-biden", cue="called … nonsense"),
                    "about": ("joe-biden", "russia"),
                }
            ],
            "a2": [
                {
                    "text": "Biden said the EU must back Ukraine.",
                    "claimant": "joe-biden",
                    "about": ("european-union", "ukraine"),
                }
            ],
        }
    )
    assert find_contradictions(corpus) == []


# ---------------------------------------------------------------------------------------------
# Values: dates


@pytest.mark.parametrize(
    ("a", "b", "conflict"),
    [
        ("2014", "2022-02-24", True),
        ("2022", "2022-02-24", False),  # a year and a full date in that year
        ("2022-02", "2022-02-24", False),
        ("2022-02", "2022-03", True),
        ("2022-02-24", "2022-02-25", True),
        ("1997-05", "2002", True),
    ],
    ids=lambda v: str(v),
)
def test_analyse_dates_conflict(a: str, b: str, conflict: bool) -> None:
    assert dates_conflict(date(a), date(b)) is conflict


def test_analyse_unify_nested_wars_only_when_unambiguous() -> None:
    other = Event(key="war-poland-ukraine", kind="war", name="w", participants=("poland", "ukraine"))
    assert unify_events([WAR, BIG_WAR])["war-ukraine"] == "war-russia-ukraine"
    assert unify_events([WAR, BIG_WAR, other])["war-ukraine"] == "war-ukraine"  # nests in two: ambiguous


def test_analyse_war_start_dates_conflict_across_nested_events() -> None:
    corpus = corpus_of(
        {
            "a1": [
                {
                    "text": "The conflict in Ukraine, which began in 2014, goes on.",
                    "dates": (DateStatement(event="war-ukraine", date=date("2014")),),
                    "about": ("war-ukraine",),
                }
            ],
            "a2": [
                {
                    "text": "The February 24, 2022, Russia-Ukraine War shook the world.",
                    "dates": (DateStatement(event="war-russia-ukraine", date=date("2022-02-24")),),
                }
            ],
        },
        events=(WAR, BIG_WAR),
        authors={"a1": "jane-doe", "a2": "john-roe"},
    )
    [found] = find_contradictions(corpus)
    assert (found.kind, found.claim_a, found.claim_b) == ("value", "a1/0-54", "a2/0-58")
    assert found.explanation == (
        "Jane Doe says the war in Ukraine began in 2014; John Roe dates the "
        "Russia–Ukraine war (the same war) to 24 February 2022."
    )


@pytest.mark.parametrize("case", ["year-vs-full-date", "two-summits", "two-elections", "same-voice"])
def test_analyse_date_near_misses(case: str) -> None:
    events: tuple[Event, ...]
    if case == "year-vs-full-date":
        events = (BIG_WAR,)
        a = ("The war began in 2022.", "war-russia-ukraine", "2022")
        b = ("Russia invaded on February 24, 2022.", "war-russia-ukraine", "2022-02-24")
    elif case == "two-summits":  # two different NATO summits in Vilnius, same key, different years
        events = (Event(key="summit-vilnius", kind="summit", name="Vilnius summit"),)
        a = ("Leaders met at the Vilnius summit in 2023.", "summit-vilnius", "2023")
        b = ("The Vilnius summit of 2009 was quieter.", "summit-vilnius", "2009")
    elif case == "two-elections":
        events = (
            Event(
                key="election-united-states",
                kind="election",
                name="election",
                participants=("united-states",),
            ),
        )
        a = ("The 2020 presidential election in the US was close.", "election-united-states", "2020")
        b = ("The US presidential election of 2024 was not.", "election-united-states", "2024")
    else:  # one article, its own voice, twice
        events = (BIG_WAR,)
        a = ("The war began in 2014.", "war-russia-ukraine", "2014")
        b = ("The war started on February 24, 2022.", "war-russia-ukraine", "2022-02-24")
    articles = {"a1": [{"text": a[0], "dates": (DateStatement(event=a[1], date=date(a[2])),)}]}
    second = {"text": b[0], "dates": (DateStatement(event=b[1], date=date(b[2])),)}
    if case == "same-voice":
        articles["a1"].append(second)
    else:
        articles["a2"] = [second]
    assert find_contradictions(corpus_of(articles, events=events)) == []


# ---------------------------------------------------------------------------------------------
# Values: quantities


def troops(
    value: float, text: str, who: str | None, article: str = "a1", number: str | None = None, **extra: Any
) -> dict[str, Any]:
    q = quantity(value, number or text.split(" troops")[0].split()[-1])
    q["text"] = number or q["text"]
    spec: dict[str, Any] = {"text": text, "about": ("united-states", "poland"), "quantities": [q], **extra}
    if who:
        spec["claimant"] = who
    return spec


def test_analyse_quantity_conflict_is_reported() -> None:
    corpus = corpus_of(
        {
            "a1": [troops(3000, "The US deployed 3,000 troops to Poland, the Pentagon said.", "joe-biden")],
            "a2": [troops(4500, "Washington sent 4,500 troops to Poland, Blinken said.", "antony-blinken")],
        }
    )
    [found] = find_contradictions(corpus)
    assert found.kind == "value"
    assert found.explanation == (
        "Joe Biden says “The US deployed 3,000 troops to Poland”; Antony Blinken says “Washington sent 4,500 "
        "troops to Poland”: "
        "4,500 troops is 50% more than 3,000 troops, more than rounding or approximation allows."
    )


def test_analyse_quantity_conflict_in_the_same_place() -> None:
    corpus = corpus_of(
        {
            "a1": [troops(4500, "Riga said about 4,500 Russian troops were moved to Pskov.", "joe-biden")],
            "a2": [
                troops(
                    3000,
                    "Blinken said some 3,000 Russian soldiers have arrived in Pskov.",
                    "antony-blinken",
                    number="3,000",
                )
            ],
        }
    )
    [found] = find_contradictions(corpus)
    assert "4,500 troops is 50% more than 3,000 troops" in found.explanation


@pytest.mark.parametrize(
    "case", ["rounding", "approximately", "unit-conversion", "bound", "other-actors", "other-places", "other-years"]
)
def test_analyse_quantity_near_misses(case: str) -> None:
    a = troops(3000, "The US deployed 3,000 troops to Poland.", "joe-biden")
    if case == "rounding":
        b = troops(3050, "The US deployed 3,050 troops to Poland.", "antony-blinken", "a2")
    elif case == "approximately":
        b = troops(3300, "The US deployed about 3,300 troops to Poland.", "antony-blinken", "a2")
    elif case == "unit-conversion":  # 1,000 km against 621 miles (normalised to km at extraction)
        a = {
            "text": "The border runs 1,000 km, Biden said.",
            "claimant": "joe-biden",
            "about": ("finland", "russia"),
            "quantities": [quantity(1000.0, "1,000", unit="km", measure="run")],
        }
        b = {
            "text": "The border runs 621 miles, Blinken said.",
            "claimant": "antony-blinken",
            "about": ("finland", "russia"),
            "quantities": [quantity(999.402624, "621", unit="km", measure="run")],
        }
    elif case == "bound":
        b = troops(4500, "The US deployed more than 3,000 troops to Poland.", "antony-blinken", "a2", number="3,000")
        b["quantities"][0]["value"] = 3000.0
        a = troops(4500, "The US deployed 4,500 troops to Poland.", "joe-biden")
    elif case == "other-actors":
        b = troops(4500, "The US deployed 4,500 troops to Finland.", "antony-blinken", "a2")
        b["about"] = ("united-states", "finland")
    elif case == "other-places":  # the same actors, but troops sent to two different places
        a = troops(3000, "Moscow said 3,000 Russian troops were moved to Pskov.", "vladimir-putin")
        b = troops(4500, "Blinken said 4,500 Russian troops were moved to Kaliningrad.", "antony-blinken", "a2")
    else:
        a = troops(3000, "The US deployed 3,000 troops to Poland in 2022.", "joe-biden")
        b = troops(4500, "The US deployed 4,500 troops to Poland in 2024.", "antony-blinken", "a2")
    assert find_contradictions(corpus_of({"a1": [a], "a2": [b]})) == []


@pytest.mark.parametrize(
    ("a", "b", "qa", "qb", "conflict"),
    [
        (3000, 4500, "", "", True),
        (3000, 3050, "", "", False),
        (3000, 3050, "about", "", False),
        (12e9, 15e9, "", "", True),
        (1000, 999.402624, "", "", False),
        (3000, 4500, "more than", "", False),
        (5000, 4500, "nearly", "", False),
        (2.0, 4.0, "", "", True),
    ],
    ids=lambda v: str(v),
)
def test_analyse_quantities_conflict(a: float, b: float, qa: str, qb: str, conflict: bool) -> None:
    def q(value: float) -> Quantity:
        text = f"{value:,.0f}" if value >= 100 and value == int(value) else str(value)
        return Quantity(value=value, unit="x", span=Span(start=0, end=len(text), text=text))

    assert quantities_conflict(q(a), q(b), qa, qb) is conflict


# ---------------------------------------------------------------------------------------------
# Stances


FOR = Stance(issue="relations", position="for", cue="restoring relations")
AGAINST = Stance(issue="relations", position="against", cue="closing the door on")


def test_analyse_stance_between_named_claimants() -> None:
    corpus = corpus_of(
        {
            "a1": [
                {
                    "text": "Putin closed the door on any partnership with NATO.",
                    "claimant": "vladimir-putin",
                    "stances": (AGAINST,),
                    "about": ("nato", "russia"),
                }
            ],
            "a2": [
                {
                    "text": "Stoltenberg said restoring relations with Russia should be a priority.",
                    "claimant": "jens-stoltenberg",
                    "stances": (FOR,),
                    "about": ("russia",),
                }
            ],
        }
    )
    [found] = find_contradictions(corpus)  # Stoltenberg speaks for NATO (his office, from the gazetteer)
    assert found.kind == "stance"
    assert found.explanation.startswith("Jens Stoltenberg is for dialogue and relations between Nato and Russia")


@pytest.mark.parametrize("case", ["unnamed-group", "same-claimant", "authorial", "one-shared-actor"])
def test_analyse_stance_near_misses(case: str) -> None:
    pro: dict[str, Any] = {
        "text": "Lavrov said restoring relations with NATO should be a priority.",
        "claimant": "sergei-lavrov",
        "stances": (FOR,),
        "about": ("nato", "russia"),
    }
    con: dict[str, Any] = {
        "text": "Blinken ruled out talks between NATO and Russia.",
        "claimant": "antony-blinken",
        "stances": (AGAINST,),
        "about": ("nato", "russia"),
    }
    if case == "unnamed-group":
        con["claimant"] = "group.a1.analysts"
    elif case == "same-claimant":
        con["claimant"] = "sergei-lavrov"
    elif case == "authorial":
        del con["claimant"]
    else:
        con["about"] = ("nato", "ukraine")
    assert find_contradictions(corpus_of({"a1": [pro], "a2": [con]})) == []


# ---------------------------------------------------------------------------------------------
# Order and blocking


def test_analyse_is_deterministic_and_ordered() -> None:
    articles = {
        f"a{i}": [
            {
                "text": f"Biden warned in speech {i} that Russia would attack NATO.",
                "claimant": "joe-biden",
                "relations": (ATTACK,),
            },
            {
                "text": f"Lavrov said in interview {i} that Russia would not attack NATO.",
                "claimant": "sergei-lavrov",
                "relations": (NO_ATTACK,),
            },
        ]
        for i in range(3)
    }
    first = find_contradictions(corpus_of(articles))
    second = find_contradictions(corpus_of(dict(reversed(list(articles.items())))))
    assert first == second
    assert len(first) == 1  # one disagreement between two claimants, however often repeated


def test_analyse_large_buckets_are_capped(monkeypatch: pytest.MonkeyPatch) -> None:
    """Many claimants on both sides of one proposition: each is paired with at most MAX_COUNTERPARTS."""
    monkeypatch.setattr(analyse, "MAX_COUNTERPARTS", 2)
    people = tuple(f"speaker-{i}" for i in range(10))
    claims = [
        {
            "text": f"Speaker {i} said Russia would{' not' if i % 2 else ''} attack NATO.",
            "claimant": key,
            "relations": (NO_ATTACK if i % 2 else ATTACK,),
        }
        for i, key in enumerate(people)
    ]
    found = find_contradictions(corpus_of({"a1": claims}, people=people))
    assert 0 < len(found) <= 5 * 2


# ---------------------------------------------------------------------------------------------
# The seeds


# Every contradiction kg reports on the seeds has been read and accepted: (kind, fragment, fragment).
ACCEPTED = [
    (
        "rebuttal",
        "called US President Joe Biden’s claim",
        "Biden warned that Russia would attack a NATO country",
    ),
    ("polarity", "Biden warned that Russia would attack a NATO country", "Russia has no reason, no interest"),
    ("value", "The conflict in Ukraine, which began in 2014", "The February 24, 2022, Russia-Ukraine War"),
    ("value", "The February 24, 2022, Russia-Ukraine War", "the conflict in Ukraine starting in 2014"),
    (
        "stance",
        "effectively closing the door on any potential partnership",
        "restoring relations with Russia should be a priority",
    ),
]


@pytest.fixture(scope="module")
def seed_build(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("seed-analysis")
    build_corpus(ROOT / "corpus", out, use_cache=False)
    return out


def test_issue_4_seed_contradictions_target(seed_build: Path) -> None:
    """https://issues/4: contradictions >= 3/5 on the seeds, C1-C3 among them, scored as the hidden set is."""
    result = scoring.score(Graph().parse(seed_build / "graph.ttl", format="turtle"), GOLD)
    missed = [f"{where} {what}" for kind, where, what in result["details"] if kind.strip() == "MISS contradiction"]
    assert result["contradictions_found"] >= 3, missed
    assert not [m for m in missed if m.split()[0] in {"C1", "C2", "C3"}], missed


def test_issue_4_every_seed_contradiction_was_accepted(seed_build: Path) -> None:
    """Precision: a contradiction nobody has read fails this test until it is reviewed and added above."""
    from kg.findings import list_contradictions
    from kg.sparql import load_dataset

    found = list_contradictions(load_dataset(seed_build))
    unreviewed = []
    for row in found:
        sentences = (row.sentence_a, row.sentence_b)
        if not any(
            row.kind == kind
            and ((fa in sentences[0] and fb in sentences[1]) or (fb in sentences[0] and fa in sentences[1]))
            for kind, fa, fb in ACCEPTED
        ):
            unreviewed.append(f"{row.kind}: {row.sentence_a!r} / {row.sentence_b!r}")
    assert not unreviewed, unreviewed
    assert all(row.explanation and row.claimant_a and row.claimant_b for row in found)


DEVSET = ROOT / "tests" / "data" / "devset"


def test_issue_4_devset_contradictions_are_trustworthy(tmp_path: Path) -> None:
    """Articles written blind to kg (tests/data/devset): kg finds some of the planted contradictions and
    reports at most one that the annotation does not list. A measurement, not a target to tune to."""
    build_corpus(DEVSET / "articles", tmp_path, use_cache=False)
    gold = json.loads((DEVSET / "gold.json").read_text(encoding="utf-8"))
    result = scoring.score(Graph().parse(tmp_path / "graph.ttl", format="turtle"), gold)
    assert result["contradictions_found"] >= 3
    assert result["contradiction_edges"] - result["contradictions_found"] <= 1


@pytest.mark.parametrize(
    ("participants", "reported"),
    [(("finland", "nato"), True), (("nato",), False)],
    ids=["one-member", "members-in-general"],
)
def test_analyse_accession_dates(participants: tuple[str, ...], reported: bool) -> None:
    """One state joins an organisation once; "the accession of new members" is many events."""
    event = Event(key="accession-x", kind="accession", name="accession of Finland to NATO", participants=participants)
    corpus = corpus_of(
        {
            "a1": [
                {
                    "text": "Finland joined NATO on 4 April 2023.",
                    "dates": (DateStatement(event="accession-x", date=date("2023-04-04")),),
                }
            ],
            "a2": [
                {
                    "text": "Finland, which joined the alliance in 2024, spends more.",
                    "dates": (DateStatement(event="accession-x", date=date("2024")),),
                }
            ],
        },
        events=(event,),
    )
    assert bool(find_contradictions(corpus)) is reported


# ---------------------------------------------------------------------------------------------
# The same statement or the same figure in other words (kg's extractor on made-up articles)


def _extracted_corpus(*bodies: str) -> Corpus:
    from kg.extract import extract
    from kg.resolve import resolve
    from tests.support.extract_helpers import article

    return resolve([extract(article(body, id=f"t{i}", published="2025-06-02")) for i, body in enumerate(bodies)])


def _found(*bodies: str) -> list[tuple[str, str]]:
    corpus = _extracted_corpus(*bodies)
    texts = {c.uid: c.text for x in corpus.extractions for c in x.claims}
    return [(c.kind, f"{texts[c.claim_a]} || {texts[c.claim_b]}") for c in find_contradictions(corpus)]


def test_analyse_same_figure_in_other_words_conflicts() -> None:
    found = _found(
        "The Ministry of Health counted 412 people treated in coastal hospitals after the flood, the ministry "
        "said in a statement.",
        "The health ministry recorded 260 people treated in coastal hospitals after the two-day flood, "
        "Reuters reported.",
    )
    assert [kind for kind, _ in found] == ["value"]
    assert "412" in found[0][1] and "260" in found[0][1]


@pytest.mark.parametrize(
    ("first", "second"),
    [
        pytest.param("Spain spent 1.3% of its GDP on defence in 2024, officials said.",
                     "Portugal spent 1.6% of its GDP on defence in 2024, officials said.", id="other-country"),
        pytest.param("Spain spent 1.3% of its GDP on defence in 2023, officials said.",
                     "Spain spent 1.6% of its GDP on defence in 2024, officials said.", id="other-year"),
        pytest.param("Spain spent about 1.3% of its GDP on defence in 2024, officials said.",
                     "Spain spent 1.35% of its GDP on defence in 2024, officials said.", id="within-rounding"),
        pytest.param("The survey has a margin of error of plus or minus 2.8 percentage points, Gallup said.",
                     "The margin of error is plus or minus 4.9 percentage points for young voters, Ipsos said.",
                     id="margin-of-error"),
    ],
)
def test_analyse_same_figure_near_misses(first: str, second: str) -> None:
    assert _found(first, second) == []


def test_analyse_the_same_statement_denied_is_opposite_polarity() -> None:
    found = _found(
        "“Ankara has deliberately cut the flow of the Euphrates without warning,” said Iraq's water minister "
        "Aoun Dhiab.",
        "“Ankara has not cut the flow of the Euphrates,” said Turkish foreign ministry spokesman Oncu Keceli.",
    )
    assert [kind for kind, _ in found] == ["polarity"]


@pytest.mark.parametrize(
    ("first", "second"),
    [
        pytest.param("“Ankara has cut the flow of the Euphrates,” said Aoun Dhiab.",
                     "“Ankara has not cut the flow of the Tigris,” said Oncu Keceli.", id="other-river"),
        pytest.param("“Ankara cut the flow of the Euphrates in 2023,” said Aoun Dhiab.",
                     "“Ankara did not cut the flow of the Euphrates in 2024,” said Oncu Keceli.", id="other-year"),
        pytest.param("“Ankara has cut the flow of the Euphrates,” said Aoun Dhiab.",
                     "“Ankara has cut the flow of the Euphrates again,” said Oncu Keceli.", id="both-asserted"),
        pytest.param("“Ankara will cut the flow of the Euphrates,” said Aoun Dhiab.",
                     "“Ankara has not cut the flow of the Euphrates,” said Oncu Keceli.", id="prediction-vs-fact"),
    ],
)
def test_analyse_same_statement_near_misses(first: str, second: str) -> None:
    assert _found(first, second) == []


def test_analyse_a_prediction_against_a_conditional_denial_is_labelled() -> None:
    corpus = _extracted_corpus(
        "Lifting the fuel subsidy now would only deepen the recession and push millions into poverty.",
        "Lifting the fuel subsidy need not deepen the recession if the savings fund cash transfers.",
    )
    (found,) = find_contradictions(corpus)
    assert found.kind == "polarity"
    assert found.modality == "predictive vs conditional"
    assert "(predictive)" in found.explanation and "(conditional)" in found.explanation
    assert "deepen" in found.explanation


def test_analyse_a_statement_called_false_is_a_rebuttal() -> None:
    corpus = _extracted_corpus(
        "“Closing the steel plant would cost the region ten thousand jobs,” said union leader Karen Holt.",
        "The claim that closing the steel plant would cost the region ten thousand jobs is simply not true, "
        "economy minister Pedro Alves said on Tuesday.",
        "Economist Maria Lopez said the new tariffs have raised grocery prices across the country.",
        "“It is false that the new tariffs have raised grocery prices across the country,” Pedro Alves said.",
    )
    found = find_contradictions(corpus)
    assert [c.kind for c in found] == ["rebuttal", "rebuttal"]
    assert all("Pedro Alves calls false what" in c.explanation for c in found)
    assert "Karen Holt" in found[0].explanation and "Maria Lopez" in found[1].explanation


def test_analyse_the_same_named_happening_on_two_dates_conflicts() -> None:
    found = _found(
        "The interior ministry launched Operation Silent Harbour, a crackdown on smuggling networks, on 3 March 2024.",
        "Operation Silent Harbour, launched in May 2024 after months of planning, led to 40 arrests.",
    )
    assert [kind for kind, _ in found] == ["value"]


@pytest.mark.parametrize(
    ("first", "second"),
    [
        pytest.param("The interior ministry launched Operation Silent Harbour on 3 March 2024.",
                     "The interior ministry launched Operation Quiet Coast on 9 May 2024.", id="other-operation"),
        pytest.param("The interior ministry launched Operation Silent Harbour on 3 March 2024.",
                     "The interior ministry launched Operation Silent Harbour again on 9 May 2024.", id="again"),
        pytest.param("The interior ministry launched Operation Silent Harbour on 3 March 2024.",
                     "The interior ministry launched Operation Silent Harbour in March 2024.", id="same-month"),
    ],
)
def test_analyse_same_happening_near_misses(first: str, second: str) -> None:
    assert _found(first, second) == []
