"""export: the golden graph, byte-stable output, independent parsers, atomic replacement, the lock."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pyoxigraph as ox
import pytest
import rdflib
from rdflib import Literal, URIRef
from rdflib.compare import graph_diff, to_isomorphic

from kg import export
from kg.build import iter_graphs
from kg.errors import BuildLockedError, OutputError
from kg.export import (
    LOCK_NAME,
    PRIVATE_NAME,
    TRIG_NAME,
    TTL_NAME,
    OutputSet,
    build_lock,
    output_folder,
    serialise,
    write_graphs,
)
from kg.models import Corpus
from kg.vocab import PREFIXES
from tests.conftest import GOLDEN_VERSION, TINY_EXPECTED

REPO = Path(__file__).parent.parent


def write(corpus: Corpus, out: Path, version: str = GOLDEN_VERSION) -> export.WriteStats:
    """What the pipeline does after resolve/analyse, without the optional stages."""
    with output_folder(out) as folder, OutputSet(folder) as outputs:
        stats = write_graphs(iter_graphs(corpus, version), outputs.path(TRIG_NAME), outputs.path(TTL_NAME))
        outputs.commit()
    return stats


def _diff_report(expected: rdflib.Graph, got: rdflib.Graph) -> str | None:
    iso_expected, iso_got = to_isomorphic(expected), to_isomorphic(got)
    if iso_expected == iso_got:
        return None
    _, only_expected, only_got = graph_diff(iso_expected, iso_got)
    missing = sorted(f"  {s.n3()} {p.n3()} {o.n3()}" for s, p, o in only_expected)
    extra = sorted(f"  {s.n3()} {p.n3()} {o.n3()}" for s, p, o in only_got)
    return "\n".join(["missing triples:", *missing[:50], "extra triples:", *extra[:50]])


@pytest.mark.parametrize("name", [TTL_NAME, TRIG_NAME])
def test_export_golden_tiny_graph(tiny_corpus: Corpus, tmp_path: Path, name: str) -> None:
    """The tiny corpus's graph, byte for byte. Regenerate: KG_REGEN=1 pytest tests/test_export.py."""
    write(tiny_corpus, tmp_path)
    got = (tmp_path / name).read_bytes()
    expected_path = TINY_EXPECTED / name
    if os.environ.get("KG_REGEN"):
        expected_path.parent.mkdir(parents=True, exist_ok=True)
        expected_path.write_bytes(got)
    expected = expected_path.read_bytes()
    if name == TTL_NAME:
        report = _diff_report(
            rdflib.Graph().parse(data=expected, format="turtle"),
            rdflib.Graph().parse(data=got, format="turtle"),
        )
    else:  # no blank nodes: comparing the sets of quads is an isomorphism check
        want = {str(q) for q in ox.parse(expected, format=ox.RdfFormat.TRIG)}
        have = {str(q) for q in ox.parse(got, format=ox.RdfFormat.TRIG)}
        report = (
            None
            if want == have
            else "\n".join(["missing quads:", *sorted(want - have)[:50], "extra quads:", *sorted(have - want)[:50]])
        )
    assert report is None, f"{name} differs from {expected_path} (KG_REGEN=1 to accept):\n{report}"
    assert got == expected, f"{name}: same triples as {expected_path} but different bytes (KG_REGEN=1 to accept)"


def test_export_output_starts_with_every_prefix(tiny_corpus: Corpus, tmp_path: Path) -> None:
    write(tiny_corpus, tmp_path)
    for name in (TRIG_NAME, TTL_NAME):
        text = (tmp_path / name).read_text(encoding="utf-8")
        header = "".join(f"@prefix {p}: <{ns}> .\n" for p, ns in PREFIXES.items())
        assert text.startswith(header)
        assert text.count("@prefix") == len(PREFIXES)
        assert "_:" not in text.replace('"', "\n").split("\n")[0]  # no blank nodes in the data
    assert " _:" not in (tmp_path / TTL_NAME).read_text(encoding="utf-8")


def test_export_files_parse_with_independent_parsers(tiny_corpus: Corpus, tmp_path: Path) -> None:
    stats = write(tiny_corpus, tmp_path)
    quads = list(ox.parse(path=tmp_path / TRIG_NAME, format=ox.RdfFormat.TRIG))
    triples = list(ox.parse(path=tmp_path / TTL_NAME, format=ox.RdfFormat.TURTLE))
    assert len(quads) == stats.quads
    assert all(isinstance(q.subject, ox.NamedNode) and isinstance(q.graph_name, ox.NamedNode) for q in quads)
    assert {q.triple for q in quads} == {q.triple for q in triples}
    graph = rdflib.Graph().parse(tmp_path / TTL_NAME, format="turtle")
    assert len(graph) == len({q.triple for q in triples})
    assert dict(graph.namespaces())["kg"] == rdflib.URIRef(PREFIXES["kg"])


