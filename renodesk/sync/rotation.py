"""Replacing the team key after a lost laptop, and taking up a key replaced elsewhere.

Rotating (``rotate``): a laptop of the team that has just synced makes a new random key
(epoch + 1), wraps it with a new team passphrase and writes a new ``team.json`` with a
rotation record sealed under the new key: every replaced key, and per device the last
changeset this laptop had read of it (what each replaced key is accepted for from then
on), and the devices taken out of the team. Then it writes its snapshot under the new
key, so a new laptop can start from it.

A stolen laptop holds the old key only: whatever it writes afterwards is under the old
key past its limit (set aside as ``stale_key``), or from a removed device (``revoked``),
or fails authentication. It cannot unwrap the new key, nor read files under it.

Taking up a new key (``take_up``, after the coach typed the new passphrase): this
laptop's own changesets that the team no longer accepts (written under the old key after
its limit, before it knew of the rotation, or under the key of a rotation that lost to
one made at the same time) are sealed again under the new key with the same numbers and
operations; and where it had read another laptop's files that the team no longer
accepts, it reads that laptop on from the last accepted one, so the files that laptop
seals again arrive (what was applied twice changes nothing).
"""

from __future__ import annotations

import secrets
from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import datetime

from sqlalchemy import select, update

from renodesk.core.errors import RenoDeskError
from renodesk.core.workspace import Workspace, read_meta, write_meta
from renodesk.security import keys
from renodesk.storage import oplog
from renodesk.storage.models import SyncPeer
from renodesk.storage.models import table as table_for
from renodesk.sync import retention
from renodesk.sync.changeset import (
    ChangesetError,
    blob_hash,
    encode_changeset,
    read_header,
)
from renodesk.sync.engine import LAST_SYNC_META, SyncRun
from renodesk.sync.folder import TeamFolder, write_atomically
from renodesk.sync.team import (
    TEAM_FILE,
    RetiredKey,
    Rotation,
    Team,
    TeamFile,
    key_id,
    now_text,
    open_team,
    remember,
    wrap_key,
    write_team_file,
)

_peers = table_for(SyncPeer)


@dataclass(frozen=True)
class TeamDevice:
    """A laptop of the team as this laptop knows it (an id, never a person's data)."""

    device_id: str
    #: When it last synced (its marker) or this laptop last read a file of it.
    last_seen: datetime | None
    #: The last of its changesets this laptop has read (for this laptop: has written).
    last_seq: int
    this_laptop: bool
    revoked: bool

    @property
    def short(self) -> str:
        return self.device_id[:8]


def team_devices(ws: Workspace, team: Team) -> list[TeamDevice]:
    """The laptops of the team: those with a folder in the share and those read here."""
    folder = TeamFolder(team.folder, team.slug)
    with ws.engine.connect() as conn:
        peers = {r.device_id: (r.last_seq, r.last_seen_at)
                 for r in conn.execute(select(_peers)).all()}
    known = set(folder.device_ids()) | set(peers) | {ws.device_id}
    markers = retention.team_markers(folder, team.key, team.team_id, known)
    last_sync = ws.meta(LAST_SYNC_META)
    found = []
    for device in sorted(known):
        seq, seen = peers.get(device, (0, None))
        if device == ws.device_id:
            seq = int(ws.meta("sync_out_seq") or 0)
            seen = datetime.fromisoformat(last_sync) if last_sync else None
        marker = markers.get(device)
        if marker is not None:
            synced = marker.at.astimezone().replace(tzinfo=None, microsecond=0)
            seen = max(seen, synced) if seen else synced
        found.append(TeamDevice(device, seen, seq, device == ws.device_id,
                                device in team.revoked))
    return sorted(found, key=lambda d: (not d.this_laptop, d.device_id))


def resolve_devices(devices: list[TeamDevice], wanted: Iterable[str]) -> list[str]:
    """Full device ids for what the coach typed (an id or its first characters)."""
    chosen = []
    for text in wanted:
        text = text.strip().lower()
        matches = [d for d in devices if text and d.device_id.startswith(text)]
        if len(matches) != 1:
            raise RenoDeskError("sync.error.no_such_device", device=text)
        if matches[0].this_laptop:
            raise RenoDeskError("sync.error.revoke_self")
        chosen.append(matches[0].device_id)
    return chosen


