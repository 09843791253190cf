"""A Virtuoso SPARQL server for tests: Debian's ``virtuoso-t`` in a temporary folder, on free loopback ports.

:func:`virtuoso_server` writes the folder's own ``virtuoso.ini`` (database, log and ports all in the
folder; no system service is involved), starts the server and stops it at the end, whatever happens.
:meth:`Virtuoso.ready` waits until the server answers and sets it up for ``kg push`` the way
docs/querying.md tells a team to: the SPARQL user may write (``GRANT SPARQL_UPDATE``), and Virtuoso's
own graphs are private, so ``GRAPH ?g`` sees kg's graphs only. ``make virtuoso`` installs the binaries.
"""

from __future__ import annotations

import contextlib
import os
import re
import shutil
import subprocess
import time
import urllib.parse
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from kg.errors import EndpointError
from kg.sparql import EndpointSource, http_request
from tests.support.servers import free_port, stop

SERVER = "virtuoso-t"
ISQL = "isql-vt"
PRIVATE_GRAPHS = "http://www.openlinksw.com/schemas/virtrdf#PrivateGraphs"
"""Virtuoso's graph group whose graphs only users with private-graph rights read."""


def require_virtuoso() -> None:
    """Fail (skip with KG_SKIP_VIRTUOSO=1) when Debian's Virtuoso binaries are not installed."""
    if shutil.which(SERVER) is None or shutil.which(ISQL) is None:
        if os.environ.get("KG_SKIP_VIRTUOSO") == "1":
            pytest.skip("KG_SKIP_VIRTUOSO=1 and no virtuoso-t")
        pytest.fail("Virtuoso is not installed: run `make virtuoso` (or set KG_SKIP_VIRTUOSO=1 to skip these tests)")


def virtuoso_ini(folder: Path, http_port: int, sql_port: int) -> str:
    """A virtuoso.ini that keeps everything in ``folder`` and listens on loopback only.

    ``ResultSetMaxRows`` is raised from the packaged 10,000 (past it Virtuoso cuts a result without an
    error), and the query time and cost limits are off (with a limit, Virtuoso answers a slow query
    with the rows it has found so far).
    """
    return f"""\
[Database]
DatabaseFile = {folder}/virtuoso.db
ErrorLogFile = {folder}/virtuoso.log
LockFile = {folder}/virtuoso.lck
TransactionFile = {folder}/virtuoso.trx
xa_persistent_file = {folder}/virtuoso.pxa
ErrorLogLevel = 7
FileExtend = 200
Striping = 0
TempStorage = TempDatabase

[TempDatabase]
DatabaseFile = {folder}/virtuoso-temp.db
TransactionFile = {folder}/virtuoso-temp.trx
Striping = 0

[Parameters]
ServerPort = 127.0.0.1:{sql_port}
DisableUnixSocket = 1
CheckpointInterval = 0
CaseMode = 2
DirsAllowed = {folder}
NumberOfBuffers = 10000
MaxDirtyBuffers = 6000
ThreadsPerQuery = 2

[HTTPServer]
ServerPort = 127.0.0.1:{http_port}
ServerRoot = {folder}
ServerThreads = 4
MaxClientConnections = 4
Charset = UTF-8

[SPARQL]
ResultSetMaxRows = 1000000
MaxQueryExecutionTime = 0
MaxQueryCostEstimationTime = 0
"""


@dataclass
class Virtuoso:
    """A started ``virtuoso-t``: its folder, ports and process."""

    folder: Path
    http_port: int
    sql_port: int
    process: subprocess.Popen[bytes]
    _set_up: bool = False

    @property
    def endpoint(self) -> str:
        """The SPARQL endpoint (for ``--endpoint``)."""
        return f"http://127.0.0.1:{self.http_port}/sparql"

    @property
    def graph_store(self) -> str:
        """The Graph Store Protocol endpoint that takes writes without credentials (for ``--graph-store``)."""
        return f"http://127.0.0.1:{self.http_port}/sparql-graph-crud"

    def log(self) -> str:
        """The end of the server's log, for a failure message."""
        with contextlib.suppress(OSError):
            return "\n".join((self.folder / "virtuoso.log").read_text(errors="replace").splitlines()[-20:])
        return "(no log)"

    def isql(self, *statements: str) -> str:
        """Run SQL statements as the database administrator; their output.

        Raises:
            AssertionError: isql could not connect, or a statement failed.
        """
        done = subprocess.run(
            [ISQL, f"127.0.0.1:{self.sql_port}", "dba", "dba", "exec=" + " ".join(statements)],
            stdin=subprocess.DEVNULL, capture_output=True, text=True, timeout=60, check=False,
        )
        assert done.returncode == 0 and "*** Error" not in done.stderr, f"isql: {done.stderr}\n{self.log()}"
        return done.stdout

    def version(self) -> str:
        """The server's version, e.g. 07.20.3229."""
        found = re.search(r"^(\d+\.\d+\.\d+)\s*$", self.isql("SELECT sys_stat('st_dbms_ver');"), re.MULTILINE)
        assert found, "no version in isql's answer"
        return found.group(1)

    def ready(self, timeout_s: float = 90.0) -> Virtuoso:
        """Wait until the SPARQL endpoint answers, then (once) let the SPARQL user write and make
        Virtuoso's own graphs private."""
        if self._set_up:
            return self
        ask = self.endpoint + "?" + urllib.parse.urlencode({"query": "ASK {}"})
        deadline = time.monotonic() + timeout_s
        while True:
            assert self.process.poll() is None, f"virtuoso-t stopped at start:\n{self.log()}"
            with contextlib.suppress(EndpointError):
                if http_request("GET", ask, None, {"Accept": "application/sparql-results+json"}, 2.0)[0] == 200:
                    break
            assert time.monotonic() < deadline, f"Virtuoso did not answer within {timeout_s:g} s:\n{self.log()}"
            time.sleep(0.1)
        own = EndpointSource(self.endpoint).select("SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }")
        self.isql(
            'GRANT SPARQL_UPDATE TO "SPARQL";',
            f"DB.DBA.RDF_GRAPH_GROUP_CREATE ('{PRIVATE_GRAPHS}', 1);",
            *(f"DB.DBA.RDF_GRAPH_GROUP_INS ('{PRIVATE_GRAPHS}', '{row['g']}');" for row in own.values()),
            "DB.DBA.RDF_DEFAULT_USER_PERMS_SET ('nobody', 0, 1);",
        )
        self._set_up = True
        return self


@contextlib.contextmanager
def virtuoso_server(folder: Path) -> Iterator[Virtuoso]:
    """``virtuoso-t`` started in ``folder`` (call :meth:`Virtuoso.ready` before use); stopped at the end."""
    http_port, sql_port = free_port(), free_port()
    while sql_port == http_port:
        sql_port = free_port()
    ini = folder / "virtuoso.ini"
    ini.write_text(virtuoso_ini(folder.resolve(), http_port, sql_port), encoding="utf-8")
    with open(folder / "console.txt", "wb") as console:
        process = subprocess.Popen(
            [SERVER, "+foreground", "+configfile", str(ini)],
            cwd=folder, stdin=subprocess.DEVNULL, stdout=console, stderr=subprocess.STDOUT,
        )
    try:
        yield Virtuoso(folder, http_port, sql_port, process)
    finally:
        stop(process, timeout_s=30)
