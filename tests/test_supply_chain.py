"""Supply chain: dependency ranges that were tested, a lock file CI installs from, vendored files on record.

A new upstream release cannot silently break a build: every runtime dependency has an upper bound,
``make install`` / ``make install-test`` (what the README and CI run) install with
``-c requirements.lock``, the lock pins every dependency exactly, and what is installed here is
what the lock says (so these tests ran against the pinned versions).
"""

from __future__ import annotations

import importlib.metadata
import re
import tomllib
from pathlib import Path

import pytest
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

REPO = Path(__file__).parent.parent
PROJECT = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["project"]
RUNTIME = [Requirement(r) for r in PROJECT["dependencies"]]
TEST = [Requirement(r) for r in PROJECT["optional-dependencies"]["test"]]


def lock_pins() -> dict[str, str]:
    pins: dict[str, str] = {}
    for line in (REPO / "requirements.lock").read_text(encoding="utf-8").splitlines():
        line = line.split("#", 1)[0].strip()
        if line:
            name, equals, version = line.partition("==")
            assert equals, f"requirements.lock: {line!r} is not pinned with =="
            pins[canonicalize_name(name)] = version.strip()
    return pins


@pytest.mark.parametrize("requirement", RUNTIME, ids=lambda r: r.name)
def test_supply_chain_runtime_dependency_has_a_tested_range(requirement: Requirement) -> None:
    operators = {spec.operator for spec in requirement.specifier}
    assert operators & {">=", "~=", "=="}, f"{requirement}: no lower bound"
    assert operators & {"<", "<=", "~=", "=="}, f"{requirement}: no upper bound (a new major release could break kg)"


@pytest.mark.parametrize("requirement", RUNTIME + TEST, ids=lambda r: r.name)
def test_supply_chain_lock_pins_a_version_inside_the_range(requirement: Requirement) -> None:
    pins = lock_pins()
    name = canonicalize_name(requirement.name)
    assert name in pins, f"requirements.lock does not pin {requirement.name} (run `make lock`)"
    assert requirement.specifier.contains(pins[name], prereleases=True), (
        f"requirements.lock pins {requirement.name}=={pins[name]}, outside {requirement.specifier}")


def test_supply_chain_installed_versions_are_the_locked_ones() -> None:
    """The tests run against the pinned versions (CI installs with -c requirements.lock)."""
    pins = lock_pins()
    drift = []
    for requirement in RUNTIME + TEST:
        name = canonicalize_name(requirement.name)
        installed = importlib.metadata.version(requirement.name)
        if name in pins and installed != pins[name]:
            drift.append(f"{requirement.name}: installed {installed}, locked {pins[name]}")
    assert not drift, "; ".join(drift) + " (reinstall with `make install-test`, or `make lock` after testing)"


def test_supply_chain_make_installs_from_the_lock_file() -> None:
    makefile = (REPO / "Makefile").read_text(encoding="utf-8")
    installs = [line for line in makefile.splitlines() if re.search(r"\$\(PIP\) install", line)]
    assert installs
    for line in installs:
        assert "-c requirements.lock" in line, line
    assert "make test" in (REPO / ".ci" / "run").read_text(encoding="utf-8")


def test_supply_chain_vendored_javascript_has_its_version_and_licence_recorded() -> None:
    vendor = REPO / "kg" / "page" / "vendor"
    record = (vendor / "VERSIONS.md").read_text(encoding="utf-8")
    for path in sorted(p for p in vendor.rglob("*") if p.is_file() and p.name != "VERSIONS.md"):
        row = next((line for line in record.splitlines() if f"`{path.relative_to(vendor)}`" in line), None)
        assert row is not None, f"kg/page/vendor/VERSIONS.md has no row for {path.relative_to(vendor)}"
        assert re.search(r"\|\s*\d+\.\d+\.\d+\s*\|", row), f"no version in: {row}"
        assert re.search(r"Apache|MIT|BSD|ISC|licen[cs]e", row, re.IGNORECASE), f"no licence in: {row}"
