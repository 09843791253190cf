"""The graph page in a real browser: Debian's headless Chromium, driven by Playwright, network blocked.

Each page is opened from a file:// URL with every other request aborted, and a test fails on any
request, console error, page error or dialog. Needs `make browser`; without chromium these tests
fail and say so, unless KG_SKIP_BROWSER=1 (then they are skipped). Screenshots go to tmp_path.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pyoxigraph as ox
import pytest

from kg.page import focus, render_html
from kg.page.browser import BrowserReport, headless_chromium, open_page
from kg.pipeline import build_corpus
from kg.sparql import load_dataset
from tests.conftest import SEED_CORPUS
from tests.support.page import graph_counts, hostile_store

if TYPE_CHECKING:
    from playwright.sync_api import Browser, Page

pytestmark = pytest.mark.browser

HOSTILE_CORPUS = Path(__file__).parent.parent / "data" / "hostile_page"
CITED_CLAIM = "kgd:claim/003-75f89f23279217d4/10-121"  # "The February 24, 2022, Russia-Ukraine War shook ..."


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    if shutil.which("chromium") is None:
        if os.environ.get("KG_SKIP_BROWSER") == "1":
            pytest.skip("KG_SKIP_BROWSER=1 and no chromium")
        pytest.fail("Chromium is not installed: run `make browser` (or set KG_SKIP_BROWSER=1 to skip these tests)")
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        pytest.fail("Playwright is not installed: run `make install-test`")
    with headless_chromium() as b:
        yield b


@pytest.fixture(scope="session")
def seed_build(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The seed corpus built with kg build (which writes graph.html through kg.page.render)."""
    out = tmp_path_factory.mktemp("seed")
    build_corpus(SEED_CORPUS, out, use_cache=False)
    return out


@pytest.fixture(scope="session")
def seed_counts(seed_build: Path) -> dict[str, dict[str, int]]:
    return graph_counts(load_dataset(seed_build))


@pytest.fixture
def seed_page(browser: Browser, seed_build: Path) -> Iterator[tuple[Page, BrowserReport]]:
    page, report = open_page(browser, seed_build / "graph.html")
    yield page, report
    page.close()
    assert report.clean, report


def wait_redraw(page: Page, before: int) -> None:
    page.wait_for_function("n => window.kg.draws > n", arg=before, timeout=30_000)


def visible(page: Page) -> list[dict[str, Any]]:
    """The nodes drawn now, with the page's data for each."""
    result: list[dict[str, Any]] = page.evaluate("kg.visible().map(id => kg.node(id))")
    return result


def mentions(page: Page, claim: dict[str, Any], word: str) -> bool:
    """The search's rule: the claim's sentence, or the name of a node it is linked to, holds the word."""
    names: list[str] = page.evaluate(
        "id => JSON.parse(document.getElementById('kg-edges').textContent)"
        ".filter(e => e.from === id || e.to === id).map(e => kg.node(e.from === id ? e.to : e.from))"
        ".map(n => [n.t || ''].concat(n.al || []).join(' '))",
        claim["id"],
    )
    return any(word in text.lower() for text in [claim["t"], *names])


CLICK_POINT = """id => {
  // a point of the node's shape where no other node is drawn on top of it
  const net = kg.network, box = net.getBoundingBox(id);
  const r = document.getElementById("kg-graph").getBoundingClientRect();
  for (const fy of [0.5, 0.3, 0.7, 0.15, 0.85]) {
    for (const fx of [0.5, 0.3, 0.7, 0.15, 0.85]) {
      const d = net.canvasToDOM({x: box.left + fx * (box.right - box.left), y: box.top + fy * (box.bottom - box.top)});
      if (net.getNodeAt(d) === id) return {x: r.left + d.x, y: r.top + d.y};
    }
  }
  return null;
}"""


EDGE_POINT = """id => {
  // a point on the drawn edge with no node on it (vis-network keeps the curve on its edge object)
  const net = kg.network, curve = net.body.edges[id].edgeType;
  const r = document.getElementById("kg-graph").getBoundingClientRect();
  for (const t of [0.5, 0.4, 0.6, 0.3, 0.7, 0.2, 0.8]) {
    const d = net.canvasToDOM(curve.getPoint(t));
    if (net.getNodeAt(d) === undefined && net.getEdgeAt(d) === id) return {x: r.left + d.x, y: r.top + d.y};
  }
  return null;
}"""


def click_node(page: Page, node_id: int) -> None:
    """A real mouse click on the node (zoomed to it first)."""
    page.evaluate(f"kg.focus({node_id})")
    point = page.evaluate(CLICK_POINT, node_id)
    assert point is not None, f"node {node_id} is entirely covered by other nodes"
    page.mouse.click(point["x"], point["y"])


