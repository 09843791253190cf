"""models: every record passed between pipeline stages, and the findings the CLI prints.

Records are frozen pydantic models that refuse unknown fields. They hold plain values (strings, numbers,
tuples); IRIs are minted from their keys in :mod:`kg.iris` and triples are made from them in
:mod:`kg.build` only.

Stage contracts::

    ingest:  corpus file        -> Article
    extract: Article            -> Extraction   (claims, actors, events, sources, citations)
    resolve: [Extraction]       -> Corpus       (one actor/event/source record per real thing, each source
                                                 with its publisher's actor key; claim clusters)
    contradict: Corpus          -> [Contradiction]
    build:   Corpus             -> quads        (kg.build; nothing but these records is read)
"""

from __future__ import annotations

import re
from typing import Annotated, Literal, Self, get_args

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, model_validator

Key = Annotated[str, StringConstraints(pattern=r"^[a-z0-9][a-z0-9._~-]{0,159}$")]
"""A stable, IRI-safe identifier: lowercase letters, digits and ``. _ ~ -``."""

Confidence = Annotated[float, Field(ge=0.0, le=1.0)]

OrganizationKind = Literal[
    "GovernmentOrganization", "MilitaryOrganization", "NewsMediaOrganization", "PoliticalParty", "NGO", "Organization"
]
ActorKind = Literal["Person", "Country", OrganizationKind, "UnnamedGroup"]
"""What an actor is; the kinds are listed the more specific first (``"Organization"`` after its subtypes)."""
ACTOR_KINDS: tuple[ActorKind, ...] = get_args(ActorKind)
"""Every actor kind, the more specific first."""
ORGANIZATION_KINDS: frozenset[OrganizationKind] = frozenset(get_args(OrganizationKind))
"""The kinds that are organisations of some sort."""
ClaimType = Literal["quote", "reported", "authorial", "statistic", "event"]
CitationStatus = Literal["cited", "speaker", "vague", "uncited"]
Polarity = Literal["asserted", "negated"]
Modality = Literal["factual", "hedged", "conditional", "predictive"]
ContradictionKind = Literal["rebuttal", "polarity", "value", "evaluation", "stance"]
ArticleGenre = Literal["NewsArticle", "AnalysisNewsArticle", "OpinionNewsArticle", "ReportageNewsArticle", "Report"]
DatePrecision = Literal["year", "month", "day"]

_DATE_RE = {
    "year": re.compile(r"^-?\d{4}$"),
    "month": re.compile(r"^-?\d{4}-(0[1-9]|1[0-2])$"),
    "day": re.compile(r"^-?\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$"),
}


class Record(BaseModel):
    """Base of every record: immutable, hashable, strict about unknown fields."""

    model_config = ConfigDict(frozen=True, extra="forbid")


class Span(Record):
    """Characters ``[start, end)`` of an article body (Python code points), and the text there."""

    start: Annotated[int, Field(ge=0)]
    end: Annotated[int, Field(ge=0)]
    text: str

    @model_validator(mode="after")
    def _consistent(self) -> Self:
        if self.end <= self.start:
            raise ValueError(f"end ({self.end}) must be greater than start ({self.start})")
        if len(self.text) != self.end - self.start:
            raise ValueError(f"text has {len(self.text)} characters but the span covers {self.end - self.start}")
        return self


class DateValue(Record):
    """A calendar date at the precision the text gives: ``2022``, ``2022-02`` or ``2022-02-24``."""

    value: str
    precision: DatePrecision

    @model_validator(mode="after")
    def _matches_precision(self) -> Self:
        if not _DATE_RE[self.precision].match(self.value):
            raise ValueError(f"{self.value!r} is not a {self.precision}-precision ISO date")
        return self


class Link(Record):
    """A hyperlink in the body: the linked text and where it points."""

    span: Span
    url: str


class Article(Record):
    """One article after ingest: metadata and the cleaned body every offset points into."""

    id: Key
    path: str  # the file it came from (``file.jsonl:3`` for a JSON Lines record)
    url: str | None = None
    headline: str
    authors: tuple[str, ...] = ()
    publisher: str | None = None
    published: DateValue | None = None
    language: str | None = None
    genre: ArticleGenre = "NewsArticle"
    body: str = Field(min_length=1)
    links: tuple[Link, ...] = ()
    furniture: tuple[str, ...] = ()  # lines removed from the page as navigation, teasers, bios, widgets
    sha256: str  # of the raw input record; with the kg version it keys the extraction cache


class Actor(Record):
    """A person, state, organisation, or an unnamed group as the text names it ("analysts")."""

    key: Key
    label: str
    kind: ActorKind
    aliases: tuple[str, ...] = ()  # every surface form seen, label excluded, sorted
    wikidata: str | None = Field(default=None, pattern=r"^Q[1-9]\d*$")
    confidence: Confidence = 1.0


class Mention(Record):
    """An actor or event named at a span of the body."""

    target: Key
    span: Span


class Source(Record):
    """A cited work: a reference-list entry, an inline link, or a publication named in the text."""

    key: Key
    kind: Literal["reference", "link", "publication"]
    url: str | None = None
    name: str | None = None
    publisher: str | None = None
    accessed: DateValue | None = None
    publisher_key: Key | None = None  # the actor ``publisher`` is: set by resolve (None in an Extraction)

    @model_validator(mode="after")
    def _identified(self) -> Self:
        if not (self.url or self.name):
            raise ValueError("a source needs a url or a name")
        return self


class Citation(Record):
    """A place in the body that cites a source (a footnote marker, a link, a named publication)."""

    source: Key
    span: Span
    marker: str | None = None


