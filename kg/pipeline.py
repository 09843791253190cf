"""pipeline: corpus folder -> output folder. The one place that runs the stages, by name and in order::

    ingest      kg.ingest.iter_corpus              corpus files -> Article
    extract     kg.extract.extract                 Article -> Extraction (cached; in worker processes)
    resolve     kg.resolve.resolve                 [Extraction] -> Corpus
    contradict  kg.contradict.find_contradictions  Corpus -> the Corpus with its Contradictions
    build       kg.build                           Corpus -> named graphs of quads
    export      kg.export.write_graphs             quads -> graph.trig, graph.ttl and an in-memory store
    report      kg.report.write_report             store -> report.md
    page        kg.page.render_html                store -> graph.html

Stage contract: :func:`build_corpus` is what ``kg build`` calls; :func:`build_extractions` runs the
stages after extraction (for tests and benchmarks that start from Extraction records). Both claim the
output folder (:func:`kg.export.output_folder`: refused if it is inside the corpus, or holds files kg
did not write, unless ``force``), hold its build lock, write the outputs into a build folder of their
own and switch it in at the end (:class:`kg.export.OutputSet`), and return a
:class:`kg.models.BuildSummary`, whose ``seconds`` are timed per :data:`STAGES` (``analyse`` is the
contradict stage, ``write`` the export, ``render`` the report and the page together).

One in-memory store serves the report and the page: it is filled with the quads as they are written
to graph.trig (never by reading the file back), while the Extraction records are released one by one
as their article graphs are made, so the records and the store are not both held in full.

With ``workers`` > 1, worker processes extract articles and later build and serialise the
article graphs (each depends only on its article and a small corpus-wide context); the output
bytes are the same for any number of workers. ``BuildSummary.seconds["build"]`` is then the time
spent waiting for serialised article graphs, and ``"write"`` the time spent writing them (and
adding them to the store).

Extraction results are cached in the output folder (:mod:`kg.cache`). An article whose extraction
holds more than :data:`MAX_CLAIMS` claims is refused (or skipped): the graph of one input stays
proportional to its size.
"""

from __future__ import annotations

import itertools
import logging
import multiprocessing
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path
from typing import TypeVar, cast

import pyoxigraph as ox
from rdflib import URIRef

import kg
from kg import build, export
from kg.cache import ExtractionCache
from kg.contradict import find_contradictions
from kg.errors import CorpusError, KgError
from kg.extract import extract
from kg.ingest import iter_corpus
from kg.models import Article, BuildSummary, Extraction
from kg.page import render_html
from kg.report import write_report
from kg.resolve import resolve

logger = logging.getLogger(__name__)

__all__ = [
    "MAX_CLAIMS",
    "STAGES",
    "Progress",
    "build_corpus",
    "build_extractions",
]

Progress = Callable[[str, int, int | None], None]
"""``progress(stage, done, total)``: called as work is done; ``total`` is None when not known yet."""

STAGES = ("ingest", "extract", "resolve", "analyse", "build", "write", "render")
"""The stages timed in ``BuildSummary.seconds`` (``analyse``: contradict; ``write``: export; ``render``: report
and page)."""

MAX_CLAIMS = 10_000
"""Most claims one article may give; an article over it is refused like an invalid file (about one claim
per sentence: a book-length text, which is better split into articles)."""

T = TypeVar("T")


# ----------------------------------------------------------------------------------------------
# Extraction, cached and in parallel


class _Interner:
    """One shared instance per distinct actor, event and source record across extractions.

    The same actor (same key, label, kind, ...) is named by many articles; each extraction holds its
    own equal copy. Records are frozen, so equal ones can be shared: about a quarter less memory for
    the records a build holds from extraction to writing (measured on the 1,000-article corpus).
    """

    def __init__(self) -> None:
        self._seen: dict[object, object] = {}

    def __call__(self, extraction: Extraction) -> Extraction:
        seen = self._seen

        def shared(records: tuple[T, ...]) -> tuple[T, ...]:
            return tuple(cast(T, seen.setdefault(r, r)) for r in records)

        return extraction.model_copy(
            update={
                "actors": shared(extraction.actors),
                "events": shared(extraction.events),
                "sources": shared(extraction.sources),
            }
        )


def _extract_one(article: Article) -> Extraction | tuple[str, str]:
    """Run in a worker: the extraction, or (path, message) for an expected error (KgError)."""
    try:
        extraction = extract(article)
        if len(extraction.claims) > MAX_CLAIMS:
            raise CorpusError(
                article.path, f"the article gives {len(extraction.claims):,} claims, over the limit of "
                f"{MAX_CLAIMS:,} for one article", "split it into several articles",
            )
    except KgError as exc:  # sent back as text: KgError subclasses do not all survive pickling
        return (article.path, str(exc))
    if extraction.article != article:
        raise RuntimeError(f"{article.path}: the extractor returned an Extraction for another article")
    return extraction


