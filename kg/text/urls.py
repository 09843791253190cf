"""urls: web addresses as ingest and extract read them.

An article's ``url`` header, a Markdown link and a written-out address in the text become IRIs and
links only when :func:`is_web_url` accepts them; :func:`page_key` tells two addresses of one page apart
from two pages (a corpus holding one page twice is refused).
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

__all__ = ["is_web_url", "page_key"]

_SPACE = re.compile(r"\s")


def is_web_url(url: str) -> bool:
    """An absolute http(s) URL (what kg lets become an IRI or a link).

    >>> is_web_url("https://example.org/a"), is_web_url("example.org/a"), is_web_url("https://a b")
    (True, False, False)
    """
    try:
        parts = urlsplit(url)
    except ValueError:
        return False
    return parts.scheme in ("http", "https") and bool(parts.netloc) and not _SPACE.search(url)


def page_key(url: str) -> str:
    """The page an address names: host without ``www.`` (case ignored), path without a trailing slash, query.

    >>> page_key("https://WWW.Example.org/news/a/?id=1") == page_key("http://example.org/news/a?id=1")
    True
    """
    parts = urlsplit(url)
    return f"{parts.netloc.lower().removeprefix('www.')}{parts.path.rstrip('/')}?{parts.query}"
