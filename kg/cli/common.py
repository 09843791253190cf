"""common: what every command module shares. Exit codes, help formatters, option types, the options
that choose where queries run, and :func:`add_command`, which gives every command the same help layout.

Where queries run, for any command that reads the graph::

    add_source_options(parser)            # --store oxigraph:DIR | --endpoint URL, --timeout-s
    ...
    with source_from_args(args) as source:  # reads args.out too
        rows = source.select(text).values()
"""

from __future__ import annotations

import argparse
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TypeAlias, TypeVar

from kg.sparql import DEFAULT_TIMEOUT_S, QuerySource, open_source

__all__ = [
    "DEFAULT_CORPUS",
    "DEFAULT_OUT",
    "EXIT_ERROR",
    "EXIT_FINDINGS",
    "EXIT_OK",
    "EXIT_UNREACHABLE",
    "Formatter",
    "Handler",
    "HideNoneFormatter",
    "Subparsers",
    "add_command",
    "add_out_option",
    "add_source_options",
    "add_timeout_option",
    "number_type",
    "positive_int",
    "positive_seconds",
    "source_from_args",
]

EXIT_OK = 0
EXIT_FINDINGS = 1
EXIT_ERROR = 2
EXIT_UNREACHABLE = 3

DEFAULT_CORPUS = Path("corpus")
DEFAULT_OUT = Path("output")

Subparsers: TypeAlias = "argparse._SubParsersAction[argparse.ArgumentParser]"
Handler: TypeAlias = Callable[[argparse.Namespace], int]
"""A command: makes its library call, prints, and returns the exit code."""

N = TypeVar("N", int, float)


class Formatter(argparse.RawDescriptionHelpFormatter, argparse.ArgumentDefaultsHelpFormatter):
    """Keeps the layout of descriptions and epilogs, and shows defaults."""


class HideNoneFormatter(Formatter):
    """:class:`Formatter`, without "(default: None)" after options that have no default."""

    def _get_help_string(self, action: argparse.Action) -> str | None:
        if action.default is None:
            return action.help
        return super()._get_help_string(action)


def add_command(
    subparsers: Subparsers,
    name: str,
    handler: Handler,
    *,
    help: str,
    description: str,
    examples: Sequence[str],
    formatter: type[argparse.HelpFormatter] = Formatter,
) -> argparse.ArgumentParser:
    """Add the command ``name``: a one-line ``help``, a ``description`` and an ``Examples:`` epilog.

    ``handler`` runs when the command is given; the caller adds the command's options.
    """
    parser = subparsers.add_parser(
        name,
        help=help,
        formatter_class=formatter,
        description=description,
        epilog="Examples:\n" + "\n".join(f"  {example}" for example in examples),
    )
    parser.set_defaults(func=handler)
    return parser


# ----------------------------------------------------------------------------------------------
# Option types and options


def number_type(convert: Callable[[str], N], noun: str, valid: Callable[[N], bool], bound: str) -> Callable[[str], N]:
    """An argparse type: ``convert`` the text, refused as "is not ``noun``" or, outside ``valid``, ``bound``.

    >>> number_type(int, "a whole number", lambda n: n > 0, "must be at least 1")("3")
    3
    """

    def parse(text: str) -> N:
        try:
            value = convert(text)
        except ValueError:
            raise argparse.ArgumentTypeError(f"{text!r} is not {noun}") from None
        if not valid(value):
            raise argparse.ArgumentTypeError(f"{text!r} {bound}")
        return value

    return parse


positive_int = number_type(int, "a whole number", lambda n: n >= 1, "must be at least 1")
"""An argparse type: a whole number of at least 1."""
positive_seconds = number_type(float, "a number of seconds", lambda s: s > 0, "must be more than 0 seconds")
"""An argparse type: a number of seconds above 0."""


def add_out_option(parser: argparse.ArgumentParser, help: str = "output folder of kg build") -> None:
    """``--out DIR``: the output folder (of graph.trig, for the commands that read it)."""
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT, metavar="DIR", help=help)


def add_timeout_option(parser: argparse._ActionsContainer, default: float, help: str) -> None:
    """``--timeout-s S``: seconds, more than 0."""
    parser.add_argument("--timeout-s", type=positive_seconds, default=default, metavar="S", help=help)


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
    add_timeout_option(group, DEFAULT_TIMEOUT_S, "seconds to wait for the endpoint's answer")


def source_from_args(args: argparse.Namespace) -> QuerySource:
    """The :class:`kg.sparql.QuerySource` chosen by :func:`add_source_options`' options and ``args.out``.

    Use it as a context manager (an on-disk store holds a lock until closed).
    """
    return open_source(
        getattr(args, "out", DEFAULT_OUT),
        store=getattr(args, "store", None),
        endpoint=getattr(args, "endpoint", None),
        timeout_s=getattr(args, "timeout_s", DEFAULT_TIMEOUT_S),
    )
