"""The graph page benchmark: size in bytes and time to interactive in headless Chromium.

``run(sizes)`` measures the page of the seed corpus (and saves its screenshot as output/graph.png)
and of synthetic graphs of about ``sizes`` nodes (made by :func:`synthetic_store`, fixed seed): page
bytes, render seconds (read, layout, html), time to interactive of the default view, the time a
search takes to redraw, and for summary pages the time "Show all claims" takes; graphs that open on
the summary but fit one view are measured again opened straight on every claim ("N-claims-view").

    .venv/bin/python -m benchmarks.page              # 1,000 / 5,000 / 20,000 nodes
    .venv/bin/python -m benchmarks.page 5000 --repeats 1

Needs Debian's chromium (``make browser``) and Playwright (``make install-test``).
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import sys
import tempfile
import time
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

import pyoxigraph as ox

from kg.page import VIEW_LIMIT, measure_page, render_html

ROOT = Path(__file__).resolve().parent.parent
SEED_CORPUS = ROOT / "corpus"
SCREENSHOT = ROOT / "output" / "graph.png"
DEFAULT_SIZES = (1_000, 5_000, 20_000)

D = "https://w3id.org/kg/id/"
KG = "https://w3id.org/kg/ns#"
SDO = "https://schema.org/"
PROV = "http://www.w3.org/ns/prov#"
CITO = "http://purl.org/spar/cito/"
RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
RDFS_LABEL = "http://www.w3.org/2000/01/rdf-schema#label"
XSD = "http://www.w3.org/2001/XMLSchema#"

WORDS = (
    "alliance forces border talks sanctions ministry defence troops treaty summit security economy "
    "pressure response military support escalation dialogue ceasefire agreement exercises officials "
    "warned said argued claimed stated reported announced denied rejected confirmed expected "
    "increase decrease percent million billion spending weapons energy trade relations region"
).split()
STATUSES = ("Cited", "SpeakerOnly", "VaguelyAttributed", "Uncited")
KINDS = ("Rebuttal", "OppositePolarity", "ConflictingValues", "OpposingStances")


def synthetic_quads(nodes: int, seed: int = 7) -> Iterator[ox.Quad]:
    """A kg-shaped graph of about ``nodes`` nodes: 2% articles, 75% claims, 10% actors, 5% events,
    the rest cited sources; claimants and topics skewed towards a few actors; ~1% of claims contradict."""
    r = random.Random(seed)
    n_articles = max(1, nodes // 50)
    n_claims = int(nodes * 0.75)
    n_actors = max(2, nodes // 10)
    n_events = max(1, nodes // 20)
    n_sources = max(1, nodes - n_articles - n_claims - n_actors - n_events)
    entities = ox.NamedNode(D + "graph/entities")

    def nn(iri: str) -> ox.NamedNode:
        return ox.NamedNode(iri)

    def lit(text: str, datatype: str | None = None) -> ox.Literal:
        return ox.Literal(text, datatype=nn(XSD + datatype)) if datatype else ox.Literal(text)

    def skewed(n: int) -> int:
        return min(n - 1, int(n * r.random() ** 2.5))

    actors = [nn(f"{D}actor/a{i}") for i in range(n_actors)]
    titles = ("Minister", "General", "Agency", "Party", "State")
    names = [f"{r.choice(titles)} {chr(65 + i % 26)}{i}" for i in range(n_actors)]
    for node, name in zip(actors, names, strict=True):
        yield ox.Quad(node, nn(RDF_TYPE), nn(PROV + "Agent"), entities)
        yield ox.Quad(node, nn(RDF_TYPE), nn(SDO + "Person"), entities)
        yield ox.Quad(node, nn(RDFS_LABEL), lit(name), entities)
    events = [nn(f"{D}event/e{i}") for i in range(n_events)]
    for i, node in enumerate(events):
        yield ox.Quad(node, nn(RDF_TYPE), nn(SDO + "Event"), entities)
        yield ox.Quad(node, nn(SDO + "name"), lit(f"{r.choice(['summit', 'offensive', 'treaty', 'election'])} {i}"),
                      entities)
        yield ox.Quad(node, nn(SDO + "startDate"), lit(str(1990 + i % 35), "gYear"), entities)
        yield ox.Quad(node, nn(KG + "participant"), actors[skewed(n_actors)], entities)
    sources = [nn(f"{D}source/s{i}") for i in range(n_sources)]
    for i, node in enumerate(sources):
        yield ox.Quad(node, nn(RDF_TYPE), nn(SDO + "CreativeWork"), entities)
        yield ox.Quad(node, nn(SDO + "name"), lit(f"Report {i} on {r.choice(WORDS)}"), entities)
        yield ox.Quad(node, nn(SDO + "url"), nn(f"https://example.org/reports/{i}"), entities)
    articles = []
    for i in range(n_articles):
        node = nn(f"{D}article/art{i}")
        graph = nn(f"{D}graph/article/art{i}")
        articles.append((node, graph))
        yield ox.Quad(node, nn(RDF_TYPE), nn(SDO + "NewsArticle"), graph)
        yield ox.Quad(node, nn(SDO + "headline"), lit(" ".join(r.choice(WORDS) for _ in range(7)).capitalize()), graph)
        yield ox.Quad(node, nn(SDO + "datePublished"), lit(f"2024-{1 + i % 12:02d}-{1 + i % 28:02d}", "date"), graph)
        yield ox.Quad(node, nn(SDO + "url"), nn(f"https://news.example.org/{i}"), graph)
        yield ox.Quad(node, nn(SDO + "publisher"), actors[i % n_actors], graph)
    claims = []
    for i in range(n_claims):
        article, graph = articles[r.randrange(n_articles)]
        node = nn(f"{article.value.replace('/article/', '/claim/')}/{i}")
        claims.append((node, graph))
        who = skewed(n_actors)
        words = [r.choice(WORDS) for _ in range(r.randint(14, 30))]
        words.insert(0, names[who])
        yield ox.Quad(node, nn(RDF_TYPE), nn(SDO + "Claim"), graph)
        yield ox.Quad(node, nn(SDO + "text"), lit(" ".join(words) + "."), graph)
        yield ox.Quad(node, nn(SDO + "appearance"), article, graph)
        yield ox.Quad(node, nn(PROV + "wasAttributedTo"), actors[who], graph)
        for _ in range(r.randint(1, 3)):
            target = actors[skewed(n_actors)] if r.random() < 0.7 else events[skewed(n_events)]
            yield ox.Quad(node, nn(SDO + "about"), target, graph)
        status = "Cited" if r.random() < 0.2 else r.choice(STATUSES[1:])
        if status == "Cited":
            for _ in range(r.randint(1, 2)):
                yield ox.Quad(node, nn(CITO + "citesAsEvidence"), sources[r.randrange(n_sources)], graph)
        yield ox.Quad(node, nn(KG + "citationStatus"), nn(KG + status), graph)
        yield ox.Quad(node, nn(KG + "claimType"), nn(KG + "AuthorialStatement"), graph)
    analysis = nn(D + "graph/analysis")
    for i in range(max(1, n_claims // 100)):
        (first, _), (second, _) = r.sample(claims, 2)
        node = nn(f"{D}contradiction/c{i}")
        yield ox.Quad(node, nn(RDF_TYPE), nn(KG + "Contradiction"), analysis)
        yield ox.Quad(node, nn(KG + "contradictionKind"), nn(KG + r.choice(KINDS)), analysis)
        yield ox.Quad(node, nn(KG + "firstClaim"), first, analysis)
        yield ox.Quad(node, nn(KG + "secondClaim"), second, analysis)
        yield ox.Quad(node, nn(SDO + "description"), lit(f"Synthetic contradiction {i}."), analysis)
        yield ox.Quad(first, nn(KG + "contradicts"), second, analysis)
        yield ox.Quad(second, nn(KG + "contradicts"), first, analysis)


def synthetic_store(nodes: int, seed: int = 7) -> ox.Store:
    """An in-memory Store holding :func:`synthetic_quads`."""
    store = ox.Store()
    store.extend(synthetic_quads(nodes, seed))
    return store


def _spread(values: Sequence[float]) -> dict[str, float]:
    return {"median": round(statistics.median(values)), "min": round(min(values)), "max": round(max(values))}


def _measure(html: Path, repeats: int, screenshot: Path | None) -> dict[str, Any]:
    runs = [measure_page(html, screenshot=screenshot if i == 0 else None, expand=True) for i in range(repeats)]
    first = runs[0]
    out: dict[str, Any] = {
        "bytes": first["bytes"],
        "default_view": first["view"],
        "drawn": first["drawn"]["drawn"],
        "ready_ms": _spread([r["ready_ms"] for r in runs]),
        "search_ms": _spread([r["search_ms"] for r in runs]),
        "errors": sorted({e for r in runs for e in r["errors"]}),
        "requests": sorted({u for r in runs for u in r["requests"]}),
    }
    if "expand_ms" in first:
        out["expand_ms"] = _spread([r["expand_ms"] for r in runs])
        out["expanded_drawn"] = first["expanded"]["drawn"]
    return out


def run(sizes: Sequence[int] = DEFAULT_SIZES, *, repeats: int = 3, screenshot: Path | None = SCREENSHOT
        ) -> dict[str, Any]:
    """Measure the seed corpus page and synthetic pages of ``sizes`` nodes; returns a dict of figures."""
    from kg.pipeline import build_corpus
    from kg.sparql import load_dataset

    results: dict[str, Any] = {"command": "python -m benchmarks.page " + " ".join(map(str, sizes)), "pages": {}}
    with tempfile.TemporaryDirectory(prefix="kg-page-bench-") as tmp:
        work = Path(tmp)
        out = work / "seed"
        build_corpus(SEED_CORPUS, out, use_cache=False)
        html = work / "seed.html"
        stats = render_html(load_dataset(out), html)
        seed = {"nodes": stats.nodes, "edges": stats.edges, "render_s": stats.seconds}
        seed.update(_measure(html, repeats, screenshot))
        if screenshot is not None:
            seed["screenshot"] = str(screenshot)
        results["pages"]["seed"] = seed
        for size in sizes:
            store = synthetic_store(size)
            html = work / f"synthetic-{size}.html"
            t0 = time.perf_counter()
            stats = render_html(store, html)
            page = {"nodes": stats.nodes, "edges": stats.edges, "render_s": stats.seconds,
                    "render_total_s": round(time.perf_counter() - t0, 2)}
            page.update(_measure(html, repeats, None))
            results["pages"][str(size)] = page
            if stats.default_view == "summary" and size <= VIEW_LIMIT:
                # the same graph opened straight on every claim (kg render --view claims)
                html = work / f"synthetic-{size}-claims.html"
                stats = render_html(store, html, view="claims")
                whole = {"nodes": stats.nodes, "edges": stats.edges, "render_s": stats.seconds}
                whole.update(_measure(html, repeats, None))
                results["pages"][f"{size}-claims-view"] = whole
    return results


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.page", description=__doc__.split("\n")[0])
    parser.add_argument("sizes", nargs="*", type=int, default=list(DEFAULT_SIZES))
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--no-screenshot", action="store_true")
    args = parser.parse_args(argv)
    result = run(args.sizes, repeats=args.repeats, screenshot=None if args.no_screenshot else SCREENSHOT)
    json.dump(result, sys.stdout, indent=2)
    print()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
