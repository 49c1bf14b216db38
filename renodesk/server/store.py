"""What the server does with its tables: teams, users, enrolment, devices, the stream.

Every function works inside a session the caller opened (``Database.write()`` or
``read()``) and raises ``ApiError`` for refusals, so the same rules serve the API and
the admin command line.

Ordering the stream
-------------------
Pulling devices keep a cursor: "I have everything up to position N". That is only
safe if a row with position N can never become visible after a row with a higher
position was already read. A plain sequence/BIGSERIAL breaks this: transaction A
takes 41, transaction B takes 42, B commits first, a reader sees 42 and moves its
cursor past 41, which A commits a moment later and the reader never sees.

So positions are handed out from the team's own counter row, read with
``SELECT ... FOR UPDATE`` in the pushing transaction. The row lock is held until
commit, so the next push for that team waits until this one has committed or
rolled back: positions of one team are committed in order and without gaps, and a
reader's cursor can never pass an uncommitted position. The cost, one push per
team at a time, is small for a team of coaches; other teams are not held up.
On SQLite the database-wide write lock (``BEGIN IMMEDIATE``) gives the same order.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy import Row, func, insert, select, update
from sqlalchemy.orm import Session

from renodesk.server import security
from renodesk.server.errors import ApiError
from renodesk.server.models import Changeset, Device, EnrolmentCode, Team, User
from renodesk.sync.changeset import ChangesetError, ChangesetHeader, blob_hash, read_header

#: Team and device ids: what the desktop writes into its changeset headers.
ID_PATTERN = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$")
MAX_HLC_LENGTH = 100
#: Update a device's "last seen" at most this often (a pull should not write).
LAST_SEEN_GRANULARITY = timedelta(minutes=5)


def utcnow() -> datetime:
    return datetime.now(UTC)


def aware(moment: datetime) -> datetime:
    """SQLite hands back naive datetimes; they were stored as UTC."""
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def check_id(kind: str, value: str) -> str:
    if not ID_PATTERN.match(value):
        raise ApiError(400, "bad_id", kind=kind, value=value[:80])
    return value


# --- teams, users, codes, devices (admin) -------------------------------------------


def create_team(session: Session, name: str) -> Team:
    check_id("team", name)
    if session.scalar(select(Team).where(Team.name == name)):
        raise ApiError(409, "team_exists", team=name)
    team = Team(name=name, next_position=1, created_at=utcnow())
    session.add(team)
    session.flush()
    return team


def get_team(session: Session, name: str) -> Team:
    team = session.scalar(select(Team).where(Team.name == name))
    if team is None:
        raise ApiError(404, "unknown_team", team=name)
    return team


def add_user(session: Session, team_name: str, user_name: str, password: str) -> User:
    team = get_team(session, team_name)
    user_name = user_name.strip()
    if not user_name or len(user_name) > 100:
        raise ApiError(400, "bad_user_name")
    if len(password) < security.MIN_PASSWORD_LENGTH:
        raise ApiError(400, "password_too_short", minimum=security.MIN_PASSWORD_LENGTH)
    if session.scalar(select(User).where(User.team_id == team.id, User.name == user_name)):
        raise ApiError(409, "user_exists", user=user_name, team=team_name)
    user = User(
        team_id=team.id,
        name=user_name,
        password_hash=security.hash_password(password),
        created_at=utcnow(),
    )
    session.add(user)
    session.flush()
    return user


def issue_enrolment_code(
    session: Session, team_name: str, user_name: str, valid_for: timedelta
) -> tuple[str, datetime]:
    """A new one-time code for ``user_name``; only its hash is stored."""
    team = get_team(session, team_name)
    user = session.scalar(select(User).where(User.team_id == team.id, User.name == user_name))
    if user is None:
        raise ApiError(404, "unknown_user", user=user_name, team=team_name)
    code = security.new_enrolment_code()
    expires_at = utcnow() + valid_for
    session.add(
        EnrolmentCode(
            user_id=user.id, code_hash=security.token_hash(code), expires_at=expires_at
        )
    )
    session.flush()
    return code, expires_at


def code_owner(session: Session, code: str) -> int | None:
    """The user id a code was issued to (used or not), for throttling per user."""
    digest = security.token_hash(security.normalise_code(code))
    return session.scalar(select(EnrolmentCode.user_id).where(EnrolmentCode.code_hash == digest))


@dataclass(frozen=True)
class Enrolment:
    token: str
    team: str
    device_id: str
    user: str


def enrol_device(
    session: Session, code: str, password: str, device_id: str, device_name: str
) -> Enrolment:
    """Exchange a valid, unused code plus the user's password for a device token.

    Every failure gives the same refusal, so a guesser learns nothing. Enrolling a
    device id again (a reinstalled laptop) gives it a new token; a revoked id stays
    revoked.
    """
    check_id("device", device_id)
    now = utcnow()
    digest = security.token_hash(security.normalise_code(code))
    row = session.execute(
        select(EnrolmentCode, User).join(User).where(EnrolmentCode.code_hash == digest)
    ).first()
    enrolment, user = (row[0], row[1]) if row else (None, None)
    password_ok = security.verify_password(user.password_hash if user else None, password)
    if (
        enrolment is None
        or user is None
        or not password_ok
        or enrolment.used_at is not None
        or aware(enrolment.expires_at) <= now
    ):
        raise ApiError(401, "enrolment_refused")
    # Claim the code; a concurrent enrolment with the same code finds it used.
    claimed = session.execute(
        update(EnrolmentCode)
        .where(EnrolmentCode.id == enrolment.id, EnrolmentCode.used_at.is_(None))
        .values(used_at=now)
    )
    if claimed.rowcount != 1:  # type: ignore[attr-defined]
        raise ApiError(401, "enrolment_refused")
    team = session.get_one(Team, user.team_id)
    token = security.new_device_token()
    device = session.scalar(
        select(Device).where(Device.team_id == team.id, Device.device_id == device_id)
    )
    if device is not None and device.revoked_at is not None:
        raise ApiError(403, "device_revoked")
    if device is not None and device.user_id != user.id:
        raise ApiError(409, "device_taken", device=device_id)
    name = device_name.strip()[:100] or device_id
    if device is None:
        session.add(
            Device(
                team_id=team.id,
                user_id=user.id,
                device_id=device_id,
                name=name,
                token_hash=security.token_hash(token),
                enrolled_at=now,
                last_seen_at=now,
            )
        )
    else:
        device.token_hash = security.token_hash(token)
        device.name = name
        device.enrolled_at = now
    session.flush()
    return Enrolment(token=token, team=team.name, device_id=device_id, user=user.name)


@dataclass(frozen=True)
class DeviceListing:
    id: int
    device_id: str
    name: str
    user: str
    enrolled_at: datetime
    last_seen_at: datetime | None
    revoked_at: datetime | None


def list_devices(session: Session, team_name: str) -> list[DeviceListing]:
    team = get_team(session, team_name)
    rows = session.execute(
        select(Device, User.name).join(User).where(Device.team_id == team.id).order_by(Device.id)
    ).all()
    return [
        DeviceListing(
            id=d.id,
            device_id=d.device_id,
            name=d.name,
            user=user_name,
            enrolled_at=aware(d.enrolled_at),
            last_seen_at=aware(d.last_seen_at) if d.last_seen_at else None,
            revoked_at=aware(d.revoked_at) if d.revoked_at else None,
        )
        for d, user_name in rows
    ]


def revoke_device(session: Session, device_pk: int) -> Device:
    """Refuse this laptop from now on; its changesets already pushed stay in the stream."""
    device = session.get(Device, device_pk)
    if device is None:
        raise ApiError(404, "unknown_device", device=str(device_pk))
    if device.revoked_at is None:
        device.revoked_at = utcnow()
    return device


# --- authentication ---------------------------------------------------------------


@dataclass(frozen=True)
class Caller:
    """The authenticated device behind a request."""

    device_pk: int
    device_id: str
    team_id: int
    team: str
    stale_last_seen: bool
    pulled_to: int = 0


def authenticate(session: Session, token: str) -> Caller:
    row = session.execute(
        select(Device, Team.name).join(Team).where(Device.token_hash == security.token_hash(token))
    ).first()
    if row is None:
        raise ApiError(401, "unknown_token", headers={"WWW-Authenticate": "Bearer"})
    device, team_name = row[0], row[1]
    if device.revoked_at is not None:
        raise ApiError(403, "device_revoked")
    seen = aware(device.last_seen_at) if device.last_seen_at else None
    return Caller(
        device_pk=device.id,
        device_id=device.device_id,
        team_id=device.team_id,
        team=team_name,
        stale_last_seen=seen is None or utcnow() - seen > LAST_SEEN_GRANULARITY,
        pulled_to=device.pulled_to,
    )


def touch_device(session: Session, device_pk: int) -> None:
    session.execute(update(Device).where(Device.id == device_pk).values(last_seen_at=utcnow()))


# --- the team's wrapped key -------------------------------------------------------


def team_key(session: Session, team_id: int) -> str:
    """The team's ``team.json`` as a member laptop stored it; refused when there is none."""
    stored = session.scalar(select(Team.wrapped_key).where(Team.id == team_id))
    if stored is None:
        raise ApiError(404, "no_team_key")
    return stored


