"""catalogue: the ready queries shipped in ``kg/queries/``, and the values of their parameters.

A ready query is a commented ``kg/queries/*.rq`` file. Its leading comment block is its
documentation: the first sentence of its first line is the one-line purpose ``kg query --list``
prints, and a line ``# --param NAME: help`` declares a parameter. ``actor`` and ``source`` values may
name the actor or source the way an analyst would; the look-up queries of ``kg/queries/lookup/``
(not ready queries, not listed) turn the name into the IRIs it stands for.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from importlib import resources

import pyoxigraph as ox

from kg.errors import QueryError
from kg.sparql.results import QueryResult, SelectResult, cell_text, lexical_value
from kg.sparql.sources import QuerySource
from kg.sparql.text import Term, check_encodable, compact, term_from_text
from kg.vocab import PREFIXES

__all__ = [
    "Param",
    "ReadyQuery",
    "find_ready_query",
    "iter_params",
    "lookup_query",
    "packaged_query",
    "ready_queries",
    "resolve_params",
    "run_query",
    "suggest_ready",
]


@dataclass(frozen=True)
class Param:
    """A parameter a ready query takes: ``--param NAME=VALUE``."""

    name: str
    help: str


@dataclass(frozen=True)
class ReadyQuery:
    """A ready query shipped in ``kg/queries/``."""

    name: str
    purpose: str
    """The first sentence of its first comment line: what ``kg query --list`` prints."""
    description: str
    """Its whole leading comment, without the ``#`` marks and parameter lines."""
    params: tuple[Param, ...]
    text: str


def _parse_ready(name: str, text: str) -> ReadyQuery:
    comment: list[str] = []
    params: list[Param] = []
    for raw in text.splitlines():
        if not raw.startswith("#"):
            break
        line = raw[1:].strip()
        declared = re.match(r"--param\s+([A-Za-z_]\w*)\s*:\s*(.*)", line)
        if declared:
            params.append(Param(declared.group(1), declared.group(2).strip()))
        else:
            comment.append(line)
    description = " ".join(" ".join(comment).split())
    first_line = comment[0] if comment else ""
    first = re.match(r"(.+?[.?!])(\s|$)", first_line)
    purpose = first.group(1) if first else first_line
    return ReadyQuery(name, purpose, description, tuple(params), text)


@cache
def ready_queries() -> dict[str, ReadyQuery]:
    """Every ready query shipped in ``kg/queries/``, by name (the file name without ``.rq``).

    Only the folder's own ``.rq`` files: the look-up queries in its ``lookup/`` folder are not listed.
    """
    folder = resources.files("kg").joinpath("queries")
    found = {}
    for entry in sorted(folder.iterdir(), key=lambda e: e.name):
        if entry.is_file() and entry.name.endswith(".rq"):
            name = entry.name[: -len(".rq")]
            found[name] = _parse_ready(name, entry.read_text(encoding="utf-8"))
    return found


def _ready_name(name: str) -> str:
    return name.strip().replace("-", "_")


def find_ready_query(name: str) -> ReadyQuery | None:
    """The ready query called ``name`` (``co-mentions`` and ``co_mentions`` both work), else None."""
    return ready_queries().get(_ready_name(name))


def suggest_ready(name: str) -> list[str]:
    """Ready query names that look like ``name`` (for a "did you mean" hint)."""
    return difflib.get_close_matches(_ready_name(name), list(ready_queries()), n=3, cutoff=0.6)


# ----------------------------------------------------------------------------------------------
# Parameter values naming an actor or a source: resolved to IRIs with a look-up query


@cache
def packaged_query(folder: str, name: str) -> str:
    """The text of ``kg/queries/<folder>/<name>.rq``: the queries kg runs itself (look-ups, statistics)."""
    return resources.files("kg").joinpath("queries", folder, f"{name}.rq").read_text(encoding="utf-8")


def lookup_query(name: str) -> str:
    """The text of the look-up query ``kg/queries/lookup/<name>.rq``."""
    return packaged_query("lookup", name)


def _resolve_actor(source: QuerySource, value: str, notes: list[str]) -> list[Term]:
    term = term_from_text(value)
    if isinstance(term, ox.NamedNode):
        if term.value.startswith(PREFIXES["kgd"]):
            return [term]
        linked = source.select(lookup_query("actor_by_same_as"), {"iri": [term]})
        if linked.rows:
            actors = [row[0] for row in linked.rows if row[0] is not None]
            notes.append(f"actor {value} = {_listing(linked)}")
            return actors
        return [term]
    wanted = value.strip()
    exact = source.select(lookup_query("actor_by_name"), {"key": [ox.Literal(wanted.lower())]})
    if exact.rows:
        if len(exact.rows) > 1:
            notes.append(f"actor {wanted!r} names {len(exact.rows)} actors: {_listing(exact)}")
        return [row[0] for row in exact.rows if row[0] is not None]
    everyone = source.select(lookup_query("actors"))
    labels: dict[str, ox.NamedNode] = {}
    by_actor: dict[str, str] = {}
    for row in everyone.dicts():
        actor, label, name = row["actor"], row["label"], row["name"]
        assert isinstance(actor, ox.NamedNode)
        labels[str(name.value)] = actor  # type: ignore[union-attr]
        by_actor[actor.value] = str(label.value)  # type: ignore[union-attr]
    matches = sorted({a.value for n, a in labels.items() if wanted.lower() in n.lower()})
    if matches:
        notes.append(
            f"no actor is called {wanted!r} exactly; using every actor whose name contains it: "
            + ", ".join(f"{by_actor[a]} ({compact(a)})" for a in matches)
        )
        return [ox.NamedNode(a) for a in matches]
    close = difflib.get_close_matches(wanted, list(labels), n=3, cutoff=0.6)
    hint = f" Did you mean {' or '.join(repr(c) for c in close)}?" if close else ""
    raise QueryError(
        f"no actor is called {wanted!r} (labels and aliases, ignoring case).{hint} "
        "List the actors with: kg query co_mentions, or give an IRI such as kgd:actor/nato"
    )