def rotate(ws: Workspace, store: keys.SecretStore | None, team: Team, passphrase: str,
           revoke: Iterable[str] = ()) -> Team:
    """Replace the team key (this laptop has just synced); see the module docstring.

    ``revoke``: full ids of devices taken out of the team."""
    folder = TeamFolder(team.folder, team.slug)
    folder.check(team)  # stops when another laptop replaced the key already
    with ws.engine.connect() as conn:
        limits = {r.device_id: r.last_seq for r in conn.execute(select(_peers)).all()}
        out = int(read_meta(conn, "sync_out_seq") or 0)
        pending = read_meta(conn, "sync_pending_seq")
    limits[ws.device_id] = out - 1 if pending else out
    new_key = secrets.token_bytes(32)
    epoch, kid = team.epoch + 1, key_id(new_key)
    rotation = Rotation(
        (*team.retired, RetiredKey(team.epoch, team.kid, team.key, limits)),
        {**team.revoked, **{device: limits.get(device, 0) for device in revoke}},
        ws.device_id, now_text())
    salt, nonce, wrapped = wrap_key(passphrase, new_key, team.team_id, epoch, kid)
    created = TeamFile.parse(team.document).created if team.document else now_text()
    info = TeamFile(team.team_id, team.name, salt, nonce, wrapped, created, epoch, kid,
                    rotation.seal(new_key, team.team_id, epoch, kid))
    folder.check(team)  # a last look: two rotations at once are settled by ``check``
    write_team_file(folder.root / TEAM_FILE, info.text())
    rotated = open_team(team.folder, team.slug, info, new_key)
    remember(ws, store, rotated)
    SyncRun(ws, rotated).write_snapshot()
    return rotated


def take_up(ws: Workspace, team: Team, places: list[TeamFolder]) -> int:
    """After this laptop took up a new team key: seal again what the team no longer
    accepts of its own, and read on from the last accepted file where it read more.
    ``places``: the folders holding changesets (the shared folder, the local store).
    Returns how many of its own changesets were sealed again."""
    sealed = _seal_own_again(ws, team, places)
    _read_again(ws, team, places)
    for place in places:
        # A snapshot under a replaced key no longer counts: write this laptop's anew.
        if place.snapshot_path(ws.device_id).is_file():
            SyncRun(ws, replace(team, folder=place.folder)).write_snapshot()
    return sealed


def _find(places: list[TeamFolder], device: str, seq: int) -> bytes | None:
    for place in places:
        path = place.changeset_path(device, seq)
        if path.is_file():
            return place.read(path)
    return None


def _accepted(team: Team, blob: bytes) -> bool:
    try:
        return team.accepts(read_header(blob))
    except ChangesetError:
        return False


def _seal_own_again(ws: Workspace, team: Team, places: list[TeamFolder]) -> int:
    me = ws.device_id
    present: set[int] = set()
    for place in places:
        if (place.devices / me).is_dir():
            present |= set(place.scan(me)[0])
    # Walk down from the newest: what the team refuses is at the end (written before
    # this laptop knew of the rotation); the first accepted file under a replaced key
    # ends the walk, since everything before it was read by the rotating laptop.
    refused: list[int] = []
    for seq in sorted(present, reverse=True):
        blob = _find(places, me, seq)
        assert blob is not None
        if _accepted(team, blob):
            if read_header(blob).kid != team.kid:
                break
            continue
        refused.append(seq)
    if not refused:
        return 0
    first, last = min(refused), max(present)
    first_blob = _find(places, me, first)
    assert first_blob is not None
    prev = read_header(first_blob).prev
    with ws.exclusive(), ws.engine.begin() as conn:
        for seq in range(first, last + 1):
            ops = oplog.in_changeset(conn, seq)
            if not ops:
                break
            blob = encode_changeset(team.key, team.team_id, me, seq, prev, ops, team.epoch,
                                    team.kid)
            for place in places:
                target = place.changeset_path(me, seq)
                if target.is_file():
                    write_atomically(target, blob)
            prev = blob_hash(blob)
            out = int(read_meta(conn, "sync_out_seq") or 0)
            if seq == (out - 1 if read_meta(conn, "sync_pending_seq") else out):
                write_meta(conn, "sync_out_hash", prev)
    return last - first + 1


def _read_again(ws: Workspace, team: Team, places: list[TeamFolder]) -> None:
    with ws.engine.connect() as conn:
        peers = [(r.device_id, r.last_seq) for r in conn.execute(select(_peers)).all()]
    rewound: dict[str, tuple[int, str]] = {}
    for device, last in peers:
        seq = last
        while seq > 0:
            blob = _find(places, device, seq)
            if blob is None or _accepted(team, blob):
                break
            seq -= 1
        if seq == last:
            continue
        earlier = _find(places, device, seq) if seq else b""
        if earlier is not None:
            rewound[device] = (seq, blob_hash(earlier) if seq else "")
    if rewound:
        with ws.exclusive(), ws.engine.begin() as conn:
            for device, (seq, digest) in rewound.items():
                conn.execute(update(_peers).where(_peers.c.device_id == device)
                             .values(last_seq=seq, last_hash=digest))
