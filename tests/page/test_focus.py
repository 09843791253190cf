"""kg.page.focus: focused pages (--actor, --article, --only), the page's size limit and the summary view."""

from __future__ import annotations

from pathlib import Path

import pytest

from kg.errors import KgError
from kg.page import focus, render_html
from kg.page.focus import select
from kg.page.read import read_graph
from tests.support.page import page_data, tiny_store


def test_focus_select_actor_by_name_alias_or_id() -> None:
    graph = read_graph(tiny_store())
    by_name = select(graph, actor="jens stoltenberg")
    claims = [n for n in by_name.nodes.values() if n.kind == "claim"]
    assert claims and len(claims) < graph.count("claim")
    iri = next(i for i, n in graph.nodes.items() if n.fields.get("t") == "Jens Stoltenberg")
    assert set(select(graph, actor=iri).nodes) == set(by_name.nodes)
    assert set(select(graph, actor=iri.rsplit("/", 1)[-1]).nodes) == set(by_name.nodes)
    assert by_name.focus == ["claims by or about Jens Stoltenberg"]


def test_focus_select_unknown_actor_is_a_clear_error() -> None:
    with pytest.raises(KgError, match=r"--actor 'Nobody': no actor or event .* Fix:"):
        select(read_graph(tiny_store()), actor="Nobody")
    with pytest.raises(KgError, match="--only 'everything'"):
        select(read_graph(tiny_store()), only="everything")


def test_focus_select_only_contradictions_keeps_both_sides() -> None:
    graph = read_graph(tiny_store())
    only = select(graph, only="contradictions")
    claims = {i for i, n in only.nodes.items() if n.kind == "claim"}
    assert claims == {c.first for c in graph.contradictions} | {c.second for c in graph.contradictions}
    assert len(only.contradictions) == len(graph.contradictions)


def test_focus_select_only_uncited_and_article() -> None:
    graph = read_graph(tiny_store())
    uncited = select(graph, only="uncited")
    statuses = {n.fields["st"] for n in uncited.nodes.values() if n.kind == "claim"}
    assert "uncited" in statuses  # counterparts of contradictions may be cited; the rest is not
    article = next(n for n in graph.nodes.values() if n.kind == "article")
    one = select(graph, article=article.fields["t"])
    assert [n.iri for n in one.nodes.values() if n.kind == "article"] == [article.iri]


def test_focus_unknown_view_is_a_clear_error() -> None:
    focus.check_view(None)
    focus.check_view("summary")
    with pytest.raises(KgError, match="view 'everything': choose one of summary, claims"):
        focus.check_view("everything")


def test_focus_big_graph_opens_on_the_summary_view(tmp_path: Path) -> None:
    from benchmarks.page import synthetic_store

    path = tmp_path / "big.html"
    stats = render_html(synthetic_store(2_000), path)
    assert stats.default_view == "summary" and stats.nodes > focus.SUMMARY_THRESHOLD
    page = page_data(path.read_text(encoding="utf-8"))["page"]
    summary = page["summary"]
    assert 0 < len(summary["nodes"]) <= focus.SUMMARY_LIMIT + 50
    kinds = {n["id"]: n["k"] for n in page_data(path.read_text(encoding="utf-8"))["nodes"]}
    assert {kinds[i] for i in summary["nodes"]} <= {"actor", "event"}
    assert any(e["k"] == "summary-contradicts" for e in summary["edges"])
    assert len(summary["positions"]) == len(summary["nodes"])  # laid out on its own, not in the claims' middle
    assert len({tuple(p) for p in summary["positions"]}) > len(summary["nodes"]) * 0.9


def test_focus_page_holds_at_most_the_embed_limit(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from benchmarks.page import synthetic_store

    monkeypatch.setattr(focus, "EMBED_LIMIT", 600)
    stats = render_html(synthetic_store(1_000), tmp_path / "capped.html")
    assert stats.nodes <= 600
    assert "This page holds" in stats.notice and "kg render --actor" in stats.notice
    data = page_data((tmp_path / "capped.html").read_text(encoding="utf-8"))
    assert sum(1 for n in data["nodes"] if n["k"] == "actor") == stats.counts["actor"]  # every actor kept
