"""One sync run through the team folder: send what is new here, read what is new there.

1. Stop at once, changing nothing, if the folder, ``team.json`` or the devices folder
   cannot be read (an unreachable share never reads as "everything was deleted").
2. Send: unsent operations become changesets of this device. The batch is first
   marked in the database as belonging to sequence *n* ("pending"), then the file is
   written atomically, then its hash is recorded; a crash anywhere in between is
   finished on the next run without skipping or repeating a sequence number.
3. A workspace that has never read anything starts from the newest snapshot; one that
   needs changesets removed meanwhile (it was away past the horizon) starts again from
   a snapshot covering them, keeping its own edits (``retention``, ``snapshot.rebase``).
4. Receive: for every other device, the files after its high-water mark, in sequence,
   each verified (name, authentication, team, device, sequence, hash chain, and the team
   key it was sealed with: after a key rotation, files under a replaced key only up to
   what the rotating laptop had read of that device, nothing of a removed device after
   that) and applied in one transaction together with the new high-water mark. A file
   that fails a check is set aside and that device's later files wait. More deletes
   than the limit stop the run before anything is applied, unless allowed.
5. Held operations (future clocks, parents not yet arrived) are tried again.
6. This device's "seen" marker is written and tombstones the whole team has seen (and
   older than 180 days) are removed (``retention``). ``compact`` writes a snapshot and
   removes this device's own changesets it covers that every active device has read.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, func, select
from sqlalchemy.dialects.sqlite import insert as sqlite_insert

from renodesk.core.errors import RenoDeskError
from renodesk.core.workspace import Workspace, read_meta, write_meta
from renodesk.storage import oplog
from renodesk.storage.models import SyncConflict, SyncOperation, SyncPeer
from renodesk.storage.models import table as table_for
from renodesk.sync import retention, snapshot
from renodesk.sync.changeset import (
    ChangesetError,
    ChangesetHeader,
    blob_hash,
    decode_changeset,
    encode_changeset,
    file_name,
)
from renodesk.sync.clock import MAX_DRIFT_MS, Hlc
from renodesk.sync.folder import Stray, TeamFolder, write_atomically
from renodesk.sync.merge import Merger, MergeResult, nothing_held, would_delete
from renodesk.sync.operation import Operation
from renodesk.sync.team import Team

#: More deletes than this in one sync stop and ask first (setting ``sync.delete_limit``).
DEFAULT_DELETE_LIMIT = 50
#: Meta key of the last successful sync (ISO date-time), shown in the status bar.
LAST_SYNC_META = "last_sync_at"
#: Operations per changeset file.
BATCH = 5000

_ops = table_for(SyncOperation)
_peers = table_for(SyncPeer)
_conflicts = table_for(SyncConflict)

Progress = Callable[[int, int], None]


@dataclass(frozen=True)
class SetAside:
    """A file that was not applied, and why (a reason code of ChangesetError or 'bad_name')."""

    device: str
    name: str
    reason: str


@dataclass
class SyncReport:
    sent_ops: int = 0
    sent_files: int = 0
    received_ops: int = 0
    received_files: int = 0
    conflicts: int = 0
    open_conflicts: int = 0
    deleted: int = 0
    held_future: int = 0
    held_waiting: int = 0
    bootstrapped: bool = False
    set_aside: list[SetAside] = field(default_factory=list)
    waiting: list[tuple[str, int]] = field(default_factory=list)  # (device, missing seq)
    pending_deletes: int = 0
    tombstones_removed: int = 0
    stopped: RenoDeskError | None = None
    touched: set[tuple[str, str]] = field(default_factory=set)

    def merged(self, result: MergeResult) -> None:
        self.conflicts += result.conflicts
        self.deleted += result.deleted
        self.touched |= result.touched


@dataclass
class _Incoming:
    device: str
    seq: int
    digest: str
    hlc_max: str
    ops: list[Operation]


class SyncRun:
    """One sync of a workspace with its team folder."""

    def __init__(self, ws: Workspace, team: Team, *, allow_deletes: bool = False,
                 delete_limit: int = DEFAULT_DELETE_LIMIT, progress: Progress | None = None,
                 batch: int = BATCH, send: bool = True, acknowledge: bool = True) -> None:
        self.ws = ws
        self.team = team
        self.folder = TeamFolder(team.folder, team.slug, team.revoked)
        self.allow_deletes = allow_deletes
        self.delete_limit = delete_limit
        self.progress = progress
        self.batch = batch
        #: False for a folder that only relays what others sent (the server's inbox):
        #: this laptop's changesets are written to its own team folder only.
        self.send = send
        #: False where the caller acknowledges itself: in the laptop's private store no
        #: other laptop reads this laptop's marker (see ``service``).
        self.acknowledge = acknowledge
        self.report = SyncReport()
        self._scans: dict[str, tuple[dict[int, Path], list[Stray]]] = {}

    # -- plumbing ---------------------------------------------------------------
    @contextmanager
    def _transaction(self) -> Iterator[Connection]:
        """One write transaction under the workspace's single-writer lock."""
        ws = self.ws
        with ws.exclusive():  # sync and edits never interleave
            saved = ws.clock.last
            try:
                with ws.engine.begin() as conn:
                    yield conn
                    write_meta(conn, "hlc", ws.clock.last.pack())
            except BaseException:
                ws.clock.last = saved
                raise

    def _meta(self, key: str) -> str:
        with self.ws.engine.connect() as conn:
            return read_meta(conn, key) or ""

    # -- the run ------------------------------------------------------------------
    def run(self) -> SyncReport:
        try:
            self.folder.check(self.team)
            if self.send:
                self._send()
            self._bootstrap()
            self._receive()
            if self.report.stopped is None:
                with self._transaction() as conn:
                    self.report.merged(Merger(conn, self.ws.clock).retry_held())
                if self.acknowledge:
                    self.report.tombstones_removed = retention.acknowledge_and_tidy(
                        self.ws, self.folder, self.team.key, self.team.team_id)
        except RenoDeskError as exc:
            self.report.stopped = exc
        self._summarise()
        return self.report

    def compact(self) -> int:
        """Write this device's snapshot of the team's current state (after a sync), then
        remove this device's own changesets it covers and every active device has read.
        Returns how many files were removed."""
        covered = self.write_snapshot()
        return retention.remove_covered_changesets(self.ws, self.folder, self.team.key,
                                                   self.team.team_id, covered)

    def write_snapshot(self) -> int:
        """Write this device's snapshot under the current team key; returns up to which
        of its own changesets it covers."""
        self.folder.check(self.team)
        with self._transaction() as conn:
            blob = snapshot.build(conn, self.team.key, self.team.team_id, self.ws.device_id,
                                  self.ws.clock)
            covered = int(read_meta(conn, "sync_out_seq") or 0)
        write_atomically(self.folder.snapshot_path(self.ws.device_id), blob)
        return covered

    # -- sending ------------------------------------------------------------------
    def _send(self) -> None:
        pending = self._meta("sync_pending_seq")
        if pending:
            self._publish(int(pending))
        while True:
            with self._transaction() as conn:
                seq = int(read_meta(conn, "sync_out_seq") or 0) + 1
                if not oplog.mark_for_send(conn, seq, self.batch, self.ws.device_id):
                    return
                write_meta(conn, "sync_out_seq", str(seq))
                write_meta(conn, "sync_pending_seq", str(seq))
            self._publish(seq)

    def _publish(self, seq: int) -> None:
        """Write changeset ``seq`` (already marked in the database) and record its hash."""
        me = self.ws.device_id
        with self.ws.engine.connect() as conn:
            ops = oplog.in_changeset(conn, seq)
            prev = read_meta(conn, "sync_out_hash") or ""
        path = self.folder.changeset_path(me, seq)
        blob = self.folder.read(path) if path.exists() else b""
        if blob:
            # Written before a crash, its hash not yet recorded: adopt it if it is ours.
            try:
                header, written = decode_changeset(self.team.key_for, blob,
                                                   self.team.team_id)
            except ChangesetError as exc:
                raise RenoDeskError("sync.error.seq_taken", path=str(path)) from exc
            if header.prev != prev or [o.op_id for o in written] != [o.op_id for o in ops]:
                raise RenoDeskError("sync.error.seq_taken", path=str(path))
        else:
            blob = encode_changeset(self.team.key, self.team.team_id, me, seq, prev, ops,
                                    self.team.epoch, self.team.kid)
            self.folder.publish(me, seq, blob)
        with self._transaction() as conn:
            write_meta(conn, "sync_out_hash", blob_hash(blob))
            write_meta(conn, "sync_pending_seq", "")
        self.report.sent_ops += len(ops)
        self.report.sent_files += 1

    # -- receiving ----------------------------------------------------------------
    def _bootstrap(self) -> None:
        """A workspace that has read nothing starts from the newest snapshot. One that
        needs changesets no longer in the folder (removed after a snapshot while this
        laptop was away) starts again from a snapshot that covers them (see
        ``retention``), so that what the team deleted meanwhile does not come back."""
        with self.ws.engine.connect() as conn:
            peers = {r.device_id: r.last_seq for r in conn.execute(select(_peers)).all()}
        if peers and not self._gone(peers):
            return
        candidates: list[tuple[int, Path]] = []
        for path in self.folder.snapshot_paths():
            if path.stem == self.ws.device_id:
                continue
            try:
                marks = snapshot.read_header(self.folder.read(path)).marks
            except ChangesetError as exc:
                self.report.set_aside.append(SetAside("snapshots", path.name, exc.reason))
                continue
            candidates.append((marks, path))
        chosen: tuple[snapshot.SnapshotHeader, dict[str, Any]] | None = None
        for _marks, path in sorted(candidates, reverse=True):
            try:
                header, payload = snapshot.decode(self.team.key, self.folder.read(path),
                                                  self.team.team_id)
            except ChangesetError as exc:
                self.report.set_aside.append(SetAside("snapshots", path.name,
                                                      self._snapshot_reason(path, exc)))
                continue
            if not self._gone({d: int(v[0]) for d, v in payload["peers"].items()}):
                chosen = (header, payload)
                break
            if chosen is None and not peers:
                chosen = (header, payload)  # the newest, if none covers every gap
        if chosen is None:
            return
        header, payload = chosen
        with self._transaction() as conn:
            start = snapshot.rebase if peers else snapshot.restore
            result = start(conn, self.ws.clock, self.ws.device_id, header, payload)
        self.report.merged(result)
        self.report.received_ops += result.applied
        self.report.bootstrapped = True

    def _snapshot_reason(self, path: Path, exc: ChangesetError) -> str:
        """After a key rotation only snapshots under the current key count: one under a
        replaced key may have been written by a lost laptop after the rotation."""
        if exc.reason == "tampered":
            blob = self.folder.read(path)
            for old in self.team.retired:
                try:
                    snapshot.decode(old.key, blob, self.team.team_id)
                except ChangesetError:
                    continue
                return "stale_key"
        return exc.reason

    def _scan(self, device: str) -> tuple[dict[int, Path], list[Stray]]:
        if device not in self._scans:
            self._scans[device] = self.folder.scan(device)
        return self._scans[device]

    def _gone(self, peers: dict[str, int]) -> bool:
        """True when, reading on from ``peers``, a changeset this laptop needs is gone:
        later ones are there, or the device's marker says it wrote it."""
        for device in self.folder.device_ids():
            if device == self.ws.device_id:
                continue
            need = peers.get(device, 0) + 1
            files, _strays = self._scan(device)
            if need in files:
                continue
            if any(n > need for n in files):
                return True
            blob = self.folder.read_marker(device)
            marker = None if blob is None else retention.decode_marker(
                self.team.key, self.team.team_id, device, blob)
            if marker is not None and marker.own_seq >= need:
                return True
        return False

    def _receive(self) -> None:
        incoming = self._collect()
        with self.ws.engine.connect() as conn:
            deletes = sum(would_delete(conn, item.ops) for item in incoming)
        if deletes > self.delete_limit and not self.allow_deletes:
            self.report.pending_deletes = deletes
            self.report.stopped = RenoDeskError("sync.stopped.too_many_deletes", count=deletes,
                                                limit=self.delete_limit)
            return
        for done, item in enumerate(incoming, start=1):
            with self._transaction() as conn:
                result = Merger(conn, self.ws.clock).apply(item.ops)
                now = datetime.now().replace(microsecond=0)
                stmt = sqlite_insert(_peers).values(device_id=item.device, last_seq=item.seq,
                                                    last_hash=item.digest, last_seen_at=now)
                conn.execute(stmt.on_conflict_do_update(
                    index_elements=["device_id"],
                    set_={"last_seq": item.seq, "last_hash": item.digest, "last_seen_at": now}))
                retention.record_seen(conn, item.device, item.seq, item.hlc_max)
            self.report.merged(result)
            self.report.received_ops += result.applied + result.held
            self.report.received_files += 1
            if self.progress:
                self.progress(done, len(incoming))

    def _collect(self) -> list[_Incoming]:
        """Verified, not yet applied changesets of every other device, in order."""
        with self.ws.engine.connect() as conn:
            peers = {r.device_id: (r.last_seq, r.last_hash)
                     for r in conn.execute(select(_peers)).all()}
        incoming: list[_Incoming] = []
        for device in self.folder.device_ids():
            files, strays = self._scan(device)
            self.report.set_aside += [SetAside(s.device, s.name, "bad_name") for s in strays]
            if device == self.ws.device_id:
                continue
            seq, prev = peers.get(device, (0, ""))
            while (seq + 1) in files:
                path = files[seq + 1]
                blob = self.folder.read(path)
                try:
                    header, ops = decode_changeset(self.team.key_for, blob, self.team.team_id)
                    self._check(header, device, seq + 1, prev)
                except ChangesetError as exc:
                    self.report.set_aside.append(SetAside(device, path.name, exc.reason))
                    break
                seq, prev = seq + 1, blob_hash(blob)
                incoming.append(_Incoming(device, seq, prev, header.hlc_max, ops))
            if any(n > seq + 1 for n in files) and (seq + 1) not in files:
                self.report.waiting.append((device, seq + 1))
        return incoming

    @staticmethod
    def _check(header: ChangesetHeader, device: str, seq: int, prev: str) -> None:
        if header.device != device:
            raise ChangesetError("foreign_device", header.device)
        if header.seq != seq:
            raise ChangesetError("replayed", f"{header.seq} in {file_name(seq)}")
        if header.prev != prev:
            raise ChangesetError("broken_chain", file_name(seq))

    # -- summary ------------------------------------------------------------------
    def _summarise(self) -> None:
        now_ms = time.time_ns() // 1_000_000
        with self.ws.engine.connect() as conn:
            held = [] if nothing_held(conn) else conn.execute(select(_ops.c.hlc).where(
                _ops.c.state == "held", _ops.c.local.is_(False))).scalars().all()
            self.report.open_conflicts = int(conn.execute(
                select(func.count()).select_from(_conflicts).where(
                    _conflicts.c.resolved_at.is_(None))).scalar() or 0)
        for hlc in held:
            if Hlc.unpack(hlc).wall_ms - now_ms > MAX_DRIFT_MS:
                self.report.held_future += 1
            else:
                self.report.held_waiting += 1
        if self.report.stopped is None:
            self.ws.set_meta(LAST_SYNC_META, datetime.now().isoformat(timespec="seconds"))


def sync(ws: Workspace, team: Team, **options: Any) -> SyncReport:
    """Run one sync; see :class:`SyncRun`."""
    return SyncRun(ws, team, **options).run()
