"""kg query: ready queries, files, stdin and inline text; formats, parameters and clean errors."""

from __future__ import annotations

import argparse
import io
from pathlib import Path

import pytest

from kg.cli import build_parser, main
from kg.sparql import DEFAULT_TIMEOUT_S, ready_queries
from tests.conftest import DATA
from tests.support.servers import free_port

HAND = DATA / "queries"


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_query_cli_list_and_show(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "query", "--list")
    assert code == 0
    for name, ready in ready_queries().items():
        assert f"{name}  " in out and ready.purpose in out
    assert "--param actor=" in out
    code, out, _ = run(capsys, "query", "--show", "co-mentions")
    assert code == 0 and out == ready_queries()["co_mentions"].text


def test_query_cli_ready_query_with_param(capsys: pytest.CaptureFixture[str]) -> None:
    argv = ["query", "actor-claims", "--param", "actor=Putin", "--out", str(HAND), "--format", "csv"]
    code, out, err = run(capsys, *argv)
    assert code == 0
    assert out.splitlines()[0] == "actorLabel,text,type,status,sources,article,start,claim,actor"
    assert out.count("\n") == 2 and "Russia will not attack NATO." in out
    assert err == ""


def test_query_cli_inline_file_and_stdin_agree(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    text = "SELECT ?claim WHERE { GRAPH ?g { ?claim a schema:Claim } } ORDER BY ?claim"
    (tmp_path / "claims.rq").write_text(text, encoding="utf-8")
    outputs = []
    for spec in (text, str(tmp_path / "claims.rq"), "-"):
        monkeypatch.setattr("sys.stdin", io.StringIO(text))
        code, out, err = run(capsys, "query", spec, "--out", str(HAND), "--format", "tsv")
        assert code == 0, err
        outputs.append(out)
    assert outputs[0] == outputs[1] == outputs[2]
    assert outputs[0].count("\n") == 6  # the header and five claims


def test_query_cli_a_long_one_line_query_is_text_not_a_file_name(capsys: pytest.CaptureFixture[str]) -> None:
    """A one-line query longer than a file name may be (255 bytes) is run, not looked up on disk."""
    text = "SELECT ?claim WHERE { GRAPH ?g { ?claim a schema:Claim . OPTIONAL { ?claim schema:text ?t } } }" + (
        " ORDER BY ?claim" + " " * 300
    )
    code, out, err = run(capsys, "query", text, "--out", str(HAND), "--format", "tsv")
    assert code == 0, err
    assert out.count("\n") == 6


def test_query_cli_table_and_empty_result(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "query", "SELECT ?x WHERE { GRAPH ?g { ?x kg:nothing ?y } }", "--out", str(HAND))
    assert code == 0
    assert out.splitlines() == ["x", "-"]
    assert "(0 rows)" in err


def test_query_cli_syntax_error_names_line_and_column(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "query", "SELECT ?x\nWHERE { ?x ?y }", "--out", str(HAND))
    assert code == 2 and out == ""
    assert "syntax error at line 2, column" in err
    assert "WHERE { ?x ?y }" in err and "^" in err
    assert "Traceback" not in err


def test_query_cli_unknown_prefix(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "query", "SELECT * WHERE { ?s foo:bar ?o }", "--out", str(HAND))
    assert code == 2 and "unknown prefix foo:" in err and "line 1, column" in err


def test_query_cli_own_prefix_wins(capsys: pytest.CaptureFixture[str]) -> None:
    ask = "ASK { GRAPH ?g { ?claim schema:text ?text } }"
    assert run(capsys, "query", ask, "--out", str(HAND))[1] == "true\n"
    own = "PREFIX schema: <http://schema.org/>\n" + ask
    assert run(capsys, "query", own, "--out", str(HAND))[1] == "false\n"


def test_query_cli_refuses_service(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(
        capsys, "query", "SELECT * WHERE { SERVICE <http://127.0.0.1:9/sparql> { ?s ?p ?o } }", "--out", str(HAND)
    )
    assert code == 2 and out == ""
    assert "SERVICE is refused" in err


def test_query_cli_refuses_updates(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "query", "DELETE WHERE { GRAPH ?g { ?s ?p ?o } }", "--out", str(HAND))
    assert code == 2 and "SPARQL Update" in err


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["query", "uncitd"], "Did you mean uncited?"),
        (["query", "nothing.rq"], "no such file"),
        (["query", "SELECT * {}", "--format", "turtle"], "cannot be written as turtle"),
        (["query"], "give a query"),
        (["query", "actor_claims", "--param", "actor"], "NAME=VALUE"),
        (["query", "top_sources", "--store", "sqlite:x"], "oxigraph:DIR"),
        (["query", "uncited", "--timeout-s", "-1"], "more than 0 seconds"),
    ],
)
def test_query_cli_usage_errors(capsys: pytest.CaptureFixture[str], argv: list[str], message: str) -> None:
    code, _, err = run(capsys, *argv, "--out", str(HAND))
    assert code == 2 and message in err, err


def test_query_cli_store_and_endpoint_exclude_each_other(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "query", "uncited", "--store", "oxigraph:x", "--endpoint", "http://127.0.0.1:1/query")
    assert code == 2 and "not allowed with" in err


def test_query_cli_without_a_build(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    code, _, err = run(capsys, "query", "uncited", "--out", str(tmp_path))
    assert code == 2 and "run `kg build` first" in err


def test_query_cli_param_goes_where_the_query_marks_it(capsys: pytest.CaptureFixture[str]) -> None:
    """A ``# VALUES ?name`` line takes the values in place; FILTERs in that group then see them."""
    text = (
        "SELECT ?text WHERE {\n"
        "  # VALUES ?who\n"
        "  GRAPH ?g { ?claim prov:wasAttributedTo ?who ; schema:text ?text }\n"
        "  FILTER(?who != <urn:nobody>)\n"
        "}"
    )
    code, out, _ = run(capsys, "query", text, "--param", "who=kgd:actor/nato", "--out", str(HAND), "--format", "csv")
    assert code == 0 and out.splitlines() == ["text", "Russia is a threat."]
    broken = text.replace("{ ?claim", "{ ?claim ?claim")
    code, _, err = run(capsys, "query", broken, "--param", "who=kgd:actor/nato", "--out", str(HAND))
    assert code == 2 and "line 3, column" in err  # the VALUES line keeps the line numbers


def test_query_cli_columns(capsys: pytest.CaptureFixture[str]) -> None:
    argv = ["query", "co_mentions", "--columns", "labelB,?claims", "--format", "csv", "--out", str(HAND)]
    code, out, _ = run(capsys, *argv)
    assert code == 0 and out.splitlines() == ["labelB,claims", "Russia,2", "Vladimir Putin,1"]
    code, _, err = run(capsys, "query", "co_mentions", "--columns", "nope", "--out", str(HAND))
    assert code == 2 and "no column nope" in err and "labelA" in err


def test_query_cli_endpoint_unreachable_exits_3(capsys: pytest.CaptureFixture[str]) -> None:
    url = f"http://127.0.0.1:{free_port()}/query"
    assert main(["query", "uncited", "--endpoint", url]) == 3
    err = capsys.readouterr().err
    assert f"cannot reach {url}" in err and "Traceback" not in err


def test_query_cli_default_timeout_is_the_library_one() -> None:
    commands = next(a for a in build_parser()._actions if isinstance(a, argparse._SubParsersAction))
    assert commands.choices["query"].get_default("timeout_s") == DEFAULT_TIMEOUT_S
