"""The benchmark suite's own checks: the generator is deterministic and yields its ground truth, and the
suite's plumbing (quick mode, the results file) works on a tiny corpus. No timing assertions."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest

from benchmarks import __main__ as suite
from benchmarks import build as build_bench
from benchmarks import report
from benchmarks.generate import BLOCK, CONTRADICTION_KINDS, article_name, body_words, generate, touch_article

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")


@pytest.fixture(scope="module")
def corpus_40(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, Any]]:
    root = tmp_path_factory.mktemp("bench40")
    return root, generate(2 * BLOCK, root)


@pytest.mark.parametrize("n", [2 * BLOCK])
def test_generate_is_deterministic(tmp_path: Path, corpus_40: tuple[Path, dict[str, Any]], n: int) -> None:
    root, truth = corpus_40
    again = generate(n, tmp_path / "again")
    assert again == truth
    for path in sorted((root / "corpus").iterdir()):
        assert (tmp_path / "again" / "corpus" / path.name).read_bytes() == path.read_bytes(), path.name


def test_generate_small_corpus_is_a_prefix_of_a_large_one(tmp_path: Path,
                                                         corpus_40: tuple[Path, dict[str, Any]]) -> None:
    root, truth = corpus_40
    small = generate(BLOCK, tmp_path / "small")
    for path in sorted((tmp_path / "small" / "corpus").iterdir()):
        assert (root / "corpus" / path.name).read_bytes() == path.read_bytes(), path.name
    assert small["contradictions"] == [c for c in truth["contradictions"] if c["block"] == 0]


def test_generate_articles_have_the_promised_shape(corpus_40: tuple[Path, dict[str, Any]]) -> None:
    root, truth = corpus_40
    files = sorted((root / "corpus").glob("*.txt"))
    assert [p.stem for p in files] == [article_name(i) for i in range(2 * BLOCK)]
    assert not list((root / "corpus").glob("*.json")), "kg reads .json files in a corpus as articles"
    words = 0
    for path in files:
        text = path.read_text(encoding="utf-8")
        header = text.split("\n---\n", 1)[0]
        for field in ("title", "url", "publisher", "author", "published", "language"):
            assert re.search(rf"^{field}: \"[^\"]+\"$", header, re.M), (path.name, field)
        n = body_words(text)
        assert 600 <= n <= 1_100, (path.name, n)
        words += n
        assert "said" in text and "according to" in text.lower(), path.name
        assert re.search(r"\[\d+\]", text) and "References" in text, path.name
    assert words == truth["words"]
    all_text = " ".join(p.read_text(encoding="utf-8") for p in files)
    for furniture in ("RELATED:", "Share on", "Ibid.", " km", " troops", "%", "EUR "):
        assert furniture in all_text, furniture


def test_generate_truth_points_at_sentences_in_the_articles(corpus_40: tuple[Path, dict[str, Any]]) -> None:
    root, truth = corpus_40
    assert len(truth["contradictions"]) == 2 * len(CONTRADICTION_KINDS)
    assert {c["kind"] for c in truth["contradictions"]} == set(CONTRADICTION_KINDS)
    entries = [e for c in truth["contradictions"] for e in (c["a"], c["b"])] + truth["uncited"] + truth["cited"]
    for entry in entries:
        text = (root / "corpus" / f"{entry['article']}.txt").read_text(encoding="utf-8")
        assert entry["text"] in text, entry
    for c in truth["contradictions"]:
        assert c["a"]["article"] != c["b"]["article"]
    assert len(truth["uncited"]) == len(truth["cited"]) == 2 * BLOCK


def test_touch_article_changes_one_article_and_keeps_plants(tmp_path: Path) -> None:
    truth = generate(BLOCK, tmp_path)
    before = {p.name: p.read_bytes() for p in (tmp_path / "corpus").iterdir()}
    touch_article(tmp_path, i=3, revision=1)
    touch_article(tmp_path, i=3, revision=2)
    after = {p.name: p.read_bytes() for p in (tmp_path / "corpus").iterdir()}
    changed = [name for name in before if before[name] != after[name]]
    assert changed == [f"{article_name(3)}.txt"]
    text = after[changed[0]].decode()
    assert text.count("Late update") == 1
    for entry in truth["uncited"] + truth["cited"]:
        if entry["article"] == article_name(3):
            assert entry["text"] in text


def test_report_renders_and_marks_missing_parts() -> None:
    results: dict[str, Any] = {
        "command": "python -m benchmarks --quick",
        "quick": True,
        "started": "now",
        "machine": {"cpu": "cpu", "cores": 2, "memory_gb": 24, "python": "3.11", "platform": "linux", "kg": "0.1",
                    "commit": "abc", "packages": {"rdflib": "7"}, "load_start": [0.5, 0.5, 0.5]},
        "queries": {"status": "not available yet", "module": "benchmarks.queries"},
        "contradictions": {"status": "ok", "result": {"sizes": {"10000": {"seconds": 2.0, "contradictions": 5},
                                                                 "100000": {"seconds": 20.0, "contradictions": 50}},
                                                       "ratios": {"100000/10000": 10.0}}},
        "page": {"status": "failed", "module": "benchmarks.page", "error": "RuntimeError: no chromium"},
    }
    targets = {t["id"]: t for t in report.evaluate(results)}
    assert targets["query-store"]["status"] == "not available yet"
    assert targets["contradictions-growth"]["status"] == "met"
    assert targets["page-5000"]["status"] == "failed"
    assert targets["build-time"]["status"] == "not measured"
    text = report.render(results)
    assert "Not available yet: `benchmarks.queries`" in text
    assert "RuntimeError: no chromium" in text


def test_quick_mode_plumbing_on_a_tiny_corpus(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """``python -m benchmarks --quick`` end to end on a tiny size, with only the build part (the others
    are other modules' benchmarks, with their own tests): results file, JSON, ground truth checked."""
    out = tmp_path / "RESULTS-quick.md"
    monkeypatch.setattr(build_bench, "POLL_SECONDS", 0.2)
    code = suite.main(["--quick", "--sizes", "2", "--only", "build", "--workers", "1", "--incremental-runs", "1",
                       "--work", str(tmp_path / "work"), "--out", str(out)])
    assert code == 0
    text = out.read_text(encoding="utf-8")
    assert text.startswith("# kg benchmark results (quick mode")
    assert "## Targets" in text and "## 1. `kg build`" in text
    data = json.loads(out.with_suffix(".json").read_text(encoding="utf-8"))
    build = data["build"]["result"]
    entry = build["sizes"]["2"]
    assert entry["workers"]["1"]["summary"]["articles"] == 2
    assert entry["truth"]["uncited_planted"] == 2
    assert build["incremental"]["cached"] == 1
    assert "queries" not in data  # left out with --only
    assert not (Path(suite.__file__).parent / "RESULTS-quick.md").exists()
