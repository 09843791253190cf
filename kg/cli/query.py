"""cli_query: ``kg query`` (SPARQL over the graph, wherever it lives) and ``kg push`` (the graph into
a SPARQL server).

Also the option set other commands reuse to choose where their queries run::

    from kg.cli.query import add_source_options, source_from_args

    add_source_options(parser)            # --store oxigraph:DIR | --endpoint URL, --timeout-s
    ...
    with source_from_args(args) as source:  # reads args.out too
        rows = source.select(text).values()
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from kg.errors import KgError, QueryError

if TYPE_CHECKING:
    from kg.sparql import QuerySource, ReadyQuery

__all__ = ["add_parser", "add_source_options", "source_from_args"]

DEFAULT_OUT = Path("output")
DEFAULT_TIMEOUT_S = 60.0
"""Seconds to wait for an endpoint's answer (kg.sparql.DEFAULT_TIMEOUT_S; not imported, to keep
``kg --help`` quick)."""


def formatter() -> type[argparse.HelpFormatter]:
    """kg's help formatter, without "(default: None)" after options that have no default."""
    from kg.cli import Formatter

    class _Formatter(Formatter):
        def _get_help_string(self, action: argparse.Action) -> str | None:
            if action.default is None:
                return action.help
            return super()._get_help_string(action)

    return _Formatter


# ----------------------------------------------------------------------------------------------
# The shared option set: where queries run


def positive_seconds(text: str) -> float:
    """An argparse type: a number of seconds above 0."""
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a number of seconds") from None
    if not value > 0:
        raise argparse.ArgumentTypeError(f"{text!r} must be more than 0 seconds")
    return value


def add_source_options(parser: argparse.ArgumentParser) -> None:
    """Add ``--store`` and ``--endpoint`` (mutually exclusive) and ``--timeout-s`` to ``parser``.

    The command keeps its own ``--out`` (the folder of graph.trig); :func:`source_from_args` reads it.
    """
    group = parser.add_argument_group(
        "where the graph lives",
        "Default: the embedded graph, <out>/graph.trig loaded in memory. Results are the same everywhere.",
    )
    where = group.add_mutually_exclusive_group()
    where.add_argument(
        "--store",
        metavar="oxigraph:DIR",
        help="an on-disk Oxigraph store in DIR, created from <out>/graph.trig on first use and reloaded "
        "when it changes (faster to open for big graphs; the folder kg serve serves is <out>/store)",
    )
    where.add_argument(
        "--endpoint",
        metavar="URL",
        help="a SPARQL 1.1 endpoint (Oxigraph, Fuseki, Virtuoso, GraphDB, ...), e.g. "
        "http://127.0.0.1:7878/query; queried over HTTP per the SPARQL 1.1 Protocol",
    )
    group.add_argument(
        "--timeout-s",
        type=positive_seconds,
        default=DEFAULT_TIMEOUT_S,
        metavar="S",
        help="seconds to wait for the endpoint's answer",
    )


def source_from_args(args: argparse.Namespace) -> QuerySource:
    """The :class:`kg.sparql.QuerySource` chosen by :func:`add_source_options`' options and ``args.out``.

    Use it as a context manager (an on-disk store holds a lock until closed).
    """
    from kg.sparql import open_source

    return open_source(
        getattr(args, "out", DEFAULT_OUT),
        store=getattr(args, "store", None),
        endpoint=getattr(args, "endpoint", None),
        timeout_s=getattr(args, "timeout_s", DEFAULT_TIMEOUT_S),
    )


# ----------------------------------------------------------------------------------------------
# kg query


def _is_file(path: Path) -> bool:
    """Whether ``path`` names a file; False for text that cannot be a path (too long, a NUL byte)."""
    try:
        return path.is_file()
    except (OSError, ValueError):
        return False


