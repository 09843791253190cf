"""The real-news reference sets in tests/data/real: every fragment of the gold is in its article.

A gold quote that is not in its article would make a claim impossible to find and a score meaningless, so
each quote, not-claim and contradiction side is checked verbatim after the scorer's normalisation.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.conftest import DATA
from tests.support.scoring import norm

REAL = DATA / "real"
SETS = sorted(p.parent.name for p in REAL.glob("*/gold.json"))


def _bodies(folder: Path) -> dict[str, str]:
    """Article text by seed (the file name's number prefix), normalised like the scorer."""
    files = (folder / "corpus").glob("*.txt")
    return {path.name.split("_", 1)[0]: norm(path.read_text(encoding="utf-8")) for path in files}


def _fragments(gold: dict[str, list[dict[str, object]]]) -> list[tuple[str, str]]:
    out = [(str(c["seed"]), str(c["quote"])) for key in ("claims", "not_claims") for c in gold.get(key, [])]
    for pair in gold.get("contradictions", []) + gold.get("not_contradictions", []):
        seeds = [str(s) for s in pair.get("seeds", [])]  # type: ignore[attr-defined]
        if len(seeds) == 2:
            out += [(seeds[0], str(pair["a"])), (seeds[1], str(pair["b"]))]
    return out


def test_real_sets_are_present() -> None:
    assert SETS == ["contradictions", "develop", "measure"]


@pytest.mark.parametrize("name", SETS)
def test_real_gold_fragments_are_in_their_articles(name: str) -> None:
    folder = REAL / name
    gold = json.loads((folder / "gold.json").read_text(encoding="utf-8"))
    bodies = _bodies(folder)
    missing = [(seed, q) for seed, q in _fragments(gold) if norm(q).strip(" .,;:!?\"'") not in bodies.get(seed, "")]
    assert not missing, missing[:5]
    assert len(gold["claims"]) >= 50
