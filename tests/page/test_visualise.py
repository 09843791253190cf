"""kg.page.visualise without a browser: what the page holds, its safety, focus options, size limits, bytes.

tests/page/test_browser.py opens the same pages in headless Chromium.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pyoxigraph as ox
import pytest

import kg.page.visualise as viz
from kg import cli
from kg.errors import KgError
from kg.page.visualise import read_graph, render_html, safe_url, script_json, select
from tests.conftest import TINY_EXPECTED

ROOT = Path(__file__).resolve().parent.parent.parent

PREFIXES = """
PREFIX schema: <https://schema.org/>
PREFIX prov: <http://www.w3.org/ns/prov#>
PREFIX cito: <http://purl.org/spar/cito/>
PREFIX kg: <https://w3id.org/kg/ns#>
"""
NODE_QUERIES = {
    "article": "?x schema:headline ?h .",
    "claim": "?x a schema:Claim .",
    "actor": "?x a prov:Agent .",
    "event": "?x a schema:Event .",
    "source": "?x a schema:CreativeWork .",
}
EDGE_QUERIES = {
    "claims": "?y a schema:Claim ; prov:wasAttributedTo ?x .",
    "in": "?x a schema:Claim ; schema:appearance ?y .",
    "cites": "?x a schema:Claim ; cito:citesAsEvidence ?y .",
    "about": "?x a schema:Claim ; schema:about ?y .",
    "rejects": "?x a schema:Claim ; kg:rejectsClaimsOf ?y .",
    "participant": "?x a schema:Event ; kg:participant ?y .",
    "publisher": "?x schema:publisher ?y .",
    "author": "?x schema:author ?y .",
    "contradicts": "?x a kg:Contradiction ; kg:firstClaim ?y .",
}


def graph_counts(store: ox.Store) -> dict[str, dict[str, int]]:
    """Nodes per kind and edges per kind as the graph holds them, by SPARQL (independently of kg.page.visualise)."""

    def count(pattern: str, variables: str) -> int:
        inner = f"SELECT DISTINCT {variables} WHERE {{ GRAPH ?g {{ {pattern} }} }}"
        query = f"{PREFIXES} SELECT (COUNT(*) AS ?n) WHERE {{ {inner} }}"
        solutions = store.query(query)
        assert isinstance(solutions, ox.QuerySolutions)
        return int(next(iter(solutions))["n"].value)

    nodes = {kind: count(q, "?x") for kind, q in NODE_QUERIES.items()}
    edges = {kind: count(q, "?x ?y") for kind, q in EDGE_QUERIES.items()}
    return {"nodes": {k: v for k, v in nodes.items() if v}, "edges": {k: v for k, v in edges.items() if v}}


def tiny_store() -> ox.Store:
    store = ox.Store()
    store.load(path=TINY_EXPECTED / "graph.trig", format=ox.RdfFormat.TRIG)
    return store


def page_data(html: str) -> dict[str, Any]:
    """The JSON blocks of a page, parsed."""
    blocks = dict(re.findall(r'<script type="application/json" id="kg-([a-z]+)">(.*?)</script>', html, re.S))
    return {name: json.loads(text) for name, text in blocks.items()}


@pytest.fixture(scope="module")
def tiny_page(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, viz.PageStats]:
    path = tmp_path_factory.mktemp("page") / "graph.html"
    return path, render_html(tiny_store(), path)


# ----------------------------------------------------------------------------------------------
# What the page holds


def test_visualise_page_holds_every_node_and_edge_of_the_graph(tiny_page: tuple[Path, viz.PageStats]) -> None:
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


def test_visualise_claims_carry_sentence_status_and_panel_fields(tiny_page: tuple[Path, viz.PageStats]) -> None:
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


def test_visualise_layout_is_precomputed_and_physics_off(tiny_page: tuple[Path, viz.PageStats]) -> None:
    path, _ = tiny_page
    data = page_data(path.read_text(encoding="utf-8"))
    assert data["options"]["physics"]["enabled"] is False
    assert all(isinstance(n["x"], int) and isinstance(n["y"], int) for n in data["nodes"])
    assert len({(n["x"], n["y"]) for n in data["nodes"]}) > len(data["nodes"]) * 0.9


# ----------------------------------------------------------------------------------------------
# Self-contained, offline, safe


def test_visualise_page_loads_nothing_from_the_network(tiny_page: tuple[Path, viz.PageStats]) -> None:
    html = tiny_page[0].read_text(encoding="utf-8")
    markup = re.sub(r"<(script|style)\b[^>]*>.*?</\1>", "", html, flags=re.S)
    assert not re.search(r"<(link|iframe|object|embed|img|base)\b", markup, re.I)
    assert not re.search(r"\b(src|href|action|srcset)\s*=", markup, re.I)  # no element points anywhere
    assert not re.search(r"@import|url\(\s*(?!['\"]?data:)", html)  # vis-network's CSS has data: images only
    assert "sourceMappingURL" not in html
    scripts = re.findall(r"<script([^>]*)>", html)
    assert scripts.count("") == 2 and len(scripts) == 6  # vis-network, the page's script, 4 JSON blocks


def test_visualise_csp_allows_only_the_two_inline_scripts(tiny_page: tuple[Path, viz.PageStats]) -> None:
    html = tiny_page[0].read_text(encoding="utf-8")
    csp = re.search(r'http-equiv="Content-Security-Policy" content="([^"]+)"', html)
    assert csp is not None
    policy = csp.group(1)
    assert "default-src 'none'" in policy and "img-src data:" in policy and "'unsafe-inline'" not in policy.split(
        "style-src"
    )[0]
    bodies = re.findall(r"<script>(.*?)</script>", html, re.S)
    assert len(bodies) == 2
    import base64

    for body in bodies:
        digest = base64.b64encode(hashlib.sha256(body.encode("utf-8")).digest()).decode()
        assert f"'sha256-{digest}'" in policy


def test_visualise_page_script_never_parses_html() -> None:
    script = (viz.TEMPLATES / "graph.js").read_text(encoding="utf-8")
    for sink in ("innerHTML", "outerHTML", "insertAdjacentHTML", "document.write", "eval(", "new Function"):
        assert sink not in script


@pytest.mark.parametrize(
    "value",
    [
        "</script><script>alert(1)</script>",
        "<!-- <script>",
        "a & b > c < d",
        "line\u2028separator\u2029paragraph",
        "\"quotes\" and 'apostrophes' and \\backslash",
        "emoji 🇬🇧 and NUL \x00",
    ],
    ids=["close-script", "comment", "amp-lt-gt", "u2028", "quotes", "astral-nul"],
)
def test_visualise_script_json_escapes_and_round_trips(value: str) -> None:
    text = str(script_json({"t": value}))
    assert not set("<>&\u2028\u2029") & set(text)
    assert json.loads(text) == {"t": value}


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
def test_visualise_safe_url_links_only_http(url: str, ok: bool) -> None:
    assert (safe_url(url) == url) is ok


HOSTILE = "<script>window.__kgPwned=1</script><img src=x onerror=alert(1)>"


def hostile_store() -> ox.Store:
    """A hand-made graph with hostile text in every field and non-http URLs where kg build would not put them."""
    trig = f"""
