"""What the app and the command line call to sync: a shared folder, a server, or both.

One sync:
1. The folder engine writes this laptop's new changesets into its private store (see
   ``server_transport``) and applies what is waiting there. That store is always on
   this laptop, so an edit is never held up by an unreachable share or server.
2. With a shared folder: this laptop's changesets are copied there, then what the
   others wrote there is read and applied.
3. With a server: this laptop's changesets are pushed, the team's stream is pulled into
   the store and applied; only then is the server cursor kept.

A folder or server that cannot be reached is a plain result ("problems"), not a crash:
nothing is lost, the changes go along with the next sync.
"""

from __future__ import annotations

import json
import logging
import os
import secrets
import socket
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from sqlalchemy.exc import DBAPIError

from renodesk.core.errors import RenoDeskError
from renodesk.core.workspace import Change, Workspace
from renodesk.security import keys
from renodesk.sync import team as teams
from renodesk.sync.engine import DEFAULT_DELETE_LIMIT, LAST_SYNC_META, Progress, SyncReport, SyncRun
from renodesk.sync.folder import TeamFolder
from renodesk.sync.server_client import Compaction, Enrolment, ServerClient
from renodesk.sync.server_compaction import compact_server_if_due, put_snapshot
from renodesk.sync.server_transport import (
    ServerAccount,
    ServerTransport,
    load_account,
    own_changesets,
    save_account,
    store_root,
)

log = logging.getLogger(__name__)

ClientFactory = Callable[[str, str | None], ServerClient]
#: Copied to the shared folder up to this sequence number.
META_FOLDER_COPIED = "sync_folder_copied_seq"


def default_client(url: str, token: str | None) -> ServerClient:
    """A client that gives up after a few quick retries: the next sync tries again."""
    return ServerClient(url, token, retries=2, backoff=0.5, max_backoff=4.0, timeout=15.0)


# --- the team: a shared folder, the local store, or both ---------------------------------


def _local(ws: Workspace, team: teams.Team) -> teams.Team:
    return replace(team, folder=store_root(ws))


def shared_folder(ws: Workspace, team: teams.Team) -> teams.Team | None:
    """The team in its shared folder; None for a team that syncs through a server only."""
    return None if team.folder == store_root(ws) else team


def _seed_store(ws: Workspace, team: teams.Team) -> None:
    """Give the local store the team's ``team.json`` (copied from the shared folder)."""
    local = _local(ws, team)
    target = local.root / teams.TEAM_FILE
    (local.root / "devices").mkdir(parents=True, exist_ok=True)
    if target.exists() or shared_folder(ws, team) is None:
        return
    source = team.root / teams.TEAM_FILE
    try:
        _write_text(target, source.read_text("utf-8"))
    except OSError:
        return  # copied on a later sync, when the folder is reachable


def _write_text(target: Path, content: str) -> None:
    tmp = target.with_name(f".{target.name}.{secrets.token_hex(4)}.tmp")
    with open(tmp, "w", encoding="utf-8") as handle:
        handle.write(content)
        handle.flush()
        os.fsync(handle.fileno())
    os.replace(tmp, target)


def create_folder_team(ws: Workspace, store: keys.SecretStore | None, folder: Path, name: str,
                       passphrase: str) -> teams.Team:
    """Set up a team in a shared folder (this laptop is its first member)."""
    team = teams.create_team(ws, store, folder, name, passphrase)
    _seed_store(ws, team)
    return team


def join_folder_team(ws: Workspace, store: keys.SecretStore | None, folder: Path,
                     passphrase: str, name: str | None = None) -> teams.Team:
    """Join the team in a shared folder with its passphrase; for a laptop already in it,
    take up the key that replaced its own (see ``rotation.take_up``)."""
    from renodesk.sync import rotation

    try:
        before = current_team(ws, store)
    except RenoDeskError:
        before = None  # its key is gone from this laptop: joining again brings it back
    team = teams.join_team(ws, store, folder, passphrase, name)
    _seed_store(ws, team)
    if before is not None and before.order != team.order:
        rotation.take_up(ws, team, [TeamFolder(store_root(ws), team.slug),
                                    TeamFolder(team.folder, team.slug)])
    return team


def take_up_new_key(ws: Workspace, store: keys.SecretStore | None,
                    passphrase: str) -> teams.Team:
    """The team key was replaced on another laptop: join the same folder again with the
    new team passphrase."""
    team = current_team(ws, store)
    if team is None:
        raise RenoDeskError("sync.error.no_team")
    if shared_folder(ws, team) is None:
        raise RenoDeskError("sync.error.rotate_needs_folder")
    return join_folder_team(ws, store, team.folder, passphrase, team.slug)