def _read_query(spec: str) -> tuple[str, str, ReadyQuery | None]:
    """(text, where it came from, the ReadyQuery or None) for QUERY: -, a ready query, a file, or text."""
    from kg.sparql import find_ready_query, suggest_ready

    if spec == "-":
        return sys.stdin.read(), "stdin", None
    ready = find_ready_query(spec)
    if ready is not None:
        return ready.text, f"ready query {ready.name}", ready
    path = Path(spec)
    looks_like_path = spec.endswith((".rq", ".sparql")) or ("/" in spec and "{" not in spec)
    if looks_like_path or ("\n" not in spec and _is_file(path)):
        try:
            return path.read_text(encoding="utf-8"), str(path), None
        except FileNotFoundError:
            raise QueryError(f"{spec}: no such file") from None
        except (OSError, UnicodeDecodeError, ValueError) as exc:  # ValueError: a NUL byte in the path
            raise QueryError(f"{spec!r}: cannot be read as UTF-8 text ({exc})") from None
    if spec.replace("-", "_").isidentifier():
        close = suggest_ready(spec)
        hint = f" Did you mean {' or '.join(close)}?" if close else ""
        raise QueryError(f"no ready query named {spec!r}.{hint} `kg query --list` lists them")
    return spec, "the command line", None


def _list_ready() -> str:
    from kg.sparql import ready_queries

    queries = ready_queries()
    width = max(len(name) for name in queries)
    lines = []
    for query in queries.values():
        lines.append(f"{query.name.ljust(width)}  {query.purpose}")
        for param in query.params:
            lines.append(f"{''.ljust(width)}    --param {param.name}=...  {param.help}")
    lines.append("")
    lines.append("Run one with `kg query NAME`; print its SPARQL with `kg query --show NAME`.")
    return "\n".join(lines)


def cmd_query(args: argparse.Namespace) -> int:
    from kg.cli import EXIT_OK
    from kg.sparql import AskResult, GraphResult, SelectResult, find_ready_query, iter_params, render, run_query

    if args.list:
        print(_list_ready())
        return EXIT_OK
    if args.show:
        ready = find_ready_query(args.show)
        if ready is None:
            _read_query(args.show)  # raises with a "did you mean"
            raise QueryError(f"{args.show!r} is not a ready query: `kg query --list` lists them")
        sys.stdout.write(ready.text)
        return EXIT_OK
    if args.query is None:
        raise KgError("give a query (inline SPARQL, a .rq file, - for stdin, or a ready query name), or --list")
    text, origin, ready = _read_query(args.query)
    if not text.strip():
        raise QueryError(f"the query from {origin} is empty")
    params = iter_params(args.param or [])
    with source_from_args(args) as source:
        result, notes = run_query(source, text, params, ready)
    if not args.quiet:
        for note in notes:
            print(f"kg query: {note}", file=sys.stderr)
    if args.columns:
        if not isinstance(result, SelectResult):
            raise QueryError("--columns applies to SELECT results only")
        result = result.project([c.strip().lstrip("?$") for c in args.columns.split(",") if c.strip()])
    data = render(result, args.format, max_width=args.max_width)
    sys.stdout.buffer.write(data)
    sys.stdout.flush()
    if not args.quiet and args.format in (None, "table") and not isinstance(result, AskResult):
        count = len(result)
        kind = "triple" if isinstance(result, GraphResult) else "row"
        print(f"({count:,} {kind}{'' if count == 1 else 's'})", file=sys.stderr)
    return EXIT_OK


