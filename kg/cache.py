"""cache: extraction results kept between builds, in ``<out>/.kg/cache/extract/``.

An entry is keyed by the article's input hash and id, in a folder per kg version and
``kg.extract.EXTRACTOR_VERSION``; it is used only if its Article record equals the one just read, so
a change to ingest also invalidates it. Each entry starts with a line holding a SHA-256 checksum of
its JSON (bound to the article's hash and id): an entry that was damaged or edited, or copied from
another article, is not used (a warning says so) and the article is extracted again. The checksum
finds damage and edits; it is no defence against someone who can write the output folder and
recomputes it (such a person can as well edit graph.trig).

Reading never blocks or follows a link: an entry is opened with ``O_NOFOLLOW | O_NONBLOCK`` and used
only if it is a regular file of a bounded size, so a FIFO, a device or a link planted in its place is
ignored. The cache is an optimisation: a build never fails because an entry cannot be read or written.
Folders of other versions are removed only if the output folder's manifest shows kg made them, and
then only the files kg names its entries with.
"""

from __future__ import annotations

import contextlib
import hashlib
import logging
import os
import re
import stat
from collections.abc import Callable
from pathlib import Path

from pydantic import ValidationError

import kg
from kg.errors import OutputError
from kg.export import PRIVATE_NAME, OutputFolder
from kg.export.manifest import TEMPORARY, private_dir
from kg.extract import EXTRACTOR_VERSION
from kg.iris import digest, slug
from kg.models import Article, Extraction

logger = logging.getLogger(__name__)

__all__ = ["ExtractionCache", "extraction_cache_dir"]

_HEADER = b"kg extraction cache 1 sha256:"
_SHARD = re.compile(r"^[0-9a-f]{2}$")
_ENTRY = re.compile(r"^[0-9a-f]{32}\.json$")
_MIN_LIMIT = 1_000_000
_BYTES_PER_CHAR = 64
"""An entry is read only if it is under this many bytes per character of its article (and a megabyte):
an Extraction holds the body once and its claims' text about once more, well under this."""


def _version_name() -> str:
    return f"kg-{slug(kg.__version__)}_{slug(EXTRACTOR_VERSION)}"


def extraction_cache_dir(out_dir: Path) -> Path:
    """Where this kg and extractor version keep their cached extractions."""
    return out_dir / PRIVATE_NAME / "cache" / "extract" / _version_name()


def _checksum(article: Article, payload: bytes) -> bytes:
    h = hashlib.sha256(f"{article.sha256}\n{article.id}\n".encode())
    h.update(payload)
    return h.hexdigest().encode("ascii")


