"""text: SPARQL query text before it runs. Nothing here touches a store or the network.

kg's prefixes (:func:`compact` writes an IRI with them, :func:`with_prefixes` declares them for an
endpoint), the shape of a query (its form, the prefixes it declares, whether it uses ``SERVICE``),
the refusal of updates and of ``SERVICE``, parameter values bound as ``VALUES`` clauses (never pasted
as text) and syntax errors that name the line and column.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import TypeAlias

import pyoxigraph as ox

from kg.errors import QueryError
from kg.vocab import PREFIXES, XSD

__all__ = [
    "Bindings",
    "QueryShape",
    "Term",
    "bind_values",
    "check_encodable",
    "compact",
    "inspect_query",
    "refuse",
    "shorten",
    "syntax_error",
    "term_from_text",
    "with_prefixes",
]

Term: TypeAlias = ox.NamedNode | ox.BlankNode | ox.Literal | ox.Triple
Bindings: TypeAlias = Mapping[str, Sequence[Term]]
"""Parameter values: variable name (without ``?``) -> the values it may take (one row each)."""


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
    check_encodable(text, "the query")
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


def check_encodable(text: str, what: str) -> None:
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
        return QueryError(f"SPARQL syntax error: {shorten(message)}")
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
        detail = shorten(detail)
    pointer = ""
    if source_line:
        pointer = f"\n  {source_line}\n  {' ' * max(column - 1, 0)}^"
    return QueryError(f"SPARQL syntax error at line {line}, column {column}: {detail}{pointer}")


def shorten(text: str, limit: int = 200) -> str:
    """``text`` on one line (each run of white space as one space), cut to ``limit`` characters.

    >>> shorten("a   long    message", 9)
    'a long...'
    """
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 3] + "..."


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
        return ox.Literal(text, datatype=ox.NamedNode(str(XSD.integer)))
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

