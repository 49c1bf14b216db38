"""``renodesk server enrol|join|status``: sync through a RenoDesk server."""

from __future__ import annotations

import argparse
import getpass
import os
import sys
from typing import TYPE_CHECKING, Any

from renodesk.commands._common import open_from, say
from renodesk.core.errors import RenoDeskError
from renodesk.core.i18n import t

if TYPE_CHECKING:
    from renodesk.sync.server_client import Compaction

ENV_SERVER_PASSWORD = "RENODESK_SERVER_PASSWORD"


def register(sub: Any) -> None:
    server = sub.add_parser("server", help="sync through a RenoDesk server")
    actions = server.add_subparsers(dest="server_command", metavar="ACTION", required=True)
    enrol = actions.add_parser("enrol", help="enrol this laptop with a one-time code")
    enrol.add_argument("--url", required=True, help="the server address (https://...)")
    enrol.add_argument("--code", required=True, help="the one-time code from the administrator")
    enrol.set_defaults(handler=enrol_command)
    join = actions.add_parser("join", help="join the server's team with the team passphrase "
                                           "(when the team has no shared folder)")
    join.set_defaults(handler=join_command)
    state = actions.add_parser("status", help="where this laptop syncs, and whether the "
                                              "server answers")
    state.set_defaults(handler=status_command)


def _password() -> str:
    from_env = os.environ.get(ENV_SERVER_PASSWORD)
    if from_env:
        return from_env
    if not sys.stdin.isatty():
        raise RenoDeskError("server.cli.password_missing", env=ENV_SERVER_PASSWORD)
    return getpass.getpass(t("sync.cli.server_password"))


def enrol_command(args: argparse.Namespace) -> int:
    from renodesk.sync import server_sync
    from renodesk.sync.server_transport import secret_store

    ws = open_from(args)
    store = secret_store(ws)
    result = server_sync.enrol(ws, store, args.url, args.code, _password())
    say("sync.cli.enrolled", url=args.url, team=result.team, user=result.user)
    if result.needs_team_passphrase:
        return _join(ws, store, first=result.new_team)
    return 0


def join_command(args: argparse.Namespace) -> int:
    from renodesk.sync.server_transport import secret_store

    ws = open_from(args)
    return _join(ws, secret_store(ws), first=False)


def _join(ws: Any, store: Any, first: bool) -> int:
    from renodesk.commands.sync import _team_passphrase
    from renodesk.sync import server_sync

    team = server_sync.connect_server_team(ws, store, _team_passphrase(confirm=first))
    if first:
        say("sync.cli.server_team_created")
    say("sync.cli.server_team_joined", name=team.name)
    return 0


def status_command(args: argparse.Namespace) -> int:
    from renodesk.sync import service
    from renodesk.sync.server_sync import default_client
    from renodesk.sync.server_transport import load_account, secret_store

    ws = open_from(args)
    state = service.status(ws)
    if state.team:
        say("sync.cli.status_team", name=state.team)
    else:
        say("sync.cli.status_no_team")
    if state.folder:
        say("sync.cli.status_folder", path=str(state.folder))
    when = state.last_sync.strftime("%d-%m-%Y %H:%M") if state.last_sync else t("sync.cli.never")
    say("sync.cli.last_sync", when=when)
    say("sync.cli.unsynced", count=state.unsynced)
    account = load_account(ws, secret_store(ws))
    if account is None:
        say("sync.cli.status_no_server")
        return 0
    say("sync.cli.status_server", url=account.url, team=account.team)
    with default_client(account.url, account.token) as client:
        _team, device = client.whoami()
    say("sync.cli.status_reachable", device=device)
    return 0


def report_server_compaction(done: Compaction) -> None:
    """What ``renodesk sync --compact`` did on the server, and whom it still waits for."""
    say("sync.cli.server_compacted", count=done.pruned)
    if done.waiting:
        say("sync.cli.server_waiting")
    for device in done.waiting:
        seen = (device.last_seen_at.astimezone().strftime("%d-%m-%Y %H:%M")
                if device.last_seen_at else t("server.cli.never"))
        say("sync.cli.server_waiting_device", name=device.name, user=device.user, seen=seen)
