"""Fixtures of the graph page tests."""

from __future__ import annotations

from pathlib import Path

import pytest

from kg.page import PageStats, render_html
from tests.support.page import tiny_store


@pytest.fixture(scope="module")
def tiny_page(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, PageStats]:
    """The page of the tiny test corpus's graph, rendered once per test module, and its statistics."""
    path = tmp_path_factory.mktemp("page") / "graph.html"
    return path, render_html(tiny_store(), path)
