"""iris: the only code that makes keys and IRIs for kg's data.

IRIs are minted from content keys, never from counters or random ids, so the same corpus always
gives the same IRIs (and byte-identical output files). Keys are IRI-safe by construction.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from typing import Literal

from rdflib import URIRef

from kg.vocab import DATA_NS

_KEY_RE = re.compile(r"^[a-z0-9][a-z0-9._~-]{0,159}$")
_UNSAFE = re.compile(r"[^a-z0-9]+")
MAX_SLUG = 60


def digest(*parts: str, length: int = 16) -> str:
    """A short hex digest of the parts, joined so that ``("ab", "c")`` differs from ``("a", "bc")``.

    >>> digest("ab", "c") == digest("a", "bc")
    False
    >>> len(digest("x"))
    16
    """
    h = hashlib.sha256()
    for part in parts:
        data = part.encode("utf-8", "surrogatepass")
        h.update(len(data).to_bytes(8, "big"))
        h.update(data)
    return h.hexdigest()[:length]


def slug(text: str) -> str:
    """A readable key for a name: ASCII-folded, lowercase, words joined by ``-``.

    Any text gives a valid key; when folding loses information (non-Latin script, a very long
    name, nothing left) a digest of the original keeps different texts apart.

    >>> slug("Jānis Bērziņš")
    'janis-berzins'
    >>> slug("../../etc/passwd")
    'etc-passwd'
    >>> slug("Путин").startswith("x-")
    True
    """
    folded = unicodedata.normalize("NFKD", text)
    folded = "".join(ch for ch in folded if not unicodedata.combining(ch))
    base = _UNSAFE.sub("-", folded.lower()).strip("-")
    if not base or len(base) > MAX_SLUG or _lost_letters(text, base):
        base = (base[:MAX_SLUG].strip("-") + "-" if base else "x-") + digest(text, length=10)
    return base


def _lost_letters(text: str, base: str) -> bool:
    """True when the text holds letters that folding to ASCII dropped (e.g. Cyrillic)."""
    letters = sum(1 for ch in text if ch.isalnum())
    kept = sum(1 for ch in base if ch.isalnum())
    return kept < letters * 0.5


MintKind = Literal[
    "actor", "actor-apart", "group", "event", "event-name", "event-topic", "url-source", "name-source", "publication",
    "document", "claim-cluster",
]
"""The kinds of key :func:`mint` makes (see there)."""


def mint(kind: MintKind, *key: str) -> str:
    """The key of a record of ``kind``, made from the content that identifies it. Every key kg gives to
    an extracted record is made here; the same content always gives the same key.

    ``actor`` (name): an actor the gazetteer does not know, by its name.

    >>> mint("actor", "Jane Roe")
    'jane-roe'

    ``actor-apart`` (name): the same, when that key is taken by an actor of another name.

    >>> mint("actor-apart", "Jane Roe")
    'jane-roe-9dab70fc'

    ``group`` (article id, label): an unnamed group that makes claims ("analysts"), one per article.

    >>> mint("group", "a-1", "Western analysts")
    'group.a-1.western-analysts'

    ``event`` (kind, actor keys...): an event by its kind and its participants' keys.

    >>> mint("event", "war", "russia", "ukraine")
    'war-russia-ukraine'

    ``event-name`` (name): an event known by its own name (a treaty, a named war or crisis).

    >>> mint("event-name", "Treaty of Rome")
    'treaty-of-rome'

    ``event-topic`` (kind, name): an event of a kind about a named thing or place (a summit, an
    annexation, a dated happening).

    >>> mint("event-topic", "summit", "Vilnius")
    'summit-vilnius'

    ``url-source`` (normalised URL), ``name-source`` (title): a source by its address or by its title.

    >>> mint("name-source", "Annual Report")
    'n-annual-report'
    >>> len(mint("url-source", "https://example.com/a"))
    18

    ``publication`` (actor key): a news medium as the source of what it reported.
    ``document`` (actor key, noun): an organisation's report, poll or data as a source.

    >>> mint("publication", "reuters"), mint("document", "ipsos", "poll")
    ('p-reuters', 'd-ipsos-poll')

    ``claim-cluster`` (signature): the same claim in several articles, by the normalised wording of its
    first member.

    >>> mint("claim-cluster", "troops crossed the border")
    'c-52d19ec4a591f512'
    """
    match kind, key:
        case "actor", (name,):
            return slug(name)
        case "actor-apart", (name,):
            return f"{slug(name)[:140]}-{digest(name, length=8)}"
        case "group", (article_id, label):
            return f"group.{article_id}.{slug(label.lower())}"
        case "event", (event_kind, *participants) if participants:
            return "-".join((event_kind, *participants))
        case "event-name", (name,):
            return slug(name)
        case "event-topic", (event_kind, name):
            return f"{event_kind}-{slug(name)}"
        case "url-source", (url,):
            return "u-" + digest(url)
        case "name-source", (name,):
            return "n-" + slug(name)
        case "publication", (actor,):
            return "p-" + actor
        case "document", (actor, noun):
            return f"d-{actor}-{slug(noun)}"
        case "claim-cluster", (signature,):
            return "c-" + digest(signature)
    raise ValueError(f"mint: no key of kind {kind!r} is made from {len(key)} part(s)")


def is_key(text: str) -> bool:
    """True if ``text`` may be used as a key as it is."""
    return bool(_KEY_RE.match(text))


def _iri(*segments: str) -> URIRef:
    for seg in segments:
        if not is_key(seg):
            raise ValueError(f"not an IRI-safe key: {seg!r}")
    return URIRef(DATA_NS + "/".join(segments))


def article_iri(article_id: str) -> URIRef:
    """The article node.

    >>> str(article_iri("reuters-2024-001"))
    'https://w3id.org/kg/id/article/reuters-2024-001'
    """
    return _iri("article", article_id)


def article_graph(article_id: str) -> URIRef:
    """The named graph holding everything extracted from one article."""
    return _iri("graph", "article", article_id)


ENTITIES_GRAPH = _iri("graph", "entities")
"""Cross-article graph: merged actors, events and sources."""
ANALYSIS_GRAPH = _iri("graph", "analysis")
"""Cross-article graph: contradictions found between claims."""
BUILD_GRAPH = _iri("graph", "build")
"""Provenance of the build: the activity and the kg version that generated the graph."""


def claim_iri(article_id: str, start: int, end: int) -> URIRef:
    """A claim is identified by its article and its character span."""
    return _iri("claim", article_id, f"{start}-{end}")


def part_iri(node: URIRef, *parts: str) -> URIRef:
    """A resource that belongs to another (a claim's anchor and selectors, its date statements)."""
    for part in parts:
        if not is_key(part):
            raise ValueError(f"not an IRI-safe key: {part!r}")
    return URIRef(str(node) + "/" + "/".join(parts))


def actor_iri(key: str) -> URIRef:
    return _iri("actor", key)


def event_iri(key: str) -> URIRef:
    return _iri("event", key)


def source_iri(key: str) -> URIRef:
    return _iri("source", key)


def contradiction_iri(kind: str, claim_a: str, claim_b: str) -> URIRef:
    """Order-independent: the same pair of claims gives the same IRI either way round."""
    first, second = sorted((claim_a, claim_b))
    return _iri("contradiction", digest(kind, first, second))


def cluster_iri(key: str) -> URIRef:
    """A claim cluster (the same claim in several articles).

    >>> str(cluster_iri("c-0123456789abcdef"))
    'https://w3id.org/kg/id/cluster/c-0123456789abcdef'
    """
    return _iri("cluster", key)


def build_iri(corpus_digest: str) -> URIRef:
    return _iri("build", corpus_digest)


def software_iri(version: str) -> URIRef:
    return _iri("software", "kg-" + slug(version))


_WEB_SCHEME = re.compile(r"^https?://", re.IGNORECASE)
_IRI_ASCII = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._~!$&'()*+,;=:@/?")
_HEX = frozenset("0123456789abcdefABCDEF")
_UCSCHAR = (
    (0xA0, 0xD7FF),
    (0xF900, 0xFDCF),
    (0xFDF0, 0xFFEF),
    *((plane * 0x10000, plane * 0x10000 + 0xFFFD) for plane in range(1, 15)),
)
"""Non-ASCII characters an IRI may hold as they are (RFC 3987 ucschar)."""


def url_iri(url: str) -> URIRef | None:
    """An IRI for a web URL found in corpus text, or None when it cannot be one (no scheme, bad host).

    Only http(s) URLs become IRIs: ``javascript:``, ``data:``, ``file:`` and other schemes in corpus
    text stay text, so nothing in the graph points a client at them. What an IRI may not hold (spaces,
    quotes, ``<>{}|^`` and backslashes, a second ``#``, stray ``%``, brackets outside the host,
    private-use and non-characters) is percent-encoded as UTF-8.

    >>> str(url_iri(' https://example.com/a b?q="x"#f#g '))
    'https://example.com/a%20b?q=%22x%22#f%23g'
    >>> url_iri("www.example.com/no-scheme") is None
    True
    >>> url_iri("javascript:alert(1)") is None
    True
    """
    import pyoxigraph  # the same IRI parser that will write the file decides what is valid

    text = url.strip()
    if not _WEB_SCHEME.match(text):
        return None
    authority_end = -1
    scheme_end = text.index(":") + 1
    if text.startswith("//", scheme_end):
        ends = [i for i in (text.find(c, scheme_end + 2) for c in "/?#") if i >= 0]
        authority_end = min(ends, default=len(text))
    out: list[str] = []
    seen_hash = False
    for i, ch in enumerate(text):
        if ch == "#" and not seen_hash:
            seen_hash = True
            out.append(ch)
        elif (
            ch in _IRI_ASCII
            or (ch in "[]" and i < authority_end)
            or (ch == "%" and text[i + 1 : i + 2] in _HEX and text[i + 2 : i + 3] in _HEX)
            or (ord(ch) >= 0xA0 and any(lo <= ord(ch) <= hi for lo, hi in _UCSCHAR))
        ):
            out.append(ch)
        else:
            out.append("".join(f"%{b:02X}" for b in ch.encode("utf-8", "surrogatepass")))
    iri = "".join(out)
    try:
        pyoxigraph.NamedNode(iri)
    except ValueError:
        return None
    return URIRef(iri)