@prefix schema: <https://schema.org/> . @prefix prov: <http://www.w3.org/ns/prov#> .
@prefix cito: <http://purl.org/spar/cito/> . @prefix kg: <https://w3id.org/kg/ns#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> . @prefix owl: <http://www.w3.org/2002/07/owl#> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> . @prefix d: <https://w3id.org/kg/id/> .
d:graph\\/a {{
  d:article\\/a schema:headline {json.dumps("Title " + HOSTILE)} ;
      schema:url <javascript:window.__kgPwned=2> ; schema:datePublished "{HOSTILE}" .
  d:claim\\/a\\/1 a schema:Claim ; schema:text {json.dumps("Claim </script><!-- " + HOSTILE)} ;
      schema:appearance d:article\\/a ; prov:wasAttributedTo d:actor\\/x ; cito:citesAsEvidence d:source\\/s ;
      kg:citationStatus kg:Cited ; kg:cue "{HOSTILE}" .
  d:claim\\/a\\/2 a schema:Claim ; schema:text "Other claim" ; schema:appearance d:article\\/a ;
      prov:wasAttributedTo d:actor\\/x ; schema:about d:event\\/e ; kg:citationStatus kg:Uncited .
}}
d:graph\\/entities {{
  d:actor\\/x a prov:Agent , schema:Person ; rdfs:label "Name {HOSTILE}" ; skos:altLabel "{HOSTILE}" ;
      owl:sameAs <javascript:window.__kgPwned=3> .
  d:event\\/e a schema:Event ; schema:name "Event {HOSTILE}" ; kg:eventKind "{HOSTILE}" ; schema:startDate "{HOSTILE}" .
  d:source\\/s a schema:CreativeWork ; schema:name "Source {HOSTILE}" ; schema:url <javascript:window.__kgPwned=4> .
}}
d:graph\\/analysis {{
  d:contradiction\\/c a kg:Contradiction ; kg:firstClaim d:claim\\/a\\/1 ; kg:secondClaim d:claim\\/a\\/2 ;
      kg:contradictionKind kg:Rebuttal ; schema:description "Why {HOSTILE}" ; kg:modalityContrast "{HOSTILE}" .
}}
"""
    store = ox.Store()
    store.load(trig.encode("utf-8"), format=ox.RdfFormat.TRIG)
    return store


def test_visualise_hostile_text_stays_data_and_bad_urls_are_not_links(tmp_path: Path) -> None:
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


# ----------------------------------------------------------------------------------------------
# Focused pages and big graphs


def test_visualise_empty_and_one_node_graphs_render(tmp_path: Path) -> None:
    assert render_html(ox.Store(), tmp_path / "empty.html").nodes == 0
    store = ox.Store()
    store.add(ox.Quad(ox.NamedNode("https://w3id.org/kg/id/actor/x"),
                      ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type"),
                      ox.NamedNode("http://www.w3.org/ns/prov#Agent"), ox.NamedNode("https://w3id.org/kg/id/graph/e")))
    path = tmp_path / "one.html"
    assert render_html(store, path).nodes == 1
    assert page_data(path.read_text(encoding="utf-8"))["nodes"][0]["iri"] == "kgd:actor/x"


def test_visualise_select_actor_by_name_alias_or_id() -> None:
    graph = read_graph(tiny_store())
    by_name = select(graph, actor="jens stoltenberg")
    claims = [n for n in by_name.nodes.values() if n.kind == "claim"]
    assert claims and len(claims) < graph.count("claim")
    iri = next(i for i, n in graph.nodes.items() if n.fields.get("t") == "Jens Stoltenberg")
    assert set(select(graph, actor=iri).nodes) == set(by_name.nodes)
    assert set(select(graph, actor=iri.rsplit("/", 1)[-1]).nodes) == set(by_name.nodes)
    assert by_name.focus == ["claims by or about Jens Stoltenberg"]


def test_visualise_select_unknown_actor_is_a_clear_error() -> None:
    with pytest.raises(KgError, match=r"--actor 'Nobody': no actor or event .* Fix:"):
        select(read_graph(tiny_store()), actor="Nobody")
    with pytest.raises(KgError, match="--only 'everything'"):
        select(read_graph(tiny_store()), only="everything")


def test_visualise_select_only_contradictions_keeps_both_sides() -> None:
    graph = read_graph(tiny_store())
    only = select(graph, only="contradictions")
    claims = {i for i, n in only.nodes.items() if n.kind == "claim"}
    assert claims == {c.first for c in graph.contradictions} | {c.second for c in graph.contradictions}
    assert len(only.contradictions) == len(graph.contradictions)


def test_visualise_select_only_uncited_and_article() -> None:
    graph = read_graph(tiny_store())
    uncited = select(graph, only="uncited")
    statuses = {n.fields["st"] for n in uncited.nodes.values() if n.kind == "claim"}
    assert "uncited" in statuses  # counterparts of contradictions may be cited; the rest is not
    article = next(n for n in graph.nodes.values() if n.kind == "article")
    one = select(graph, article=article.fields["t"])
    assert [n.iri for n in one.nodes.values() if n.kind == "article"] == [article.iri]


def test_visualise_big_graph_opens_on_the_summary_view(tmp_path: Path) -> None:
    from benchmarks.page import synthetic_store

    path = tmp_path / "big.html"
    stats = render_html(synthetic_store(2_000), path)
    assert stats.default_view == "summary" and stats.nodes > viz.SUMMARY_THRESHOLD
    page = page_data(path.read_text(encoding="utf-8"))["page"]
    summary = page["summary"]
    assert 0 < len(summary["nodes"]) <= viz.SUMMARY_LIMIT + 50
    kinds = {n["id"]: n["k"] for n in page_data(path.read_text(encoding="utf-8"))["nodes"]}
    assert {kinds[i] for i in summary["nodes"]} <= {"actor", "event"}
    assert any(e["k"] == "summary-contradicts" for e in summary["edges"])
    assert len(summary["positions"]) == len(summary["nodes"])  # laid out on its own, not in the claims' middle
    assert len({tuple(p) for p in summary["positions"]}) > len(summary["nodes"]) * 0.9


def test_visualise_page_holds_at_most_the_embed_limit(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from benchmarks.page import synthetic_store

    monkeypatch.setattr(viz, "EMBED_LIMIT", 600)
    stats = render_html(synthetic_store(1_000), tmp_path / "capped.html")
    assert stats.nodes <= 600
    assert "This page holds" in stats.notice and "kg render --actor" in stats.notice
    data = page_data((tmp_path / "capped.html").read_text(encoding="utf-8"))
    assert sum(1 for n in data["nodes"] if n["k"] == "actor") == stats.counts["actor"]  # every actor kept


# ----------------------------------------------------------------------------------------------
# Bytes, build, command, vendored files


def test_visualise_same_graph_same_bytes(tmp_path: Path, tiny_page: tuple[Path, viz.PageStats]) -> None:
    again = tmp_path / "again.html"
    render_html(tiny_store(), again)
    assert again.read_bytes() == tiny_page[0].read_bytes()
    other = tmp_path / "other.html"
    code = (
        "import pyoxigraph as ox, sys; from pathlib import Path; from kg.page.visualise import render_html; "
        "s = ox.Store(); s.load(path=sys.argv[1], format=ox.RdfFormat.TRIG); render_html(s, Path(sys.argv[2]))"
    )
    env = {**os.environ, "PYTHONHASHSEED": "12345"}
    subprocess.run([sys.executable, "-c", code, str(TINY_EXPECTED / "graph.trig"), str(other)], check=True, env=env)
    assert other.read_bytes() == tiny_page[0].read_bytes()


def test_visualise_kg_build_writes_the_page(tmp_path: Path, tiny: Any) -> None:
    from kg.pipeline import build_extractions

    extractions, _ = tiny
    summary = build_extractions(extractions, tmp_path)
    page = tmp_path / "graph.html"
    assert str(page) in summary.outputs or page.name in " ".join(summary.outputs)
    assert 'id="kg-nodes"' in page.read_text(encoding="utf-8")


def test_visualise_cli_render_writes_a_focused_page(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
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


def test_visualise_vendored_files_match_versions_md() -> None:
    record = (viz.VENDOR / "VERSIONS.md").read_text(encoding="utf-8")
    rows = re.findall(r"^\| `([^`]+)` \|.*\| `([0-9a-f]{64})` \|$", record, re.M)
    files = sorted(
        str(p.relative_to(viz.VENDOR)) for p in viz.VENDOR.rglob("*") if p.is_file() and p.name != "VERSIONS.md"
    )
    assert sorted(name for name, _ in rows) == files
    for name, digest in rows:
        assert hashlib.sha256((viz.VENDOR / name).read_bytes()).hexdigest() == digest, name
    assert viz.VIS_VERSION in record
    assert f"@version {viz.VIS_VERSION}" in viz.VIS_JS.read_text(encoding="utf-8")[:400]
