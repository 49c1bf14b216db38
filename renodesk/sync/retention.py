"""What the whole team has seen, and so what may go: old tombstones and old changesets.

After every sync each device writes a small marker in its own folder,
``devices/<device>/seen.rda`` (encrypted and authenticated under the team key, like a
changeset): up to which sequence number and clock it has applied every other device's
changesets, and how far its own go. From the markers a laptop knows what the team has
seen:

- a tombstone is removed once it is older than the horizon (180 days) *and* every
  active device has seen the delete (its marker's clock for the deleting device, which
  ends every clock, is at or past the tombstone's clock);
- after writing a snapshot, a device removes its *own* changeset files that the snapshot
  covers and every active device has read; never another device's files.

A known device (a folder in the share, or a device this laptop has read) holds all of
this back until its marker says it has caught up; one without a marker always does.
Only a device whose marker is older than the horizon (a laptop away for half a year,
or retired) no longer holds the team back. When it returns and a file it needs is
gone, it starts again from the newest snapshot (see ``snapshot.rebase``) instead of
bringing deleted records back; what it typed and had not sent is applied on top.
"""

from __future__ import annotations

import json
import os
import struct
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from sqlalchemy import Connection

from renodesk.core.workspace import Workspace, read_meta, write_meta
from renodesk.sync.clock import Hlc
from renodesk.sync.folder import TeamFolder

#: Tombstones live at least this long; a device silent for longer no longer counts.
HORIZON = timedelta(days=180)
#: A marker that says nothing new is still rewritten this often.
REFRESH = timedelta(days=1)
MAGIC = b"RDA1"
#: Workspace meta key: {device: [last seq, last clock]} of every device read here.
SEEN_KEY = "sync_seen"


@dataclass(frozen=True)
class Marker:
    """One device's acknowledgement: what it had applied when it last synced."""

    device: str
    at: datetime  # UTC
    own_seq: int  # its own changesets: 1..own_seq are published
    seen: dict[str, tuple[int, str]]  # other device -> (last seq applied, its last clock)

    def has_seen(self, clock: str) -> bool:
        """True when this device has applied the operation with this clock."""
        origin = Hlc.unpack(clock).node
        if origin == self.device:
            return True
        return self.seen.get(origin, (0, ""))[1] >= clock


def encode_marker(key: bytes, team: str, marker: Marker) -> bytes:
    body = json.dumps({"device": marker.device, "at": marker.at.isoformat(),
                       "own_seq": marker.own_seq,
                       "seen": {d: list(v) for d, v in sorted(marker.seen.items())}},
                      separators=(",", ":")).encode()
    nonce = os.urandom(12)
    aad = MAGIC + team.encode() + marker.device.encode()
    return MAGIC + nonce + AESGCM(key).encrypt(nonce, body, aad)


def decode_marker(key: bytes, team: str, device: str, blob: bytes) -> Marker | None:
    """The marker of ``device``, or None when it is damaged, foreign or someone else's."""
    if len(blob) < 4 + 12 + 16 or blob[:4] != MAGIC:
        return None
    try:
        plain = AESGCM(key).decrypt(blob[4:16], blob[16:],
                                    MAGIC + team.encode() + device.encode())
        data = json.loads(plain)
        marker = Marker(str(data["device"]), datetime.fromisoformat(data["at"]),
                        int(data["own_seq"]),
                        {str(d): (int(v[0]), str(v[1])) for d, v in data["seen"].items()})
    except (InvalidTag, ValueError, KeyError, TypeError, IndexError, struct.error):
        return None
    return marker if marker.device == device else None


def seen_here(conn: Connection) -> dict[str, tuple[int, str]]:
    raw = read_meta(conn, SEEN_KEY)
    return {d: (int(v[0]), str(v[1])) for d, v in json.loads(raw).items()} if raw else {}


def record_seen(conn: Connection, device: str, seq: int, clock: str) -> None:
    """Remember (in the caller's transaction) that changeset ``seq`` of ``device``,
    whose newest operation has ``clock``, is applied here."""
    seen = seen_here(conn)
    seen[device] = (seq, max(clock, seen.get(device, (0, ""))[1]))
    write_meta(conn, SEEN_KEY, json.dumps(seen, separators=(",", ":")))


def replace_seen(conn: Connection, seen: dict[str, tuple[int, str]]) -> None:
    write_meta(conn, SEEN_KEY, json.dumps(seen, separators=(",", ":")))


