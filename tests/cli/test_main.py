"""kg: the parser (commands, help, version), exit codes and error output."""

from __future__ import annotations

import argparse
from pathlib import Path

import pytest

from kg import cli
from kg.cli import main
from tests.conftest import TINY_CORPUS


@pytest.mark.parametrize("command", ["validate", "stats"])
def test_cli_no_graph_yet_exits_2_with_a_fix(tmp_path: Path, command: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main([command, "--out", str(tmp_path)]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err == (
        f"kg {command}: error: no graph in {tmp_path}: run `kg build` first "
        "(or give the folder it wrote to with --out)\n"
    )


@pytest.mark.parametrize(
    "argv",
    [
        [],
        ["nonsense"],
        ["build", "--workers", "0"],
        ["build", "--workers", "two"],
        ["stats", "--format", "xml"],
    ],
    ids=["no-command", "unknown-command", "zero-workers", "word-workers", "bad-format"],
)
def test_cli_usage_errors_exit_2(argv: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    assert main(argv) == 2
    err = capsys.readouterr().err
    assert "usage: kg" in err and "Traceback" not in err


def test_cli_help_and_version_exit_0(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--version"]) == 0
    assert capsys.readouterr().out.startswith("kg ")
    for command in ("build", "validate", "stats"):
        assert main([command, "--help"]) == 0
        assert "Examples:" in capsys.readouterr().out


def test_cli_lists_the_commands_in_the_order_of_command_modules() -> None:
    commands = next(a for a in cli.build_parser()._actions if isinstance(a, argparse._SubParsersAction))
    assert list(commands.choices) == [
        "build", "validate", "stats", "contradictions", "uncited", "query", "push", "render", "serve"
    ]


def test_cli_adds_listed_commands(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    """A module listed in COMMAND_MODULES with add_parser() becomes a command."""
    import types

    module = types.ModuleType("kg.cli.hello")

    def hello(args: argparse.Namespace) -> int:
        print(f"hello {args.name}")
        return 0

    def add_parser(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
        parser = subparsers.add_parser("hello", help="say hello")
        parser.add_argument("name")
        parser.set_defaults(func=hello)

    module.add_parser = add_parser  # type: ignore[attr-defined]
    monkeypatch.setitem(__import__("sys").modules, "kg.cli.hello", module)
    monkeypatch.setattr(cli, "COMMAND_MODULES", ("kg.cli.hello",))
    assert main(["hello", "analyst", "-v"]) == 0
    assert capsys.readouterr().out == "hello analyst\n"


def test_cli_unexpected_errors_keep_their_traceback(monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(*args: object, **kwargs: object) -> None:
        raise RuntimeError("a bug")

    monkeypatch.setattr("kg.pipeline.build_corpus", broken)
    with pytest.raises(RuntimeError, match="a bug"):
        main(["build", str(TINY_CORPUS), "--out", "unused"])
