"""A team on ``renodesk-server``: enrolling this laptop, taking (or creating) the team key
kept there, the server step of a sync, and putting a snapshot on the server.

The server step pushes this laptop's changesets, pulls the team's stream into the
private store and applies it there; only then is the server cursor kept (see
``server_transport``).
"""

from __future__ import annotations

import logging
import socket
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from renodesk.core.errors import RenoDeskError
from renodesk.core.workspace import Workspace
from renodesk.security import keys
from renodesk.sync import team as teams
from renodesk.sync.engine import SyncRun
from renodesk.sync.outcome import SyncOutcome
from renodesk.sync.server_client import Compaction, Enrolment, ServerClient
from renodesk.sync.server_compaction import compact_server_if_due, put_snapshot
from renodesk.sync.server_retention import purge_seen_tombstones
from renodesk.sync.server_transport import (
    ServerAccount,
    ServerTransport,
    load_account,
    save_account,
    store_root,
)

log = logging.getLogger(__name__)

ClientFactory = Callable[[str, str | None], ServerClient]


def default_client(url: str, token: str | None) -> ServerClient:
    """A client that gives up after a few quick retries: the next sync tries again."""
    return ServerClient(url, token, retries=2, backoff=0.5, max_backoff=4.0, timeout=15.0)


# --- enrolment and the team key ------------------------------------------------------


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
    team = teams.current_team(ws, store)
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
                client.store_team_key((team.root / teams.TEAM_FILE).read_text("utf-8"))
            return EnrolResult(enrolment.team, enrolment.user, False, False)
    return EnrolResult(enrolment.team, enrolment.user, True, on_server is None)


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
            content = teams.new_team_file(account.team, account.team, passphrase)[0].text()
            client.store_team_key(content)
    info = _unwrap_check(content, passphrase)
    if info.team_id != account.team:
        raise RenoDeskError("sync.server.other_team", server=account.team, team=info.team_id)
    (root / "devices").mkdir(parents=True, exist_ok=True)
    teams.write_team_file(root / teams.TEAM_FILE, content)
    return teams.join_team(ws, store, store_root(ws), passphrase, slug)


def _unwrap_check(content: str, passphrase: str) -> teams.TeamFile:
    """The team file the server keeps; a wrong passphrase stops here, before anything is
    kept on this laptop."""
    try:
        info = teams.TeamFile.parse(content)
    except (ValueError, KeyError, TypeError) as exc:
        raise RenoDeskError("sync.server.team_key_damaged") from exc
    info.unwrap(passphrase)
    return info


# --- the server step of a sync -------------------------------------------------------


def sync_server(ws: Workspace, local: teams.Team, account: ServerAccount, outcome: SyncOutcome,
                options: dict[str, Any], client_factory: ClientFactory,
                server_only: bool) -> None:
    """Push, pull and apply; then keep the cursor, remove old tombstones the whole team
    has seen (``server_only``: without a shared folder, whose markers say it otherwise)
    and renew the team's snapshot on the server when that is due."""
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
        applied = SyncRun(ws, local, send=False, acknowledge=False, **options).run()
        outcome.add(applied)
        if failed or applied.stopped is not None:
            return
        transport.acknowledge()
        try:
            if server_only:
                outcome.report.tombstones_removed += purge_seen_tombstones(ws, client)
            outcome.server_compaction = compact_server_if_due(ws, local, client,
                                                              transport.exchange.cursor)
        except RenoDeskError as exc:
            # Housekeeping: the sync itself went well; tried again on a later day.
            log.warning("housekeeping after sync failed: %s", exc.key)


# --- server compaction (automatic: see ``server_compaction``) ----------------------------


def compact_server(ws: Workspace, store: keys.SecretStore | None,
                   client_factory: ClientFactory = default_client) -> Compaction:
    """After a sync that went through: put this laptop's snapshot on the server, covering
    the stream up to its cursor. The server then deletes the changesets that it covers
    and every active laptop has pulled, and says which laptops it still waits for."""
    team = teams.current_team(ws, store)
    account = load_account(ws, store)
    if team is None or account is None:
        raise RenoDeskError("sync.server.not_enrolled")
    with client_factory(account.url, account.token) as client:
        return put_snapshot(ws, team, client)
