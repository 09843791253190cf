"""findings: the ``kg contradictions`` and ``kg uncited`` commands.

Both read the built graph with the SPARQL shipped in ``kg/queries/``, so what they print is what an
analyst's own query returns; neither re-runs detection. The graph is ``<out>/graph.trig`` loaded in
memory by default, an on-disk Oxigraph store with ``--store oxigraph:DIR`` or any SPARQL 1.1 endpoint
with ``--endpoint URL`` (:func:`kg.cli.common.add_source_options`): the rows are the same everywhere.
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import sys
import textwrap
from collections.abc import Callable, Sequence

from kg.cli.common import (
    EXIT_FINDINGS,
    EXIT_OK,
    Handler,
    HideNoneFormatter,
    Subparsers,
    add_command,
    add_out_option,
    add_source_options,
    source_from_args,
)
from kg.models import Record

__all__ = ["add_parser", "format_rows"]

FORMATS = ("table", "csv", "json")


def _article_id(iri: str) -> str:
    return iri.rsplit("/", 1)[-1]


def _wrap(text: str, indent: str) -> str:
    return textwrap.fill(text, width=100, initial_indent=indent, subsequent_indent=indent,
                         break_long_words=False, break_on_hyphens=False)


def _contradictions_table(rows: Sequence[Record]) -> str:
    from kg.findings import KIND_LABELS, ContradictionFinding

    if not rows:
        return "No contradictions in the graph."
    blocks = []
    for i, row in enumerate(rows, 1):
        assert isinstance(row, ContradictionFinding)
        head = f"[{i}] {KIND_LABELS[row.kind]}, confidence {row.confidence:.2f}"
        if row.modality:
            head += f" ({row.modality})"
        if row.compared:
            head += f"; compared: {row.compared}"
        if row.others:
            head += f"; {row.others} other pair{'s' if row.others != 1 else ''} of claims folded in"
        lines = [head, _wrap(row.explanation, "    ")]
        for label, who, article, sentence in (("A", row.claimant_a, row.article_a, row.sentence_a),
                                               ("B", row.claimant_b, row.article_b, row.sentence_b)):
            lines.append(f"  {label}: {who} in {_article_id(article)}")
            lines.append(_wrap(f"“{sentence}”", "      "))
        blocks.append("\n".join(lines))
    return "\n\n".join(blocks) + f"\n\n{len(rows)} contradiction{'s' if len(rows) != 1 else ''}."


def _uncited_table(rows: Sequence[Record]) -> str:
    from kg.findings import STATUS_LABELS, UncitedClaim

    if not rows:
        return "Every claim in the graph cites a source."
    out: list[str] = []
    status = None
    for row in rows:
        assert isinstance(row, UncitedClaim)
        if row.citation_status != status:
            status = row.citation_status
            count = sum(1 for r in rows if isinstance(r, UncitedClaim) and r.citation_status == status)
            out.append(f"{'' if not out else chr(10)}== {STATUS_LABELS[status]} ({count}) ==")
        out.append(f"- [{row.checkworthiness}] {row.claimant} in {_article_id(row.article)}")
        out.append(_wrap(f"“{row.sentence}”", "    "))
    out.append(f"\n{len(rows)} claim{'s' if len(rows) != 1 else ''} without a cited source.")
    return "\n".join(out)


def format_rows(rows: Sequence[Record], fmt: str, table: Callable[[Sequence[Record]], str]) -> str:
    """``rows`` as ``table`` text, CSV (one column per field) or JSON (a list of the rows' model_dump)."""
    if fmt == "json":
        return json.dumps([r.model_dump(mode="json") for r in rows], indent=2, ensure_ascii=False)
    if fmt == "csv":
        buffer = io.StringIO()
        if rows:
            fields = list(rows[0].model_dump(mode="json"))
            writer = csv.DictWriter(buffer, fieldnames=fields, lineterminator="\n")
            writer.writeheader()
            for r in rows:
                writer.writerow(r.model_dump(mode="json"))
        return buffer.getvalue().rstrip("\n")
    return table(rows)


def _emit(rows: Sequence[Record], args: argparse.Namespace, table: Callable[[Sequence[Record]], str]) -> int:
    text = format_rows(rows, args.format, table)
    if text:
        sys.stdout.write(text + "\n")
    return EXIT_FINDINGS if rows and args.fail_on_found else EXIT_OK


def cmd_contradictions(args: argparse.Namespace) -> int:
    from kg.findings import list_contradictions

    with source_from_args(args) as source:
        rows = list_contradictions(source)
    if args.min_confidence is not None:
        rows = [r for r in rows if r.confidence >= args.min_confidence]
    return _emit(rows, args, _contradictions_table)


def _share(text: str) -> float:
    """A confidence given on the command line: a number from 0 to 1."""
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a number") from None
    if not 0.0 <= value <= 1.0:
        raise argparse.ArgumentTypeError(f"{text} is not between 0 and 1")
    return value


def cmd_uncited(args: argparse.Namespace) -> int:
    from kg.findings import find_uncited

    with source_from_args(args) as source:
        rows = find_uncited(source)
    return _emit(rows, args, _uncited_table)


def _add_listing(
    subparsers: Subparsers, name: str, handler: Handler, help: str, description: str, examples: Sequence[str]
) -> argparse.ArgumentParser:
    """A listing command: --out, --format, --fail-on-found and where the graph lives."""
    parser = add_command(
        subparsers, name, handler, help=help,
        description=description,
        examples=[
            f"kg {name}",
            *examples,
            f"kg {name} --store oxigraph:output/store",
            f"kg {name} --endpoint http://127.0.0.1:7878/query",
        ],
        formatter=HideNoneFormatter,
    )
    add_out_option(parser, "output folder of kg build (holding graph.trig)")
    parser.add_argument("--format", choices=FORMATS, default="table",
                        help="table: for reading; csv: one row per finding; json: a list of findings")
    parser.add_argument("--fail-on-found", action="store_true",
                        help="exit 1 when anything is found (for pipelines)")
    add_source_options(parser)
    return parser


def add_parser(subparsers: Subparsers) -> None:
    """Add ``kg contradictions`` and ``kg uncited``."""
    contradictions = _add_listing(
        subparsers, "contradictions", cmd_contradictions, "list claims that contradict each other",
        "List every contradiction in the built graph, one per disagreement: its kind (explicit "
        "rebuttal, opposite polarity, conflicting values, opposing evaluations, opposing stances), "
        "confidence, what was compared and why, how many other pairs of claims say the same, and "
        "for the strongest pair both sentences, who asserts them and the article. Read from the "
        "graph with kg/queries/contradictions.rq; strongest first.",
        ["kg contradictions --format json > contradictions.json",
         "kg contradictions --min-confidence 0.5   # the surer findings only",
         "kg contradictions --fail-on-found   # exit 1 if there is any"],
    )
    contradictions.add_argument("--min-confidence", type=_share, metavar="C",
                                help="list only findings of at least this confidence (0 to 1)")
    _add_listing(
        subparsers, "uncited", cmd_uncited, "list claims that cite no source",
        "List every claim with no cited source, grouped by citation status (uncited, vaguely "
        "attributed, attributed only to a speaker) and most check-worthy first (statistics and "
        "figures, dated facts, causal claims, then opinions), with its article, sentence and "
        "claimant. Read from the graph with kg/queries/uncited.rq.",
        ["kg uncited --format csv > uncited.csv",
         "kg uncited --fail-on-found   # exit 1 if any claim lacks a source"],
    )