def _resolve_source(source: QuerySource, value: str, notes: list[str]) -> list[Term]:
    term = term_from_text(value)
    wanted = value.strip()
    everything = source.select(lookup_query("sources"))
    exact: list[str] = []
    partial: list[str] = []
    names: dict[str, str] = {}
    for row in everything.values():
        iri, url = row["source"], row["url"]
        names[iri] = row["name"] or row["url"] or compact(iri)
        same_url = bool(url) and url.rstrip("/") == wanted.rstrip("/")
        if isinstance(term, ox.NamedNode) and (term.value == iri or same_url):
            exact.append(iri)
        elif any(wanted.lower() in row[k].lower() for k in ("name", "publisher", "url") if row[k]):
            partial.append(iri)
    chosen = sorted(set(exact)) or sorted(set(partial))
    if not chosen:
        if isinstance(term, ox.NamedNode) and term.value.startswith(PREFIXES["kgd"]):
            return [term]
        raise QueryError(
            f"no cited source matches {wanted!r} (its URL, IRI, or words of its title or publisher). "
            "List the sources with: kg query top_sources"
        )
    if not exact or len(chosen) > 1:
        notes.append(f"source {wanted!r} = " + "; ".join(f"{names[s]} ({compact(s)})" for s in chosen))
    return [ox.NamedNode(s) for s in chosen]


def _listing(result: SelectResult) -> str:
    out = []
    for row in result.dicts():
        actor = row.get("actor")
        label = row.get("label")
        if actor is not None:
            out.append(f"{lexical_value(label)} ({cell_text(actor)})".strip())
    return ", ".join(out)


_RESOLVERS = {"actor": _resolve_actor, "source": _resolve_source}


def resolve_params(
    source: QuerySource, params: Mapping[str, Sequence[str]], ready: ReadyQuery | None = None
) -> tuple[dict[str, list[Term]], list[str]]:
    """``--param`` values as RDF terms, and notes on how names were resolved (for stderr).

    For a ready query, ``actor`` and ``source`` parameters may name the actor or source the way an
    analyst would (a label, an alias, a URL, words of a title); a lookup query turns the name into
    the IRIs it stands for. Other values become terms with :func:`term_from_text`.

    Raises:
        QueryError: a parameter the ready query does not declare, or a name that matches nothing.
    """
    bindings: dict[str, list[Term]] = {}
    notes: list[str] = []
    declared = {p.name for p in ready.params} if ready else set()
    for name, values in params.items():
        if ready is not None and name not in declared:
            takes = ", ".join(sorted(declared)) or "no parameters"
            raise QueryError(f"the ready query {ready.name} has no parameter {name!r} (it takes: {takes})")
        resolver = _RESOLVERS.get(name) if ready is not None else None
        terms: list[Term] = []
        for value in values:
            terms.extend(resolver(source, value, notes) if resolver else [term_from_text(value)])
        bindings[name] = list(dict.fromkeys(terms))
    return bindings, notes


def run_query(
    source: QuerySource, text: str, params: Mapping[str, Sequence[str]] | None = None,
    ready: ReadyQuery | None = None,
) -> tuple[QueryResult, list[str]]:
    """Run ``text`` (a ready query's text when ``ready`` is given) on ``source`` with ``params``.

    Returns the result and the notes of :func:`resolve_params`.
    """
    bindings, notes = resolve_params(source, params or {}, ready)
    return source.run(text, bindings), notes


def iter_params(pairs: Iterable[str]) -> dict[str, list[str]]:
    """``["actor=Putin", "actor=Biden"]`` -> ``{"actor": ["Putin", "Biden"]}``.

    >>> iter_params(["actor=Vladimir Putin", "n=1=2"])
    {'actor': ['Vladimir Putin'], 'n': ['1=2']}
    """
    out: dict[str, list[str]] = {}
    for pair in pairs:
        check_encodable(pair, f"--param {pair.partition('=')[0]!r}")
        name, equals, value = pair.partition("=")
        name = name.strip().lstrip("?$")
        if not equals or not name:
            raise QueryError(f"--param {pair!r}: write it as NAME=VALUE, e.g. --param actor='Vladimir Putin'")
        out.setdefault(name, []).append(value)
    return out

