"""Unique text keys (a project's code) given to two records on two laptops at once.

Neither record is set aside: that would take its dwellings and households, and the text
typed in them, with it. The record that claimed the code first (by the clock of the
create or edit that gave it the code, then by id) holds it; the others hold it with
their own mark, ``"<code> ~<first 8 characters of the id>"``. The rule depends only on
the records and their clocks, so every laptop ends the same whatever order the changes
arrive in; when the holder lets the code go (an edit, a delete), the next claimant gets
it. The coach sees both projects and can give one another code.
"""

from __future__ import annotations

from functools import cache
from typing import Any

from sqlalchemy import Connection, String, Table, UniqueConstraint

from renodesk.storage import oplog

MARK_LENGTH = 10  # " ~" and eight characters of the id


@cache
def text_keys(table: Table) -> tuple[str, ...]:
    """Columns of ``table`` that are unique on their own and hold text."""
    grouped = {tuple(c.name for c in con.columns) for con in table.constraints
               if isinstance(con, UniqueConstraint)}
    return tuple(c.name for c in table.c
                 if isinstance(c.type, String) and (c.unique or (c.name,) in grouped))


def mark(row_id: str) -> str:
    return f" ~{row_id[:8]}"


def wanted(value: Any, row_id: str) -> Any:
    """The code a record claims: its stored value without its own mark."""
    suffix = mark(row_id)
    if isinstance(value, str) and value.endswith(suffix):
        return value[:-len(suffix)]
    return value


def placeholder(value: Any, row_id: str) -> Any:
    """A value that is unique by construction, stored until :func:`settle` decides."""
    return value if value is None else f"{wanted(value, row_id)}{mark(row_id)}"


def settle(conn: Connection, table: Table, column: str, value: Any) -> set[str]:
    """Give ``value`` to its first claimant and the mark to every other one. Returns the
    ids of records whose stored value changed."""
    if value is None:
        return set()
    name = table.name
    rows = conn.exec_driver_sql(
        f"SELECT id, {column} FROM {name} WHERE {column} = ? OR (length({column}) = ? "
        f"AND substr({column}, 1, ?) = ? AND substr({column}, ?, 2) = ' ~')",
        (value, len(value) + MARK_LENGTH, len(value), value, len(value) + 1)).all()
    claimants = sorted(
        ((oplog.field_clock(conn, name, row_id, column) or "", row_id, stored)
         for row_id, stored in rows if wanted(stored, row_id) == value))
    changed: set[str] = set()
    # Marks first, so that the holder's value is free when it is written.
    for _clock, row_id, stored in claimants[1:]:
        if stored != placeholder(value, row_id):
            conn.exec_driver_sql(f"UPDATE {name} SET {column} = ? WHERE id = ?",
                                 (placeholder(value, row_id), row_id))
            changed.add(row_id)
    if claimants and claimants[0][2] != value:
        conn.exec_driver_sql(f"UPDATE {name} SET {column} = ? WHERE id = ?",
                             (value, claimants[0][1]))
        changed.add(claimants[0][1])
    return changed
