"""A team: the shared folder, its ``team.json`` and the team key.

The team key is random (32 bytes). ``team.json`` holds it wrapped with AES-256-GCM
under a key derived with scrypt from the team passphrase; a coach enters the
passphrase once, after which the key lives in the OS keyring (or, where no keyring
is usable, inside the encrypted workspace database). Never in plain text on disk.
"""

from __future__ import annotations

import json
import os
import re
import secrets
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from renodesk.core.errors import RenoDeskError
from renodesk.core.workspace import Workspace, read_meta, write_meta
from renodesk.security import keys

TEAM_FILE = "team.json"
TEAM_FORMAT = 1
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


def _aad(team_id: str) -> bytes:
    return f"renodesk-team-key|{team_id}".encode()


@dataclass(frozen=True)
class TeamFile:
    """What ``team.json`` holds: the team's identity and its wrapped key (no secrets)."""

    team_id: str
    name: str
    salt: str
    nonce: str
    wrapped: str
    created: str

    def to_json(self) -> dict[str, Any]:
        return {"format": TEAM_FORMAT, "team_id": self.team_id, "name": self.name,
                "created": self.created,
                "kdf": {"alg": "scrypt", "n": keys.SCRYPT_N, "r": keys.SCRYPT_R,
                        "p": keys.SCRYPT_P, "salt": self.salt},
                "key": {"alg": "AES-256-GCM", "nonce": self.nonce, "wrapped": self.wrapped}}

    @classmethod
    def read(cls, path: Path) -> TeamFile:
        """Read and check ``team.json``; a missing or damaged file stops the sync."""
        try:
            data = json.loads(path.read_text("utf-8"))
            if data.get("format") != TEAM_FORMAT:
                raise ValueError("format")
            return cls(str(data["team_id"]), str(data["name"]), str(data["kdf"]["salt"]),
                       str(data["key"]["nonce"]), str(data["key"]["wrapped"]),
                       str(data.get("created", "")))
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
            return AESGCM(wrapping).decrypt(bytes.fromhex(self.nonce), bytes.fromhex(self.wrapped),
                                            _aad(self.team_id))
        except (InvalidTag, ValueError) as exc:
            raise RenoDeskError("sync.error.wrong_team_passphrase") from exc


@dataclass(frozen=True)
class Team:
    """This workspace's team: where its folder is and the key of its files."""

    folder: Path
    slug: str
    team_id: str
    name: str
    key: bytes

    @property
    def root(self) -> Path:
        return team_root(self.folder, self.slug)


def create_team(ws: Workspace, store: keys.SecretStore | None, folder: Path, name: str,
                passphrase: str) -> Team:
    """Make a new team in ``folder`` and make this workspace its first member."""
    if len(passphrase) < keys.MIN_PASSPHRASE:
        raise RenoDeskError("sync.error.team_passphrase_short", minimum=keys.MIN_PASSPHRASE)
    if not folder.is_dir():
        raise RenoDeskError("sync.error.folder_missing", path=str(folder))
    slug = team_slug(name)
    root = team_root(folder, slug)
    if (root / TEAM_FILE).exists():
        raise RenoDeskError("sync.error.team_exists", name=slug, path=str(root))
    team_key = secrets.token_bytes(32)
    team_id = secrets.token_hex(16)
    salt = secrets.token_hex(16)
    nonce = secrets.token_bytes(12)
    wrapped = AESGCM(keys.derive_key(passphrase, salt)).encrypt(nonce, team_key, _aad(team_id))
    info = TeamFile(team_id, name.strip(), salt, nonce.hex(), wrapped.hex(),
                    datetime.now(UTC).isoformat(timespec="seconds"))
    (root / "devices").mkdir(parents=True, exist_ok=True)
    tmp = root / f".{TEAM_FILE}.tmp"
    with open(tmp, "w", encoding="utf-8") as handle:
        json.dump(info.to_json(), handle, indent=2)
        handle.flush()
        os.fsync(handle.fileno())
    os.replace(tmp, root / TEAM_FILE)
    team = Team(folder, slug, team_id, info.name, team_key)
    _remember(ws, store, team)
    return team


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
    team = Team(folder, slug, info.team_id, info.name, info.unwrap(passphrase))
    _remember(ws, store, team)
    return team


def _remember(ws: Workspace, store: keys.SecretStore | None, team: Team) -> None:
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


def load_team(ws: Workspace, store: keys.SecretStore | None) -> Team:
    """This workspace's team; raises when it has not joined one or the key is gone."""
    with ws.engine.connect() as conn:
        meta = {k: read_meta(conn, k) for k in ("sync_folder", "sync_team_dir", "sync_team_id",
                                                 "sync_team_name", "sync_key_store",
                                                 "sync_team_key")}
    if not meta["sync_team_id"] or not meta["sync_folder"] or not meta["sync_team_dir"]:
        raise RenoDeskError("sync.error.no_team")
    if meta["sync_key_store"] == "keyring":
        stored = store.get(KEY_NAME) if store is not None else None
    else:
        stored = meta["sync_team_key"]
    if not stored:
        raise RenoDeskError("sync.error.team_key_missing")
    return Team(Path(meta["sync_folder"]), meta["sync_team_dir"], meta["sync_team_id"],
                meta["sync_team_name"] or "", bytes.fromhex(stored))