def _add_query(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    from kg.sparql import GRAPH_FORMATS, RESULT_FORMATS

    parser = subparsers.add_parser(
        "query",
        help="run SPARQL over the graph (inline, a .rq file, stdin, or a ready query)",
        formatter_class=formatter(),
        description="Run a SPARQL query over the built graph and print the result. QUERY is SPARQL text, "
        "a .rq file, - (read stdin) or the name of a ready query (kg query --list). The prefixes kg, kgd, "
        "schema, prov, cito, oa, skos, owl, rdf, rdfs, xsd and wd are predeclared; a query may declare its "
        "own. Every ready query names its graphs (GRAPH ?g), so it gives the same rows on every store. "
        "Exit 0 also when nothing is found; 2 for a syntax error (with line and column); 3 when the "
        "endpoint cannot be reached.",
        epilog="Examples:\n"
        "  kg query --list\n"
        "  kg query uncited\n"
        "  kg query actor_claims --param actor='Vladimir Putin'\n"
        "  kg query 'SELECT ?claim ?text WHERE { GRAPH ?g { ?claim a schema:Claim ; schema:text ?text } } "
        "LIMIT 5'\n"
        "  kg query my-query.rq --format csv > rows.csv\n"
        "  echo 'ASK { GRAPH ?g { ?s kg:contradicts ?o } }' | kg query -\n"
        "  kg query top_sources --endpoint http://127.0.0.1:7878/query --format json",
    )
    parser.add_argument("query", nargs="?", metavar="QUERY", help="SPARQL text, a .rq file, -, or a ready query")
    parser.add_argument("--list", action="store_true", help="list the ready queries with their purpose")
    parser.add_argument("--show", metavar="NAME", help="print the SPARQL of a ready query")
    parser.add_argument(
        "--format",
        choices=RESULT_FORMATS + GRAPH_FORMATS,
        default=None,
        help="table (default for SELECT/ASK), json, xml, csv, tsv (W3C SPARQL 1.1 results formats); "
        "turtle (default for CONSTRUCT/DESCRIBE) or ntriples",
    )
    parser.add_argument(
        "--param",
        action="append",
        metavar="NAME=VALUE",
        help="a value for ?NAME, bound safely (as a VALUES clause, never pasted as text); repeat for "
        "several. Ready queries take actor= and source= by name, e.g. --param actor=Putin",
    )
    parser.add_argument(
        "--columns",
        metavar="A,B,...",
        help="print only these columns (variables), in this order",
    )
    parser.add_argument(
        "--max-width",
        type=int,
        default=60,
        metavar="N",
        help="cut table cells to N characters (0: no limit)",
    )
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT, metavar="DIR", help="output folder of kg build")
    add_source_options(parser)
    parser.set_defaults(func=cmd_query)


# ----------------------------------------------------------------------------------------------
# kg push


def cmd_push(args: argparse.Namespace) -> int:
    from kg.cli import EXIT_OK
    from kg.sparql import graph_store_url, push_graph

    target = args.graph_store or graph_store_url(args.endpoint)
    summary = push_graph(args.out, target, method=args.method, timeout_s=args.timeout_s)
    if not args.quiet:
        how = "one PUT per named graph" if summary.method == "gsp" else "one bulk N-Quads POST"
        print(
            f"kg push: {summary.quads:,} quads in {summary.graphs:,} named graphs -> {summary.graph_store} "
            f"({how}, {summary.seconds:.1f} s)",
            file=sys.stderr,
        )
    return EXIT_OK


def _add_push(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "push",
        help="load the built graph into a SPARQL server (named graphs kept)",
        formatter_class=formatter(),
        description="Send <out>/graph.trig to a SPARQL server so a team can query it with --endpoint. "
        "gsp (default): one SPARQL 1.1 Graph Store Protocol PUT per named graph, replacing that graph "
        "(push again after a rebuild; other graphs on the server are left alone). bulk: one POST of all "
        "quads as N-Quads, which adds to what the server holds (fast first load into an empty store). "
        "The graph store URL is taken from --endpoint by Oxigraph's layout (/query -> /store); give "
        "--graph-store for other servers.",
        epilog="Examples:\n"
        "  kg push --endpoint http://127.0.0.1:7878/query\n"
        "  kg push --endpoint http://127.0.0.1:7878/query --method bulk\n"
        "  kg push --endpoint http://fuseki:3030/kg/sparql --graph-store http://fuseki:3030/kg/data",
    )
    parser.add_argument("--endpoint", required=True, metavar="URL", help="the server's SPARQL query endpoint")
    parser.add_argument(
        "--graph-store",
        metavar="URL",
        help="the server's Graph Store Protocol endpoint (default: from --endpoint, /query -> /store)",
    )
    parser.add_argument("--method", choices=("gsp", "bulk"), default="gsp", help="how to send the graph")
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT, metavar="DIR", help="output folder of kg build")
    parser.add_argument(
        "--timeout-s", type=positive_seconds, default=DEFAULT_TIMEOUT_S, metavar="S",
        help="seconds to wait for each answer",
    )
    parser.set_defaults(func=cmd_push)


def add_parser(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add ``kg query`` and ``kg push``."""
    _add_query(subparsers)
    _add_push(subparsers)
