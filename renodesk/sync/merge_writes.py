"""The writes a merge makes, beneath its decisions: whether a record or its parent is
here, tombstones (a delete takes its required children with it), both versions of a
conflict kept for a person to settle, and a unique key handed to its next claimant.

``Merger`` (in ``merge``) decides which operation wins; this base class carries out
what it decided, in the caller's transaction.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlalchemy import Column, Connection, Table, delete, insert, select, update
from sqlalchemy.dialects.sqlite import insert as sqlite_insert

from renodesk.storage.models import SyncConflict, SyncTombstone, new_id
from renodesk.storage.models import table as table_for
from renodesk.sync import unique
from renodesk.sync.synced_tables import children_of, parent_of, synced_table

_tombs = table_for(SyncTombstone)
_conflicts = table_for(SyncConflict)


@dataclass
class MergeResult:
    """What one batch of remote operations did to this workspace."""

    applied: int = 0
    duplicates: int = 0
    held: int = 0
    conflicts: int = 0
    deleted: int = 0
    touched: set[tuple[str, str]] = field(default_factory=set)

    def add(self, other: MergeResult) -> None:
        self.applied += other.applied
        self.duplicates += other.duplicates
        self.held += other.held
        self.conflicts += other.conflicts
        self.deleted += other.deleted
        self.touched |= other.touched


class MergeWriter:
    """Reads and writes of merged rows, inside the caller's transaction."""

    def __init__(self, conn: Connection) -> None:
        self.conn = conn
        # The questions asked for every operation go straight to the driver, inside the
        # same transaction: through SQLAlchemy each cost more than running it.
        self._cursor = conn.connection.dbapi_connection.cursor()  # type: ignore[union-attr]

    # The two questions asked for every operation, in plain SQL (building the statement
    # cost more than running it).
    def _exists(self, table: Table, row_id: str) -> bool:
        return self._cursor.execute(
            f"SELECT 1 FROM {table.name} WHERE id = ?", (row_id,)).fetchone() is not None

    def _tombstoned(self, entity: str, row_id: str) -> bool:
        return self._cursor.execute(
            "SELECT 1 FROM sync_tombstone WHERE entity = ? AND row_id = ?",
            (entity, row_id)).fetchone() is not None

    def _check_link(self, col: Column[Any], value: Any) -> str:
        """'ok', 'cut' (optional link to a deleted record), 'gone' or 'missing'."""
        parent = parent_of(col)
        if parent is None or value is None:
            return "ok"
        if self._tombstoned(parent, value):
            return "cut" if col.nullable else "gone"
        parent_table = synced_table(parent)
        if parent_table is not None and not self._exists(parent_table, value):
            return "missing"
        return "ok"

    def _settle_key(self, table: Table, column: str, value: Any, result: MergeResult) -> None:
        for row_id in unique.settle(self.conn, table, column, value):
            result.touched.add((table.name, row_id))

    def _conflict(self, result: MergeResult, entity: str, row_id: str, fld: str, kept: Any,
                  kept_hlc: str, other: Any, other_hlc: str) -> None:
        """Keep both versions of a field for a person to settle (``kept`` is in the record)."""
        result.conflicts += 1
        self.conn.execute(insert(_conflicts), [{
            "id": new_id(), "entity": entity, "row_id": row_id, "field": fld,
            "kept_value_json": json.dumps(kept, ensure_ascii=False),
            "other_value_json": json.dumps(other, ensure_ascii=False),
            "kept_hlc": kept_hlc, "other_hlc": other_hlc,
            "created_at": datetime.now().replace(microsecond=0), "resolved_at": None}])

    def _tombstone(self, entity: str, row_id: str, hlc: str) -> None:
        stmt = sqlite_insert(_tombs).values(entity=entity, row_id=row_id, hlc=hlc,
                                            deleted_at=datetime.now().replace(microsecond=0))
        self.conn.execute(stmt.on_conflict_do_nothing(index_elements=["entity", "row_id"]))

    def delete(self, table: Table, row_id: str, hlc: str, result: MergeResult) -> None:
        """Tombstone a record; required children go with it, optional links are cut."""
        for child, column, nullable in children_of(table.name):
            child_table = synced_table(child)
            assert child_table is not None
            link = child_table.c[column]
            if nullable:
                self.conn.execute(update(child_table).where(link == row_id)
                                  .values({column: None}))
                continue
            for child_id in self.conn.execute(
                    select(child_table.c.id).where(link == row_id)).scalars().all():
                self.delete(child_table, child_id, hlc, result)
        keys = unique.text_keys(table)
        held = self.conn.execute(select(*(table.c[k] for k in keys)).where(
            table.c.id == row_id)).first() if keys else None
        if self.conn.execute(delete(table).where(table.c.id == row_id)).rowcount:
            result.deleted += 1
            result.touched.add((table.name, row_id))
        self._tombstone(table.name, row_id, hlc)
        for name, value in zip(keys, held or (), strict=False):
            self._settle_key(table, name, unique.wanted(value, row_id), result)  # now free
