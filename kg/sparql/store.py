"""store: where the graph lives, and how queries reach it; the built graph's statistics.

Stage contract: reads ``<out>/graph.trig`` as written by :mod:`kg.export`, and never writes it.

The graph can be queried in three places, all behind one interface, :class:`QuerySource`
(``run``/``select``/``raw``), so a command runs unchanged against any of them:

* **embedded** (the default): ``graph.trig`` loaded into an in-memory pyoxigraph store;
* **an on-disk Oxigraph store** (``--store oxigraph:DIR``): created from ``graph.trig`` on first use
  and refreshed when ``graph.trig`` changes, then opened read-only; fast to open for big graphs and
  the same folder ``kg serve`` serves;
* **any SPARQL 1.1 endpoint** (``--endpoint URL``): plain HTTP per the SPARQL 1.1 Protocol (POST
  ``application/sparql-query``), for a team's Oxigraph, Fuseki, Virtuoso or GraphDB server.

:func:`open_source` picks one. :func:`push_graph` loads the built graph into a server, named graphs
kept (SPARQL 1.1 Graph Store Protocol, or one bulk N-Quads request).
"""

from __future__ import annotations

import contextlib
import hashlib
import http.client
import ipaddress
import json
import logging
import os
import shutil
import time
import urllib.error
import urllib.parse
import urllib.request
from abc import ABC, abstractmethod
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from email.message import Message
from importlib.metadata import version as package_version
from pathlib import Path
from types import TracebackType
from typing import Self

import pyoxigraph as ox
import rdflib
from rdflib import Literal, URIRef

import kg
from kg.errors import EndpointError, KgError, OutputError, QueryError
from kg.models import Record
from kg.sparql.query import (
    AskResult,
    Bindings,
    GraphResult,
    QueryResult,
    SelectResult,
    bind_values,
    compact,
    inspect_query,
    parse_json_results,
    refuse,
    render,
    result_from_pyoxigraph,
    syntax_error,
    with_prefixes,
)
from kg.vocab import PREFIXES

try:
    import fcntl
except ImportError:  # pragma: no cover - not on POSIX: no inter-process locks
    fcntl = None  # type: ignore[assignment]

__all__ = [
    "DEFAULT_TIMEOUT_S",
    "STATS_QUERIES",
    "ArticleStats",
    "EmbeddedSource",
    "EndpointSource",
    "GraphStats",
    "PushSummary",
    "QuerySource",
    "StoreLock",
    "StoreState",
    "compact",
    "graph_file",
    "graph_stats",
    "graph_store_url",
    "load_dataset",
    "open_source",
    "open_store_dir",
    "prepare_store_dir",
    "push_graph",
    "to_rdflib",
]

logger = logging.getLogger(__name__)

DEFAULT_TIMEOUT_S = 60.0
"""Seconds to wait for a SPARQL endpoint's answer."""


def graph_file(out_dir: Path) -> Path:
    """``<out>/graph.trig``, or OutputError when no build has written it."""
    path = Path(out_dir) / "graph.trig"
    if not path.is_file():
        raise OutputError(f"no graph in {out_dir}: run `kg build` first (or give the folder it wrote to with --out)")
    return path


def load_dataset(out_dir: Path) -> ox.Store:
    """An in-memory pyoxigraph Store holding every named graph of ``<out>/graph.trig``.

    Raises:
        OutputError: there is no graph.trig in ``out_dir``, or it cannot be parsed.
    """
    path = graph_file(out_dir)
    store = ox.Store()
    try:
        store.load(path=path, format=ox.RdfFormat.TRIG)
    except (SyntaxError, ValueError, OSError) as exc:
        raise OutputError(f"{path}: cannot be read as TriG ({exc}). Fix: rebuild it with `kg build`") from None
    return store


def _rdflib_term(term: object, cache: dict[str, URIRef]) -> URIRef | Literal:
    if isinstance(term, ox.NamedNode):
        iri = term.value
        node = cache.get(iri)
        if node is None:
            node = cache[iri] = URIRef(iri)
        return node
    if isinstance(term, ox.Literal):
        if term.language:
            return Literal(term.value, lang=term.language)
        datatype = term.datatype.value
        if datatype == "http://www.w3.org/2001/XMLSchema#string":
            return Literal(term.value)
        return Literal(term.value, datatype=cache.get(datatype) or URIRef(datatype))
    raise ValueError(f"kg graphs hold no blank nodes or quoted triples, found {term!r}")


