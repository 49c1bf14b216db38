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
from typing import Any

from sqlalchemy import Connection, Table, and_, delete, select, update

from renodesk.core import erasure
from renodesk.core.workspace import read_meta, write_meta
from renodesk.storage import bulk, codec, oplog
from renodesk.storage.models import SyncFieldClock, SyncOperation
from renodesk.storage.models import table as table_for
from renodesk.sync import conflicts, unique
from renodesk.sync.clock import ClockDriftError, Hlc, HybridClock
from renodesk.sync.merge_writes import MergeResult, MergeWriter
from renodesk.sync.operation import Operation
from renodesk.sync.synced_tables import (
    children_of,
    dependency_rank,
    is_free_text,
    static_default,
    synced_table,
    unique_groups,
)

APPLIED = "applied"
HELD = "held"
#: Workspace meta: "0" once a retry found no held operation; cleared when one is held.
HELD_META = "sync_held"

_ops = table_for(SyncOperation)
_clocks = table_for(SyncFieldClock)
_OP_COLUMNS = ["op_id", "device_id", "device_seq", "hlc", "entity", "row_id", "field",
               "value_json", "base_hlc", "local", "state", "sent_in"]


class Merger(MergeWriter):
    """Applies remote operations inside the caller's transaction."""

    def __init__(self, conn: Connection, clock: HybridClock) -> None:
        super().__init__(conn)
        self.clock = clock

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

    def create(self, table: Table, op: Operation, result: MergeResult) -> str:
        if self._exists(table, op.row_id):
            self._merge_create(table, op, result)
            return APPLIED
        row = {c.name: static_default(c) for c in table.c}
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
                        self._conflict(result, table.name, op.row_id, name, codec.encode(value),
                                       op.hlc, codec.encode(old), current)
            else:
                pins[name] = current
                if old != value and is_free_text(table, name):
                    self._conflict(result, table.name, op.row_id, name, codec.encode(old), current,
                                   codec.encode(value), op.hlc)
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
            self._conflict(result, table.name, loser_id, oplog.CREATE_FIELD,
                           codec.encode_row(winner), winner_hlc, codec.encode_row(loser), loser_hlc)

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
                self._conflict(result, table.name, op.row_id, op.field, codec.encode(value), op.hlc,
                               codec.encode(old), current)
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
            self._conflict(result, table.name, op.row_id, op.field, codec.encode(old), current,
                           codec.encode(value), op.hlc)
        return APPLIED

    def _built_on(self, entity: str, op: Operation, current: str) -> bool:
        """True when the value we hold was typed by someone who had seen ``op``."""
        base = self.conn.execute(select(_ops.c.base_hlc).where(
            _ops.c.entity == entity, _ops.c.row_id == op.row_id, _ops.c.field == op.field,
            _ops.c.hlc == current)).scalar()
        return base is not None and base >= op.hlc



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