def active(markers: dict[str, Marker | None], now: datetime) -> dict[str, Marker | None]:
    """Known devices that still hold the team back: all but those silent past the horizon.
    A device without a (readable) marker holds back."""
    return {d: m for d, m in markers.items() if m is None or now - m.at <= HORIZON}


def purge_tombstones(conn: Connection, markers: dict[str, Marker | None],
                     now: datetime) -> int:
    """Remove tombstones older than the horizon that every active device has seen."""
    holding = active(markers, now)
    if any(m is None for m in holding.values()):
        return 0
    old = conn.exec_driver_sql(
        "SELECT entity, row_id, hlc FROM sync_tombstone WHERE hlc < ?",
        (horizon_clock(now),)).all()
    gone = [(entity, row_id) for entity, row_id, clock in old
            if all(m is not None and m.has_seen(clock) for m in holding.values())]
    if gone:
        conn.exec_driver_sql("DELETE FROM sync_tombstone WHERE entity = ? AND row_id = ?", gone)
    return len(gone)


def horizon_clock(now: datetime) -> str:
    """Operations with a clock below this one are older than the horizon."""
    return f"{int((now - HORIZON).timestamp() * 1000):015d}"


def purge_tombstones_before(conn: Connection, clock: str) -> int:
    """Remove the tombstones with a clock below ``clock`` (a team on a server: what every
    active device has applied and is older than the horizon, see ``server_retention``)."""
    gone = conn.exec_driver_sql("DELETE FROM sync_tombstone WHERE hlc < ?", (clock,))
    return int(gone.rowcount or 0)


def removable_own_files(me: str, covered: int, markers: dict[str, Marker | None],
                        now: datetime) -> int:
    """Up to which of its own changesets a device may remove: those its snapshot covers
    (``covered``) and every active device has applied. 0 when any holds back."""
    upto = covered
    for device, marker in active(markers, now).items():
        if device == me:
            continue
        if marker is None:
            return 0
        upto = min(upto, marker.seen.get(me, (0, ""))[0])
    return upto


def acknowledge_and_tidy(ws: Workspace, folder: TeamFolder, key: bytes, team: str,
                         now: datetime | None = None, own: int | None = None) -> int:
    """After a sync that went through: write this device's marker, then remove the
    tombstones the whole team has seen. Returns how many tombstones went.

    ``own``: up to which of this device's changesets are in ``folder`` when they were
    copied there rather than written by the sync itself (others take a higher number for
    files that are gone and start again from a snapshot)."""
    now = now or datetime.now(UTC)
    me = ws.device_id
    with ws.engine.connect() as conn:
        seen = seen_here(conn)
        if own is None:
            pending = read_meta(conn, "sync_pending_seq")
            own = int(pending) - 1 if pending else int(read_meta(conn, "sync_out_seq") or 0)
        known = set(folder.device_ids()) | set(
            conn.exec_driver_sql("SELECT device_id FROM sync_peer").scalars())
    known -= {me, *folder.revoked}
    blob = folder.read_marker(me)
    written = None if blob is None else decode_marker(key, team, me, blob)
    if written is None or (written.own_seq, written.seen) != (own, seen) or (
            now - written.at > REFRESH):
        # Only when something changed (or once a day, so the team knows this laptop is
        # still around): a cloud client uploads every rewrite.
        folder.write_marker(me, encode_marker(key, team, Marker(me, now, own, seen)))
    markers = team_markers(folder, key, team, known)
    with ws.exclusive(), ws.engine.begin() as conn:
        return purge_tombstones(conn, markers, now)


def remove_covered_changesets(ws: Workspace, folder: TeamFolder, key: bytes, team: str,
                              covered: int, now: datetime | None = None) -> int:
    """After a snapshot covering this device's changesets 1..``covered``: remove those
    every active device has applied too. Returns how many files went."""
    now = now or datetime.now(UTC)
    me = ws.device_id
    with ws.engine.connect() as conn:
        known = set(folder.device_ids()) | set(
            conn.exec_driver_sql("SELECT device_id FROM sync_peer").scalars())
    known -= {me, *folder.revoked}
    upto = removable_own_files(me, covered, team_markers(folder, key, team, known), now)
    return folder.remove_own_changesets(me, upto) if upto > 0 else 0


def team_markers(folder: TeamFolder, key: bytes, team: str,
                 known: set[str]) -> dict[str, Marker | None]:
    """The marker of every known device (None where it is missing or unreadable)."""
    found: dict[str, Marker | None] = {}
    for device in sorted(known):
        blob = folder.read_marker(device)
        found[device] = None if blob is None else decode_marker(key, team, device, blob)
    return found
