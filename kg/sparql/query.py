"""query: SPARQL text in, results out. Predeclared prefixes, safe parameters, the ready queries.

Stage contract: this module never touches a store or the network. It prepares query text (the
standard prefixes, ``--param`` values bound as a trailing ``VALUES`` clause, the refusal of
``SERVICE`` and of updates), holds results (:class:`SelectResult`, :class:`AskResult`,
:class:`GraphResult`) and writes them in every output format: an aligned table, the W3C SPARQL 1.1
results formats (JSON, XML, CSV, TSV) and Turtle or N-Triples for ``CONSTRUCT``/``DESCRIBE``.
:mod:`kg.sparql.store` runs the text where the graph lives (embedded, an on-disk Oxigraph store, any
SPARQL 1.1 endpoint) and hands back these result objects, so every source prints the same bytes for
the same rows.

The ready queries are the commented ``kg/queries/*.rq`` files shipped in the package. Their leading
comment block is their documentation: the first sentence of its first line is the one-line purpose
``kg query --list`` prints, and a line ``# --param NAME: help`` declares a parameter.
"""

from __future__ import annotations

import difflib
import itertools
import json
import re
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from typing import TYPE_CHECKING, TypeAlias

import pyoxigraph as ox

from kg.errors import QueryError
from kg.vocab import PREFIXES

if TYPE_CHECKING:
    from kg.sparql.store import QuerySource

__all__ = [
    "GRAPH_FORMATS",
    "RESULT_FORMATS",
    "AskResult",
    "Bindings",
    "GraphResult",
    "Param",
    "QueryResult",
    "QueryShape",
    "ReadyQuery",
    "SelectResult",
    "Term",
    "bind_values",
    "compact",
    "find_ready_query",
    "inspect_query",
    "iter_params",
    "parse_json_results",
    "ready_queries",
    "refuse",
    "render",
    "resolve_params",
    "result_from_pyoxigraph",
    "run_query",
    "syntax_error",
    "term_from_text",
    "with_prefixes",
]

Term: TypeAlias = ox.NamedNode | ox.BlankNode | ox.Literal | ox.Triple
Bindings: TypeAlias = Mapping[str, Sequence[Term]]
"""Parameter values: variable name (without ``?``) -> the values it may take (one row each)."""

RESULT_FORMATS = ("table", "json", "xml", "csv", "tsv")
"""Formats for SELECT and ASK results: an aligned table, or a W3C SPARQL 1.1 results format."""
GRAPH_FORMATS = ("turtle", "ntriples")
"""Formats for CONSTRUCT and DESCRIBE results."""

_RESULTS_FORMAT = {
    "json": ox.QueryResultsFormat.JSON,
    "xml": ox.QueryResultsFormat.XML,
    "csv": ox.QueryResultsFormat.CSV,
    "tsv": ox.QueryResultsFormat.TSV,
}
_XSD = "http://www.w3.org/2001/XMLSchema#"
_NUMERIC = {_XSD + t for t in ("integer", "decimal", "double", "float", "int", "long", "nonNegativeInteger")}


# ----------------------------------------------------------------------------------------------
# Compact IRIs


def compact(iri: str) -> str:
    """``https://schema.org/Claim`` -> ``schema:Claim`` with the output prefixes (else the IRI in <>).

    >>> compact("https://schema.org/Claim"), compact("urn:x")
    ('schema:Claim', '<urn:x>')
    """
    best = max((ns for ns in PREFIXES.values() if iri.startswith(ns)), key=len, default=None)
    if best is None:
        return f"<{iri}>"
    prefix = next(p for p, ns in PREFIXES.items() if ns == best)
    return f"{prefix}:{iri[len(best) :]}"


# ----------------------------------------------------------------------------------------------
# Query text: a small lexer, enough to tell keywords from strings, IRIs and comments

_TOKENS = re.compile(
    r"""
      (?P<comment>\#[^\n]*)
    | (?P<string>\"\"\"(?:[^"\\]|\\.|"(?!""))*\"\"\"|'''(?:[^'\\]|\\.|'(?!''))*'''
                 |"(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*')
    | (?P<iri><[^<>"{}|^`\\\x00-\x20]*>)
    | (?P<var>[?$][\w\u00b7\u00c0-\uffff]+)
    | (?P<name>(?:[A-Za-z\u00c0-\uffff_][\w.\-\u00b7\u00c0-\uffff]*)?:(?:[\w.\-%:\u00b7\u00c0-\uffff]|\\.)*
              |[A-Za-z_][\w\-]*)
    | (?P<space>\s+)
    | (?P<other>.)
    """,
    re.VERBOSE | re.DOTALL,
)
_QUERY_FORMS = ("SELECT", "ASK", "CONSTRUCT", "DESCRIBE")
_UPDATE_FORMS = ("INSERT", "DELETE", "LOAD", "CLEAR", "DROP", "CREATE", "ADD", "MOVE", "COPY", "WITH")


