"""pipeline: whole builds: outputs, cache, workers, optional stages, crash safety, the seed corpus."""

from __future__ import annotations

import os
import random
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pyoxigraph as ox
import pytest

from kg import cache, pipeline
from kg.errors import BuildLockedError, KgError
from kg.export import TRIG_NAME, TTL_NAME, build_lock
from kg.models import Article, Contradiction, Corpus, Extraction
from kg.pipeline import STAGES, build_corpus, build_extractions
from kg.sparql import load_dataset, to_rdflib
from kg.validate import validate
from kg.vocab import RDF
from tests.conftest import SEED_CORPUS, TINY_CORPUS

REPO = Path(__file__).parent.parent


def _copy_tiny(tmp_path: Path) -> Path:
    corpus = tmp_path / "corpus"
    shutil.copytree(TINY_CORPUS, corpus)
    return corpus


def _outputs(out: Path) -> dict[str, bytes]:
    return {name: (out / name).read_bytes() for name in (TRIG_NAME, TTL_NAME)}


@pytest.mark.usefixtures("no_optional_stages")
def test_pipeline_builds_the_tiny_corpus(tmp_path: Path) -> None:
    summary = build_corpus(TINY_CORPUS, tmp_path / "out")
    assert summary.articles == 6
    assert summary.claims > 0 and summary.quads > 0
    assert set(summary.seconds) == set(STAGES)
    assert summary.outputs == (str(tmp_path / "out" / TRIG_NAME), str(tmp_path / "out" / TTL_NAME))
    report = validate(to_rdflib(tmp_path / "out"))
    assert report.conforms, report.text
    assert len(load_dataset(tmp_path / "out")) == summary.quads


@pytest.mark.usefixtures("no_optional_stages")
def test_pipeline_cache_reuses_unchanged_articles(tmp_path: Path) -> None:
    corpus = _copy_tiny(tmp_path)
    out = tmp_path / "out"
    first = build_corpus(corpus, out)
    before = _outputs(out)
    second = build_corpus(corpus, out)
    assert (first.cached, second.cached) == (0, 6)
    assert _outputs(out) == before
    path = corpus / "uncited.txt"
    path.write_text(path.read_text(encoding="utf-8") + "\nPrices rose again in March.\n", encoding="utf-8")
    third = build_corpus(corpus, out)
    assert third.cached == 5
    assert _outputs(out) != before
    assert build_corpus(corpus, out, use_cache=False).cached == 0


