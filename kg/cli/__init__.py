"""cli: the ``kg`` command. Parses arguments, makes one library call, prints the result.

stdout carries data (reports, tables, JSON); stderr carries talk (progress, logs, errors). The
library never prints or exits; :func:`main` returns the exit code:

    0  success (including "nothing found")
    1  findings: ``kg validate`` found violations (other commands: only when asked to fail on findings)
    2  usage or input error (bad arguments, an invalid corpus file, no graph built yet, ...)
    3  a SPARQL endpoint or server cannot be reached

Only :class:`kg.errors.KgError` is caught: it is printed as ``kg <command>: error: <message>``
without a traceback. Anything else is a bug and keeps its traceback.

Adding a command: put it in a module ``kg/cli/<name>.py`` exposing
``add_parser(subparsers) -> None``, which adds one or more subparsers and sets
``func=<handler>`` on each, where ``handler(args: argparse.Namespace) -> int`` makes its library
call, prints, and returns the exit code; then list the module in :data:`COMMAND_MODULES`. Help texts
follow the pattern below: a one-line ``help``, a
``description`` and an ``Examples:`` epilog (with ``formatter_class=Formatter``).
"""

from __future__ import annotations

import argparse
import importlib
import json
import logging
import os
import sys
import time
from collections.abc import Sequence
from pathlib import Path

import kg
from kg.errors import KgError, printable

__all__ = ["EXIT_ERROR", "EXIT_FINDINGS", "EXIT_OK", "EXIT_UNREACHABLE", "Formatter", "build_parser", "main"]

EXIT_OK = 0
EXIT_FINDINGS = 1
EXIT_ERROR = 2
EXIT_UNREACHABLE = 3

DEFAULT_CORPUS = Path("corpus")
DEFAULT_OUT = Path("output")

logger = logging.getLogger("kg")


class Formatter(argparse.RawDescriptionHelpFormatter, argparse.ArgumentDefaultsHelpFormatter):
    """Keeps the layout of descriptions and epilogs, and shows defaults."""


# ----------------------------------------------------------------------------------------------
# kg build


class _Progress:
    """One updating line on stderr while a build runs (only when stderr is a terminal)."""

    def __init__(self) -> None:
        self.last = 0.0
        self.shown = False

    def __call__(self, stage: str, done: int, total: int | None) -> None:
        now = time.monotonic()
        if now - self.last < 0.1 and (total is None or done < total):
            return
        self.last = now
        of = f"/{total}" if total else ""
        sys.stderr.write(f"\r\x1b[Kkg build: {stage} {done}{of}")
        sys.stderr.flush()
        self.shown = True

    def clear(self) -> None:
        if self.shown:
            sys.stderr.write("\r\x1b[K")
            sys.stderr.flush()


def _plural(n: int, word: str) -> str:
    return f"{n:,} {word}{'' if n == 1 else 's'}"


def cmd_build(args: argparse.Namespace) -> int:
    from kg.pipeline import build_corpus

    progress = _Progress() if sys.stderr.isatty() and not args.quiet else None
    started = time.perf_counter()
    try:
        summary = build_corpus(
            args.corpus,
            args.out,
            skip_invalid=args.skip_invalid,
            workers=args.workers,
            use_cache=not args.no_cache,
            progress=progress,
        )
    finally:
        if progress is not None:
            progress.clear()
    for message in summary.skipped:
        print(f"kg build: skipped {message}", file=sys.stderr)
    elapsed = time.perf_counter() - started
    if not args.quiet:
        parts = [
            _plural(summary.articles, "article"),
            _plural(summary.claims, "claim"),
            _plural(summary.actors, "actor"),
            _plural(summary.events, "event"),
            _plural(summary.sources, "source"),
            _plural(summary.contradictions, "contradiction"),
        ]
        skipped = f", {len(summary.skipped)} skipped" if summary.skipped else ""
        print(f"kg build: {', '.join(parts)}{skipped} -> {args.out}/ ({elapsed:.1f} s)", file=sys.stderr)
        logger.info("stage seconds: %s", ", ".join(f"{k} {v:.2f}" for k, v in summary.seconds.items()))
    return EXIT_OK


def _add_build(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "build",
        help="build the graph from a corpus folder",
        formatter_class=Formatter,
        description="Read every article of CORPUS, extract claims, actors, events and sources, and write "
        "graph.trig (one named graph per article) and graph.ttl (all triples) into --out.",
        epilog="Examples:\n  kg build\n  kg build my-corpus/ --out my-output/ --workers 2\n"
        "  kg build --skip-invalid   # go on past invalid files and list them",
    )
    parser.add_argument(
        "corpus",
        nargs="?",
        type=Path,
        default=DEFAULT_CORPUS,
        metavar="CORPUS",
        help="corpus folder (or one corpus file)",
    )
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT, metavar="DIR", help="output folder")
    parser.add_argument(
        "--skip-invalid",
        action="store_true",
        help="skip invalid corpus files (and list them) instead of stopping at the first",
    )
    parser.add_argument(
        "--workers",
        type=_positive_int,
        default=1,
        metavar="N",
        help="extraction processes (the output does not depend on N)",
    )
    parser.add_argument(
        "--no-cache",
        action="store_true",
        help="extract every article again, without reading or writing the extraction cache",
    )
    parser.set_defaults(func=cmd_build)


