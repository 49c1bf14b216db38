"""Column values to and from JSON, for operations, exports and imports."""

from __future__ import annotations

import base64
from datetime import date, datetime
from typing import Any

from sqlalchemy import Boolean, Date, DateTime, Integer, LargeBinary, Table


def encode(value: Any) -> Any:
    if isinstance(value, datetime):
        return value.isoformat(timespec="seconds")
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, bytes):
        return base64.b64encode(value).decode("ascii")
    return value


def decode(table: Table, field: str, raw: Any) -> Any:
    if raw is None:
        return None
    column_type = table.c[field].type
    if isinstance(column_type, DateTime):
        return datetime.fromisoformat(raw)
    if isinstance(column_type, Date):
        return date.fromisoformat(raw)
    if isinstance(column_type, LargeBinary):
        return base64.b64decode(raw)
    if isinstance(column_type, Boolean):
        return bool(raw)
    if isinstance(column_type, Integer):
        return int(raw)
    return raw


def json_default(value: Any) -> Any:
    """``json.dumps`` hook: only dates, times and bytes reach it (fast path for the rest)."""
    encoded = encode(value)
    if encoded is value:
        raise TypeError(f"not JSON serialisable: {type(value).__name__}")
    return encoded


def encode_row(row: dict[str, Any]) -> dict[str, Any]:
    return {key: encode(value) for key, value in row.items()}


def decode_row(table: Table, row: dict[str, Any]) -> dict[str, Any]:
    return {key: decode(table, key, value) for key, value in row.items() if key in table.c}
