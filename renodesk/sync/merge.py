"""Applying operations received from other devices to this workspace.

Rules (DESIGN.md §5):

- structured fields: per-field last-writer-wins by HLC; the packed clock ends in the
  device id, so comparing packed clocks as text breaks ties by device;
- free-text fields: an edit made without having seen the value it replaces is
  concurrent; the winner goes in the field and the other version is kept in
  ``sync_conflict`` for a person to settle (nothing typed is lost); only an explicit
  settle, on this laptop or arriving from another, closes a conflict (see ``conflicts``);
- deletes are tombstones: an operation on a tombstoned record is dropped, a create of a
  tombstoned id stays deleted, and a record whose required parent is tombstoned is
  tombstoned with it (optional links to it read as empty);
- an operation more than five minutes in the future, or one whose record or parent has
  not arrived yet, is stored as ``held`` and retried later;
- applying an operation a second time changes nothing (``op_id`` is the key).

Remote operations write no outbox operations and no audit entries (those arrive by
sync themselves), but they do move the field clocks and the local HLC.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime
from functools import cache
from typing import Any

from sqlalchemy import Column, Connection, Table, and_, delete, insert, select, update
from sqlalchemy.dialects.sqlite import insert as sqlite_insert

from renodesk.core import erasure
from renodesk.core.workspace import read_meta, write_meta
from renodesk.storage import bulk, codec, oplog
from renodesk.storage.models import (
    SYNCED_MODELS,
    SyncConflict,
    SyncFieldClock,
    SyncOperation,
    SyncTombstone,
    new_id,
)
from renodesk.storage.models import table as table_for
from renodesk.sync import conflicts, unique
from renodesk.sync.clock import ClockDriftError, Hlc, HybridClock
from renodesk.sync.operation import Operation

APPLIED = "applied"
HELD = "held"
#: Workspace meta: "0" once a retry found no held operation; cleared when one is held.
HELD_META = "sync_held"

_ops = table_for(SyncOperation)
_clocks = table_for(SyncFieldClock)
_tombs = table_for(SyncTombstone)
_conflicts = table_for(SyncConflict)
_OP_COLUMNS = ["op_id", "device_id", "device_seq", "hlc", "entity", "row_id", "field",
               "value_json", "base_hlc", "local", "state", "sent_in"]


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


def synced_table(entity: str) -> Table | None:
    model = SYNCED_MODELS.get(entity)
    return None if model is None else table_for(model)


@cache
def dependency_rank() -> dict[str, int]:
    """Synced tables ordered so that every parent comes before its children."""
    rank: dict[str, int] = {}

    def visit(name: str, path: frozenset[str]) -> int:
        if name in rank:
            return rank[name]
        table = synced_table(name)
        parents = [] if table is None else [
            fk.column.table.name for col in table.c for fk in col.foreign_keys
            if fk.column.table.name != name and fk.column.table.name not in path]
        rank[name] = 1 + max((visit(p, path | {name}) for p in parents), default=-1)
        return rank[name]

    for name in SYNCED_MODELS:
        visit(name, frozenset())
    return rank


@cache
def children_of(entity: str) -> tuple[tuple[str, str, bool], ...]:
    """(child table, column, nullable) for every foreign key pointing at ``entity``."""
    found = []
    for name in SYNCED_MODELS:
        table = synced_table(name)
        assert table is not None
        for col in table.c:
            if any(fk.column.table.name == entity for fk in col.foreign_keys):
                found.append((name, col.name, bool(col.nullable)))
    return tuple(found)


def _parent_of(col: Column[Any]) -> str | None:
    for fk in col.foreign_keys:
        return str(fk.column.table.name)
    return None


def unique_groups(table: Table) -> list[tuple[str, ...]]:
    from sqlalchemy import UniqueConstraint

    groups: list[tuple[str, ...]] = [(col.name,) for col in table.c if col.unique]
    groups += [tuple(c.name for c in con.columns) for con in table.constraints
               if isinstance(con, UniqueConstraint)]
    return list(dict.fromkeys(groups))


def _static_default(col: Column[Any]) -> Any:
    arg = getattr(col.default, "arg", None)
    return None if callable(arg) else arg


def is_free_text(table: Table, name: str) -> bool:
    return bool(table.c[name].info.get("free_text"))


class Merger:
    """Applies remote operations inside the caller's transaction."""

    def __init__(self, conn: Connection, clock: HybridClock) -> None:
        self.conn = conn
        self.clock = clock
        # The questions asked for every operation go straight to the driver, inside the
        # same transaction: through SQLAlchemy each cost more than running it.
        self._cursor = conn.connection.dbapi_connection.cursor()  # type: ignore[union-attr]

    # -- entry points ---------------------------------------------------------
    def apply(self, ops: Iterable[Operation]) -> MergeResult:
        """Record and apply operations; ones already known are skipped."""
        result = MergeResult()
        batch = list(ops)
        known: set[str] = set()
        ids = [op.op_id for op in batch]
        for start in range(0, len(ids), 500):
            chunk = ids[start:start + 500]
            known.update(self.conn.execute(
                select(_ops.c.op_id).where(_ops.c.op_id.in_(chunk))).scalars())
        fresh: list[Operation] = []
        for op in batch:
            if op.op_id in known:
                result.duplicates += 1
                continue
            known.add(op.op_id)
            fresh.append(op)
        # Recorded first, all at once (one executemany); the ones that cannot be applied
        # yet are marked held afterwards.
        bulk.insert_values(conn=self.conn, table=_ops, columns=_OP_COLUMNS, values=[
            (op.op_id, op.device_id, op.device_seq, op.hlc, op.entity, op.row_id, op.field,
             json.dumps(op.value, ensure_ascii=False), op.base_hlc, False, APPLIED, None)
            for op in fresh])
        held: list[str] = []
        for op in fresh:
            if self._apply_one(op, result) == HELD:
                held.append(op.op_id)
                continue
            result.applied += 1
            if op.entity == "audit_entry" and isinstance(op.value, dict):
                conflicts.settled_elsewhere(self.conn, op.value)  # a coach settled it there
        for start in range(0, len(held), 500):
            self.conn.execute(update(_ops).where(_ops.c.op_id.in_(held[start:start + 500]))
                              .values(state=HELD))
        if held:
            write_meta(self.conn, HELD_META, "")  # some are held: look them up again
        result.held += len(held)
        # Privacy: deleted and erased records keep no history (values) on this laptop.
        erasure.after_merge(self.conn, batch, result.touched)
        return result

    def replay(self, ops: Iterable[Operation]) -> MergeResult:
        """Apply operations already recorded here once more (this laptop's own, on top
        of a snapshot it started again from); none is recorded or held again."""
        result = MergeResult()
        for op in ops:
            if self._apply_one(op, result) == APPLIED:
                result.applied += 1
            else:
                result.held += 1
        return result

    def retry_held(self) -> MergeResult:
        """Try held operations again (parents first) until no more can be applied."""
        result = MergeResult()
        if nothing_held(self.conn):
            return result
        rank = dependency_rank()
        while True:
            rows = self.conn.execute(
                select(_ops).where(_ops.c.state == HELD, _ops.c.local.is_(False))
            ).mappings().all()
            held = sorted((oplog.to_operation(row) for row in rows),
                          key=lambda op: (op.field != oplog.CREATE_FIELD,
                                          rank.get(op.entity, 99), op.hlc))
            progress = False
            for op in held:
                if self._apply_one(op, result) == APPLIED:
                    self.conn.execute(update(_ops).where(_ops.c.op_id == op.op_id)
                                      .values(state=APPLIED))
                    result.applied += 1
                    progress = True
            if not progress:
                result.held = len(held)
                if not held:
                    write_meta(self.conn, HELD_META, "0")
                return result

    # -- one operation ----------------------------------------------------------
    def _apply_one(self, op: Operation, result: MergeResult) -> str:
        try:
            self.clock.observe(Hlc.unpack(op.hlc))
        except ClockDriftError:
            return HELD
        table = synced_table(op.entity)
        if table is None:
            return HELD  # made by a newer RenoDesk: kept until this one is upgraded
        if self._tombstoned(op.entity, op.row_id):
            return APPLIED
        if op.is_delete:
            self.delete(table, op.row_id, op.hlc, result)
            return APPLIED
        if op.field == oplog.CREATE_FIELD:
            return self.create(table, op, result)
        return self._edit(table, op, result)

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
        parent = _parent_of(col)
        if parent is None or value is None:
            return "ok"
        if self._tombstoned(parent, value):
            return "cut" if col.nullable else "gone"
        parent_table = synced_table(parent)
        if parent_table is not None and not self._exists(parent_table, value):
            return "missing"
        return "ok"

    def create(self, table: Table, op: Operation, result: MergeResult) -> str:
        if self._exists(table, op.row_id):
            self._merge_create(table, op, result)
            return APPLIED
        row = {c.name: _static_default(c) for c in table.c}
        row.update(codec.decode_row(table, dict(op.value)))
        row["id"] = op.row_id
        for col in table.c:
            link = self._check_link(col, row.get(col.name))
            if link == "missing":
                return HELD
            if link == "cut":
                row[col.name] = None
            elif link == "gone":
                self._tombstone(table.name, op.row_id, op.hlc)
                return APPLIED
        claims = {name: unique.wanted(row[name], op.row_id) for name in unique.text_keys(table)}
        for name, value in claims.items():
            row[name] = unique.placeholder(value, op.row_id)
        rival = self._unique_rival(table, row)
        if rival is not None:
            rival_clock = oplog.field_clock(self.conn, table.name, rival["id"],
                                            oplog.CREATE_FIELD) or ""
            if op.hlc > rival_clock or self._has_children(table.name, rival["id"]):
                # The record made first keeps the unique key; the other is set aside.
                if rival_clock > op.hlc:
                    return HELD
                self._set_aside_create(table, op.row_id, op.hlc, row, rival, rival_clock, result)
                return APPLIED
            self._set_aside_create(table, rival["id"], rival_clock, rival, row, op.hlc, result)
            self.conn.execute(delete(table).where(table.c.id == rival["id"]))
        bulk.insert_values(self.conn, table, list(row), [tuple(row.values())])
        result.touched.add((table.name, op.row_id))
        for name, value in claims.items():
            self._settle_key(table, name, value, result)
        return APPLIED

    def _settle_key(self, table: Table, column: str, value: Any, result: MergeResult) -> None:
        for row_id in unique.settle(self.conn, table, column, value):
            result.touched.add((table.name, row_id))

    def _merge_create(self, table: Table, op: Operation, result: MergeResult) -> None:
        """Two creates of one id (seeded records): every field merges last-writer-wins."""
        made = self.conn.execute(select(_ops.c.hlc).where(
            _ops.c.entity == table.name, _ops.c.row_id == op.row_id,
            _ops.c.field == oplog.CREATE_FIELD, _ops.c.op_id != op.op_id,
            _ops.c.state == APPLIED)).scalars().all()
        made_clock = max(made, default=None) or oplog.field_clock(
            self.conn, table.name, op.row_id, oplog.CREATE_FIELD) or ""
        incoming = codec.decode_row(table, dict(op.value))
        old_row = self.conn.execute(select(table).where(table.c.id == op.row_id)).mappings().one()
        known = {r.field: r.hlc for r in self.conn.execute(select(_clocks).where(
            _clocks.c.entity == table.name, _clocks.c.row_id == op.row_id))}
        changes: dict[str, Any] = {}
        pins: dict[str, str] = {}
        for name, value in incoming.items():
            if name == "id":
                continue
            current = known.get(name, made_clock)
            old = old_row[name]
            if op.hlc > current:
                pins[name] = op.hlc
                if old != value:
                    changes[name] = value
                    if is_free_text(table, name):
                        self._conflict(table.name, op.row_id, name, codec.encode(value), op.hlc,
                                       codec.encode(old), current)
                        result.conflicts += 1
            else:
                pins[name] = current
                if old != value and is_free_text(table, name):
                    self._conflict(table.name, op.row_id, name, codec.encode(old), current,
                                   codec.encode(value), op.hlc)
                    result.conflicts += 1
        keys = {name: (unique.wanted(old_row[name], op.row_id),
                       unique.wanted(changes[name], op.row_id))
                for name in unique.text_keys(table) if name in changes}
        for name, (_before, value) in keys.items():
            changes[name] = unique.placeholder(value, op.row_id)
        if changes:
            self.conn.execute(update(table).where(table.c.id == op.row_id).values(changes))
            result.touched.add((table.name, op.row_id))
        for name, pair in keys.items():
            for value in pair:
                self._settle_key(table, name, value, result)
        for name, hlc in pins.items():
            oplog.set_field_clocks(self.conn, table.name, op.row_id, [name], hlc)

    def _unique_rival(self, table: Table, row: dict[str, Any]) -> dict[str, Any] | None:
        for group in unique_groups(table):
            found = self.conn.execute(select(table).where(
                and_(*(table.c[name] == row[name] for name in group)))).mappings().first()
            if found is not None:
                return dict(found)
        return None

    def _has_children(self, entity: str, row_id: str) -> bool:
        for child, column, _nullable in children_of(entity):
            child_table = synced_table(child)
            assert child_table is not None
            if self.conn.execute(select(child_table.c.id).where(
                    child_table.c[column] == row_id).limit(1)).first():
                return True
        return False

    def _set_aside_create(self, table: Table, loser_id: str, loser_hlc: str,
                          loser: dict[str, Any], winner: dict[str, Any], winner_hlc: str,
                          result: MergeResult) -> None:
        """A record that lost its unique key to an earlier one: tombstoned, content kept."""
        self._tombstone(table.name, loser_id, winner_hlc)
        same = {k: v for k, v in loser.items() if k != "id"} == {
            k: v for k, v in winner.items() if k != "id"}
        if not same:
            self._conflict(table.name, loser_id, oplog.CREATE_FIELD, codec.encode_row(winner),
                           winner_hlc, codec.encode_row(loser), loser_hlc)
            result.conflicts += 1

    def _edit(self, table: Table, op: Operation, result: MergeResult) -> str:
        if op.field not in table.c or op.field == "id":
            return HELD
        if not self._exists(table, op.row_id):
            return HELD
        col = table.c[op.field]
        value = codec.decode(table, op.field, op.value)
        link = self._check_link(col, value)
        if link == "missing":
            return HELD
        if link == "gone":
            self.delete(table, op.row_id, op.hlc, result)
            return APPLIED
        if link == "cut":
            value = None
        current = oplog.field_clock(self.conn, table.name, op.row_id, op.field)
        old = self.conn.execute(select(col).where(table.c.id == op.row_id)).scalar()
        free = is_free_text(table, op.field)
        if current is None or op.hlc > current:
            if free and current is not None and op.base_hlc != current and old != value:
                self._conflict(table.name, op.row_id, op.field, codec.encode(value), op.hlc,
                               codec.encode(old), current)
                result.conflicts += 1
            key = op.field in unique.text_keys(table)
            stored = unique.placeholder(value, op.row_id) if key else value
            self.conn.execute(update(table).where(table.c.id == op.row_id)
                              .values({op.field: stored}))
            oplog.set_field_clocks(self.conn, table.name, op.row_id, [op.field], op.hlc)
            result.touched.add((table.name, op.row_id))
            if key:  # the code it had is free for the next claimant, the new one claimed
                self._settle_key(table, op.field, unique.wanted(old, op.row_id), result)
                self._settle_key(table, op.field, unique.wanted(value, op.row_id), result)
        elif free and old != value and not self._built_on(table.name, op, current):
            self._conflict(table.name, op.row_id, op.field, codec.encode(old), current,
                           codec.encode(value), op.hlc)
            result.conflicts += 1
        return APPLIED

    def _built_on(self, entity: str, op: Operation, current: str) -> bool:
        """True when the value we hold was typed by someone who had seen ``op``."""
        base = self.conn.execute(select(_ops.c.base_hlc).where(
            _ops.c.entity == entity, _ops.c.row_id == op.row_id, _ops.c.field == op.field,
            _ops.c.hlc == current)).scalar()
        return base is not None and base >= op.hlc

    def _conflict(self, entity: str, row_id: str, fld: str, kept: Any, kept_hlc: str,
                  other: Any, other_hlc: str) -> None:
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


def nothing_held(conn: Connection) -> bool:
    """True when no received operation is held: known without reading the whole log
    (the state column has no index, and the log grows to hundreds of thousands)."""
    return read_meta(conn, HELD_META) == "0"


def would_delete(conn: Connection, ops: Iterable[Operation]) -> int:
    """How many existing records these operations delete (before cascades)."""
    count = 0
    for op in ops:
        table = synced_table(op.entity)
        if op.is_delete and table is not None and conn.execute(
                select(table.c.id).where(table.c.id == op.row_id)).first() is not None:
            count += 1
    return count
