"""``kg contradictions`` and ``kg uncited``: the rows the commands print are the rows the shipped SPARQL
returns (run by an independent engine, rdflib), in every format, with the documented exit codes."""

from __future__ import annotations

import csv
import hashlib
import io
import json
import re
from pathlib import Path
from typing import Any

import pytest

from kg.cli import main
from kg.findings import CHECKWORTHINESS, ContradictionFinding, UncitedClaim, query_text
from kg.models import Article, Claim, Extraction, Source, Span
from kg.pipeline import build_corpus, build_extractions
from kg.sparql import to_rdflib
from tests.support.servers import free_port, oxigraph_server

# rdflib 7.6 warns from its own SPARQL evaluator when it queries a Dataset; not ours to fix
pytestmark = pytest.mark.filterwarnings("ignore:Dataset.contexts is deprecated:DeprecationWarning")

ROOT = Path(__file__).resolve().parent.parent.parent
GOLD = json.loads((ROOT / "tests" / "data" / "seeds_gold.json").read_text(encoding="utf-8"))
KG = "https://w3id.org/kg/ns#"
STATUS = {KG + "Uncited": "uncited", KG + "VaguelyAttributed": "vague", KG + "SpeakerOnly": "speaker"}
KIND = {
    KG + "Rebuttal": "rebuttal",
    KG + "OppositePolarity": "polarity",
    KG + "ConflictingValues": "value",
    KG + "OpposingStances": "stance",
}


