"""validate: ``kg validate``, the built graph against the SHACL shapes (exit 1 when it does not conform)."""

from __future__ import annotations

import argparse

from kg.cli.common import EXIT_FINDINGS, EXIT_OK, Subparsers, add_command, add_out_option
from kg.sparql import graph_file, to_rdflib

__all__ = ["add_parser", "cmd_validate"]


def cmd_validate(args: argparse.Namespace) -> int:
    from kg.validate import validate

    report = validate(to_rdflib(args.out))
    print(f"graph: {graph_file(args.out)}")
    print(report.text)
    return EXIT_OK if report.conforms else EXIT_FINDINGS


def add_parser(subparsers: Subparsers) -> None:
    """Add ``kg validate``."""
    parser = add_command(
        subparsers, "validate", cmd_validate, help="check the built graph against the SHACL shapes",
        description="Validate <out>/graph.trig against ontology/shapes.ttl. Exit 0 when it conforms "
        "(warnings, such as claims that cite no source, are reported but allowed), 1 when not.",
        examples=["kg validate", "kg validate --out my-output/"],
    )
    add_out_option(parser)