@dataclass(frozen=True)
class QueryShape:
    """What a query text is, as far as kg needs to know before running it."""

    form: str | None
    """``SELECT``, ``ASK``, ``CONSTRUCT``, ``DESCRIBE``, an update keyword (``INSERT``, ...), or None."""
    prefixes: frozenset[str]
    """The prefixes the text declares itself (``PREFIX p: <...>``)."""
    uses_service: bool
    """Whether the text has a ``SERVICE`` clause (a federated query reaching another endpoint)."""

    @property
    def is_update(self) -> bool:
        return self.form in _UPDATE_FORMS

    @property
    def gives_triples(self) -> bool:
        return self.form in ("CONSTRUCT", "DESCRIBE")


def _tokens(text: str) -> Iterator[tuple[str, str]]:
    for match in _TOKENS.finditer(text):
        kind = match.lastgroup or "other"
        if kind not in ("space", "comment"):
            yield kind, match.group()


def inspect_query(text: str) -> QueryShape:
    """The form of a query, the prefixes it declares and whether it uses ``SERVICE``.

    Keywords inside strings, IRIs and comments do not count.

    >>> shape = inspect_query('PREFIX ex: <http://example.org/> # SERVICE\\nASK { ?s ex:service "SERVICE" }')
    >>> shape.form, sorted(shape.prefixes), shape.uses_service
    ('ASK', ['ex'], False)
    >>> inspect_query("SELECT * { SERVICE <http://example.org/sparql> { ?s ?p ?o } }").uses_service
    True
    """
    form: str | None = None
    prefixes: set[str] = set()
    uses_service = False
    previous = ""
    for kind, token in _tokens(text):
        if kind == "name":
            upper = token.upper()
            if previous == "PREFIX" and token.endswith(":"):
                prefixes.add(token[:-1])
            elif upper == "SERVICE":
                uses_service = True
            elif form is None and upper in _QUERY_FORMS + _UPDATE_FORMS:
                form = upper
            previous = upper
        else:
            previous = ""
    return QueryShape(form=form, prefixes=frozenset(prefixes), uses_service=uses_service)


def with_prefixes(text: str, shape: QueryShape | None = None) -> str:
    """``text`` with the standard prefixes it does not declare itself, declared on one line before it.

    For SPARQL endpoints, which know none of kg's prefixes. The text's own declarations are left as
    they are (and win), and the added line is the first line, so a position the endpoint reports is
    one line further down than in ``text``.

    >>> with_prefixes("PREFIX kg: <urn:mine#> ASK {}").count("PREFIX kg:")
    1
    """
    shape = shape or inspect_query(text)
    missing = [f"PREFIX {p}: <{ns}>" for p, ns in PREFIXES.items() if p not in shape.prefixes]
    return (" ".join(missing) + "\n" + text) if missing else text


def refuse(text: str, shape: QueryShape | None = None, *, service: bool = True) -> QueryShape:
    """The shape of ``text``; QueryError for an update, and (if ``service``) for a ``SERVICE`` clause."""
    _check_encodable(text, "the query")
    shape = shape or inspect_query(text)
    if shape.is_update:
        raise QueryError(
            f"this is a SPARQL Update ({shape.form} ...), and kg query only reads. The graph changes only "
            "through `kg build`; a SPARQL server you run yourself takes updates on its own update endpoint"
        )
    if service and shape.uses_service:
        raise QueryError(
            "SERVICE is refused here: it would send part of the query to another endpoint over the "
            "network. Run federated queries on a SPARQL server (kg push, then --endpoint URL), or remove "
            "the SERVICE clause"
        )
    return shape