def _extract_all(
    articles: Sequence[Article], workers: int, progress: Progress | None
) -> Iterable[Extraction | tuple[str, str]]:
    """Extractions in article order, whatever the number of workers."""
    if workers <= 1 or len(articles) < 2:
        for i, article in enumerate(articles, 1):
            yield _extract_one(article)
            if progress is not None:
                progress("extract", i, len(articles))
        return
    # spawn: workers start clean (no inherited lock file descriptor, no copied threads)
    context = multiprocessing.get_context("spawn")
    chunksize = max(1, min(32, len(articles) // (workers * 8)))
    with context.Pool(processes=min(workers, len(articles))) as pool:
        for i, result in enumerate(pool.imap(_extract_one, articles, chunksize=chunksize), 1):
            yield result
            if progress is not None:
                progress("extract", i, len(articles))


# ----------------------------------------------------------------------------------------------
# Article graphs, built and serialised in parallel

_ARTICLE_CONTEXT: build.ArticleGraphContext | None = None


def _init_article_worker(context: build.ArticleGraphContext) -> None:
    global _ARTICLE_CONTEXT
    _ARTICLE_CONTEXT = context


def _article_chunk(extraction: Extraction) -> export.Chunk:
    """Run in a worker: one article's named graph, built and serialised."""
    assert _ARTICLE_CONTEXT is not None, "the worker was not initialised"
    return export.serialize_graph(build.article_graph_quads(extraction, _ARTICLE_CONTEXT))


def _drain(items: list[Extraction]) -> Iterator[Extraction]:
    """The items of ``items`` in order, each removed from the list as it is handed out (so it can be freed)."""
    items.reverse()
    while items:
        yield items.pop()


def _drain_graphs(graphs: list[tuple[URIRef, list[build.Quad]]]) -> Iterator[tuple[URIRef, list[build.Quad]]]:
    graphs.reverse()
    while graphs:
        yield graphs.pop()


def _article_graphs(
    ordered: list[Extraction], context: build.ArticleGraphContext, workers: int
) -> Iterator[tuple[URIRef, list[build.Quad]] | export.Chunk]:
    """The article graphs in output order; with several workers, they come serialised.

    An article's graph depends only on that article and a small corpus-wide context, so worker
    processes build and serialise them while this process writes: the bytes are the same. Each
    extraction leaves ``ordered`` when it is handed out, so the records are freed as the graph is written.
    """
    if workers <= 1 or len(ordered) < 2:
        for extraction in _drain(ordered):
            yield build.article_graph(extraction, context)
        return
    mp_context = multiprocessing.get_context("spawn")
    processes = min(workers, len(ordered))
    chunksize = max(1, min(16, len(ordered) // (processes * 8)))
    with mp_context.Pool(processes=processes, initializer=_init_article_worker, initargs=(context,)) as pool:
        yield from pool.imap(_article_chunk, _drain(ordered), chunksize=chunksize)


# ----------------------------------------------------------------------------------------------
# The build


def build_corpus(
    corpus_dir: Path,
    out_dir: Path,
    *,
    skip_invalid: bool = False,
    workers: int = 1,
    use_cache: bool = True,
    progress: Progress | None = None,
    force: bool = False,
) -> BuildSummary:
    """Build the graph of every article in ``corpus_dir`` into ``out_dir``.

    Args:
        corpus_dir: the corpus folder (or one corpus file).
        out_dir: the output folder; created if missing. Holds graph.trig, graph.ttl, report.md,
            graph.html (links to the current build), the builds, the build lock and the extraction cache.
        skip_invalid: skip invalid corpus files (listed in ``BuildSummary.skipped``) instead of stopping.
        workers: extraction processes; the output does not depend on the number.
        use_cache: read and write the extraction cache.
        progress: called as articles are read, extracted and written.
        force: write into ``out_dir`` even if it holds files kg did not write (kg removes none of them).

    Raises:
        CorpusError: an invalid corpus file (unless ``skip_invalid``).
        BuildLockedError: another build is writing into ``out_dir``.
        OutputError: ``out_dir`` is inside the corpus, holds files kg did not write, or cannot be written.
    """
    with export.output_folder(out_dir, corpus=corpus_dir, force=force) as folder:
        seconds = dict.fromkeys(STAGES, 0.0)
        skipped: list[str] = []
        foreign: dict[str, str] = {}
        t0 = time.perf_counter()
        articles = []
        for article in iter_corpus(corpus_dir, skip_invalid=skip_invalid, skipped=skipped, foreign=foreign):
            articles.append(article)
            if progress is not None:
                progress("ingest", len(articles), None)
        seconds["ingest"] = time.perf_counter() - t0

        t0 = time.perf_counter()
        cache = ExtractionCache(folder) if use_cache else None
        found: list[Extraction | None] = [None] * len(articles)
        share = _Interner()
        if cache is not None:
            for i, article in enumerate(articles):
                hit = cache.get(article)
                found[i] = None if hit is None else share(hit)
        cached = sum(1 for e in found if e is not None)
        missing = [i for i, e in enumerate(found) if e is None]
        results = _extract_all([articles[i] for i in missing], workers, progress)
        for i, result in zip(missing, results, strict=True):
            if isinstance(result, Extraction):
                if cache is not None:
                    cache.put(articles[i], result)
                found[i] = share(result)
                continue
            _, message = result
            if not skip_invalid:
                raise KgError(message)
            logger.warning("skipped %s", message)
            skipped.append(message)
        extractions = [e for e in found if e is not None]
        seconds["extract"] = time.perf_counter() - t0
        logger.info("extract: %d articles (%d from the cache)", len(extractions), cached)
        if cache is not None:
            cache.prune()
        if not extractions:
            raise CorpusError(
                str(corpus_dir),
                "no article could be read",
                "fix the files listed above, or add articles to the corpus",
            )
        languages = [f"{e.article.path} ({foreign[e.article.path]})" for e in extractions if e.article.path in foreign]
        del articles, found, share  # _finish releases the extractions as their graphs are written
        return _finish(extractions, folder, skipped, seconds, cached, progress, workers, languages)


def build_extractions(
    extractions: Iterable[Extraction],
    out_dir: Path,
    *,
    skipped: Sequence[str] = (),
    workers: int = 1,
    progress: Progress | None = None,
    force: bool = False,
) -> BuildSummary:
    """Resolve, find contradictions, build and write already-extracted articles into ``out_dir`` (claimed and
    locked as by :func:`build_corpus`)."""
    with export.output_folder(out_dir, force=force) as folder:
        seconds = dict.fromkeys(STAGES, 0.0)
        return _finish(list(extractions), folder, list(skipped), seconds, 0, progress, workers, [])


def _finish(
    extractions: list[Extraction],
    folder: export.OutputFolder,
    skipped: list[str],
    seconds: dict[str, float],
    cached: int,
    progress: Progress | None,
    workers: int,
    foreign: list[str],
) -> BuildSummary:
    t0 = time.perf_counter()
    corpus = resolve(extractions, skipped=skipped)
    seconds["resolve"] = time.perf_counter() - t0

    t0 = time.perf_counter()
    corpus = corpus.model_copy(update={"contradictions": tuple(find_contradictions(corpus))})
    seconds["analyse"] = time.perf_counter() - t0

    counts = {
        "articles": len(corpus.extractions),
        "claims": sum(len(e.claims) for e in corpus.extractions),
        "actors": len(corpus.actors),
        "events": len(corpus.events),
        "sources": len(corpus.sources),
        "contradictions": len(corpus.contradictions),
    }
    version = kg.__version__
    cross = list(build.cross_article_graphs(corpus, version))
    context = build.ArticleGraphContext.of(corpus, version)
    ordered = build.article_order(corpus)
    total_graphs = len(cross) + len(ordered)
    # From here on the records are held only by ``ordered``, which gives each one up as its graph is
    # made: the store that report and page read fills as the records are freed.
    del corpus
    extractions.clear()

    def report(done: int) -> None:
        if progress is not None:
            progress("write", done, total_graphs)

    with export.OutputSet(folder) as outputs:
        # The graph the report and the page read is filled from the quads as they are written, not
        # read back from graph.trig; it is the same graph (tests/test_report.py checks the bytes).
        store = ox.Store()
        graphs = itertools.chain(_drain_graphs(cross), _article_graphs(ordered, context, workers))
        stats = export.write_graphs(
            graphs, outputs.path(export.TRIG_NAME), outputs.path(export.TTL_NAME), progress=report, store=store
        )
        seconds["build"] = stats.seconds["build"]
        seconds["write"] = stats.seconds["write"]

        t0 = time.perf_counter()
        write_report(store, outputs.path("report.md"))
        render_html(store, outputs.path("graph.html"))
        del store
        seconds["render"] = time.perf_counter() - t0
        written = outputs.commit()

    summary = BuildSummary(
        **counts,
        quads=stats.quads,
        skipped=tuple(skipped),
        foreign=tuple(foreign),
        cached=cached,
        outputs=tuple(str(p) for p in written),
        seconds={k: round(v, 3) for k, v in seconds.items()},
    )
    logger.info("build: %d articles, %d quads -> %s", summary.articles, summary.quads, folder.root)
    return summary
