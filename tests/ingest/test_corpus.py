"""ingest.corpus: every bad-input case gets a message naming the file, the problem and the fix; duplicates,
skipped files and files that are not articles."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest

from kg.cli import main
from kg.errors import CorpusError
from kg.ingest.corpus import corpus_files, iter_corpus, read_file
from tests.conftest import TINY_CORPUS

GOOD = "---\ntitle: A good article\n---\nNATO leaders met in Brussels on Tuesday to discuss air defence.\n"

BAD_FILES: dict[str, tuple[str, bytes, str, str]] = {
    # name: (file name, content, words of the problem, words of the fix)
    "not-utf8": (
        "latin.txt",
        "Caf\xe9 au lait in Brussels, said the minister.".encode("latin-1"),
        "not valid UTF-8",
        "re-save the file as UTF-8",
    ),
    "empty": ("empty.txt", b"  \n\n", "the file is empty", "put the article text in it"),
    "binary": ("image.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "NUL bytes", "remove it from the corpus"),
    "malformed-header": (
        "header.md",
        b"---\ntitle: [unclosed\n---\nSome article text here.\n",
        "the YAML header is malformed",
        "write the header as YAML",
    ),
    "unclosed-header": (
        "open.md",
        b"---\ntitle: Never closed\nSome article text here.\n",
        "no closing '---' line",
        "write the header as YAML",
    ),
    "unknown-header-key": (
        "unknown.md",
        b"---\ntitle: T\ncolour: blue\n---\nSome article text here.\n",
        "unknown header field(s) 'colour'",
        "with the keys title, url",
    ),
    "bad-date": (
        "date.md",
        b"---\ntitle: T\npublished: last Tuesday\n---\nSome article text.\n",
        "published date 'last Tuesday' is not a date",
        "write it as YYYY-MM-DD",
    ),
    "bad-url": (
        "url.md",
        b"---\ntitle: T\nurl: not a url\n---\nSome article text.\n",
        "is not an absolute http(s) URL",
        "give the article's full address",
    ),
    "unknown-genre": (
        "genre.md",
        b"---\ntitle: T\ngenre: gossip\n---\nSome article text.\n",
        "genre 'gossip' is not known",
        "use one of",
    ),
    "jsonl-not-json": (
        "feed.jsonl",
        b'{"headline": "x", "articleBody": "Text."}\n{not json}\n',
        "not valid JSON",
        "write one complete JSON object per line",
    ),
    "jsonl-no-body": (
        "feed.jsonl",
        b'{"headline": "No body here"}\n',
        "the record has no article text",
        "put the text in an 'articleBody'",
    ),
}


def _corpus(tmp_path: Path, name: str, content: bytes) -> Path:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "good.md").write_text(GOOD, encoding="utf-8")
    (corpus / name).write_bytes(content)
    return corpus


@pytest.mark.parametrize("case", sorted(BAD_FILES))
def test_ingest_bad_file_message_names_file_problem_and_fix(tmp_path: Path, case: str) -> None:
    name, content, problem, fix = BAD_FILES[case]
    corpus = _corpus(tmp_path, name, content)
    with pytest.raises(CorpusError) as info:
        list(iter_corpus(corpus))
    message = str(info.value)
    assert message.startswith(f"corpus/{name}"), message
    assert problem in message
    assert f"Fix: {fix}" in message or fix in info.value.fix


@pytest.mark.parametrize("case", sorted(BAD_FILES))
def test_ingest_skip_invalid_goes_on_and_lists_the_file(tmp_path: Path, case: str) -> None:
    name, content, problem, _ = BAD_FILES[case]
    corpus = _corpus(tmp_path, name, content)
    skipped: list[str] = []
    articles = list(iter_corpus(corpus, skip_invalid=True, skipped=skipped))
    kept = ["x", "A good article"] if case == "jsonl-not-json" else ["A good article"]  # the feed's good line stays
    assert [a.headline for a in articles] == kept
    assert len(skipped) == 1 and name in skipped[0] and problem in skipped[0]


def test_ingest_unreadable_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A file the user may not read (made so here: the tests may run as root, who reads any file)."""
    corpus = _corpus(tmp_path, "locked.txt", b"Some text that cannot be read.")
    original = os.open

    def refusing_open(path: str | os.PathLike[str], flags: int, *args: Any, **kwargs: Any) -> int:
        if Path(path).name == "locked.txt":
            raise PermissionError(13, "Permission denied", str(path))
        return original(path, flags, *args, **kwargs)

    monkeypatch.setattr(os, "open", refusing_open)
    with pytest.raises(CorpusError) as info:
        list(iter_corpus(corpus))
    assert str(info.value) == (
        "corpus/locked.txt: cannot be read (Permission denied). Fix: check the file exists and is readable"
    )


