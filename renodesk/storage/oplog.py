"""The operation log: what this device changed, ready to be sent, and field clocks.

Creates are one operation (field ``__create__``, the whole record as value) so a
bulk import writes one log row per record; later edits are one operation per field.
"""

from __future__ import annotations

import json
from typing import Any

from sqlalchemy import Connection, func, select

from renodesk.storage import codec
from renodesk.storage.bulk import insert_rows
from renodesk.storage.models import SyncFieldClock, SyncOperation, table
from renodesk.sync.operation import Operation

CREATE_FIELD = "__create__"

_ops = table(SyncOperation)
_clocks = table(SyncFieldClock)


def write_local(conn: Connection, ops: list[Operation]) -> None:
    """Append this device's operations (one executemany).

    Values may still hold dates or bytes; they are JSON-encoded here, once.
    """
    if not ops:
        return
    dumps = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"),
                             default=codec.json_default).encode
    insert_rows(conn, _ops, [
        {
            "op_id": op.op_id,
            "device_id": op.device_id,
            "device_seq": op.device_seq,
            "hlc": op.hlc,
            "entity": op.entity,
            "row_id": op.row_id,
            "field": op.field,
            "value_json": dumps(op.value),
            "base_hlc": op.base_hlc,
            "local": True,
            "state": "applied",
            "sent_in": None,
        }
        for op in ops
    ])


def set_field_clocks(
    conn: Connection, entity: str, row_id: str, fields: list[str], hlc: str
) -> None:
    if not fields:
        return
    # Plain SQL: this runs once per applied edit, and building the statement cost more
    # than running it.
    conn.exec_driver_sql(
        "INSERT INTO sync_field_clock (entity, row_id, field, hlc) VALUES (?, ?, ?, ?) "
        "ON CONFLICT (entity, row_id, field) DO UPDATE SET hlc = excluded.hlc",
        [(entity, row_id, f, hlc) for f in fields])


def field_clock(conn: Connection, entity: str, row_id: str, field: str) -> str | None:
    """The clock of the value the field holds now: its last edit, else the record's create."""
    found = conn.exec_driver_sql(
        "SELECT hlc FROM sync_field_clock WHERE entity = ? AND row_id = ? AND field = ?",
        (entity, row_id, field)).scalar()
    if found:
        return str(found)
    created = conn.exec_driver_sql(
        "SELECT hlc FROM sync_operation WHERE entity = ? AND row_id = ? AND field = ?",
        (entity, row_id, CREATE_FIELD)).scalar()
    if created:
        return str(created)
    # Records that arrived in a compacted snapshot keep their create clock as a field clock.
    restored = None if field == CREATE_FIELD else conn.exec_driver_sql(
        "SELECT hlc FROM sync_field_clock WHERE entity = ? AND row_id = ? AND field = ?",
        (entity, row_id, CREATE_FIELD)).scalar()
    return str(restored) if restored else None


def mark_for_send(conn: Connection, seq: int, limit: int, device_id: str) -> int:
    """Put the oldest ``limit`` unsent operations of this device in changeset ``seq``
    with one UPDATE (operations are sent in device order). Returns how many.

    Both statements walk the (device, sequence) index from the last operation sent, so
    the cost does not grow with the log ("+sent_in" keeps SQLite off the sent_in index,
    which would visit every unsent operation)."""
    last = covered_seq(conn)
    found = conn.exec_driver_sql(
        "SELECT device_seq FROM sync_operation WHERE device_id = ? AND device_seq > ? "
        "AND +sent_in IS NULL ORDER BY device_seq LIMIT ?", (device_id, last, limit)).all()
    if not found:
        return 0
    conn.exec_driver_sql(
        "UPDATE sync_operation SET sent_in = ? WHERE device_id = ? AND device_seq > ? "
        "AND device_seq <= ? AND +sent_in IS NULL", (seq, device_id, last, found[-1][0]))
    return len(found)


def _local_ops(conn: Connection, where: str, seq: int) -> list[Operation]:
    loads = json.loads
    return [
        Operation(op_id, device_id, device_seq, hlc, entity, row_id, fld, loads(value), base)
        for op_id, device_id, device_seq, hlc, entity, row_id, fld, value, base
        in conn.exec_driver_sql(
            "SELECT op_id, device_id, device_seq, hlc, entity, row_id, field, value_json, "
            f"base_hlc FROM sync_operation WHERE local = 1 AND {where} "
            "ORDER BY device_seq", (seq,))
    ]


def in_changeset(conn: Connection, seq: int) -> list[Operation]:
    """This device's operations marked for changeset ``seq``, in device order (one read)."""
    return _local_ops(conn, "sent_in = ?", seq)


def local_after(conn: Connection, seq: int) -> list[Operation]:
    """This device's operations not in changesets 1..``seq`` (later or unsent), in order."""
    return _local_ops(conn, "(sent_in IS NULL OR sent_in > ?)", seq)


def to_operation(row: Any) -> Operation:
    return Operation(
        op_id=row["op_id"],
        device_id=row["device_id"],
        device_seq=row["device_seq"],
        hlc=row["hlc"],
        entity=row["entity"],
        row_id=row["row_id"],
        field=row["field"],
        value=json.loads(row["value_json"]),
        base_hlc=row["base_hlc"],
    )


def covered_seq(conn: Connection, upto_changeset: int | None = None) -> int:
    """The highest device sequence of this laptop's operations that went into changesets
    1..``upto_changeset`` (default: every changeset made so far).

    Changesets take the outbox in sequence order, so every local operation above this
    number is still waiting. Two index look-ups, however long the log.
    """
    if upto_changeset is None:
        upto_changeset = conn.execute(select(func.max(_ops.c.sent_in))).scalar() or 0
    if not upto_changeset:
        return 0
    found = conn.execute(select(func.max(_ops.c.device_seq)).where(
        _ops.c.sent_in == upto_changeset, _ops.c.local.is_(True))).scalar()
    return int(found or 0)
