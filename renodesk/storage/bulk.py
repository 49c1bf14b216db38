"""Fast inserts of many rows: one prepared statement, values converted once per column.

SQLAlchemy's compiled executemany builds a parameter dictionary per row; for imports
and sync of tens of thousands of rows that costs more than SQLCipher itself. This path
uses the same column type conversions, straight on the DB-API cursor.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache
from typing import Any

from sqlalchemy import Connection, Table

Plan = tuple[str, list[str], list[Callable[[Any], Any] | None]]


@lru_cache(maxsize=64)
def _plan(table: Table, dialect_name: str, dialect: Any) -> Plan:
    columns = [c.name for c in table.c]
    sql = (f"INSERT INTO {table.name} ({', '.join(columns)}) "
           f"VALUES ({', '.join('?' for _ in columns)})")
    processors: list[Callable[[Any], Any] | None] = [
        c.type.bind_processor(dialect) for c in table.c
    ]
    return sql, columns, processors


def insert_values(conn: Connection, table: Table, columns: list[str],
                  values: list[tuple[Any, ...]], *, or_ignore: bool = False) -> None:
    """Insert rows given as tuples of Python values in ``columns`` order (one executemany).

    ``or_ignore`` skips rows whose key is already there (sync: a record both sides hold)."""
    if not values:
        return
    dialect = conn.dialect
    processors = [table.c[name].type.bind_processor(dialect) for name in columns]
    verb = "INSERT OR IGNORE" if or_ignore else "INSERT"
    sql = (f"{verb} INTO {table.name} ({', '.join(columns)}) "
           f"VALUES ({', '.join('?' for _ in columns)})")
    if any(proc is not None for proc in processors):
        indexed = [(i, proc) for i, proc in enumerate(processors) if proc is not None]
        converted = []
        for row in values:
            out = list(row)
            for i, proc in indexed:
                if out[i] is not None:
                    out[i] = proc(out[i])
            converted.append(tuple(out))
        values = converted
    conn.exec_driver_sql(sql, values)


def insert_rows(conn: Connection, table: Table, rows: list[dict[str, Any]]) -> None:
    """Insert complete rows (every column present) with one executemany."""
    if not rows:
        return
    dialect = conn.dialect
    sql, columns, processors = _plan(table, dialect.name, dialect)
    pairs = list(zip(columns, processors, strict=True))
    params = [
        tuple(proc(row[name]) if proc is not None and row[name] is not None else row[name]
              for name, proc in pairs)
        for row in rows
    ]
    conn.exec_driver_sql(sql, params)
