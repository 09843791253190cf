"""push: ``kg push``, the built graph into a SPARQL server, named graphs kept.

SPARQL 1.1 Graph Store Protocol (one ``PUT`` per named graph), or one bulk N-Quads ``POST``.
"""

from __future__ import annotations

import time
import urllib.parse
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pyoxigraph as ox

from kg.errors import EndpointError, KgError
from kg.sparql.client import DEFAULT_TIMEOUT_S, http_failure, http_request
from kg.sparql.dataset import graph_file, unreadable

__all__ = ["PushSummary", "graph_store_url", "push_graph"]


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
        raise unreadable(path, exc) from None
    return graphs


def push_graph(
    out_dir: Path, graph_store: str, *, method: str = "gsp", timeout_s: float = DEFAULT_TIMEOUT_S
) -> PushSummary:
    """Load ``<out>/graph.trig`` into the server whose Graph Store Protocol URL is ``graph_store``.

    ``gsp``: one ``PUT <graph_store>?graph=<IRI>`` per named graph with an N-Triples body (SPARQL
    1.1 Graph Store Protocol). Each replaces that graph, so pushing again after a rebuild updates
    the server, and graphs of other articles on the server are left alone. ``bulk``: one ``POST``
    of the whole dataset as N-Quads (Oxigraph's ``/store``, Fuseki's dataset URL), which adds to
    what the server holds: fast for a first load into an empty store. A web page in answer to it
    is an error (Virtuoso answers its query form, having stored nothing).

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
        status, headers, answer = http_request(
            "POST", graph_store, body, {"Content-Type": "application/n-quads"}, timeout_s
        )
        if status >= 300:
            raise http_failure(graph_store, status, answer, "bulk load")
        if answer.strip() and headers.get_content_type() == "text/html":
            raise EndpointError(
                f"{graph_store} answered the bulk load with a web page (HTTP {status}), not a load: it takes "
                "no N-Quads there and may have stored nothing (Virtuoso's graph store takes --method gsp only)"
            )
    else:
        for name, graph_quads in sorted(graphs.items()):
            triples = (ox.Triple(q.subject, q.predicate, q.object) for q in graph_quads)
            body = ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES) or b""
            target = _graph_target(graph_store, name)
            status, _, answer = http_request(
                "PUT", target, body, {"Content-Type": "application/n-triples"}, timeout_s
            )
            if status >= 300:
                raise http_failure(target, status, answer, f"upload of graph <{name or 'default'}>")
    return PushSummary(graph_store, method, len(graphs), quads, time.perf_counter() - started)


def _all(graphs: dict[str, list[ox.Quad]]) -> Iterator[ox.Quad]:
    for name in sorted(graphs):
        yield from graphs[name]


def _graph_target(graph_store: str, name: str) -> str:
    parts = urllib.parse.urlsplit(graph_store)
    extra = urllib.parse.urlencode({"graph": name}) if name else "default"
    query = f"{parts.query}&{extra}" if parts.query else extra
    return urllib.parse.urlunsplit(parts._replace(query=query))
