"""What the app and the command line call to sync: a shared folder, a server, or both.

One sync:
1. The folder engine writes this laptop's new changesets into its private store (see
   ``server_transport``) and applies what is waiting there. That store is always on
   this laptop, so an edit is never held up by an unreachable share or server.
2. With a shared folder (``folder_sync``): this laptop's changesets are copied there,
   then what the others wrote there is read and applied, and this laptop's "seen"
   marker is left there for the team's tidying (``retention``).
3. With a server (``server_sync``): this laptop's changesets are pushed, the team's
   stream is pulled into the store and applied; only then is the server cursor kept.
   Without a shared folder, old tombstones go by what the server says every active
   laptop has pulled (``server_retention``).

A folder or server that cannot be reached is a plain result ("problems"), not a crash:
nothing is lost, the changes go along with the next sync. Setting up or joining a team
is in ``folder_sync`` and ``server_sync``.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from sqlalchemy.exc import DBAPIError

from renodesk.core.errors import RenoDeskError
from renodesk.core.workspace import Workspace
from renodesk.security import keys
from renodesk.sync import team as teams
from renodesk.sync.engine import DEFAULT_DELETE_LIMIT, LAST_SYNC_META, Progress, SyncRun
from renodesk.sync.folder_sync import (
    META_FOLDER_COPIED,
    folder_team,
    local_team,
    seed_store,
    shared_folder,
    sync_folder,
)
from renodesk.sync.outcome import SyncOutcome
from renodesk.sync.server_sync import ClientFactory, default_client, sync_server
from renodesk.sync.server_transport import load_account, store_root

log = logging.getLogger(__name__)


def rotate_team_key(ws: Workspace, store: keys.SecretStore | None, passphrase: str,
                    revoke: list[str] | None = None) -> teams.Team:
    """Replace the team key after a lost laptop (``rotation``): sync first, so the new
    key's record holds everything the team sent until now; ``revoke``: device ids (or
    their first characters) taken out of the team."""
    from renodesk.sync import rotation

    team = folder_team(ws, store)
    if load_account(ws, store) is not None:
        raise RenoDeskError("sync.error.rotate_with_server")
    chosen = rotation.resolve_devices(rotation.team_devices(ws, team), revoke or [])
    if len(passphrase) < keys.MIN_PASSPHRASE:
        raise RenoDeskError("sync.error.team_passphrase_short", minimum=keys.MIN_PASSPHRASE)
    outcome = sync_now(ws, store)
    if not outcome.ok:
        raise outcome.problems[0]
    return rotation.rotate(ws, store, teams.current_team(ws, store) or team, passphrase, chosen)


# --- one sync ------------------------------------------------------------------------


def sync_now(ws: Workspace, store: keys.SecretStore | None, *, allow_deletes: bool = False,
             delete_limit: int = DEFAULT_DELETE_LIMIT, progress: Progress | None = None,
             client_factory: ClientFactory = default_client) -> SyncOutcome:
    """Sync once through the shared folder and/or the server; see the module docstring."""
    team = teams.current_team(ws, store)
    if team is None:
        raise RenoDeskError("sync.error.no_team")
    account = load_account(ws, store)
    shared = shared_folder(ws, team)
    outcome = SyncOutcome(folder=shared.folder if shared else None,
                          server=account.url if account else None)
    options: dict[str, Any] = {"allow_deletes": allow_deletes, "delete_limit": delete_limit,
                               "progress": progress}
    seed_store(ws, team)
    local = local_team(ws, team)
    # No marker in the private store: no other laptop reads it.
    outcome.add(SyncRun(ws, local, acknowledge=False, **options).run())
    if shared is not None:
        sync_folder(ws, local, shared, outcome, options)
    if account is not None:
        sync_server(ws, local, account, outcome, options, client_factory,
                    server_only=shared is None)
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
