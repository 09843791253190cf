"""cli: in-process runs of kg build, validate and stats; exit codes and error output."""

from __future__ import annotations

import argparse
import json
from pathlib import Path

import pytest

from kg import cli
from kg.cli import main
from kg.export import build_lock
from tests.conftest import TINY_CORPUS


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("cli") / "out"
    assert main(["build", str(TINY_CORPUS), "--out", str(out), "-q"]) == 0
    return out


def test_cli_build_prints_a_one_line_summary(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["build", str(TINY_CORPUS), "--out", str(tmp_path / "out")]) == 0
    captured = capsys.readouterr()
    assert captured.out == ""
    lines = captured.err.strip().splitlines()
    assert len(lines) == 1
    assert lines[0].startswith("kg build: 6 articles, ")
    assert " claims, " in lines[0] and " contradiction" in lines[0]
    assert lines[0].endswith(" s)") and f"-> {tmp_path / 'out'}/ (" in lines[0]


def test_cli_build_quiet_prints_nothing(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["build", str(TINY_CORPUS), "--out", str(tmp_path / "out"), "-q"]) == 0
    assert capsys.readouterr() == ("", "")


def test_cli_validate_conformant_graph(built: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["validate", "--out", str(built)]) == 0
    out = capsys.readouterr().out
    assert out.splitlines()[0] == f"graph: {built / 'graph.trig'}"
    assert out.splitlines()[1].startswith("conforms: yes (0 violations, ")


def test_cli_validate_non_conformant_graph_exits_1(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "graph.trig").write_text(
        "<https://w3id.org/kg/id/graph/x> {\n  <https://w3id.org/kg/id/claim/x/0-1> a <https://schema.org/Claim> .\n}\n"
    )
    assert main(["validate", "--out", str(tmp_path)]) == 1
    out = capsys.readouterr().out
    assert "conforms: no" in out
    assert "Violation [schema:text]" in out


def test_cli_stats_table(built: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["stats", "--out", str(built)]) == 0
    out = capsys.readouterr().out
    assert "schema:Claim" in out and "citation status" in out and "kgd:article/quoted" in out


def test_cli_stats_json(built: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["stats", "--out", str(built), "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["classes"]["schema:Claim"] == sum(a["claims"] for a in data["articles"])
    assert sum(data["citation_status"].values()) == data["classes"]["schema:Claim"]
    assert len(data["articles"]) == 6
    assert all(0 <= a["citation_rate"] <= 1 for a in data["articles"])
    publishers = data["publishers"]
    assert sum(p["articles"] for p in publishers) == 6
    assert sum(p["claims"] for p in publishers) == data["classes"]["schema:Claim"]
    assert sum(p["cited"] for p in publishers) == sum(a["cited"] for a in data["articles"])


def test_cli_stats_store_gives_the_embedded_counts(
    built: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["stats", "--out", str(built), "--format", "json"]) == 0
    embedded = json.loads(capsys.readouterr().out)
    assert main(["stats", "--out", str(built), "--format", "json", "--store", f"oxigraph:{tmp_path / 's'}"]) == 0
    assert json.loads(capsys.readouterr().out) == embedded
    assert main(["stats", "--out", str(built), "--store", f"oxigraph:{tmp_path / 's'}"]) == 0
    table = capsys.readouterr().out
    assert "citation status" in table and "publisher" in table


@pytest.mark.parametrize("command", ["validate", "stats"])
def test_cli_no_graph_yet_exits_2_with_a_fix(tmp_path: Path, command: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main([command, "--out", str(tmp_path)]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err == (
        f"kg {command}: error: no graph in {tmp_path}: run `kg build` first "
        "(or give the folder it wrote to with --out)\n"
    )


def test_cli_locked_output_exits_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with build_lock(tmp_path):
        assert main(["build", str(TINY_CORPUS), "--out", str(tmp_path)]) == 2
    err = capsys.readouterr().err
    assert err.startswith(f"kg build: error: {tmp_path}: another kg build is writing to this folder (pid ")
    assert "Traceback" not in err


def test_cli_missing_corpus_exits_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["build", str(tmp_path / "nowhere"), "--out", str(tmp_path / "out")]) == 2
    assert "no such corpus folder" in capsys.readouterr().err


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
