"""extract: Article -> Extraction. Rule-based claims, claimants, actors, events and citations.

Extraction of one article depends on that article and the gazetteer only, so articles can be
extracted in parallel and cached by content. Stages inside: segment -> actors -> references ->
claims (who asserts them) -> events and dates -> citations -> features.
"""

from __future__ import annotations

from kg.extract.actors import ActorInfo, ArticleActors, find_actors
from kg.extract.citations import (
    bare_url_sources,
    data_sources,
    document_sources,
    link_source,
    parse_references,
    publication_sources,
)
from kg.extract.claims import Context, draft_claims, finish_claims, sentence_events
from kg.extract.gazetteer import Gazetteer, load_gazetteer, tokenize
from kg.extract.segment import segment
from kg.iris import mint
from kg.models import Actor, Article, Citation, DateValue, Event, Extraction, Mention, Source, Span

EXTRACTOR_VERSION = "rules-33"

__all__ = ["EXTRACTOR_VERSION", "extract"]


def extract(article: Article) -> Extraction:
    """Extract claims and what they are about from one article (depends on that article only)."""
    gaz = load_gazetteer()
    seg = segment(article.body)
    actors = find_actors(article, seg, gaz)
    publisher_key = _named_actor(actors, gaz, article.publisher, "NewsMediaOrganization") if article.publisher else None
    refs = parse_references(article, seg)
    ctx = Context(article=article, actors=actors)
    drafts = draft_claims(ctx, seg)
    events_by_sentence = sentence_events(ctx, seg)

    sources: dict[str, Source] = dict(refs.sources)
    citations: list[Citation] = []
    cites_by_sentence: dict[int, list[tuple[str, int]]] = {}  # sentence -> (source, where it is cited)
    for sent in seg.sentences:
        first = len(citations)
        for start, end, numbers in sent.markers:
            for number in numbers:
                key = refs.by_number.get(number)
                if key is None:
                    continue
                citations.append(
                    Citation(
                        source=key,
                        span=Span(start=start, end=end, text=article.body[start:end]),
                        marker=article.body[start:end],
                    )
                )
        for link in article.links:
            if sent.start <= link.span.start and link.span.end <= sent.end:
                source = link_source(link.url, link.span.text)
                sources.setdefault(source.key, source)
                citations.append(Citation(source=source.key, span=link.span))
        named = [
            *publication_sources(sent.text, sent.start, actors, publisher_key),
            *document_sources(
                sent.text,
                sent.start,
                actors,
                [(lk.span.start, lk.span.end) for lk in article.links if sent.start <= lk.span.start < sent.end],
            ),
            *data_sources(sent.text, sent.start, actors),
        ]
        for source, _, _ in named:
            sources.setdefault(source.key, source)
        addresses = bare_url_sources(sent.text, sent.start, actors, {**ctx.extra_sources, **sources})
        for source, _, _ in addresses:
            sources[source.key] = source  # a document's source gains the address the sentence gives
        for source, start, end in [*named, *addresses]:
            citations.append(Citation(source=source.key, span=Span(start=start, end=end, text=article.body[start:end])))
        if len(citations) > first:
            cites_by_sentence[sent.index] = [(c.source, c.span.start) for c in citations[first:]]

    claims = finish_claims(ctx, drafts, events_by_sentence, cites_by_sentence)
    for key, source in ctx.extra_sources.items():
        sources.setdefault(key, source)

    events: dict[str, Event] = {}
    dates: dict[str, set[DateValue]] = {}
    for claim in claims:
        for statement in claim.dates:
            dates.setdefault(statement.event, set()).add(statement.date)
    mentions: list[Mention] = []
    for sentence_events_list in [*events_by_sentence.values(), ctx.generic_events]:
        for e in sentence_events_list:
            previous = events.get(e.key)
            participants = tuple(sorted(set(e.participants) | set(previous.participants if previous else ())))
            name = previous.name if previous and len(previous.name) >= len(e.name) else e.name
            events[e.key] = Event(
                key=e.key,
                kind=e.kind,
                name=name,
                participants=participants,
                dates=tuple(sorted(dates.get(e.key, set()), key=lambda d: d.value)),
            )
            span = Span(start=e.start, end=e.end, text=article.body[e.start : e.end])
            mentions.append(Mention(target=e.key, span=span))
    for m in actors.mentions:
        mentions.append(Mention(target=m.key, span=Span(start=m.start, end=m.end, text=article.body[m.start : m.end])))

    author_keys = tuple(_named_actor(actors, gaz, name, "Person") for name in article.authors)

    actor_records = [
        _actor_record(info) for info in sorted({**actors.actors, **ctx.groups}.values(), key=lambda a: a.key)
    ]
    return Extraction(
        article=article,
        authors=author_keys,
        publisher=publisher_key,
        claims=tuple(sorted(claims, key=lambda c: (c.span.start, c.span.end))),
        actors=tuple(actor_records),
        events=tuple(events[k] for k in sorted(events)),
        sources=tuple(sources[k] for k in sorted(sources)),
        citations=tuple(sorted(citations, key=lambda c: (c.span.start, c.source))),
        mentions=tuple(sorted(set(mentions), key=lambda m: (m.span.start, m.span.end, m.target))),
        extractor=EXTRACTOR_VERSION,
    )


def _named_actor(actors: ArticleActors, gaz: Gazetteer, name: str, kind: str) -> str:
    """The actor for an author or publisher name: a gazetteer entry when the name is one, else a new actor."""
    tokens = tokenize(name)
    hits = sorted({k for k, how in gaz.names.get(tokens, []) if how in ("name", "acronym")})
    if len(hits) == 1:
        entry = gaz.entries[hits[0]]
        info = actors.actors.setdefault(
            entry.key, ActorInfo(key=entry.key, label=entry.label, kind=entry.kind, qid=entry.qid, confidence=0.95)
        )
        if name != info.label:
            info.aliases.add(name)
        return info.key
    key = mint("actor", name)
    if key not in actors.actors:
        actors.actors[key] = ActorInfo(key=key, label=name, kind=kind, confidence=0.9)  # type: ignore[arg-type]
    return key


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
