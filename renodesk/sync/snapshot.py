"""Compacted snapshots: a new laptop starts from the team's current state.

A snapshot holds every synced record with its field clocks, the tombstones, the
operations still held, and how far its maker had read each device's changesets
(high-water marks). It is encrypted and authenticated like a changeset::

    b"RDS1" | u32 header length | header (JSON) | nonce (12) | AES-256-GCM(zlib(JSON))

A device that has never read a changeset starts from the newest snapshot and then
reads only the changesets after those marks, instead of replaying years of files.
"""

from __future__ import annotations

import base64
import contextlib
import gc
import json
import os
import struct
import zlib
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Any

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from sqlalchemy import Boolean, Connection, Date, DateTime, LargeBinary, Table, select, update
from sqlalchemy.dialects.sqlite import insert as sqlite_insert

from renodesk.core import erasure
from renodesk.core.workspace import read_meta, write_meta
from renodesk.storage import bulk, codec, oplog
from renodesk.storage.models import (
    AuditEntry,
    SyncFieldClock,
    SyncOperation,
    SyncPeer,
    SyncTombstone,
)
from renodesk.storage.models import table as table_for
from renodesk.sync import retention
from renodesk.sync.changeset import ChangesetError
from renodesk.sync.clock import ClockDriftError, Hlc, HybridClock
from renodesk.sync.merge import Merger
from renodesk.sync.merge_writes import MergeResult
from renodesk.sync.operation import Operation
from renodesk.sync.synced_tables import (
    children_of,
    dependency_rank,
    synced_table,
    unique_groups,
)

MAGIC = b"RDS1"
VERSION = 1

_ops = table_for(SyncOperation)
_clocks = table_for(SyncFieldClock)
_tombs = table_for(SyncTombstone)
_peers = table_for(SyncPeer)
_audit = table_for(AuditEntry)


@dataclass(frozen=True)
class SnapshotHeader:
    v: int
    team: str
    device: str
    hlc: str
    created: str
    marks: int  # sum of the high-water marks: the newest snapshot has the largest

    def encode(self) -> bytes:
        return json.dumps(self.__dict__, sort_keys=True, separators=(",", ":")).encode()


def build(conn: Connection, key: bytes, team: str, device: str, clock: HybridClock) -> bytes:
    """The encrypted snapshot of this workspace's synced state, read in one transaction."""
    rows: dict[str, Any] = {}
    for name in sorted(dependency_rank(), key=lambda n: dependency_rank()[n]):
        table = synced_table(name)
        assert table is not None
        columns = [c.name for c in table.c]
        rows[name] = {"columns": columns, "values": [
            [codec.encode(v) for v in row] for row in conn.execute(select(table)).all()]}
    clocks = [list(r) for r in conn.execute(
        select(_clocks.c.entity, _clocks.c.row_id, _clocks.c.field, _clocks.c.hlc)).all()]
    clocks += [[r[0], r[1], oplog.CREATE_FIELD, r[2]] for r in conn.execute(
        select(_ops.c.entity, _ops.c.row_id, _ops.c.hlc).where(
            _ops.c.field == oplog.CREATE_FIELD, _ops.c.state == "applied")).all()]
    tombstones = [list(r) for r in conn.execute(
        select(_tombs.c.entity, _tombs.c.row_id, _tombs.c.hlc)).all()]
    peers = {r.device_id: [r.last_seq, r.last_hash] for r in conn.execute(select(_peers)).all()}
    peers[device] = [int(read_meta(conn, "sync_out_seq") or 0),
                     read_meta(conn, "sync_out_hash") or ""]
    held = [oplog.to_operation(r._mapping).to_json() for r in conn.execute(
        select(_ops).where(_ops.c.state == "held")).all()]
    seen = dict(retention.seen_here(conn))
    own_clock = conn.exec_driver_sql(
        "SELECT max(hlc) FROM sync_operation WHERE local = 1 AND sent_in <= ?",
        (peers[device][0],)).scalar()
    seen[device] = (peers[device][0], own_clock or "")
    payload = {"rows": rows, "clocks": clocks, "tombstones": tombstones, "peers": peers,
               "held": held, "seen": {d: list(v) for d, v in seen.items()}}
    header = SnapshotHeader(VERSION, team, device, clock.now().pack(),
                            datetime.now(UTC).isoformat(timespec="seconds"),
                            sum(seq for seq, _hash in peers.values())).encode()
    nonce = os.urandom(12)
    body = zlib.compress(json.dumps(payload, ensure_ascii=False,
                                    separators=(",", ":")).encode(), 1)
    return MAGIC + struct.pack(">I", len(header)) + header + nonce + AESGCM(key).encrypt(
        nonce, body, MAGIC + header)


