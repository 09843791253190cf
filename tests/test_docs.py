"""The documentation tells the truth: README.md and docs/*.md checked against a build of the seed corpus.

* Every ```console block is run. A line starting with ``$ `` is a command (``kg ...``, or a pipe into
  ``kg``), run by the shell in a folder holding a copy of ``corpus/`` that ``kg build`` has built; the
  lines after it, up to the next ``$ `` line, are what it prints (stdout and stderr together, as a
  terminal shows them). In that text a line ``...`` stands for any number of lines, and a time such as
  ``(2.3 s)`` matches any time. Commands that need a server, a browser or a network go in ```sh blocks,
  which are shown, not run.
* Every ```sparql block that asks something (SELECT) answers with rows on the seed graph, and the
  block of PREFIX lines in docs/vocabulary.md declares what the output files declare.
* Every command ``kg --help`` lists has its section in docs/commands.md, and every relative link of
  README.md and docs/*.md leads to a file (and heading) that exists.
"""

from __future__ import annotations

import difflib
import os
import re
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
PAGES = [REPO / "README.md", *sorted((REPO / "docs").glob("*.md"))]
KG = Path(sys.executable).parent / "kg"

_BLOCK = re.compile(r"^```(?P<lang>[\w-]*)\n(?P<body>.*?)^```$", re.MULTILINE | re.DOTALL)
_TIME = re.compile(r"\(\d[\d,.]* s\)")
_SKIP = "..."


@dataclass(frozen=True)
class Example:
    """One ``$ command`` of a console block and the lines it should print."""

    page: str
    line: int
    command: str
    expected: tuple[str, ...]


def _blocks(path: Path, lang: str) -> list[tuple[int, str]]:
    """(line number of the block's first line, text) of each fenced block in ``lang``."""
    text = path.read_text(encoding="utf-8")
    return [(text.count("\n", 0, m.start("body")) + 1, m.group("body"))
            for m in _BLOCK.finditer(text) if m.group("lang") == lang]


def _examples() -> list[Example]:
    examples: list[Example] = []
    for path in PAGES:
        for first, body in _blocks(path, "console"):
            page = str(path.relative_to(REPO))
            for offset, line in enumerate(body.splitlines()):
                if line.startswith("$ "):
                    examples.append(Example(page, first + offset, line[2:], ()))
                elif not examples or examples[-1].page != page or examples[-1].line < first:
                    raise AssertionError(f"{page}:{first + offset}: a console block starts with a command ($ ...)")
                else:
                    last = examples[-1]
                    examples[-1] = Example(last.page, last.line, last.command, (*last.expected, line))
    return examples


EXAMPLES = _examples()


def _normalise(lines: list[str] | tuple[str, ...]) -> list[str]:
    """Lines without trailing blanks and without trailing empty lines, with times written as ``(N s)``."""
    out = [_TIME.sub("(N s)", line.rstrip()) for line in lines]
    while out and not out[-1]:
        out.pop()
    return out


def fits(expected: list[str], actual: list[str]) -> bool:
    """Whether ``actual`` is ``expected``, where an expected line ``...`` stands for any number of lines.

    >>> fits(["a", "...", "d"], ["a", "b", "c", "d"]), fits(["a", "...", "c"], ["a", "b"])
    (True, False)
    >>> fits(["...", "b", "..."], ["a", "b", "c"]), fits(["a"], ["a", "b"])
    (True, False)
    """
    if _SKIP not in expected:
        return expected == actual
    chunks: list[list[str]] = [[]]
    for line in expected:
        if line == _SKIP:
            chunks.append([])
        else:
            chunks[-1].append(line)
    first, *middle, last = chunks
    start, end = len(first), len(actual) - len(last)
    if end < start or actual[:start] != first or actual[end:] != last:
        return False
    for chunk in middle:  # each run of lines, in order, at its first place after the previous one
        found = next((i for i in range(start, end - len(chunk) + 1) if actual[i : i + len(chunk)] == chunk), None)
        if found is None:
            return False
        start = found + len(chunk)
    return True


def _run(command: str, cwd: Path) -> str:
    env = {
        **os.environ,
        "PATH": f"{KG.parent}{os.pathsep}{os.environ.get('PATH', '')}",
        "PYTHONUNBUFFERED": "1",  # stdout and stderr reach the pipe in the order a terminal would show
        "PYTHONIOENCODING": "utf-8",
        "COLUMNS": "80",
    }
    done = subprocess.run(command, shell=True, cwd=cwd, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                          timeout=300, check=False)
    return done.stdout.decode("utf-8")


