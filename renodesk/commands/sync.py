"""``renodesk team create|join|rotate|rekey|devices`` and ``renodesk sync``: the shared
folder and/or the server."""

from __future__ import annotations

import argparse
import getpass
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from renodesk.commands._common import open_from, paths_from, say
from renodesk.core.errors import RenoDeskError
from renodesk.core.i18n import t

if TYPE_CHECKING:
    from renodesk.security.keys import SecretStore
    from renodesk.sync.engine import SyncReport

ENV_TEAM_PASSPHRASE = "RENODESK_TEAM_PASSPHRASE"


def register(sub: Any) -> None:
    team = sub.add_parser("team", help="create or join a team that syncs through a shared folder")
    team_sub = team.add_subparsers(dest="team_command", metavar="ACTION", required=True)
    create = team_sub.add_parser("create", help="create a team in a shared folder")
    create.add_argument("--folder", required=True, help="the shared folder")
    create.add_argument("--name", default="team", help="name of the team")
    create.set_defaults(handler=create_team_command)
    join = team_sub.add_parser("join", help="join the team in a shared folder")
    join.add_argument("--folder", required=True, help="the shared folder the team lead set up")
    join.add_argument("--name", help="which team, when the folder holds several")
    join.set_defaults(handler=join_team_command)
    rotate = team_sub.add_parser(
        "rotate", help="replace the team key after a lost laptop (asks for a new passphrase)")
    rotate.add_argument("--revoke", action="append", default=[], metavar="DEVICE",
                        help="take a device out of the team (its id or first characters; "
                             "see: renodesk team devices); may be repeated")
    rotate.set_defaults(handler=rotate_team_command)
    rekey = team_sub.add_parser(
        "rekey", help="type the new team passphrase after the key was replaced elsewhere")
    rekey.set_defaults(handler=rekey_team_command)
    devices = team_sub.add_parser("devices", help="the team's laptops and when they were seen")
    devices.set_defaults(handler=team_devices_command)
    run = sub.add_parser("sync", help="sync with the team folder and/or the server")
    run.add_argument("--allow-deletes", action="store_true",
                     help="apply a sync that deletes more records than the limit")
    run.add_argument("--delete-limit", type=int, default=None,
                     help="ask first above this many deletes (default 50)")
    run.add_argument("--compact", action="store_true",
                     help="also write a compacted snapshot for new laptops")
    run.set_defaults(handler=sync_command)
    conflicts = sub.add_parser("conflicts", help="texts edited on two laptops at once")
    conflicts_sub = conflicts.add_subparsers(dest="conflicts_command", metavar="ACTION")
    conflicts.set_defaults(handler=list_conflicts_command)
    settle = conflicts_sub.add_parser("settle", help="settle one conflict")
    settle.add_argument("conflict_id")
    choice = settle.add_mutually_exclusive_group(required=True)
    choice.add_argument("--keep", action="store_true", help="keep the text the field holds")
    choice.add_argument("--other", action="store_true", help="take the other version")
    choice.add_argument("--text", help="a combination typed by you")
    settle.set_defaults(handler=settle_conflict_command)


def _team_passphrase(confirm: bool, new: bool = False) -> str:
    env = os.environ.get(ENV_TEAM_PASSPHRASE)
    if env:
        return env
    if not sys.stdin.isatty():
        raise RenoDeskError("sync.error.team_passphrase_needed", env=ENV_TEAM_PASSPHRASE)
    prompt = "sync.cli.new_team_passphrase" if new else "sync.cli.team_passphrase"
    first = getpass.getpass(t(prompt))
    if confirm and getpass.getpass(t(f"{prompt}_again")) != first:
        raise RenoDeskError("sync.error.passphrase_mismatch")
    return first


def _store(args: argparse.Namespace) -> SecretStore:
    from renodesk.security.keys import SecretStore, WorkspaceFile

    paths = paths_from(args)
    return SecretStore(WorkspaceFile.read(paths.workspace_file).workspace_id)


def create_team_command(args: argparse.Namespace) -> int:
    from renodesk.sync.folder_sync import create_folder_team as create_team

    ws = open_from(args)
    team = create_team(ws, _store(args), Path(args.folder).expanduser().resolve(), args.name,
                       _team_passphrase(confirm=True))
    say("sync.cli.team_created", name=team.name, path=str(team.root))
    return 0


def join_team_command(args: argparse.Namespace) -> int:
    from renodesk.sync.folder_sync import join_folder_team as join_team

    ws = open_from(args)
    team = join_team(ws, _store(args), Path(args.folder).expanduser().resolve(),
                     _team_passphrase(confirm=False), args.name)
    say("sync.cli.team_joined", name=team.name)
    return 0