def read_header(blob: bytes) -> SnapshotHeader:
    if len(blob) < 8 or blob[:4] != MAGIC:
        raise ChangesetError("bad_magic")
    (length,) = struct.unpack(">I", blob[4:8])
    if length > 4096 or len(blob) < 8 + length + 28:
        raise ChangesetError("truncated")
    try:
        header = SnapshotHeader(**json.loads(blob[8:8 + length]))
    except (ValueError, TypeError) as exc:
        raise ChangesetError("bad_header", str(exc)) from exc
    if header.v != VERSION:
        raise ChangesetError("unknown_version", str(header.v))
    return header


def decode(key: bytes, blob: bytes, team: str) -> tuple[SnapshotHeader, dict[str, Any]]:
    header = read_header(blob)
    if header.team != team:
        raise ChangesetError("foreign_team", header.team)
    (length,) = struct.unpack(">I", blob[4:8])
    raw_header = blob[8:8 + length]
    nonce = blob[8 + length:8 + length + 12]
    try:
        plain = AESGCM(key).decrypt(nonce, blob[8 + length + 12:], MAGIC + raw_header)
        # Hundreds of thousands of small objects and no cycles among them: the cyclic
        # collector would walk them again and again while they are made.
        collecting = gc.isenabled()
        gc.disable()
        try:
            payload: dict[str, Any] = json.loads(zlib.decompress(plain))
        finally:
            if collecting:
                gc.enable()
    except InvalidTag as exc:
        raise ChangesetError("tampered", "authentication failed") from exc
    except (ValueError, zlib.error) as exc:
        raise ChangesetError("bad_payload", str(exc)) from exc
    return header, payload


def _converters(table: Table, columns: list[str]) -> list[Callable[[Any], Any] | None]:
    """Per column, how a JSON value becomes a Python value (None: it already is one)."""
    found: list[Callable[[Any], Any] | None] = []
    for name in columns:
        kind = table.c[name].type
        if isinstance(kind, DateTime):
            found.append(datetime.fromisoformat)
        elif isinstance(kind, Date):
            found.append(date.fromisoformat)
        elif isinstance(kind, LargeBinary):
            found.append(base64.b64decode)
        elif isinstance(kind, Boolean):
            found.append(bool)
        else:
            found.append(None)  # text and whole numbers arrive as they are stored
    return found


def _decoded(table: Table, block: dict[str, Any],
             skip: set[str]) -> tuple[list[str], list[tuple[Any, ...]]]:
    """A snapshot table block as rows of Python values, in the table's column order;
    columns the snapshot's maker did not know yet get their defaults."""
    given = block["columns"]
    columns = [c.name for c in table.c]
    where = [given.index(name) if name in given else -1 for name in columns]
    defaults = [_static_default(c) for c in table.c]
    converters = _converters(table, columns)
    plan = list(zip(where, converters, defaults, strict=True))
    id_at = given.index("id")
    rows = []
    for values in block["values"]:
        if values[id_at] in skip:
            continue
        row = []
        for at, convert, default in plan:
            value = default if at < 0 else values[at]
            if value is not None and convert is not None:
                value = convert(value)
            row.append(value)
        rows.append(tuple(row))
    return columns, rows


def _static_default(col: Any) -> Any:
    arg = getattr(col.default, "arg", None)
    return None if callable(arg) else arg


def restore(conn: Connection, clock: HybridClock, own_device: str, header: SnapshotHeader,
            payload: dict[str, Any]) -> MergeResult:
    """Load a snapshot into this (new) workspace inside the caller's transaction.

    Records are inserted in bulk (one executemany per table, rows this workspace already
    holds are kept); records with a unique key go through the merge, since this laptop
    may have made one with the same key. Then tombstones: records deleted in the
    snapshot go here too, and children whose parent is deleted on either side follow.
    """
    result = MergeResult()
    merger = Merger(conn, clock)
    incoming_tombs = {(e, r): h for e, r, h in payload["tombstones"]}
    skip: dict[str, set[str]] = {}
    for (entity, row_id) in incoming_tombs:
        skip.setdefault(entity, set()).add(row_id)
    for entity, row_id in conn.execute(select(_tombs.c.entity, _tombs.c.row_id)):
        skip.setdefault(entity, set()).add(row_id)
    keyed = {name for name in payload["rows"]
             if (table := synced_table(name)) is not None and unique_groups(table)}
    create_clocks = {(e, r): h for e, r, f, h in payload["clocks"]
                     if e in keyed and f == oplog.CREATE_FIELD}
    # Clocks first: who holds a unique code is decided by them (see ``unique``).
    bulk.insert_values(conn, _clocks, ["entity", "row_id", "field", "hlc"],
                       [tuple(c) for c in payload["clocks"]], or_ignore=True)
    rank = dependency_rank()
    for name in sorted(payload["rows"], key=lambda n: rank.get(n, 99)):
        table = synced_table(name)
        if table is None:
            continue
        columns, rows = _decoded(table, payload["rows"][name], skip.get(name, set()))
        if unique_groups(table):
            # Few rows, and two laptops may each hold one with the same unique key.
            for values in rows:
                record = dict(zip(columns, values, strict=True))
                op = Operation("", header.device, 0,
                               create_clocks.get((name, record["id"]), header.hlc), name,
                               record["id"], oplog.CREATE_FIELD, codec.encode_row(record))
                merger.create(table, op, result)
        elif rows:
            bulk.insert_values(conn, table, columns, rows, or_ignore=True)
            result.applied += len(rows)
    now = datetime.now().replace(microsecond=0)
    bulk.insert_values(conn, _tombs, ["entity", "row_id", "hlc", "deleted_at"],
                       [(e, r, h, now) for (e, r), h in incoming_tombs.items()], or_ignore=True)
    _follow_tombstones(conn, merger, result)
    for device, (seq, blob_hash) in payload["peers"].items():
        if device == own_device:
            continue
        stmt = sqlite_insert(_peers).values(device_id=device, last_seq=seq, last_hash=blob_hash,
                                            last_seen_at=now)
        conn.execute(stmt.on_conflict_do_update(
            index_elements=["device_id"], set_={"last_seq": seq, "last_hash": blob_hash}))
    seen = retention.seen_here(conn)
    for device, (seq, last) in payload.get("seen", {}).items():
        if device != own_device and seq >= seen.get(device, (0, ""))[0]:
            seen[device] = (int(seq), str(last))
    retention.replace_seen(conn, seen)
    # If the maker's clock runs ahead its records still count; our clock stays honest.
    with contextlib.suppress(ClockDriftError):
        clock.observe(Hlc.unpack(header.hlc))
    result.add(merger.apply(Operation.from_json(op) for op in payload["held"]))
    return result


