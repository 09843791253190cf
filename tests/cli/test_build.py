"""kg build: its one-line summary, quiet mode, and clean errors."""

from __future__ import annotations

from pathlib import Path

import pytest

from kg.cli import main
from kg.export import build_lock
from tests.conftest import TINY_CORPUS


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


def test_cli_locked_output_exits_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with build_lock(tmp_path):
        assert main(["build", str(TINY_CORPUS), "--out", str(tmp_path)]) == 2
    err = capsys.readouterr().err
    assert err.startswith(f"kg build: error: {tmp_path}: another kg build is writing to this folder (pid ")
    assert "Traceback" not in err


def test_cli_missing_corpus_exits_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["build", str(tmp_path / "nowhere"), "--out", str(tmp_path / "out")]) == 2
    assert "no such corpus folder" in capsys.readouterr().err
