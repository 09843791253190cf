"""errors: the expected failures of kg.

Every ``KgError`` is an input or environment problem the user can fix; the CLI prints its message
(which names the file, what is wrong and the fix) without a traceback and exits with ``exit_code``.
Anything else is a bug and keeps its traceback.
"""

from __future__ import annotations

import re

_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")
_CONTROL_IN_LINES = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def printable(text: str, *, lines: bool = False) -> str:
    r"""``text`` with control characters written as escapes, for the terminal.

    A corpus file name or a value from a file cannot then move the cursor, recolour or retitle the
    terminal (``\x1b[...``), or fake another line of output. With ``lines``, line breaks and tabs
    are kept (for messages of several lines).

    >>> printable("evil\x1b[2J.txt\nkg build: ok")
    'evil\\x1b[2J.txt\\nkg build: ok'
    """
    pattern = _CONTROL_IN_LINES if lines else _CONTROL
    return pattern.sub(lambda m: m.group().encode("unicode_escape").decode("ascii"), text)


class KgError(Exception):
    """Expected failure; the CLI prints ``str(exc)`` and exits with ``exit_code``."""

    exit_code = 2


class CorpusError(KgError):
    """A corpus file is unreadable or invalid. The message starts with the file's path."""

    def __init__(self, path: str, problem: str, fix: str) -> None:
        self.path = path
        self.problem = problem
        self.fix = fix
        super().__init__(printable(f"{path}: {problem}. Fix: {fix}"))


class OntologyError(KgError):
    """ontology/ is missing, unparsable, or out of step with kg/vocab.py."""


class OutputError(KgError):
    """The output folder cannot be written, is not kg's to write, or holds no built graph yet."""

    @classmethod
    def cannot(cls, folder: object, action: str, exc: OSError) -> OutputError:
        """``folder``: cannot ``action`` (the system's reason), with the usual fix."""
        return cls(
            f"{folder}: cannot {action} ({exc.strerror or exc}). "
            "Fix: check that the folder is writable and the disk is not full, or choose another with --out"
        )


class BuildLockedError(OutputError):
    """Another kg process is building into the same output folder."""


class QueryError(KgError):
    """A SPARQL query failed to parse or run; the message names the query and the position."""


class EndpointError(KgError):
    """A SPARQL endpoint or server cannot be reached or refused the request."""

    exit_code = 3
