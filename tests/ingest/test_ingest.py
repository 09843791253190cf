"""ingest: every bad-input case gets a message naming the file, the problem and the fix."""

from __future__ import annotations

from pathlib import Path

import pytest

from kg.cli import main
from kg.errors import CorpusError
from kg.ingest.corpus import clean_lines, iter_corpus, read_file
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
    assert [a.headline for a in articles] == ["A good article"]
    assert len(skipped) == 1 and name in skipped[0] and problem in skipped[0]


def test_ingest_unreadable_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    corpus = _corpus(tmp_path, "locked.txt", b"Some text that cannot be read.")
    original = Path.read_bytes

    def read_bytes(self: Path) -> bytes:
        if self.name == "locked.txt":
            raise PermissionError(13, "Permission denied", str(self))
        return original(self)

    monkeypatch.setattr(Path, "read_bytes", read_bytes)
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


def test_ingest_json_document_with_one_or_many_articles(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "one.json").write_text('{"headline": "A", "articleBody": "Text of the first article here."}')
    (corpus / "many.json").write_text('[{"title": "B", "text": "Second article."}, {"title": "C", "text": "Third."}]')
    assert sorted(a.headline for a in iter_corpus(corpus)) == ["A", "B", "C"]


# ---------------------------------------------------------------------------------------------
# The top of a page without a header: title, byline and date lines (general shapes, made up here)

BODY = ("The council met for six hours on Monday and agreed a plan that had been negotiated for months "
        "between the finance ministries of the member states, officials said after the meeting ended late.")


@pytest.mark.parametrize(
    ("line", "date"),
    [
        ("March 14, 2025 4:12 PM", "2025-03-14"),
        ("Updated 4:52 PM GMT+2, October 2, 2025", "2025-10-02"),
        ("Tue 14 Oct 2025 06.00 BST", "2025-10-14"),
        ("Lisbon, 22 November 2025", "2025-11-22"),
        ("Commentary | 19 March 2025", "2025-03-19"),
        ("POLICY BRIEF No. 14 | July 2025", "2025-07"),
        ("Published 3 hours ago, 7 April 2025", "2025-04-07"),
    ],
)
def test_ingest_date_lines_date_the_article(line: str, date: str) -> None:
    cleaned = clean_lines(f"{line}\n\n{BODY}", None)
    assert cleaned.published == date
    assert line in cleaned.removed and line not in cleaned.body


@pytest.mark.parametrize(
    "line",
    ["Analysis 7 April 2025", "The summit opened on 7 April 2025 in the capital", "Between 2019 and 2021"],
)
def test_ingest_a_sentence_or_a_label_with_a_date_is_not_a_date_line(line: str) -> None:
    assert clean_lines(f"{line}\n\n{BODY}", None).published is None


def test_ingest_byline_with_date_and_reading_time() -> None:
    cleaned = clean_lines(f"By Jane Roe | March 3, 2025 | 6 min read\n\n{BODY}", None)
    assert cleaned.authors == ("Jane Roe",)
    assert cleaned.published == "2025-03-03"


def test_ingest_dateline_in_the_body_dates_the_article() -> None:
    cleaned = clean_lines(f"LISBON, 16 December 2025 — {BODY}", None)
    assert cleaned.published == "2025-12-16"
    assert cleaned.body.startswith("LISBON, 16 December 2025 — ")  # the dateline is part of the text


@pytest.mark.parametrize(
    ("opening", "agency"),
    [
        ("RIGA, March 14 (Reuters) - ", "Reuters"),
        ("ADEN/DUBAI, Aug 4 (Reuters) - ", "Reuters"),  # two places
        ("LAMPEDUSA, Italy (AP) \u2014 ", "Associated Press"),  # a place and its country, no date
        ("Markets\nWorld\n\nMOSCOW, March 3 (AFP) - ", "Agence France-Presse"),  # after page lines left over
        ("The talks (in Geneva) - and the rest: ", None),
    ],
)
def test_ingest_wire_dateline_names_the_publisher(opening: str, agency: str | None) -> None:
    assert clean_lines(opening + BODY, None).publisher == agency


def test_ingest_title_above_the_byline_becomes_the_headline() -> None:
    raw = f"Policy Brief\n\nHarbour Institute for Maritime Studies\n\nPorts brace for a long winter of strikes\n\n" \
          f"Jane Roe, Europe Correspondent\n12 January 2026\n\n{BODY}"
    cleaned = clean_lines(raw, None)
    assert cleaned.headline == "Ports brace for a long winter of strikes"
    assert cleaned.authors == ("Jane Roe",)
    assert cleaned.published == "2026-01-12"
    assert "Ports brace" not in cleaned.body and cleaned.body.endswith(BODY)


def test_ingest_bare_name_below_the_title_is_the_author_and_their_bio_goes() -> None:
    raw = (f"Harbour Institute for Maritime Studies\n\nCommentary | 19 March 2025\n\n"
           f"Ports brace for a long winter of strikes\n\nMarek Nowak\n\n{BODY}\n\n"
           "Marek Nowak is head of the Asia programme at the Harbour Institute. He previously reported from Beijing.")
    cleaned = clean_lines(raw, None)
    assert cleaned.authors == ("Marek Nowak",)
    assert "Marek Nowak" not in cleaned.body and "Asia programme" not in cleaned.body


def test_ingest_a_publication_name_line_is_no_author() -> None:
    raw = f"Commentary | 19 March 2025\n\nPorts brace for a long winter of strikes\n\nForeign Affairs\n\n{BODY}"
    assert clean_lines(raw, None).authors == ()


def test_ingest_a_masthead_is_never_the_headline() -> None:
    cleaned = clean_lines(f"Harbour Institute for Maritime Studies\n\n{BODY}", None)
    assert cleaned.headline is None
    assert "Harbour Institute" in cleaned.body


def test_ingest_a_labelled_title_opening_the_page_is_the_headline_not_a_teaser() -> None:
    cleaned = clean_lines(f"EXPLAINER: Why the strait matters, in dates\n\n{BODY}", None)
    assert cleaned.headline == "EXPLAINER: Why the strait matters, in dates"
    assert clean_lines(f"{BODY}\n\nANALYSIS: Why the strait matters, in dates", None).headline is None


@pytest.mark.parametrize(
    "raw",
    [
        "What will happen to the alliance if the United States walks away next year?",  # the only text
        "“Nobody should doubt our resolve on this matter at all.”\n\nShe said so twice.",  # a quotation
    ],
)
def test_ingest_no_headline_is_taken_from_the_text_itself(raw: str) -> None:
    cleaned = clean_lines(raw, None)
    assert cleaned.headline is None
    assert cleaned.body == raw


def test_ingest_front_matter_title_wins_over_a_title_line(tmp_path: Path) -> None:
    path = tmp_path / "a.md"
    path.write_text(f"---\ntitle: The real title\n---\nA different first line of text\n\n{BODY}\n", encoding="utf-8")
    (article,) = read_file(path)
    assert article.headline == "The real title"
