"""polls: in an article about a poll by a named pollster, the poll's figures are the pollster's findings,
and the poll is their source."""

from __future__ import annotations

import re

from kg.extract.actors import NOT_PUBLISHERS, ActorMention, ArticleActors
from kg.extract.claims.draft import Draft
from kg.extract.lexicon import alternatives
from kg.iris import mint
from kg.models import Article, Source

_POLL_TOPIC = re.compile(r"\b(?:poll|polls|survey|surveys|barometer|pollsters?|opinion\s+research)\b", re.IGNORECASE)


_POLL_AFTER = re.compile(
    r"(?:['’]s)?\s+(?:[\w\-]+\s+){0,4}?(?:poll|survey|"
    r"barometer)\b|,\s+(?:the|a|an)\s+(?:\w+\s+){0,2}?(?:pollster|polling\s+firm)\b",
    re.IGNORECASE,
)


_POLL_BEFORE = re.compile(
    r"\b(?:poll|survey|barometer)\s+(?:from|by|of)\s+(?:the\s+)?$"
    r"|\b(?:poll|survey|barometer)\b[^.;]{0,50}?\b(?:carried\s+out|conducted|fielded|run)\s+by\s+"
    r"(?:the\s+)?$|\b(?:pollster|polling\s+firm)\s+$",
    re.IGNORECASE,
)


_STATISTICAL = re.compile(
    r"\d+(?:\.\d+)?\s*(?:%|per\s*cent|percent|percentage\s+points?|points?\b)|\brespondents\b|\bmargin\s+of\s+error\b"
    r"|\b(?:majority|minority|plurality)\s+of\b|\b(?:polled|surveyed|questioned|interviewed)\b",
    re.IGNORECASE,
)


_OPINION = re.compile(
    r"\b(?:" + alternatives("opinion-words") + r")\b",
    re.IGNORECASE,
)


def poll_findings(article: Article, actors: ArticleActors, drafts: list[Draft]) -> Source | None:
    """In an article about a poll by a named pollster, the poll's figures are the pollster's findings, and
    the poll (named in the article) is their source: the drafts of those figures are given to the pollster
    and cite the poll, which is returned (None when no draft cites it)."""
    pollster: ActorMention | None = None
    # names are blanked first: "the US Geological Survey" is no survey
    chars = list(article.body)
    for m in actors.mentions:
        chars[m.start : m.end] = "N" * (m.end - m.start)
    body = "".join(chars)
    for m in actors.mentions:
        info = actors.actors[m.key]
        if info.kind in NOT_PUBLISHERS:
            continue
        before = body[max(0, m.start - 70) : m.start]
        after = body[m.end : m.end + 90]
        if _POLL_AFTER.match(after) or _POLL_BEFORE.search(before):
            pollster = m
            break
    if pollster is None:
        return None
    info = actors.actors[pollster.key]
    source = Source(
        key=mint("document", pollster.key, "poll"), kind="publication", name=f"{info.label} poll", publisher=info.label
    )
    # the whole article is about the poll (its headline or opening says so), or only the paragraph naming it is
    opening = article.headline + " " + body[:600]
    whole_article = bool(_POLL_TOPIC.search(opening))
    pollster_block = next(
        (
            d.sentence.block.index
            for d in drafts
            if d.sentence.start <= pollster.start < d.sentence.end
            or d.sentence.block.start <= pollster.start < d.sentence.block.end
        ),
        None,
    )
    cited = False
    for d in drafts:
        if d.claimant is not None and d.claimant != pollster.key:
            continue
        if not whole_article and d.sentence.block.index != pollster_block:
            continue
        text = article.body[d.start : d.end]
        if d.claim_type == "quote" or not _STATISTICAL.search(text) or not _OPINION.search(text):
            continue
        d.claimant, d.vague, d.claim_type = pollster.key, False, "reported"
        d.extra_cites.append(source.key)
        cited = True
    return source if cited else None