@pytest.fixture(scope="module")
def seed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A folder holding a copy of corpus/ and the graph ``kg build`` made of it in output/."""
    folder = tmp_path_factory.mktemp("seed")
    shutil.copytree(REPO / "corpus", folder / "corpus")
    subprocess.run([str(KG), "build", "-q"], cwd=folder, check=True)
    return folder


@pytest.mark.parametrize("example", EXAMPLES, ids=[f"{e.page}:{e.line}" for e in EXAMPLES])
def test_docs_console_example_prints_what_the_page_shows(seed: Path, example: Example) -> None:
    assert example.command.startswith("kg ") or "| kg " in example.command, (
        f"{example.page}:{example.line}: console blocks run kg commands only (others go in ```sh blocks)"
    )
    actual = _normalise(_run(example.command, seed).splitlines())
    expected = _normalise(example.expected)
    diff = "\n".join(difflib.unified_diff(expected, actual, "the page", "kg printed", lineterm=""))
    assert fits(expected, actual), f"{example.page}:{example.line}: $ {example.command}\n{diff}"


def test_docs_have_console_examples() -> None:
    pages = {e.page for e in EXAMPLES}
    assert {"README.md", "docs/commands.md", "docs/querying.md"} <= pages


SPARQL = [(str(path.relative_to(REPO)), line, body) for path in PAGES for line, body in _blocks(path, "sparql")]
QUESTIONS = [(page, line, body) for page, line, body in SPARQL if re.search(r"\bSELECT\b", body)]


@pytest.mark.parametrize("query", [q[2] for q in QUESTIONS], ids=[f"{p}:{n}" for p, n, _ in QUESTIONS])
def test_docs_sparql_query_answers_on_the_seed_graph(seed: Path, query: str) -> None:
    done = subprocess.run([str(KG), "query", query, "--format", "csv"], cwd=seed, capture_output=True, check=False)
    assert done.returncode == 0, done.stderr.decode("utf-8")
    rows = done.stdout.decode("utf-8").splitlines()[1:]
    assert rows, f"no rows:\n{query}"


def test_docs_prefixes_are_those_of_the_output_files(seed: Path) -> None:
    blocks = [body for page, _, body in SPARQL if page == "docs/vocabulary.md" and "SELECT" not in body]
    assert len(blocks) == 1, "docs/vocabulary.md has one block of PREFIX lines"
    declared = re.findall(r"^PREFIX (\w+): <([^>]+)>$", blocks[0], re.MULTILINE)
    head = (seed / "output" / "graph.ttl").read_text(encoding="utf-8").split("\n\n", 1)[0]
    written = re.findall(r"^@prefix (\w+): <([^>]+)> \.$", head, re.MULTILINE)
    assert declared
    assert set(declared) <= set(written)


def test_docs_every_command_has_its_section() -> None:
    done = subprocess.run([str(KG), "--help"], capture_output=True, check=True, env={**os.environ, "COLUMNS": "80"})
    listed = re.findall(r"^    (\w[\w-]*)", done.stdout.decode("utf-8"), re.MULTILINE)
    assert "build" in listed and "query" in listed
    headings = set(re.findall(r"^## `kg (\w[\w-]*)", (REPO / "docs" / "commands.md").read_text(encoding="utf-8"),
                              re.MULTILINE))
    assert sorted(set(listed) - headings) == []


def _anchor(heading: str) -> str:
    """The anchor GitHub gives a heading: lower case, punctuation dropped, spaces as hyphens."""
    text = re.sub(r"[^\w\- ]", "", heading.strip().lower())
    return text.replace(" ", "-")


def _anchors(path: Path) -> set[str]:
    text = _BLOCK.sub("", path.read_text(encoding="utf-8"))
    return {_anchor(m.group(1)) for m in re.finditer(r"^#{1,6} (.+)$", text, re.MULTILINE)}


LINKS = [
    (str(path.relative_to(REPO)), target)
    for path in PAGES
    for target in re.findall(r"\]\(([^)\s]+)\)", _BLOCK.sub("", path.read_text(encoding="utf-8")))
    if not re.match(r"[a-z]+:", target)
]


def test_docs_readme_links_into_docs() -> None:
    linked = {target.split("#")[0] for page, target in LINKS if page == "README.md"}
    assert {f"docs/{p.name}" for p in PAGES[1:]} <= linked


@pytest.mark.parametrize(("page", "target"), LINKS, ids=[f"{p}->{t}" for p, t in LINKS])
def test_docs_link_resolves(page: str, target: str) -> None:
    file, _, anchor = target.partition("#")
    path = (REPO / page).parent / file if file else REPO / page
    assert path.exists(), f"{page}: {target}: no such file"
    if anchor:
        assert anchor in _anchors(path), f"{page}: {target}: no such heading in {file or page}"