def rebase(conn: Connection, clock: HybridClock, own_device: str, header: SnapshotHeader,
           payload: dict[str, Any]) -> MergeResult:
    """Start again from a snapshot (a laptop that missed changesets removed meanwhile).

    Everything this workspace got by sync is replaced by the snapshot, so records the
    team deleted while this laptop was away do not come back; then this laptop's own
    operations the snapshot does not cover yet are applied on top, so nothing typed
    here is lost. Open conflicts stay in the inbox."""
    covered = int(payload["peers"].get(own_device, [0, ""])[0])
    rank = dependency_rank()
    for name in sorted(rank, key=lambda n: -rank[n]):
        conn.exec_driver_sql(f"DELETE FROM {name}")
    for statement in ("DELETE FROM sync_field_clock", "DELETE FROM sync_tombstone",
                      "DELETE FROM sync_peer", "DELETE FROM sync_operation WHERE local = 0"):
        conn.exec_driver_sql(statement)
    retention.replace_seen(conn, {})
    result = restore(conn, clock, own_device, header, payload)
    own = oplog.local_after(conn, covered)
    result.add(Merger(conn, clock).replay(own))
    # Privacy: households erased while this laptop was away keep no history here either
    # (what this laptop itself typed about them is in its own operations). Their
    # tombstones may be gone by now: what the snapshot no longer holds is gone.
    erased = set(conn.execute(select(_audit.c.household_id).where(
        _audit.c.action == "erase", _audit.c.detail == erasure.SCOPE_HOUSEHOLD)).scalars())
    gone = {(entity, row_id) for entity, row_id in erasure.records_of_households(conn, erased)
            if not _present(conn, entity, row_id)}
    if gone and erasure.forget_history(conn, gone):
        write_meta(conn, erasure.COMPACTION_DUE, "1")  # old values linger in free pages
    return result


def _present(conn: Connection, entity: str, row_id: str) -> bool:
    return conn.exec_driver_sql(f"SELECT 1 FROM {entity} WHERE id = ?",
                                (row_id,)).first() is not None


def _follow_tombstones(conn: Connection, merger: Merger, result: MergeResult) -> None:
    """Records of this workspace that are tombstoned go (with their required children);
    records linking to a tombstoned one follow the usual cascade. A few queries per
    table, whatever the number of tombstones."""
    if conn.exec_driver_sql("SELECT 1 FROM sync_tombstone LIMIT 1").first() is None:
        return
    while True:
        progress = False
        for name in dependency_rank():
            table = synced_table(name)
            assert table is not None
            for row_id, hlc in conn.exec_driver_sql(
                    f"SELECT r.id, t.hlc FROM {name} r JOIN sync_tombstone t "
                    "ON t.entity = ? AND t.row_id = r.id", (name,)).all():
                merger.delete(table, row_id, hlc, result)
                progress = True
            for child, column, nullable in children_of(name):
                child_table = synced_table(child)
                assert child_table is not None
                for child_id, hlc in conn.exec_driver_sql(
                        f"SELECT c.id, t.hlc FROM {child} c JOIN sync_tombstone t "
                        f"ON t.entity = ? AND t.row_id = c.{column}", (name,)).all():
                    progress = True
                    if nullable:
                        conn.execute(update(child_table).where(child_table.c.id == child_id)
                                     .values({column: None}))
                    else:
                        merger.delete(child_table, child_id, hlc, result)
        if not progress:
            return
