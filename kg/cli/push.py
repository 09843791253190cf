"""push: ``kg push``, the built graph into a SPARQL server, named graphs kept."""

from __future__ import annotations

import argparse
import sys

from kg.cli.common import EXIT_OK, HideNoneFormatter, Subparsers, add_command, add_out_option, add_timeout_option
from kg.sparql import DEFAULT_TIMEOUT_S, graph_store_url, push_graph

__all__ = ["add_parser", "cmd_push"]


def cmd_push(args: argparse.Namespace) -> int:
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


def add_parser(subparsers: Subparsers) -> None:
    """Add ``kg push``."""
    parser = add_command(
        subparsers, "push", cmd_push, help="load the built graph into a SPARQL server (named graphs kept)",
        description="Send <out>/graph.trig to a SPARQL server so a team can query it with --endpoint. "
        "gsp (default): one SPARQL 1.1 Graph Store Protocol PUT per named graph, replacing that graph "
        "(push again after a rebuild; other graphs on the server are left alone). bulk: one POST of all "
        "quads as N-Quads, which adds to what the server holds (fast first load into an empty store). "
        "The graph store URL is taken from --endpoint by Oxigraph's layout (/query -> /store); give "
        "--graph-store for other servers.",
        examples=[
            "kg push --endpoint http://127.0.0.1:7878/query",
            "kg push --endpoint http://127.0.0.1:7878/query --method bulk",
            "kg push --endpoint http://fuseki:3030/kg/sparql --graph-store http://fuseki:3030/kg/data",
        ],
        formatter=HideNoneFormatter,
    )
    parser.add_argument("--endpoint", required=True, metavar="URL", help="the server's SPARQL query endpoint")
    parser.add_argument(
        "--graph-store",
        metavar="URL",
        help="the server's Graph Store Protocol endpoint (default: from --endpoint, /query -> /store)",
    )
    parser.add_argument("--method", choices=("gsp", "bulk"), default="gsp", help="how to send the graph")
    add_out_option(parser)
    add_timeout_option(parser, DEFAULT_TIMEOUT_S, "seconds to wait for each answer")
