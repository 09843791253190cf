"""The hostile corpus: inputs written to break kg build cleanly, slowly or dangerously.

Each case in ``tests/data/hostile/corpus/`` (small files) or made here (big and binary ones, in
``tmp_path``) either builds correctly or is reported clearly and skipped with ``--skip-invalid``; the
rest of the corpus is unaffected; nothing is written outside the output folder; a whole build of the
corpus stays within :data:`MAX_SECONDS` and :data:`MAX_RSS_MB`. ``tests/data/hostile/README.md``
lists every case and what kg does with it.

``KG_HOSTILE_MB`` sets the size of the huge files (default 50 MB).
"""

from __future__ import annotations

import hashlib
import os
import random
import re
import shutil
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import pyoxigraph as ox
import pytest

from kg.cli import main
from kg.errors import CorpusError, printable
from kg.export import TRIG_NAME, TTL_NAME
from kg.extract import extract
from kg.ingest.corpus import read_file
from kg.models import Article
from kg.pipeline import build_corpus
from tests.conftest import DATA

HOSTILE = DATA / "hostile" / "corpus"
REPO = Path(__file__).parent.parent.parent
HUGE_BYTES = int(float(os.environ.get("KG_HOSTILE_MB", "50")) * 1_000_000)
MAX_CPU_SECONDS = 120.0
"""Bound on the CPU time (user + system) of a whole ``kg build --skip-invalid`` of the hostile corpus."""
MAX_SECONDS = 300.0
"""Bound on its wall time: generous, because CI machines are shared (the CPU bound is the tight one)."""
MAX_RSS_MB = 2048.0
"""Bound on its peak resident memory."""

TERMINAL_NAME = "\x1b]0;pwned\x07\x1b[2J\x1b[31mred.txt"
"""A file name that would retitle, clear and recolour the terminal if printed as it is."""
CASES: dict[str, str | None] = {
    # committed files (tests/data/hostile/corpus/)
    "good-alliance.md": None,
    "good-energy.txt": None,
    "lookalike-names.md": None,
    "script-injection.md": None,
    "script-page.html": None,
    "traversal-id.md": None,
    "absolute-id.md": None,
    "javascript-url.md": "url 'javascript:alert(document.cookie)' is not an absolute http(s) URL",
    "yaml-bomb.md": "header field 'author' should be text, not list",
    "empty.txt": "the file is empty",
    "nul-bytes.txt": "it holds NUL bytes",
    "latin1.txt": "not valid UTF-8 (byte 0xfc at offset 33)",
    # made by make_generated()
    "binary.txt": "it holds NUL bytes",
    "noise.txt": "not valid UTF-8",
    "huge-article.txt": "MB kg reads as one article",
    "huge-page.html": "MB kg reads as one article",
    "huge-record.jsonl": "characters long, over the limit of 2,000,000",
    "long-sentence.txt": None,
    "footnotes.txt": None,
    "deep-page.html": "the HTML parser stops reading this page (Excessive depth in document",
    "deep.json": "the JSON cannot be read (it is nested too deeply)",
    TERMINAL_NAME: "it holds NUL bytes",
}
"""Every case: None if it builds, else part of the message it is skipped with."""
GOOD = ("good-alliance.md", "good-energy.txt")
INVISIBLE = re.compile("[\u00ad\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]")

SENTENCES = (
    "Vladimir Putin said the army grew by {n}% in {year}, according to the ministry.",
    "NATO officials said the alliance would respond within {n} days.",
    "Jane Roe, an analyst at the Kyiv School of Economics, said the U.S. would act.",
    "\u201cWe will see,\u201d Roe told reporters in Moscow on Monday.[{k}]",
    "Analysts say the sanctions cost Russia {n} billion euros in {year}.",
)


def _prose(chars: int, seed: int = 1) -> str:
    """One paragraph of news sentences naming people, organisations, dates and footnotes."""
    rng = random.Random(seed)
    out: list[str] = []
    size = 0
    while size < chars:
        sentence = rng.choice(SENTENCES).format(n=rng.randint(2, 99), year=rng.randint(1990, 2025), k=rng.randint(1, 9))
        out.append(sentence)
        size += len(sentence) + 1
    return " ".join(out)[:chars].rsplit(" ", 1)[0]


