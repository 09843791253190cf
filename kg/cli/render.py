"""render: the ``kg render`` command. Writes the offline graph page of a built graph.

``kg build`` already writes ``<out>/graph.html``; ``kg render`` writes it again, or a focused page
(``--actor``, ``--article``, ``--only``), and with ``--screenshot`` also opens it in headless
Chromium, prints its time to interactive and saves a PNG.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import sys
from pathlib import Path

from kg.cli.common import DEFAULT_OUT, EXIT_OK, Subparsers, add_command
from kg.errors import OutputError
from kg.page import ONLY_CHOICES, SUMMARY_THRESHOLD, VIEWS, measure_page, render_html
from kg.sparql import load_dataset

__all__ = ["add_parser", "cmd_render"]


def cmd_render(args: argparse.Namespace) -> int:
    out: Path = args.out if args.out is not None else args.graph / "graph.html"
    store = load_dataset(args.graph)
    temp = out.with_name(f".{out.name}.tmp-{os.getpid()}")
    try:
        out.parent.mkdir(parents=True, exist_ok=True)
        stats = render_html(store, temp, actor=args.actor, article=args.article, only=args.only,
                            view=None if args.view == "auto" else args.view)
        os.replace(temp, out)
    except OSError as exc:
        raise OutputError(f"cannot write {out} ({exc.strerror}). Fix: choose a writable --out") from None
    finally:
        with contextlib.suppress(OSError):
            temp.unlink()
    if not args.quiet:
        print(
            f"kg render: {stats.nodes:,} nodes, {stats.edges:,} edges, {stats.bytes:,} bytes, "
            f"opens on the {stats.default_view} view -> {out}",
            file=sys.stderr,
        )
        if stats.notice:
            print(f"kg render: {stats.notice}", file=sys.stderr)
    if args.screenshot is not None:
        result = measure_page(out, screenshot=args.screenshot)
        problems = result["errors"] + [f"request: {url}" for url in result["requests"]]
        for problem in problems:
            print(f"kg render: the page reported {problem}", file=sys.stderr)
        if not args.quiet:
            print(
                f"kg render: interactive after {result['ready_ms']:,} ms in headless Chromium; "
                f"screenshot -> {args.screenshot}",
                file=sys.stderr,
            )
        if problems:
            raise OutputError(f"{out}: the page made requests or reported errors in Chromium (listed above)")
    return EXIT_OK


def add_parser(subparsers: Subparsers) -> None:
    """Add ``kg render``."""
    parser = add_command(
        subparsers, "render", cmd_render, help="write the interactive graph page (one offline HTML file)",
        description="Write the graph of <graph>/graph.trig as one self-contained HTML page: articles, "
        "claims, actors, events and cited sources, contradictions in red, claims lacking a citation "
        "hollow, with search, filters and a details panel. It makes no network request; open it by "
        f"double-clicking. Graphs of more than {SUMMARY_THRESHOLD:,} nodes open on a summary view "
        "(actors and events with claim counts); --actor, --article and --only make a focused page.",
        examples=[
            "kg render",
            "kg render --actor 'Vladimir Putin' --out putin.html",
            "kg render --only contradictions --out contradictions.html",
            "kg render --article 003-75f89f23279217d4",
            "kg render --screenshot output/graph.png   # also time it in headless Chromium",
        ],
    )
    parser.add_argument(
        "--graph", type=Path, default=DEFAULT_OUT, metavar="DIR", help="output folder of kg build"
    )
    parser.add_argument(
        "--out", type=Path, default=None, metavar="FILE", help="the page to write (default: <graph>/graph.html)"
    )
    parser.add_argument("--actor", metavar="NAME", help="only claims by or about this actor or event (name, "
                        "alias or id)")
    parser.add_argument("--article", metavar="ID", help="only the claims of this article (id, IRI or headline)")
    parser.add_argument("--only", choices=ONLY_CHOICES, help="only claims in contradictions, or claims citing "
                        "no source")
    parser.add_argument("--view", choices=("auto", *VIEWS), default="auto", help="the view the page opens "
                        f"on; auto: the summary above {SUMMARY_THRESHOLD:,} nodes, else every claim")
    parser.add_argument("--screenshot", type=Path, metavar="PNG", help="open the page in headless Chromium "
                        "(needs `make browser` and the test tools), print its time to interactive, save a PNG")
