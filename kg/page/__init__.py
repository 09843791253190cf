"""page: the built graph as ``graph.html``, one self-contained page that makes no network request.

Modules, in the order a page is made: :mod:`~kg.page.read` (the page's graph, :mod:`~kg.page.model`,
read from the store, named by :mod:`~kg.page.labels`), :mod:`~kg.page.focus` (focused pages, size
limits, the summary view), :mod:`~kg.page.layout` (positions), :mod:`~kg.page.render` (pyvis and the
template -> HTML, with :mod:`~kg.page.styles` and the inlined :mod:`~kg.page.assets`), and
:mod:`~kg.page.browser` (the page in headless Chromium).

Safety: corpus text (titles, sentences, names, URLs) reaches the page only as JSON inside
``<script type="application/json">`` blocks, with ``<``, ``>``, ``&``, U+2028 and U+2029 escaped; the
page's script puts it on screen only through ``textContent`` and canvas labels, and makes links only
for http(s) URLs. A Content-Security-Policy allows the page's two scripts (by hash) and nothing
else: no network fetch, no other script, no plugin, no form.

Large graphs: above :data:`SUMMARY_THRESHOLD` nodes the page opens on a summary view (actors and
events with their claim counts, "makes claims about" and contradiction edges), from which search
and filters expand to claims; a page holds at most :data:`EMBED_LIMIT` nodes (``kg render --actor``,
``--article`` and ``--only`` make focused pages of bigger graphs).
"""

from kg.page.browser import measure_page
from kg.page.focus import EMBED_LIMIT, ONLY_CHOICES, SUMMARY_THRESHOLD, VIEW_LIMIT, VIEWS
from kg.page.render import PageStats, render_html

__all__ = ["EMBED_LIMIT", "ONLY_CHOICES", "SUMMARY_THRESHOLD", "VIEWS", "VIEW_LIMIT", "PageStats", "measure_page",
           "render_html"]