def store_team_key(session: Session, caller: Caller, team_json: str) -> str:
    """Keep the team's ``team.json`` once. The same content again is fine; other content
    is refused, so one laptop cannot swap the team's key under the others."""
    team = session.scalars(select(Team).where(Team.id == caller.team_id).with_for_update()).one()
    if team.wrapped_key is not None and team.wrapped_key != team_json:
        raise ApiError(409, "team_key_exists")
    team.wrapped_key = team_json
    session.flush()
    return team_json


# --- the stream -------------------------------------------------------------------


@dataclass(frozen=True)
class Stored:
    seq: int
    position: int
    duplicate: bool


def _checked_header(blob: bytes, caller: Caller) -> ChangesetHeader:
    try:
        header = read_header(blob)
    except ChangesetError as exc:
        raise ApiError(400, "bad_changeset", reason=exc.reason) from exc
    text_fields = (header.team, header.device, header.hlc_min, header.hlc_max, header.prev)
    if (
        not all(isinstance(value, str) for value in text_fields)
        or not isinstance(header.count, int)
        or isinstance(header.seq, bool)
        or header.count < 1
        or header.seq >= 2**63
        or max(len(header.hlc_min), len(header.hlc_max)) > MAX_HLC_LENGTH
        or len(header.prev) not in (0, 64)
    ):
        raise ApiError(400, "bad_changeset", reason="bad_header")
    if header.team != caller.team or header.device != caller.device_id:
        raise ApiError(403, "foreign_changeset")
    return header


