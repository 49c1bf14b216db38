"""Sync through ``renodesk-server``: the very changesets of the shared folder, over HTTPS.

This laptop keeps its team's changesets in a private folder inside the workspace folder,
laid out like a team folder (``sync-store/renodesk/<team>/devices/<device>/<seq>.rdc``;
every file is encrypted with the team key, as in a shared folder). The folder engine
writes this laptop's own changesets there; from there they are copied to the shared
folder and pushed to the server. What the server's stream holds from other laptops is
written there too and applied by the folder engine's own receive path, with the same
checks (authentication, team, sequence, hash chain) and the same merge.

Cursor rules (from the server's contract): the stored cursor moves only after the pulled
changesets were applied; a pull whose ``head`` is below the stored cursor means the server
was restored from an older backup, so this laptop pushes all its changesets again and
reads the stream from the start (what it already has is skipped, never applied twice).

Compaction: the server deletes changesets that the team's snapshot covers and every
active laptop has pulled (a laptop unseen for 180 days no longer counts). A laptop whose
cursor lies below them is told ``snapshot_required``; it writes the team's snapshot into
its store and reads the stream on from the snapshot's position. A new laptop then starts
from the snapshot in the folder engine; one that had read the stream before (back after
a long time away) is rebased on it here, keeping what it typed (pushed before the pull).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from renodesk.core.errors import RenoDeskError
from renodesk.core.workspace import Workspace, write_meta
from renodesk.security import keys
from renodesk.sync import snapshot
from renodesk.sync.changeset import ChangesetError, file_name
from renodesk.sync.folder import DEVICE_NAME, TeamFolder, write_atomically
from renodesk.sync.merge_writes import MergeResult
from renodesk.sync.server_client import ServerClient, ServerRefused
from renodesk.sync.team import Team

#: The private folder (inside the workspace folder) of this laptop's changesets.
STORE_DIR = "sync-store"
TOKEN_NAME = "server-token"
META_URL = "server_url"
META_TEAM = "server_team"
META_CURSOR = "server_cursor"
META_PUSHED = "server_pushed_seq"
META_TOKEN_STORE = "server_token_store"
META_TOKEN = "server_token"


def workspace_folder(ws: Workspace) -> Path:
    """The folder of the workspace's database file (the engine's URL does not name it)."""
    with ws.engine.connect() as conn:
        for _seq, name, path in conn.exec_driver_sql("PRAGMA database_list"):
            if name == "main" and path:
                return Path(path).parent
    raise RenoDeskError("sync.error.no_workspace_folder")


def store_root(ws: Workspace) -> Path:
    return workspace_folder(ws) / STORE_DIR


def secret_store(ws: Workspace) -> keys.SecretStore:
    """The keyring entries of this workspace (team key, server token)."""
    info = keys.WorkspaceFile.read(workspace_folder(ws) / "workspace.json")
    return keys.SecretStore(info.workspace_id)


@dataclass(frozen=True)
class ServerAccount:
    """Where this laptop syncs on a server, and its device token."""

    url: str
    team: str
    token: str


def save_account(ws: Workspace, store: keys.SecretStore | None, account: ServerAccount) -> None:
    """Remember the server; the token goes to the keyring, or else into the encrypted
    workspace database (never into a plain file)."""
    use_keyring = store is not None and keys.keyring_usable()
    if use_keyring:
        assert store is not None
        store.put(TOKEN_NAME, account.token)
    with ws.engine.begin() as conn:
        write_meta(conn, META_URL, account.url)
        write_meta(conn, META_TEAM, account.team)
        write_meta(conn, META_TOKEN_STORE, "keyring" if use_keyring else "workspace")
        write_meta(conn, META_TOKEN, "" if use_keyring else account.token)
        write_meta(conn, META_CURSOR, "0")
        write_meta(conn, META_PUSHED, "0")


def load_account(ws: Workspace, store: keys.SecretStore | None) -> ServerAccount | None:
    """The server this laptop is enrolled with, or None when it uses no server."""
    url = ws.meta(META_URL)
    if not url:
        return None
    if ws.meta(META_TOKEN_STORE) == "keyring":
        token = store.get(TOKEN_NAME) if store is not None else None
    else:
        token = ws.meta(META_TOKEN)
    if not token:
        raise RenoDeskError("sync.server.token_missing")
    return ServerAccount(url, ws.meta(META_TEAM) or "", token)


def own_changesets(folder: TeamFolder, device: str, after: int) -> list[tuple[int, Path]]:
    """This device's changeset files after ``after``, in order, up to the first gap."""
    if not (folder.devices / device).is_dir():
        return []
    files, _strays = folder.scan(device)
    found: list[tuple[int, Path]] = []
    seq = after + 1
    while seq in files:
        found.append((seq, files[seq]))
        seq += 1
    return found


