"""data: what the ingest rules read from ``kg/data/``.

Rule code holds no word lists and names no real organisation. The phrases of the furniture and
masthead rules are lexicon lists (``kg/data/lexicon/ingest-*.txt``, one regular expression per line);
the wire agencies whose dateline gives an article its publisher (``wire-agencies.json``) and the
platforms a page's share buttons name (``share-platforms.json``) are gazetteer data. Each file is read
once per process.
"""

from __future__ import annotations

import json
from functools import cache
from importlib import resources
from typing import Any

from kg.lexicon import entries

__all__ = ["alternation", "share_platforms", "wire_agencies"]


def alternation(name: str) -> str:
    """The lines of lexicon list ``name`` as one regular-expression group of alternatives, in file order.

    >>> alternation("ingest-teaser-sections")
    '(?:more|watch|listen|opinion|explainer|analysis|video|podcast|live)'
    """
    return "(?:" + "|".join(entries(name)) + ")"


def _gazetteer(name: str) -> Any:
    return json.loads(resources.files("kg").joinpath("data", "gazetteer", name).read_text(encoding="utf-8"))


@cache
def wire_agencies() -> dict[str, str]:
    """A wire agency as a dateline writes it (an acronym, say) -> the publisher name an article it sent gets."""
    return {str(k): str(v) for k, v in _gazetteer("wire-agencies.json").items()}


@cache
def share_platforms() -> tuple[str, ...]:
    """The platforms a share button names ("Share on <platform>"), lowercase."""
    return tuple(str(name) for name in _gazetteer("share-platforms.json"))
