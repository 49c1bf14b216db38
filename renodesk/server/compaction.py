"""Server-side compaction: the team's snapshot, uploaded in parts, and pruning the stream.

A laptop that compacts uploads its encrypted snapshot with the position up to which it
had applied the stream. The changesets up to the lowest of that position and what every
active device has pulled are then deleted: nobody still needs them, and a device that
reads from below that point (a new laptop, or one back after a long time away) starts
from the snapshot.

Active, as on a shared folder (``renodesk.sync.retention.HORIZON``): unrevoked and seen
within the retention window (180 days). A laptop silent for longer no longer holds the
team back; when it returns, its pull lies below the floor and it starts again from the
snapshot, after pushing what it typed meanwhile (the desktop pushes before it pulls).

Snapshots in parts
------------------
A snapshot grows with the team's data and soon passes any sensible request size. So it
travels in parts of at most ``MAX_PART_BYTES``, each its own request, and stays stored as
those parts: no request body, reply or server process ever holds more than one part.

- ``PUT  /v1/snapshot/uploads/{upload}/parts/{n}``: store part n of upload ``upload``
  (the SHA-256 of the whole snapshot, chosen by the laptop). Sending a part again
  replaces it, so a broken upload is resumed by sending what is missing
  (``GET /v1/snapshot/uploads/{upload}`` says which parts arrived).
- ``POST /v1/snapshot/uploads/{upload}/commit``: all or nothing. Every part must be
  there and the parts together must hash to ``upload``; then, in one transaction, the
  upload becomes the team's snapshot, the previous snapshot's parts go, and the stream
  is pruned. Until then the team's snapshot is the old one.
- ``GET /v1/snapshot`` describes the team's snapshot; ``GET /v1/snapshot/{upload}/parts/{n}``
  hands out one part. A snapshot replaced half-way through a download is refused with
  ``snapshot_replaced``, and the laptop starts again with the new one.

Each device has at most one upload in progress (starting another removes it), so a
laptop that gives up half-way leaves at most one snapshot's worth of parts behind.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import and_, delete, func, insert, select, update
from sqlalchemy.orm import Session
from sqlalchemy.sql.elements import ColumnElement
from sqlalchemy.sql.selectable import ScalarSelect

from renodesk.server.errors import ApiError
from renodesk.server.models import Changeset, Device, Snapshot, SnapshotPart, Team, User
from renodesk.server.store import Caller, aware, utcnow

#: A device not seen for this long no longer holds pruning back (as on a shared folder).
RETENTION = timedelta(days=180)
#: Largest part of a snapshot upload, in bytes (below the server's request size limit).
MAX_PART_BYTES = 4 * 1024 * 1024
#: Most parts one snapshot may have (4 GiB at the largest part size).
MAX_PARTS = 1024
UPLOAD_PATTERN = re.compile(r"^[0-9a-f]{64}$")


def record_pulled(session: Session, device_pk: int, after: int) -> None:
    """A pull from ``after`` says the device applied everything up to it."""
    session.execute(
        update(Device).where(Device.id == device_pk, Device.pulled_to < after)
        .values(pulled_to=after)
    )


def check_upload(upload: str) -> str:
    if not UPLOAD_PATTERN.match(upload):
        raise ApiError(400, "bad_snapshot_id")
    return upload


# --- uploading -------------------------------------------------------------------------


def _current_upload(team_id: int) -> ScalarSelect[str]:
    return select(Snapshot.upload).where(Snapshot.team_id == team_id).scalar_subquery()


def store_part(session: Session, caller: Caller, upload: str, number: int, blob: bytes) -> None:
    """Keep part ``number`` of the caller's upload ``upload`` (again: replaced). Parts of
    the caller's other uploads in progress go: one upload per device at a time."""
    check_upload(upload)
    if not 0 <= number < MAX_PARTS:
        raise ApiError(400, "bad_snapshot_part", number=number, parts=MAX_PARTS)
    if len(blob) > MAX_PART_BYTES:
        raise ApiError(413, "snapshot_part_too_large", limit=MAX_PART_BYTES)
    if not blob:
        raise ApiError(400, "bad_snapshot_part", number=number, parts=MAX_PARTS)
    mine = and_(SnapshotPart.team_id == caller.team_id,
                SnapshotPart.device_id == caller.device_id)
    if session.scalar(select(Snapshot.upload).where(
            Snapshot.team_id == caller.team_id, Snapshot.upload == upload)) is not None:
        raise ApiError(409, "snapshot_exists")  # that very snapshot is the team's already
    session.execute(delete(SnapshotPart).where(
        mine, SnapshotPart.upload != upload,
        SnapshotPart.upload.is_distinct_from(_current_upload(caller.team_id))))
    session.execute(delete(SnapshotPart).where(
        mine, SnapshotPart.upload == upload, SnapshotPart.number == number))
    session.execute(insert(SnapshotPart).values(
        team_id=caller.team_id, upload=upload, number=number, device_id=caller.device_id,
        blob=blob))


