"""kg.page.assets: the page inlines everything, loads nothing, and runs only its own two scripts."""

from __future__ import annotations

import base64
import hashlib
import json
import re
from pathlib import Path

import pytest

from kg.page import PageStats, assets
from kg.page.assets import script_json


def test_assets_page_loads_nothing_from_the_network(tiny_page: tuple[Path, PageStats]) -> None:
    html = tiny_page[0].read_text(encoding="utf-8")
    markup = re.sub(r"<(script|style)\b[^>]*>.*?</\1>", "", html, flags=re.S)
    assert not re.search(r"<(link|iframe|object|embed|img|base)\b", markup, re.I)
    assert not re.search(r"\b(src|href|action|srcset)\s*=", markup, re.I)  # no element points anywhere
    assert not re.search(r"@import|url\(\s*(?!['\"]?data:)", html)  # vis-network's CSS has data: images only
    assert "sourceMappingURL" not in html
    scripts = re.findall(r"<script([^>]*)>", html)
    assert scripts.count("") == 2 and len(scripts) == 6  # vis-network, the page's script, 4 JSON blocks


def test_assets_csp_allows_only_the_two_inline_scripts(tiny_page: tuple[Path, PageStats]) -> None:
    html = tiny_page[0].read_text(encoding="utf-8")
    csp = re.search(r'http-equiv="Content-Security-Policy" content="([^"]+)"', html)
    assert csp is not None
    policy = csp.group(1)
    assert "default-src 'none'" in policy and "img-src data:" in policy and "'unsafe-inline'" not in policy.split(
        "style-src"
    )[0]
    bodies = re.findall(r"<script>(.*?)</script>", html, re.S)
    assert len(bodies) == 2
    for body in bodies:
        digest = base64.b64encode(hashlib.sha256(body.encode("utf-8")).digest()).decode()
        assert f"'sha256-{digest}'" in policy


def test_assets_page_script_never_parses_html() -> None:
    script = (assets.TEMPLATES / "graph.js").read_text(encoding="utf-8")
    for sink in ("innerHTML", "outerHTML", "insertAdjacentHTML", "document.write", "eval(", "new Function"):
        assert sink not in script


@pytest.mark.parametrize(
    "value",
    [
        "</script><script>alert(1)</script>",
        "<!-- <script>",
        "a & b > c < d",
        "line\u2028separator\u2029paragraph",
        "\"quotes\" and 'apostrophes' and \\backslash",
        "emoji 🇬🇧 and NUL \x00",
    ],
    ids=["close-script", "comment", "amp-lt-gt", "u2028", "quotes", "astral-nul"],
)
def test_assets_script_json_escapes_and_round_trips(value: str) -> None:
    text = str(script_json({"t": value}))
    assert not set("<>&\u2028\u2029") & set(text)
    assert json.loads(text) == {"t": value}


def test_assets_vendored_files_match_versions_md() -> None:
    record = (assets.VENDOR / "VERSIONS.md").read_text(encoding="utf-8")
    rows = re.findall(r"^\| `([^`]+)` \|.*\| `([0-9a-f]{64})` \|$", record, re.M)
    files = sorted(
        str(p.relative_to(assets.VENDOR)) for p in assets.VENDOR.rglob("*") if p.is_file() and p.name != "VERSIONS.md"
    )
    assert sorted(name for name, _ in rows) == files
    for name, digest in rows:
        assert hashlib.sha256((assets.VENDOR / name).read_bytes()).hexdigest() == digest, name
    assert assets.VIS_VERSION in record
    assert f"@version {assets.VIS_VERSION}" in assets.VIS_JS.read_text(encoding="utf-8")[:400]
