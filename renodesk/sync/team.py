"""A team: the shared folder, its ``team.json`` and the team key.

The team key is random (32 bytes). ``team.json`` holds it wrapped with AES-256-GCM
under a key derived with scrypt from the team passphrase; a coach enters the
passphrase once, after which the key lives in the OS keyring (or, where no keyring
is usable, inside the encrypted workspace database). Never in plain text on disk.

After a lost laptop the key is replaced (``rotation``): ``team.json`` then names a key
*epoch* and a key id, and carries a rotation record sealed under the new key: the
replaced keys (so older files stay readable to members and a new laptop can start),
per device the last changeset each replaced key is accepted for, and the devices taken
out of the team. A laptop keeps the ``team.json`` it joined with, so it can tell a
newer key (ask the coach for the new passphrase) from an older file put back.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import secrets
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from renodesk.core.errors import RenoDeskError
from renodesk.core.workspace import Workspace, read_meta, write_meta
from renodesk.security import keys
from renodesk.sync.changeset import ChangesetError, ChangesetHeader

TEAM_FILE = "team.json"
TEAM_FORMAT = 1
#: A team whose key was replaced: older RenoDesk versions stop instead of guessing.
ROTATED_FORMAT = 2
KEY_NAME = "team-key"
_SLUG = re.compile(r"[^a-z0-9]+")


def team_slug(name: str) -> str:
    """The folder name of a team: lower-case letters, digits and dashes."""
    slug = _SLUG.sub("-", name.strip().lower()).strip("-")[:40]
    if not slug:
        raise RenoDeskError("sync.error.bad_team_name", name=name)
    return slug


def team_root(folder: Path, slug: str) -> Path:
    return folder / "renodesk" / slug


def _aad(team_id: str, epoch: int = 1, kid: str = "") -> bytes:
    base = f"renodesk-team-key|{team_id}"
    return (base if epoch == 1 else f"{base}|{epoch}|{kid}").encode()


def key_id(key: bytes) -> str:
    """A short public name of a replacement key (the first key of a team has none)."""
    return hashlib.sha256(b"renodesk-key-id|" + key).hexdigest()[:16]


def wrap_key(passphrase: str, team_key: bytes, team_id: str, epoch: int = 1,
             kid: str = "") -> tuple[str, str, str]:
    """(salt, nonce, wrapped) of ``team_key`` under a key derived from ``passphrase``."""
    if len(passphrase) < keys.MIN_PASSPHRASE:
        raise RenoDeskError("sync.error.team_passphrase_short", minimum=keys.MIN_PASSPHRASE)
    salt = secrets.token_hex(16)
    nonce = secrets.token_bytes(12)
    wrapped = AESGCM(keys.derive_key(passphrase, salt)).encrypt(
        nonce, team_key, _aad(team_id, epoch, kid))
    return salt, nonce.hex(), wrapped.hex()


def now_text() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


@dataclass(frozen=True)
class TeamFile:
    """What ``team.json`` holds: the team's identity and its wrapped key (no secrets)."""

    team_id: str
    name: str
    salt: str
    nonce: str
    wrapped: str
    created: str
    epoch: int = 1
    kid: str = ""
    #: The rotation record, sealed under this file's key (hex; "" before any rotation).
    rotation: str = ""

    @property
    def order(self) -> tuple[int, str]:
        """Of two team files the newer: highest epoch, then highest key id."""
        return self.epoch, self.kid

    def to_json(self) -> dict[str, Any]:
        data: dict[str, Any] = {
            "format": TEAM_FORMAT if self.epoch == 1 else ROTATED_FORMAT,
            "team_id": self.team_id, "name": self.name, "created": self.created,
            "kdf": {"alg": "scrypt", "n": keys.SCRYPT_N, "r": keys.SCRYPT_R,
                    "p": keys.SCRYPT_P, "salt": self.salt},
            "key": {"alg": "AES-256-GCM", "nonce": self.nonce, "wrapped": self.wrapped}}
        if self.epoch > 1:
            data.update(epoch=self.epoch, key_id=self.kid, rotation=self.rotation)
        return data

    def text(self) -> str:
        return json.dumps(self.to_json(), indent=2)

    @classmethod
    def parse(cls, text: str) -> TeamFile:
        """A team file from its JSON text; ValueError, KeyError or TypeError when damaged."""
        data = json.loads(text)
        if data.get("format") not in (TEAM_FORMAT, ROTATED_FORMAT):
            raise ValueError("format")
        epoch = int(data.get("epoch", 1))
        kid = str(data.get("key_id", ""))
        if epoch < 1 or (epoch > 1) != bool(kid) or (data["format"] == TEAM_FORMAT) != (
                epoch == 1):
            raise ValueError("epoch")
        return cls(str(data["team_id"]), str(data["name"]), str(data["kdf"]["salt"]),
                   str(data["key"]["nonce"]), str(data["key"]["wrapped"]),
                   str(data.get("created", "")), epoch, kid, str(data.get("rotation", "")))

    @classmethod
    def read(cls, path: Path) -> TeamFile:
        """Read and check ``team.json``; a missing or damaged file stops the sync."""
        try:
            return cls.parse(path.read_text("utf-8"))
        except FileNotFoundError as exc:
            raise RenoDeskError("sync.error.team_file_missing", path=str(path)) from exc
        except OSError as exc:
            raise RenoDeskError("sync.error.folder_unreachable", path=str(path),
                                detail=exc.strerror or str(exc)) from exc
        except (ValueError, KeyError, TypeError) as exc:
            raise RenoDeskError("sync.error.team_file_damaged", path=str(path)) from exc

    def unwrap(self, passphrase: str) -> bytes:
        wrapping = keys.derive_key(passphrase, self.salt)
        try:
            key = AESGCM(wrapping).decrypt(bytes.fromhex(self.nonce), bytes.fromhex(self.wrapped),
                                           _aad(self.team_id, self.epoch, self.kid))
        except (InvalidTag, ValueError) as exc:
            raise RenoDeskError("sync.error.wrong_team_passphrase") from exc
        if self.epoch > 1 and key_id(key) != self.kid:
            raise RenoDeskError("sync.error.team_file_damaged", path=TEAM_FILE)
        return key


