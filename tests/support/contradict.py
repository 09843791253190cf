"""Helpers for contradiction tests: resolved corpora made by hand (claims, mentions, quantities as the
extractor would record them) or by kg's extractor from made-up articles, and what is found in them."""

from __future__ import annotations

import hashlib
import re
from typing import Any, Literal

from kg.contradict import find_contradictions
from kg.models import (
    Actor,
    ActorKind,
    Article,
    Claim,
    Corpus,
    DateValue,
    Event,
    Extraction,
    Mention,
    Quantity,
    Relation,
    Span,
)

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


def extracted_corpus(*bodies: str) -> Corpus:
    from kg.extract import extract
    from kg.resolve import resolve
    from tests.support.extract_helpers import article

    return resolve([extract(article(body, id=f"t{i}", published="2025-06-02")) for i, body in enumerate(bodies)])


def found_in(*bodies: str) -> list[tuple[str, str]]:
    corpus = extracted_corpus(*bodies)
    texts = {c.uid: c.text for x in corpus.extractions for c in x.claims}
    return [(c.kind, f"{texts[c.claim_a]} || {texts[c.claim_b]}") for c in find_contradictions(corpus)]
