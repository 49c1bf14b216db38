"""Small helpers shared by the query modules."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime
from typing import Any

#: Statuses after which an adjustment is no longer open (so never overdue).
CLOSED_ADJUSTMENT = ("done", "dropped")


def chunks(ids: Sequence[str], size: int = 500) -> list[Sequence[str]]:
    """Ids in slices small enough for one ``IN (...)`` list."""
    return [ids[i:i + size] for i in range(0, len(ids), size)]


def by_id(rows: list[Any], ids: Sequence[str]) -> list[Any]:
    """Rows in the order of ``ids`` (ids that vanished meanwhile are skipped)."""
    index = {row.id: row for row in rows}
    return [index[i] for i in ids if i in index]


def address(street: str, number: int, addition: str) -> str:
    return f"{street} {number}{addition}".strip()


def as_datetime(value: Any) -> datetime | None:
    if value is None or isinstance(value, datetime):
        return value
    return datetime.fromisoformat(str(value))


def as_date(value: Any) -> date | None:
    if value is None or isinstance(value, date):
        return value
    return date.fromisoformat(str(value)[:10])


def is_overdue(due: date | None, still_open: bool, today: date) -> bool:
    return still_open and due is not None and due < today
