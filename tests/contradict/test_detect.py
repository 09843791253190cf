"""Contradiction detection as a whole: one edge per disagreement and per party, a fixed order, and the
seed and blind-set targets scored like the hidden articles."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from rdflib import Graph

from kg.contradict import find_contradictions
from kg.pipeline import build_corpus
from tests.support import scoring
from tests.support.contradict import ATTACK, NO_ATTACK, corpus_of


def test_polarity_keeps_one_edge_per_disagreement() -> None:
    """Three statements by Putin against one by Biden: one edge, to the direct quote, counting the others."""
    corpus = corpus_of(
        {
            "a1": [
                {
                    "text": "Biden warned that Russia would attack NATO.",
                    "claimant": "joe-biden",
                    "modality": "predictive",
                    "relations": (ATTACK,),
                },
                {
                    "text": "Putin added that Russia has no intention of going to war with NATO.",
                    "claimant": "vladimir-putin",
                    "relations": (NO_ATTACK,),
                },
                {
                    "text": "Russia has no reason to fight NATO.",
                    "claimant": "vladimir-putin",
                    "claim_type": "quote",
                    "relations": (NO_ATTACK,),
                },
                {
                    "text": "According to him, Russia has no interest in a war with NATO.",
                    "claimant": "vladimir-putin",
                    "relations": (NO_ATTACK,),
                },
            ]
        }
    )
    quote = next(c for c in corpus.extractions[0].claims if c.claim_type == "quote")
    found = find_contradictions(corpus)
    assert [k.claim_b for k in found] == [quote.uid]
    assert "says the same in 2 other statements" in found[0].explanation


def test_one_edge_per_party() -> None:
    """Putin and the Russian state (the Kremlin) on one side: one disagreement, the others named."""
    corpus = corpus_of(
        {
            "a1": [
                {
                    "text": "Biden warned that Russia would attack NATO.",
                    "claimant": "joe-biden",
                    "modality": "predictive",
                    "relations": (ATTACK,),
                },
                {
                    "text": "Russia has no plans to attack NATO, Putin said.",
                    "claimant": "vladimir-putin",
                    "claim_type": "quote",
                    "relations": (NO_ATTACK,),
                },
                {
                    "text": "The Kremlin said Moscow has no intention of attacking NATO.",
                    "claimant": "russia",
                    "relations": (NO_ATTACK,),
                },
            ]
        }
    )
    [found] = find_contradictions(corpus)
    assert "Russia (same side as Vladimir Putin) says the same." in found.explanation
    assert found.others == 1 and found.explanation.endswith("1 other pair of claims (1 article in all) says the same.")


def test_is_deterministic_and_ordered() -> None:
    articles = {
        f"a{i}": [
            {
                "text": f"Biden warned in speech {i} that Russia would attack NATO.",
                "claimant": "joe-biden",
                "relations": (ATTACK,),
            },
            {
                "text": f"Lavrov said in interview {i} that Russia would not attack NATO.",
                "claimant": "sergei-lavrov",
                "relations": (NO_ATTACK,),
            },
        ]
        for i in range(3)
    }
    first = find_contradictions(corpus_of(articles))
    second = find_contradictions(corpus_of(dict(reversed(list(articles.items())))))
    assert first == second
    assert len(first) == 1  # one disagreement between two claimants, however often repeated


ROOT = Path(__file__).resolve().parent.parent.parent


GOLD = json.loads((ROOT / "tests" / "data" / "seeds_gold.json").read_text(encoding="utf-8"))


ACCEPTED = [
    (
        "rebuttal",
        "called US President Joe Biden’s claim",
        "Biden warned that Russia would attack a NATO country",
    ),
    ("polarity", "Biden warned that Russia would attack a NATO country", "Russia has no reason, no interest"),
    ("value", "The conflict in Ukraine, which began in 2014", "The February 24, 2022, Russia-Ukraine War"),
    ("value", "The February 24, 2022, Russia-Ukraine War", "the conflict in Ukraine starting in 2014"),
    (
        "stance",
        "effectively closing the door on any potential partnership",
        "restoring relations with Russia should be a priority",
    ),
]


@pytest.fixture(scope="module")
def seed_build(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("seed-analysis")
    build_corpus(ROOT / "corpus", out, use_cache=False)
    return out


def test_issue_4_seed_contradictions_target(seed_build: Path) -> None:
    """https://issues/4: contradictions >= 3/5 on the seeds, C1-C3 among them, scored as the hidden set is."""
    result = scoring.score(Graph().parse(seed_build / "graph.ttl", format="turtle"), GOLD)
    missed = [f"{where} {what}" for kind, where, what in result["details"] if kind.strip() == "MISS contradiction"]
    assert result["contradictions_found"] >= 3, missed
    assert not [m for m in missed if m.split()[0] in {"C1", "C2", "C3"}], missed


def test_issue_4_every_seed_contradiction_was_accepted(seed_build: Path) -> None:
    """Precision: a contradiction nobody has read fails this test until it is reviewed and added above."""
    from kg.findings import list_contradictions
    from kg.sparql import load_dataset

    found = list_contradictions(load_dataset(seed_build))
    unreviewed = []
    for row in found:
        sentences = (row.sentence_a, row.sentence_b)
        if not any(
            row.kind == kind
            and ((fa in sentences[0] and fb in sentences[1]) or (fb in sentences[0] and fa in sentences[1]))
            for kind, fa, fb in ACCEPTED
        ):
            unreviewed.append(f"{row.kind}: {row.sentence_a!r} / {row.sentence_b!r}")
    assert not unreviewed, unreviewed
    assert all(row.explanation and row.claimant_a and row.claimant_b for row in found)


DEVSET = ROOT / "tests" / "data" / "devset"


def test_issue_4_devset_contradictions_are_trustworthy(tmp_path: Path) -> None:
    """Articles written blind to kg (tests/data/devset): kg finds some of the planted contradictions and
    reports at most one that the annotation does not list. A measurement, not a target to tune to."""
    build_corpus(DEVSET / "articles", tmp_path, use_cache=False)
    gold = json.loads((DEVSET / "gold.json").read_text(encoding="utf-8"))
    result = scoring.score(Graph().parse(tmp_path / "graph.ttl", format="turtle"), gold)
    assert result["contradictions_found"] >= 3
    assert result["contradiction_edges"] - result["contradictions_found"] <= 1


def test_detection_reads_records_not_the_graph() -> None:
    """kg.contradict runs before the graph is built: it imports neither kg.sparql nor kg.findings, and its
    modules import no other module of the package through the package itself (no cycles)."""
    import ast

    found = []
    for path in sorted((ROOT / "kg" / "contradict").glob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = (
                [node.module or ""] if isinstance(node, ast.ImportFrom) else
                [a.name for a in node.names] if isinstance(node, ast.Import) else []
            )
            for name in names:
                upward = name.startswith(("kg.sparql", "kg.findings"))
                if upward or (name == "kg.contradict" and path.name != "__init__.py"):
                    found.append(f"{path.name}: {name}")
    assert not found, found