# ----------------------------------------------------------------------------------------------


def test_browser_seed_page_is_offline_and_clean(seed_page: tuple[Page, BrowserReport], tmp_path: Path) -> None:
    page, report = seed_page
    assert report.requests == [] and report.errors == [] and report.dialogs == []
    assert page.evaluate("typeof vis") == "object"
    assert page.evaluate("document.querySelectorAll('canvas').length") >= 1
    assert page.evaluate("document.querySelectorAll('link, [src], iframe, object, embed').length") == 0
    assert page.evaluate("kg.network.physics.options.enabled") is False
    page.screenshot(path=str(tmp_path / "seed.png"))
    assert (tmp_path / "seed.png").stat().st_size > 10_000


def test_browser_draws_every_node_and_edge_per_type(
    seed_page: tuple[Page, BrowserReport], seed_counts: dict[str, dict[str, int]]
) -> None:
    page, _ = seed_page
    drawn = page.evaluate("kg.counts()")
    assert drawn["nodes"] == seed_counts["nodes"]
    assert drawn["edges"] == seed_counts["edges"]
    assert drawn["drawn"] == sum(seed_counts["nodes"].values())
    header = page.inner_text("#kg-counts")
    assert f"{seed_counts['nodes']['claim']} claims" in header
    lacking = sum(1 for n in visible(page) if n["k"] == "claim" and n["st"] != "cited")
    assert page.inner_text("#kg-lacking-count") == f"{lacking} lacking a citation"


def test_browser_click_claim_shows_sentence_claimant_and_source_link(seed_page: tuple[Page, BrowserReport]) -> None:
    page, _ = seed_page
    claim = page.evaluate(f"kg.idOf('{CITED_CLAIM}')")
    click_node(page, claim)
    panel = page.locator("#kg-panel")
    assert panel.get_attribute("data-kind") == "claim"
    sentence = panel.locator('[data-field="sentence"]').inner_text()
    assert sentence.startswith("The February 24, 2022, Russia-Ukraine War shook the global system")
    assert panel.locator('[data-field="claimant"]').inner_text() == "Zeki Talustan Gülten"
    assert "The US Role in NATO-Russia Tensions" in panel.locator('[data-field="article"]').inner_text()
    assert panel.locator('[data-field="status"]').inner_text() == "cited"
    link = panel.locator('a[data-field="source-link"]')
    assert link.get_attribute("href") == (
        "https://edition.cnn.com/europe/live-news/russia-ukraine-war-news-02-24-23/index.html"
    )
    assert link.get_attribute("rel") == "noopener noreferrer"
    contradiction = panel.locator('[data-field="contradiction"]').first
    assert "conflicting values" in contradiction.inner_text()
    assert "began in 2014" in contradiction.locator('[data-field="contradiction-sentence"]').inner_text()


def test_browser_click_contradiction_edge_shows_both_sentences(seed_page: tuple[Page, BrowserReport]) -> None:
    page, _ = seed_page
    edge = page.evaluate("kg.network.body.data.edges.get({filter: e => e.k === 'contradicts'})[0].id")
    first = page.evaluate(f"kg.network.body.data.edges.get({edge}).from")
    page.evaluate(f"kg.focus({first})")
    point = page.evaluate(EDGE_POINT, edge)
    assert point is not None, "the contradiction edge is covered by nodes all along"
    page.mouse.click(point["x"], point["y"])
    panel = page.locator("#kg-panel")
    assert panel.get_attribute("data-kind") == "contradiction"
    assert panel.locator('[data-field="contradiction-sentence"]').count() == 2
    assert panel.locator(".explanation").inner_text()


def test_browser_article_and_source_panels(seed_page: tuple[Page, BrowserReport]) -> None:
    page, _ = seed_page
    click_node(page, page.evaluate("kg.idOf('kgd:article/003-75f89f23279217d4')"))
    panel = page.locator("#kg-panel")
    assert panel.get_attribute("data-kind") == "article"
    assert panel.locator('[data-field="headline"]').inner_text() == "The US Role in NATO-Russia Tensions"
    assert panel.locator('[data-field="authors"]').inner_text() == "Zeki Talustan Gülten"
    assert panel.locator('[data-field="publisher"]').inner_text() == "ANKASAM"
    assert "lacking a citation" in panel.locator('[data-field="claims-count"]').inner_text()
    source = page.evaluate("kg.visible().find(id => kg.node(id).k === 'source' && kg.node(id).url)")
    click_node(page, source)
    assert panel.get_attribute("data-kind") == "source"
    href = panel.locator('a[data-field="source-link"]').get_attribute("href")
    assert href is not None and href.startswith("https://")
    assert panel.locator('[data-field="citing-claim"]').count() >= 1