def to_rdflib(source: ox.Store | Path) -> rdflib.Dataset:
    """An rdflib in-memory Dataset copy of an output folder's graph, or of a Store (for pySHACL).

    Prefer the folder: it is read straight from graph.trig, term for term. A pyoxigraph Store
    keeps values but not every datatype (it stores ``xsd:nonNegativeInteger`` as ``xsd:integer``),
    so a copy of a Store can fail datatype constraints the file meets.
    """
    quads: Iterable[ox.Quad]
    if isinstance(source, ox.Store):
        quads = source.quads_for_pattern(None, None, None, None)
    else:
        path = graph_file(source)
        try:
            quads = list(ox.parse(path=path, format=ox.RdfFormat.TRIG))
        except (SyntaxError, ValueError, OSError) as exc:
            raise OutputError(f"{path}: cannot be read as TriG ({exc}). Fix: rebuild it with `kg build`") from None
    dataset = rdflib.Dataset()
    cache: dict[str, URIRef] = {}
    graphs: dict[str, rdflib.Graph] = {}
    for quad in quads:
        name = quad.graph_name
        key = name.value if isinstance(name, ox.NamedNode) else ""
        graph = graphs.get(key)
        if graph is None:
            graph = graphs[key] = dataset.graph(URIRef(key)) if key else dataset.default_graph
        graph.add(
            (
                _rdflib_term(quad.subject, cache),
                _rdflib_term(quad.predicate, cache),
                _rdflib_term(quad.object, cache),
            )
        )
    return dataset


# ----------------------------------------------------------------------------------------------
# Statistics (``kg stats``): SPARQL over the built graph


class ArticleStats(Record):
    """Claims of one article and how many of them cite a source."""

    article: str
    headline: str
    claims: int
    cited: int

    @property
    def citation_rate(self) -> float:
        return self.cited / self.claims if self.claims else 0.0


class GraphStats(Record):
    """Counts per class, claims per citation status, and per-article claim and citation counts."""

    quads: int
    graphs: int
    classes: dict[str, int]
    citation_status: dict[str, int]
    articles: tuple[ArticleStats, ...]


_PREFIX_LINES = "".join(f"PREFIX {p}: <{ns}>\n" for p, ns in PREFIXES.items())

STATS_QUERIES = {
    "classes": _PREFIX_LINES
    + """
# How many distinct nodes of each class the graph holds.
SELECT ?class (COUNT(DISTINCT ?node) AS ?count)
WHERE { GRAPH ?graph { ?node a ?class } }
GROUP BY ?class
ORDER BY DESC(?count) ?class
""",
    "citation_status": _PREFIX_LINES
    + """
# How many claims have each citation status. Each { SELECT } reads one property over the whole
# graph, and the two are joined by hashing (far faster on big graphs than a lookup per claim).
SELECT ?status (COUNT(DISTINCT ?claim) AS ?claims)
WHERE {
  { SELECT * WHERE { GRAPH ?graph { ?claim a schema:Claim } } }
  { SELECT * WHERE { GRAPH ?graph { ?claim kg:citationStatus ?status } } }
}
GROUP BY ?status
ORDER BY ?status
""",
    "articles": _PREFIX_LINES
    + """
# Per article: its claims, and how many of them cite at least one source. Each { SELECT } reads
# one property over the whole graph, and they are joined by hashing (far faster on big graphs than
# looking up each claim's triples in turn).
SELECT ?article ?headline (COUNT(DISTINCT ?claim) AS ?claims) (COUNT(DISTINCT ?cited) AS ?cited)
WHERE {
  GRAPH ?graph { ?article schema:headline ?headline }
  OPTIONAL {
    { SELECT * WHERE { GRAPH ?graph { ?claim a schema:Claim } } }
    { SELECT * WHERE { GRAPH ?graph { ?claim schema:appearance ?article } } }
    OPTIONAL {
      { SELECT DISTINCT ?graph ?claim WHERE { GRAPH ?graph { ?claim cito:citesAsEvidence ?source } } }
      BIND(?claim AS ?cited)
    }
  }
}
GROUP BY ?article ?headline
ORDER BY ?article
""",
    "size": """
# Quads and named graphs.
SELECT (COUNT(*) AS ?quads) (COUNT(DISTINCT ?graph) AS ?graphs) WHERE { GRAPH ?graph { ?s ?p ?o } }
""",
}
"""The SPARQL behind ``kg stats``; analysts can run the same text with ``kg query``."""