@dataclass(frozen=True)
class RetiredKey:
    """A replaced team key: files under it are read only up to ``limits`` per device
    (what the replacing laptop had read of each device when it replaced the key)."""

    epoch: int
    kid: str
    key: bytes
    limits: Mapping[str, int]


@dataclass(frozen=True)
class Rotation:
    """What a key rotation tells the team, sealed under the new key in ``team.json``."""

    retired: tuple[RetiredKey, ...]
    #: Devices taken out of the team: nothing of theirs after this sequence is read.
    revoked: Mapping[str, int]
    by: str
    at: str

    def seal(self, key: bytes, team_id: str, epoch: int, kid: str) -> str:
        body = json.dumps({
            "retired": [{"epoch": r.epoch, "key_id": r.kid, "key": r.key.hex(),
                         "limits": dict(sorted(r.limits.items()))} for r in self.retired],
            "revoked": dict(sorted(self.revoked.items())), "by": self.by, "at": self.at},
            separators=(",", ":")).encode()
        nonce = secrets.token_bytes(12)
        return (nonce + AESGCM(key).encrypt(nonce, body, _rotation_aad(team_id, epoch, kid))).hex()

    @classmethod
    def unseal(cls, sealed: str, key: bytes, info: TeamFile) -> Rotation:
        try:
            raw = bytes.fromhex(sealed)
            plain = AESGCM(key).decrypt(raw[:12], raw[12:],
                                        _rotation_aad(info.team_id, info.epoch, info.kid))
            data = json.loads(plain)
            retired = tuple(RetiredKey(int(r["epoch"]), str(r["key_id"]), bytes.fromhex(r["key"]),
                                       {str(d): int(n) for d, n in r["limits"].items()})
                            for r in data["retired"])
            return cls(retired, {str(d): int(n) for d, n in data["revoked"].items()},
                       str(data["by"]), str(data["at"]))
        except (InvalidTag, ValueError, KeyError, TypeError) as exc:
            raise RenoDeskError("sync.error.team_file_damaged", path=TEAM_FILE) from exc


