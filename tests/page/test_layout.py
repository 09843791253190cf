"""kg.page.layout: positions worked out once, in whole pixels, the same for the same graph."""

from __future__ import annotations

from pathlib import Path

from kg.page import PageStats
from kg.page.layout import EDGE_LENGTH, layout
from tests.support.page import page_data


def test_layout_is_precomputed_and_physics_off(tiny_page: tuple[Path, PageStats]) -> None:
    path, _ = tiny_page
    data = page_data(path.read_text(encoding="utf-8"))
    assert data["options"]["physics"]["enabled"] is False
    assert all(isinstance(n["x"], int) and isinstance(n["y"], int) for n in data["nodes"])
    assert len({(n["x"], n["y"]) for n in data["nodes"]}) > len(data["nodes"]) * 0.9


def test_layout_is_seeded_and_scaled_to_the_edge_length() -> None:
    edges = [(0, 1, 1.0), (1, 2, 1.0), (2, 0, 0.5), (2, 3, 0.25), (3, 3, 1.0)]
    positions = layout(4, edges)
    assert positions == layout(4, edges) and len(set(positions)) == 4
    assert layout(0, []) == []
    wide = layout(4, edges, edge_length=2 * EDGE_LENGTH)
    assert max(abs(x) for x, _ in wide) > max(abs(x) for x, _ in positions)
