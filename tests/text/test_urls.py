"""text.urls: which addresses kg accepts, and when two addresses name one page."""

from __future__ import annotations

import pytest

from kg.text.urls import is_web_url, page_key


@pytest.mark.parametrize(
    ("url", "ok"),
    [
        ("https://example.org/a?b=1", True),
        ("http://example.org", True),
        ("ftp://example.org/a", False),
        ("example.org/a", False),
        ("https:///a", False),
        ("https://example.org/a b", False),
        ("http://[::1", False),  # urlsplit refuses it
    ],
)
def test_urls_is_web_url(url: str, ok: bool) -> None:
    assert is_web_url(url) is ok


def test_urls_page_key_ignores_www_case_of_host_and_trailing_slash() -> None:
    assert page_key("https://www.Example.org/a/") == page_key("http://example.org/a")
    assert page_key("https://example.org/a?x=1") != page_key("https://example.org/a?x=2")
    assert page_key("https://example.org/A") != page_key("https://example.org/a")
