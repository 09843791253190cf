"""corpus: a corpus folder -> its articles, in a stable order, each once.

:func:`corpus_files` lists the article files (hidden files, READMEs and other formats left out),
:func:`read_file` reads one with the reader of its ending (:data:`kg.ingest.readers.READERS`), and
:func:`iter_corpus` yields every article, refusing (or, with ``skip_invalid``, skipping) invalid files
and records, and duplicates: the same id, the same page (URL) or the same text.

What is read stays inside the corpus folder. The folder is walked without recursion (any depth) and
without following a symbolic link to a folder; a link to a file outside the corpus is refused, a
FIFO, socket or device is skipped with a warning (reading it could block the build), and a folder
that cannot be listed is an error, not a silent gap. File names that are not UTF-8 are shown with
their undecodable bytes escaped (``caf\\xe9.txt``).
"""

from __future__ import annotations

import hashlib
import logging
import os
import stat
import unicodedata
from collections.abc import Iterator
from pathlib import Path

from kg.errors import CorpusError, printable
from kg.ingest.language import foreign_language
from kg.ingest.readers import MAX_HTML_BYTES, MAX_TEXT_BYTES, READERS, SUPPORTED_SUFFIXES, read_html, read_text
from kg.iris import slug
from kg.models import Article
from kg.text.urls import page_key

logger = logging.getLogger(__name__)

__all__ = ["corpus_files", "iter_corpus", "read_file", "shown_name"]

_SPECIAL_KINDS = ((stat.S_ISFIFO, "a FIFO"), (stat.S_ISSOCK, "a socket"), (stat.S_ISCHR, "a character device"),
                  (stat.S_ISBLK, "a block device"))


def shown_name(text: str) -> str:
    r"""A file name as messages show it: bytes that are not UTF-8 (kept by Python as surrogates) as ``\xNN``.

    >>> shown_name("caf\udce9.txt")
    'caf\\xe9.txt'
    """
    return os.fsencode(text).decode("utf-8", "backslashreplace")


def _kind(mode: int) -> str | None:
    """What a file that is neither a folder nor a regular file is ("a FIFO", ...), else None."""
    if stat.S_ISREG(mode) or stat.S_ISDIR(mode):
        return None
    return next((name for test, name in _SPECIAL_KINDS if test(mode)), "a special file")


def _read_regular(path: Path, shown: str, limit: int | None) -> bytes:
    """The bytes of a regular file, at most ``limit``; a FIFO or device is refused without blocking."""
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | os.O_CLOEXEC)
    except OSError as exc:
        raise CorpusError(shown, f"cannot be read ({exc.strerror})", "check the file exists and is readable") from None
    info = os.fstat(fd)
    kind = "a folder" if stat.S_ISDIR(info.st_mode) else _kind(info.st_mode)
    if kind is not None or (limit is not None and info.st_size > limit):
        os.close(fd)
        if kind is not None:
            raise CorpusError(shown, f"it is {kind}, not a regular file", "remove it from the corpus")
        raise CorpusError(
            shown, f"the file is {info.st_size / 1e6:,.1f} MB, over the {(limit or 0) / 1e6:,.0f} MB kg reads as "
            "one article", "split it into several articles, or keep only the article's text (a .txt file)",
        )
    with os.fdopen(fd, "rb") as handle:
        try:
            data = handle.read(-1 if limit is None else limit + 1)
        except OSError as exc:
            raise CorpusError(shown, f"cannot be read ({exc.strerror})",
                              "check the file exists and is readable") from None
    if limit is not None and len(data) > limit:  # it grew while it was read
        raise CorpusError(shown, f"the file is over the {limit / 1e6:,.0f} MB kg reads as one article",
                          "split it into several articles, or keep only the article's text (a .txt file)")
    return data


def read_file(path: Path, display: str | None = None, problems: list[CorpusError] | None = None) -> list[Article]:
    """Read one corpus file into its articles. Raises CorpusError naming the file.

    With ``problems``, a bad record of a file that holds several (JSON Lines, a JSON list) is appended
    there and the file's other records are still read; without it, the first bad record raises.
    """
    shown = display or shown_name(str(path))
    reader = READERS.get(path.suffix.lower())
    if reader is None:
        raise CorpusError(shown, f"files ending in {path.suffix or '(no extension)'!r} are not read",
                          f"use one of {', '.join(SUPPORTED_SUFFIXES)}, or move the file out of the corpus")
    limit = MAX_TEXT_BYTES if reader is read_text else MAX_HTML_BYTES if reader is read_html else None
    data = _read_regular(path, shown, limit)
    return reader(shown, data, slug(shown_name(path.stem)), problems)


def _inside(target: str, root: str) -> bool:
    return target == root or os.path.commonpath([target, root]) == root


