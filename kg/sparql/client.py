"""client: one HTTP request to a SPARQL server, and its failures as messages that say what to do.

Plain ``urllib`` per the SPARQL 1.1 Protocol and Graph Store Protocol: used by the endpoint source,
by ``kg push``, and by ``kg serve`` to see that its server answers.
"""

from __future__ import annotations

import contextlib
import http.client
import ipaddress
import urllib.error
import urllib.parse
import urllib.request
from email.message import Message

import kg
from kg.errors import EndpointError
from kg.sparql.text import shorten

__all__ = ["DEFAULT_TIMEOUT_S", "bad_answer", "http_failure", "http_request", "is_loopback", "snippet"]

DEFAULT_TIMEOUT_S = 60.0
"""Seconds to wait for a SPARQL endpoint's answer."""


def snippet(body: bytes, limit: int = 400) -> str:
    """The body of an answer on one line, cut to ``limit`` characters (for a message)."""
    return shorten(body.decode("utf-8", "replace"), limit)


def bad_answer(url: str, body: bytes, exc: Exception) -> EndpointError:
    """The error for an answer that is not a SPARQL result: it quotes the answer's end, with a hint
    when that shows the server's time limit or its sandbox."""
    tail = snippet(body[-200:], 200)
    hint = ""
    if "cancel" in tail.lower() or "timeout" in tail.lower():
        hint = " The server stopped the query at its time limit; narrow the query or raise the server's limit."
    elif "not permitted" in tail.lower() or "name resolution" in tail.lower():
        hint = (
            " The server may not open connections (kg serve blocks them, so SERVICE cannot make it fetch "
            "other URLs)."
        )
    return EndpointError(
        f"the answer of {url} is not a valid SPARQL result ({_shorten_error(exc)}); it ends with: "
        f"{tail!r}.{hint}"
    )


def _shorten_error(exc: Exception) -> str:
    text = " ".join(str(exc).split())
    return text[:200]


def http_failure(url: str, status: int, body: bytes, what: str) -> EndpointError:
    """The error for an HTTP error status answering ``what`` (a query, an upload), saying what to check."""
    reason = snippet(body) or "no message"
    if status in (401, 403):
        return EndpointError(
            f"{url} refused the {what} (HTTP {status}: {reason}). It needs credentials, or does not "
            "allow this operation (a read-only server refuses writes)"
        )
    if status == 404:
        return EndpointError(
            f"nothing at {url} (HTTP 404). Oxigraph's query endpoint is /query and its graph store /store; "
            "Fuseki's are /DATASET/sparql and /DATASET/data"
        )
    if status in (405, 415):
        return EndpointError(
            f"{url} does not take this {what} (HTTP {status}: {reason}): is it the right endpoint?"
        )
    return EndpointError(f"{url} failed the {what} (HTTP {status}: {reason})")


def is_loopback(host: str) -> bool:
    """Whether ``host`` is this machine only (127.0.0.0/8, ::1, localhost).

    >>> is_loopback("127.0.0.1"), is_loopback("::1"), is_loopback("0.0.0.0")
    (True, True, False)
    """
    if host.lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False

def http_request(
    method: str, url: str, body: bytes | None, headers: dict[str, str], timeout_s: float
) -> tuple[int, Message, bytes]:
    """One HTTP request: (status, headers, body). HTTP error statuses are returned, not raised.

    Loopback URLs bypass any proxy set in the environment (a proxy cannot reach this machine's
    127.0.0.1).

    Raises:
        EndpointError: the server cannot be reached, or did not answer within ``timeout_s``.
    """
    host = urllib.parse.urlsplit(url).hostname or ""
    handlers: list[urllib.request.BaseHandler] = []
    if is_loopback(host):
        handlers.append(urllib.request.ProxyHandler({}))
    opener = urllib.request.build_opener(*handlers)
    request = urllib.request.Request(url, data=body, method=method, headers={
        "User-Agent": f"kg/{kg.__version__}", **headers,
    })
    try:
        with opener.open(request, timeout=timeout_s) as response:
            return response.status, response.headers, response.read()
    except urllib.error.HTTPError as exc:
        with contextlib.closing(exc):
            return exc.code, exc.headers, exc.read()
    except TimeoutError:
        raise EndpointError(
            f"{url} did not answer within {timeout_s:g} s. The query may be too heavy for it, or the server "
            "is stuck; raise --timeout-s, or narrow the query"
        ) from None
    except (urllib.error.URLError, OSError, ValueError, http.client.HTTPException) as exc:
        reason = getattr(exc, "reason", exc)
        if isinstance(reason, TimeoutError):
            raise EndpointError(f"{url} did not answer within {timeout_s:g} s") from None
        if isinstance(reason, (ConnectionResetError, http.client.HTTPException)):
            raise EndpointError(
                f"{url} closed the connection without a complete answer ({reason or type(reason).__name__}). "
                "The server stopped or restarted (kg serve restarts it when a query takes too much memory)"
            ) from None
        raise EndpointError(
            f"cannot reach {url}: {reason}. Check the URL, and that the server is running "
            "(`kg serve` starts one at http://127.0.0.1:7878/query)"
        ) from None