def _check_encodable(text: str, what: str) -> None:
    """QueryError if ``text`` holds characters UTF-8 cannot carry (bytes a shell passed as surrogates)."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError as exc:
        raise QueryError(
            f"{what} holds bytes that are not UTF-8 text (character {exc.start + 1}); "
            "save or type it as UTF-8"
        ) from None


def syntax_error(exc: BaseException, text: str, line_offset: int = 0) -> QueryError:
    """A QueryError naming the line and column of a pyoxigraph SyntaxError, with the line quoted.

    ``line_offset`` is the number of lines added before ``text`` when it was parsed.
    """
    message = str(exc).strip()
    found = re.match(r"error at (\d+):(\d+): (.*)", message, re.DOTALL)
    if not found:
        return QueryError(f"SPARQL syntax error: {_shorten(message)}")
    line, column = int(found.group(1)) - line_offset, int(found.group(2))
    detail = found.group(3)
    lines = text.splitlines() or [""]
    source_line = lines[line - 1] if 0 < line <= len(lines) else ""
    if "Prefix not found" in detail:
        undeclared = re.search(r"([A-Za-z][\w.\-]*)?:[\w.\-%]*$", source_line[: max(column - 1, 0)])
        name = undeclared.group(1) or "" if undeclared else "?"
        detail = (
            f"unknown prefix {name}: (declare it with PREFIX {name}: <...>; predeclared: "
            f"{', '.join(sorted(PREFIXES))})"
        )
    else:
        detail = _shorten(detail)
    pointer = ""
    if source_line:
        pointer = f"\n  {source_line}\n  {' ' * max(column - 1, 0)}^"
    return QueryError(f"SPARQL syntax error at line {line}, column {column}: {detail}{pointer}")


def _shorten(detail: str, limit: int = 200) -> str:
    detail = " ".join(detail.split())
    return detail if len(detail) <= limit else detail[: limit - 3] + "..."


# ----------------------------------------------------------------------------------------------
# Parameters: values bound by a trailing VALUES clause, never formatted into the query as text

_VARIABLE = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")


def term_from_text(value: str) -> Term:
    """An RDF term from a ``--param`` value: ``<IRI>``, a full IRI, a prefixed name, a number or text.

    The value becomes a pyoxigraph term, which checks it (an IRI with a space or ``>`` is refused)
    and writes it in SPARQL syntax with every quote escaped, so a value cannot change the query.

    >>> term_from_text("kgd:actor/nato")
    <NamedNode value=https://w3id.org/kg/id/actor/nato>
    >>> term_from_text('Putin" } ; DROP ALL #')
    <Literal value=Putin" } ; DROP ALL # datatype=<NamedNode value=http://www.w3.org/2001/XMLSchema#string>>
    >>> term_from_text("42")
    <Literal value=42 datatype=<NamedNode value=http://www.w3.org/2001/XMLSchema#integer>>
    """
    text = value.strip()
    try:
        if text.startswith("<") and text.endswith(">"):
            return ox.NamedNode(text[1:-1])
        prefix, colon, local = text.partition(":")
        if colon and prefix in PREFIXES and " " not in text:
            return ox.NamedNode(PREFIXES[prefix] + local)
        if re.match(r"^(https?|urn|ftp|mailto):\S+$", text):
            return ox.NamedNode(text)
    except ValueError as exc:
        raise QueryError(f"--param value {value!r} is not a valid IRI ({exc})") from None
    if re.fullmatch(r"[+-]?\d+", text):
        return ox.Literal(text, datatype=ox.NamedNode(_XSD + "integer"))
    return ox.Literal(value)


_VALUES_MARK = re.compile(r"^([ \t]*)# VALUES \?([A-Za-z_][A-Za-z0-9_]*)[ \t]*$", re.MULTILINE)


def bind_values(text: str, bindings: Bindings | None) -> str:
    """``text`` with ``VALUES`` clauses giving each parameter its values.

    Where the text has a comment line ``# VALUES ?name``, that line becomes ``VALUES ?name { ... }``,
    at the place the query's author chose (the ready queries put it first in their WHERE clause, so
    the store starts from the given values). Other parameters go in a trailing VALUES clause, which
    SPARQL joins with the result of the WHERE clause (SPARQL 1.1 section 18.2.4.3): it narrows the
    rows wherever the query uses the variable in a triple pattern. Both are standard SPARQL, so the
    same text runs on every store, and the lines of the text keep their numbers. Terms are written by pyoxigraph
    (escaped), never pasted from user text. Several values give one row each; several variables in
    the trailing clause give every combination.

    >>> bind_values("SELECT ?a WHERE { ?a ?b ?c }", {"a": [ox.NamedNode("urn:x")]})
    'SELECT ?a WHERE { ?a ?b ?c }\\nVALUES (?a) {\\n  (<urn:x>)\\n}\\n'
    >>> print(bind_values("SELECT ?a WHERE {\\n  # VALUES ?a\\n  ?a ?b ?c }", {"a": [ox.Literal("x")]}))
    SELECT ?a WHERE {
      VALUES ?a { "x" }
      ?a ?b ?c }
    """
    if not bindings:
        return text
    for name, values in bindings.items():
        if not _VARIABLE.match(name):
            raise QueryError(f"--param name {name!r} is not a SPARQL variable name (letters, digits, _)")
        if not values:
            raise QueryError(f"--param {name} has no value")
    marked = {m.group(2) for m in _VALUES_MARK.finditer(text)} & set(bindings)

    def inline(match: re.Match[str]) -> str:
        name = match.group(2)
        if name not in marked:
            return match.group(0)
        terms = " ".join(str(term) for term in bindings[name])
        return f"{match.group(1)}VALUES ?{name} {{ {terms} }}"

    text = _VALUES_MARK.sub(inline, text)
    names = [n for n in bindings if n not in marked]
    if not names:
        return text
    rows = itertools.product(*(bindings[n] for n in names))
    body = "\n".join("  (" + " ".join(str(term) for term in row) + ")" for row in rows)
    head = " ".join(f"?{n}" for n in names)
    return f"{text}\nVALUES ({head}) {{\n{body}\n}}\n"


# ----------------------------------------------------------------------------------------------
# Results


@dataclass(frozen=True)
class SelectResult:
    """The rows of a SELECT query: its variables, and per row one term (or None, unbound) each."""

    variables: tuple[str, ...]
    rows: tuple[tuple[Term | None, ...], ...]

    def __len__(self) -> int:
        return len(self.rows)

    def dicts(self) -> list[dict[str, Term]]:
        """Each row as ``{variable: term}``, unbound variables left out."""
        return [
            {v: t for v, t in zip(self.variables, row, strict=True) if t is not None} for row in self.rows
        ]

    def values(self) -> list[dict[str, str]]:
        """Each row as ``{variable: lexical value}``: the IRI, the literal's text, ``""`` when unbound."""
        return [
            {v: _value(t) for v, t in zip(self.variables, row, strict=True)} for row in self.rows
        ]

    def column(self, variable: str) -> list[Term | None]:
        index = self.variables.index(variable)
        return [row[index] for row in self.rows]

    def project(self, variables: Sequence[str]) -> SelectResult:
        """Only ``variables``, in that order (``kg query --columns``).

        Raises:
            QueryError: a variable the result does not have.
        """
        missing = [v for v in variables if v not in self.variables]
        if missing:
            raise QueryError(
                f"no column {', '.join(missing)} in the result: its columns are {', '.join(self.variables)}"
            )
        indexes = [self.variables.index(v) for v in variables]
        return SelectResult(tuple(variables), tuple(tuple(row[i] for i in indexes) for row in self.rows))


