"""kg.page.render: the page as kg build and kg render write it; hostile text stays data; same graph, same bytes.

tests/page/test_browser.py opens the same pages in headless Chromium.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pyoxigraph as ox
import pytest

from kg import cli
from kg.page import PageStats, render_html
from kg.vocab import DATA_NS, PROV, RDF
from tests.conftest import TINY_EXPECTED
from tests.support.page import HOSTILE, hostile_store, page_data, tiny_store


def test_render_hostile_text_stays_data_and_bad_urls_are_not_links(tmp_path: Path) -> None:
    path = tmp_path / "hostile.html"
    render_html(hostile_store(), path)
    html = path.read_text(encoding="utf-8")
    assert HOSTILE not in html and "<img" not in html and "</script><!--" not in html
    assert len(re.findall(r"<script\b", html)) == 6
    data = page_data(html)
    texts = json.dumps(data, ensure_ascii=False)
    assert texts.count(HOSTILE) >= 8  # every hostile value arrives intact, as data
    urls = [n.get("url") for n in data["nodes"]] + [n.get("wd") for n in data["nodes"]]
    assert all(u is None or u.startswith(("http://", "https://")) for u in urls)
    shown_as_text = {n.get("urlText") for n in data["nodes"]}
    assert shown_as_text >= {"javascript:window.__kgPwned=2", "javascript:window.__kgPwned=4"}


def test_render_empty_and_one_node_graphs_render(tmp_path: Path) -> None:
    assert render_html(ox.Store(), tmp_path / "empty.html").nodes == 0
    store = ox.Store()
    store.add(ox.Quad(ox.NamedNode(DATA_NS + "actor/x"), ox.NamedNode(str(RDF.type)),
                      ox.NamedNode(str(PROV.Agent)), ox.NamedNode(DATA_NS + "graph/e")))
    path = tmp_path / "one.html"
    assert render_html(store, path).nodes == 1
    assert page_data(path.read_text(encoding="utf-8"))["nodes"][0]["iri"] == "kgd:actor/x"


def test_render_same_graph_same_bytes(tmp_path: Path, tiny_page: tuple[Path, PageStats]) -> None:
    again = tmp_path / "again.html"
    render_html(tiny_store(), again)
    assert again.read_bytes() == tiny_page[0].read_bytes()
    other = tmp_path / "other.html"
    code = (
        "import pyoxigraph as ox, sys; from pathlib import Path; from kg.page import render_html; "
        "s = ox.Store(); s.load(path=sys.argv[1], format=ox.RdfFormat.TRIG); render_html(s, Path(sys.argv[2]))"
    )
    env = {**os.environ, "PYTHONHASHSEED": "12345"}
    subprocess.run([sys.executable, "-c", code, str(TINY_EXPECTED / "graph.trig"), str(other)], check=True, env=env)
    assert other.read_bytes() == tiny_page[0].read_bytes()


def test_render_kg_build_writes_the_page(tmp_path: Path, tiny: Any) -> None:
    from kg.pipeline import build_extractions

    extractions, _ = tiny
    summary = build_extractions(extractions, tmp_path)
    page = tmp_path / "graph.html"
    assert str(page) in summary.outputs or page.name in " ".join(summary.outputs)
    assert 'id="kg-nodes"' in page.read_text(encoding="utf-8")


def test_render_cli_render_writes_a_focused_page(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    graph_dir = tmp_path / "out"
    graph_dir.mkdir()
    (graph_dir / "graph.trig").write_bytes((TINY_EXPECTED / "graph.trig").read_bytes())
    out = tmp_path / "focused.html"
    assert cli.main(["render", "--graph", str(graph_dir), "--out", str(out), "--only", "contradictions"]) == 0
    assert "claims in contradictions" in out.read_text(encoding="utf-8")
    assert "-> " + str(out) in capsys.readouterr().err
    assert not list(tmp_path.glob(".focused.html.tmp-*"))
    assert cli.main(["render", "--graph", str(graph_dir), "--actor", "Nobody"]) == 2
    assert "no actor or event" in capsys.readouterr().err
    assert not (graph_dir / "graph.html").exists()
    summary = tmp_path / "summary.html"
    assert cli.main(["render", "--graph", str(graph_dir), "--out", str(summary), "--view", "summary"]) == 0
    assert page_data(summary.read_text(encoding="utf-8"))["page"]["defaultMode"] == "summary"
    assert cli.main(["render", "--graph", str(tmp_path / "missing")]) == 2
    assert "kg build" in capsys.readouterr().err
