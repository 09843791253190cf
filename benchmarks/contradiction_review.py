"""A read-through of the contradictions kg reports on a corpus with a gold annotation.

Builds the corpus (the extraction cache is used), scores it with tests/support/scoring.py, and then
judges every reported finding against the gold: a gold pair (``K..``: right), a near-miss the gold
lists as no contradiction (``N..``: wrong), or neither (``?``: to be read). Prints the figures and
every finding with both sentences, its kind, confidence and explanation.

    python -m benchmarks.contradiction_review tests/data/real/contradictions
    python -m benchmarks.contradiction_review tests/data/real/contradictions --out /tmp/out --json
    python -m benchmarks.contradiction_review corpus --gold tests/data/seeds_gold.json

``review(graph, gold)`` returns ``{"found", "gold", "reported", "right", "wrong", "unjudged",
"findings": [...]}``; ``precision`` is right / (right + wrong), unjudged findings left out until read.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

from rdflib import Graph, URIRef

from kg.pipeline import build_corpus
from kg.vocab import KG, SDO

__all__ = ["review"]

_WORD = re.compile(r"[\w%$€£.,'-]+")


def _norm(text: str) -> str:
    from tests.support.scoring import norm

    return str(norm(text))


def _longest_run(a: list[str], b: list[str]) -> int:
    best, prev = 0, [0] * (len(b) + 1)
    for x in a:
        cur = [0] * (len(b) + 1)
        for j, y in enumerate(b, 1):
            if x == y:
                cur[j] = prev[j - 1] + 1
                best = max(best, cur[j])
        prev = cur
    return best


def _matcher(texts: dict[URIRef, str]) -> Callable[[str], set[URIRef]]:
    """The claims a gold fragment names, as the scorer finds them (the fragment, or 70% of its words in a row)."""
    words = {c: [w.strip(".,") for w in _WORD.findall(t)] for c, t in texts.items()}

    def matching(fragment: str) -> set[URIRef]:
        q = _norm(fragment).strip(" .,;:!?\"'")
        exact = {c for c, t in texts.items() if q in t}
        if exact:
            return exact
        qw = [w.strip(".,") for w in _WORD.findall(q)]
        if len(qw) < 5:
            return set()
        need = max(5, int(0.7 * len(qw) + 0.999))
        return {c for c, ws in words.items() if _longest_run(qw, ws) >= need}

    return matching


def review(graph: Graph, gold: dict[str, Any]) -> dict[str, Any]:
    """Every contradiction of ``graph`` judged against ``gold`` (see the module docstring)."""
    from tests.support.scoring import score

    texts = {URIRef(str(c)): _norm(str(t)) for c, t in graph.subject_objects(SDO.text) if (c, None, None) in graph}
    claims = {c: t for c, t in texts.items() if "/claim/" in str(c)}
    matching = _matcher(claims)
    labelled: list[tuple[str, str, set[URIRef], set[URIRef]]] = []
    for verdict, key in (("right", "contradictions"), ("wrong", "not_contradictions")):
        for pair in gold.get(key, []):
            labelled.append((verdict, pair["id"], matching(pair["a"]), matching(pair["b"])))
    findings: list[dict[str, Any]] = []
    for node in sorted(graph.subjects(predicate=KG.contradictionKind), key=str):
        a, b = graph.value(node, KG.firstClaim), graph.value(node, KG.secondClaim)
        verdict, which = "?", ""
        for v, pid, xs, ys in labelled:
            if (a in xs and b in ys) or (a in ys and b in xs):
                verdict, which = v, pid
                break
        findings.append(
            {
                "verdict": verdict,
                "gold": which,
                "kind": str(graph.value(node, KG.contradictionKind)).rsplit("#", 1)[-1],
                "confidence": float(str(graph.value(node, KG.confidence) or 0)),
                "explanation": str(graph.value(node, SDO.description)),
                "a": str(graph.value(a, SDO.text)),
                "a_claim": str(a),
                "b": str(graph.value(b, SDO.text)),
                "b_claim": str(b),
            }
        )
    findings.sort(key=lambda f: (-float(f["confidence"]), str(f["a_claim"]), str(f["b_claim"])))
    scored = score(graph, gold)
    right = sum(f["verdict"] == "right" for f in findings)
    wrong = sum(f["verdict"] == "wrong" for f in findings)
    return {
        "found": scored["contradictions_found"],
        "gold": scored["contradictions_gold"],
        "missed": [d[1] for d in scored["details"] if d[0] == "MISS contradiction"],
        "reported": len(findings),
        "right": right,
        "wrong": wrong,
        "unjudged": len(findings) - right - wrong,
        "events_found": scored["events_found"],
        "events_gold": scored["events_gold"],
        "findings": findings,
    }


def _print(result: dict[str, Any]) -> None:
    print(
        f"pairs found {result['found']}/{result['gold']}; reported {result['reported']}: "
        f"{result['right']} gold pairs, {result['wrong']} near-misses, {result['unjudged']} to read; "
        f"events {result['events_found']}/{result['events_gold']}; missed {' '.join(result['missed'])}"
    )
    for i, f in enumerate(result["findings"], 1):
        print(f"\n[{i}] {f['verdict']} {f['gold']} {f['kind']} {f['confidence']:.2f}")
        print(f"    A: {f['a']}")
        print(f"    B: {f['b']}")
        print(f"    why: {f['explanation']}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("set", type=Path, help="a folder with corpus/ and gold.json (or a corpus folder and --gold)")
    parser.add_argument("--gold", type=Path, help="the gold file (default: <set>/gold.json)")
    parser.add_argument("--out", type=Path, help="build folder (default: a temporary one)")
    parser.add_argument("--json", action="store_true", help="print the result as JSON")
    args = parser.parse_args(argv)
    gold = json.loads((args.gold or args.set / "gold.json").read_text(encoding="utf-8"))
    corpus = args.set / "corpus" if (args.set / "corpus").is_dir() else args.set
    with tempfile.TemporaryDirectory() as tmp:
        out = args.out or Path(tmp)
        build_corpus(corpus, out)
        graph = Graph()
        graph.parse(out / "graph.ttl", format="turtle")
        result = review(graph, gold)
    if args.json:
        print(json.dumps(result, indent=1, ensure_ascii=False))
    else:
        _print(result)
    return 0


if __name__ == "__main__":
    sys.exit(main())