def _positive_int(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number") from None
    if value < 1:
        raise argparse.ArgumentTypeError(f"{text!r} must be at least 1")
    return value


# ----------------------------------------------------------------------------------------------
# kg validate


def cmd_validate(args: argparse.Namespace) -> int:
    from kg.sparql import graph_file, to_rdflib
    from kg.validate import validate

    report = validate(to_rdflib(args.out))
    print(f"graph: {graph_file(args.out)}")
    print(report.text)
    return EXIT_OK if report.conforms else EXIT_FINDINGS


def _add_validate(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "validate",
        help="check the built graph against the SHACL shapes",
        formatter_class=Formatter,
        description="Validate <out>/graph.trig against ontology/shapes.ttl. Exit 0 when it conforms "
        "(warnings, such as claims that cite no source, are reported but allowed), 1 when not.",
        epilog="Examples:\n  kg validate\n  kg validate --out my-output/",
    )
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT, metavar="DIR", help="output folder of kg build")
    parser.set_defaults(func=cmd_validate)


# ----------------------------------------------------------------------------------------------
# kg stats


def _table(headers: Sequence[str], rows: Sequence[Sequence[object]]) -> str:
    cells = [[str(c) for c in headers], *[[str(c) for c in row] for row in rows]]
    widths = [max(len(row[i]) for row in cells) for i in range(len(headers))]
    numeric = [all(isinstance(row[i], (int, float)) for row in rows) for i in range(len(headers))]

    def line(row: Sequence[str]) -> str:
        padded = (c.rjust(w) if num else c.ljust(w) for c, w, num in zip(row, widths, numeric, strict=True))
        return "  ".join(padded).rstrip()

    return "\n".join([line(cells[0]), "  ".join("-" * w for w in widths), *(line(r) for r in cells[1:])])


def cmd_stats(args: argparse.Namespace) -> int:
    from kg.cli.query import source_from_args
    from kg.contradict.analyse import citation_rates, publisher_rates
    from kg.sparql import compact, graph_stats

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


def _add_stats(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    from kg.cli.query import add_source_options, formatter

    parser = subparsers.add_parser(
        "stats",
        help="count what the built graph holds",
        formatter_class=formatter(),
        description="Counts per class, claims per citation status, per article its claims and how many "
        "of them cite a source, and the same per publisher (SPARQL: kg.sparql.store.STATS_QUERIES and "
        "kg/queries/citation_rates.rq). Runs on the embedded graph (<out>/graph.trig), an on-disk "
        "Oxigraph store (--store) or a SPARQL endpoint (--endpoint), with the same results.",
        epilog="Examples:\n  kg stats\n  kg stats --format json > stats.json\n"
        "  kg stats --store oxigraph:output/store\n  kg stats --endpoint http://127.0.0.1:7878/query",
    )
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT, metavar="DIR", help="output folder of kg build")
    parser.add_argument("--format", choices=("table", "json"), default="table", help="output format")
    add_source_options(parser)
    parser.set_defaults(func=cmd_stats)


# ----------------------------------------------------------------------------------------------
# The parser


COMMAND_MODULES = ("kg.cli.findings", "kg.cli.query", "kg.cli.render", "kg.cli.serve")
"""The modules that add commands besides build, validate and stats, in the order ``kg --help`` lists them."""


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="kg",
        formatter_class=Formatter,
        description="kg: a claim-and-citation knowledge graph for analysts.",
        epilog="Exit codes: 0 ok, 1 findings (e.g. validate: not conformant), 2 usage or input error, "
        "3 endpoint unreachable.\nRun `kg <command> --help` for a command's options and examples.",
    )
    parser.add_argument("--version", action="version", version=f"kg {kg.__version__}")
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    _add_build(subparsers)
    _add_validate(subparsers)
    _add_stats(subparsers)
    for name in COMMAND_MODULES:
        module = importlib.import_module(name)
        add_parser = getattr(module, "add_parser", None)
        if callable(add_parser):
            add_parser(subparsers)
    for command in subparsers.choices.values():
        _add_verbosity(command)
    return parser


def _add_verbosity(parser: argparse.ArgumentParser) -> None:
    """-v/-q on every command (unless the command defines them itself)."""
    if "-v" in parser._option_string_actions or "-q" in parser._option_string_actions:
        return
    group = parser.add_mutually_exclusive_group()
    group.add_argument("-v", "--verbose", action="count", default=0, help="more detail on stderr (-vv: debug)")
    group.add_argument("-q", "--quiet", action="store_true", help="only errors on stderr")


class _PrintableFormatter(logging.Formatter):
    """Log lines with control characters escaped: they may quote file names from the corpus."""

    def format(self, record: logging.LogRecord) -> str:
        return printable(super().format(record), lines=True)


def _configure_logging(verbose: int, quiet: bool) -> None:
    level = logging.ERROR if quiet else {0: logging.WARNING, 1: logging.INFO}.get(verbose, logging.DEBUG)
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(_PrintableFormatter("kg: %(levelname)s: %(message)s"))
    root = logging.getLogger("kg")
    root.handlers[:] = [handler]
    root.setLevel(level)
    root.propagate = False


def main(argv: Sequence[str] | None = None) -> int:
    """Run ``kg`` with ``argv`` (default: ``sys.argv[1:]``); returns the exit code."""
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:  # argparse exits 2 on usage errors and 0 after --help / --version
        return exc.code if isinstance(exc.code, int) else EXIT_ERROR
    _configure_logging(getattr(args, "verbose", 0), getattr(args, "quiet", False))
    try:
        return int(args.func(args))
    except KgError as exc:
        print(f"kg {args.command}: error: {printable(str(exc), lines=True)}", file=sys.stderr)
        return exc.exit_code
    except KeyboardInterrupt:
        print(f"kg {args.command}: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:  # `kg stats | head`: the reader went away; not an error of ours
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())  # so the interpreter's final flush does not fail again
        return EXIT_OK
