"""``renodesk-server``: the sync server's admin command line and ``serve``.

Every command first brings the database schema up to date, so a fresh database
needs no separate set-up step.
"""

from __future__ import annotations

import argparse
import getpass
import os
import sys
from collections.abc import Callable, Sequence
from datetime import datetime, timedelta

from renodesk.core.errors import RenoDeskError
from renodesk.core.i18n import t

ENV_DB = "RENODESK_SERVER_DB"
ENV_PASSWORD = "RENODESK_SERVER_PASSWORD"
DEFAULT_PORT = 8765


def default_db_url() -> str:
    """An embedded SQLite file for a one-office trial."""
    from platformdirs import user_data_dir

    return f"sqlite:///{user_data_dir('renodesk-server', 'RenoDesk')}/renodesk-server.sqlite"


def _when(moment: datetime | None) -> str:
    return moment.astimezone().strftime("%Y-%m-%d %H:%M") if moment else t("server.cli.never")


def _read_password(user: str) -> str:
    from_env = os.environ.get(ENV_PASSWORD)
    if from_env:
        return from_env
    if not sys.stdin.isatty():
        raise RenoDeskError("server.cli.password_missing", env=ENV_PASSWORD)
    first = getpass.getpass(t("server.cli.password_prompt", user=user))
    if getpass.getpass(t("server.cli.password_repeat")) != first:
        raise RenoDeskError("server.cli.password_mismatch")
    return first


def _team_create(args: argparse.Namespace) -> int:
    from renodesk.server import store

    with args.database.write() as session:
        store.create_team(session, args.name)
    print(t("server.cli.team_created", team=args.name))
    return 0


def _user_add(args: argparse.Namespace) -> int:
    from renodesk.server import store

    password = _read_password(args.name)
    with args.database.write() as session:
        store.add_user(session, args.team, args.name, password)
    print(t("server.cli.user_added", user=args.name, team=args.team))
    return 0


def _enrol_code(args: argparse.Namespace) -> int:
    from renodesk.server import store

    with args.database.write() as session:
        code, expires = store.issue_enrolment_code(
            session, args.team, args.user, timedelta(hours=args.hours)
        )
    print(t("server.cli.code_issued", user=args.user, team=args.team, code=code,
            expires=_when(expires)))
    return 0


def _devices_list(args: argparse.Namespace) -> int:
    from renodesk.server import store

    with args.database.read() as session:
        devices = store.list_devices(session, args.team)
    if not devices:
        print(t("server.cli.no_devices", team=args.team))
        return 0
    print(t("server.cli.devices_header"))
    for d in devices:
        status = (t("server.cli.status_revoked", when=_when(d.revoked_at)) if d.revoked_at
                  else t("server.cli.status_active"))
        print(f"{d.id}  {d.device_id}  {d.name}  {d.user}  {_when(d.enrolled_at)}  "
              f"{_when(d.last_seen_at)}  {status}")
    return 0


def _device_revoke(args: argparse.Namespace) -> int:
    from renodesk.server import store

    with args.database.write() as session:
        device = store.revoke_device(session, args.id)
        print(t("server.cli.device_revoked", id=device.id, device=device.device_id))
    return 0


def _serve(args: argparse.Namespace) -> int:
    import uvicorn

    from renodesk.server.app import create_app

    if bool(args.certfile) != bool(args.keyfile):
        raise RenoDeskError("server.cli.tls_pair")
    app = create_app(args.database)
    # One worker: the log-in throttle lives in this process's memory.
    uvicorn.run(
        app,
        host=args.host,
        port=args.port,
        ssl_certfile=args.certfile,
        ssl_keyfile=args.keyfile,
        proxy_headers=True,
        forwarded_allow_ips=args.forwarded_allow_ips,
        log_level=args.log_level,
        server_header=False,
    )
    return 0


def build_parser() -> argparse.ArgumentParser:
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument(
        "--db",
        default=os.environ.get(ENV_DB) or None,
        help=f"database URL: postgresql+psycopg://user@host/db or sqlite:///path "
        f"(default: ${ENV_DB}, else an SQLite file in the user's data folder)",
    )
    parser = argparse.ArgumentParser(
        prog="renodesk-server", description="RenoDesk sync server and its administration."
    )
    commands = parser.add_subparsers(dest="command", required=True)

    serve = commands.add_parser("serve", parents=[common], help="run the server")
    serve.add_argument("--host", default="127.0.0.1", help="address to listen on")
    serve.add_argument("--port", type=int, default=DEFAULT_PORT)
    serve.add_argument("--certfile", help="TLS certificate (PEM); or use a reverse proxy")
    serve.add_argument("--keyfile", help="TLS private key (PEM)")
    serve.add_argument("--forwarded-allow-ips", default="127.0.0.1",
                       help="reverse proxies whose X-Forwarded-For is trusted")
    serve.add_argument("--log-level", default="info")
    serve.set_defaults(handler=_serve)

    team = commands.add_parser("team", help="teams").add_subparsers(dest="action", required=True)
    create = team.add_parser("create", parents=[common], help="create a team")
    create.add_argument("name", help="the team id, as set in RenoDesk's sync settings")
    create.set_defaults(handler=_team_create)

    user = commands.add_parser("user", help="users").add_subparsers(dest="action", required=True)
    add = user.add_parser("add", parents=[common],
                          help=f"add a user (password asked, or from ${ENV_PASSWORD})")
    add.add_argument("--team", required=True)
    add.add_argument("--name", required=True)
    add.set_defaults(handler=_user_add)

    code = commands.add_parser("enrol-code", parents=[common],
                               help="issue a one-time enrolment code for a user")
    code.add_argument("--team", required=True)
    code.add_argument("--user", required=True)
    code.add_argument("--hours", type=int, default=72, help="valid for (default 72 hours)")
    code.set_defaults(handler=_enrol_code)

    devices = commands.add_parser("devices", help="devices").add_subparsers(
        dest="action", required=True)
    listing = devices.add_parser("list", parents=[common], help="list a team's devices")
    listing.add_argument("--team", required=True)
    listing.set_defaults(handler=_devices_list)

    device = commands.add_parser("device", help="one device").add_subparsers(
        dest="action", required=True)
    revoke = device.add_parser("revoke", parents=[common], help="revoke a device")
    revoke.add_argument("id", type=int, help="the number shown by 'devices list'")
    revoke.set_defaults(handler=_device_revoke)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    from sqlalchemy.exc import OperationalError

    from renodesk.server.db import Database, make_engine, upgrade
    from renodesk.server.errors import ApiError

    args = build_parser().parse_args(argv)
    handler: Callable[[argparse.Namespace], int] = args.handler
    try:
        engine = make_engine(args.db or default_db_url())
        try:
            upgrade(engine)
            args.database = Database(engine)
            return handler(args)
        finally:
            engine.dispose()
    except ApiError as exc:
        print(exc.body()["error"]["message"], file=sys.stderr)
        return 1
    except RenoDeskError as exc:
        print(exc.message(), file=sys.stderr)
        return 1
    except OperationalError as exc:
        print(t("server.cli.database_error", detail=str(exc.orig)), file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())
