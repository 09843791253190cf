"""kg validate: exit 0 for a conformant graph, 1 for violations."""

from __future__ import annotations

from pathlib import Path

import pytest

from kg.cli import main


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