def append_changesets(session: Session, caller: Caller, blobs: Sequence[bytes]) -> list[Stored]:
    """Store a batch of the caller's changesets, all or nothing.

    A changeset already stored with the same content is acknowledged again without a
    second copy; different content under an existing sequence number is refused.
    """
    headers = [_checked_header(blob, caller) for blob in blobs]
    # Lock the team's counter row first: see the module docstring.
    team = session.scalars(
        select(Team).where(Team.id == caller.team_id).with_for_update()
    ).one()
    wanted = {h.seq for h in headers} | {h.seq - 1 for h in headers if h.seq > 1}
    known: dict[int, tuple[str, int]] = {
        seq: (digest, position)
        for seq, digest, position in session.execute(
            select(Changeset.seq, Changeset.blob_hash, Changeset.position).where(
                Changeset.team_id == team.id,
                Changeset.device_id == caller.device_id,
                Changeset.seq.in_(wanted),
            )
        )
    }
    now = utcnow()
    stored: list[Stored] = []
    new_rows: list[dict[str, Any]] = []
    for header, blob in zip(headers, blobs, strict=True):
        digest = blob_hash(blob)
        if header.seq in known:
            existing_digest, position = known[header.seq]
            if existing_digest != digest:
                raise ApiError(409, "seq_conflict", seq=header.seq)
            stored.append(Stored(header.seq, position, duplicate=True))
            continue
        before = known.get(header.seq - 1)
        if header.seq > 1 and before is not None and before[0] != header.prev:
            raise ApiError(409, "prev_mismatch", seq=header.seq)
        position = team.next_position
        team.next_position = position + 1
        new_rows.append(
            {
                "team_id": team.id,
                "position": position,
                "device_id": header.device,
                "seq": header.seq,
                "hlc_min": header.hlc_min,
                "hlc_max": header.hlc_max,
                "prev": header.prev,
                "op_count": header.count,
                "blob_hash": digest,
                "blob": blob,
                "received_at": now,
            }
        )
        known[header.seq] = (digest, position)
        stored.append(Stored(header.seq, position, duplicate=False))
    if new_rows:
        # One multi-row INSERT keeps the time the team's lock is held short.
        session.execute(insert(Changeset), new_rows)
    session.flush()
    return stored


def changesets_after(
    session: Session, team_id: int, after: int, limit: int, max_bytes: int
) -> tuple[list[Row[int, str, int, str, str, str, int, bytes]], int]:
    """The team's changesets with a position above ``after``, oldest first: at most
    ``limit`` of them and, past the first, no more than ``max_bytes`` of blobs; and
    the team's head position (the last one handed out). Refused with
    ``snapshot_required`` when changesets after ``after`` were pruned."""
    pruned_to = session.scalar(select(Team.pruned_to).where(Team.id == team_id)) or 0
    if after < pruned_to:
        raise ApiError(409, "snapshot_required", position=pruned_to)
    sizes = session.execute(
        select(Changeset.position, func.length(Changeset.blob))
        .where(Changeset.team_id == team_id, Changeset.position > after)
        .order_by(Changeset.position)
        .limit(limit)
    ).all()
    last, total = after, 0
    for position, size in sizes:
        if total and total + size > max_bytes:
            break
        last, total = position, total + size
    # Plain rows, not ORM objects: a pull is the server's hottest path.
    rows = list(
        session.execute(
            select(
                Changeset.position,
                Changeset.device_id,
                Changeset.seq,
                Changeset.hlc_min,
                Changeset.hlc_max,
                Changeset.prev,
                Changeset.op_count,
                Changeset.blob,
            )
            .where(
                Changeset.team_id == team_id,
                Changeset.position > after,
                Changeset.position <= last,
            )
            .order_by(Changeset.position)
        )
    )
    head = session.scalar(select(Team.next_position).where(Team.id == team_id))
    return rows, (head or 1) - 1