@pytest.mark.usefixtures("no_optional_stages")
def test_pipeline_cache_of_another_version_is_pruned(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The cache folder of another extractor version goes if kg made it (it is on the manifest); a folder
    kg did not make stays."""
    out = tmp_path / "out"
    with monkeypatch.context() as patch:
        patch.setattr(cache, "EXTRACTOR_VERSION", "rules-old")
        build_corpus(TINY_CORPUS, out)
        stale = cache.extraction_cache_dir(out)
    mine = stale.parent / "my-data"
    mine.mkdir()
    (mine / "results.csv").write_text("keep me")
    assert stale.is_dir() and stale != cache.extraction_cache_dir(out)
    build_corpus(TINY_CORPUS, out)
    assert not stale.exists()
    assert cache.extraction_cache_dir(out).is_dir()
    assert (mine / "results.csv").read_text() == "keep me"


@pytest.mark.usefixtures("no_optional_stages")
def test_pipeline_damaged_cache_entry_is_extracted_again(tmp_path: Path) -> None:
    out = tmp_path / "out"
    build_corpus(TINY_CORPUS, out)
    entries = sorted(cache.extraction_cache_dir(out).rglob("*.json"))
    assert len(entries) == 6
    entries[0].write_text('{"article": "broken"')
    assert build_corpus(TINY_CORPUS, out).cached == 5


@pytest.mark.usefixtures("no_optional_stages")
def test_pipeline_output_does_not_depend_on_workers(tmp_path: Path) -> None:
    build_corpus(TINY_CORPUS, tmp_path / "one", workers=1, use_cache=False)
    build_corpus(TINY_CORPUS, tmp_path / "two", workers=2, use_cache=False)
    assert _outputs(tmp_path / "one") == _outputs(tmp_path / "two")


def test_pipeline_refuses_a_locked_output_folder(tmp_path: Path) -> None:
    with build_lock(tmp_path / "out"), pytest.raises(BuildLockedError, match="another kg build"):
        build_corpus(TINY_CORPUS, tmp_path / "out")


def test_pipeline_calls_the_stage_functions_of_their_packages() -> None:
    import kg.contradict
    import kg.extract
    import kg.ingest
    import kg.page
    import kg.report
    import kg.resolve

    stages = vars(pipeline)
    assert stages["iter_corpus"] is kg.ingest.iter_corpus
    assert stages["extract"] is kg.extract.extract
    assert stages["resolve"] is kg.resolve.resolve
    assert stages["find_contradictions"] is kg.contradict.find_contradictions
    assert stages["write_report"] is kg.report.write_report
    assert stages["render_html"] is kg.page.render_html


def test_pipeline_runs_optional_stages_and_commits_their_files(
    tiny: tuple[list[Extraction], list[Contradiction]], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    extractions, contradictions = tiny
    calls: list[str] = []

    def find_contradictions(corpus: Corpus) -> list[Contradiction]:
        calls.append("analyse")
        return contradictions

    def render_html(store: ox.Store, path: Path) -> None:
        calls.append("render")
        assert len(store) > 0
        path.write_text("<html></html>")

    def write_report(store: ox.Store, path: Path) -> None:
        calls.append("report")
        kind = ox.NamedNode("https://w3id.org/kg/ns#Contradiction")
        found = store.quads_for_pattern(None, ox.NamedNode(str(RDF.type)), kind, None)
        path.write_text(f"{len(list(found))} contradictions\n")

    monkeypatch.setattr(pipeline, "find_contradictions", find_contradictions)
    monkeypatch.setattr(pipeline, "render_html", render_html)
    monkeypatch.setattr(pipeline, "write_report", write_report)
    summary = build_extractions(extractions, tmp_path)
    assert calls == ["analyse", "report", "render"]
    assert summary.contradictions == 2
    assert sorted(p.name for p in tmp_path.iterdir() if not p.name.startswith(".")) == [
        "current",
        "graph.html",
        TRIG_NAME,
        TTL_NAME,
        "report.md",
    ]
    assert (tmp_path / "report.md").read_text() == "2 contradictions\n"
    assert "kg:contradicts" in (tmp_path / TTL_NAME).read_text(encoding="utf-8")


@pytest.mark.usefixtures("no_optional_stages")
def test_pipeline_failing_optional_stage_keeps_previous_outputs(
    tiny: tuple[list[Extraction], list[Contradiction]], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    extractions, _ = tiny
    build_extractions(extractions, tmp_path)
    before = _outputs(tmp_path)

    def render_html(store: ox.Store, path: Path) -> None:
        path.write_text("half")
        raise RuntimeError("renderer bug")

    monkeypatch.setattr(pipeline, "render_html", render_html)
    with pytest.raises(RuntimeError, match="renderer bug"):
        build_extractions(extractions[:2], tmp_path)
    assert _outputs(tmp_path) == before
    assert not (tmp_path / "graph.html").exists()
    assert sorted(p.name for p in tmp_path.iterdir() if not p.name.startswith(".")) == ["current", TRIG_NAME, TTL_NAME]


@pytest.mark.usefixtures("no_optional_stages")
def test_pipeline_extractor_errors_stop_or_are_skipped(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import kg.extract

    real = kg.extract.extract

    def extract(article: Article) -> Extraction:
        if article.id == "uncited":
            raise KgError(f"{article.path}: the extractor cannot read this article. Fix: remove it")
        return real(article)

    monkeypatch.setattr(pipeline, "extract", extract)
    with pytest.raises(KgError, match=r"corpus/uncited\.txt: the extractor cannot read"):
        build_corpus(TINY_CORPUS, tmp_path / "out", use_cache=False)
    summary = build_corpus(TINY_CORPUS, tmp_path / "out", use_cache=False, skip_invalid=True)
    assert summary.articles == 5
    assert summary.skipped == ("corpus/uncited.txt: the extractor cannot read this article. Fix: remove it",)


@pytest.mark.usefixtures("no_optional_stages")
def test_pipeline_progress_reports_every_stage(tmp_path: Path) -> None:
    seen: list[tuple[str, int, int | None]] = []
    build_corpus(TINY_CORPUS, tmp_path / "out", progress=lambda s, d, t: seen.append((s, d, t)))
    assert ("ingest", 6, None) in seen
    assert ("extract", 6, 6) in seen
    assert seen[-1] == ("write", 8, 8)  # build, entities, six articles (no analysis graph)


def test_pipeline_killed_build_leaves_previous_outputs_complete(tmp_path: Path) -> None:
    """SIGKILL at a random moment: the folder holds the old files or the new ones, each complete."""
    out = tmp_path / "out"
    corpus = _copy_tiny(tmp_path)
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    command = [sys.executable, "-m", "kg", "build", str(corpus), "--out", str(out), "--no-cache", "-q"]
    subprocess.run(command, check=True, env=env)
    old = _outputs(out)
    (corpus / "uncited.txt").write_text("A changed article about gas prices in Europe this winter.\n")
    fresh = tmp_path / "fresh"
    subprocess.run([*command[:-4], "--out", str(fresh), "--no-cache", "-q"], check=True, env=env)
    new = _outputs(fresh)
    rng = random.Random(2)
    for _ in range(3):
        process = subprocess.Popen(command, env=env, stderr=subprocess.DEVNULL)
        time.sleep(rng.uniform(0.2, 2.5))
        process.send_signal(signal.SIGKILL)
        process.wait()
        now = _outputs(out)
        assert now in (old, new)
        for name in (TRIG_NAME, TTL_NAME):
            list(ox.parse(path=out / name, format=ox.RdfFormat.TRIG if name == TRIG_NAME else ox.RdfFormat.TURTLE))
    subprocess.run(command, check=True, env=env)  # the next build succeeds and cleans up
    assert _outputs(out) == new
    assert not [p for p in out.iterdir() if ".tmp-" in p.name]


@pytest.fixture(scope="module")
def seed_build(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("seed") / "out"
    build_corpus(SEED_CORPUS, out, use_cache=False)
    return out


def test_pipeline_seed_corpus_builds_and_conforms(seed_build: Path) -> None:
    report = validate(to_rdflib(seed_build))
    assert report.conforms, report.text


def test_pipeline_seed_corpus_every_article_has_claims(seed_build: Path) -> None:
    store = load_dataset(seed_build)
    rows = store.query("""
        PREFIX schema: <https://schema.org/>
        SELECT ?article (COUNT(?claim) AS ?claims) WHERE { GRAPH ?g {
          ?article a schema:NewsArticle . OPTIONAL { ?claim schema:appearance ?article } } }
        GROUP BY ?article
    """)
    assert isinstance(rows, ox.QuerySolutions)
    counts = {row["article"].value: int(row["claims"].value) for row in rows}
    assert len(counts) == len(list(SEED_CORPUS.iterdir()))
    assert all(n > 0 for n in counts.values()), counts


def test_pipeline_kg_build_is_byte_identical_across_hash_seeds_and_runs(tmp_path: Path) -> None:
    """The whole build (real extractor, resolve, analyse, build, export) under two hash seeds."""
    outputs = []
    for seed in ("1", "987654"):
        out = tmp_path / seed
        env = {**os.environ, "PYTHONPATH": str(REPO), "PYTHONHASHSEED": seed}
        command = [sys.executable, "-m", "kg", "build", str(TINY_CORPUS), "--out", str(out), "--no-cache", "-q"]
        subprocess.run(command, check=True, env=env)
        outputs.append({p.name: p.read_bytes() for p in sorted(out.iterdir()) if p.is_file() and p.name[0] != "."})
    assert outputs[0].keys() >= {TRIG_NAME, TTL_NAME}
    assert outputs[0] == outputs[1]