def rotate_team_key(ws: Workspace, store: keys.SecretStore | None, passphrase: str,
                    revoke: list[str] | None = None) -> teams.Team:
    """Replace the team key after a lost laptop (``rotation``): sync first, so the new
    key's record holds everything the team sent until now; ``revoke``: device ids (or
    their first characters) taken out of the team."""
    from renodesk.sync import rotation

    team = current_team(ws, store)
    if team is None:
        raise RenoDeskError("sync.error.no_team")
    if shared_folder(ws, team) is None:
        raise RenoDeskError("sync.error.rotate_needs_folder")
    if load_account(ws, store) is not None:
        raise RenoDeskError("sync.error.rotate_with_server")
    chosen = rotation.resolve_devices(rotation.team_devices(ws, team), revoke or [])
    if len(passphrase) < keys.MIN_PASSPHRASE:
        raise RenoDeskError("sync.error.team_passphrase_short", minimum=keys.MIN_PASSPHRASE)
    outcome = sync_now(ws, store)
    if not outcome.ok:
        raise outcome.problems[0]
    return rotation.rotate(ws, store, current_team(ws, store) or team, passphrase, chosen)


def current_team(ws: Workspace, store: keys.SecretStore | None) -> teams.Team | None:
    """This laptop's team, or None before it set up or joined one."""
    if not ws.meta("sync_team_id"):
        return None
    return teams.load_team(ws, store)


# --- the server: enrolment and the team key --------------------------------------------


@dataclass(frozen=True)
class EnrolResult:
    team: str
    user: str
    #: The team passphrase is still needed (a server-only team this laptop is not in yet).
    needs_team_passphrase: bool
    #: The server holds no team key yet: this laptop will create the team's key.
    new_team: bool


def enrol(ws: Workspace, store: keys.SecretStore | None, url: str, code: str, password: str,
          client_factory: ClientFactory = default_client) -> EnrolResult:
    """Enrol this laptop with a one-time code and the coach's password.

    A laptop already in a folder team may only join that team on the server (the
    server's team must be named after the folder team's id); its wrapped key is then
    kept on the server for colleagues who use the server only.
    """
    team = current_team(ws, store)
    with client_factory(url, None) as client:
        enrolment: Enrolment = client.enrol(code.strip(), password, ws.device_id,
                                            socket.gethostname()[:100])
        if team is not None and enrolment.team != team.team_id:
            raise RenoDeskError("sync.server.other_team", server=enrolment.team,
                                team=team.team_id)
        save_account(ws, store, ServerAccount(client.url, enrolment.team, enrolment.token))
        on_server = client.team_key()
        if team is not None:
            if on_server is None:
                client.store_team_key(_team_json(team))
            return EnrolResult(enrolment.team, enrolment.user, False, False)
    return EnrolResult(enrolment.team, enrolment.user, True, on_server is None)


def _team_json(team: teams.Team) -> str:
    return (team.root / teams.TEAM_FILE).read_text("utf-8")


def connect_server_team(ws: Workspace, store: keys.SecretStore | None, passphrase: str,
                        client_factory: ClientFactory = default_client) -> teams.Team:
    """Join (or, as its first laptop, create) the team of a server without a shared folder.

    The team key is wrapped with the team passphrase in a ``team.json`` that the server
    keeps for the team but cannot read.
    """
    account = load_account(ws, store)
    if account is None:
        raise RenoDeskError("sync.server.not_enrolled")
    slug = teams.team_slug(account.team)
    root = teams.team_root(store_root(ws), slug)
    with client_factory(account.url, account.token) as client:
        content = client.team_key()
        if content is None:
            content = _new_team_json(account.team, passphrase)
            _unwrap_check(content, passphrase)
            client.store_team_key(content)
    info = _unwrap_check(content, passphrase)
    if info.team_id != account.team:
        raise RenoDeskError("sync.server.other_team", server=account.team, team=info.team_id)
    (root / "devices").mkdir(parents=True, exist_ok=True)
    _write_text(root / teams.TEAM_FILE, content)
    return teams.join_team(ws, store, store_root(ws), passphrase, slug)


def _unwrap_check(content: str, passphrase: str) -> teams.TeamFile:
    try:
        data: dict[str, Any] = json.loads(content)
        info = teams.TeamFile(str(data["team_id"]), str(data["name"]), str(data["kdf"]["salt"]),
                              str(data["key"]["nonce"]), str(data["key"]["wrapped"]),
                              str(data.get("created", "")))
    except (ValueError, KeyError, TypeError) as exc:
        raise RenoDeskError("sync.server.team_key_damaged") from exc
    info.unwrap(passphrase)  # a wrong passphrase stops here, before anything is kept
    return info


