"""Cost of contradiction detection (kg.contradict.find_contradictions) as the number of claims grows.

Synthetic corpora share actors, events, relations, quantities and stances drawn from skewed (Zipf-like)
distributions, so blocking has real work to do: popular propositions collect many claimants on both
sides, popular events collect many dates, and a few actors are named everywhere. Only detection is
timed (building the records is not).

    python -m benchmarks.contradictions            # 1k, 10k and 100k claims
    python -m benchmarks.contradictions 1000 5000  # other sizes

``run(sizes)`` returns ``{"sizes": {n: {"seconds", "contradictions", "claims_per_second"}}, "ratios":
{"10000/1000": ...}}``; the issue's target is 100k <= 15x the 10k time and <= 60 s.
"""

from __future__ import annotations

import gc
import hashlib
import itertools
import json
import random
import sys
import time
from collections.abc import Sequence
from typing import Any, Literal

from kg.contradict import find_contradictions
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

__all__ = ["make_corpus", "run"]

CLAIMS_PER_ARTICLE = 25
_PRECISION: dict[int, Literal["year", "month", "day"]] = {4: "year", 7: "month", 10: "day"}
REAL_PEOPLE = (
    "vladimir-putin",
    "joe-biden",
    "jens-stoltenberg",
    "sergei-lavrov",
    "antony-blinken",
    "emmanuel-macron",
    "olaf-scholz",
    "volodymyr-zelensky",
)
"""Office holders from the gazetteer, so affiliations (who speaks for whom) are exercised too."""


_WEIGHTS: dict[tuple[int, float], list[float]] = {}


def _zipf(rng: random.Random, n: int, s: float = 1.1) -> int:
    """An index in [0, n) with a skewed distribution: low indexes are much more frequent."""
    weights = _WEIGHTS.get((n, s))
    if weights is None:
        weights = _WEIGHTS[(n, s)] = [1.0 / (i + 1) ** s for i in range(n)]
    return rng.choices(range(n), weights=weights)[0]


