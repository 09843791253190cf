"""Reading the corpus: the audit's reproductions, each closed.

Failures: a link out of the corpus was read (``x.txt -> /etc/passwd``); one bad JSON Lines line lost
the whole file; a record with 10,000 authors ran out of memory; a file name that is not UTF-8 gave a
traceback; a corpus 1,200 folders deep gave a RecursionError; a folder that cannot be read was skipped
while the build reported success. Weak: NFC and NFD twins of a file name reported as "café.txt
duplicates café.txt"; a publication date in 2099 accepted silently; Russian, Chinese and Arabic
articles built to near-empty output without a word; ``[x](<javascript:…>)`` left in claim text;
5,000 look-alike authors turning a 150 KB input into a 50 MB page.
"""

from __future__ import annotations

import json
import os
import resource
import time
import unicodedata
from pathlib import Path

import pytest

from kg import pipeline
from kg.ingest.article import MAX_AUTHORS
from tests.conftest import TINY_CORPUS
from tests.support.building import copy_tiny, kg, kg_subprocess

ARTICLE = "Officials said on Monday that gas prices in Europe would fall this winter, the ministry reported.\n"


def _graph(out: Path) -> str:
    return (out / "graph.trig").read_text(encoding="utf-8")


# ----------------------------------------------------------------------------------------------
# Links and special files


def test_corpus_link_out_of_the_corpus_is_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    corpus = copy_tiny(tmp_path)
    (corpus / "x.txt").symlink_to("/etc/passwd")
    out = tmp_path / "o"
    code, err = kg(capsys, "build", corpus, "--out", out, "-q")
    assert code == 2
    assert ("kg build: error: corpus/x.txt: it is a symbolic link to /etc/passwd, outside the corpus folder, "
            "and kg reads only what is inside it. Fix: copy the file into the corpus folder, or remove the link") in err
    code, err = kg(capsys, "build", corpus, "--out", out, "--skip-invalid")
    assert code == 0 and "kg build: skipped corpus/x.txt: it is a symbolic link to /etc/passwd" in err
    assert "root:x:0:0" not in _graph(out)


def test_corpus_link_to_a_folder_outside_is_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    corpus = copy_tiny(tmp_path)
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (elsewhere / "secret.txt").write_text("The secret plan said the minister would resign on Friday.\n")
    (corpus / "more").symlink_to(elsewhere, target_is_directory=True)
    code, err = kg(capsys, "build", corpus, "--out", tmp_path / "o", "--skip-invalid")
    assert code == 0
    assert f"skipped corpus/more: it is a symbolic link to {elsewhere}, outside the corpus folder" in err
    assert "secret plan" not in _graph(tmp_path / "o")