def received_parts(session: Session, caller: Caller, upload: str) -> list[int]:
    """The parts of the caller's upload ``upload`` the server has, in order."""
    check_upload(upload)
    return list(session.scalars(select(SnapshotPart.number).where(
        SnapshotPart.team_id == caller.team_id, SnapshotPart.device_id == caller.device_id,
        SnapshotPart.upload == upload).order_by(SnapshotPart.number)))


def _verify(session: Session, team_id: int, upload: str, parts: int, size: int) -> None:
    """Every part is there and together they are the snapshot named ``upload``; read
    one part at a time."""
    found = session.execute(
        select(func.count(), func.coalesce(func.sum(func.length(SnapshotPart.blob)), 0))
        .where(SnapshotPart.team_id == team_id, SnapshotPart.upload == upload,
               SnapshotPart.number < parts)).one()
    if found[0] != parts:
        raise ApiError(409, "snapshot_incomplete", missing=parts - int(found[0]))
    if int(found[1]) != size:
        raise ApiError(409, "snapshot_damaged")
    digest = hashlib.sha256()
    for number in range(parts):
        digest.update(session.scalars(select(SnapshotPart.blob).where(
            SnapshotPart.team_id == team_id, SnapshotPart.upload == upload,
            SnapshotPart.number == number)).one())
    if digest.hexdigest() != upload:
        raise ApiError(409, "snapshot_damaged")


@dataclass(frozen=True)
class WaitingDevice:
    """An active laptop that has not pulled up to the snapshot yet."""

    device_id: str
    name: str
    user: str
    last_seen_at: datetime | None
    pulled_to: int


@dataclass(frozen=True)
class Compaction:
    position: int
    pruned: int
    pruned_to: int
    waiting: list[WaitingDevice]


def commit_snapshot(session: Session, caller: Caller, upload: str, position: int, parts: int,
                    size: int, retention: timedelta = RETENTION) -> Compaction:
    """Make the caller's complete upload the team's snapshot of the stream up to
    ``position`` (unless the team has a newer one), then prune. All or nothing."""
    check_upload(upload)
    if not 1 <= parts <= MAX_PARTS:
        raise ApiError(400, "bad_snapshot_part", number=parts, parts=MAX_PARTS)
    team = session.scalars(select(Team).where(Team.id == caller.team_id).with_for_update()).one()
    if position > team.next_position - 1:
        raise ApiError(400, "bad_snapshot_position", position=position)
    if position < team.pruned_to:
        raise ApiError(409, "snapshot_required", position=team.pruned_to)
    kept = session.get(Snapshot, team.id)
    if kept is not None and kept.upload == upload:
        # Committed already (the reply got lost on the way): the same answer again.
        return _prune(session, team, kept.position, retention)
    _verify(session, team.id, upload, parts, size)
    record_pulled(session, caller.device_pk, position)
    if kept is not None and position < kept.position:
        # A newer snapshot came first: this one is not needed.
        session.execute(delete(SnapshotPart).where(SnapshotPart.team_id == team.id,
                                                   SnapshotPart.upload == upload))
        covered = kept.position
    else:
        if kept is None:
            kept = Snapshot(team_id=team.id)
            session.add(kept)
        else:
            session.execute(delete(SnapshotPart).where(SnapshotPart.team_id == team.id,
                                                       SnapshotPart.upload == kept.upload))
        kept.position, kept.device_id, kept.upload = position, caller.device_id, upload
        kept.size, kept.parts, kept.received_at = size, parts, utcnow()
        covered = position
    # A revoked laptop's unfinished upload will never be finished or replaced.
    session.execute(delete(SnapshotPart).where(
        SnapshotPart.team_id == team.id, SnapshotPart.upload != kept.upload,
        SnapshotPart.device_id.in_(select(Device.device_id).where(
            Device.team_id == team.id, Device.revoked_at.is_not(None)))))
    session.flush()
    return _prune(session, team, covered, retention)


