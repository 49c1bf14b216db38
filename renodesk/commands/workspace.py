"""Workspace commands: init, info, check, demo-data."""

from __future__ import annotations

import argparse
import time
from typing import Any

from renodesk.commands._common import open_from, paths_from, prompt_passphrase, say


def register(sub: Any) -> None:
    init = sub.add_parser("init", help="create a new encrypted workspace")
    init.add_argument("--organisation", required=True)
    init.add_argument("--coach", required=True)
    init.set_defaults(handler=cmd_init)

    info = sub.add_parser("info", help="workspace path, counts per entity, keyring in use")
    info.set_defaults(handler=cmd_info)

    check = sub.add_parser("check", help="integrity checks and operations not yet synced")
    check.set_defaults(handler=cmd_check)

    demo = sub.add_parser("demo-data", help="fill the workspace with fictitious demo data")
    demo.add_argument("--households", type=int, default=200)
    demo.add_argument("--seed", type=int, default=1)
    demo.set_defaults(handler=cmd_demo_data)


def cmd_init(args: argparse.Namespace) -> int:
    from renodesk import app
    from renodesk.security import keys

    paths = paths_from(args)
    workspace = app.init_workspace(paths, args.organisation, args.coach,
                                   lambda: prompt_passphrase(new=True), demo=args.demo)
    say("cli.init_done", path=str(paths.root))
    if keys.WorkspaceFile.read(paths.workspace_file).key_mode == "keyring":
        say("cli.key_in_keyring", backend=keys.keyring_backend_name())
    else:
        say("cli.key_passphrase")
    workspace.engine.dispose()
    return 0


def entity_counts(workspace: Any) -> dict[str, int]:
    from sqlalchemy import func, select

    from renodesk.core.workspace import table_of
    from renodesk.storage.models import SYNCED_MODELS

    counts = {}
    with workspace.engine.connect() as conn:
        for entity in sorted(SYNCED_MODELS):
            counts[entity] = int(conn.execute(
                select(func.count()).select_from(table_of(entity))).scalar() or 0)
    return counts


def cmd_info(args: argparse.Namespace) -> int:
    from renodesk.security import keys

    paths = paths_from(args)
    workspace = open_from(args, read_only=True)  # runs beside the window
    info = keys.WorkspaceFile.read(paths.workspace_file)
    print(f"workspace: {paths.root}")
    print(f"database:  {paths.database}")
    print(f"key:       {info.key_mode}" + (" (demo: public passphrase)" if info.demo else ""))
    print(f"keyring:   {keys.keyring_backend_name()}"
          + ("" if keys.keyring_usable() else " (not usable)"))
    print(f"device:    {workspace.device_id}")
    for entity, count in entity_counts(workspace).items():
        print(f"  {entity:<16} {count:>8}")
    print(f"unsynced operations: {workspace.op_count()}")
    workspace.engine.dispose()
    return 0


def integrity_problems(workspace: Any) -> list[str]:
    problems: list[str] = []
    with workspace.engine.connect() as conn:
        result = [str(r[0]) for r in conn.exec_driver_sql("PRAGMA integrity_check")]
        if result != ["ok"]:
            problems.extend(result)
        problems.extend(str(r[0]) for r in conn.exec_driver_sql("PRAGMA cipher_integrity_check"))
    return problems


def cmd_check(args: argparse.Namespace) -> int:
    workspace = open_from(args, read_only=True)  # runs beside the window
    problems = integrity_problems(workspace)
    print(f"integrity_check: {'ok' if not problems else 'FAILED'}")
    print("cipher_integrity_check: " + ("ok" if not problems else "see above"))
    print(f"unsynced operations: {workspace.op_count()}")
    workspace.engine.dispose()
    if problems:
        for problem in problems[:20]:
            print(problem)
        say("cli.check_bad", detail=problems[0])
        return 1
    say("cli.check_ok")
    return 0


def cmd_demo_data(args: argparse.Namespace) -> int:
    from renodesk.reports.demo import generate

    workspace = open_from(args)
    started = time.perf_counter()
    generate(workspace, households=args.households, seed=args.seed)
    say("cli.demo_done", count=args.households, path=str(paths_from(args).root),
        seconds=time.perf_counter() - started)
    workspace.engine.dispose()
    return 0
