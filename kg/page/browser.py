"""browser: graph pages in Debian's headless Chromium, driven by Playwright with the network blocked.

For the browser tests, the page benchmark (``benchmarks/page.py``) and ``kg render --screenshot``.
Playwright is a test dependency, imported only when a browser is started.
"""

from __future__ import annotations

import shutil
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from kg.errors import KgError

if TYPE_CHECKING:
    from playwright.sync_api import Browser, Page

__all__ = ["CHROMIUM_ARGS", "BrowserReport", "chromium_path", "headless_chromium", "measure_page", "open_page"]

CHROMIUM_ARGS = (
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
)


def chromium_path() -> str:
    """Debian's chromium, or KgError saying how to install it."""
    found = shutil.which("chromium")
    if found is None:
        raise KgError("Chromium is not installed. Fix: run `make browser` (installs Debian's chromium package)")
    return found


@contextmanager
def headless_chromium() -> Iterator[Browser]:
    """Debian's Chromium, headless, driven by Playwright (never downloads a browser)."""
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        raise KgError(
            "driving Chromium needs Playwright. Fix: pip install -e '.[test]' (or make install-test)"
        ) from None
    executable = chromium_path()
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=executable, args=list(CHROMIUM_ARGS))
        try:
            yield browser
        finally:
            browser.close()


@dataclass
class BrowserReport:
    """What a page did in the browser: requests it tried (all blocked), errors, and timings (ms)."""

    requests: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    dialogs: list[str] = field(default_factory=list)
    ready_ms: float = 0.0
    load_ms: float = 0.0

    @property
    def clean(self) -> bool:
        return not (self.requests or self.errors or self.dialogs)


def open_page(
    browser: Browser, html: Path, *, width: int = 1400, height: int = 900, timeout_s: float = 120
) -> tuple[Page, BrowserReport]:
    """Open ``html`` from a file:// URL with every http(s) and other non-file request aborted.

    The report collects requests the page tried, console errors, page errors and dialogs as they
    happen; ``ready_ms`` is the page's own time to interactive (navigation start to the first drawing
    of the graph with every control wired), ``load_ms`` the wall time until then.
    """
    report = BrowserReport()
    page = browser.new_page(viewport={"width": width, "height": height})

    def route(r: Any) -> None:
        url = r.request.url
        if url.startswith("file:") or url.startswith("data:"):
            r.continue_()
        else:
            report.requests.append(url)
            r.abort()

    page.route("**/*", route)
    page.on("console", lambda m: report.errors.append(f"console: {m.text}") if m.type == "error" else None)
    page.on("pageerror", lambda e: report.errors.append(f"pageerror: {e}"))

    def dialog(d: Any) -> None:
        report.dialogs.append(f"{d.type}: {d.message}")
        d.dismiss()

    page.on("dialog", dialog)
    t0 = time.perf_counter()
    page.goto(Path(html).resolve().as_uri())
    # function form: a string expression would be eval'd in the page, which its CSP forbids
    page.wait_for_function("() => window.kg !== undefined && window.kg.ready === true", timeout=timeout_s * 1000)
    report.load_ms = (time.perf_counter() - t0) * 1000
    report.ready_ms = float(page.evaluate("window.kg.timing.ready"))
    return page, report


def measure_page(html: Path, *, screenshot: Path | None = None, expand: bool = False) -> dict[str, Any]:
    """Open ``html`` in headless Chromium and time it; optionally save a PNG screenshot.

    Returns bytes, ``ready_ms`` (time to interactive, default view), ``search_ms`` (a search typed
    into the box until the graph has redrawn), counts drawn, and, with ``expand``, the same after
    "Show all claims" on a summary page.
    """
    result: dict[str, Any] = {"bytes": Path(html).stat().st_size}
    with headless_chromium() as browser:
        page, report = open_page(browser, html)
        result.update(ready_ms=round(report.ready_ms), load_ms=round(report.load_ms))
        result["view"] = page.evaluate("window.kg.state.mode")
        result["drawn"] = page.evaluate("window.kg.counts()")
        if screenshot is not None:
            # with a claim of the first contradiction in the details panel, so the picture shows one
            page.evaluate(
                "() => { const c = JSON.parse(document.getElementById('kg-page').textContent).contradictions; "
                "if (c.length && kg.state.mode !== 'summary') kg.pin(c[0].a); }"
            )
            Path(screenshot).parent.mkdir(parents=True, exist_ok=True)
            page.wait_for_timeout(200)
            page.screenshot(path=str(screenshot))
        draws = page.evaluate("window.kg.draws")
        t0 = time.perf_counter()
        page.fill("#kg-search", "the")
        page.press("#kg-search", "Enter")
        page.wait_for_function("n => window.kg.draws > n", arg=draws, timeout=120_000)
        result["search_ms"] = round((time.perf_counter() - t0) * 1000)
        if expand and result["view"] == "summary":
            page.click("#kg-reset")
            draws = page.evaluate("window.kg.draws")
            t0 = time.perf_counter()
            page.click("#kg-mode")
            page.wait_for_function("n => window.kg.draws > n", arg=draws, timeout=120_000)
            result["expand_ms"] = round((time.perf_counter() - t0) * 1000)
            result["expanded"] = page.evaluate("window.kg.counts()")
        result["requests"] = report.requests
        result["errors"] = report.errors + report.dialogs
        page.close()
    return result
