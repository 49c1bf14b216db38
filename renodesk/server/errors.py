"""Refusals the API sends as clear JSON: ``{"error": {"code": ..., "message": ...}}``."""

from __future__ import annotations

from typing import Any

from renodesk.core.i18n import t


class ApiError(Exception):
    """A refusal with an HTTP status and a stable code; the message key is
    ``server.error.<code>`` in the shared catalog."""

    def __init__(self, status: int, code: str, headers: dict[str, str] | None = None,
                 **params: Any) -> None:
        super().__init__(code)
        self.status = status
        self.code = code
        self.headers = headers or {}
        self.params = params

    def body(self, lang: str | None = None) -> dict[str, Any]:
        return {"error": {"code": self.code, "message": t(f"server.error.{self.code}", lang,
                                                          **self.params)}}
