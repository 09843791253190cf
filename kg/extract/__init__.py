"""extract: Article -> Extraction. Rule-based claims, claimants, actors, events and citations.

Extraction of one article depends on that article and the gazetteer only, so articles can be
extracted in parallel and cached by content. :func:`extract` runs the components in order; each
returns its records and none changes another's:

segment -> actors -> byline -> references -> claims drafted (with who asserts them) -> events of
each sentence -> citations of each sentence -> claims finished (citations, features, dates) ->
event records.
"""

from __future__ import annotations

from kg.extract.actors import ActorInfo, find_actors
from kg.extract.bylines import read_byline
from kg.extract.citations import cite_sentences
from kg.extract.claims import draft_claims, finish_claims
from kg.extract.events import event_records, sentence_events
from kg.extract.gazetteer import load_gazetteer
from kg.extract.references import parse_references
from kg.extract.segment import segment
from kg.models import Actor, Article, Extraction, Mention, Span

EXTRACTOR_VERSION = "rules-34"

__all__ = ["EXTRACTOR_VERSION", "extract"]


def extract(article: Article) -> Extraction:
    """Extract claims and what they are about from one article (depends on that article only)."""
    gaz = load_gazetteer()
    body = article.body
    seg = segment(body)
    actors = find_actors(article, seg, gaz)
    byline = read_byline(article, actors, gaz)
    refs = parse_references(article, seg)
    drafted = draft_claims(article, actors, seg)
    events_by_sentence = sentence_events(seg, actors)
    cited = cite_sentences(article, seg, actors, refs, byline.publisher, drafted.sources)
    claims, happenings = finish_claims(article, actors, drafted, events_by_sentence, cited.by_sentence)

    sources = dict(cited.sources)
    for key, source in drafted.sources.items():
        sources.setdefault(key, source)
    named_events = [e for found in events_by_sentence.values() for e in found] + happenings
    events, mentions = event_records(body, named_events, claims)
    for m in actors.mentions:
        mentions.append(Mention(target=m.key, span=Span(start=m.start, end=m.end, text=body[m.start : m.end])))
    everyone = {**actors.actors, **byline.actors, **drafted.groups}

    return Extraction(
        article=article,
        authors=byline.authors,
        publisher=byline.publisher,
        claims=tuple(sorted(claims, key=lambda c: (c.span.start, c.span.end))),
        actors=tuple(_actor_record(info) for info in sorted(everyone.values(), key=lambda a: a.key)),
        events=tuple(events[k] for k in sorted(events)),
        sources=tuple(sources[k] for k in sorted(sources)),
        citations=tuple(sorted(cited.citations, key=lambda c: (c.span.start, c.source))),
        mentions=tuple(sorted(set(mentions), key=lambda m: (m.span.start, m.span.end, m.target))),
        extractor=EXTRACTOR_VERSION,
    )


def _actor_record(info: ActorInfo) -> Actor:
    aliases = tuple(sorted(a for a in info.aliases if a and a != info.label))
    return Actor(
        key=info.key,
        label=info.label,
        kind=info.kind,
        aliases=aliases,
        wikidata=info.qid,
        confidence=round(info.confidence, 3),
    )
