"""serve: ``kg serve``, the Oxigraph SPARQL server over the built graph (read-only, loopback)."""

from __future__ import annotations

import argparse
import signal
import sys
from pathlib import Path
from types import FrameType

from kg.cli.common import (
    EXIT_OK,
    HideNoneFormatter,
    Subparsers,
    add_command,
    add_out_option,
    add_timeout_option,
    number_type,
)
from kg.errors import EndpointError
from kg.serve import (
    DEFAULT_HOST,
    DEFAULT_PORT,
    DEFAULT_TIMEOUT_S,
    Server,
    ServerConfig,
    check_port_free,
    curl_example,
    default_max_memory_mb,
)
from kg.sparql import StoreLock, is_loopback, prepare_store_dir

__all__ = ["add_parser", "cmd_serve"]


def _interrupt(signum: int, frame: FrameType | None) -> None:
    raise KeyboardInterrupt


_port = number_type(int, "a port number", lambda n: 1 <= n <= 65535, "is not a port number (1 to 65535)")


def cmd_serve(args: argparse.Namespace) -> int:
    store_dir = args.store_dir or args.out / "store"
    lock = StoreLock(store_dir)
    try:
        state = prepare_store_dir(args.out, store_dir, lock)
        if state.message:
            print(f"kg serve: {state.message}", file=sys.stderr)
        elif state.loaded and not args.quiet:
            print(f"kg serve: loaded {state.quads or 0:,} quads into {store_dir}", file=sys.stderr)
        if not is_loopback(args.host):
            print(
                f"kg serve: warning: listening on {args.host}, not on loopback: anyone who can reach this "
                f"machine on port {args.port} can read the whole graph (there is no authentication). "
                "Use the default --host 127.0.0.1 to keep it to this machine.",
                file=sys.stderr,
            )
        check_port_free(args.host, args.port)
        config = ServerConfig(
            store_dir=store_dir,
            host=args.host,
            port=args.port,
            timeout_s=args.timeout_s,
            cors=args.cors,
            union_default_graph=args.union_default_graph,
            max_memory_mb=default_max_memory_mb() if args.max_memory_mb is None else args.max_memory_mb,
        )
        server = Server(config, on_log=(lambda line: None) if args.quiet else None)
        previous = signal.signal(signal.SIGTERM, _interrupt)
        try:
            server.start()
            server.wait_ready()
            base = config.url.removesuffix("query")
            lines = [
                f"SPARQL endpoint: {config.url}  (read-only; query editor: {base})",
                "Examples:",
                *(f"  {line}" for line in curl_example(config.url)),
                "Press Ctrl-C to stop.",
            ]
            print("\n".join(lines), flush=True)
            code = server.wait()
            raise EndpointError(f"the Oxigraph server stopped by itself (exit {code}): {' | '.join(server.log)}")
        except KeyboardInterrupt:
            server.stop()
            if not args.quiet:
                print(f"kg serve: stopped; the store in {store_dir} is unchanged", file=sys.stderr)
            return EXIT_OK
        finally:
            server.stop()
            signal.signal(signal.SIGTERM, previous)
    finally:
        lock.release()


def add_parser(subparsers: Subparsers) -> None:
    """Add ``kg serve``."""
    parser = add_command(
        subparsers, "serve", cmd_serve, help="serve the graph over SPARQL (the Oxigraph server; read-only, loopback)",
        description="Start the Oxigraph SPARQL server over the built graph: <out>/graph.trig is loaded into an "
        "on-disk store (<out>/store, reloaded when the graph changes) and served read-only (updates "
        "are refused) at http://HOST:PORT/query, with a query editor at http://HOST:PORT/. It listens "
        "on 127.0.0.1 (this machine only) unless --host says otherwise. Queries stop after --timeout-s; "
        "a server that passes --max-memory-mb (a runaway query) is restarted. Ctrl-C stops it and "
        "leaves the store as it was.",
        examples=[
            "kg serve",
            "kg serve --port 8000 --timeout-s 10",
            "kg serve --host 0.0.0.0   # visible to the network: read the warning",
        ],
        formatter=HideNoneFormatter,
    )
    add_out_option(parser)
    parser.add_argument(
        "--store-dir", type=Path, default=None, metavar="DIR", help="the store folder (default: <out>/store)"
    )
    parser.add_argument(
        "--host", default=DEFAULT_HOST, help="address to listen on; anything but loopback exposes the graph"
    )
    parser.add_argument("--port", type=_port, default=DEFAULT_PORT, help="port to listen on")
    add_timeout_option(parser, DEFAULT_TIMEOUT_S, "stop each query after S seconds")
    parser.add_argument(
        "--cors",
        action=argparse.BooleanOptionalAction,
        default=True,
        help="answer cross-origin requests, so a browser query editor on another site can query it "
        "(any web page open in this machine's browser can then read the graph)",
    )
    parser.add_argument(
        "--union-default-graph",
        action="store_true",
        help="let queries without GRAPH see every named graph (the ready queries do not need it)",
    )
    parser.add_argument(
        "--max-memory-mb",
        type=int,
        default=None,
        metavar="MB",
        help="restart the server when it uses more memory than this (default: half of this machine's; 0: never)",
    )