def rotate_team_command(args: argparse.Namespace) -> int:
    from renodesk.sync.service import rotate_team_key

    ws = open_from(args)
    team = rotate_team_key(ws, _store(args), _team_passphrase(confirm=True, new=True),
                           args.revoke)
    say("sync.cli.team_rotated", name=team.name)
    for device in sorted(team.revoked):
        say("sync.cli.team_revoked", device=device[:8])
    return 0


def rekey_team_command(args: argparse.Namespace) -> int:
    from renodesk.sync.folder_sync import take_up_new_key

    ws = open_from(args)
    team = take_up_new_key(ws, _store(args), _team_passphrase(confirm=False))
    say("sync.cli.team_rekeyed", name=team.name)
    return 0


def team_devices_command(args: argparse.Namespace) -> int:
    from renodesk.sync.rotation import team_devices
    from renodesk.sync.team import current_team

    ws = open_from(args)
    team = current_team(ws, _store(args))
    if team is None:
        raise RenoDeskError("sync.error.no_team")
    say("sync.cli.devices_header", name=team.name, epoch=team.epoch)
    for device in team_devices(ws, team):
        mark = (t("sync.cli.device_this") if device.this_laptop else "") + (
            t("sync.cli.device_revoked") if device.revoked else "")
        seen = (device.last_seen.isoformat(sep=" ", timespec="minutes") if device.last_seen
                else t("sync.cli.device_never"))
        say("sync.cli.device_line", device=device.short, seen=seen, seq=device.last_seq,
            mark=mark)
    return 0


def sync_command(args: argparse.Namespace) -> int:
    from renodesk.sync.engine import DEFAULT_DELETE_LIMIT, SyncRun
    from renodesk.sync.folder_sync import shared_folder
    from renodesk.sync.server_sync import compact_server
    from renodesk.sync.service import sync_now
    from renodesk.sync.team import current_team

    ws = open_from(args)
    store = _store(args)
    limit = DEFAULT_DELETE_LIMIT if args.delete_limit is None else args.delete_limit
    outcome = sync_now(ws, store, allow_deletes=args.allow_deletes, delete_limit=limit)
    print_report(outcome.report)
    if outcome.server:
        say("sync.cli.pushed_pulled", pushed=t("count.files", count=outcome.pushed),
            pulled=t("count.files", count=outcome.pulled))
    for problem in outcome.problems:
        print(f"renodesk: {problem.message()}", file=sys.stderr)
    if not outcome.ok:
        return 1
    team = current_team(ws, store)
    shared = shared_folder(ws, team) if team is not None else None
    if args.compact and shared is not None:
        run = SyncRun(ws, shared)
        run.compact()
        say("sync.cli.compacted", path=str(run.folder.snapshot_path(ws.device_id)))
    if args.compact and outcome.server:
        from renodesk.commands.server_sync import report_server_compaction

        report_server_compaction(compact_server(ws, store))
    return 0


def print_report(report: SyncReport) -> None:
    say("sync.cli.sent", changes=t("count.changes", count=report.sent_ops),
        files=t("count.files", count=report.sent_files))
    if report.bootstrapped:
        say("sync.cli.bootstrapped")
    say("sync.cli.received", changes=t("count.changes", count=report.received_ops),
        files=t("count.files", count=report.received_files))
    if report.deleted:
        say("sync.cli.deleted", count=report.deleted)
    say("sync.cli.conflicts", new=report.conflicts, open=report.open_conflicts)
    if report.held_future:
        say("sync.cli.held_future", count=report.held_future)
    if report.held_waiting:
        say("sync.cli.held_waiting", count=report.held_waiting)
    for item in report.set_aside:
        say("sync.cli.set_aside", name=item.name, device=item.device[:8],
            reason=t(f"sync.reason.{item.reason}"))
    for device, seq in report.waiting:
        say("sync.cli.waiting", seq=seq, device=device[:8])


def list_conflicts_command(args: argparse.Namespace) -> int:
    from renodesk.sync.conflicts import open_conflicts

    found = open_conflicts(open_from(args))
    if not found:
        say("sync.cli.no_conflicts")
    for item in found:
        say("sync.cli.conflict_line", id=item.id, entity=item.entity, row=item.row_id,
            field=item.field, when=item.created_at.isoformat(sep=" "))
        say("sync.cli.conflict_kept", value=item.kept)
        say("sync.cli.conflict_other", value=item.other)
    return 0


def settle_conflict_command(args: argparse.Namespace) -> int:
    from renodesk.sync.conflicts import open_conflicts, settle

    ws = open_from(args)
    found = {item.id: item for item in open_conflicts(ws)}
    item = found.get(args.conflict_id)
    if item is None:
        raise RenoDeskError("sync.error.no_such_conflict", id=args.conflict_id)
    value = item.kept if args.keep else item.other if args.other else args.text
    settle(ws, item.id, value)
    say("sync.cli.conflict_settled")
    return 0
