"""build: ``kg build``, the graph from a corpus folder, with a one-line summary on stderr."""

from __future__ import annotations

import argparse
import logging
import sys
import time
from pathlib import Path

from kg.cli.common import DEFAULT_CORPUS, EXIT_OK, Subparsers, add_command, add_out_option, positive_int

__all__ = ["add_parser", "cmd_build"]

logger = logging.getLogger("kg")


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
            force=args.force,
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
        foreign = f", {len(summary.foreign)} not in English" if summary.foreign else ""
        print(f"kg build: {', '.join(parts)}{skipped}{foreign} -> {args.out}/ ({elapsed:.1f} s)", file=sys.stderr)
        logger.info("stage seconds: %s", ", ".join(f"{k} {v:.2f}" for k, v in summary.seconds.items()))
    return EXIT_OK


def add_parser(subparsers: Subparsers) -> None:
    """Add ``kg build``."""
    parser = add_command(
        subparsers, "build", cmd_build, help="build the graph from a corpus folder",
        description="Read every article of CORPUS, extract claims, actors, events and sources, and write "
        "graph.trig (one named graph per article) and graph.ttl (all triples) into --out. The output folder "
        "is kg's: each build goes into a folder of its own under <out>/.kg/builds/, and <out>/current (with "
        "<out>/graph.trig and the other outputs through it) switches to it at once when it is complete.",
        examples=[
            "kg build",
            "kg build my-corpus/ --out my-output/ --workers 2",
            "kg build --skip-invalid   # go on past invalid files and list them",
        ],
    )
    parser.add_argument(
        "corpus",
        nargs="?",
        type=Path,
        default=DEFAULT_CORPUS,
        metavar="CORPUS",
        help="corpus folder (or one corpus file)",
    )
    add_out_option(parser, "output folder, kg's alone: outside CORPUS, and new, empty or written by kg (else --force)")
    parser.add_argument(
        "--skip-invalid",
        action="store_true",
        help="skip invalid corpus files (and list them) instead of stopping at the first",
    )
    parser.add_argument(
        "--workers",
        type=positive_int,
        default=1,
        metavar="N",
        help="extraction processes (the output does not depend on N)",
    )
    parser.add_argument(
        "--no-cache",
        action="store_true",
        help="extract every article again, without reading or writing the extraction cache",
    )
    parser.add_argument(
        "--force",
        action="store_true",
        help="write into an --out folder that holds files kg did not write (kg replaces its own output "
        "names there and removes nothing else)",
    )
