"""The extraction cache: the audit's reproductions, each closed.

* a FIFO in place of a cache entry made the build hang: entries are opened without blocking and used
  only if they are regular files;
* a cache entry altered but still valid JSON was used silently (a fake claim appeared in the graph):
  each entry carries a checksum written with it, and one that fails it is extracted again, with a warning.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from kg.cache import extraction_cache_dir
from kg.models import Extraction
from tests.conftest import TINY_CORPUS
from tests.support.building import kg, kg_subprocess

FAKE = "The fake claim planted in the cache"


def _built(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> tuple[Path, list[Path]]:
    out = tmp_path / "o"
    assert kg(capsys, "build", TINY_CORPUS, "--out", out, "-q")[0] == 0
    entries = sorted(extraction_cache_dir(out).rglob("*.json"))
    assert len(entries) == 6
    return out, entries


def test_cache_fifo_in_place_of_an_entry_does_not_hang(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out, entries = _built(tmp_path, capsys)
    entries[0].unlink()
    os.mkfifo(entries[0])
    result = kg_subprocess("build", TINY_CORPUS, "--out", out, timeout=120)  # hung for ever before
    assert result.returncode == 0, result.stderr
    assert f"extraction cache {entries[0]} is not a regular file; ignored, extracting again" in result.stderr


def test_cache_link_in_place_of_an_entry_is_not_followed(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out, entries = _built(tmp_path, capsys)
    elsewhere = tmp_path / "elsewhere.json"
    elsewhere.write_bytes(entries[1].read_bytes())
    entries[1].unlink()
    entries[1].symlink_to(elsewhere)
    code, err = kg(capsys, "build", TINY_CORPUS, "--out", out, "-v")
    assert code == 0
    assert f"extraction cache {entries[1]} unreadable" in err and "(5 from the cache)" in err
    assert not entries[1].is_symlink()  # the entry is written anew in place of the link
    assert elsewhere.read_bytes().startswith(b"kg extraction cache")


def test_cache_tampered_entry_is_not_used(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out, entries = _built(tmp_path, capsys)
    header, _, payload = entries[0].read_bytes().partition(b"\n")
    extraction = Extraction.model_validate_json(payload)
    claim = extraction.claims[0]
    forged = extraction.model_copy(update={"claims": (claim.model_copy(update={"text": FAKE}), *extraction.claims[1:])})
    entries[0].write_bytes(header + b"\n" + forged.model_dump_json().encode())  # valid JSON, old checksum
    code, err = kg(capsys, "build", TINY_CORPUS, "--out", out, "-v")
    assert code == 0
    assert f"extraction cache {entries[0]} fails its checksum (damaged or edited); extracting again" in err
    assert "(5 from the cache)" in err
    assert FAKE not in (out / "graph.trig").read_text(encoding="utf-8")


def test_cache_entry_of_another_article_is_not_used(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """An entry copied over another (each valid, with its own checksum): bound to its article, so refused."""
    out, entries = _built(tmp_path, capsys)
    entries[0].write_bytes(entries[1].read_bytes())
    code, err = kg(capsys, "build", TINY_CORPUS, "--out", out, "-v")
    assert code == 0 and "(5 from the cache)" in err
    assert f"extraction cache {entries[0]} fails its checksum" in err


def test_cache_entry_without_a_checksum_is_not_used(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """An entry as an earlier kg wrote it (the JSON alone) is extracted again."""
    out, entries = _built(tmp_path, capsys)
    entries[0].write_bytes(entries[0].read_bytes().partition(b"\n")[2])
    code, err = kg(capsys, "build", TINY_CORPUS, "--out", out, "-v")
    assert code == 0 and "(5 from the cache)" in err


def test_cache_folder_in_place_of_an_entry(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out, entries = _built(tmp_path, capsys)
    entries[2].unlink()
    entries[2].mkdir()
    code, err = kg(capsys, "build", TINY_CORPUS, "--out", out, "-v")
    assert code == 0 and "(5 from the cache)" in err
    assert entries[2].is_dir()  # not kg's to remove
