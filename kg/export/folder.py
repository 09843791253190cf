"""folder: the output folder, which is kg's alone, and the switch from one build to the next.

Layout of an output folder::

    graph.trig -> current/graph.trig     one link per output file (graph.ttl, report.md, graph.html too)
    current -> .kg/builds/7              the build being read; replaced by one atomic rename
    .kg/builds/7/                        each build writes into a folder of its own
    .kg/builds/6/                        the build before, kept for readers that opened it
    .kg/cache/                           the extraction cache (kg.cache)
    .kg/manifest.json                    what kg made here (kg.export.manifest); kg removes nothing else
    .kg-build.lock                       one build at a time (kg.export.lock)

``<out>/graph.trig`` and the other output paths stay valid paths. A build is switched in by
replacing the ``current`` link with a rename, so every output path names the new build at the same
instant: a reader never sees files of two builds (resolve ``<out>/current`` once to read several
files of one build), and a build killed at any moment leaves the previous one complete.

:func:`output_folder` claims the folder before anything is written to it: it refuses an output
folder that is the corpus folder or inside it (kg would read its outputs back as articles), and a
folder holding files kg did not write, unless ``force``. Earlier versions of kg wrote the outputs as
plain files beside ``.kg-build.lock``; such a folder is taken over and its output files become links.
"""

from __future__ import annotations

import contextlib
import logging
import os
import shutil
import stat
from collections.abc import Iterator
from pathlib import Path
from types import TracebackType
from typing import Literal

from kg.errors import OutputError, printable
from kg.export.lock import LOCK_NAME, build_lock
from kg.export.manifest import PRIVATE_NAME, TEMPORARY, Manifest, private_dir, remove_listed

logger = logging.getLogger(__name__)

__all__ = ["CURRENT_NAME", "FolderKind", "OutputFolder", "OutputSet", "check_output_folder", "output_folder"]

CURRENT_NAME = "current"
_PLACEHOLDERS = frozenset({".gitkeep", ".gitignore", ".keep"})
"""Files a repository keeps in an empty folder: a folder holding only these counts as empty."""
_EARLIER_OUTPUTS = frozenset({"graph.trig", "graph.ttl", "report.md", "graph.html"})
"""The files earlier versions of kg wrote as plain files at the top of the output folder."""

FolderKind = Literal["new", "empty", "kg", "earlier kg", "forced"]


def _overlap(root: Path, corpus: Path) -> str | None:
    real_root, real_corpus = Path(os.path.realpath(root)), Path(os.path.realpath(corpus))
    if real_root == real_corpus:
        return "the corpus folder itself"
    if real_corpus in real_root.parents:
        return f"inside the corpus folder {corpus}"
    return None


def check_output_folder(root: Path, *, corpus: Path | None = None, force: bool = False) -> FolderKind:
    """What ``root`` is, or OutputError if kg may not write there. Nothing is written.

    Raises:
        OutputError: ``root`` is ``corpus`` or inside it; it is not a folder; ``.kg`` in it is a link
            or a file; or it holds files kg did not write and ``force`` is not given.
    """
    if corpus is not None and corpus.is_dir():
        where = _overlap(root, corpus)
        if where is not None:
            raise OutputError(
                f"{root}: the output folder is {where}, so kg would read its own outputs (report.md, graph.html) "
                f"back as articles on the next build. Fix: give --out a folder outside {corpus}"
            )
    try:
        mode = os.stat(root).st_mode
    except FileNotFoundError:
        return "new"
    except OSError as exc:
        raise OutputError.cannot(root, "read the output folder", exc) from None
    if not stat.S_ISDIR(mode):
        raise OutputError(f"{root}: is not a folder. Fix: give --out a folder (kg creates it if it is missing)")
    try:
        private = os.lstat(root / PRIVATE_NAME).st_mode
    except FileNotFoundError:
        private = None
    if private is not None:
        private_dir(root)  # refuses a link or a file named .kg
        return "kg"
    try:
        names = sorted(os.listdir(root))
    except OSError as exc:
        raise OutputError.cannot(root, "read the output folder", exc) from None
    if LOCK_NAME in names and stat.S_ISREG(os.lstat(root / LOCK_NAME).st_mode):
        return "earlier kg"
    foreign = [n for n in names if n not in _PLACEHOLDERS]
    if not foreign:
        return "empty"
    if force:
        return "forced"
    more = f" and {len(foreign) - 5} more" if len(foreign) > 5 else ""
    listed = ", ".join(printable(n) for n in foreign[:5]) + more
    raise OutputError(
        f"{root}: the folder holds files kg did not write ({listed}) and is not a kg output folder. kg keeps "
        "its output folder to itself: it writes graph.trig, graph.ttl, report.md, graph.html and current "
        "there, replacing files of those names. Fix: give --out a new or empty folder, or add --force to "
        "write kg's files beside the others (kg never removes a file it did not write)"
    )