def make_corpus(n_claims: int, seed: int = 4) -> Corpus:
    """A synthetic resolved corpus of ``n_claims`` claims (deterministic for a seed)."""
    rng = random.Random(seed)
    n_states = max(20, n_claims // 200)
    n_people = max(40, n_claims // 100)
    n_events = max(30, n_claims // 100)
    states = [f"state-{i}" for i in range(n_states)]
    people = list(REAL_PEOPLE) + [f"person-{i}" for i in range(n_people)]
    kinds: dict[str, ActorKind] = {**dict.fromkeys(states, "Country"), **dict.fromkeys(people, "Person")}
    kinds["group.analysts"] = "UnnamedGroup"
    labels = {k: k.replace("-", " ").title() for k in kinds}
    event_kinds = ("war", "invasion", "founding", "treaty", "summit", "election", "sanctions")
    events = [
        Event(
            key=f"event-{i}",
            kind=event_kinds[i % len(event_kinds)],
            name=f"event {i}",
            participants=tuple(sorted({states[_zipf(rng, n_states)], states[_zipf(rng, n_states)]})),
        )
        for i in range(n_events)
    ]
    measures = ("deploy", "aid", "gdp", "lose", "pledge", "spend")
    units = ("troops", "EUR", "%", "USD", "km")
    extractions = []
    made = 0
    article_no = 0
    while made < n_claims:
        article_id = f"bench-{article_no:06d}"
        article_no += 1
        texts: list[str] = []
        specs: list[dict[str, Any]] = []
        for _ in range(min(CLAIMS_PER_ARTICLE, n_claims - made)):
            made += 1
            x, y = states[_zipf(rng, n_states)], states[_zipf(rng, n_states)]
            if x == y:
                y = states[(states.index(x) + 1) % n_states]
            roll = rng.random()
            claimant: str | None
            if roll < 0.55:
                claimant = people[_zipf(rng, len(people))]
            elif roll < 0.65:
                claimant = states[_zipf(rng, n_states)]
            elif roll < 0.7:
                claimant = "group.analysts"
            else:
                claimant = None
            value = rng.choice((1000, 3000, 4500, 12, 15, 2, 4, 60, 600, 1000000))
            number = f"{value:,}"
            text = f"{labels[x]} and {labels[y]} reported {number} {rng.choice(units)} in statement {made}."
            spec: dict[str, Any] = {"text": text, "claimant": claimant, "about": (x, y), "x": x, "y": y}
            if rng.random() < 0.3:
                spec["relations"] = (
                    Relation(
                        subject=x, predicate=rng.choice(("attack", "support")), object=y, negated=rng.random() < 0.4
                    ),
                )
            if rng.random() < 0.15:
                event = events[_zipf(rng, n_events)]
                year = rng.choice(("2014", "2022", "2022-02-24", "1997-05", "2002"))
                precision: Literal["year", "month", "day"] = _PRECISION[len(year)]
                spec["dates"] = (DateStatement(event=event.key, date=DateValue(value=year, precision=precision)),)
            if rng.random() < 0.2:
                spec["quantity"] = (value, rng.choice(units), rng.choice(measures), number)
            if claimant and rng.random() < 0.15:
                spec["stances"] = (Stance(issue="relations", position=rng.choice(("for", "against")), cue="cue"),)
            if claimant and rng.random() < 0.03:
                spec["rebuttal"] = Rebuttal(target=people[_zipf(rng, len(people))], cue="dismissed … claims")
            if rng.random() < 0.3:
                spec["modality"] = rng.choice(("predictive", "conditional", "hedged"))
            texts.append(text)
            specs.append(spec)
        body = " ".join(texts)
        article = Article(
            id=article_id,
            path=f"{article_id}.txt",
            headline=f"Bench {article_id}",
            body=body,
            sha256=hashlib.sha256(body.encode()).hexdigest(),
        )
        claims, mentions, pos = [], [], 0
        for spec in specs:
            text = spec["text"]
            start = body.index(text, pos)
            pos = start + len(text)
            for key in (spec["x"], spec["y"]):
                at = start + text.index(labels[key])
                mentions.append(Mention(target=key, span=Span(start=at, end=at + len(labels[key]), text=labels[key])))
            quantities: tuple[Quantity, ...] = ()
            if "quantity" in spec:
                value, unit, measure, number = spec["quantity"]
                at = start + text.index(number)
                quantities = (
                    Quantity(
                        value=float(value),
                        unit=unit,
                        measure=measure,
                        span=Span(start=at, end=at + len(number), text=number),
                    ),
                )
            claims.append(
                Claim(
                    article_id=article_id,
                    span=Span(start=start, end=pos, text=text),
                    text=text,
                    claim_type="reported" if spec["claimant"] else "authorial",
                    claimant=spec["claimant"],
                    citation_status="speaker" if spec["claimant"] else "uncited",
                    about=spec["about"],
                    relations=spec.get("relations", ()),
                    dates=spec.get("dates", ()),
                    quantities=quantities,
                    stances=spec.get("stances", ()),
                    rebuttal=spec.get("rebuttal"),
                    modality=spec.get("modality", "factual"),
                    confidence=0.7,
                    attribution_confidence=0.9,
                )
            )
        extractions.append(
            Extraction(article=article, claims=tuple(claims), mentions=tuple(mentions), extractor="benchmark")
        )
    actors = tuple(Actor(key=k, label=labels[k], kind=kinds[k]) for k in sorted(kinds))
    return Corpus(extractions=tuple(extractions), actors=actors, events=tuple(events), sources=())


def run(sizes: Sequence[int] = (1_000, 10_000, 100_000), repeat: int = 1) -> dict[str, Any]:
    """Time find_contradictions on synthetic corpora of each size (best of ``repeat`` runs).

    ``cpu_seconds`` (process time) is what the ratios use: on a shared machine it is far steadier than
    the wall-clock ``seconds``, which are reported too.
    """
    results: dict[int, dict[str, float]] = {}
    find_contradictions(make_corpus(50))  # warm up: the gazetteer of office holders loads once per process
    for n in sizes:
        corpus = make_corpus(n)
        wall = cpu = float("inf")
        found = 0
        for _ in range(repeat):
            gc.collect()
            started, started_cpu = time.perf_counter(), time.process_time()
            found = len(find_contradictions(corpus))
            cpu = min(cpu, time.process_time() - started_cpu)
            wall = min(wall, time.perf_counter() - started)
        results[n] = {
            "seconds": round(wall, 3),
            "cpu_seconds": round(cpu, 3),
            "contradictions": found,
            "claims_per_cpu_second": round(n / cpu) if cpu else 0,
        }
    ordered = sorted(results)
    ratios = {
        f"{b}/{a}": round(results[b]["cpu_seconds"] / results[a]["cpu_seconds"], 2)
        for a, b in itertools.pairwise(ordered)
        if results[a]["cpu_seconds"]
    }
    return {"sizes": results, "ratios": ratios}


def main(argv: Sequence[str]) -> int:
    sizes = [int(a) for a in argv] or [1_000, 10_000, 100_000]
    report = run(sizes, repeat=3)
    print(json.dumps(report, indent=2))
    print("claims    cpu s   wall s  contradictions", file=sys.stderr)
    for n, row in report["sizes"].items():
        print(
            f"{n:>7,}  {row['cpu_seconds']:>7.2f}  {row['seconds']:>7.2f}  {row['contradictions']:>14,}",
            file=sys.stderr,
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
