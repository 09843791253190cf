"""lock: one build at a time in an output folder (``<out>/.kg-build.lock``, an ``flock``).

The kernel releases the lock when the process that holds it dies, so a killed build never blocks
the next one. The lock file names its holder, for the message a second build stops with.
"""

from __future__ import annotations

import contextlib
import fcntl
import os
import socket
import time
from collections.abc import Iterator
from pathlib import Path

from kg.errors import BuildLockedError, OutputError

__all__ = ["LOCK_NAME", "build_lock"]

LOCK_NAME = ".kg-build.lock"


@contextlib.contextmanager
def build_lock(out_dir: Path) -> Iterator[Path]:
    """Hold ``<out_dir>/.kg-build.lock`` for the duration of a build (the folder is created if missing).

    Raises:
        BuildLockedError: another process holds the lock; the message names it.
        OutputError: the folder cannot be created or written.
    """
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
        # O_NOFOLLOW: a lock "file" planted as a symlink (a shared /tmp) must not make us truncate its target
        fd = os.open(out_dir / LOCK_NAME, os.O_RDWR | os.O_CREAT | os.O_NOFOLLOW | os.O_CLOEXEC, 0o644)
    except OSError as exc:
        raise OutputError.cannot(out_dir, "create the output folder or its lock file", exc) from None
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            holder = os.pread(fd, 400, 0).decode("utf-8", "replace").strip() or "a process that just started"
            raise BuildLockedError(
                f"{out_dir}: another kg build is writing to this folder ({holder}). "
                f"Fix: wait for it to finish, or build into another folder with --out; if no kg process is "
                f"running, the lock is released automatically and you can run the build again"
            ) from None
        os.ftruncate(fd, 0)
        started = time.strftime("%Y-%m-%d %H:%M:%S")
        os.pwrite(fd, f"pid {os.getpid()} on {socket.gethostname()}, started {started}\n".encode(), 0)
        try:
            yield out_dir / LOCK_NAME
        finally:
            os.ftruncate(fd, 0)
            fcntl.flock(fd, fcntl.LOCK_UN)
    finally:
        os.close(fd)
