"""actors: who is named in an article — gazetteer actors, titled and quoted people the gazetteer does not
know, organisations by their name's form, and role phrases ("the NATO chief") resolved to the person
the same article names in that role (else the gazetteer's holder on the article's date).

:func:`find_actors` runs the passes in order; each later pass sees the mentions the earlier ones found.
"""

from __future__ import annotations

from kg.extract.actors.known import contextual_pass, gazetteer_pass
from kg.extract.actors.names import TOKEN_RE
from kg.extract.actors.organisations import affiliations, bare_organisations, organisations
from kg.extract.actors.people import cue_subject_people, merge_short_names, surname_links, titled_people
from kg.extract.actors.records import (
    NOT_ORGANISATIONS,
    NOT_PUBLISHERS,
    ActorInfo,
    ActorMention,
    ArticleActors,
    drop_overlaps,
)
from kg.extract.actors.roles import appositive_titles, bare_roles, role_phrases
from kg.extract.gazetteer import Gazetteer
from kg.extract.segment import Segmentation
from kg.models import Article

__all__ = [
    "NOT_ORGANISATIONS",
    "NOT_PUBLISHERS",
    "ActorInfo",
    "ActorMention",
    "ArticleActors",
    "estimate_date",
    "find_actors",
]


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
    present_names = gazetteer_pass(result, tokens, body, gaz, lower=False)
    gazetteer_pass(result, tokens, body, gaz, lower=True, present=present_names)
    contextual_pass(result, tokens, body, gaz, present_names)
    date = estimate_date(article)
    role_links = titled_people(result, body, blocks, gaz)
    organisations(result, body, blocks, gaz)
    affiliations(result, body, blocks, gaz)
    cue_subject_people(result, body, blocks)
    surname_links(result, body, blocks)
    merge_short_names(result)
    appositive_titles(result, body, blocks)
    role_phrases(result, body, blocks, gaz, role_links, date)
    bare_roles(result, body, blocks)
    bare_organisations(result, body, blocks)
    drop_overlaps(result)
    result.index()
    return result