def _readlink(path: Path) -> str | None:
    try:
        return os.readlink(path)
    except OSError:
        return None


class OutputFolder:
    """An output folder claimed by kg (checked and locked), with its manifest."""

    def __init__(self, root: Path, kind: FolderKind) -> None:
        self.root = root
        self.kind = kind
        self.private = private_dir(root)
        self.manifest = Manifest.load(self.private)
        if kind == "earlier kg":
            logger.info("%s: an output folder of an earlier kg; its outputs become links to %s/", root, CURRENT_NAME)
            if (root / ".cache" / "extract").is_dir():
                logger.warning("%s: the extraction cache an earlier kg kept there is not used any more (kg keeps "
                               "it in %s/cache); remove that folder to free the space", root / ".cache" / "extract",
                               PRIVATE_NAME)
        self._remove_temporaries()

    def save(self) -> None:
        self.manifest.save(self.private)

    def _remove_temporaries(self) -> None:
        """The temporary links and files a killed build left in ``.kg`` (only there: it is kg's alone)."""
        for name in os.listdir(self.private):
            if TEMPORARY.match(name):
                with contextlib.suppress(OSError):
                    os.unlink(self.private / name)

    def current_build(self) -> str | None:
        """The build ``<out>/current`` names, if it is one of kg's."""
        target = _readlink(self.root / CURRENT_NAME)
        prefix = f"{PRIVATE_NAME}/builds/"
        if target is None or not target.startswith(prefix) or "/" in target[len(prefix) :]:
            return None
        return target[len(prefix) :]

    def _replace_with_link(self, name: str, target: str, known: set[str]) -> None:
        """Make ``<out>/name`` a link to ``target`` with one rename (whatever was there, unless a folder);
        a file there that is not one of the ``known`` names kg made is replaced with a warning."""
        path = self.root / name
        try:
            mode: int | None = os.lstat(path).st_mode
        except FileNotFoundError:
            mode = None
        if mode is not None and stat.S_ISDIR(mode):
            raise OutputError(f"{path}: is a folder, where kg writes its {name!r} link. Fix: move that folder "
                              "away, or build into another folder with --out")
        ours = name in known or (self.kind == "earlier kg" and name in _EARLIER_OUTPUTS)
        if mode is not None and not ours and not stat.S_ISLNK(mode):
            logger.warning("%s: replaced by kg's %s link (it was not written by kg)", path, name)
        temp = self.private / f".{name}.tmp-{os.getpid()}"
        with contextlib.suppress(FileNotFoundError):
            os.unlink(temp)
        os.symlink(target, temp)
        os.replace(temp, path)

    def _adopt(self, names: list[str], known: set[str]) -> None:
        """Make kg's plain output files (an earlier kg's outputs, a page ``kg render`` wrote over the link)
        part of the current build, and their paths links through ``current``, before a switch: each path
        shows the same bytes throughout, and the switch then changes every output at once."""
        kg_names = known | (_EARLIER_OUTPUTS if self.kind == "earlier kg" else set())
        plain = []
        for name in sorted({*names, *known} & kg_names - {CURRENT_NAME}):
            with contextlib.suppress(FileNotFoundError):
                if stat.S_ISREG(os.lstat(self.root / name).st_mode):
                    plain.append(name)
        if not plain:
            return
        current = self.current_build()
        if current is None or current not in self.manifest.builds:
            current, _ = self.next_build()
        folder = self.private / "builds" / current
        for name in plain:
            if name not in self.manifest.builds[current]:
                self.manifest.builds[current].append(name)
        self.save()
        for name in plain:
            temp = self.private / f".{name}.tmp-{os.getpid()}"
            with contextlib.suppress(FileNotFoundError):
                os.unlink(temp)
            try:
                os.link(self.root / name, temp, follow_symlinks=False)
            except OSError:  # a file system without hard links: a copy
                shutil.copyfile(self.root / name, temp, follow_symlinks=False)
            os.replace(temp, folder / name)
        if self.current_build() != current:
            self._replace_with_link(CURRENT_NAME, f"{PRIVATE_NAME}/builds/{current}", known)
        for name in plain:
            self._replace_with_link(name, f"{CURRENT_NAME}/{name}", kg_names)

    def switch(self, build: str, names: list[str]) -> str | None:
        """Make ``build`` the current one: ``current`` is replaced by one rename, then the output links are
        made (once: they point through ``current``), and links to outputs this build has not are removed.
        Returns the build that was current before."""
        known = set(self.manifest.links)
        try:
            self._adopt(names, known)
            previous = self.current_build()
            if CURRENT_NAME not in self.manifest.links:
                self.manifest.links.append(CURRENT_NAME)
            for name in names:
                if name not in self.manifest.links:
                    self.manifest.links.append(name)
            self.save()
            self._replace_with_link(CURRENT_NAME, f"{PRIVATE_NAME}/builds/{build}", known)
            _fsync_dir(self.root)
            for name in names:
                if _readlink(self.root / name) != f"{CURRENT_NAME}/{name}":
                    self._replace_with_link(name, f"{CURRENT_NAME}/{name}", known)
            for name in [n for n in self.manifest.links if n != CURRENT_NAME and n not in names]:
                if _readlink(self.root / name) == f"{CURRENT_NAME}/{name}":
                    os.unlink(self.root / name)
                self.manifest.links.remove(name)
            _fsync_dir(self.root)
        except OSError as exc:
            raise OutputError.cannot(self.root, "switch the output folder to the new build", exc) from None
        return previous

    def prune(self, keep: set[str]) -> None:
        """Remove the build folders on record, except ``keep``: each loses the files kg wrote, then goes if empty."""
        builds = private_dir(self.root, "builds")
        for name in [b for b in self.manifest.builds if b not in keep]:
            remove_listed(builds / name, self.manifest.builds.pop(name))
        self.save()

    def next_build(self) -> tuple[str, Path]:
        """A new, empty build folder, on record before it is made."""
        builds = private_dir(self.root, "builds")
        taken = [int(n) for n in [*self.manifest.builds, *os.listdir(builds)] if n.isdigit()]
        number = max(taken, default=0) + 1
        while True:
            name = str(number)
            self.manifest.builds[name] = []
            self.save()
            try:
                os.mkdir(builds / name, 0o755)
            except FileExistsError:
                del self.manifest.builds[name]
                number += 1
                continue
            except OSError as exc:
                raise OutputError.cannot(builds, "create a build folder", exc) from None
            return name, builds / name