def _new_team_json(team_id: str, passphrase: str) -> str:
    """A new random team key, wrapped as ``team.json`` (as ``team.create_team`` does)."""
    if len(passphrase) < keys.MIN_PASSPHRASE:
        raise RenoDeskError("sync.error.team_passphrase_short", minimum=keys.MIN_PASSPHRASE)
    salt = secrets.token_hex(16)
    nonce = secrets.token_bytes(12)
    wrapped = AESGCM(keys.derive_key(passphrase, salt)).encrypt(
        nonce, secrets.token_bytes(32), teams._aad(team_id))
    info = teams.TeamFile(team_id, team_id, salt, nonce.hex(), wrapped.hex(),
                          datetime.now(UTC).isoformat(timespec="seconds"))
    return json.dumps(info.to_json(), indent=2)


# --- one sync ------------------------------------------------------------------------


@dataclass
class SyncOutcome:
    """One sync through every way this laptop has: what moved, and what got in the way."""

    report: SyncReport = field(default_factory=SyncReport)
    folder: Path | None = None
    server: str | None = None
    pushed: int = 0
    pulled: int = 0
    #: The database file was rewritten because an erasure arrived (or was left half done).
    compacted: bool = False
    #: The team's snapshot was renewed on the server after this sync (it was due).
    server_compaction: Compaction | None = None
    problems: list[RenoDeskError] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems

    @property
    def changes(self) -> list[Change]:
        """What arrived, for the app's pages to refresh."""
        return [Change(entity, row_id, "change") for entity, row_id in sorted(self.report.touched)]

    def add(self, part: SyncReport) -> None:
        """Fold one engine run into the whole."""
        whole = self.report
        whole.sent_ops += part.sent_ops
        whole.sent_files += part.sent_files
        whole.received_ops += part.received_ops
        whole.received_files += part.received_files
        whole.conflicts += part.conflicts
        whole.open_conflicts = part.open_conflicts
        whole.deleted += part.deleted
        whole.held_future = part.held_future
        whole.held_waiting = part.held_waiting
        whole.bootstrapped |= part.bootstrapped
        whole.set_aside += part.set_aside
        whole.waiting += part.waiting
        whole.pending_deletes = max(whole.pending_deletes, part.pending_deletes)
        whole.touched |= part.touched
        if part.stopped is not None:
            self.problems.append(part.stopped)


def sync_now(ws: Workspace, store: keys.SecretStore | None, *, allow_deletes: bool = False,
             delete_limit: int = DEFAULT_DELETE_LIMIT, progress: Progress | None = None,
             client_factory: ClientFactory = default_client) -> SyncOutcome:
    """Sync once through the shared folder and/or the server; see the module docstring."""
    team = current_team(ws, store)
    if team is None:
        raise RenoDeskError("sync.error.no_team")
    account = load_account(ws, store)
    shared = shared_folder(ws, team)
    outcome = SyncOutcome(folder=shared.folder if shared else None,
                          server=account.url if account else None)
    options: dict[str, Any] = {"allow_deletes": allow_deletes, "delete_limit": delete_limit,
                               "progress": progress}
    _seed_store(ws, team)
    local = _local(ws, team)
    outcome.add(SyncRun(ws, local, **options).run())
    if shared is not None:
        _sync_folder(ws, local, shared, outcome, options)
    if account is not None:
        _sync_server(ws, local, account, outcome, options, client_factory)
    if outcome.ok:
        ws.set_meta(LAST_SYNC_META, datetime.now().isoformat(timespec="seconds"))
    _compact(ws, outcome)
    return outcome


def _compact(ws: Workspace, outcome: SyncOutcome) -> None:
    """An erasure that arrived leaves its old values in free pages and the WAL until the
    file is rewritten; that happens after every sync (cheap when nothing is due)."""
    from renodesk.core.erasure import compact_if_due

    try:
        outcome.compacted = compact_if_due(ws)
    except (OSError, DBAPIError, ws.engine.dialect.loaded_dbapi.Error) as exc:
        # A full disk, say: the sync itself went well, the compaction stays due and the
        # next sync (or opening the privacy page) tries again.
        log.warning("compaction after sync failed (%s); retried next time", type(exc).__name__)