def make_generated(folder: Path, huge_bytes: int = HUGE_BYTES) -> None:
    """Write the cases too big, too binary or too repetitive to commit into ``folder``."""
    rng = random.Random(8)
    # a PNG-like binary file, and noise without NUL bytes, both named .txt
    (folder / "binary.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + rng.randbytes(4000))
    (folder / "noise.txt").write_bytes(bytes(rng.choice(range(0x80, 0x100)) for _ in range(4000)))
    # huge: an article, a page and a JSON Lines record, each of huge_bytes
    paragraph = "Officials said the ministry would publish the figures on Monday, according to the agency. " * 20
    paragraph += "\n\n"
    with open(folder / "huge-article.txt", "w", encoding="utf-8") as handle:
        handle.write("---\ntitle: A huge article\n---\n")
        for _ in range(huge_bytes // len(paragraph) + 1):
            handle.write(paragraph)
    with open(folder / "huge-page.html", "w", encoding="utf-8") as handle:
        handle.write("<html><head><title>A huge page</title></head><body><article>")
        for i in range(huge_bytes // len(paragraph) + 1):
            handle.write(f"<p>{i}: {paragraph}</p>\n")
        handle.write("</article></body></html>")
    with open(folder / "huge-record.jsonl", "w", encoding="utf-8") as handle:
        handle.write('{"headline": "A huge record", "articleBody": "')
        for _ in range(huge_bytes // len(paragraph) + 1):
            handle.write(paragraph.replace("\n", "\\n"))
        handle.write('"}\n')
    # one sentence of 100,000 characters (names, quotes and commas, no full stop until the end)
    words = ["Putin", "said", "NATO", "\u201cthe alliance\u201d", "and", "the EU", "Ukraine", "officials",
             "according to", "Jane Roe", "in 2024", "5%", "\"we will respond\"", "the ministry"]
    sentence = ", ".join(" ".join(rng.choice(words) for _ in range(6)) for _ in range(10_000))[:99_999] + "."
    (folder / "long-sentence.txt").write_text(f"---\ntitle: One long sentence\n---\n{sentence}\n", encoding="utf-8")
    # thousands of footnote markers: a sentence with 2,000 in a row, 1,000 sentences with one each, 999 references
    markers = "".join(f"[{k % 999 + 1}]" for k in range(2_000))
    cited = " ".join(f"The ministry said exports rose by {k % 50}% in {1990 + k % 35}.[{k + 1}]" for k in range(999))
    references = "\n".join(f"[{k}] https://example.org/report/{k}" for k in range(1, 1000))
    (folder / "footnotes.txt").write_text(
        f"---\ntitle: Thousands of footnotes\n---\nOfficials said the figures were final.{markers}\n\n{cited}\n\n"
        f"References\n{references}\n", encoding="utf-8")
    # markup nested 5,000 elements deep
    (folder / "deep-page.html").write_text(
        "<html><head><title>Deep</title></head><body><article><p>The minister said the budget would grow.</p>"
        + "<div>" * 5_000 + "<p>Putin said the war would end soon.</p>" + "</div>" * 5_000
        + "<p>NATO said it would respond.</p></article></body></html>", encoding="utf-8")
    (folder / "deep.json").write_text('{"articleBody": ' + "[" * 100_000 + "]" * 100_000 + "}", encoding="utf-8")
    (folder / TERMINAL_NAME).write_bytes(b"The minister said\x00 so.")


def make_hostile_corpus(folder: Path, huge_bytes: int = HUGE_BYTES) -> Path:
    shutil.copytree(HOSTILE, folder)
    make_generated(folder, huge_bytes)
    assert sorted(p.name for p in folder.iterdir()) == sorted(CASES)
    return folder


def snapshot(root: Path, skip: Path) -> dict[str, str]:
    """Every file under ``root`` (but not under ``skip``) with a digest of its bytes."""
    found = {}
    for path in sorted(root.rglob("*")):
        if path == skip or skip in path.parents or not path.is_file():
            continue
        found[str(path.relative_to(root))] = hashlib.sha256(path.read_bytes()).hexdigest()
    return found


@dataclass(frozen=True)
class HostileBuild:
    out: Path
    code: int
    stderr: str
    seconds: float
    cpu_seconds: float
    rss_mb: float
    outside_before: dict[str, str]
    outside_after: dict[str, str]
    escape_existed: tuple[bool, bool]


ESCAPE = Path("/tmp/kg-hostile-escape")
"""Where absolute-id.md would write if an article id were ever used as a path."""


@pytest.fixture(scope="module")
def hostile(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return make_hostile_corpus(tmp_path_factory.mktemp("hostile") / "corpus")


@pytest.fixture(scope="module")
def hostile_build(hostile: Path) -> HostileBuild:
    """``kg build --skip-invalid`` of the hostile corpus, as a user runs it, timed and measured."""
    root = hostile.parent
    out = root / "out"
    before = snapshot(root, out)
    escape_before = ESCAPE.exists()
    command = [sys.executable, "-m", "kg", "build", str(hostile), "--out", str(out), "--skip-invalid"]
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    started = time.monotonic()
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env)
    assert process.stderr is not None
    stderr = process.stderr.read().decode("utf-8", "replace")
    _, status, usage = os.wait4(process.pid, 0)
    seconds = time.monotonic() - started
    process.returncode = os.waitstatus_to_exitcode(status)
    cpu = usage.ru_utime + usage.ru_stime
    print(f"hostile build: {seconds:.1f} s wall, {cpu:.1f} s CPU, peak RSS {usage.ru_maxrss / 1024:.0f} MB")
    return HostileBuild(out=out, code=process.returncode, stderr=stderr, seconds=seconds, cpu_seconds=cpu,
                        rss_mb=usage.ru_maxrss / 1024, outside_before=before, outside_after=snapshot(root, out),
                        escape_existed=(escape_before, ESCAPE.exists()))


def store_of(out: Path) -> ox.Store:
    store = ox.Store()
    store.load(path=out / TRIG_NAME, format=ox.RdfFormat.TRIG)
    return store


PREFIXES = (
    "PREFIX schema: <https://schema.org/> PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#> "
    "PREFIX prov: <http://www.w3.org/ns/prov#> "
)


def select(store: ox.Store, query: str) -> list[tuple[str, ...]]:
    solutions = store.query(PREFIXES + query)
    assert isinstance(solutions, ox.QuerySolutions)
    return [tuple(term.value if term is not None else "" for term in row) for row in solutions]


# ----------------------------------------------------------------------------------------------
# Each case on its own


@pytest.mark.parametrize("name", sorted(CASES))
def test_hostile_case_builds_or_is_refused_clearly(hostile: Path, name: str) -> None:
    expected = CASES[name]
    path = hostile / name
    if expected is not None:
        with pytest.raises(CorpusError) as caught:
            read_file(path, f"corpus/{name}")
        message = str(caught.value)
        assert message.startswith(printable(f"corpus/{name}"))
        assert "\x1b" not in message
        assert expected in message
        assert ". Fix: " in message
        return
    articles = read_file(path, f"corpus/{name}")
    for article in articles:
        extraction = extract(article)
        assert extraction.claims, f"{name}: no claims"
        for claim in extraction.claims:
            assert article.body[claim.span.start : claim.span.end] == claim.span.text


def test_hostile_committed_files_hold_what_the_readme_says() -> None:
    """Guard against an editor or a git filter quietly 'fixing' the hostile bytes."""
    lookalike = (HOSTILE / "lookalike-names.md").read_text(encoding="utf-8")
    for char in "\u200b\u202e\u202c\u2060\ufeff\u2066\u2069\u200d\u00ad":
        assert char in lookalike, f"lookalike-names.md lost U+{ord(char):04X}"
    assert b"\x00" in (HOSTILE / "nul-bytes.txt").read_bytes()
    assert b"M\xfcller" in (HOSTILE / "latin1.txt").read_bytes()
    assert (HOSTILE / "empty.txt").stat().st_size == 0


# ----------------------------------------------------------------------------------------------
# The whole corpus, built as a user would


def test_hostile_build_skips_what_it_cannot_read_and_says_why(hostile_build: HostileBuild) -> None:
    build = hostile_build
    assert build.code == 0, build.stderr
    assert "Traceback" not in build.stderr
    assert not re.search(r"[\x00-\x08\x0b-\x1f\x7f]", build.stderr), "a control character reached the terminal"
    for name, expected in CASES.items():
        shown = printable(f"corpus/{name}")
        skipped = [line for line in build.stderr.splitlines() if line.startswith(f"kg build: skipped {shown}")]
        if expected is None:
            assert not skipped, f"{name} was skipped: {skipped}"
        else:
            assert len(skipped) == 1 and expected in skipped[0], f"{name}: {skipped}"
    refused = sum(1 for v in CASES.values() if v is not None)
    assert f", {refused} skipped -> " in build.stderr


def test_hostile_build_time_and_memory_are_bounded(hostile_build: HostileBuild) -> None:
    assert hostile_build.cpu_seconds < MAX_CPU_SECONDS, f"{hostile_build.cpu_seconds:.1f} s of CPU"
    assert hostile_build.seconds < MAX_SECONDS, f"{hostile_build.seconds:.1f} s"
    assert hostile_build.rss_mb < MAX_RSS_MB, f"{hostile_build.rss_mb:.0f} MB"


def test_hostile_build_outputs_parse(hostile_build: HostileBuild) -> None:
    assert len(store_of(hostile_build.out)) > 0
    list(ox.parse(path=hostile_build.out / TTL_NAME, format=ox.RdfFormat.TURTLE))


def test_hostile_build_writes_nothing_outside_the_output_folder(hostile_build: HostileBuild) -> None:
    assert hostile_build.outside_after == hostile_build.outside_before
    assert hostile_build.escape_existed[1] == hostile_build.escape_existed[0]
    store = store_of(hostile_build.out)
    ids = [row[0] for row in select(store, "SELECT ?a WHERE { GRAPH ?g { ?a a schema:NewsArticle } }")]
    assert "https://w3id.org/kg/id/article/outside-the-output" in ids  # "../../../outside-the-output"
    assert "https://w3id.org/kg/id/article/tmp-kg-hostile-escape-graph" in ids  # "/tmp/kg-hostile-escape/graph"


def test_hostile_build_lookalike_names_make_one_actor(hostile_build: HostileBuild) -> None:
    """Zero-width, bidi-override, word-joiner, BOM and soft-hyphen characters inside names are removed on
    ingest, so "Pu\\u200btin" and "\\u202ePutin\\u202c" are the one Vladimir Putin, and nothing invisible is
    kept in any literal."""
    store = store_of(hostile_build.out)

    def named(part: str) -> list[tuple[str, ...]]:
        """The actors the article points at whose label holds ``part``."""
        return select(store, f"""SELECT DISTINCT ?a WHERE {{
            GRAPH <https://w3id.org/kg/id/graph/article/lookalike-names> {{ ?s ?p ?a }}
            GRAPH ?e {{ ?a rdfs:label ?l }} FILTER(CONTAINS(?l, "{part}")) }}""")

    assert named("tin") == [("https://w3id.org/kg/id/actor/vladimir-putin",)]
    assert named("TO") == [("https://w3id.org/kg/id/actor/nato",)]
    assert named("Roe") == [("https://w3id.org/kg/id/actor/jane-roe",)]  # the author "Jane\u200d Roe"
    claimants = select(store, """SELECT DISTINCT ?who WHERE { GRAPH ?g {
        ?c schema:appearance <https://w3id.org/kg/id/article/lookalike-names> ; prov:wasAttributedTo ?who } }""")
    assert ("https://w3id.org/kg/id/actor/vladimir-putin",) in claimants
    assert not [c for c in claimants if "putin" in c[0] and c[0] != "https://w3id.org/kg/id/actor/vladimir-putin"]
    literals = select(store, "SELECT ?o WHERE { GRAPH ?g { ?s ?p ?o FILTER(isLiteral(?o)) } }")
    assert not [o for (o,) in literals if INVISIBLE.search(o)]


def test_hostile_build_keeps_injected_markup_as_inert_text(hostile_build: HostileBuild) -> None:
    store = store_of(hostile_build.out)
    headlines = {row[0]: row[1] for row in select(store, "SELECT ?a ?h WHERE { GRAPH ?g { ?a schema:headline ?h } }")}
    assert headlines["https://w3id.org/kg/id/article/script-injection"] == (
        '<script>alert("title")</script> Minister <img src=x onerror=alert(1)> resigns')
    claims = [t for (t,) in select(store, "SELECT ?t WHERE { GRAPH ?g { ?c a schema:Claim ; schema:text ?t } }")]
    assert any('<script>alert("sentence")</script>' in t for t in claims)
    # only http(s) URLs become IRIs: no javascript:, data:, file: or vbscript: node anywhere
    nodes = {t for row in select(store, "SELECT ?s ?o WHERE { GRAPH ?g { ?s ?p ?o FILTER(isIRI(?o)) } }") for t in row}
    graphs = {g for (g,) in select(store, "SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }")}
    for iri in nodes | graphs:
        assert iri.startswith(("http://", "https://")), iri
    urls = [u for (u,) in select(store, "SELECT ?u WHERE { GRAPH ?g { ?s schema:url ?u } }")]
    assert urls and all(not set(u) & set('<>"{}|^`\\ ') for u in urls)
    page = select(store, "SELECT ?u WHERE { GRAPH ?g { <https://w3id.org/kg/id/article/script-page> schema:url ?u } }")
    assert page == []  # og:url and the canonical link were javascript: URLs


def test_hostile_build_leaves_the_rest_of_the_corpus_unaffected(hostile_build: HostileBuild, tmp_path: Path) -> None:
    """The good articles give the same claims as when they are built alone."""
    alone = tmp_path / "good"
    alone.mkdir()
    for name in GOOD:
        shutil.copy(HOSTILE / name, alone / name)
    build_corpus(alone, tmp_path / "out", use_cache=False)
    query = """SELECT ?c ?t ?status WHERE { GRAPH ?g { ?c a schema:Claim ; schema:text ?t ;
               <https://w3id.org/kg/ns#citationStatus> ?status } FILTER(CONTAINS(STR(?c), '/good-')) }"""
    expected = sorted(select(store_of(tmp_path / "out"), query))
    assert expected
    assert sorted(select(store_of(hostile_build.out), query)) == expected


def test_hostile_build_without_skip_invalid_stops_and_keeps_the_previous_outputs(
    hostile: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "out"
    good = tmp_path / "good"
    good.mkdir()
    shutil.copy(HOSTILE / GOOD[0], good / GOOD[0])
    build_corpus(good, out)
    before = snapshot(out, out / ".cache")
    assert main(["build", str(hostile), "--out", str(out)]) == 2
    err = capsys.readouterr().err
    assert "Traceback" not in err
    first = sorted(name for name, expected in CASES.items() if expected is not None)[0]
    assert err.startswith(f"kg build: error: {printable(f'corpus/{first}')}: {CASES[first]}")
    assert snapshot(out, out / ".cache") == before


# ----------------------------------------------------------------------------------------------
# Long articles stay fast


def test_hostile_long_article_extracts_in_linear_time() -> None:
    """A 200,000-character paragraph extracts in seconds. It took two minutes while each candidate mention
    was tested against every earlier one, each full stop searched the paragraph before it, and each date
    every earlier date (quadratic)."""
    body = _prose(200_000)
    article = Article(id="long", path="long.txt", headline="Long", body=body, sha256="0" * 64)
    started = time.perf_counter()
    extraction = extract(article)
    seconds = time.perf_counter() - started
    assert extraction.claims
    assert seconds < 45, f"extraction of 200,000 characters took {seconds:.1f} s"
