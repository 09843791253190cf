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
``add_parser(subparsers) -> None``, which adds one or more commands with
:func:`kg.cli.common.add_command` (a one-line ``help``, a ``description``, ``Examples:`` and the
handler), where ``handler(args: argparse.Namespace) -> int`` makes its library call, prints, and
returns the exit code; then list the module in :data:`COMMAND_MODULES`. Exit codes, help formatters
and the shared options are in :mod:`kg.cli.common`.
"""

from __future__ import annotations

import argparse
import importlib
import logging
import os
import sys
from collections.abc import Sequence

import kg
from kg.cli.common import EXIT_ERROR, EXIT_OK, Formatter
from kg.errors import KgError, printable

__all__ = ["COMMAND_MODULES", "build_parser", "main"]

COMMAND_MODULES = (
    "kg.cli.build",
    "kg.cli.validate",
    "kg.cli.stats",
    "kg.cli.findings",
    "kg.cli.query",
    "kg.cli.push",
    "kg.cli.render",
    "kg.cli.serve",
)
"""The modules that add the commands, in the order ``kg --help`` lists them."""


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