def test_browser_hover_shows_details_and_actor_click_highlights_its_claims(
    seed_page: tuple[Page, BrowserReport],
) -> None:
    page, _ = seed_page
    putin = page.evaluate("kg.idOf('kgd:actor/vladimir-putin')")
    page.evaluate(f"kg.focus({putin})")
    point = page.evaluate(CLICK_POINT, putin)
    page.mouse.move(point["x"], point["y"])
    page.wait_for_function("() => document.getElementById('kg-panel').getAttribute('data-kind') === 'actor'")
    assert page.locator('#kg-panel [data-field="name"]').inner_text() == "Vladimir Putin"
    page.mouse.click(point["x"], point["y"])
    selected = set(page.evaluate("kg.network.getSelectedNodes()"))
    own = page.evaluate(
        f"kg.network.body.data.edges.get({{filter: e => (e.from === {putin} && e.k === 'claims') || "
        f"(e.to === {putin} && (e.k === 'about' || e.k === 'rejects'))}}).map(e => e.k === 'claims' ? e.to : e.from)"
    )
    assert own and set(own) | {putin} == selected
    assert page.locator('#kg-panel [data-field="actor-claim"]').count() == min(40, len(own))


def test_browser_search_and_filters_narrow_what_is_drawn(
    seed_page: tuple[Page, BrowserReport], seed_counts: dict[str, dict[str, int]]
) -> None:
    page, _ = seed_page
    before = page.evaluate("kg.draws")
    page.fill("#kg-search", "nonsense")
    wait_redraw(page, before)
    claims = [n for n in visible(page) if n["k"] == "claim"]
    assert claims and all(mentions(page, n, "nonsense") for n in claims)
    assert any("nonsense" in n["t"].lower() for n in claims)

    before = page.evaluate("kg.draws")
    page.fill("#kg-search", "Putin")
    page.press("#kg-search", "Enter")
    wait_redraw(page, before)
    putin = page.evaluate("kg.idOf('kgd:actor/vladimir-putin')")
    shown = visible(page)
    claims = [n for n in shown if n["k"] == "claim"]
    assert putin in {n["id"] for n in shown}
    assert 0 < len(claims) < seed_counts["nodes"]["claim"]
    attached = set(page.evaluate(
        f"kg.network.body.data.edges.get({{filter: e => e.from === {putin} || e.to === {putin}}})"
        ".map(e => e.from === " + str(putin) + " ? e.to : e.from)"
    ))
    assert all(n["id"] in attached or mentions(page, n, "putin") for n in claims)

    before = page.evaluate("kg.draws")
    page.select_option("#kg-status", "cited")
    wait_redraw(page, before)
    claims = [n for n in visible(page) if n["k"] == "claim"]
    assert claims and all(n["st"] == "cited" for n in claims)

    page.click("#kg-reset")
    before = page.evaluate("kg.draws")
    page.check("#kg-contra")
    wait_redraw(page, before)
    counts = page.evaluate("kg.counts()")
    assert counts["edges"]["contradicts"] == seed_counts["edges"]["contradicts"]
    contradicting = page.evaluate(
        "new Set(kg.network.body.data.edges.get({filter: e => e.k === 'contradicts'})"
        ".flatMap(e => [e.from, e.to])).size"
    )
    assert counts["nodes"]["claim"] == contradicting

    before = page.evaluate("kg.draws")
    page.uncheck("#kg-contra")
    page.uncheck("input[name=kg-type][value=claim]")
    wait_redraw(page, before)
    assert "claim" not in page.evaluate("kg.counts()")["nodes"]
    page.click("#kg-reset")
    assert page.evaluate("kg.counts()")["nodes"] == seed_counts["nodes"]


def test_browser_article_and_actor_filters(seed_page: tuple[Page, BrowserReport]) -> None:
    page, _ = seed_page
    article = page.evaluate("kg.idOf('kgd:article/003-75f89f23279217d4')")
    before = page.evaluate("kg.draws")
    page.select_option("#kg-article", str(article))
    wait_redraw(page, before)
    claims = {n["id"] for n in visible(page) if n["k"] == "claim"}
    of_article = set(page.evaluate(
        f"JSON.parse(document.getElementById('kg-edges').textContent).filter(e => e.k === 'in' && e.to === {article})"
        ".map(e => e.from)"
    ))
    assert claims == of_article
    page.click("#kg-reset")
    biden = page.evaluate("kg.idOf('kgd:actor/joe-biden')")
    before = page.evaluate("kg.draws")
    page.select_option("#kg-actor", str(biden))
    wait_redraw(page, before)
    by_biden = [n for n in visible(page) if n["k"] == "claim"]
    assert by_biden and all(
        page.evaluate(
            f"JSON.parse(document.getElementById('kg-edges').textContent).some(e => "
            f"(e.from === {biden} && e.to === {c['id']}) || (e.to === {biden} && e.from === {c['id']}))"
        )
        for c in by_biden
    )


