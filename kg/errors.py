"""errors: the expected failures of kg.

Every ``KgError`` is an input or environment problem the user can fix; the CLI prints its message
(which names the file, what is wrong and the fix) without a traceback and exits with ``exit_code``.
Anything else is a bug and keeps its traceback.
"""

from __future__ import annotations


class KgError(Exception):
    """Expected failure; the CLI prints ``str(exc)`` and exits with ``exit_code``."""

    exit_code = 2


class CorpusError(KgError):
    """A corpus file is unreadable or invalid. The message starts with the file's path."""

    def __init__(self, path: str, problem: str, fix: str) -> None:
        self.path = path
        self.problem = problem
        self.fix = fix
        super().__init__(f"{path}: {problem}. Fix: {fix}")


class OntologyError(KgError):
    """ontology/ is missing, unparsable, or out of step with kg/vocab.py."""


class OutputError(KgError):
    """The output folder cannot be written, or holds no built graph yet."""


class BuildLockedError(OutputError):
    """Another kg process is building into the same output folder."""


class QueryError(KgError):
    """A SPARQL query failed to parse or run; the message names the query and the position."""


class EndpointError(KgError):
    """A SPARQL endpoint or server cannot be reached or refused the request."""

    exit_code = 3