def _active(team_id: int, retention: timedelta) -> ColumnElement[bool]:
    """The team's devices that hold pruning back: unrevoked and seen within ``retention``."""
    return and_(Device.team_id == team_id, Device.revoked_at.is_(None),
                Device.last_seen_at >= utcnow() - retention)


def _prune(session: Session, team: Team, covered: int, retention: timedelta) -> Compaction:
    active = _active(team.id, retention)
    slowest = session.scalar(select(func.min(Device.pulled_to)).where(active))
    floor = min(covered, covered if slowest is None else slowest)
    pruned = 0
    if floor > team.pruned_to:
        gone = session.execute(
            delete(Changeset).where(Changeset.team_id == team.id, Changeset.position <= floor))
        team.pruned_to = floor
        pruned = int(gone.rowcount)  # type: ignore[attr-defined]
        session.flush()
    waiting = [
        WaitingDevice(device.device_id, device.name, user,
                      aware(device.last_seen_at) if device.last_seen_at else None,
                      device.pulled_to)
        for device, user in session.execute(
            select(Device, User.name).join(User).where(active, Device.pulled_to < covered)
            .order_by(Device.pulled_to, Device.id))
    ]
    return Compaction(covered, pruned, team.pruned_to, waiting)


# --- downloading -----------------------------------------------------------------------


def team_snapshot(session: Session, team_id: int) -> Snapshot:
    """The team's newest snapshot; refused when there is none."""
    kept = session.get(Snapshot, team_id)
    if kept is None:
        raise ApiError(404, "no_snapshot")
    return kept


def snapshot_part(session: Session, team_id: int, upload: str, number: int) -> bytes:
    """Part ``number`` of the team's snapshot ``upload``; ``snapshot_replaced`` when the
    team's snapshot is another one by now (start the download again)."""
    check_upload(upload)
    kept = team_snapshot(session, team_id)
    if kept.upload != upload:
        raise ApiError(409, "snapshot_replaced")
    if not 0 <= number < kept.parts:
        raise ApiError(404, "no_snapshot_part", number=number)
    return bytes(session.scalars(select(SnapshotPart.blob).where(
        SnapshotPart.team_id == team_id, SnapshotPart.upload == upload,
        SnapshotPart.number == number)).one())


# --- what every active laptop has seen -------------------------------------------------


@dataclass(frozen=True)
class SeenByAll:
    """How far every active device has pulled the team's stream, in the laptops' terms."""

    position: int
    #: The lowest clock (``hlc_min``) of any changeset after ``position``; None when none
    #: comes after it. Every operation with a lower clock that the stream holds or held
    #: has been pulled (and applied) by every active device.
    before: str | None


def seen_by_all(session: Session, team_id: int, retention: timedelta = RETENTION) -> SeenByAll:
    """What a laptop of a server-only team needs to remove old tombstones: on a shared
    folder each laptop's "seen" marker tells it, here the devices' ``pulled_to``."""
    floor = session.scalar(select(func.min(Device.pulled_to)).where(
        _active(team_id, retention))) or 0
    before = session.scalar(select(func.min(Changeset.hlc_min)).where(
        Changeset.team_id == team_id, Changeset.position > floor))
    return SeenByAll(int(floor), before)
