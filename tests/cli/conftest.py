"""Fixtures for the command tests: the tiny corpus, built once."""

from __future__ import annotations

from pathlib import Path

import pytest

from kg.cli import main
from tests.conftest import TINY_CORPUS


@pytest.fixture(scope="package")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """An output folder holding the graph of the tiny corpus."""
    out = tmp_path_factory.mktemp("cli") / "out"
    assert main(["build", str(TINY_CORPUS), "--out", str(out), "-q"]) == 0
    return out