class ExtractionCache:
    """The extraction cache of one output folder, for the kg and extractor version running."""

    def __init__(self, folder: OutputFolder) -> None:
        """The cache of ``folder``, its folders made (and on the manifest).

        Raises:
            OutputError: a folder of the cache is a symbolic link (or a file): kg does not write through it.
        """
        self.folder = folder
        self.name = f"extract/{_version_name()}"
        self.dir = extraction_cache_dir(folder.root)
        self._checked: set[str] = set()
        if self.name not in folder.manifest.caches:  # on record before it is made
            folder.manifest.caches.append(self.name)
            folder.save()
        private_dir(folder.root, "cache", *self.name.split("/"))  # refuses a link planted on the way
        self._remove_temporaries()

    def _path(self, article: Article) -> Path:
        key = digest(article.sha256, article.id, length=32)
        return self.dir / key[:2] / f"{key}.json"

    def _shard_ok(self, path: Path, *, make: bool) -> bool:
        """Whether the entry's folder is a real folder of the cache (made first when ``make``)."""
        shard = path.parent.name
        if shard in self._checked:
            return True
        if make:
            private_dir(self.folder.root, "cache", *self.name.split("/"), shard)
        else:
            try:
                if not stat.S_ISDIR(os.lstat(path.parent).st_mode):
                    return False
            except OSError:
                return False
        self._checked.add(shard)
        return True

    def get(self, article: Article) -> Extraction | None:
        """The cached extraction of ``article``, or None (missing, damaged, edited, or not a regular file)."""
        path = self._path(article)
        if not self._shard_ok(path, make=False):
            return None
        try:
            fd = os.open(path, os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK | os.O_CLOEXEC)
        except FileNotFoundError:
            return None
        except OSError as exc:
            logger.warning("extraction cache %s unreadable (%s); extracting again", path, exc.strerror)
            return None
        limit = max(_MIN_LIMIT, _BYTES_PER_CHAR * len(article.body))
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode) or info.st_size > limit:
            os.close(fd)
            problem = "is not a regular file" if not stat.S_ISREG(info.st_mode) else "is too large"
            logger.warning("extraction cache %s %s; ignored, extracting again", path, problem)
            return None
        with os.fdopen(fd, "rb") as handle:
            try:
                data = handle.read(limit + 1)
            except OSError as exc:
                logger.warning("extraction cache %s unreadable (%s); extracting again", path, exc.strerror)
                return None
        header, _, payload = data.partition(b"\n")
        if header != _HEADER + _checksum(article, payload):
            logger.warning("extraction cache %s fails its checksum (damaged or edited); extracting again", path)
            return None
        try:
            extraction = Extraction.model_validate_json(payload)
        except ValidationError:
            logger.warning("extraction cache %s is damaged; extracting again", path)
            return None
        return extraction if extraction.article == article else None

    def put(self, article: Article, extraction: Extraction) -> None:
        """Keep ``extraction`` for the next build (a warning, never an error, if it cannot be written)."""
        path = self._path(article)
        temp = path.with_name(f".{path.name}.tmp-{os.getpid()}")
        payload = extraction.model_dump_json().encode("utf-8")
        try:
            self._shard_ok(path, make=True)
            with contextlib.suppress(FileNotFoundError):
                os.unlink(temp)
            fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW | os.O_CLOEXEC, 0o644)
            with os.fdopen(fd, "wb") as handle:
                handle.write(_HEADER + _checksum(article, payload) + b"\n" + payload)
            os.replace(temp, path)
        except (OSError, OutputError) as exc:
            reason = exc.strerror if isinstance(exc, OSError) else str(exc)
            logger.warning("cannot write extraction cache %s (%s)", path, reason)
            with contextlib.suppress(OSError):
                os.unlink(temp)

    def _entry_folders(self, name: str) -> list[Path]:
        """The entry folders of the cache folder ``name`` (under ``.kg/cache``); [] if it is not a real folder."""
        top = self.folder.private / "cache" / name
        try:
            if not stat.S_ISDIR(os.lstat(top).st_mode):
                return []
            with os.scandir(top) as listing:
                return [top / e.name for e in listing if _SHARD.match(e.name) and e.is_dir(follow_symlinks=False)]
        except OSError:
            return []

    @staticmethod
    def _remove_files(shard: Path, chosen: Callable[[str], bool]) -> None:
        """Remove the regular files of ``shard`` whose name is ``chosen`` (a link is never followed)."""
        try:
            with os.scandir(shard) as listing:
                names = [e.name for e in listing if chosen(e.name) and e.is_file(follow_symlinks=False)]
        except OSError:
            return
        for name in names:
            with contextlib.suppress(OSError):
                os.unlink(shard / name)

    def _remove_temporaries(self) -> None:
        """Entries half-written by a killed build (we hold the output folder's lock)."""
        for shard in self._entry_folders(self.name):
            self._remove_files(shard, lambda name: bool(TEMPORARY.match(name)))

    def prune(self) -> None:
        """Remove the cache folders of other kg or extractor versions that kg made (on the manifest)."""
        others = [name for name in self.folder.manifest.caches if name != self.name]
        for name in others:
            for shard in self._entry_folders(name):
                self._remove_files(shard, lambda name: bool(_ENTRY.match(name) or TEMPORARY.match(name)))
                with contextlib.suppress(OSError):
                    os.rmdir(shard)
            top = self.folder.private / "cache" / name
            with contextlib.suppress(OSError):
                if not stat.S_ISLNK(os.lstat(top).st_mode):
                    os.rmdir(top)
            self.folder.manifest.caches.remove(name)
        if others:
            self.folder.save()
