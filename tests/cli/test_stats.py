"""kg stats: the table and JSON, the same from the embedded graph and an on-disk store."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from kg.cli import main


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