def _rows(source: QuerySource, name: str) -> list[dict[str, str]]:
    return source.select(STATS_QUERIES[name]).values()


def graph_stats(store: ox.Store | QuerySource) -> GraphStats:
    """Counts of the built graph, computed with :data:`STATS_QUERIES`, from a store or any source."""
    source = store if isinstance(store, QuerySource) else EmbeddedSource(store, "the graph")
    size = _rows(source, "size")[0]
    return GraphStats(
        quads=int(size["quads"]),
        graphs=int(size["graphs"]),
        classes={compact(r["class"]): int(r["count"]) for r in _rows(source, "classes")},
        citation_status={compact(r["status"]): int(r["claims"]) for r in _rows(source, "citation_status")},
        articles=tuple(
            ArticleStats(article=r["article"], headline=r["headline"], claims=int(r["claims"]), cited=int(r["cited"]))
            for r in _rows(source, "articles")
        ),
    )


# ----------------------------------------------------------------------------------------------
# Query sources: one interface over the embedded graph, an Oxigraph store and SPARQL endpoints


class QuerySource(ABC):
    """Somewhere SPARQL queries run: the embedded graph, an on-disk Oxigraph store, or an endpoint.

    Every source predeclares kg's prefixes (``kg``, ``kgd``, ``schema``, ``prov``, ``cito``, ``oa``,
    ``skos``, ``owl``, ``rdf``, ``rdfs``, ``xsd``, ``wd``; a query's own declarations win), binds
    ``bindings`` as a trailing ``VALUES`` clause, and refuses SPARQL Update. Results come back as
    :class:`kg.sparql.query.SelectResult`, :class:`~kg.sparql.query.AskResult` or :class:`~kg.sparql.query.GraphResult`,
    whatever the source, so callers never see which one answered.
    """

    label: str
    """Where the queries run, for messages: "the graph in output/graph.trig", an endpoint URL, ..."""

    @abstractmethod
    def run(self, query: str, bindings: Bindings | None = None) -> QueryResult:
        """Run a SELECT, ASK, CONSTRUCT or DESCRIBE query.

        Raises:
            QueryError: a syntax error (with line and column), an update, or a refused ``SERVICE``.
            EndpointError: the endpoint cannot be reached or failed.
        """

    def select(self, query: str, bindings: Bindings | None = None) -> SelectResult:
        """Run a SELECT query; its rows (``.values()`` gives them as plain strings)."""
        result = self.run(query, bindings)
        if not isinstance(result, SelectResult):
            raise QueryError(f"expected a SELECT query, got {inspect_query(query).form or 'another kind'}")
        return result

    def raw(self, query: str, fmt: str, bindings: Bindings | None = None) -> bytes:
        """The result serialised in ``fmt`` (json, xml, csv, tsv, table, turtle, ntriples)."""
        return render(self.run(query, bindings), fmt)

    def close(self) -> None:  # noqa: B027 - optional for subclasses
        """Release the store or its lock (idempotent)."""

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"<{type(self).__name__} {self.label}>"


class EmbeddedSource(QuerySource):
    """A pyoxigraph store in this process (in memory, or an on-disk store opened read-only).

    ``SERVICE`` is refused: it would make this process send part of a query over the network.
    """

    def __init__(self, store: ox.Store, label: str, *, lock: StoreLock | None = None) -> None:
        self.store = store
        self.label = label
        self._lock = lock

    def run(self, query: str, bindings: Bindings | None = None) -> QueryResult:
        refuse(query, service=True)
        try:
            result = self.store.query(bind_values(query, bindings), prefixes=PREFIXES)
        except SyntaxError as exc:
            raise syntax_error(exc, query) from None
        except OSError as exc:
            raise QueryError(f"the query failed on {self.label}: {exc}") from None
        return result_from_pyoxigraph(result)

    def close(self) -> None:
        if self._lock is not None:
            self._lock.release()
            self._lock = None


_RESULTS_MEDIA = {
    "json": "application/sparql-results+json",
    "xml": "application/sparql-results+xml",
    "csv": "text/csv",
    "tsv": "text/tab-separated-values",
    "turtle": "text/turtle",
    "ntriples": "application/n-triples",
}


