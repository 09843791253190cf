"""iris: any text gives valid, distinct keys and IRIs; URLs from corpus text become safe IRIs."""

from __future__ import annotations

import re
import unicodedata

import pyoxigraph as ox
import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from kg import iris

SETTINGS = {"max_examples": 300, "deadline": None}
ANY_TEXT = st.text(st.characters(codec="utf-8"), max_size=200) | st.text(max_size=50)
FORBIDDEN_IN_IRIS = set(' <>"{}|^`\\\n\t')


def _valid_iri(iri: str) -> bool:
    ox.NamedNode(iri)  # raises ValueError when invalid
    return not (set(iri) & FORBIDDEN_IN_IRIS)


@given(ANY_TEXT)
@example("Путин")
@example("../../etc/passwd")
@example("")
@example("x" * 500)
@example("\ud800")
def test_iris_slug_is_always_a_valid_key(text: str) -> None:
    key = iris.slug(text)
    assert iris.is_key(key)
    assert key == iris.slug(text)
    assert _valid_iri(str(iris.actor_iri(key)))


def _folded(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    ascii_only = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return re.sub(r"[^a-z0-9]+", "-", ascii_only.lower()).strip("-")


@given(ANY_TEXT, ANY_TEXT)
@example("Pútin", "Putin")
@example("Путин", "Пугин")
@example("", " ")
def test_iris_slug_only_merges_texts_that_read_the_same(a: str, b: str) -> None:
    """Two texts share a slug only if they fold to the same ASCII words ("Pútin" and "Putin")."""
    if iris.slug(a) == iris.slug(b):
        assert a == b or _folded(a) == _folded(b)


@given(st.lists(ANY_TEXT, max_size=4), st.lists(ANY_TEXT, max_size=4))
def test_iris_digest_separates_parts(a: list[str], b: list[str]) -> None:
    if a != b:
        assert iris.digest(*a) != iris.digest(*b)
    assert iris.digest(*a) == iris.digest(*a)
    assert len(iris.digest(*a)) == 16


@given(st.text(max_size=30), st.integers(0, 10**7), st.integers(1, 10**7))
def test_iris_claim_iris_are_valid_and_distinct(text: str, start: int, length: int) -> None:
    article = iris.slug(text)
    claim = iris.claim_iri(article, start, start + length)
    assert _valid_iri(str(claim))
    assert claim != iris.claim_iri(article, start, start + length + 1)
    assert claim != iris.claim_iri(article + "1", start, start + length)
    for part in (("anchor",), ("anchor", "position"), ("date", "0"), ("quantity", str(length))):
        assert _valid_iri(str(iris.part_iri(claim, *part)))


@given(ANY_TEXT, ANY_TEXT)
def test_iris_contradiction_iri_is_order_independent(a: str, b: str) -> None:
    assert iris.contradiction_iri("value", a, b) == iris.contradiction_iri("value", b, a)
    assert _valid_iri(str(iris.contradiction_iri("value", a, b)))


@pytest.mark.parametrize("bad", ["", "UPPER", "a/b", "../x", "a b", "-x", "é"])
def test_iris_refuse_unsafe_keys(bad: str) -> None:
    with pytest.raises(ValueError, match="not an IRI-safe key"):
        iris.actor_iri(bad)
    with pytest.raises(ValueError, match="not an IRI-safe key"):
        iris.part_iri(iris.article_iri("a"), bad)


@given(ANY_TEXT)
@example("http://exa mple.com/a b")
@example("https://example.org/%zz%4")
@example("https://[::1]/x[1]")
@example("http://a:b/")
@example("https://example.org/\ue000\ufffe")
@example("https://example.org/#a#b")
@example("https://example.org/\ud800")
@example('javascript:alert("x")')
def test_iris_url_iri_is_none_or_a_valid_iri(url: str) -> None:
    iri = iris.url_iri(url)
    if iri is not None:
        assert _valid_iri(str(iri))
        assert iris.url_iri(str(iri)) == iri  # encoding is idempotent


@given(st.from_regex(r"https?://[a-z]{1,10}\.[a-z]{2,3}/[ -~]{0,40}", fullmatch=True))
def test_iris_url_iri_accepts_every_web_url(url: str) -> None:
    assert iris.url_iri(url) is not None


@pytest.mark.parametrize(
    ("url", "iri"),
    [
        ("https://example.org/a b", "https://example.org/a%20b"),
        ("https://example.org/ü?q=ö#ä", "https://example.org/ü?q=ö#ä"),
        ("https://example.org/a%20b", "https://example.org/a%20b"),
        ("https://example.org/100%", "https://example.org/100%25"),
        ("https://example.org/<script>", "https://example.org/%3Cscript%3E"),
        ("  https://example.org/x  ", "https://example.org/x"),
    ],
)
def test_iris_url_iri_examples(url: str, iri: str) -> None:
    assert str(iris.url_iri(url)) == iri


@pytest.mark.parametrize("url", ["example.org/x", "//example.org/x", "", "http://a:b/", "1http://x"])
def test_iris_url_iri_refuses_what_cannot_be_absolute(url: str) -> None:
    assert iris.url_iri(url) is None


@pytest.mark.parametrize(
    ("kind", "key", "expected"),
    [
        ("actor", ("Jane Roe",), "jane-roe"),
        ("group", ("a-1", "Western Officials"), "group.a-1.western-officials"),
        ("event", ("accession", "finland", "nato"), "accession-finland-nato"),
        ("event-name", ("COP29",), "cop29"),
        ("event-topic", ("happening", "t1 Troops crossed the border"), "happening-t1-troops-crossed-the-border"),
        ("name-source", ("Trade review",), "n-trade-review"),
        ("publication", ("reuters",), "p-reuters"),
        ("document", ("ipsos", "Data"), "d-ipsos-data"),
    ],
)
def test_iris_mint_makes_each_kind_of_key(kind: iris.MintKind, key: tuple[str, ...], expected: str) -> None:
    assert iris.mint(kind, *key) == expected
    assert iris.is_key(expected)


def test_iris_mint_url_source_is_a_digest_of_the_address() -> None:
    key = iris.mint("url-source", "https://example.org/a")
    assert key == "u-" + iris.digest("https://example.org/a")
    assert key != iris.mint("url-source", "https://example.org/b")


@pytest.mark.parametrize(
    ("kind", "key"), [("actor", ()), ("group", ("a-1",)), ("event", ("war",)), ("nothing", ("x",))]
)
def test_iris_mint_refuses_a_kind_or_key_it_does_not_know(kind: str, key: tuple[str, ...]) -> None:
    with pytest.raises(ValueError, match="mint"):
        iris.mint(kind, *key)  # type: ignore[arg-type]