def test_corpus_link_inside_the_corpus(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A link to a folder of the corpus is not followed (its files are read where they are)."""
    corpus = copy_tiny(tmp_path)
    (corpus / "again").symlink_to(corpus, target_is_directory=True)
    code, err = kg(capsys, "build", corpus, "--out", tmp_path / "o")
    assert code == 0
    assert "corpus/again: a symbolic link to a folder of the corpus; not followed" in err
    assert "kg build: 6 articles" in err


def test_corpus_fifo_is_skipped_with_a_reason(tmp_path: Path) -> None:
    corpus = copy_tiny(tmp_path)
    os.mkfifo(corpus / "pipe.txt")
    result = kg_subprocess("build", corpus, "--out", tmp_path / "o", timeout=120)
    assert result.returncode == 0, result.stderr
    assert "corpus/pipe.txt: skipped: it is a FIFO, not a regular file" in result.stderr


# ----------------------------------------------------------------------------------------------
# Folders: deep, unreadable; file names


def test_corpus_nested_1200_deep_is_read(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    corpus = tmp_path / "corpus"
    deep = corpus
    corpus.mkdir()
    for _ in range(1200):  # one level at a time: Path.mkdir(parents=True) recurses, too deep for Python here
        deep = deep / "d"
        deep.mkdir()
    (deep / "deep.txt").write_text(ARTICLE)
    (corpus / "top.txt").write_text("NATO said on Tuesday that it would send more troops to the Baltic states.\n")
    try:
        code, err = kg(capsys, "build", corpus, "--out", tmp_path / "o")
        assert code == 0, err
        assert "kg build: 2 articles" in err
    finally:  # removed one level at a time too (shutil.rmtree, which cleans tmp_path, recurses)
        (deep / "deep.txt").unlink()
        while deep != corpus:
            deep.rmdir()
            deep = deep.parent


def test_corpus_unreadable_folder_is_an_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    corpus = copy_tiny(tmp_path)
    locked = corpus / "locked"
    locked.mkdir()
    (locked / "hidden-away.txt").write_text(ARTICLE)
    locked.chmod(0)
    if os.geteuid() == 0:  # root lists any folder: make the listing fail as it does for anyone else
        real_scandir = os.scandir

        def scandir(path: str | os.PathLike[str]) -> object:
            if Path(path) == locked:
                raise PermissionError(13, "Permission denied", str(path))
            return real_scandir(path)

        monkeypatch.setattr(os, "scandir", scandir)
    try:
        code, err = kg(capsys, "build", corpus, "--out", tmp_path / "o", "-q")
        assert code == 2
        assert ("kg build: error: corpus/locked: the folder cannot be read (Permission denied), so its articles "
                "would be left out. Fix: make it readable (chmod u+rx), or move it out of the corpus") in err
        code, err = kg(capsys, "build", corpus, "--out", tmp_path / "o")
        assert code == 2
        code, err = kg(capsys, "build", corpus, "--out", tmp_path / "o", "--skip-invalid")
        assert code == 0 and "kg build: skipped corpus/locked: the folder cannot be read" in err
        assert ", 1 skipped" in err
    finally:
        locked.chmod(0o755)


def test_corpus_file_name_not_utf8(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    corpus = copy_tiny(tmp_path)
    with open(os.fsencode(corpus) + b"/caf\xe9.txt", "w") as handle:
        handle.write(ARTICLE)
    for cache in ((), ("--no-cache",)):
        code, err = kg(capsys, "build", corpus, "--out", tmp_path / "o", *cache)
        assert code == 0, err
        assert "kg build: 7 articles" in err
    assert "article\\/caf-xe9 a schema:NewsArticle" in _graph(tmp_path / "o")  # its id, from the name as shown


def test_corpus_nfc_and_nfd_twins_are_told_apart(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    nfc, nfd = unicodedata.normalize("NFC", "café.txt"), unicodedata.normalize("NFD", "café.txt")
    assert nfc != nfd
    (corpus / nfc).write_text(ARTICLE)
    (corpus / nfd).write_text(ARTICLE)
    code, err = kg(capsys, "build", corpus, "--out", tmp_path / "o", "-q")
    assert code == 2
    assert "duplicates corpus/caf" in err
    assert ("the two file names look the same but are written with different Unicode characters "
            "('corpus/cafe\\\\u0301.txt' and 'corpus/caf\\\\xe9.txt': composed and decomposed accents)") in err
    assert "Fix: rename or remove one of the two files" in err


# ----------------------------------------------------------------------------------------------
# JSON Lines


def test_corpus_jsonl_bad_line_costs_that_line_alone(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    lines = [
        {"id": "ok1", "headline": "First", "articleBody": "NATO said on Monday it would send more troops."},
        [1, 2],
        {"id": "ok2", "headline": "Second", "articleBody": "The minister said gas prices would fall."},
    ]
    (corpus / "feed.jsonl").write_text("\n".join(json.dumps(line) for line in lines) + "\n")
    code, err = kg(capsys, "build", corpus, "--out", tmp_path / "o", "--skip-invalid")
    assert code == 0, err
    assert "kg build: skipped corpus/feed.jsonl:2: the record is not a JSON object" in err
    assert "kg build: 2 articles" in err and ", 1 skipped" in err
    graph = _graph(tmp_path / "o")
    assert "ok1" in graph and "ok2" in graph
    code, err = kg(capsys, "build", corpus, "--out", tmp_path / "o2", "-q")
    assert code == 2 and "kg build: error: corpus/feed.jsonl:2: the record is not a JSON object" in err


# ----------------------------------------------------------------------------------------------
# Amplification: per-record limits, memory bounded by the input


def _amplifying_record(authors: int, sentences: int) -> str:
    body = " ".join(f"Prices in region {i} rose by {i % 90 + 1} percent in March." for i in range(sentences))
    names = [f"Jane Roe{i}" for i in range(authors)]
    return json.dumps({"id": "amp", "headline": "Prices", "author": names, "articleBody": body}) + "\n"


def test_corpus_ten_thousand_authors_are_refused_at_once(tmp_path: Path) -> None:
    corpus = copy_tiny(tmp_path)
    record = _amplifying_record(10_000, 1_000)
    assert 180_000 < len(record) < 260_000  # the audit's 211 KB record
    (corpus / "amp.jsonl").write_text(record)
    started = time.monotonic()
    result = kg_subprocess("build", corpus, "--out", tmp_path / "o", "--skip-invalid", timeout=300)
    assert result.returncode == 0, result.stderr
    assert time.monotonic() - started < 60
    assert (f"kg build: skipped corpus/amp.jsonl:1: the article names 10,000 authors, over the limit of "
            f"{MAX_AUTHORS}. Fix: keep the byline's real authors") in result.stderr
    result = kg_subprocess("build", corpus, "--out", tmp_path / "o2", timeout=300)
    assert result.returncode == 2 and "Traceback" not in result.stderr


def test_corpus_memory_stays_bounded_by_the_input(tmp_path: Path) -> None:
    """The most authors allowed and 1,000 unattributed sentences: a graph proportional to the input."""
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "amp.jsonl").write_text(_amplifying_record(MAX_AUTHORS, 1_000))
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    result = kg_subprocess("build", corpus, "--out", tmp_path / "o", "--no-cache", timeout=600)
    assert result.returncode == 0, result.stderr
    peak_mb = max(before, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss) / 1024
    input_bytes = (corpus / "amp.jsonl").stat().st_size
    assert peak_mb < 1500, f"peak {peak_mb:.0f} MB for {input_bytes:,} bytes of input"
    assert (tmp_path / "o" / "graph.trig").stat().st_size < 1000 * input_bytes


def test_corpus_claims_over_the_limit_are_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(pipeline, "MAX_CLAIMS", 2)
    code, err = kg(capsys, "build", TINY_CORPUS, "--out", tmp_path / "o", "--skip-invalid", "--no-cache")
    assert code == 0, err
    assert "claims, over the limit of 2 for one article. Fix: split it into several articles" in err
    code, err = kg(capsys, "build", TINY_CORPUS, "--out", tmp_path / "o2", "--no-cache", "-q")
    assert code == 2 and "over the limit of 2 for one article" in err


def test_corpus_five_thousand_lookalike_authors_do_not_make_a_huge_page(tmp_path: Path) -> None:
    corpus = copy_tiny(tmp_path)
    names = [f"Jane R{'o' * (1 + i % 3)}e-{i:04d}" for i in range(5_000)]
    header = "---\ntitle: Prices\nauthor:\n" + "".join(f"  - {name}\n" for name in names) + "---\n"
    (corpus / "authors.md").write_text(header + ARTICLE)
    assert 50_000 < (corpus / "authors.md").stat().st_size < 200_000  # the audit's 150 KB input
    reference = kg_subprocess("build", TINY_CORPUS, "--out", tmp_path / "ref", timeout=300)
    result = kg_subprocess("build", corpus, "--out", tmp_path / "o", "--skip-invalid", timeout=300)
    assert reference.returncode == 0 and result.returncode == 0, result.stderr
    assert "corpus/authors.md: the article names 5,000 authors, over the limit of" in result.stderr
    page, reference_page = (tmp_path / "o" / "graph.html").stat().st_size, (tmp_path / "ref" / "graph.html").stat()
    assert page < 2 * reference_page.st_size


# ----------------------------------------------------------------------------------------------
# Notices: dates in the future, languages kg cannot read, active links


def test_corpus_future_publication_date_is_warned_about(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "future.md").write_text(f"---\ntitle: From the future\npublished: 2099-12-31\n---\n{ARTICLE}")
    code, err = kg(capsys, "build", corpus, "--out", tmp_path / "o")
    assert code == 0
    assert ("kg: WARNING: corpus/future.md: published date 2099-12-31 is in the future; kept as written "
            "(check the header)") in err


FOREIGN = {
    "ru.txt": ("Russian", "Министр заявил в понедельник, что цены на газ в Европе упадут этой зимой. Об этом "
               "сообщили в министерстве, добавив, что новые поставки начнутся в марте."),
    "zh.txt": ("Chinese", "部长周一表示，今年冬天欧洲的天然气价格将会下降。该部表示，新的供应将于三月开始，"
               "官员们预计价格将保持在低位。"),
    "ar.txt": ("Arabic", "قال الوزير يوم الاثنين إن أسعار الغاز في أوروبا ستنخفض هذا الشتاء. وأضافت الوزارة أن "
               "الإمدادات الجديدة ستبدأ في مارس وأن المسؤولين يتوقعون بقاء الأسعار منخفضة."),
}


def test_corpus_articles_not_in_english_are_named_and_counted(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    corpus = copy_tiny(tmp_path)
    for name, (_, text) in FOREIGN.items():
        (corpus / name).write_text(text + "\n", encoding="utf-8")
    code, err = kg(capsys, "build", corpus, "--out", tmp_path / "o")
    assert code == 0, err
    for name, (language, _) in FOREIGN.items():
        assert (f"kg: WARNING: corpus/{name}: the article is in {language}, not English; kg's rules read "
                "English, so it gives few or no claims") in err
    summary = err.strip().splitlines()[-1]
    assert summary.startswith("kg build: 9 articles, ") and ", 3 not in English -> " in summary
    code, err = kg(capsys, "build", TINY_CORPUS, "--out", tmp_path / "o2")
    assert "not English" not in err and "not in English" not in err


def test_corpus_declared_language_is_taken_at_its_word(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "de.md").write_text(f"---\ntitle: Preise\nlanguage: de\n---\n{ARTICLE}")
    code, err = kg(capsys, "build", corpus, "--out", tmp_path / "o")
    assert code == 0 and "corpus/de.md: the article is in German, not English" in err


@pytest.mark.parametrize(
    "link",
    [
        "[x](<javascript:alert(document.cookie)>)",
        "[x](javascript:alert(document.cookie))",
        '[x](<javascript:alert(1)> "a title")',
        "[x](<data:text/html,<b>>)",
    ],
)
def test_corpus_active_link_leaves_no_trace_in_claim_text(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], link: str
) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "link.md").write_text(f"Officials said the plan, published at {link}, would cut gas prices.\n")
    code, err = kg(capsys, "build", corpus, "--out", tmp_path / "o", "--skip-invalid")
    assert code == 0, err
    graph = _graph(tmp_path / "o")
    assert "javascript:" not in graph and "](<" not in graph and "](javascript" not in graph
    if "data:" not in link:
        assert "published at x, would cut gas prices" in graph
