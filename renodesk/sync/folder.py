"""The shared-folder transport: ``<folder>/renodesk/<team>/devices/<device>/<seq>.rdc``.

Each device writes only its own folder. Files are immutable: written to a temporary
name, flushed and fsynced, then renamed into place, so a reader sees a whole file or
none. Readers accept only exact file names; anything else there (a "conflicted copy"
made by a cloud client, a stray download) is reported and left alone, never deleted.
A folder or ``team.json`` that cannot be read stops the sync: it never means "deleted".
A ``team.json`` with a newer team key stops it too, before anything is sent under the
old key; an older one (a copy put back, the loser of two rotations at once) is replaced
by the one this laptop holds.
"""

from __future__ import annotations

import os
import re
import secrets
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from renodesk.core.errors import RenoDeskError
from renodesk.sync.changeset import file_name
from renodesk.sync.team import TEAM_FILE, Team, TeamFile, team_root, write_team_file

CHANGESET_NAME = re.compile(r"^(\d{12})\.rdc$")
DEVICE_NAME = re.compile(r"^[0-9a-f]{32}$")
SNAPSHOT_NAME = re.compile(r"^([0-9a-f]{32})\.rds$")
TEMP_PREFIX = "."
#: Each device's acknowledgement marker in its own folder (see ``sync.retention``).
MARKER_NAME = "seen.rda"


@dataclass(frozen=True)
class Stray:
    """A file in a device folder that is not a changeset name we accept."""

    device: str
    name: str


def unreachable(path: Path, exc: OSError) -> RenoDeskError:
    return RenoDeskError("sync.error.folder_unreachable", path=str(path),
                         detail=exc.strerror or str(exc))


class TeamFolder:
    """One team's folder on a network drive or a cloud-synced folder."""

    def __init__(self, folder: Path, slug: str, revoked: Iterable[str] = ()) -> None:
        self.folder = folder
        self.root = team_root(folder, slug)
        #: Devices taken out of the team: they no longer hold back what the team may tidy.
        self.revoked = frozenset(revoked)
        self.devices = self.root / "devices"
        self.snapshots = self.root / "snapshots"

    def check(self, team: Team) -> None:
        """Stop unless the folder, ``team.json`` and the devices folder are all there and
        ``team.json`` holds this laptop's team key (see the module docstring)."""
        if not self.folder.is_dir():
            raise RenoDeskError("sync.error.folder_missing", path=str(self.folder))
        info = TeamFile.read(self.root / TEAM_FILE)
        if info.team_id != team.team_id:
            raise RenoDeskError("sync.error.other_team")
        if info.order > team.order:
            raise RenoDeskError("sync.error.team_key_replaced")
        if info.order < team.order and team.document:
            # Highest epoch, then highest key id wins: every laptop decides alike.
            write_team_file(self.root / TEAM_FILE, team.document)
        if not self.devices.is_dir():
            raise RenoDeskError("sync.error.folder_missing", path=str(self.devices))

    def device_ids(self) -> list[str]:
        try:
            return sorted(p.name for p in self.devices.iterdir()
                          if p.is_dir() and DEVICE_NAME.match(p.name))
        except OSError as exc:
            raise unreachable(self.devices, exc) from exc

    def scan(self, device: str) -> tuple[dict[int, Path], list[Stray]]:
        """Changeset files of one device by sequence, and names we do not accept."""
        found: dict[int, Path] = {}
        strays: list[Stray] = []
        folder = self.devices / device
        try:
            entries = list(os.scandir(folder))
        except OSError as exc:
            raise unreachable(folder, exc) from exc
        for entry in entries:
            if entry.is_dir() or entry.name.startswith(TEMP_PREFIX) or entry.name == MARKER_NAME:
                continue  # sub-folders, files still being written, the device's marker
            match = CHANGESET_NAME.match(entry.name)
            if match:
                found[int(match.group(1))] = Path(entry.path)
            else:
                strays.append(Stray(device, entry.name))
        return found, strays

    def read(self, path: Path) -> bytes:
        try:
            return path.read_bytes()
        except OSError as exc:
            raise unreachable(path, exc) from exc

    def changeset_path(self, device: str, seq: int) -> Path:
        return self.devices / device / file_name(seq)

    def publish(self, device: str, seq: int, blob: bytes) -> Path:
        """Write one immutable changeset of this device (temp name, fsync, rename)."""
        target = self.changeset_path(device, seq)
        if target.exists():
            if self.read(target) == blob:
                return target
            raise RenoDeskError("sync.error.seq_taken", path=str(target))
        write_atomically(target, blob)
        return target

    def read_marker(self, device: str) -> bytes | None:
        """A device's acknowledgement marker, or None when it has none (yet)."""
        path = self.devices / device / MARKER_NAME
        try:
            return path.read_bytes()
        except FileNotFoundError:
            return None
        except OSError as exc:
            raise unreachable(path, exc) from exc

    def write_marker(self, device: str, blob: bytes) -> None:
        """Replace this device's marker (only ever written by the device itself)."""
        write_atomically(self.devices / device / MARKER_NAME, blob)

    def remove_own_changesets(self, device: str, upto: int) -> int:
        """Remove this device's changesets 1..``upto`` (covered by its snapshot and read
        by every active device). Returns how many files went."""
        found, _strays = self.scan(device)
        removed = 0
        for seq, path in sorted(found.items()):
            if seq > upto:
                break
            try:
                path.unlink()
            except FileNotFoundError:
                continue
            except OSError as exc:
                raise unreachable(path, exc) from exc
            removed += 1
        return removed

    def snapshot_path(self, device: str) -> Path:
        return self.snapshots / f"{device}.rds"

    def snapshot_paths(self) -> list[Path]:
        if not self.snapshots.is_dir():
            return []
        try:
            return sorted(p for p in self.snapshots.iterdir() if SNAPSHOT_NAME.match(p.name))
        except OSError as exc:
            raise unreachable(self.snapshots, exc) from exc


def write_atomically(target: Path, blob: bytes) -> None:
    """Temp file in the same folder, flushed and fsynced, then renamed over ``target``."""
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        tmp = target.with_name(f"{TEMP_PREFIX}{target.name}.{secrets.token_hex(4)}.tmp")
        with open(tmp, "wb") as handle:
            handle.write(blob)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, target)
        if hasattr(os, "O_DIRECTORY"):
            fd = os.open(target.parent, os.O_DIRECTORY)
            try:
                os.fsync(fd)
            finally:
                os.close(fd)
    except OSError as exc:
        raise unreachable(target.parent, exc) from exc
