"""The HTTP side of talking to ``renodesk-server``: one connection with the device
token, retries with back-off for network trouble, and the server's replies turned into
``ServerUnreachable`` (nothing was lost: try again later), ``ServerRefused`` (the server
said no, with its reason) or ``ServerReplyError`` (not a RenoDesk server's reply).
"""

from __future__ import annotations

import random
import time
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, Self
from urllib.parse import urlsplit

from renodesk.core.errors import RenoDeskError

if TYPE_CHECKING:
    import httpx

LOCAL_HOSTS = {"localhost", "127.0.0.1", "::1"}
RETRY_STATUSES = {429, 502, 503, 504}


class ServerUnreachable(RenoDeskError):
    """The server could not be reached (network down, server off, timeouts)."""

    def __init__(self, url: str) -> None:
        super().__init__("sync.server.unreachable", url=url)


class ServerRefused(RenoDeskError):
    """The server answered with a refusal; ``code`` is the server's stable code."""

    def __init__(self, status: int, code: str, server_message: str) -> None:
        super().__init__("sync.server.refused", message=server_message)
        self.status = status
        self.code = code


class ServerReplyError(RenoDeskError):
    """The reply was not what a RenoDesk server sends."""

    def __init__(self, url: str, status: int) -> None:
        super().__init__("sync.server.bad_reply", url=url, status=status)


def check_url(url: str, allow_http: bool = False) -> str:
    """The server's base URL without a trailing slash; https unless on this computer."""
    parts = urlsplit(url.strip())
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise RenoDeskError("sync.server.bad_url", url=url)
    if parts.scheme == "http" and not allow_http and parts.hostname not in LOCAL_HOSTS:
        raise RenoDeskError("sync.server.insecure_url")
    return url.strip().rstrip("/")


class ServerConnection:
    """One server, one device token (None before enrolment)."""

    def __init__(
        self,
        url: str,
        token: str | None = None,
        *,
        language: str = "nl",
        timeout: float = 20.0,
        retries: int = 4,
        backoff: float = 0.5,
        max_backoff: float = 15.0,
        sleep: Callable[[float], None] = time.sleep,
        allow_http: bool = False,
        transport: httpx.BaseTransport | None = None,
        verify: bool | str = True,
    ) -> None:
        self.url = check_url(url, allow_http)
        self.token = token
        self.retries = retries
        self.backoff = backoff
        self.max_backoff = max_backoff
        self._sleep = sleep
        import httpx  # imported when a server is used, not at every start of the app

        self._http = httpx.Client(
            base_url=self.url,
            timeout=timeout,
            transport=transport,
            verify=verify,
            headers={"Accept-Language": language, "User-Agent": "RenoDesk"},
        )

    def close(self) -> None:
        self._http.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()


    def _call(self, method: str, path: str, *, auth: bool = True, idempotent: bool = True,
              **kwargs: Any) -> dict[str, Any]:
        return self._decode(self._send(method, path, auth=auth, idempotent=idempotent,
                                       **kwargs))

    def _found(self, path: str, missing: str) -> dict[str, Any] | None:
        """The reply to GET ``path``; None when the server says 404 with code ``missing``."""
        try:
            return self._call("GET", path)
        except ServerRefused as exc:
            if exc.status == 404 and exc.code == missing:
                return None
            raise

    def _octets(self, path: str) -> bytes:
        """A binary reply (a snapshot part); refusals are raised as usual."""
        response = self._send("GET", path)
        if response.is_success:
            return response.content
        self._decode(response)
        raise ServerReplyError(self.url, response.status_code)

    def _send(self, method: str, path: str, *, auth: bool = True, idempotent: bool = True,
              headers: dict[str, str] | None = None, **kwargs: Any) -> httpx.Response:
        headers = dict(headers or {})
        if auth and self.token:
            headers["Authorization"] = f"Bearer {self.token}"
        import httpx

        attempt = 0
        while True:
            try:
                response = self._http.request(method, path, headers=headers, **kwargs)
            except httpx.TransportError as exc:
                retryable = idempotent or isinstance(exc, httpx.ConnectError | httpx.ConnectTimeout)
                if not retryable or attempt >= self.retries:
                    raise ServerUnreachable(self.url) from exc
                self._sleep(self._delay(attempt, None))
                attempt += 1
                continue
            if (response.status_code in RETRY_STATUSES and idempotent
                    and attempt < self.retries):
                self._sleep(self._delay(attempt, response.headers.get("Retry-After")))
                attempt += 1
                continue
            return response

    def _delay(self, attempt: int, retry_after: str | None) -> float:
        if retry_after and retry_after.isdigit():
            return min(float(retry_after), self.max_backoff)
        # Exponential back-off with jitter, so many laptops do not return in step.
        ceiling = min(self.backoff * 2**attempt, self.max_backoff)
        return ceiling / 2 + random.uniform(0, ceiling / 2)

    def _decode(self, response: httpx.Response) -> dict[str, Any]:
        try:
            body = response.json()
        except ValueError:
            body = None
        if response.is_success and isinstance(body, dict):
            return body
        error = body.get("error") if isinstance(body, dict) else None
        if (isinstance(error, dict) and isinstance(error.get("code"), str)
                and isinstance(error.get("message"), str)):
            raise ServerRefused(response.status_code, error["code"], error["message"])
        if response.status_code in RETRY_STATUSES:
            raise ServerUnreachable(self.url)
        raise ServerReplyError(self.url, response.status_code)
