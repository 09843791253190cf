"""Fixtures for kg.sparql: a copy of the hand-made graph to change, and a stub SPARQL server."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.conftest import DATA
from tests.support.servers import Stub, stub_server

HAND = DATA / "queries"
"""The hand-made graph (tests/data/queries/graph.trig) the ready queries are checked on."""


@pytest.fixture
def out(tmp_path: Path) -> Path:
    """An output folder holding the hand-made graph."""
    folder = tmp_path / "out"
    folder.mkdir()
    shutil.copy(HAND / "graph.trig", folder / "graph.trig")
    return folder


@pytest.fixture
def stub() -> Iterator[Stub]:
    """A stub HTTP server on loopback that answers what the test tells it to."""
    with stub_server() as state:
        yield state
