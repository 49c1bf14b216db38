"""Helpers for the erasure tests: read what really is on disk, decrypted, and scan it.

SQLCipher 4 encrypts each 4096-byte page with AES-256-CBC; with a raw key the key is
used as is, and the page's IV sits at the start of its 80 reserved bytes (16 IV, 64
HMAC). Decrypting *every* page of the file and of the WAL, free pages included, shows
whether an erased value still lingers anywhere, which a query never could.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes

from renodesk.app import init_workspace
from renodesk.core.workspace import Workspace
from renodesk.paths import Paths
from renodesk.security.keys import SecretStore, WorkspaceFile, load_key
from renodesk.sync.engine import SyncReport, sync
from renodesk.sync.team import Team, create_team, join_team, load_team

PAGE = 4096
RESERVE = 80
TEAM_PASSPHRASE = "wijkteam-noord-rustig-7"


def _decrypt_page(page: bytes, key: bytes, first: bool) -> bytes:
    body = page[16 if first else 0:PAGE - RESERVE]
    iv = page[PAGE - RESERVE:PAGE - RESERVE + 16]
    decryptor = Cipher(algorithms.AES(key), modes.CBC(iv)).decryptor()
    return decryptor.update(body) + decryptor.finalize()


def decrypted_database(path: Path, key: bytes) -> bytes:
    """Every page of a SQLCipher database file, decrypted (free pages too)."""
    if not path.exists():
        return b""
    data = path.read_bytes()
    return b"".join(_decrypt_page(data[i:i + PAGE], key, i == 0)
                    for i in range(0, len(data) - PAGE + 1, PAGE))


def decrypted_wal(path: Path, key: bytes) -> bytes:
    """Every frame of a WAL file, decrypted (also frames already checkpointed)."""
    if not path.exists():
        return b""
    data = path.read_bytes()
    pages = []
    position = 32  # WAL header
    while position + 24 + PAGE <= len(data):
        number = int.from_bytes(data[position:position + 4], "big")
        pages.append(_decrypt_page(data[position + 24:position + 24 + PAGE], key, number == 1))
        position += 24 + PAGE
    return b"".join(pages)


def everything_on_disk(paths: Paths) -> bytes:
    """Raw and decrypted bytes of the database, its WAL and every backup."""
    key = load_key(paths.workspace_file)
    found = []
    files = [paths.database, *sorted(paths.backups.glob("*.db"))]
    for database in files:
        wal = database.with_name(database.name + "-wal")
        found += [database.read_bytes() if database.exists() else b"",
                  wal.read_bytes() if wal.exists() else b"",
                  decrypted_database(database, key), decrypted_wal(wal, key)]
    return b"".join(found)


def holds(blob: bytes, text: str) -> bool:
    return any(text.encode(enc) in blob for enc in ("utf-8", "utf-16-le"))


@dataclass
class Laptop:
    paths: Paths
    ws: Workspace
    store: SecretStore

    @property
    def team(self) -> Team:
        return load_team(self.ws, self.store)

    def sync(self) -> SyncReport:
        return sync(self.ws, self.team)


def two_laptops(tmp: Path) -> tuple[Path, Laptop, Laptop]:
    """Two coaches' laptops in one team sharing ``tmp/share``."""
    folder = tmp / "share"
    folder.mkdir()
    laptops = []
    for name in ("Sanne Bakker", "Ahmet Yilmaz"):
        paths = Paths.resolve(tmp / name.split()[0].lower())
        ws = init_workspace(paths, "Woonstichting De Linde", name)
        laptops.append(Laptop(paths, ws, SecretStore(
            WorkspaceFile.read(paths.workspace_file).workspace_id)))
    create_team(laptops[0].ws, laptops[0].store, folder, "Team Noord", TEAM_PASSPHRASE)
    join_team(laptops[1].ws, laptops[1].store, folder, TEAM_PASSPHRASE)
    return folder, laptops[0], laptops[1]