@dataclass(frozen=True)
class AskResult:
    """The answer of an ASK query."""

    value: bool

    def __len__(self) -> int:
        return 1


@dataclass(frozen=True)
class GraphResult:
    """The triples of a CONSTRUCT or DESCRIBE query."""

    triples: tuple[ox.Triple, ...] = field(default=())

    def __len__(self) -> int:
        return len(self.triples)


QueryResult: TypeAlias = SelectResult | AskResult | GraphResult


def _value(term: Term | None) -> str:
    if term is None:
        return ""
    if isinstance(term, ox.Triple):
        return str(term)
    return str(term.value)


def result_from_pyoxigraph(result: ox.QuerySolutions | ox.QueryBoolean | ox.QueryTriples) -> QueryResult:
    """A result object from what pyoxigraph's ``Store.query`` or ``parse_query_results`` returns."""
    if isinstance(result, ox.QueryBoolean):
        return AskResult(bool(result))
    if isinstance(result, ox.QueryTriples):
        return GraphResult(tuple(result))
    variables = tuple(v.value for v in result.variables)
    rows = tuple(tuple(solution[v] for v in variables) for solution in result)
    return SelectResult(variables, rows)


def parse_json_results(data: bytes) -> SelectResult | AskResult:
    """A SPARQL 1.1 JSON results document (as an endpoint sends it) as a result object.

    Raises:
        SyntaxError: the document is not SPARQL JSON results (pyoxigraph's parser decides).
    """
    parsed = ox.parse_query_results(data, ox.QueryResultsFormat.JSON)
    result = result_from_pyoxigraph(parsed)
    assert not isinstance(result, GraphResult)
    return result


