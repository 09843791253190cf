"""Property-based fuzzing: every reader, the extractor, IRI minting and ``kg query`` fail only cleanly.

* Readers (front matter, ``.txt``/``.md``, ``.html``, ``.jsonl``, ``.json``): any bytes give Articles or a
  :class:`~kg.errors.CorpusError`, never another exception; what they give is a valid article.
* The extractor on any text: no exception, every span is ``body[start:end]``, and the article's graph
  serialises and parses back.
* IRI minting: any key gives a valid IRI, distinct keys distinct IRIs; a URL that is not http(s) is no IRI.
* ``kg query`` (in-process) on any text: exit 0 or a clean error with exit 2, never a traceback.

Each property runs ``KG_FUZZ_EXAMPLES`` examples (default 200, so CI stays quick); ``python -m
benchmarks.fuzz`` runs them with many more. Failures print the shrunk input to reproduce with.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import json
import os
import re
from collections.abc import Iterator
from pathlib import Path

import pyoxigraph as ox
import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from kg import iris
from kg.build import iter_graphs
from kg.cli import main
from kg.errors import CorpusError
from kg.export import prefix_header, serialize_graph
from kg.extract import extract
from kg.extract.citations import url_source_key
from kg.ingest.article import MAX_ARTICLE_CHARS, make_article
from kg.ingest.header import meta_from_mapping as _meta_from_mapping
from kg.ingest.readers import READERS
from kg.models import Article, Extraction
from kg.pipeline import build_corpus
from kg.resolve import check_references, resolve
from tests.conftest import TINY_CORPUS

EXAMPLES = int(os.environ.get("KG_FUZZ_EXAMPLES", "200"))
FUZZ = settings(
    max_examples=EXAMPLES,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.filter_too_much],
)
INVISIBLE = re.compile("[\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]")
"""Zero-width and bidirectional formatting characters: never kept in any text of an article."""

# ----------------------------------------------------------------------------------------------
# Strategies

NEWS_TOKENS = [
    "Vladimir Putin", "Putin", "NATO", "the EU", "Russia", "Ukraine", "Zelensky", "Jens Stoltenberg", "the Kremlin",
    "Jane Roe", "an analyst at the Kyiv School of Economics", "the ministry", "officials", "analysts say",
    "said", "told reporters", "according to", "denied", "rejected", "warned that", "he said", "she said",
    "“", "”", '"', "«", "»", "'", "’", "(", ")", ",", ".", ";", ":", "!", "?", "…", "—",
    "[1]", "[2, 3]", "[4-6]", "¹", "²", ".5", "[999]", "ibid.",
    "on 24 February 2022", "in March 2024", "last year", "2023", "5%", "$3 billion", "1,000 troops",
    "U.S.", "Dr.", "Gen.", "Inc.", "e.g.", "No.", "St.",
    "https://example.org/report", "[the report](https://example.org/r)", "[x](javascript:alert(1))",
    "<script>alert(1)</script>", "javascript:alert(1)", "../../etc/passwd",
    "\n", "\n\n", "\n- ", "\n1. ", "\n| a | b |", "\nReferences\n", "\n[1] https://example.org/a\n",
    "\u200b", "\u202e", "\u2066", "\ufeff", "\u00ad", "\u00a0", "\t", "\r\n", "\x00", "\x1b[31m",
    "Пу\u0301тин", "習近平", "🇺🇦", "e\u0301", "ﬁ", "\U0001d400",
]
news_text = st.lists(st.one_of(st.sampled_from(NEWS_TOKENS), st.text(max_size=6)), max_size=80).map(" ".join)
any_text = st.one_of(news_text, st.text(max_size=300))

HEADER_KEYS = ["title", "url", "author", "authors", "published", "date", "language", "genre", "id", "publisher",
               "type", "bogus", "Title", "datePublished", "@id"]
HEADER_VALUES = [
    "", "~", "null", "no", "2024-03-01", "2024-13-45", "March 5, 2024", "https://example.org/a",
    "javascript:alert(1)", "[a, b]", "{x: y}", "&a x", "*a", "!!python/object/apply:os.system [ls]", "'quoted'",
    '"dq', "|\n  block", ">\n  folded", "../../x", "/etc/passwd", "news", "opinion", "- item",
]
header_line = st.tuples(st.sampled_from(HEADER_KEYS), st.one_of(st.sampled_from(HEADER_VALUES), st.text(max_size=20)))
front_matter = st.tuples(st.lists(header_line, max_size=6), any_text, st.booleans()).map(
    lambda t: ("---\n" + "".join(f"{k}: {v}\n" for k, v in t[0]) + ("---\n" if t[2] else "") + t[1]).encode(
        "utf-8", "surrogatepass"
    )
)

json_scalar = st.one_of(st.none(), st.booleans(), st.integers(), st.floats(), st.text(max_size=30),
                        st.sampled_from(HEADER_VALUES), st.just([]), st.just({}))
json_value = st.recursive(
    json_scalar,
    lambda inner: st.one_of(st.lists(inner, min_size=1, max_size=4),
                            st.dictionaries(st.text(max_size=8), inner, min_size=1, max_size=4)),
    max_leaves=12,
)
JSON_KEYS = ["articleBody", "text", "body", "headline", "title", "url", "author", "authors", "datePublished",
             "publisher", "inLanguage", "@id", "id", "genre", "@context", "keywords"]
json_article = st.dictionaries(st.sampled_from(JSON_KEYS), st.one_of(json_value, any_text), max_size=8)
jsonl_bytes = st.lists(st.one_of(json_article.map(json.dumps), st.text(max_size=40)), max_size=4).map(
    lambda lines: "\n".join(lines).encode("utf-8", "surrogatepass")
)
json_bytes = st.one_of(json_article, st.lists(json_article, max_size=3), json_value).map(
    lambda doc: json.dumps(doc).encode()
)

HTML_TOKENS = [
    "<html>", "</html>", "<head>", "</head>", "<body>", "</body>", "<article>", "</article>", "<p>", "</p>",
    "<div>", "</div>", "<title>", "</title>", "<h1>", "</h1>", "<script>alert(1)</script>", "<style>p{}</style>",
    "<a href='javascript:alert(1)'>", "<a href='https://example.org/x'>", "</a>", "<img src=x onerror=alert(1)>",
    "<meta property='og:url' content='javascript:alert(1)'>", "<meta name='author' content='Jane Roe'>",
    "<meta property='article:published_time' content='2024-03-01'>", "<link rel=canonical href='../x'>",
    "<!--", "-->", "<![CDATA[", "]]>", "&amp;", "&#0;", "&#xD800;", "&nbsp;", "<br>", "<table><tr><td>",
    "<?xml version='1.0' encoding='utf-8'?>", "<!DOCTYPE html>", "<svg><g>", "<ul><li>", "\x00",
    '<script type="application/ld+json">{"@type": "NewsArticle", "author": {"name": "Jane Roe"}}</script>',
]
html_bytes = st.lists(st.one_of(st.sampled_from(HTML_TOKENS), news_text), max_size=40).map(
    lambda parts: "".join(parts).encode("utf-8", "surrogatepass")
)

# ----------------------------------------------------------------------------------------------
# Readers


def check_articles(articles: list[Article]) -> None:
    """What every reader promises of an article it returns."""
    assert articles
    for article in articles:
        assert article.body.strip()
        assert len(article.body) <= MAX_ARTICLE_CHARS
        assert iris.is_key(article.id)
        assert article.url is None or article.url.startswith(("http://", "https://"))
        for text in (article.body, article.headline, *article.authors, article.publisher or ""):
            assert not INVISIBLE.search(text), f"an invisible character survived ingest: {text!r}"
        for link in article.links:
            assert article.body[link.span.start : link.span.end] == link.span.text
            assert link.url.startswith(("http://", "https://"))


def read(suffix: str, data: bytes) -> list[Article] | None:
    """The reader's articles, or None when it refused the input with a CorpusError."""
    try:
        articles = READERS[suffix]("fuzz" + suffix, data, "fuzz")
    except CorpusError as exc:
        assert str(exc).startswith(f"fuzz{suffix}") and "Fix: " in str(exc)
        return None
    check_articles(articles)
    return articles


