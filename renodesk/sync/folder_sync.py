"""A team in a shared folder: setting it up, joining it, taking up a replaced key, and the
shared-folder step of a sync (see ``service``).

The folder engine always works in this laptop's private store first (``store_root``);
the shared folder gets a copy of this laptop's changesets and this laptop's "seen"
marker, and what the others wrote there is read and applied.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import Any

from renodesk.core.errors import RenoDeskError
from renodesk.core.workspace import Workspace
from renodesk.security import keys
from renodesk.sync import retention
from renodesk.sync import team as teams
from renodesk.sync.engine import SyncRun
from renodesk.sync.folder import TeamFolder
from renodesk.sync.outcome import SyncOutcome
from renodesk.sync.server_transport import own_changesets, store_root

#: Copied to the shared folder up to this sequence number.
META_FOLDER_COPIED = "sync_folder_copied_seq"


def local_team(ws: Workspace, team: teams.Team) -> teams.Team:
    """The team in this laptop's private store."""
    return replace(team, folder=store_root(ws))


def shared_folder(ws: Workspace, team: teams.Team) -> teams.Team | None:
    """The team in its shared folder; None for a team that syncs through a server only."""
    return None if team.folder == store_root(ws) else team


def seed_store(ws: Workspace, team: teams.Team) -> None:
    """Give the local store the team's ``team.json`` (copied from the shared folder)."""
    local = local_team(ws, team)
    target = local.root / teams.TEAM_FILE
    (local.root / "devices").mkdir(parents=True, exist_ok=True)
    if target.exists() or shared_folder(ws, team) is None:
        return
    try:
        teams.write_team_file(target, (team.root / teams.TEAM_FILE).read_text("utf-8"))
    except (OSError, RenoDeskError):
        return  # copied on a later sync, when the folder is reachable


def create_folder_team(ws: Workspace, store: keys.SecretStore | None, folder: Path, name: str,
                       passphrase: str) -> teams.Team:
    """Set up a team in a shared folder (this laptop is its first member)."""
    team = teams.create_team(ws, store, folder, name, passphrase)
    seed_store(ws, team)
    return team


def join_folder_team(ws: Workspace, store: keys.SecretStore | None, folder: Path,
                     passphrase: str, name: str | None = None) -> teams.Team:
    """Join the team in a shared folder with its passphrase; for a laptop already in it,
    take up the key that replaced its own (see ``rotation.take_up``)."""
    from renodesk.sync import rotation

    try:
        before = teams.current_team(ws, store)
    except RenoDeskError:
        before = None  # its key is gone from this laptop: joining again brings it back
    team = teams.join_team(ws, store, folder, passphrase, name)
    seed_store(ws, team)
    if before is not None and before.order != team.order:
        rotation.take_up(ws, team, [TeamFolder(store_root(ws), team.slug),
                                    TeamFolder(team.folder, team.slug)])
    return team


def folder_team(ws: Workspace, store: keys.SecretStore | None) -> teams.Team:
    """This laptop's team, which must sync through a shared folder (to replace its key)."""
    team = teams.current_team(ws, store)
    if team is None:
        raise RenoDeskError("sync.error.no_team")
    if shared_folder(ws, team) is None:
        raise RenoDeskError("sync.error.rotate_needs_folder")
    return team


def take_up_new_key(ws: Workspace, store: keys.SecretStore | None,
                    passphrase: str) -> teams.Team:
    """The team key was replaced on another laptop: join the same folder again with the
    new team passphrase."""
    team = folder_team(ws, store)
    return join_folder_team(ws, store, team.folder, passphrase, team.slug)


def sync_folder(ws: Workspace, local: teams.Team, shared: teams.Team, outcome: SyncOutcome,
                options: dict[str, Any]) -> None:
    """Copy this laptop's new changesets to the shared folder, apply what the others
    wrote there, then leave this laptop's "seen" marker there and remove the tombstones
    the whole team has seen (``retention``)."""
    folder = TeamFolder(shared.folder, shared.slug, shared.revoked)
    try:
        folder.check(shared)
        copied = int(ws.meta(META_FOLDER_COPIED) or 0)
        source = TeamFolder(local.folder, local.slug)
        for seq, path in own_changesets(source, ws.device_id, copied):
            folder.publish(ws.device_id, seq, source.read(path))
            ws.set_meta(META_FOLDER_COPIED, str(seq))
    except RenoDeskError as exc:
        outcome.problems.append(exc)
        return
    applied = SyncRun(ws, shared, send=False, acknowledge=False, **options).run()
    outcome.add(applied)
    if applied.stopped is not None:
        return
    try:
        outcome.report.tombstones_removed += retention.acknowledge_and_tidy(
            ws, folder, shared.key, shared.team_id, own=int(ws.meta(META_FOLDER_COPIED) or 0))
    except RenoDeskError as exc:
        outcome.problems.append(exc)
