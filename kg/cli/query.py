"""query: ``kg query``, SPARQL over the built graph, wherever it lives (inline, a .rq file, stdin, or
a ready query)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from kg.cli.common import (
    EXIT_OK,
    HideNoneFormatter,
    Subparsers,
    add_command,
    add_out_option,
    add_source_options,
    source_from_args,
)
from kg.errors import KgError, QueryError
from kg.sparql import (
    GRAPH_FORMATS,
    RESULT_FORMATS,
    AskResult,
    GraphResult,
    ReadyQuery,
    SelectResult,
    find_ready_query,
    iter_params,
    ready_queries,
    render,
    run_query,
    suggest_ready,
)

__all__ = ["add_parser", "cmd_query"]


def _is_file(path: Path) -> bool:
    """Whether ``path`` names a file; False for text that cannot be a path (too long, a NUL byte)."""
    try:
        return path.is_file()
    except (OSError, ValueError):
        return False


def _read_query(spec: str) -> tuple[str, str, ReadyQuery | None]:
    """(text, where it came from, the ReadyQuery or None) for QUERY: -, a ready query, a file, or text."""
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


def add_parser(subparsers: Subparsers) -> None:
    """Add ``kg query``."""
    parser = add_command(
        subparsers, "query", cmd_query, help="run SPARQL over the graph (inline, a .rq file, stdin, or a ready query)",
        description="Run a SPARQL query over the built graph and print the result. QUERY is SPARQL text, "
        "a .rq file, - (read stdin) or the name of a ready query (kg query --list). The prefixes kg, kgd, "
        "schema, prov, cito, oa, skos, owl, rdf, rdfs, xsd and wd are predeclared; a query may declare its "
        "own. Every ready query names its graphs (GRAPH ?g), so it gives the same rows on every store. "
        "Exit 0 also when nothing is found; 2 for a syntax error (with line and column); 3 when the "
        "endpoint cannot be reached.",
        examples=[
            "kg query --list",
            "kg query uncited",
            "kg query actor_claims --param actor='Vladimir Putin'",
            "kg query 'SELECT ?claim ?text WHERE { GRAPH ?g { ?claim a schema:Claim ; schema:text ?text } } "
            "LIMIT 5'",
            "kg query my-query.rq --format csv > rows.csv",
            "echo 'ASK { GRAPH ?g { ?s kg:contradicts ?o } }' | kg query -",
            "kg query top_sources --endpoint http://127.0.0.1:7878/query --format json",
        ],
        formatter=HideNoneFormatter,
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
    add_out_option(parser)
    add_source_options(parser)