@dataclass
class Exchange:
    """What one push and pull moved."""

    pushed: int = 0
    pulled: int = 0
    cursor: int = 0
    restored_server: bool = False
    #: This laptop started again from the team's snapshot (it was behind the pruned part).
    rebased: MergeResult | None = None


class ServerTransport:
    """Push this laptop's changesets and fetch the team's stream into the local store."""

    def __init__(self, ws: Workspace, team: Team, client: ServerClient) -> None:
        self.ws = ws
        self.team = team
        self.client = client
        self.local = TeamFolder(team.folder, team.slug)
        self.exchange = Exchange()

    def _meta_int(self, key: str) -> int:
        return int(self.ws.meta(key) or 0)

    def push(self) -> None:
        """Send the changesets the server has not acknowledged yet (safe to repeat)."""
        pushed = self._meta_int(META_PUSHED)
        todo = own_changesets(self.local, self.ws.device_id, pushed)
        if not todo:
            return
        acknowledged = self.client.push([self.local.read(path) for _seq, path in todo])
        if acknowledged:
            self.ws.set_meta(META_PUSHED, str(max(a.seq for a in acknowledged)))
            self.exchange.pushed += sum(not a.duplicate for a in acknowledged)

    def pull(self) -> None:
        """Write every other laptop's new changesets into the local store.

        The cursor is not stored here: call :meth:`acknowledge` once they are applied.
        """
        cursor = self._meta_int(META_CURSOR)
        try:
            self._pull_from(cursor)
        except ServerRefused as exc:
            if exc.code != "snapshot_required":
                raise
            self._pull_from(self._fetch_snapshot())

    def _fetch_snapshot(self) -> int:
        """Write the team's snapshot into the store; the position it covers."""
        blob, position = self.client.snapshot()
        try:
            maker = snapshot.read_header(blob).device
        except ChangesetError as exc:
            raise RenoDeskError("sync.server.bad_snapshot", reason=exc.reason) from exc
        if not DEVICE_NAME.match(maker) or maker == self.ws.device_id:
            raise RenoDeskError("sync.server.bad_snapshot", reason="bad_device")
        write_atomically(self.local.snapshot_path(maker), blob)
        if self._has_read():
            self._rebase(blob)
        return position

    def _has_read(self) -> bool:
        with self.ws.engine.connect() as conn:
            return conn.exec_driver_sql("SELECT 1 FROM sync_peer LIMIT 1").first() is not None

    def _rebase(self, blob: bytes) -> None:
        """A laptop that read the stream before and is now behind its pruned part (back
        after a long time away) starts again from the snapshot: in the store no gap shows
        (the server hands out no pruned changesets), so the folder engine would not see
        that it must. What it typed is on the server already (pushed first) and is put
        back on top by the rebase."""
        try:
            header, payload = snapshot.decode(self.team.key, blob, self.team.team_id)
        except ChangesetError as exc:
            raise RenoDeskError("sync.server.bad_snapshot", reason=exc.reason) from exc
        ws = self.ws
        with ws.exclusive():
            saved = ws.clock.last
            try:
                with ws.engine.begin() as conn:
                    result = snapshot.rebase(conn, ws.clock, ws.device_id, header, payload)
                    write_meta(conn, "hlc", ws.clock.last.pack())
            except BaseException:
                ws.clock.last = saved
                raise
        self.exchange.rebased = result

    def _pull_from(self, cursor: int) -> None:
        first = True
        for page in self.client.pull_all(cursor):
            if first and page.head < cursor:
                # The server lost what came after its head: it was restored from a backup.
                self.exchange.restored_server = True
                self.ws.set_meta(META_PUSHED, "0")
                self.ws.set_meta(META_CURSOR, "0")
                self.push()
                self.pull()
                return
            first = False
            for item in page.changesets:
                if item.device_id == self.ws.device_id or not DEVICE_NAME.match(item.device_id):
                    continue  # our own (already here), or no device of a RenoDesk team
                target = self.local.devices / item.device_id / file_name(item.seq)
                if not target.exists():
                    write_atomically(target, item.blob)
                    self.exchange.pulled += 1
            cursor = page.cursor
        self.exchange.cursor = cursor

    def acknowledge(self) -> None:
        """Keep the cursor: everything pulled up to it is applied."""
        self.ws.set_meta(META_CURSOR, str(self.exchange.cursor))