@pytest.mark.parametrize("suffix", [".txt", ".md", ".html", ".jsonl", ".json"])
@FUZZ
@given(data=st.binary(max_size=3000))
def test_fuzz_readers_any_bytes(suffix: str, data: bytes) -> None:
    read(suffix, data)


@FUZZ
@given(data=front_matter)
@example(b"---\ntitle: " + b"[" * 5000 + b"\n---\nPutin said so.")
@example(b"---\na: &a [x, x]\nb: &b [*a, *a]\nauthor: *b\n---\nPutin said so.")
@example(b"---\nauthor: {name: Jane Roe}\n---\nPutin said so.")
def test_fuzz_front_matter(data: bytes) -> None:
    read(".md", data)


@FUZZ
@given(data=jsonl_bytes)
@example(b'{"articleBody": ' + b"[" * 5000 + b"]" * 5000 + b"}")
@example(b'{"articleBody": "Putin said so.", "headline": ' + b"9" * 5000 + b"}")
@example(b'{"articleBody": "Putin \\ud800 said so."}')
def test_fuzz_jsonl(data: bytes) -> None:
    read(".jsonl", data)


@FUZZ
@given(data=json_bytes)
@example(b'{"articleBody": "Putin said so.", "author": {"@type": "Person", "name": "Jane Roe"}}')
@example(b"[" * 5000 + b"]" * 5000)
def test_fuzz_json(data: bytes) -> None:
    articles = read(".json", data)
    if articles and data.startswith(b'{"articleBody": "Putin said so.", "author": {'):
        assert articles[0].authors == ("Jane Roe",)  # a schema.org Person object, not its repr


