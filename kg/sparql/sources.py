"""sources: where SPARQL queries run, all behind one interface, :class:`QuerySource`.

``run``/``select``/``raw`` work the same on each, so a command runs unchanged against any of them:

* **embedded** (the default): ``graph.trig`` loaded into an in-memory pyoxigraph store;
* **an on-disk Oxigraph store** (``--store oxigraph:DIR``, :mod:`kg.sparql.disk`): fast to open for
  big graphs, and the same folder ``kg serve`` serves;
* **any SPARQL 1.1 endpoint** (``--endpoint URL``): plain HTTP per the SPARQL 1.1 Protocol (POST
  ``application/sparql-query``), for a team's Oxigraph, Fuseki, Virtuoso or GraphDB server.

:func:`open_source` picks one.
"""

from __future__ import annotations

import logging
import urllib.parse
from abc import ABC, abstractmethod
from pathlib import Path
from types import TracebackType
from typing import Self

import pyoxigraph as ox

from kg.errors import EndpointError, KgError, OutputError, QueryError
from kg.sparql.client import DEFAULT_TIMEOUT_S, bad_answer, http_failure, http_request, snippet
from kg.sparql.dataset import graph_file, load_dataset
from kg.sparql.disk import StoreLock, prepare_store_dir
from kg.sparql.results import (
    AskResult,
    GraphResult,
    QueryResult,
    SelectResult,
    parse_json_results,
    render,
    result_from_pyoxigraph,
)
from kg.sparql.text import Bindings, bind_values, inspect_query, refuse, syntax_error, with_prefixes
from kg.vocab import PREFIXES

__all__ = ["EmbeddedSource", "EndpointSource", "QuerySource", "open_source", "open_store_dir"]

logger = logging.getLogger(__name__)


class QuerySource(ABC):
    """Somewhere SPARQL queries run: the embedded graph, an on-disk Oxigraph store, or an endpoint.

    Every source predeclares kg's prefixes (``kg``, ``kgd``, ``schema``, ``prov``, ``cito``, ``oa``,
    ``skos``, ``owl``, ``rdf``, ``rdfs``, ``xsd``, ``wd``; a query's own declarations win), binds
    ``bindings`` as a trailing ``VALUES`` clause, and refuses SPARQL Update. Results come back as
    :class:`~kg.sparql.results.SelectResult`, :class:`~kg.sparql.results.AskResult` or
    :class:`~kg.sparql.results.GraphResult`, whatever the source, so callers never see which one answered.
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
            return result_from_pyoxigraph(self.store.query(bind_values(query, bindings), prefixes=PREFIXES))
        except SyntaxError as exc:
            raise syntax_error(exc, query) from None
        except (OSError, RuntimeError) as exc:  # RuntimeError: e.g. an unknown custom function
            raise QueryError(f"the query failed on {self.label}: {exc}") from None

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

    Each query is one ``POST`` of the form ``query=...`` (``application/x-www-form-urlencoded``, the
    protocol's URL-encoded POST, which every server takes; Virtuoso 7.2 never answers a query sent
    as ``application/sparql-query``) with an ``Accept`` for the result kind (SPARQL JSON results for
    SELECT/ASK, N-Triples or Turtle for CONSTRUCT/DESCRIBE). kg's prefixes the query does not
    declare are declared on one line before it. ``SERVICE`` is left to the endpoint (federation is a
    server's business).
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
            urllib.parse.urlencode({"query": text}).encode("ascii"),
            {"Content-Type": "application/x-www-form-urlencoded", "Accept": accept},
            self.timeout_s,
        )
        if status == 400:
            raise self._rejected(query, bindings, body)
        if status >= 300:
            raise http_failure(self.url, status, body, "query")
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
        return QueryError(f"the endpoint {self.url} rejected the query: {snippet(body)}")

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
            raise bad_answer(self.url, body, exc) from None

    def _graph(self, body: bytes, media_type: str) -> GraphResult:
        rdf_format = ox.RdfFormat.from_media_type(media_type)
        if rdf_format is None:
            raise bad_answer(self.url, body, ValueError(f"unexpected media type {media_type}"))
        try:
            quads = ox.parse(body, rdf_format)
            return GraphResult(tuple(ox.Triple(q.subject, q.predicate, q.object) for q in quads))
        except (SyntaxError, ValueError) as exc:
            raise bad_answer(self.url, body, exc) from None



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
