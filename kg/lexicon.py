"""lexicon: the language data the rules read, loaded from ``kg/data/lexicon/``.

Rule code holds no word lists: cue verbs, titles, negations, stop-lists, paraphrases and the like are
files in ``kg/data/lexicon/`` (general English only; see the README there), read through the
functions below. Each file is read once per process.

Formats:

* ``<name>.txt``: one entry per line; blank lines and lines starting with ``#`` are skipped, and
  surrounding whitespace is stripped. :func:`words` gives a frozenset, :func:`entries` the entries in
  file order (for lists whose order matters, e.g. alternatives tried longest first).
* ``<name>.tsv``: ``key<TAB>value`` per line, same comment rules. :func:`table` gives a dict;
  a key listed twice is an error.
* ``<name>.json``: any JSON document (:func:`document`), for nested tables.

>>> "said" in words("speech-verbs")
True
"""

from __future__ import annotations

import json
from functools import cache
from importlib import resources
from typing import Any

__all__ = ["document", "entries", "table", "words"]


def _text(name: str, suffix: str) -> str:
    path = resources.files("kg").joinpath("data", "lexicon", f"{name}{suffix}")
    try:
        return path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise LookupError(f"kg/data/lexicon/{name}{suffix} is missing: the lexicon has no list {name!r}") from None


@cache
def entries(name: str) -> tuple[str, ...]:
    """The entries of ``<name>.txt`` in file order."""
    lines = (line.strip() for line in _text(name, ".txt").splitlines())
    return tuple(line for line in lines if line and not line.startswith("#"))


def words(name: str) -> frozenset[str]:
    """The entries of ``<name>.txt`` as a set."""
    return frozenset(entries(name))


@cache
def table(name: str) -> dict[str, str]:
    """``<name>.tsv`` as a dict (key -> value)."""
    out: dict[str, str] = {}
    for number, raw in enumerate(_text(name, ".tsv").splitlines(), 1):
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        key, sep, value = raw.partition("\t")
        if not sep:
            raise ValueError(f"kg/data/lexicon/{name}.tsv line {number}: no tab between key and value")
        if key.strip() in out:
            raise ValueError(f"kg/data/lexicon/{name}.tsv line {number}: {key.strip()!r} is listed twice")
        out[key.strip()] = value.strip()
    return out


@cache
def document(name: str) -> Any:
    """``<name>.json``, parsed."""
    return json.loads(_text(name, ".json"))