@FUZZ
@given(data=html_bytes)
@example(b"<html><body>" + b"<div>" * 300 + b"<p>Putin said the war would end soon, officials said.</p>")
def test_fuzz_html(data: bytes) -> None:
    read(".html", data)


# ----------------------------------------------------------------------------------------------
# The extractor, and the graph of what it finds


def check_extraction(extraction: Extraction) -> None:
    """Every span points at its text in the body; the article's graph is valid RDF."""
    body = extraction.article.body
    spans = [
        *(c.span for c in extraction.claims),
        *(q.span for c in extraction.claims for q in c.quantities),
        *(c.span for c in extraction.citations),
        *(m.span for m in extraction.mentions),
    ]
    for span in spans:
        assert body[span.start : span.end] == span.text, (span, body[span.start : span.end])
    assert not check_references(extraction)
    corpus = resolve([extraction])
    for _, quads in iter_graphs(corpus, "fuzz"):
        chunk = serialize_graph(quads)
        parsed = list(ox.parse(prefix_header() + chunk.trig, format=ox.RdfFormat.TRIG))
        assert len(parsed) == chunk.quads


@FUZZ
@given(body=any_text.filter(lambda t: t != ""))
@example("Putin said\u202e NATO\u202c will grow.[1]\n\n[1] https://example.org/r")
@example("“" * 50 + "Putin said so." + "”" * 50)
def test_fuzz_extractor_on_any_text(body: str) -> None:
    """Whatever the body holds (even what ingest would have removed), extraction gives valid records."""
    article = Article(id="fuzz", path="fuzz.txt", headline="Fuzz", body=body, sha256="0" * 64)
    check_extraction(extract(article))


@FUZZ
@given(body=any_text, title=st.one_of(st.none(), any_text), author=st.one_of(st.none(), any_text))
def test_fuzz_ingest_then_extract(body: str, title: str | None, author: str | None) -> None:
    """Text as ingest cleans it: the article (if any) extracts, and its graph is valid."""
    try:
        meta = _meta_from_mapping("fuzz.txt", {"title": title, "author": author}, strict=True)
        article = make_article("fuzz.txt", meta, body, "0" * 64, default_id="fuzz")
    except CorpusError:
        return
    check_articles([article])
    check_extraction(extract(article))


# ----------------------------------------------------------------------------------------------
# IRIs