def test_export_every_offset_resolves_in_the_graph(tiny_corpus: Corpus, tmp_path: Path) -> None:
    write(tiny_corpus, tmp_path)
    store = ox.Store()
    store.load(path=tmp_path / TRIG_NAME, format=ox.RdfFormat.TRIG)
    rows = store.query("""
        PREFIX oa: <http://www.w3.org/ns/oa#> PREFIX schema: <https://schema.org/>
        SELECT ?body ?start ?end ?exact WHERE { GRAPH ?g {
          ?anchor oa:hasSource ?article ; oa:hasSelector ?pos, ?quote .
          ?pos oa:start ?start ; oa:end ?end . ?quote oa:exact ?exact . ?article schema:articleBody ?body } }
    """)
    assert isinstance(rows, ox.QuerySolutions)
    checked = 0
    for row in rows:
        body, start, end, exact = (row[v].value for v in ("body", "start", "end", "exact"))
        assert body[int(start) : int(end)] == exact
        checked += 1
    assert checked > 20


def test_export_is_deterministic_across_hash_seeds(tmp_path: Path) -> None:
    script = textwrap.dedent("""
        import sys
        from pathlib import Path
        sys.path.insert(0, sys.argv[2])
        from tests.conftest import load_tiny
        from tests.test_export import write
        from kg.resolve import resolve
        extractions, contradictions = load_tiny()
        corpus = resolve(reversed(extractions))  # input order must not matter either
        corpus = corpus.model_copy(update={"contradictions": tuple(reversed(contradictions))})
        write(corpus, Path(sys.argv[1]))
    """)
    outputs = []
    for seed in ("0", "4242"):
        out = tmp_path / seed
        env = {**os.environ, "PYTHONHASHSEED": seed}
        subprocess.run([sys.executable, "-c", script, str(out), str(REPO)], check=True, env=env, cwd=REPO)
        outputs.append(((out / TTL_NAME).read_bytes(), (out / TRIG_NAME).read_bytes()))
    assert outputs[0] == outputs[1]


