"""report: built graph (or Corpus) -> ``report.md``, the findings an analyst reads without any tool.

Counts, every contradiction with both sentences, claimants, articles and the explanation, the claims
without a cited source, and citation rates per article and per publisher. Everything comes from the
graph through the same SPARQL as ``kg contradictions``, ``kg uncited`` and :func:`kg.findings.citation_rates`;
given a Corpus, the graph is first built in memory from it. The same graph gives the same bytes.
"""

from __future__ import annotations

import logging
import os
import re
from collections import Counter
from pathlib import Path

import pyoxigraph as ox

import kg
from kg.build import iter_graphs
from kg.export import oxigraph_store
from kg.findings import (
    KIND_LABELS,
    STATUS_LABELS,
    CitationRate,
    ContradictionFinding,
    UncitedClaim,
    citation_rates,
    find_uncited,
    list_contradictions,
    publisher_rates,
)
from kg.models import Corpus

logger = logging.getLogger(__name__)

__all__ = ["corpus_store", "render_report", "write_report"]

_STATUS_ORDER = ("uncited", "vague", "speaker")


def corpus_store(corpus: Corpus) -> ox.Store:
    """An in-memory store holding the graph ``kg build`` makes from ``corpus``."""
    return oxigraph_store(iter_graphs(corpus, kg.__version__))


def _md(text: str) -> str:
    """Text safe inside Markdown prose: markup characters escaped, whitespace on one line."""
    text = re.sub(r"\s+", " ", text).strip()
    return re.sub(r"([\\`*_\[\]<>|#])", r"\\\1", text)


def _id(iri: str) -> str:
    return iri.rsplit("/", 1)[-1]


def _pct(part: int, whole: int) -> str:
    return f"{part / whole:.0%}" if whole else "n/a"


def _plural(n: int, word: str) -> str:
    return f"{n:,} {word}{'' if n == 1 else 's'}"


def _summary(contradictions: list[ContradictionFinding], uncited: list[UncitedClaim],
             rates: list[CitationRate]) -> list[str]:
    claims = sum(r.claims for r in rates)
    cited = sum(r.cited for r in rates)
    status: Counter[str] = Counter(u.citation_status for u in uncited)
    kinds = Counter(c.kind for c in contradictions)
    by_kind = ", ".join(f"{KIND_LABELS[k]} {kinds[k]}" for k in KIND_LABELS if kinds[k])
    lines = [
        "## Summary",
        "",
        "| what | count |",
        "| --- | ---: |",
        f"| articles | {len(rates):,} |",
        f"| claims | {claims:,} |",
        f"| claims citing a source | {cited:,} ({_pct(cited, claims)}) |",
    ]
    for s in _STATUS_ORDER:
        lines.append(f"| claims {STATUS_LABELS[s]} | {status[s]:,} ({_pct(status[s], claims)}) |")
    lines.append(f"| contradictions | {len(contradictions):,}{f' ({by_kind})' if by_kind else ''} |")
    return lines


def _contradictions(rows: list[ContradictionFinding]) -> list[str]:
    lines = ["## Contradictions", ""]
    if not rows:
        return [*lines, "No contradictions were found."]
    lines.append("Strongest first. Each is one disagreement; when a claimant says the same thing several "
                 "times, the strongest statement is shown and the explanation counts the others.")
    for i, row in enumerate(rows, 1):
        head = f"### {i}. {KIND_LABELS[row.kind].capitalize()} (confidence {row.confidence:.2f}"
        head += f"; {row.modality})" if row.modality else ")"
        lines += ["", head, "", f"**Why:** {_md(row.explanation)}", ""]
        for label, who, article, headline, sentence in (
            ("A", row.claimant_a, row.article_a, row.headline_a, row.sentence_a),
            ("B", row.claimant_b, row.article_b, row.headline_b, row.sentence_b),
        ):
            lines.append(f"- **{label}:** {_md(who)}, in *{_md(headline)}* (`{_id(article)}`)")
            lines.append("")
            lines.append(f"  > {_md(sentence)}")
            lines.append("")
        lines.pop()
    return lines


def _uncited(rows: list[UncitedClaim]) -> list[str]:
    lines = ["## Claims without a cited source", ""]
    if not rows:
        return [*lines, "Every claim cites a source."]
    lines.append("Grouped by citation status; most check-worthy first (statistics and figures, dated facts, "
                 "causal claims, then opinions and other assertions).")
    for status in _STATUS_ORDER:
        group = [r for r in rows if r.citation_status == status]
        if not group:
            continue
        lines += ["", f"### {STATUS_LABELS[status].capitalize()} ({len(group):,})", ""]
        for i, row in enumerate(group, 1):
            lines.append(f"{i}. **{row.checkworthiness}**: {_md(row.claimant)}, in *{_md(row.headline)}* "
                         f"(`{_id(row.article)}`)")
            lines.append(f"   > {_md(row.sentence)}")
    return lines


def _rates(rates: list[CitationRate]) -> list[str]:
    lines = ["## Citation rates", "", "### Per article", "",
             "| article | headline | publisher | claims | cited | rate |",
             "| --- | --- | --- | ---: | ---: | ---: |"]
    for r in rates:
        lines.append(f"| `{_id(r.article)}` | {_md(r.headline)} | {_md(r.publisher) or '(none named)'} | "
                     f"{r.claims:,} | {r.cited:,} | {_pct(r.cited, r.claims)} |")
    lines += ["", "### Per publisher", "", "| publisher | articles | claims | cited | rate |",
              "| --- | ---: | ---: | ---: | ---: |"]
    for p in publisher_rates(rates):
        name = _md(p.publisher) or "(none named)"
        lines.append(f"| {name} | {p.articles:,} | {p.claims:,} | {p.cited:,} | {_pct(p.cited, p.claims)} |")
    return lines


def render_report(source: Corpus | ox.Store) -> str:
    """The Markdown text of the report for a built graph (a Store) or a Corpus (built in memory first)."""
    store = corpus_store(source) if isinstance(source, Corpus) else source
    contradictions = list_contradictions(store)
    uncited = find_uncited(store)
    rates = citation_rates(store)
    parts = [
        ["# kg report", "",
         f"What kg {kg.__version__} found in {_plural(len(rates), 'article')}: claims that contradict each "
         "other, claims that rest on no cited source, and how well each article and publisher cites its "
         "sources. `kg contradictions` and `kg uncited` list the same findings; the SPARQL behind them is in "
         "`kg/queries/`."],
        _summary(contradictions, uncited, rates),
        _contradictions(contradictions),
        _uncited(uncited),
        _rates(rates),
    ]
    return "\n\n".join("\n".join(p) for p in parts) + "\n"


def write_report(source: Corpus | ox.Store, path: Path) -> None:
    """Write ``report.md`` for a Corpus or a built graph to ``path`` (atomically: a temporary file, then
    a rename, so a reader never sees half a report)."""
    path = Path(path)
    text = render_report(source)
    tmp = path.with_name(path.name + ".part")
    tmp.write_bytes(text.encode("utf-8"))
    os.replace(tmp, path)
    logger.info("report: %s", path)