class EndpointSource(QuerySource):
    """A SPARQL 1.1 endpoint, queried with plain HTTP per the SPARQL 1.1 Protocol.

    Each query is one ``POST`` with ``Content-Type: application/sparql-query`` and an ``Accept``
    for the result kind (SPARQL JSON results for SELECT/ASK, N-Triples or Turtle for
    CONSTRUCT/DESCRIBE). kg's prefixes the query does not declare are declared on one line before
    it. ``SERVICE`` is left to the endpoint (federation is a server's business).
    """

    def __init__(self, url: str, timeout_s: float = DEFAULT_TIMEOUT_S) -> None:
        parsed = urllib.parse.urlsplit(url)
        if parsed.scheme not in ("http", "https") or not parsed.netloc:
            raise EndpointError(
                f"{url!r} is not an http(s) URL of a SPARQL endpoint, e.g. http://127.0.0.1:7878/query"
            )
        self.url = url
        self.label = url
        self.timeout_s = timeout_s

    def run(self, query: str, bindings: Bindings | None = None) -> QueryResult:
        shape = refuse(query, service=False)
        if shape.gives_triples:
            accept = "application/n-triples, text/turtle;q=0.9, application/rdf+xml;q=0.5"
        else:
            accept = "application/sparql-results+json, application/sparql-results+xml;q=0.9"
        body, media_type = self._post(query, bindings, accept)
        if shape.gives_triples:
            return self._graph(body, media_type)
        return self._rows(body, media_type)

    def raw(self, query: str, fmt: str, bindings: Bindings | None = None) -> bytes:
        """The endpoint's own serialisation of the result in ``fmt`` (``table``: formatted here)."""
        refuse(query, service=False)
        if fmt not in _RESULTS_MEDIA:
            return super().raw(query, fmt, bindings)
        body, _ = self._post(query, bindings, _RESULTS_MEDIA[fmt])
        return body

    def _post(self, query: str, bindings: Bindings | None, accept: str) -> tuple[bytes, str]:
        text = bind_values(with_prefixes(query), bindings)
        status, headers, body = http_request(
            "POST",
            self.url,
            text.encode("utf-8"),
            {"Content-Type": "application/sparql-query; charset=utf-8", "Accept": accept},
            self.timeout_s,
        )
        if status == 400:
            raise self._rejected(query, bindings, body)
        if status >= 300:
            raise _http_failure(self.url, status, body, "query")
        return body, headers.get_content_type()

    def _rejected(self, query: str, bindings: Bindings | None, body: bytes) -> QueryError:
        """An endpoint's 400: the exact position from a local parse if the syntax is wrong."""
        if not inspect_query(query).uses_service:
            try:
                ox.Store().query(bind_values(query, bindings), prefixes=PREFIXES)
            except SyntaxError as exc:
                return syntax_error(exc, query)
            except OSError:
                pass
        return QueryError(f"the endpoint {self.url} rejected the query: {_snippet(body)}")

    def _rows(self, body: bytes, media_type: str) -> SelectResult | AskResult:
        try:
            if media_type == "application/sparql-results+json" or media_type.endswith("json"):
                return parse_json_results(body)
            results_format = ox.QueryResultsFormat.from_media_type(media_type)
            if results_format is None:
                raise SyntaxError(f"unexpected media type {media_type}")
            result = result_from_pyoxigraph(ox.parse_query_results(body, results_format))
            assert not isinstance(result, GraphResult)
            return result
        except (SyntaxError, ValueError) as exc:
            raise _bad_answer(self.url, body, exc) from None

    def _graph(self, body: bytes, media_type: str) -> GraphResult:
        rdf_format = ox.RdfFormat.from_media_type(media_type)
        if rdf_format is None:
            raise _bad_answer(self.url, body, ValueError(f"unexpected media type {media_type}"))
        try:
            quads = ox.parse(body, rdf_format)
            return GraphResult(tuple(ox.Triple(q.subject, q.predicate, q.object) for q in quads))
        except (SyntaxError, ValueError) as exc:
            raise _bad_answer(self.url, body, exc) from None


def _snippet(body: bytes, limit: int = 400) -> str:
    text = " ".join(body.decode("utf-8", "replace").split())
    return text if len(text) <= limit else text[: limit - 3] + "..."


