"""Compacted snapshots: a new laptop starts from the team's current state.

A snapshot holds every synced record with its field clocks, the tombstones, the
operations still held, and how far its maker had read each device's changesets
(high-water marks). It is encrypted and authenticated like a changeset::

    b"RDS1" | u32 header length | header (JSON) | nonce (12) | AES-256-GCM(zlib(JSON))

A device that has never read a changeset starts from the newest snapshot and then
reads only the changesets after those marks, instead of replaying years of files.
"""

from __future__ import annotations

import contextlib
import json
import os
import struct
import zlib
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from sqlalchemy import Connection, select
from sqlalchemy.dialects.sqlite import insert as sqlite_insert

from renodesk.core.workspace import read_meta
from renodesk.storage import codec, oplog
from renodesk.storage.models import SyncFieldClock, SyncOperation, SyncPeer, SyncTombstone
from renodesk.storage.models import table as table_for
from renodesk.sync.changeset import ChangesetError
from renodesk.sync.clock import ClockDriftError, Hlc, HybridClock
from renodesk.sync.merge import Merger, MergeResult, dependency_rank, synced_table, unique_groups
from renodesk.sync.operation import Operation

MAGIC = b"RDS1"
VERSION = 1

_ops = table_for(SyncOperation)
_clocks = table_for(SyncFieldClock)
_tombs = table_for(SyncTombstone)
_peers = table_for(SyncPeer)


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
    payload = {"rows": rows, "clocks": clocks, "tombstones": tombstones, "peers": peers,
               "held": held}
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
        payload: dict[str, Any] = json.loads(zlib.decompress(plain))
    except InvalidTag as exc:
        raise ChangesetError("tampered", "authentication failed") from exc
    except (ValueError, zlib.error) as exc:
        raise ChangesetError("bad_payload", str(exc)) from exc
    return header, payload


def restore(conn: Connection, clock: HybridClock, own_device: str, header: SnapshotHeader,
            payload: dict[str, Any]) -> MergeResult:
    """Load a snapshot into this (new) workspace inside the caller's transaction."""
    result = MergeResult()
    merger = Merger(conn, clock)
    tombstoned = {(e, r) for e, r in conn.execute(select(_tombs.c.entity, _tombs.c.row_id))}
    incoming_tombs = {(e, r): h for e, r, h in payload["tombstones"]}
    create_clocks = {(e, r): h for e, r, f, h in payload["clocks"] if f == oplog.CREATE_FIELD}
    rank = dependency_rank()
    for name in sorted(payload["rows"], key=lambda n: rank.get(n, 99)):
        table = synced_table(name)
        if table is None:
            continue
        block = payload["rows"][name]
        columns = [c for c in block["columns"] if c in table.c]
        index = [block["columns"].index(c) for c in columns]
        decoders = [(i, c) for i, c in zip(index, columns, strict=True)]
        records = []
        for values in block["values"]:
            record = {c: codec.decode(table, c, values[i]) for i, c in decoders}
            if (name, record["id"]) in tombstoned or (name, record["id"]) in incoming_tombs:
                continue
            records.append(record)
        if unique_groups(table):
            # Few rows, and two laptops may each hold one with the same unique key.
            for record in records:
                op = Operation("", header.device, 0,
                               create_clocks.get((name, record["id"]), header.hlc), name,
                               record["id"], oplog.CREATE_FIELD, codec.encode_row(record))
                merger.create(table, op, result)
        elif records:
            conn.execute(sqlite_insert(table).on_conflict_do_nothing(), records)
            result.applied += len(records)
    if payload["clocks"]:
        conn.execute(sqlite_insert(_clocks).on_conflict_do_nothing(), [
            {"entity": e, "row_id": r, "field": f, "hlc": h} for e, r, f, h in payload["clocks"]])
    for (entity, row_id), hlc in incoming_tombs.items():
        table = synced_table(entity)
        if table is not None:
            merger.delete(table, row_id, hlc, result)
    for device, (seq, blob_hash) in payload["peers"].items():
        if device == own_device:
            continue
        stmt = sqlite_insert(_peers).values(device_id=device, last_seq=seq, last_hash=blob_hash,
                                            last_seen_at=datetime.now().replace(microsecond=0))
        conn.execute(stmt.on_conflict_do_update(
            index_elements=["device_id"], set_={"last_seq": seq, "last_hash": blob_hash}))
    # If the maker's clock runs ahead its records still count; our clock stays honest.
    with contextlib.suppress(ClockDriftError):
        clock.observe(Hlc.unpack(header.hlc))
    result.add(merger.apply(Operation.from_json(op) for op in payload["held"]))
    return result