def test_export_failed_write_keeps_the_previous_outputs(
    tiny_corpus: Corpus, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    write(tiny_corpus, tmp_path)
    before = {name: (tmp_path / name).read_bytes() for name in (TRIG_NAME, TTL_NAME)}
    calls = 0
    original = export.GraphWriter.add

    def failing_add(self: export.GraphWriter, quads: list[object]) -> int:
        nonlocal calls
        calls += 1
        if calls == 3:
            raise OSError(28, "No space left on device")
        return original(self, quads)  # type: ignore[arg-type]

    monkeypatch.setattr(export.GraphWriter, "add", failing_add)
    with pytest.raises(OSError, match="No space left"):
        write(tiny_corpus, tmp_path, version="other")
    assert {name: (tmp_path / name).read_bytes() for name in (TRIG_NAME, TTL_NAME)} == before
    assert sorted(p.name for p in tmp_path.iterdir()) == [PRIVATE_NAME, LOCK_NAME, "current", TRIG_NAME, TTL_NAME]
    assert os.listdir(tmp_path / PRIVATE_NAME / "builds") == ["1"]  # the failed build's folder is gone


def test_export_output_set_replaces_files_only_on_commit(tmp_path: Path) -> None:
    with output_folder(tmp_path) as folder, OutputSet(folder) as outputs:
        outputs.path("a.txt").write_text("old")
        outputs.commit()
    with output_folder(tmp_path) as folder, OutputSet(folder) as outputs:
        outputs.path("a.txt").write_text("new")
        outputs.path("b.txt").write_text("new b")
        assert (tmp_path / "a.txt").read_text() == "old"
        assert not (tmp_path / "b.txt").exists()
        finals = outputs.commit()
    assert [p.name for p in finals] == ["a.txt", "b.txt"]
    assert (tmp_path / "a.txt").read_text() == "new"
    assert sorted(p.name for p in tmp_path.iterdir()) == [PRIVATE_NAME, LOCK_NAME, "a.txt", "b.txt", "current"]
    assert os.readlink(tmp_path / "current") == f"{PRIVATE_NAME}/builds/2"


def test_export_output_set_refuses_paths_outside_the_folder(tmp_path: Path) -> None:
    with output_folder(tmp_path) as folder, OutputSet(folder) as outputs:
        for name in ("../escape.txt", ".hidden", "current"):
            with pytest.raises(ValueError, match="plain output file name"):
                outputs.path(name)


def test_export_lock_refuses_a_second_build_and_names_the_first(tmp_path: Path) -> None:
    with build_lock(tmp_path):
        with pytest.raises(BuildLockedError) as info, build_lock(tmp_path):
            pass
        message = str(info.value)
        assert str(tmp_path) in message
        assert f"pid {os.getpid()}" in message
        assert "Fix:" in message
    with build_lock(tmp_path):  # released: a new build may start
        pass


def test_export_lock_held_by_another_process(tmp_path: Path) -> None:
    script = textwrap.dedent("""
        import sys, time
        from pathlib import Path
        from kg.export import build_lock
        with build_lock(Path(sys.argv[1])):
            print("locked", flush=True)
            sys.stdin.readline()
    """)
    holder = subprocess.Popen(
        [sys.executable, "-c", script, str(tmp_path)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "locked"
        with pytest.raises(BuildLockedError, match=f"pid {holder.pid}"), build_lock(tmp_path):
            pass
    finally:
        assert holder.stdin is not None
        holder.stdin.write("\n")
        holder.stdin.close()
        holder.wait(timeout=30)
    with build_lock(tmp_path):
        pass


def test_export_claiming_the_folder_removes_kg_temporaries_only(tmp_path: Path) -> None:
    """Temporary links a killed build left in ``.kg`` go; a look-alike name kg did not write stays."""
    with output_folder(tmp_path):
        pass
    stale = tmp_path / PRIVATE_NAME / ".current.tmp-99999"
    stale.symlink_to("builds/1")
    look_alike = tmp_path / f".{TRIG_NAME}.tmp-99999"
    look_alike.write_text("not kg's")
    with output_folder(tmp_path):
        assert not os.path.lexists(stale)
    assert look_alike.read_text() == "not kg's"
    assert (tmp_path / LOCK_NAME).exists()


def test_export_unwritable_folder_is_an_output_error(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    with (
        pytest.raises(OutputError, match="cannot create the output folder") as info,
        build_lock(blocker / "out"),
    ):
        pass
    assert "Fix:" in str(info.value)


TRICKY = [
    "plain",
    'quotes " and \\ backslash',
    "line\nbreak and\r\ncarriage return",
    "\ttab at start\tand inside\n\tafter a newline",
    '"""triple quotes"""',
    "unicode: Путин, 北京, emoji 🇬🇧, RTL \u202e",
    "{ braces } and . dots ; semicolons , commas",
    "",
]


@pytest.mark.parametrize("text", TRICKY, ids=range(len(TRICKY)))
def test_export_turtle_derived_from_trig_matches_the_turtle_serialiser(text: str) -> None:
    from kg.export import OxigraphTerms, serialize_graph
    from kg.export.serialise import _turtle_from_trig

    g = URIRef("https://w3id.org/kg/id/graph/article/x")
    s1, s2 = URIRef("https://w3id.org/kg/id/claim/x/0-1"), URIRef("https://w3id.org/kg/id/claim/x/2-3")
    p = URIRef("https://schema.org/text")
    quads = [(s1, p, Literal(text), g), (s1, p, Literal(text + "2"), g), (s2, p, Literal("x"), g)]
    chunk = serialize_graph(quads)
    converted = OxigraphTerms().quads(quads)
    expected = ox.serialize([q.triple for q in converted], format=ox.RdfFormat.TURTLE, prefixes=PREFIXES)
    assert expected is not None
    assert chunk.ttl == serialise._body(expected)
    assert _turtle_from_trig(chunk.trig) == chunk.ttl
    parsed = list(ox.parse(export.prefix_header() + chunk.ttl, format=ox.RdfFormat.TURTLE))
    assert {q.object.value for q in parsed} == {text, text + "2", "x"}


def test_export_oxigraph_store_holds_the_graph_written(tiny_corpus: Corpus, tmp_path: Path) -> None:
    write(tiny_corpus, tmp_path)
    written = ox.Store()
    written.load(path=tmp_path / TRIG_NAME, format=ox.RdfFormat.TRIG)
    store = export.oxigraph_store(iter_graphs(tiny_corpus, GOLDEN_VERSION))
    assert set(store) == set(written)
    filled = ox.Store()  # what write_graphs puts in the store the report and the page read
    write_graphs(iter_graphs(tiny_corpus, GOLDEN_VERSION), tmp_path / "a.trig", tmp_path / "a.ttl", store=filled)
    assert set(filled) == set(written)


def test_export_rdflib_dataset_is_the_same_graph(tiny_corpus: Corpus, tmp_path: Path) -> None:
    write(tiny_corpus, tmp_path)
    quads = list(ox.parse(path=tmp_path / TRIG_NAME, format=ox.RdfFormat.TRIG))
    dataset = export.rdflib_dataset(quads)
    back = export.OxigraphTerms()
    names = {g.identifier for g in dataset.graphs() if len(g)}
    assert names == {rdflib.URIRef(q.graph_name.value) for q in quads if isinstance(q.graph_name, ox.NamedNode)}
    rebuilt = back.quads(
        (URIRef(str(s)), URIRef(str(p)), o if isinstance(o, Literal) else URIRef(str(o)), URIRef(str(name)))
        for name in names
        for s, p, o in dataset.graph(name)
    )
    assert set(rebuilt) == set(quads)


def test_export_rdflib_term_refuses_blank_nodes() -> None:
    assert export.rdflib_term(ox.Literal("x", language="en")) == rdflib.Literal("x", lang="en")
    assert export.rdflib_term(ox.Literal("x")) == rdflib.Literal("x")
    with pytest.raises(ValueError, match="no blank nodes"):
        export.rdflib_term(ox.BlankNode())