def _bad_answer(url: str, body: bytes, exc: Exception) -> EndpointError:
    tail = _snippet(body[-200:], 200)
    hint = ""
    if "cancel" in tail.lower() or "timeout" in tail.lower():
        hint = " The server stopped the query at its time limit; narrow the query or raise the server's limit."
    elif "not permitted" in tail.lower() or "name resolution" in tail.lower():
        hint = (
            " The server may not open connections (kg serve blocks them, so SERVICE cannot make it fetch "
            "other URLs)."
        )
    return EndpointError(
        f"the answer of {url} is not a valid SPARQL result ({_shorten_error(exc)}); it ends with: "
        f"{tail!r}.{hint}"
    )


def _shorten_error(exc: Exception) -> str:
    text = " ".join(str(exc).split())
    return text[:200]


def _http_failure(url: str, status: int, body: bytes, what: str) -> EndpointError:
    reason = _snippet(body) or "no message"
    if status in (401, 403):
        return EndpointError(
            f"{url} refused the {what} (HTTP {status}: {reason}). It needs credentials, or does not "
            "allow this operation (a read-only server refuses writes)"
        )
    if status == 404:
        return EndpointError(
            f"nothing at {url} (HTTP 404). Oxigraph's query endpoint is /query and its graph store /store; "
            "Fuseki's are /DATASET/sparql and /DATASET/data"
        )
    if status in (405, 415):
        return EndpointError(
            f"{url} does not take this {what} (HTTP {status}: {reason}): is it the right endpoint?"
        )
    return EndpointError(f"{url} failed the {what} (HTTP {status}: {reason})")


def _is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def http_request(
    method: str, url: str, body: bytes | None, headers: dict[str, str], timeout_s: float
) -> tuple[int, Message, bytes]:
    """One HTTP request: (status, headers, body). HTTP error statuses are returned, not raised.

    Loopback URLs bypass any proxy set in the environment (a proxy cannot reach this machine's
    127.0.0.1).

    Raises:
        EndpointError: the server cannot be reached, or did not answer within ``timeout_s``.
    """
    host = urllib.parse.urlsplit(url).hostname or ""
    handlers: list[urllib.request.BaseHandler] = []
    if _is_loopback(host):
        handlers.append(urllib.request.ProxyHandler({}))
    opener = urllib.request.build_opener(*handlers)
    request = urllib.request.Request(url, data=body, method=method, headers={
        "User-Agent": f"kg/{kg.__version__}", **headers,
    })
    try:
        with opener.open(request, timeout=timeout_s) as response:
            return response.status, response.headers, response.read()
    except urllib.error.HTTPError as exc:
        with contextlib.closing(exc):
            return exc.code, exc.headers, exc.read()
    except TimeoutError:
        raise EndpointError(
            f"{url} did not answer within {timeout_s:g} s. The query may be too heavy for it, or the server "
            "is stuck; raise --timeout-s, or narrow the query"
        ) from None
    except (urllib.error.URLError, OSError, ValueError, http.client.HTTPException) as exc:
        reason = getattr(exc, "reason", exc)
        if isinstance(reason, TimeoutError):
            raise EndpointError(f"{url} did not answer within {timeout_s:g} s") from None
        if isinstance(reason, (ConnectionResetError, http.client.HTTPException)):
            raise EndpointError(
                f"{url} closed the connection without a complete answer ({reason or type(reason).__name__}). "
                "The server stopped or restarted (kg serve restarts it when a query takes too much memory)"
            ) from None
        raise EndpointError(
            f"cannot reach {url}: {reason}. Check the URL, and that the server is running "
            "(`kg serve` starts one at http://127.0.0.1:7878/query)"
        ) from None


# ----------------------------------------------------------------------------------------------
# The on-disk Oxigraph store (--store oxigraph:DIR, and the folder kg serve serves)

STORE_MARKER = "kg-store.json"
"""The file in a store folder that records which graph.trig it was loaded from."""