def _fsync_dir(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY | os.O_DIRECTORY | os.O_CLOEXEC)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


@contextlib.contextmanager
def output_folder(root: Path, *, corpus: Path | None = None, force: bool = False) -> Iterator[OutputFolder]:
    """Claim ``root`` for one build: check it (:func:`check_output_folder`), take its lock, load its manifest.

    Raises:
        OutputError: kg may not write there (see :func:`check_output_folder`), or cannot.
        BuildLockedError: another build holds the folder.
    """
    kind = check_output_folder(root, corpus=corpus, force=force)
    with build_lock(root):
        yield OutputFolder(root, kind)


class OutputSet:
    """The files of one build, written into a build folder of their own and switched in together.

    ``path(name)`` gives where to write the output file ``name`` (in the new build folder, recorded in
    the manifest first); ``commit()`` fsyncs them, switches ``<out>/current`` to the new build, and
    removes the builds before the previous one. Leaving the ``with`` block without committing removes
    the new build folder and keeps the current build.
    """

    def __init__(self, folder: OutputFolder) -> None:
        self.folder = folder
        self.build, self.dir = folder.next_build()
        self.committed = False

    def path(self, name: str) -> Path:
        if "/" in name or name.startswith(".") or name in {CURRENT_NAME, PRIVATE_NAME}:
            raise ValueError(f"not a plain output file name: {name!r}")
        names = self.folder.manifest.builds[self.build]
        if name not in names:
            names.append(name)
            self.folder.save()
        return self.dir / name

    def commit(self) -> tuple[Path, ...]:
        """Switch the new build in; returns the output paths (``<out>/<name>``) it wrote."""
        written = [n for n in self.folder.manifest.builds[self.build] if (self.dir / n).is_file()]
        try:
            for name in written:
                fd = os.open(self.dir / name, os.O_RDONLY | os.O_NOFOLLOW | os.O_CLOEXEC)
                try:
                    os.fsync(fd)
                finally:
                    os.close(fd)
            _fsync_dir(self.dir)
        except OSError as exc:
            raise OutputError.cannot(self.dir, "write the new output files", exc) from None
        previous = self.folder.switch(self.build, written)
        self.committed = True
        self.folder.prune({self.build} | ({previous} if previous else set()))
        return tuple(self.folder.root / n for n in written)

    def discard(self) -> None:
        if self.folder.current_build() == self.build:  # switched in before the commit was cut short: keep it
            return
        names = self.folder.manifest.builds.pop(self.build, [])
        remove_listed(self.dir, names)
        with contextlib.suppress(OutputError):
            self.folder.save()

    def __enter__(self) -> OutputSet:
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        if not self.committed:
            self.discard()
