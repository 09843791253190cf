"""kg.page.read: the page holds every node and edge of the graph, with the fields its panel shows."""

from __future__ import annotations

from pathlib import Path

import pytest

from kg.page import PageStats
from kg.page.read import read_graph, safe_url
from tests.support.page import graph_counts, page_data, tiny_store


def test_read_page_holds_every_node_and_edge_of_the_graph(tiny_page: tuple[Path, PageStats]) -> None:
    path, _ = tiny_page
    data = page_data(path.read_text(encoding="utf-8"))
    nodes: dict[str, int] = {}
    for node in data["nodes"]:
        nodes[node["k"]] = nodes.get(node["k"], 0) + 1
    edges: dict[str, int] = {}
    for edge in data["edges"]:
        edges[edge["k"]] = edges.get(edge["k"], 0) + 1
    expected = graph_counts(tiny_store())
    assert nodes == expected["nodes"]
    assert edges == expected["edges"]
    assert expected["edges"]["contradicts"] >= 1


def test_read_claims_carry_sentence_status_and_panel_fields(tiny_page: tuple[Path, PageStats]) -> None:
    path, stats = tiny_page
    html = path.read_text(encoding="utf-8")
    data = page_data(html)
    claims = [n for n in data["nodes"] if n["k"] == "claim"]
    assert all(c["t"] and c["st"] in {"cited", "speaker", "vague", "uncited"} for c in claims)
    lacking = [c for c in claims if c["st"] != "cited"]
    assert all(c["group"] == "claimLacking" for c in lacking)
    assert all(c["group"] == "claim" for c in claims if c["st"] == "cited")
    assert f"{len(lacking)} lacking a citation" in html  # counted in the header
    assert stats.counts["lacking"] == len(lacking)
    contradiction = data["page"]["contradictions"][0]
    assert contradiction["explanation"] and contradiction["kindLabel"] != "contradiction"
    ids = {n["id"] for n in claims}
    assert contradiction["a"] in ids and contradiction["b"] in ids


def test_read_claim_text_read_later_is_the_same() -> None:
    from kg.page.read import fill_claims

    full = read_graph(tiny_store())
    later = read_graph(tiny_store(), claim_text=False)
    assert all(set(n.fields) == {"st"} for n in later.nodes.values() if n.kind == "claim")
    fill_claims(tiny_store(), later)
    assert {i: n.fields for i, n in later.nodes.items()} == {i: n.fields for i, n in full.nodes.items()}


@pytest.mark.parametrize(
    ("url", "ok"),
    [
        ("https://example.org/a?b=1&c=%3C", True),
        ("http://example.org", True),
        ("HTTPS://EXAMPLE.ORG/x", True),
        ("javascript:alert(1)", False),
        ("JaVaScRiPt:alert(1)", False),
        (" javascript:alert(1)", False),
        ("data:text/html,<script>alert(1)</script>", False),
        ("vbscript:x", False),
        ("//example.org/x", False),
        ("https://example.org/<script>", False),
        ("https://exa mple.org", False),
        ("http:///nohost", False),
        ("", False),
    ],
)
def test_read_safe_url_links_only_http(url: str, ok: bool) -> None:
    assert (safe_url(url) == url) is ok