def corpus_files(
    corpus: Path, ignored: list[Path] | None = None, problems: list[CorpusError] | None = None
) -> list[Path]:
    """The article files of a corpus folder, in a stable order (by path), at any depth.

    Hidden files and folders (``.`` or ``_`` first), READMEs, and files whose ending is not an article
    format (images, PDFs, ...) are left out; the last are appended to ``ignored`` so the caller can say so.
    A folder that cannot be listed, or a symbolic link out of the corpus, raises CorpusError, or is
    appended to ``problems`` when given. A link to a folder inside the corpus is not followed (its
    files are read where they are); FIFOs, sockets and devices are skipped with a warning.
    """
    if corpus.is_file():
        return [corpus]
    if not corpus.is_dir():
        raise CorpusError(str(corpus), "no such corpus folder", "give the folder that holds the articles")
    base = corpus.parent
    root = os.path.realpath(corpus)

    def shown(path: Path) -> str:
        return shown_name(str(path.relative_to(base)))

    def problem(error: CorpusError) -> None:
        if problems is None:
            raise error
        problems.append(error)

    files: list[Path] = []
    folders = [corpus]
    while folders:
        folder = folders.pop()
        try:
            with os.scandir(folder) as listing:
                entries = sorted(entry.name for entry in listing)
        except OSError as exc:
            problem(CorpusError(shown(folder), f"the folder cannot be read ({exc.strerror}), so its articles "
                                "would be left out", "make it readable (chmod u+rx), or move it out of the corpus"))
            continue
        for name in entries:
            if name.startswith((".", "_")):
                continue
            path = folder / name
            article_like = path.suffix.lower() in READERS and not name.lower().startswith("readme")
            try:
                mode = path.lstat().st_mode
                if stat.S_ISLNK(mode):
                    target = os.path.realpath(path)
                    if not _inside(target, root):
                        if article_like or os.path.isdir(target):
                            problem(CorpusError(
                                shown(path), f"it is a symbolic link to {printable(shown_name(target))}, outside the "
                                "corpus folder, and kg reads only what is inside it",
                                "copy the file into the corpus folder, or remove the link"))
                        elif ignored is not None:
                            ignored.append(path)
                        continue
                    mode = os.stat(path).st_mode
                    if stat.S_ISDIR(mode):
                        logger.warning("%s: a symbolic link to a folder of the corpus; not followed (its files are "
                                       "read where they are)", shown(path))
                        continue
            except OSError as exc:  # a broken link, or a file removed while the folder is read
                if article_like:
                    problem(CorpusError(shown(path), f"cannot be read ({exc.strerror})",
                                        "check the file exists and is readable, or remove it"))
                continue
            if stat.S_ISDIR(mode):
                folders.append(path)
                continue
            kind = _kind(mode)
            if kind is not None:
                logger.warning("%s: skipped: it is %s, not a regular file", shown(path), kind)
            elif article_like:
                files.append(path)
            elif ignored is not None and not name.lower().startswith("readme"):
                ignored.append(path)
    files.sort(key=lambda p: p.parts)
    if ignored is not None:
        ignored.sort(key=lambda p: p.parts)
    return files


def _twins(path: str, first: str) -> str:
    """A note when two file names look the same but are different Unicode (NFC and NFD forms)."""
    if path == first or unicodedata.normalize("NFC", path) != unicodedata.normalize("NFC", first):
        return ""
    forms = " and ".join(repr(p.encode("ascii", "backslashreplace").decode("ascii")) for p in (first, path))
    return (f"; the two file names look the same but are written with different Unicode characters ({forms}: "
            "composed and decomposed accents)")


def iter_corpus(
    corpus: Path,
    *,
    skip_invalid: bool = False,
    skipped: list[str] | None = None,
    foreign: dict[str, str] | None = None,
) -> Iterator[Article]:
    """Every article of the corpus, in a stable order.

    Invalid files and records raise CorpusError, unless ``skip_invalid``: then each message is appended
    to ``skipped`` (and logged) and reading goes on. Duplicate articles (same id, URL or text) count as
    invalid. An article that is not in English is read, with a warning naming its language; its path
    and language are added to ``foreign``.
    """
    seen_ids: dict[str, str] = {}
    seen_urls: dict[str, str] = {}
    seen_bodies: dict[str, str] = {}
    ignored: list[Path] = []
    problems: list[CorpusError] = []
    files = corpus_files(corpus, ignored, problems)

    def skip(exc: CorpusError) -> None:
        if not skip_invalid:
            raise exc
        logger.warning("skipped %s", exc)
        if skipped is not None:
            skipped.append(str(exc))

    for problem in problems:
        skip(problem)
    if ignored:
        logger.warning("ignored %d file(s) that are not articles (%s): %s", len(ignored),
                       ", ".join(sorted({p.suffix.lower() for p in ignored})),
                       ", ".join(shown_name(str(p)) for p in ignored[:5]) + (" ..." if len(ignored) > 5 else ""))
    if not files:
        raise CorpusError(str(corpus), "the corpus folder holds no article files",
                          f"put articles ({', '.join(SUPPORTED_SUFFIXES)}) in it")
    base = corpus if corpus.is_dir() else corpus.parent

    for path in files:
        records: list[CorpusError] = []
        try:
            articles = read_file(path, shown_name(str(path.relative_to(base.parent))), records)
        except CorpusError as exc:
            skip(exc)
            continue
        for record in records:
            skip(record)
        for article in articles:
            keys = (
                ("id", article.id, seen_ids),
                ("url", page_key(article.url) if article.url else None, seen_urls),
                ("text", hashlib.sha256(article.body.encode("utf-8")).hexdigest(), seen_bodies),
            )
            duplicate = next(((what, seen[key]) for what, key, seen in keys if key is not None and key in seen), None)
            if duplicate is not None:
                what, first = duplicate
                twins = _twins(article.path, first)
                fix = ("rename or remove one of the two files" if twins
                       else "give the two articles different ids in their headers" if what == "id"
                       else "remove one of the two copies")
                skip(CorpusError(article.path, f"duplicates {first} (same {what}){twins}", fix))
                continue
            for _, key, seen in keys:
                if key is not None:
                    seen[key] = article.path
            language = foreign_language(article)
            if language is not None:
                logger.warning("%s: the article is in %s, not English; kg's rules read English, so it gives few "
                               "or no claims", article.path, language)
                if foreign is not None:
                    foreign[article.path] = language
            yield article
