"""Builds for the hardening tests: ``kg build`` in-process or in a subprocess, and corpora to build."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from kg.cli import main
from tests.conftest import TINY_CORPUS

REPO = Path(__file__).parent.parent.parent
ENV = {**os.environ, "PYTHONPATH": str(REPO)}


def copy_tiny(tmp_path: Path, name: str = "corpus") -> Path:
    """A copy of the tiny corpus in ``tmp_path/name``."""
    corpus = tmp_path / name
    shutil.copytree(TINY_CORPUS, corpus)
    return corpus


def kg(capsys: pytest.CaptureFixture[str], *args: str | Path) -> tuple[int, str]:
    """``kg ARGS`` in this process: (exit code, stderr). Fails the test on a traceback."""
    code = main([str(a) for a in args])
    err = capsys.readouterr().err
    assert "Traceback" not in err, err
    return code, err


def kg_subprocess(*args: str | Path, timeout: float = 120) -> subprocess.CompletedProcess[str]:
    """``kg ARGS`` in a child process (for what could hang or crash the interpreter), with a time limit."""
    command = [sys.executable, "-m", "kg", *(str(a) for a in args)]
    return subprocess.run(command, env=ENV, capture_output=True, text=True, timeout=timeout, check=False)


def files_under(folder: Path) -> dict[str, bytes | str]:
    """Every file and link under ``folder`` (links not followed): path -> bytes, or the link's target."""
    found: dict[str, bytes | str] = {}
    for root, dirs, names in os.walk(folder):
        for name in names + [d for d in dirs if os.path.islink(os.path.join(root, d))]:
            path = Path(root) / name
            key = str(path.relative_to(folder))
            found[key] = os.readlink(path) if path.is_symlink() else path.read_bytes()
    return found
