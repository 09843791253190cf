"""assets: what the page inlines, and what keeps it inert.

The page's own script and style (``kg/page/templates``) and vendored vis-network (``kg/page/vendor``,
see ``VERSIONS.md``) are inlined whole; :func:`content_security_policy` allows exactly those scripts
by hash. Corpus text reaches the page only through :func:`script_json`, as JSON inside
``<script type="application/json">`` blocks with ``<``, ``>``, ``&``, U+2028 and U+2029 escaped.
"""

from __future__ import annotations

import base64
import hashlib
import json
import re
from collections.abc import Sequence
from functools import cache
from pathlib import Path

from markupsafe import Markup

__all__ = [
    "TEMPLATES",
    "VENDOR",
    "VIS_JS",
    "VIS_VERSION",
    "asset",
    "content_security_policy",
    "script_json",
    "script_text",
    "vis_js",
]

VENDOR = Path(__file__).parent / "vendor"
TEMPLATES = Path(__file__).parent / "templates"
VIS_JS = VENDOR / "vis-network" / "vis-network.min.js"
VIS_VERSION = "10.1.5"


def _escape_script(text: str) -> str:
    return (
        text.replace("&", "\\u0026")
        .replace("<", "\\u003c")
        .replace(">", "\\u003e")
        .replace("\u2028", "\\u2028")
        .replace("\u2029", "\\u2029")
    )


def script_json(value: object) -> Markup:
    """``value`` as JSON that is safe inside ``<script type="application/json">``.

    ``<``, ``>`` and ``&`` become ``\\u003c``, ``\\u003e`` and ``\\u0026`` (so no ``</script>`` or
    ``<!--`` can end or change the block), and U+2028/U+2029 are escaped too; JSON.parse reads
    them back unchanged.

    >>> str(script_json({"t": "</script><b>&"}))
    '{"t":"\\\\u003c/script\\\\u003e\\\\u003cb\\\\u003e\\\\u0026"}'
    """
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"), allow_nan=False)
    return Markup(_escape_script(text))


def script_text(text: str) -> Markup:
    """An already-serialised JSON string, escaped like :func:`script_json`."""
    return Markup(_escape_script(text))


@cache
def vis_js() -> str:
    """vis-network's script as the page inlines it (without its source-map comment)."""
    text = VIS_JS.read_text(encoding="utf-8")
    text = re.sub(r"\n//# sourceMappingURL=\S+\s*$", "\n", text)
    _check_inline(text, VIS_JS)
    return text


@cache
def asset(name: str) -> str:
    """A file of ``kg/page/templates`` to inline (the page's script or style)."""
    path = TEMPLATES / name
    text = path.read_text(encoding="utf-8")
    _check_inline(text, path)
    return text


def _check_inline(text: str, path: Path) -> None:
    """A script or style inlined into the page must not be able to close its element."""
    if re.search(r"</(script|style)|<!--", text, re.IGNORECASE):
        raise RuntimeError(f"{path} holds '</script', '</style' or '<!--' and cannot be inlined")


def _sha256(text: str) -> str:
    return "sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode("ascii")


def content_security_policy(scripts: Sequence[str]) -> str:
    """No network at all: only the page's own scripts (by hash), inline styles, and data: images."""
    hashes = " ".join(f"'{_sha256(s)}'" for s in scripts)
    return (
        "default-src 'none'; "
        f"script-src {hashes}; "
        "style-src 'unsafe-inline'; "
        "img-src data:; "
        "base-uri 'none'; form-action 'none'"
    )
