"""corpus: a corpus folder -> its articles, in a stable order, each once.

:func:`corpus_files` lists the article files (hidden files, READMEs and other formats left out),
:func:`read_file` reads one with the reader of its ending (:data:`kg.ingest.readers.READERS`), and
:func:`iter_corpus` yields every article, refusing (or, with ``skip_invalid``, skipping) invalid files
and duplicates: the same id, the same page (URL) or the same text.
"""

from __future__ import annotations

import hashlib
import logging
from collections.abc import Iterator
from pathlib import Path

from kg.errors import CorpusError
from kg.ingest.readers import MAX_HTML_BYTES, MAX_TEXT_BYTES, READERS, SUPPORTED_SUFFIXES, read_html, read_text
from kg.iris import slug
from kg.models import Article
from kg.text.urls import page_key

logger = logging.getLogger(__name__)

__all__ = ["corpus_files", "iter_corpus", "read_file"]


def read_file(path: Path, display: str | None = None) -> list[Article]:
    """Read one corpus file into its articles. Raises CorpusError naming the file."""
    shown = display or str(path)
    reader = READERS.get(path.suffix.lower())
    if reader is None:
        raise CorpusError(shown, f"files ending in {path.suffix or '(no extension)'!r} are not read",
                          f"use one of {', '.join(SUPPORTED_SUFFIXES)}, or move the file out of the corpus")
    limit = MAX_TEXT_BYTES if reader is read_text else MAX_HTML_BYTES if reader is read_html else None
    try:
        size = path.stat().st_size
        if limit is not None and size > limit:
            raise CorpusError(
                shown, f"the file is {size / 1e6:,.1f} MB, over the {limit / 1e6:,.0f} MB kg reads as one article",
                "split it into several articles, or keep only the article's text (a .txt file)",
            )
        data = path.read_bytes()
    except OSError as exc:
        raise CorpusError(shown, f"cannot be read ({exc.strerror})", "check the file exists and is readable") from None
    return reader(shown, data, slug(path.stem))


def corpus_files(corpus: Path, ignored: list[Path] | None = None) -> list[Path]:
    """The article files of a corpus folder, in a stable order.

    Hidden files and folders (``.`` or ``_`` first), READMEs, and files whose ending is not an article
    format (images, PDFs, ...) are left out; the last are appended to ``ignored`` so the caller can say so.
    """
    if corpus.is_file():
        return [corpus]
    if not corpus.is_dir():
        raise CorpusError(str(corpus), "no such corpus folder", "give the folder that holds the articles")
    files = []
    for path in sorted(corpus.rglob("*")):
        rel = path.relative_to(corpus)
        if any(part.startswith((".", "_")) for part in rel.parts):
            continue
        if not path.is_file() or path.name.lower().startswith("readme"):
            continue
        if path.suffix.lower() in READERS:
            files.append(path)
        elif ignored is not None:
            ignored.append(path)
    return files


def iter_corpus(corpus: Path, *, skip_invalid: bool = False, skipped: list[str] | None = None) -> Iterator[Article]:
    """Every article of the corpus, in a stable order.

    Invalid files raise CorpusError, unless ``skip_invalid``: then each message is appended to
    ``skipped`` (and logged) and reading goes on. Duplicate articles (same id, URL or text) count as
    invalid.
    """
    seen_ids: dict[str, str] = {}
    seen_urls: dict[str, str] = {}
    seen_bodies: dict[str, str] = {}
    ignored: list[Path] = []
    files = corpus_files(corpus, ignored)
    if ignored:
        logger.warning("ignored %d file(s) that are not articles (%s): %s", len(ignored),
                       ", ".join(sorted({p.suffix.lower() for p in ignored})),
                       ", ".join(str(p) for p in ignored[:5]) + (" ..." if len(ignored) > 5 else ""))
    if not files:
        raise CorpusError(str(corpus), "the corpus folder holds no article files",
                          f"put articles ({', '.join(SUPPORTED_SUFFIXES)}) in it")
    base = corpus if corpus.is_dir() else corpus.parent

    def skip(exc: CorpusError) -> None:
        if not skip_invalid:
            raise exc
        logger.warning("skipped %s", exc)
        if skipped is not None:
            skipped.append(str(exc))

    for path in files:
        try:
            articles = read_file(path, str(path.relative_to(base.parent)))
        except CorpusError as exc:
            skip(exc)
            continue
        for article in articles:
            keys = (
                ("id", article.id, seen_ids),
                ("url", page_key(article.url) if article.url else None, seen_urls),
                ("text", hashlib.sha256(article.body.encode("utf-8")).hexdigest(), seen_bodies),
            )
            duplicate = next(((what, seen[key]) for what, key, seen in keys if key is not None and key in seen), None)
            if duplicate is not None:
                what, first = duplicate
                fix = ("give the two articles different ids in their headers" if what == "id"
                       else "remove one of the two copies")
                skip(CorpusError(article.path, f"duplicates {first} (same {what})", fix))
                continue
            for _, key, seen in keys:
                if key is not None:
                    seen[key] = article.path
            yield article
