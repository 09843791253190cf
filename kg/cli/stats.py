"""stats: ``kg stats``, what the built graph holds: per class, per citation status, per article and
per publisher."""

from __future__ import annotations

import argparse
import json
from collections.abc import Sequence

from kg.cli.common import (
    EXIT_OK,
    HideNoneFormatter,
    Subparsers,
    add_command,
    add_out_option,
    add_source_options,
    source_from_args,
)
from kg.findings import graph_stats
from kg.sparql import compact

__all__ = ["add_parser", "cmd_stats"]


def _table(headers: Sequence[str], rows: Sequence[Sequence[object]]) -> str:
    cells = [[str(c) for c in headers], *[[str(c) for c in row] for row in rows]]
    widths = [max(len(row[i]) for row in cells) for i in range(len(headers))]
    numeric = [all(isinstance(row[i], (int, float)) for row in rows) for i in range(len(headers))]

    def line(row: Sequence[str]) -> str:
        padded = (c.rjust(w) if num else c.ljust(w) for c, w, num in zip(row, widths, numeric, strict=True))
        return "  ".join(padded).rstrip()

    return "\n".join([line(cells[0]), "  ".join("-" * w for w in widths), *(line(r) for r in cells[1:])])


def cmd_stats(args: argparse.Namespace) -> int:
    from kg.findings import citation_rates, publisher_rates

    with source_from_args(args) as source:
        stats = graph_stats(source)
        publishers = publisher_rates(citation_rates(source))
    if args.format == "json":
        data = stats.model_dump(mode="json")
        for row, article in zip(data["articles"], stats.articles, strict=True):
            row["citation_rate"] = round(article.citation_rate, 4)
        data["publishers"] = [p.model_dump(mode="json") for p in publishers]
        print(json.dumps(data, indent=2, ensure_ascii=False))
        return EXIT_OK
    print(f"{stats.quads:,} quads in {stats.graphs:,} named graphs\n")
    classes = sorted(stats.classes.items(), key=lambda item: (-item[1], item[0]))
    print(_table(["class", "nodes"], classes))
    print()
    print(_table(["citation status", "claims"], list(stats.citation_status.items())))
    print()
    rows = [
        (
            compact(a.article),
            a.claims,
            a.cited,
            f"{a.citation_rate:.0%}",
            a.headline if len(a.headline) <= 60 else a.headline[:57] + "...",
        )
        for a in stats.articles
    ]
    print(_table(["article", "claims", "cited", "rate", "headline"], rows))
    print()
    print(
        _table(
            ["publisher", "articles", "claims", "cited", "rate"],
            [(p.publisher or "(none named)", p.articles, p.claims, p.cited, f"{p.rate:.0%}") for p in publishers],
        )
    )
    return EXIT_OK


def add_parser(subparsers: Subparsers) -> None:
    """Add ``kg stats``."""
    parser = add_command(
        subparsers, "stats", cmd_stats, help="count what the built graph holds",
        description="Counts per class, claims per citation status, per article its claims and how many "
        "of them cite a source, and the same per publisher (SPARQL: kg/queries/stats/*.rq and "
        "kg/queries/citation_rates.rq). Runs on the embedded graph (<out>/graph.trig), an on-disk "
        "Oxigraph store (--store) or a SPARQL endpoint (--endpoint), with the same results.",
        examples=[
            "kg stats",
            "kg stats --format json > stats.json",
            "kg stats --store oxigraph:output/store",
            "kg stats --endpoint http://127.0.0.1:7878/query",
        ],
        formatter=HideNoneFormatter,
    )
    add_out_option(parser)
    parser.add_argument("--format", choices=("table", "json"), default="table", help="output format")
    add_source_options(parser)
