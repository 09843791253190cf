"""kg.sparql.stats: the counts of kg stats are the same from every source."""

from __future__ import annotations

from pathlib import Path

from kg.sparql import graph_stats, load_dataset, open_source


def test_stats_from_any_source(out: Path, tmp_path: Path) -> None:
    with open_source(out, store=f"oxigraph:{tmp_path / 'store'}") as source:
        assert graph_stats(source) == graph_stats(load_dataset(out))