class StoreLock:
    """``.<store>.lock`` next to a store folder: shared while reading or serving, exclusive to reload.

    The lock file is beside the folder, not in it, because a reload swaps the whole folder.
    """

    def __init__(self, store_dir: Path) -> None:
        store_dir.parent.mkdir(parents=True, exist_ok=True)
        self.path = store_dir.parent / f".{store_dir.name}.lock"
        self.fd: int | None = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o644)

    def shared(self) -> None:
        if fcntl is not None and self.fd is not None:
            fcntl.flock(self.fd, fcntl.LOCK_SH)

    def try_exclusive(self) -> bool:
        """Exclusive if nobody else holds the lock (a held shared lock is given up while trying)."""
        if fcntl is None or self.fd is None:
            return True
        try:
            fcntl.flock(self.fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            return False
        return True

    def release(self) -> None:
        if self.fd is not None:
            os.close(self.fd)  # closing the descriptor releases the flock
            self.fd = None


@dataclass(frozen=True)
class StoreState:
    """An on-disk store folder, ready to be opened read-only."""

    path: Path
    managed: bool
    """Made by kg from a graph.trig (else: an Oxigraph store made some other way, used as it is)."""
    loaded: bool
    """Loaded (or reloaded) from graph.trig just now."""
    stale: bool
    """Older than graph.trig, and could not be reloaded because another process is using it."""
    quads: int | None
    message: str | None


def _fingerprint(graph: Path, sha256: str | None = None) -> dict[str, object]:
    stat = graph.stat()
    if sha256 is None:
        digest = hashlib.sha256()
        with graph.open("rb") as handle:
            for block in iter(lambda: handle.read(1 << 20), b""):
                digest.update(block)
        sha256 = digest.hexdigest()
    return {
        "graph": str(graph.resolve()),
        "size": stat.st_size,
        "mtime_ns": stat.st_mtime_ns,
        "sha256": sha256,
        "pyoxigraph": package_version("pyoxigraph"),
    }


def _read_marker(store_dir: Path) -> dict[str, object] | None:
    try:
        data = json.loads((store_dir / STORE_MARKER).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return data if isinstance(data, dict) else None


def _write_marker(store_dir: Path, marker: dict[str, object]) -> None:
    temp = store_dir / f".{STORE_MARKER}.{os.getpid()}"
    temp.write_text(json.dumps(marker, indent=2) + "\n", encoding="utf-8")
    os.replace(temp, store_dir / STORE_MARKER)


def _is_fresh(store_dir: Path, marker: dict[str, object], graph: Path) -> bool:
    """Whether the store holds ``graph`` as it is now (size and time first; the hash if they moved)."""
    stat = graph.stat()
    if marker.get("pyoxigraph") != package_version("pyoxigraph"):
        return False  # Oxigraph's storage format is not promised stable across versions
    if marker.get("size") == stat.st_size and marker.get("mtime_ns") == stat.st_mtime_ns:
        return True
    if marker.get("size") != stat.st_size:
        return False
    current = _fingerprint(graph)
    if current["sha256"] != marker.get("sha256"):
        return False
    with contextlib.suppress(OSError):  # same bytes, new time (a rebuild): remember the new time
        _write_marker(store_dir, {**marker, **current})
    return True


def _load_store_dir(graph: Path, store_dir: Path) -> int:
    """Load ``graph`` into a new store beside ``store_dir``, then swap it in. Returns the quad count.

    The old folder stays complete until the new one is: an interrupted load leaves it as it was.
    """
    loading = store_dir.parent / f".{store_dir.name}.loading-{os.getpid()}"
    old = store_dir.parent / f".{store_dir.name}.old-{os.getpid()}"
    shutil.rmtree(loading, ignore_errors=True)
    marker = _fingerprint(graph)
    try:
        store = ox.Store(str(loading))
        store.bulk_load(path=graph, format=ox.RdfFormat.TRIG)
        store.flush()
        store.optimize()
        quads = len(store)
        del store
        marker["quads"] = quads
        _write_marker(loading, marker)
        if store_dir.exists():
            os.replace(store_dir, old)
        os.replace(loading, store_dir)
    except (SyntaxError, ValueError) as exc:
        raise OutputError(f"{graph}: cannot be read as TriG ({exc}). Fix: rebuild it with `kg build`") from None
    except OSError as exc:
        raise OutputError(f"cannot create the Oxigraph store {store_dir}: {exc}") from None
    finally:
        shutil.rmtree(loading, ignore_errors=True)
        shutil.rmtree(old, ignore_errors=True)
    return quads


def _held_by_other_process(store_dir: Path) -> bool:
    """Whether another process (an `oxigraph serve`) has the store open read-write."""
    try:
        store = ox.Store(str(store_dir))
    except OSError as exc:
        return "lock" in str(exc).lower()
    del store
    return False


def prepare_store_dir(out_dir: Path, store_dir: Path, lock: StoreLock) -> StoreState:
    """Make ``store_dir`` hold ``<out>/graph.trig``: create it, or reload it if graph.trig changed.

    The caller holds ``lock`` shared when this returns. A store another kg process is using (a
    ``kg serve``, or a query) is never reloaded under it: it is used as it is, with a message saying
    it is older than graph.trig. A folder holding an Oxigraph store kg did not make (no
    ``kg-store.json``) is used as it is and never written.

    Raises:
        OutputError: no graph.trig and no store yet, or ``store_dir`` holds something else.
    """
    store_dir = Path(store_dir)
    graph = Path(out_dir) / "graph.trig"
    lock.shared()
    marker = _read_marker(store_dir)
    if marker is None and store_dir.is_dir() and any(store_dir.iterdir()):
        if (store_dir / "CURRENT").is_file():
            return StoreState(store_dir, False, False, False, None, "an Oxigraph store kg did not make: used as it is")
        raise OutputError(
            f"{store_dir} is not empty and is not an Oxigraph store: give --store oxigraph:DIR a new or "
            "empty folder (kg creates the store there)"
        )
    if marker is not None and not graph.is_file():
        return StoreState(
            store_dir, True, False, False, _int(marker.get("quads")),
            f"no {graph}: using the store as it was last loaded",
        )
    graph_file(out_dir)  # OutputError when there is neither a store nor a graph
    if marker is not None and _is_fresh(store_dir, marker, graph):
        return StoreState(store_dir, True, False, False, _int(marker.get("quads")), None)
    deadline = time.monotonic() + 0.5
    while True:
        if lock.try_exclusive():
            try:
                marker = _read_marker(store_dir)
                if marker is not None and _is_fresh(store_dir, marker, graph):
                    return StoreState(store_dir, True, False, False, _int(marker.get("quads")), None)
                if marker is None or not _held_by_other_process(store_dir):
                    quads = _load_store_dir(graph, store_dir)
                    return StoreState(store_dir, True, True, False, quads, None)
            finally:
                lock.shared()
            break
        if time.monotonic() > deadline:
            lock.shared()
            break
        time.sleep(0.05)
    marker = _read_marker(store_dir)
    if marker is not None and _is_fresh(store_dir, marker, graph):
        return StoreState(store_dir, True, False, False, _int(marker.get("quads")), None)
    if marker is None:
        raise OutputError(f"{store_dir} is being created by another kg process: try again in a moment")
    return StoreState(
        store_dir, True, False, True, _int(marker.get("quads")),
        f"{store_dir} is older than {graph} but another process (a `kg serve`?) is using it, so it is "
        "queried as it is. Stop that process and run again to reload it",
    )


def _int(value: object) -> int | None:
    return value if isinstance(value, int) else None


def open_store_dir(out_dir: Path, store_dir: Path) -> EmbeddedSource:
    """A source over the on-disk Oxigraph store ``store_dir`` (see :func:`prepare_store_dir`),
    opened read-only; it holds the store's shared lock until closed."""
    lock = StoreLock(Path(store_dir))
    try:
        state = prepare_store_dir(out_dir, Path(store_dir), lock)
        if state.message:
            logger.warning("%s", state.message)
        elif state.loaded:
            logger.info("loaded %s quads into %s", f"{state.quads:,}" if state.quads else "the", store_dir)
        try:
            store = ox.Store.read_only(str(store_dir))
        except OSError as exc:
            raise OutputError(f"cannot open the Oxigraph store {store_dir}: {exc}") from None
    except BaseException:
        lock.release()
        raise
    return EmbeddedSource(store, f"the Oxigraph store {store_dir}", lock=lock)


def open_source(
    out_dir: Path = Path("output"),
    *,
    store: str | None = None,
    endpoint: str | None = None,
    timeout_s: float = DEFAULT_TIMEOUT_S,
) -> QuerySource:
    """Where to run queries: ``endpoint`` (a SPARQL endpoint URL), else ``store``
    (``oxigraph:DIR``; ``memory`` is the default), else the embedded graph of ``<out>/graph.trig``.

    Raises:
        KgError: both ``store`` and ``endpoint``, or a ``store`` that is not ``oxigraph:DIR``/``memory``.
        OutputError: no built graph (and, for a store, no store yet).
        EndpointError: ``endpoint`` is not an http(s) URL.
    """
    if endpoint and store:
        raise KgError("give --store or --endpoint, not both")
    if endpoint:
        return EndpointSource(endpoint, timeout_s)
    if store and store != "memory":
        kind, colon, location = store.partition(":")
        if kind != "oxigraph" or not colon or not location:
            raise KgError(f"--store {store!r}: write it as oxigraph:DIR (an on-disk Oxigraph store) or memory")
        return open_store_dir(out_dir, Path(location))
    return EmbeddedSource(load_dataset(out_dir), f"the graph in {graph_file(out_dir)}")


# ----------------------------------------------------------------------------------------------
# kg push: the built graph into a SPARQL server, named graphs kept


@dataclass(frozen=True)
class PushSummary:
    """What :func:`push_graph` sent."""

    graph_store: str
    method: str
    graphs: int
    quads: int
    seconds: float


def graph_store_url(endpoint: str) -> str:
    """The Graph Store Protocol URL beside a query endpoint, by Oxigraph's layout (``/query`` or
    ``/sparql`` -> ``/store``).

    >>> graph_store_url("http://127.0.0.1:7878/query")
    'http://127.0.0.1:7878/store'

    Raises:
        EndpointError: the URL does not end in /query or /sparql (give the graph store URL then).
    """
    parts = urllib.parse.urlsplit(endpoint)
    head, _, last = parts.path.rstrip("/").rpartition("/")
    if last not in ("query", "sparql"):
        raise EndpointError(
            f"cannot tell the graph store URL of {endpoint}: give it with --graph-store "
            "(Oxigraph: .../store, Fuseki: .../DATASET/data, GraphDB: .../repositories/ID/rdf-graphs/service)"
        )
    return urllib.parse.urlunsplit(parts._replace(path=f"{head}/store", query="", fragment=""))


def _named_graphs(out_dir: Path) -> dict[str, list[ox.Quad]]:
    path = graph_file(out_dir)
    graphs: dict[str, list[ox.Quad]] = {}
    try:
        for quad in ox.parse(path=path, format=ox.RdfFormat.TRIG):
            name = quad.graph_name
            key = name.value if isinstance(name, ox.NamedNode) else ""
            graphs.setdefault(key, []).append(quad)
    except (SyntaxError, ValueError, OSError) as exc:
        raise OutputError(f"{path}: cannot be read as TriG ({exc}). Fix: rebuild it with `kg build`") from None
    return graphs


def push_graph(
    out_dir: Path, graph_store: str, *, method: str = "gsp", timeout_s: float = DEFAULT_TIMEOUT_S
) -> PushSummary:
    """Load ``<out>/graph.trig`` into the server whose Graph Store Protocol URL is ``graph_store``.

    ``gsp``: one ``PUT <graph_store>?graph=<IRI>`` per named graph with an N-Triples body (SPARQL
    1.1 Graph Store Protocol). Each replaces that graph, so pushing again after a rebuild updates
    the server, and graphs of other articles on the server are left alone. ``bulk``: one ``POST``
    of the whole dataset as N-Quads (Oxigraph's ``/store``, Fuseki's dataset URL), which adds to
    what the server holds: fast for a first load into an empty store.

    Raises:
        EndpointError: the server cannot be reached or refused a request (it names the graph).
    """
    if method not in ("gsp", "bulk"):
        raise KgError(f"unknown push method {method!r}: gsp or bulk")
    graphs = _named_graphs(out_dir)
    started = time.perf_counter()
    quads = sum(len(q) for q in graphs.values())
    if method == "bulk":
        body = ox.serialize(_all(graphs), format=ox.RdfFormat.N_QUADS) or b""
        status, _, answer = http_request(
            "POST", graph_store, body, {"Content-Type": "application/n-quads"}, timeout_s
        )
        if status >= 300:
            raise _http_failure(graph_store, status, answer, "bulk load")
    else:
        for name, graph_quads in sorted(graphs.items()):
            triples = (ox.Triple(q.subject, q.predicate, q.object) for q in graph_quads)
            body = ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES) or b""
            target = _graph_target(graph_store, name)
            status, _, answer = http_request(
                "PUT", target, body, {"Content-Type": "application/n-triples"}, timeout_s
            )
            if status >= 300:
                raise _http_failure(target, status, answer, f"upload of graph <{name or 'default'}>")
    return PushSummary(graph_store, method, len(graphs), quads, time.perf_counter() - started)


def _all(graphs: dict[str, list[ox.Quad]]) -> Iterator[ox.Quad]:
    for name in sorted(graphs):
        yield from graphs[name]


def _graph_target(graph_store: str, name: str) -> str:
    parts = urllib.parse.urlsplit(graph_store)
    extra = urllib.parse.urlencode({"graph": name}) if name else "default"
    query = f"{parts.query}&{extra}" if parts.query else extra
    return urllib.parse.urlunsplit(parts._replace(query=query))