def test_browser_hostile_corpus_runs_nothing(browser: Browser, tmp_path: Path) -> None:
    out = tmp_path / "out"
    build_corpus(HOSTILE_CORPUS, out, use_cache=False)
    page, report = open_page(browser, out / "graph.html")
    _probe_hostile_page(page, report, tmp_path / "hostile.png")
    texts = " ".join(n.get("t", "") for n in visible(page))
    assert "<script>window.__kgPwned" in texts  # shown as text, not run
    page.close()


def test_browser_hostile_graph_runs_nothing(browser: Browser, tmp_path: Path) -> None:
    path = tmp_path / "hostile-graph.html"
    render_html(hostile_store(), path)
    page, report = open_page(browser, path)
    _probe_hostile_page(page, report, tmp_path / "hostile-graph.png")
    claim = page.evaluate("kg.idOf('kgd:claim/a/1')")
    click_node(page, claim)
    panel = page.locator("#kg-panel")
    assert "<script>window.__kgPwned=1</script>" in panel.locator('[data-field="sentence"]').inner_text()
    assert panel.locator("a").count() == 0  # the only source URL is javascript:, shown as text
    assert "javascript:window.__kgPwned=4" in panel.locator('[data-field="sources"]').inner_text()
    assert page.evaluate("window.__kgPwned") is None
    page.close()


def _probe_hostile_page(page: Page, report: BrowserReport, screenshot: Path) -> None:
    """Open every node's panel, then check that nothing ran and no unsafe element or link appeared."""
    for node_id in page.evaluate("kg.visible()"):
        page.evaluate(f"void kg.network.emit('hoverNode', {{node: {node_id}}})")
    for edge_id in page.evaluate("kg.network.body.data.edges.getIds()"):
        page.evaluate(f"void kg.network.emit('click', {{nodes: [], edges: [{edge_id!r}]}})")
    page.fill("#kg-search", "script")
    page.press("#kg-search", "Enter")
    page.wait_for_timeout(300)
    page.screenshot(path=str(screenshot))
    assert page.evaluate("window.__kgPwned") is None
    assert report.clean, report
    assert page.evaluate("document.querySelectorAll('script').length") == 6
    unsafe = "img, svg image, iframe, object, embed, [onerror], [onload]"
    assert page.evaluate("s => document.querySelectorAll(s).length", unsafe) == 0
    hrefs = page.evaluate("Array.from(document.querySelectorAll('a')).map(a => a.getAttribute('href'))")
    assert all(h.startswith(("http://", "https://")) for h in hrefs)


def test_browser_large_graph_opens_on_summary_and_expands(
    browser: Browser, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from benchmarks.page import synthetic_store

    store: ox.Store = synthetic_store(2_500)
    path = tmp_path / "large.html"
    stats = render_html(store, path)
    page, report = open_page(browser, path)
    assert page.evaluate("kg.state.mode") == "summary"
    counts = page.evaluate("kg.counts()")
    assert set(counts["nodes"]) <= {"actor", "event"} and counts["drawn"] <= 450
    assert counts["edges"].get("summary-contradicts", 0) > 0
    before = page.evaluate("kg.draws")
    page.click("#kg-mode")
    wait_redraw(page, before)
    assert page.evaluate("kg.counts()")["drawn"] == stats.nodes
    page.close()

    monkeypatch.setattr(focus, "VIEW_LIMIT", 1_000)  # a view bigger than the limit stops there, hubs first
    capped = tmp_path / "capped.html"
    render_html(store, capped)
    page, report = open_page(browser, capped)
    summary = set(page.evaluate("kg.visible()"))
    before = page.evaluate("kg.draws")
    page.click("#kg-mode")
    wait_redraw(page, before)
    shown = set(page.evaluate("kg.visible()"))
    assert summary <= shown and len(shown) <= 1_000
    assert "narrow" in page.inner_text("#kg-view-line") or "search or filter" in page.inner_text("#kg-view-line")
    actor = page.evaluate("kg.idOf('kgd:actor/a0')")
    page.click("#kg-reset")
    before = page.evaluate("kg.draws")
    page.evaluate(f"void kg.network.emit('doubleClick', {{nodes: [{actor}], edges: []}})")
    wait_redraw(page, before)
    shown = page.evaluate("kg.counts()")
    assert 0 < shown["nodes"]["claim"] < stats.counts["claim"]
    page.screenshot(path=str(tmp_path / "large.png"))
    page.close()
    assert report.clean, report