def _json_term(term: Term) -> dict[str, object]:
    if isinstance(term, ox.NamedNode):
        return {"type": "uri", "value": term.value}
    if isinstance(term, ox.BlankNode):
        return {"type": "bnode", "value": term.value}
    if isinstance(term, ox.Literal):
        out: dict[str, object] = {"type": "literal", "value": term.value}
        if term.language:
            out["xml:lang"] = term.language
        elif term.datatype.value != _XSD + "string":
            out["datatype"] = term.datatype.value
        return out
    return {
        "type": "triple",
        "value": {
            "subject": _json_term(term.subject),
            "predicate": _json_term(term.predicate),
            "object": _json_term(term.object),
        },
    }


def _json_document(result: SelectResult | AskResult) -> bytes:
    if isinstance(result, AskResult):
        return json.dumps({"head": {}, "boolean": result.value}).encode()
    bindings = [
        {v: _json_term(t) for v, t in zip(result.variables, row, strict=True) if t is not None}
        for row in result.rows
    ]
    document = {"head": {"vars": list(result.variables)}, "results": {"bindings": bindings}}
    return json.dumps(document, ensure_ascii=False).encode()


def render(result: QueryResult, fmt: str | None = None, *, max_width: int = 0) -> bytes:
    """``result`` in ``fmt``: table, json, xml, csv, tsv (SELECT/ASK) or turtle, ntriples (CONSTRUCT).

    ``None`` picks the default: a table for rows, Turtle for triples. The W3C formats are written
    by pyoxigraph's serialisers. ``max_width`` cuts table cells to that many characters (0: no limit).

    Raises:
        QueryError: the format does not fit the result (rows as Turtle, triples as CSV).
    """
    if isinstance(result, GraphResult):
        fmt = fmt or "turtle"
        if fmt not in GRAPH_FORMATS:
            raise QueryError(
                f"CONSTRUCT and DESCRIBE give triples, which cannot be written as {fmt}: "
                "use --format turtle or --format ntriples"
            )
        rdf_format = ox.RdfFormat.TURTLE if fmt == "turtle" else ox.RdfFormat.N_TRIPLES
        prefixes = PREFIXES if fmt == "turtle" else None
        return ox.serialize(result.triples, format=rdf_format, prefixes=prefixes) or b""
    fmt = fmt or "table"
    if fmt not in RESULT_FORMATS:
        raise QueryError(
            f"SELECT and ASK give rows, which cannot be written as {fmt}: "
            f"use --format {', '.join(RESULT_FORMATS)}"
        )
    if fmt == "table":
        if isinstance(result, AskResult):
            return b"true\n" if result.value else b"false\n"
        return (format_table(result, max_width=max_width) + "\n").encode()
    parsed = ox.parse_query_results(_json_document(result), ox.QueryResultsFormat.JSON)
    data = parsed.serialize(format=_RESULTS_FORMAT[fmt]) or b""
    return data if data.endswith(b"\n") else data + b"\n"


def _cell(term: Term | None) -> str:
    if term is None:
        return ""
    if isinstance(term, ox.NamedNode):
        return compact(term.value)
    if isinstance(term, ox.BlankNode):
        return f"_:{term.value}"
    if isinstance(term, ox.Triple):
        return f"<< {_cell(term.subject)} {_cell(term.predicate)} {_cell(term.object)} >>"
    return " ".join(term.value.split())


def format_table(result: SelectResult, *, max_width: int = 0) -> str:
    """An aligned text table of the rows: IRIs compacted with kg's prefixes, numbers right-aligned.

    >>> print(format_table(SelectResult(("s", "n"), ((ox.NamedNode("https://schema.org/Claim"),
    ...     ox.Literal("12", datatype=ox.NamedNode("http://www.w3.org/2001/XMLSchema#integer"))),))))
    s              n
    ------------  --
    schema:Claim  12
    """
    cells = [[_cell(t) for t in row] for row in result.rows]
    if max_width > 0:
        cells = [[c if len(c) <= max_width else c[: max_width - 1] + "…" for c in row] for row in cells]
    header = list(result.variables)
    widths = [max([len(header[i]), *(len(row[i]) for row in cells)]) for i in range(len(header))]
    numeric = [
        bool(result.rows)
        and all(
            isinstance(row[i], ox.Literal) and row[i].datatype.value in _NUMERIC  # type: ignore[union-attr]
            for row in result.rows
            if row[i] is not None
        )
        for i in range(len(header))
    ]

    def line(row: Sequence[str]) -> str:
        padded = (
            c.rjust(w) if num else c.ljust(w) for c, w, num in zip(row, widths, numeric, strict=True)
        )
        return "  ".join(padded).rstrip()

    rule = "  ".join("-" * w for w in widths)
    return "\n".join([line(header), rule, *(line(row) for row in cells)])


