"""records: drafts -> Claim records. Citations are attached (:mod:`.citing`), the claim is typed (authorial,
reported, quote, statistic, event), and its features, events and dates are read from its words."""

from __future__ import annotations

from kg.extract import features
from kg.extract.actors import ArticleActors
from kg.extract.claims.citing import attach_cites
from kg.extract.claims.draft import Draft
from kg.extract.claims.drafting import Drafted
from kg.extract.claims.selection import clean_text
from kg.extract.events import DatedEvent, EventMention, date_events, generic_dated_events
from kg.extract.segment import mask_markers
from kg.models import Article, Claim, DateStatement, Span


def finish_claims(
    article: Article,
    actors: ArticleActors,
    drafted: Drafted,
    events_by_sentence: dict[int, list[EventMention]],
    cites_by_sentence: dict[int, list[tuple[str, int]]],
) -> tuple[list[Claim], list[EventMention]]:
    """The Claim records of the drafts, with citations, features, events and dates, and the dated happenings
    without a typed pattern that the claims tell of."""
    body = article.body
    drafts = drafted.drafts
    attach_cites(drafts, cites_by_sentence)
    happenings: list[EventMention] = []
    claims: list[Claim] = []
    seen: set[tuple[int, int]] = set()
    for d in drafts:
        if (d.start, d.end) in seen or d.end <= d.start:
            continue
        seen.add((d.start, d.end))
        text = clean_text(body[d.start : d.end])
        if not text:
            continue
        masked = mask_markers(body[d.start : d.end])
        c_start, c_end = d.content
        content = mask_markers(body[c_start:c_end]) if c_end > c_start else masked
        sent_events = [e for e in events_by_sentence.get(d.sentence.index, []) if d.start <= e.start and e.end <= d.end]
        dated = date_events(masked, d.start, sent_events, article.published)
        if d.claim_type != "quote":
            used = {de_start for de_start in _date_starts(masked, dated, d.start, article)}
            generic = generic_dated_events(masked, d.start, actors, article.published, used, scope=article.id)
            happenings.extend(g.event for g in generic)
            dated = dated + generic
        exclude = {d.subject[0]} if d.subject else set()
        about = _about(actors, d, sent_events, exclude)
        quantities = features.quantities(masked, d.start)
        claim_type = d.claim_type
        if claim_type == "authorial":
            if (
                any(q.unit == "%" or q.unit in ("USD", "EUR", "GBP", "RUB", "UAH", "CNY", "JPY") for q in quantities)
                or len(quantities) >= 2
            ):
                claim_type = "statistic"
            elif dated:
                claim_type = "event"
        if d.claimant is not None and d.claim_type == "authorial":
            claim_type = "reported"
        status = (
            "cited"
            if d.cites
            else (
                "vague"
                if d.vague or (d.claimant is not None and d.claimant in drafted.groups)
                else "speaker"
                if d.claimant
                else "uncited"
            )
        )
        claims.append(
            Claim(
                article_id=article.id,
                span=Span(start=d.start, end=d.end, text=body[d.start : d.end]),
                text=text,
                claim_type=claim_type,
                claimant=d.claimant,
                citation_status=status,
                polarity=features.polarity(content, d.cue),  # the cue too: "denied that ..."
                modality=features.modality(content),
                cue=d.cue,
                about=about,
                cites=tuple(dict.fromkeys(d.cites)),
                dates=tuple(DateStatement(event=de.event.key, date=de.date) for de in dated),
                quantities=tuple(quantities),
                stances=tuple(features.stances(content)),
                relations=tuple(
                    features.relations(content, c_start if c_end > c_start else d.start, actors, exclude, cue=d.cue)
                ),
                rebuttal=features.rebuttal(masked, d.start, actors),
                confidence=round(_confidence(d, text), 3),
                attribution_confidence=round(max(0.0, min(1.0, d.attribution_confidence)), 3),
            )
        )
    return claims, happenings


def _date_starts(masked: str, dated: list[DatedEvent], offset: int, article: Article) -> list[int]:
    """Offsets (in ``masked``) of the dates already given to typed events."""
    from kg.text.dates import find_dates

    values = {de.date for de in dated}
    return [dm.start for dm in find_dates(masked, article.published) if dm.date in values]


def _about(actors: ArticleActors, d: Draft, events: list[EventMention], exclude: set[int]) -> tuple[str, ...]:
    keys: list[str] = []
    for m in actors.within(d.start, d.end):
        if m.start in exclude:
            continue
        if m.key not in keys and m.key != d.claimant:
            keys.append(m.key)
    for e in events:
        if e.key not in keys:
            keys.append(e.key)
    return tuple(keys)


def _confidence(d: Draft, text: str) -> float:
    conf = d.confidence
    words = len(text.split())
    if words > 60:
        conf -= 0.1
    if d.claim_type == "quote" and d.claimant is None:
        conf -= 0.15
    return max(0.05, min(0.99, conf))