def valid_iri(iri: str) -> str:
    return ox.NamedNode(iri).value  # raises ValueError when invalid


@FUZZ
@given(a=st.text(), b=st.text())
@example("Pu\u200btin", "Putin")
@example("../../etc/passwd", "etc/passwd")
@example("a/b", "a-b")
def test_fuzz_iris_any_key(a: str, b: str) -> None:
    """Keys made from any text give valid IRIs for every kind; different keys never share one."""
    key_a, key_b = iris.slug(a), iris.slug(b)
    minted = [f(key_a) for f in (iris.article_iri, iris.actor_iri, iris.event_iri, iris.source_iri,
                                 iris.article_graph)]
    for iri in minted:
        assert valid_iri(str(iri)) == str(iri)
    assert len(set(minted)) == len(minted)  # kinds never collide
    assert (iris.actor_iri(key_a) == iris.actor_iri(key_b)) == (key_a == key_b)
    assert iris.claim_iri(key_a, 0, 1) != iris.claim_iri(key_a, 0, 11)
    assert iris.is_key(url_source_key(a))


@FUZZ
@given(url=st.one_of(st.text(), st.from_regex(r"[a-zA-Z][a-zA-Z0-9+.-]{0,10}:[ -~]{0,40}", fullmatch=True)))
@example("javascript:alert(1)")
@example("JavaScript://%0aalert(1)")
@example("data:text/html,<script>alert(1)</script>")
@example("file:///etc/passwd")
@example("vbscript:msgbox(1)")
@example("https://example.org/\"><script>alert(1)</script>")
def test_fuzz_url_iri_only_web_urls(url: str) -> None:
    """A URL from corpus text becomes an IRI only if it is http(s), and then a valid one."""
    iri = iris.url_iri(url)
    if iri is not None:
        assert valid_iri(str(iri)) == str(iri)
        assert str(iri).lower().startswith(("http://", "https://")), iri
        assert not set(str(iri)) & set(' <>"{}|^`\\')


# ----------------------------------------------------------------------------------------------
# kg query, in-process


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("fuzz") / "out"
    build_corpus(TINY_CORPUS, out)  # not `main(["build", ..., "-q"])`: it would leave kg's logger at ERROR
    return out


@contextlib.contextmanager
def captured() -> Iterator[tuple[io.TextIOWrapper, io.TextIOWrapper]]:
    """stdout and stderr as text streams over bytes (kg query writes some formats as bytes)."""
    out = io.TextIOWrapper(io.BytesIO(), encoding="utf-8", errors="surrogateescape")
    err = io.TextIOWrapper(io.BytesIO(), encoding="utf-8", errors="backslashreplace")
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        yield out, err


def text_of(stream: io.TextIOWrapper) -> str:
    stream.flush()
    buffer = stream.buffer
    assert isinstance(buffer, io.BytesIO)
    return buffer.getvalue().decode("utf-8", "replace")


def run_query(built: Path, *args: str) -> tuple[int, str, str]:
    with captured() as (out, err):
        code = main(["query", *args, "--out", str(built), "--format", "json"])
    return code, text_of(out), text_of(err)


def mutate(text: str, cut: int, length: int, junk: str) -> str:
    cut %= len(text) + 1
    return text[:cut] + junk + text[cut + length :]


REPO = Path(__file__).parent.parent.parent
READY = sorted(p.read_text(encoding="utf-8") for p in (REPO / "kg" / "queries").glob("*.rq"))
malformed_sparql = st.one_of(
    st.text(max_size=200),
    st.builds(mutate, st.sampled_from(READY), st.integers(0, 5000), st.integers(0, 40),
              st.sampled_from(["", "{", "}", "(", "'", '"', "?", "<", ">", "#", "\\", "PREFIX", "SELECT", "\x00",
                               "\ud7ff", "GRAPH", "FILTER(", "SERVICE <http://127.0.0.1:9/>", ";", "."])),
)