@pytest.mark.parametrize(
    ("second", "what"),
    [
        (
            "---\ntitle: Another\n---\nNATO leaders met in Brussels on Tuesday to discuss air defence.\n",
            "text",
        ),
        (
            "---\nid: good\ntitle: Other\n---\nCompletely different text about something else entirely.\n",
            "id",
        ),
    ],
)
def test_ingest_duplicate_article(tmp_path: Path, second: str, what: str) -> None:
    corpus = _corpus(tmp_path, "zz-copy.md", second.encode())
    with pytest.raises(CorpusError) as info:
        list(iter_corpus(corpus))
    message = str(info.value)
    assert message.startswith("corpus/zz-copy.md: duplicates corpus/good.md")
    assert f"(same {what})" in message
    assert "Fix:" in message


def test_ingest_missing_corpus_folder(tmp_path: Path) -> None:
    with pytest.raises(CorpusError, match="no such corpus folder"):
        list(iter_corpus(tmp_path / "nowhere"))


def test_ingest_reads_every_format_of_the_tiny_corpus() -> None:
    articles = {a.id: a for a in iter_corpus(TINY_CORPUS)}
    assert sorted(articles) == ["cited", "feed-sanctions", "feed-summit", "page", "quoted", "uncited"]
    assert articles["page"].links[0].url == "https://data.example.net/baltic-air-defence-plan"
    assert articles["quoted"].furniture == ("Share on Facebook",)
    assert articles["feed-sanctions"].authors == ("Sam Poe",)
    for article in articles.values():
        for link in article.links:
            assert article.body[link.span.start : link.span.end] == link.span.text


def test_ingest_read_file_of_one_file() -> None:
    [article] = read_file(TINY_CORPUS / "quoted.md")
    assert article.headline == "Alliance chief warns of a long war"


@pytest.mark.parametrize("case", sorted(BAD_FILES))
def test_ingest_cli_exit_code_2_without_traceback(
    tmp_path: Path, case: str, capsys: pytest.CaptureFixture[str]
) -> None:
    name, content, problem, _ = BAD_FILES[case]
    corpus = _corpus(tmp_path, name, content)
    code = main(["build", str(corpus), "--out", str(tmp_path / "out")])
    captured = capsys.readouterr()
    assert code == 2
    assert captured.out == ""
    assert captured.err.startswith(f"kg build: error: corpus/{name}")
    assert problem in captured.err
    assert "Traceback" not in captured.err
    assert not (tmp_path / "out" / "graph.ttl").exists()


def test_ingest_cli_skip_invalid_lists_what_it_skipped(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    corpus = _corpus(tmp_path, "empty.txt", b"")
    code = main(["build", str(corpus), "--out", str(tmp_path / "out"), "--skip-invalid"])
    captured = capsys.readouterr()
    assert code == 0, captured.err
    assert "kg build: skipped corpus/empty.txt: the file is empty" in captured.err
    assert "1 skipped" in captured.err
    assert (tmp_path / "out" / "graph.ttl").exists()


def test_ingest_files_that_are_not_articles_are_ignored_with_a_warning(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "a.txt").write_text("NATO said on Monday that it would send more troops to the Baltic states.")
    (corpus / "scan.pdf").write_bytes(b"%PDF-1.4")
    with caplog.at_level("WARNING"):
        articles = list(iter_corpus(corpus))
    assert [a.id for a in articles] == ["a"]
    assert "scan.pdf" in caplog.text and "not articles" in caplog.text


def test_ingest_a_file_named_explicitly_must_be_an_article(tmp_path: Path) -> None:
    path = tmp_path / "paper.pdf"
    path.write_bytes(b"%PDF-1.4")
    with pytest.raises(CorpusError, match=r"paper\.pdf: files ending in '\.pdf' are not read"):
        list(iter_corpus(path))


def test_ingest_corpus_files_leave_out_hidden_files_and_readmes(tmp_path: Path) -> None:
    for name in ("b.md", "a.txt", ".hidden.txt", "_drafts/c.txt", "README.md", "photo.png"):
        (tmp_path / name).parent.mkdir(exist_ok=True)
        (tmp_path / name).write_text("Some text.")
    ignored: list[Path] = []
    assert [p.name for p in corpus_files(tmp_path, ignored)] == ["a.txt", "b.md"]
    assert [p.name for p in ignored] == ["photo.png"]
