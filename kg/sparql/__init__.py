"""sparql: SPARQL over the built graph, wherever it lives.

Reads ``<out>/graph.trig`` as :mod:`kg.export` wrote it, and never writes it. The modules, each one
job, from the query text up:

* :mod:`~kg.sparql.text`: query text (kg's prefixes, the query's shape, refusing updates and
  ``SERVICE``, parameter values bound as ``VALUES``, syntax errors by line and column);
* :mod:`~kg.sparql.results`: result objects and their output formats (table, JSON, XML, CSV, TSV,
  Turtle, N-Triples);
* :mod:`~kg.sparql.client`: one HTTP request to a SPARQL server, and its failures;
* :mod:`~kg.sparql.dataset`: graph.trig read into memory (a pyoxigraph Store, an rdflib Dataset);
* :mod:`~kg.sparql.disk`: the on-disk Oxigraph store folder, its lock and freshness marker;
* :mod:`~kg.sparql.sources`: where queries run (embedded, on-disk store, endpoint), one interface;
* :mod:`~kg.sparql.catalogue`: the ready queries of ``kg/queries/`` and their parameters;
* :mod:`~kg.sparql.push`: ``kg push``, the graph into a SPARQL server.

Other packages import the names below from ``kg.sparql``.
"""

from __future__ import annotations

from kg.sparql.catalogue import (
    Param,
    ReadyQuery,
    find_ready_query,
    iter_params,
    lookup_query,
    packaged_query,
    ready_queries,
    resolve_params,
    run_query,
    suggest_ready,
)
from kg.sparql.client import DEFAULT_TIMEOUT_S, http_request, is_loopback
from kg.sparql.dataset import graph_file, load_dataset, to_rdflib
from kg.sparql.disk import STORE_MARKER, StoreLock, StoreState, prepare_store_dir
from kg.sparql.push import PushSummary, graph_store_url, push_graph
from kg.sparql.results import (
    GRAPH_FORMATS,
    RESULT_FORMATS,
    AskResult,
    GraphResult,
    QueryResult,
    SelectResult,
    format_table,
    parse_json_results,
    render,
    result_from_pyoxigraph,
)
from kg.sparql.sources import EmbeddedSource, EndpointSource, QuerySource, open_source, open_store_dir
from kg.sparql.text import (
    Bindings,
    QueryShape,
    Term,
    bind_values,
    compact,
    inspect_query,
    refuse,
    syntax_error,
    term_from_text,
    with_prefixes,
)

__all__ = [
    "DEFAULT_TIMEOUT_S",
    "GRAPH_FORMATS",
    "RESULT_FORMATS",
    "STORE_MARKER",
    "AskResult",
    "Bindings",
    "EmbeddedSource",
    "EndpointSource",
    "GraphResult",
    "Param",
    "PushSummary",
    "QueryResult",
    "QueryShape",
    "QuerySource",
    "ReadyQuery",
    "SelectResult",
    "StoreLock",
    "StoreState",
    "Term",
    "bind_values",
    "compact",
    "find_ready_query",
    "format_table",
    "graph_file",
    "graph_store_url",
    "http_request",
    "inspect_query",
    "is_loopback",
    "iter_params",
    "load_dataset",
    "lookup_query",
    "open_source",
    "open_store_dir",
    "packaged_query",
    "parse_json_results",
    "prepare_store_dir",
    "push_graph",
    "ready_queries",
    "refuse",
    "render",
    "resolve_params",
    "result_from_pyoxigraph",
    "run_query",
    "suggest_ready",
    "syntax_error",
    "term_from_text",
    "to_rdflib",
    "with_prefixes",
]