@FUZZ
@given(text=malformed_sparql.filter(lambda t: t.strip() and not t.startswith("-")))
@example("queries/\x00.rq")
@example("SELEC * WHERE { ?s ?p ?o }")
@example("SELECT * WHERE { ?s ?p ?o ")
@example("PREFIX : <x> SELECT * { ?s :p ?o }")
@example("INSERT DATA { <urn:a> <urn:b> <urn:c> }")
@example("SELECT * WHERE { SERVICE <http://127.0.0.1:9/sparql> { ?s ?p ?o } }")
@example("SELECT (1/0 AS ?x) {}")
@example("SELECT * { ?s ?p ?o } LIMIT 99999999999999999999999")
def test_fuzz_query_any_text(built: Path, text: str) -> None:
    code, out, err = run_query(built, text)
    assert "Traceback" not in err
    assert code in (0, 2), (code, err)
    if code == 2:
        assert err.startswith(("kg query: error:", "usage:")), err
        assert out == ""


@FUZZ
@given(value=st.text(max_size=60))
@example('" } ; DROP ALL ; #')
@example("> } INSERT DATA { <urn:a> <urn:b> <urn:c> } #")
@example("\\u0022")
@example("<http://a b>")
def test_fuzz_query_parameters_are_values_not_text(built: Path, value: str) -> None:
    """A --param value is bound as data, never pasted into the query: it comes back as it was given."""
    code, out, err = run_query(built, "SELECT ?v WHERE { }", "--param", f"v={value}")
    assert "Traceback" not in err
    if code == 2:  # a value written as an IRI that is not a valid one
        assert err.startswith("kg query: error: --param value"), err
        return
    assert code == 0, err
    rows = json.loads(out)["results"]["bindings"]
    assert len(rows) == 1
    term = rows[0]["v"]
    if term["type"] == "literal" and "datatype" not in term:
        assert term["value"] == value


@FUZZ
@given(value=st.text(max_size=60))
@example('Putin" } ; DROP ALL ; #')
def test_fuzz_query_ready_query_names(built: Path, value: str) -> None:
    """A ready query's actor name is looked up as data: rows, or a clean "no actor is called" error."""
    code, out, err = run_query(built, "actor_claims", "--param", f"actor={value}")
    assert "Traceback" not in err
    assert code in (0, 2), err
    if code == 2:
        assert err.startswith("kg query: error:"), err
    else:
        json.loads(out)


def test_fuzz_query_syntax_error_names_line_and_column(built: Path) -> None:
    code, out, err = run_query(built, "SELECT * WHERE {\n  ?s ?p ?o .\n  FILTER(\n}")
    assert code == 2
    assert out == ""
    assert re.search(r"line \d+, column \d+", err), err


def test_fuzz_query_nul_byte_in_a_path_is_a_clean_error(built: Path) -> None:
    code, _, err = run_query(built, "queries/\x00.rq")
    assert code == 2
    assert err.startswith("kg query: error:")


def test_fuzz_query_undecodable_command_line_bytes_are_a_clean_error(built: Path) -> None:
    """A shell passes bytes that are not UTF-8 as surrogate escapes (``kg query $'ASK { \\xff }'``)."""
    code, _, err = run_query(built, "ASK { \udcff }")
    assert code == 2
    assert err.startswith("kg query: error:")


def test_fuzz_long_profile_command() -> None:
    """``python -m benchmarks.fuzz`` runs these properties with more examples (and, if asked, the crash trials)."""
    from benchmarks.fuzz import command, environment, main

    with pytest.raises(SystemExit):
        main(["--help"])
    args = argparse.Namespace(examples=50, seed=3, k="json", exitfirst=True, crash_trials=2, hostile_mb=0)
    cmd = command(args)
    assert cmd[1:3] == ["-m", "pytest"]
    assert "tests/hardening/test_fuzz.py" in cmd and "tests/hardening/test_crash_safety.py" in cmd
    assert "tests/hardening/test_hostile.py" not in cmd
    assert "--hypothesis-seed=3" in cmd and cmd[cmd.index("-k") + 1] == "json"
    env = environment(args)
    assert env["KG_FUZZ_EXAMPLES"] == "50" and env["KG_CRASH_TRIALS"] == "2" and "KG_HOSTILE_MB" not in env