def _rotation_aad(team_id: str, epoch: int, kid: str) -> bytes:
    return f"renodesk-team-rotation|{team_id}|{epoch}|{kid}".encode()


@dataclass(frozen=True)
class Team:
    """This workspace's team: where its folder is and the key of its files."""

    folder: Path
    slug: str
    team_id: str
    name: str
    key: bytes
    epoch: int = 1
    kid: str = ""
    retired: tuple[RetiredKey, ...] = ()
    revoked: Mapping[str, int] = field(default_factory=dict)
    #: The ``team.json`` this laptop holds the key of ("" for a team joined before
    #: RenoDesk knew rotations: then it is the first key, epoch 1).
    document: str = ""

    @property
    def root(self) -> Path:
        return team_root(self.folder, self.slug)

    @property
    def order(self) -> tuple[int, str]:
        return self.epoch, self.kid

    def key_for(self, header: ChangesetHeader) -> bytes:
        """The key a changeset may be opened with; ChangesetError when the team no longer
        accepts it (a removed device, or a replaced key used after its limit)."""
        limit = self.revoked.get(header.device)
        if limit is not None and header.seq > limit:
            raise ChangesetError("revoked", header.device)
        if (header.epoch, header.kid) == self.order:
            return self.key
        for old in self.retired:
            if (header.epoch, header.kid) == (old.epoch, old.kid):
                if header.seq > old.limits.get(header.device, 0):
                    raise ChangesetError("stale_key", f"{header.epoch}/{header.seq}")
                return old.key
        raise ChangesetError("unknown_key", f"{header.epoch}/{header.kid}")

    def accepts(self, header: ChangesetHeader) -> bool:
        """True when a changeset with this header may be read (before decrypting it)."""
        try:
            self.key_for(header)
        except ChangesetError:
            return False
        return True


def new_team_file(team_id: str, name: str, passphrase: str) -> tuple[TeamFile, bytes]:
    """A new random team key and the ``team.json`` that holds it wrapped with
    ``passphrase`` (too short a passphrase is refused)."""
    team_key = secrets.token_bytes(32)
    salt, nonce, wrapped = wrap_key(passphrase, team_key, team_id)
    return TeamFile(team_id, name, salt, nonce, wrapped, now_text()), team_key


def create_team(ws: Workspace, store: keys.SecretStore | None, folder: Path, name: str,
                passphrase: str) -> Team:
    """Make a new team in ``folder`` and make this workspace its first member."""
    if not folder.is_dir():
        raise RenoDeskError("sync.error.folder_missing", path=str(folder))
    slug = team_slug(name)
    root = team_root(folder, slug)
    if (root / TEAM_FILE).exists():
        raise RenoDeskError("sync.error.team_exists", name=slug, path=str(root))
    info, team_key = new_team_file(secrets.token_hex(16), name.strip(), passphrase)
    (root / "devices").mkdir(parents=True, exist_ok=True)
    write_team_file(root / TEAM_FILE, info.text())
    team = Team(folder, slug, info.team_id, info.name, team_key, document=info.text())
    remember(ws, store, team)
    return team


def write_team_file(target: Path, text: str) -> None:
    """Replace ``team.json`` as a whole: a temporary name, flushed, then renamed."""
    tmp = target.with_name(f".{target.name}.{secrets.token_hex(4)}.tmp")
    try:
        with open(tmp, "w", encoding="utf-8") as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, target)
    except OSError as exc:
        raise RenoDeskError("sync.error.folder_unreachable", path=str(target.parent),
                            detail=exc.strerror or str(exc)) from exc


