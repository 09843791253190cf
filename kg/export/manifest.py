"""manifest: what kg wrote in an output folder, so that it removes only that.

``<out>/.kg/manifest.json`` lists the build folders kg made under ``.kg/builds/`` (each with the names
of the files it wrote there), the names kg made at the top of the folder (the ``current`` link and one
link per output file) and the cache folders it made under ``.kg/cache/``. An entry is recorded
before the thing is made, so what a killed build leaves is on record too and the next build removes
it. A folder or file that is not on record is never removed, and no clean-up follows a symbolic link.

:func:`private_dir` makes the folders under ``.kg/`` and refuses one that is a symbolic link (or
not a folder): nothing kg writes can be redirected out of the output folder.
"""

from __future__ import annotations

import contextlib
import json
import logging
import os
import re
import stat
from dataclasses import dataclass, field
from pathlib import Path

from kg.errors import OutputError

logger = logging.getLogger(__name__)

__all__ = [
    "MANIFEST_NAME",
    "PRIVATE_NAME",
    "TEMPORARY",
    "Manifest",
    "private_dir",
    "remove_listed",
]

PRIVATE_NAME = ".kg"
"""The folder of an output folder where kg keeps its builds, its cache and its manifest."""
MANIFEST_NAME = "manifest.json"
TEMPORARY = re.compile(r"^\.[^/]+\.tmp-[0-9]+$")
"""The names of kg's temporary files and links (``.<name>.tmp-<pid>``), made in kg's own folders only."""
_FORMAT = "kg output folder"


def _is_name(value: object) -> bool:
    return isinstance(value, str) and bool(value) and "/" not in value and value not in {".", ".."}


@dataclass
class Manifest:
    """What kg made in one output folder (see the module docstring)."""

    builds: dict[str, list[str]] = field(default_factory=dict)
    """Build folder name (under ``.kg/builds/``) -> the files written into it; oldest build first."""
    links: list[str] = field(default_factory=list)
    """The links kg made at the top of the output folder."""
    caches: list[str] = field(default_factory=list)
    """The cache folders kg made, as paths under ``.kg/cache/`` (``extract/kg-...``)."""

    @classmethod
    def load(cls, private: Path) -> Manifest:
        """The manifest in ``private`` (``<out>/.kg``); an empty one if there is none or it is damaged.

        An empty manifest is the safe reading: kg then removes nothing it cannot show it wrote.
        """
        path = private / MANIFEST_NAME
        try:
            fd = os.open(path, os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK | os.O_CLOEXEC)
        except FileNotFoundError:
            return cls()
        except OSError as exc:
            logger.warning("%s: cannot be read (%s); older builds are kept", path, exc.strerror)
            return cls()
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            os.close(fd)
            logger.warning("%s: not a regular file; older builds are kept", path)
            return cls()
        with os.fdopen(fd, "rb") as handle:
            data = handle.read(8_000_000)
        try:
            document = json.loads(data)
            if document.get("format") != _FORMAT:
                raise ValueError("not a kg manifest")
            builds = {str(k): [n for n in v if _is_name(n)] for k, v in document["builds"].items() if _is_name(k)}
            links = [n for n in document["links"] if _is_name(n)]
            caches = [c for c in document["caches"] if isinstance(c, str) and all(map(_is_name, c.split("/")))]
        except (ValueError, TypeError, KeyError, AttributeError):
            logger.warning("%s: damaged; older builds are kept (remove them by hand if you need the space)", path)
            return cls()
        return cls(builds, links, caches)

    def save(self, private: Path) -> None:
        """Write the manifest into ``private`` (a temporary file moved into place: never half-written)."""
        document = {"format": _FORMAT, "version": 1, "builds": self.builds, "links": self.links,
                    "caches": self.caches}
        temp = private / f".{MANIFEST_NAME}.tmp-{os.getpid()}"
        data = (json.dumps(document, indent=1) + "\n").encode("utf-8")
        try:
            with contextlib.suppress(FileNotFoundError):
                temp.unlink()
            fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW | os.O_CLOEXEC, 0o644)
            with os.fdopen(fd, "wb") as handle:
                handle.write(data)
            os.replace(temp, private / MANIFEST_NAME)
        except OSError as exc:
            raise OutputError.cannot(private, "write the output folder's manifest", exc) from None


def private_dir(root: Path, *parts: str) -> Path:
    """``root/.kg/<parts>``, each folder made if missing; one that is a link or not a folder is refused.

    Raises:
        OutputError: a part is a symbolic link or a file, or cannot be made.
    """
    path = root
    for part in (PRIVATE_NAME, *parts):
        path = path / part
        try:
            os.mkdir(path, 0o755)
        except FileExistsError:
            pass
        except OSError as exc:
            raise OutputError.cannot(path, "create kg's folder", exc) from None
        mode = os.lstat(path).st_mode
        if not stat.S_ISDIR(mode):
            what = "a symbolic link" if stat.S_ISLNK(mode) else "not a folder"
            raise OutputError(
                f"{path}: is {what}, where kg keeps its own folder; kg does not write through it. "
                f"Fix: remove {path} (kg makes it again), or build into another folder with --out"
            )
    return path


def remove_listed(folder: Path, names: list[str]) -> bool:
    """Remove the files ``names`` from ``folder`` (never following a link), then the folder if it is empty.

    Returns whether the folder is gone. A folder that is a link, or holds files kg did not write, stays.
    """
    try:
        if not stat.S_ISDIR(os.lstat(folder).st_mode):
            return False
    except FileNotFoundError:
        return True
    except OSError:
        return False
    for name in names:
        with contextlib.suppress(OSError):
            os.unlink(folder / name)
    try:
        os.rmdir(folder)
    except OSError:
        logger.info("%s: kept (it holds files kg did not write)", folder)
        return False
    return True