@pytest.fixture(scope="module")
def seeds(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("seed-findings")
    build_corpus(ROOT / "corpus", out, use_cache=False)
    return out


@pytest.fixture(scope="module")
def clean(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A graph where every claim cites a source and nothing contradicts."""
    out = tmp_path_factory.mktemp("clean-findings")
    body = "NATO has 32 members, its website says."
    article = Article(
        id="c1", path="c1.txt", headline="Clean", body=body, sha256=hashlib.sha256(body.encode()).hexdigest()
    )
    claim = Claim(
        article_id="c1",
        span=Span(start=0, end=len(body), text=body),
        text=body,
        claim_type="statistic",
        citation_status="cited",
        cites=("s1",),
    )
    source = Source(key="s1", kind="link", url="https://www.nato.int/members")
    build_extractions([Extraction(article=article, claims=(claim,), sources=(source,), extractor="hand-made")], out)
    return out


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def raw_rows(out: Path, name: str) -> list[dict[str, str]]:
    """The query shipped in kg/queries/<name>.rq, run by rdflib over graph.trig."""
    result = to_rdflib(out).query(query_text(name))
    assert result.vars is not None
    variables = [str(v) for v in result.vars]
    rows = []
    for row in result:
        assert isinstance(row, tuple)
        rows.append({v: "" if value is None else str(value) for v, value in zip(variables, row, strict=True)})
    return rows


def names(joined: str) -> str:
    return " / ".join(sorted(set(joined.split(" / ")))) if joined else ""


# ---------------------------------------------------------------------------------------------
# kg uncited


def test_findings_cli_uncited_rows_equal_the_raw_query(seeds: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "uncited", "--out", str(seeds), "--format", "json")
    assert code == 0
    printed = [UncitedClaim.model_validate(r) for r in json.loads(out)]
    expected = [
        (
            r["claim"],
            r["article"],
            r["headline"],
            r["text"],
            names(r["claimant"]),
            STATUS[r["status"]],
            int(r["rank"]),
            int(r["start"]),
        )
        for r in raw_rows(seeds, "uncited")
    ]
    assert [
        (u.claim, u.article, u.headline, u.sentence, u.claimant, u.citation_status, u.rank, u.start) for u in printed
    ] == expected
    assert len(printed) > 100


def test_findings_cli_uncited_is_grouped_and_ranked(seeds: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = run(capsys, "uncited", "--out", str(seeds), "--format", "json")
    rows = [UncitedClaim.model_validate(r) for r in json.loads(out)]
    order = {"uncited": 0, "vague": 1, "speaker": 2}
    keys = [(order[r.citation_status], r.rank, r.article, r.start) for r in rows]
    assert keys == sorted(keys)
    assert {r.checkworthiness for r in rows} <= set(CHECKWORTHINESS.values())
    assert {r.citation_status for r in rows} == {"uncited", "vague", "speaker"}
    causal = [r for r in rows if r.rank == 3]
    assert causal and all(
        re.search(r"lead to|led to|leading to|driven by|because|due to|result|caus|prompt|fuel", r.sentence, re.I)
        for r in causal
    )


def _norm(text: str) -> str:
    text = text.replace("\u2019", "'").replace("\u2018", "'").replace("\u201c", '"').replace("\u201d", '"')
    text = text.replace("\u2013", "-").replace("\u2014", "-")
    text = re.sub(r"\[\d+\]", " ", text)
    return re.sub(r"\s+", " ", text).strip().lower()


def test_findings_cli_uncited_lists_every_uncited_gold_claim(seeds: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """`kg uncited` on the seeds lists every uncited gold claim and none of the cited ones (a gold
    claim is listed when its quote, normalised as the scorer does, is inside a listed sentence)."""
    _, out, _ = run(capsys, "uncited", "--out", str(seeds), "--format", "json")
    sentences = [_norm(r["sentence"]) for r in json.loads(out)]
    missing, wrongly = [], []
    for claim in GOLD["claims"]:
        quote = _norm(claim["quote"]).strip(" .,;:!?\"'")
        listed = any(quote in s for s in sentences)
        if claim.get("cited") and listed:
            wrongly.append(claim["quote"])
        if not claim.get("cited") and not listed:
            missing.append(claim["quote"])
    assert not missing, missing
    assert not wrongly, wrongly
    assert sum(1 for c in GOLD["claims"] if not c.get("cited")) == 38


# ---------------------------------------------------------------------------------------------
# kg contradictions


def test_findings_cli_contradictions_rows_equal_the_raw_query(seeds: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "contradictions", "--out", str(seeds), "--format", "json")
    assert code == 0
    printed = [ContradictionFinding.model_validate(r) for r in json.loads(out)]
    expected = [
        (
            r["contradiction"],
            KIND[r["kind"]],
            float(r["confidence"]),
            r["explanation"],
            r["claimA"],
            r["textA"],
            names(r["claimantA"]),
            r["articleA"],
            r["claimB"],
            r["textB"],
            names(r["claimantB"]),
            r["articleB"],
        )
        for r in raw_rows(seeds, "contradictions")
    ]
    assert [
        (
            c.contradiction,
            c.kind,
            c.confidence,
            c.explanation,
            c.claim_a,
            c.sentence_a,
            c.claimant_a,
            c.article_a,
            c.claim_b,
            c.sentence_b,
            c.claimant_b,
            c.article_b,
        )
        for c in printed
    ] == expected
    assert len(printed) >= 3
    assert [c.confidence for c in printed] == sorted((c.confidence for c in printed), reverse=True)


def test_findings_cli_contradictions_min_confidence(seeds: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = run(capsys, "contradictions", "--out", str(seeds), "--format", "json")
    every = [ContradictionFinding.model_validate(r) for r in json.loads(out)]
    cut = sorted(c.confidence for c in every)[len(every) // 2]
    code, out, _ = run(capsys, "contradictions", "--out", str(seeds), "--format", "json", "--min-confidence", str(cut))
    kept = [ContradictionFinding.model_validate(r) for r in json.loads(out)]
    assert code == 0 and 0 < len(kept) < len(every)
    assert kept == [c for c in every if c.confidence >= cut]
    code, _, err = run(capsys, "contradictions", "--out", str(seeds), "--min-confidence", "1.5")
    assert code == 2 and "between 0 and 1" in err


def test_findings_cli_contradictions_table_shows_both_sentences(
    seeds: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _, out, _ = run(capsys, "contradictions", "--out", str(seeds), "--format", "json")
    rows = [ContradictionFinding.model_validate(r) for r in json.loads(out)]
    code, table, _ = run(capsys, "contradictions", "--out", str(seeds))
    assert code == 0
    flat = re.sub(r"\s+", " ", table)
    for row in rows:
        assert row.sentence_a in flat and row.sentence_b in flat
        assert row.explanation in flat
    assert flat.rstrip().endswith(f"{len(rows)} contradictions.")


@pytest.mark.parametrize("command", ["contradictions", "uncited"])
def test_findings_cli_csv_has_one_row_per_finding(
    seeds: Path, capsys: pytest.CaptureFixture[str], command: str
) -> None:
    _, as_json, _ = run(capsys, command, "--out", str(seeds), "--format", "json")
    _, as_csv, _ = run(capsys, command, "--out", str(seeds), "--format", "csv")
    rows = list(csv.DictReader(io.StringIO(as_csv)))
    expected: list[dict[str, Any]] = json.loads(as_json)
    assert list(rows[0]) == list(expected[0])
    assert [r["sentence_a" if command == "contradictions" else "sentence"] for r in rows] == [
        r["sentence_a" if command == "contradictions" else "sentence"] for r in expected
    ]


# ---------------------------------------------------------------------------------------------
# Exit codes


@pytest.mark.parametrize("command", ["contradictions", "uncited"])
def test_findings_cli_fail_on_found(seeds: Path, clean: Path, capsys: pytest.CaptureFixture[str], command: str) -> None:
    assert run(capsys, command, "--out", str(seeds))[0] == 0
    assert run(capsys, command, "--out", str(seeds), "--fail-on-found")[0] == 1
    code, out, _ = run(capsys, command, "--out", str(clean), "--fail-on-found", "--format", "json")
    assert (code, json.loads(out)) == (0, [])
    code, out, _ = run(capsys, command, "--out", str(clean))
    assert code == 0 and out.strip() in ("No contradictions in the graph.", "Every claim in the graph cites a source.")


@pytest.mark.parametrize("command", ["contradictions", "uncited"])
def test_findings_cli_without_a_graph_says_how_to_fix(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], command: str
) -> None:
    code, out, err = run(capsys, command, "--out", str(tmp_path / "nothing"))
    assert code == 2 and out == ""
    assert "run `kg build` first" in err and "Traceback" not in err


@pytest.mark.parametrize("command", ["contradictions", "uncited"])
def test_findings_cli_help(capsys: pytest.CaptureFixture[str], command: str) -> None:
    code, out, _ = run(capsys, command, "--help")
    assert code == 0
    assert "--fail-on-found" in out and "Examples:" in out


# ---------------------------------------------------------------------------------------------
# Where the graph lives: the embedded graph, an on-disk Oxigraph store, a SPARQL endpoint


@pytest.mark.parametrize("command", ["contradictions", "uncited"])
def test_findings_cli_store_gives_the_embedded_rows(
    seeds: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], command: str
) -> None:
    _, embedded, _ = run(capsys, command, "--out", str(seeds), "--format", "json")
    store = f"oxigraph:{tmp_path / 'store'}"
    code, on_disk, _ = run(capsys, command, "--out", str(seeds), "--format", "json", "--store", store)
    assert code == 0
    assert json.loads(on_disk) == json.loads(embedded) != []
    assert run(capsys, command, "--out", str(seeds), "--store", store, "--fail-on-found")[0] == 1


@pytest.mark.server
def test_findings_cli_uncited_endpoint_gives_the_embedded_rows(seeds: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """kg uncited --endpoint: the same rows from a real Oxigraph server loaded with kg push."""
    _, embedded, _ = run(capsys, "uncited", "--out", str(seeds), "--format", "json")
    with oxigraph_server() as url:
        assert main(["push", "--endpoint", url, "--out", str(seeds), "-q"]) == 0
        code, served, _ = run(capsys, "uncited", "--endpoint", url, "--format", "json")
    assert code == 0
    assert json.loads(served) == json.loads(embedded) != []


def test_findings_cli_unreachable_endpoint_exits_3(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "uncited", "--endpoint", f"http://127.0.0.1:{free_port()}/query", "--timeout-s", "5")
    assert code == 3 and out == ""
    assert "Traceback" not in err