class Event(Record):
    """A real-world event; ``dates`` are the distinct dates the text gives for it."""

    key: Key
    kind: str
    name: str
    participants: tuple[Key, ...] = ()
    dates: tuple[DateValue, ...] = ()


class DateStatement(Record):
    """A claim's statement that ``event`` happened (or began) on ``date``."""

    event: Key
    date: DateValue


class Quantity(Record):
    """A number a claim states, normalised for comparison."""

    value: float
    unit: str | None = None  # "%", "EUR", "USD", "km", "people", ...
    measure: str | None = None  # what is counted or measured ("troops", "defense spending")
    span: Span
    low: float | None = None  # the least value the text allows ("at least 20": 20); None: no lower bound given
    high: float | None = None  # the greatest ("about 95": 104.5; "more than 150,000": None, no upper bound)


class Stance(Record):
    """A position an actor takes on an issue: ``for`` or ``against`` (e.g. restoring relations)."""

    issue: str
    position: Literal["for", "against"]
    cue: str


class Relation(Record):
    """What a claim says one actor does to another: ``subject`` ``predicate`` ``object`` (e.g. russia
    attack nato), negated when the claim denies it ("has no intention to fight")."""

    subject: Key
    predicate: str
    object: Key
    negated: bool = False


class Rebuttal(Record):
    """The claim rejects what ``target`` (an actor key) said, with the cue that says so."""

    target: Key
    cue: str


class Claim(Record):
    """One check-worthy statement: a sentence or a quotation, anchored in its article."""

    article_id: Key
    span: Span
    text: str  # the statement, footnote markers removed and whitespace normalised
    claim_type: ClaimType
    claimant: Key | None = None  # None: the article's own voice (its author, else its publisher)
    citation_status: CitationStatus
    polarity: Polarity = "asserted"
    modality: Modality = "factual"
    cue: str | None = None
    about: tuple[Key, ...] = ()  # actors and events
    cites: tuple[Key, ...] = ()  # sources
    dates: tuple[DateStatement, ...] = ()
    quantities: tuple[Quantity, ...] = ()
    stances: tuple[Stance, ...] = ()
    relations: tuple[Relation, ...] = ()
    rebuttal: Rebuttal | None = None
    confidence: Confidence = 0.5
    attribution_confidence: Confidence = 0.5

    @property
    def uid(self) -> str:
        """Unique within a corpus: ``<article id>/<start>-<end>``."""
        return f"{self.article_id}/{self.span.start}-{self.span.end}"


class Extraction(Record):
    """Everything extracted from one article."""

    article: Article
    authors: tuple[Key, ...] = ()  # actor keys of the article's authors (their Actor records are in ``actors``)
    publisher: Key | None = None  # actor key of the publisher
    claims: tuple[Claim, ...] = ()
    actors: tuple[Actor, ...] = ()
    events: tuple[Event, ...] = ()
    sources: tuple[Source, ...] = ()
    citations: tuple[Citation, ...] = ()
    mentions: tuple[Mention, ...] = ()
    extractor: str


class Contradiction(Record):
    """Two claims that cannot both hold, with the reason kg believes so."""

    kind: ContradictionKind
    claim_a: str  # Claim.uid
    claim_b: str  # Claim.uid
    explanation: str
    confidence: Confidence
    modality: str | None = None  # e.g. "prediction vs statement of intent"
    compared: str | None = None  # what was compared, normalised: "96 people vs 85 people", "2010-01-23 vs 2010-01-22"
    others: Annotated[int, Field(ge=0)] = 0  # other pairs of claims saying the same disagreement, folded in
    pairs: tuple[tuple[str, str], ...] = ()  # of those, the pairs of other claims (Claim.uid), at most MAX_PAIRS

    @model_validator(mode="after")
    def _ordered(self) -> Self:
        if self.claim_a == self.claim_b:
            raise ValueError("a claim cannot contradict itself")
        return self


class ClaimCluster(Record):
    """The same claim made in several articles: members whose wording is the same once case, punctuation and
    footnote markers are set aside, or whose content words are the same. A claim belongs to at most one
    cluster; a cluster spans at least two articles.

    ``articles`` is how many articles assert it and ``citing`` how many of them cite a source for it (a
    member with a cited source): "asserted in 12 articles, 2 of them citing a source".
    """

    key: Key  # made from the wording of its first member: the same claim keeps its key as the corpus grows
    claims: tuple[str, ...] = Field(min_length=2)  # Claim.uid of every member, in corpus order
    articles: Annotated[int, Field(ge=2)]
    citing: Annotated[int, Field(ge=0)]
    text: str  # the wording of its first member

    @model_validator(mode="after")
    def _counts(self) -> Self:
        if self.citing > self.articles:
            raise ValueError(f"{self.citing} citing articles of {self.articles}")
        return self


class Corpus(Record):
    """The resolved corpus: per-article extractions and one record per real actor, event and source."""

    extractions: tuple[Extraction, ...]
    actors: tuple[Actor, ...]
    events: tuple[Event, ...]
    sources: tuple[Source, ...]
    contradictions: tuple[Contradiction, ...] = ()
    clusters: tuple[ClaimCluster, ...] = ()  # the same claim in several articles (set by resolve)
    skipped: tuple[str, ...] = ()  # messages for corpus files skipped with --skip-invalid


class BuildSummary(Record):
    """What ``kg build`` did, for the one-line summary."""

    articles: int
    claims: int
    actors: int
    events: int
    sources: int
    contradictions: int
    quads: int
    skipped: tuple[str, ...] = ()
    foreign: tuple[str, ...] = ()  # articles not in English, as "path (Language)": read, but with few claims
    cached: int = 0
    outputs: tuple[str, ...] = ()
    seconds: dict[str, float] = Field(default_factory=dict)