def find_team(folder: Path, name: str | None) -> str:
    """The team folder to join: the one named, or the only one there is."""
    if name:
        return team_slug(name)
    base = folder / "renodesk"
    try:
        found = sorted(p.name for p in base.iterdir() if (p / TEAM_FILE).is_file())
    except OSError as exc:
        raise RenoDeskError("sync.error.no_team_in_folder", path=str(folder)) from exc
    if len(found) != 1:
        key = "sync.error.no_team_in_folder" if not found else "sync.error.several_teams"
        raise RenoDeskError(key, path=str(folder), teams=", ".join(found))
    return found[0]


def join_team(ws: Workspace, store: keys.SecretStore | None, folder: Path,
              passphrase: str, name: str | None = None) -> Team:
    """Join the team in ``folder`` with its passphrase (asked once)."""
    if not folder.is_dir():
        raise RenoDeskError("sync.error.folder_missing", path=str(folder))
    slug = find_team(folder, name)
    info = TeamFile.read(team_root(folder, slug) / TEAM_FILE)
    current = ws.meta("sync_team_id")
    if current and current != info.team_id:
        raise RenoDeskError("sync.error.other_team")
    team = open_team(folder, slug, info, info.unwrap(passphrase))
    remember(ws, store, team)
    return team


def open_team(folder: Path, slug: str, info: TeamFile, key: bytes) -> Team:
    """The team of ``info`` with its unwrapped key (and, after a rotation, the keys it
    replaced, unsealed from the rotation record)."""
    if info.epoch > 1 and key_id(key) != info.kid:
        raise RenoDeskError("sync.error.team_key_missing")
    rotation = Rotation.unseal(info.rotation, key, info) if info.epoch > 1 else None
    return Team(folder, slug, info.team_id, info.name, key, info.epoch, info.kid,
                rotation.retired if rotation else (), rotation.revoked if rotation else {},
                info.text())


def remember(ws: Workspace, store: keys.SecretStore | None, team: Team) -> None:
    """Keep the team on this laptop: its key in the keyring (or the encrypted workspace),
    where it syncs and its ``team.json`` in the workspace."""
    use_keyring = store is not None and keys.keyring_usable()
    if use_keyring:
        assert store is not None
        store.put(KEY_NAME, team.key.hex())
    with ws.engine.begin() as conn:
        write_meta(conn, "sync_folder", str(team.folder))
        write_meta(conn, "sync_team_dir", team.slug)
        write_meta(conn, "sync_team_id", team.team_id)
        write_meta(conn, "sync_team_name", team.name)
        write_meta(conn, "sync_key_store", "keyring" if use_keyring else "workspace")
        # The workspace database is itself encrypted (SQLCipher), so the key is not in
        # plain text on disk when no keyring can keep it.
        write_meta(conn, "sync_team_key", "" if use_keyring else team.key.hex())
        write_meta(conn, "sync_team_json", team.document)


def current_team(ws: Workspace, store: keys.SecretStore | None) -> Team | None:
    """This laptop's team, or None before it set up or joined one."""
    if not ws.meta("sync_team_id"):
        return None
    return load_team(ws, store)


def load_team(ws: Workspace, store: keys.SecretStore | None) -> Team:
    """This workspace's team; raises when it has not joined one or the key is gone."""
    with ws.engine.connect() as conn:
        meta = {k: read_meta(conn, k) for k in ("sync_folder", "sync_team_dir", "sync_team_id",
                                                 "sync_team_name", "sync_key_store",
                                                 "sync_team_key", "sync_team_json")}
    if not meta["sync_team_id"] or not meta["sync_folder"] or not meta["sync_team_dir"]:
        raise RenoDeskError("sync.error.no_team")
    if meta["sync_key_store"] == "keyring":
        stored = store.get(KEY_NAME) if store is not None else None
    else:
        stored = meta["sync_team_key"]
    if not stored:
        raise RenoDeskError("sync.error.team_key_missing")
    folder, slug = Path(meta["sync_folder"]), meta["sync_team_dir"]
    if meta["sync_team_json"]:
        return open_team(folder, slug, TeamFile.parse(meta["sync_team_json"]),
                         bytes.fromhex(stored))
    return Team(folder, slug, meta["sync_team_id"], meta["sync_team_name"] or "",
                bytes.fromhex(stored))