def _sync_folder(ws: Workspace, local: teams.Team, shared: teams.Team, outcome: SyncOutcome,
                 options: dict[str, Any]) -> None:
    try:
        folder = TeamFolder(shared.folder, shared.slug)
        folder.check(shared)
        copied = int(ws.meta(META_FOLDER_COPIED) or 0)
        source = TeamFolder(local.folder, local.slug)
        for seq, path in own_changesets(source, ws.device_id, copied):
            folder.publish(ws.device_id, seq, source.read(path))
            ws.set_meta(META_FOLDER_COPIED, str(seq))
    except RenoDeskError as exc:
        outcome.problems.append(exc)
        return
    outcome.add(SyncRun(ws, shared, send=False, **options).run())


def _sync_server(ws: Workspace, local: teams.Team, account: ServerAccount, outcome: SyncOutcome,
                 options: dict[str, Any], client_factory: ClientFactory) -> None:
    try:
        client = client_factory(account.url, account.token)
    except RenoDeskError as exc:
        outcome.problems.append(exc)
        return
    with client:
        transport = ServerTransport(ws, local, client)
        failed = False
        try:
            # Push before pull: a laptop back after a long time away, whose cursor lies
            # below the pruned part, bootstraps from the snapshot only once what it typed
            # meanwhile is on the server (and the rebase keeps it here too).
            transport.push()
            transport.pull()
        except RenoDeskError as exc:
            outcome.problems.append(exc)
            failed = True
        outcome.pushed += transport.exchange.pushed
        outcome.pulled += transport.exchange.pulled
        if transport.exchange.rebased is not None:
            outcome.report.merged(transport.exchange.rebased)
            outcome.report.received_ops += transport.exchange.rebased.applied
            outcome.report.bootstrapped = True
        if failed and not transport.exchange.pulled:
            return
        # Apply what arrived (also after a broken pull: it is safely in the store).
        applied = SyncRun(ws, local, send=False, **options).run()
        outcome.add(applied)
        if failed or applied.stopped is not None:
            return
        transport.acknowledge()
        try:
            outcome.server_compaction = compact_server_if_due(ws, local, client,
                                                              transport.exchange.cursor)
        except RenoDeskError as exc:
            # Housekeeping: the sync itself went well; tried again on a later day.
            log.warning("server compaction after sync failed: %s", exc.key)


# --- server compaction (automatic: see ``server_compaction``) ----------------------------


def compact_server(ws: Workspace, store: keys.SecretStore | None,
                   client_factory: ClientFactory = default_client) -> Compaction:
    """After a sync that went through: put this laptop's snapshot on the server, covering
    the stream up to its cursor. The server then deletes the changesets that it covers
    and every active laptop has pulled, and says which laptops it still waits for."""
    team = current_team(ws, store)
    account = load_account(ws, store)
    if team is None or account is None:
        raise RenoDeskError("sync.server.not_enrolled")
    with client_factory(account.url, account.token) as client:
        return put_snapshot(ws, team, client)


# --- what the sync page and ``renodesk server status`` show ---------------------------


def unsynced(ws: Workspace) -> int:
    """This laptop's changes that have not reached the team yet: not in a changeset, or
    in one that the shared folder or the server has not received."""
    from renodesk.storage.oplog import covered_seq

    delivered: list[int] = []
    if ws.meta("sync_team_id") and ws.meta("sync_folder") != str(store_root(ws)):
        delivered.append(int(ws.meta(META_FOLDER_COPIED) or 0))
    if ws.meta("server_url"):
        delivered.append(int(ws.meta("server_pushed_seq") or 0))
    with ws.engine.connect() as conn:
        covered = covered_seq(conn, min(delivered) if delivered else None)
    return max(0, ws.device_seq - covered)


@dataclass(frozen=True)
class SyncStatus:
    team: str | None
    folder: Path | None
    server: str | None
    server_team: str | None
    last_sync: datetime | None
    unsynced: int
    open_conflicts: int


def status(ws: Workspace) -> SyncStatus:
    """Where this laptop syncs and how things stand (no network, no folder access)."""
    from renodesk.sync.conflicts import open_conflicts

    team_name = ws.meta("sync_team_name") if ws.meta("sync_team_id") else None
    folder = ws.meta("sync_folder")
    shared = Path(folder) if folder and Path(folder) != store_root(ws) else None
    last = ws.meta(LAST_SYNC_META)
    return SyncStatus(team=team_name, folder=shared, server=ws.meta("server_url") or None,
                      server_team=ws.meta("server_team") or None,
                      last_sync=datetime.fromisoformat(last) if last else None,
                      unsynced=unsynced(ws), open_conflicts=len(open_conflicts(ws)))
