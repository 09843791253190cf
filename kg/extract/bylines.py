"""bylines: the actors an article's byline names — its publisher and its authors — as a gazetteer entry
when the name is one, else as a new actor."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass

from kg.extract.actors import ActorInfo, ArticleActors
from kg.extract.gazetteer import Gazetteer, tokenize
from kg.iris import mint
from kg.models import ActorKind, Article


@dataclass
class Byline:
    """The publisher's and the authors' actor keys, and the actors they add to the article's (new ones, and
    copies of known ones with the byline's name as an alias)."""

    publisher: str | None
    authors: tuple[str, ...]
    actors: dict[str, ActorInfo]


def read_byline(article: Article, actors: ArticleActors, gaz: Gazetteer) -> Byline:
    """The byline's actors; ``actors`` (the article's) is not changed."""
    added: dict[str, ActorInfo] = {}
    publisher = (
        _named_actor(actors, added, gaz, article.publisher, "NewsMediaOrganization") if article.publisher else None
    )
    authors = tuple(_named_actor(actors, added, gaz, name, "Person") for name in article.authors)
    return Byline(publisher, authors, added)


def _named_actor(actors: ArticleActors, added: dict[str, ActorInfo], gaz: Gazetteer, name: str, kind: ActorKind) -> str:
    """The actor for an author or publisher name: a gazetteer entry when the name is one, else a new actor."""
    tokens = tokenize(name)
    hits = sorted({k for k, how in gaz.names.get(tokens, []) if how in ("name", "acronym")})
    if len(hits) == 1:
        entry = gaz.entries[hits[0]]
        info = _known(actors, added, entry.key)
        if info is None:
            info = ActorInfo(key=entry.key, label=entry.label, kind=entry.kind, qid=entry.qid, confidence=0.95)
        if name != info.label:
            info.aliases.add(name)
        added[info.key] = info
        return info.key
    key = mint("actor", name)
    if _known(actors, added, key) is None:
        added[key] = ActorInfo(key=key, label=name, kind=kind, confidence=0.9)
    return key


def _known(actors: ArticleActors, added: dict[str, ActorInfo], key: str) -> ActorInfo | None:
    """The byline's own copy of a known actor (made on first use), or None when the key is new."""
    if key in added:
        return added[key]
    if key in actors.actors:
        return dataclasses.replace(actors.actors[key], aliases=set(actors.actors[key].aliases))
    return None