# ----------------------------------------------------------------------------------------------
# The ready queries (kg/queries/*.rq)


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
    """Every ready query shipped in ``kg/queries/``, by name (the file name without ``.rq``)."""
    folder = resources.files("kg").joinpath("queries")
    found = {}
    for entry in sorted(folder.iterdir(), key=lambda e: e.name):
        if entry.name.endswith(".rq"):
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
# Parameter values naming an actor or a source: resolved to IRIs with a lookup query

_LOOKUP_PREFIXES = "".join(f"PREFIX {p}: <{ns}>\n" for p, ns in PREFIXES.items())

_ACTOR_BY_NAME = (
    _LOOKUP_PREFIXES
    + """
SELECT DISTINCT ?actor ?label WHERE {
  GRAPH ?names { ?actor rdfs:label|skos:altLabel ?name }
  GRAPH ?entities { ?actor a prov:Agent ; rdfs:label ?label }
  BIND(LCASE(STR(?name)) AS ?key)
}
ORDER BY ?label ?actor
"""
)
_ACTOR_BY_SAME_AS = (
    _LOOKUP_PREFIXES
    + """
SELECT DISTINCT ?actor ?label WHERE {
  # VALUES ?iri
  GRAPH ?links { ?actor owl:sameAs ?iri }
  OPTIONAL { GRAPH ?entities { ?actor rdfs:label ?label } }
}
ORDER BY ?label ?actor
"""
)
_ACTORS = (
    _LOOKUP_PREFIXES
    + """
SELECT DISTINCT ?actor ?label ?name WHERE {
  GRAPH ?names { ?actor rdfs:label|skos:altLabel ?name }
  GRAPH ?entities { ?actor a prov:Agent ; rdfs:label ?label }
}
ORDER BY ?label ?actor ?name
"""
)
_SOURCES = (
    _LOOKUP_PREFIXES
    + """
SELECT DISTINCT ?source ?name ?url ?publisher WHERE {
  GRAPH ?graph { ?source a schema:CreativeWork }
  OPTIONAL { GRAPH ?names { ?source schema:name ?name } }
  OPTIONAL { GRAPH ?urls { ?source schema:url ?url } }
  OPTIONAL { GRAPH ?publishers { ?source schema:publisher ?org } GRAPH ?labels { ?org rdfs:label ?publisher } }
}
ORDER BY ?source
"""
)


def _resolve_actor(source: QuerySource, value: str, notes: list[str]) -> list[Term]:
    term = term_from_text(value)
    if isinstance(term, ox.NamedNode):
        if term.value.startswith(PREFIXES["kgd"]):
            return [term]
        linked = source.select(_ACTOR_BY_SAME_AS, {"iri": [term]})
        if linked.rows:
            actors = [row[0] for row in linked.rows if row[0] is not None]
            notes.append(f"actor {value} = {_listing(linked)}")
            return actors
        return [term]
    wanted = value.strip()
    exact = source.select(_ACTOR_BY_NAME, {"key": [ox.Literal(wanted.lower())]})
    if exact.rows:
        if len(exact.rows) > 1:
            notes.append(f"actor {wanted!r} names {len(exact.rows)} actors: {_listing(exact)}")
        return [row[0] for row in exact.rows if row[0] is not None]
    everyone = source.select(_ACTORS)
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
    everything = source.select(_SOURCES)
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
            out.append(f"{_value(label)} ({_cell(actor)})".strip())
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
        _check_encodable(pair, f"--param {pair.partition('=')[0]!r}")
        name, equals, value = pair.partition("=")
        name = name.strip().lstrip("?$")
        if not equals or not name:
            raise QueryError(f"--param {pair!r}: write it as NAME=VALUE, e.g. --param actor='Vladimir Putin'")
        out.setdefault(name, []).append(value)
    return out

