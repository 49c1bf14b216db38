"""Folder sync benchmark (DESIGN.md §7, issue 5).

1. A new laptop joins a team and pulls a workspace of N households from the folder
   (bootstrap from the compacted snapshot), against raw ``sqlcipher3`` insertion of the
   same rows into an empty encrypted database. Target: at most 3x.
2. An incremental sync of 100 edits: sent by one laptop, received by another. Target: 1 s.

    python bench/bench_sync.py --households 2000     (the reference is 20000)
"""

from __future__ import annotations

import argparse
import os
import secrets
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _common import scratch_dir, timed, use_memory_keyring


def raw_insert_baseline(source_engine: object, target: Path,
                        bare: bool = False) -> tuple[float, int]:
    """Seconds to insert every synced row of the source into a fresh SQLCipher file.

    Fair to the sync: the target gets the workspace's own schema (every table, index
    and trigger, the search index included) and the same pragmas, so both sides pay
    for the same index and trigger work. What the sync does on top (field clocks,
    tombstones, decrypting and decoding the snapshot) is its own overhead.
    ``bare``: tables only, no indexes or triggers (the cheaper, unfair baseline this
    benchmark used before; printed for comparison)."""
    import sqlcipher3
    from sqlalchemy import select

    from renodesk.storage.engine import CACHE_KIB
    from renodesk.storage.models import SYNCED_MODELS
    from renodesk.storage.models import table as table_for
    from renodesk.storage.search import fold
    from renodesk.sync.synced_tables import dependency_rank

    order = sorted(SYNCED_MODELS, key=lambda n: dependency_rank()[n])
    rows: dict[str, list[tuple[object, ...]]] = {}
    # Named columns: a migration adds columns at the end of a table, the model may not.
    columns = {name: ", ".join(table_for(SYNCED_MODELS[name]).columns.keys()) for name in order}
    with source_engine.connect() as conn:  # type: ignore[attr-defined]
        for name in order:
            rows[name] = [tuple(r) for r in conn.exec_driver_sql(
                str(select(table_for(SYNCED_MODELS[name])).compile())).all()]
        schema = [sql for (sql,) in conn.exec_driver_sql(
            "SELECT sql FROM sqlite_master WHERE sql IS NOT NULL AND name NOT LIKE 'sqlite_%' "
            "ORDER BY CASE type WHEN 'table' THEN 0 WHEN 'index' THEN 1 ELSE 2 END, rowid")
            if not bare or sql.startswith("CREATE TABLE")]
    conn2 = sqlcipher3.connect(str(target), isolation_level=None)
    conn2.execute("PRAGMA cipher_memory_security = OFF")
    conn2.execute(f"PRAGMA key = \"x'{secrets.token_hex(32)}'\"")
    conn2.create_function("rd_fold", 1, fold, deterministic=True)  # the search triggers
    conn2.execute("PRAGMA temp_store = MEMORY")
    conn2.execute("PRAGMA foreign_keys = ON")
    conn2.execute("PRAGMA journal_mode = WAL")
    conn2.execute("PRAGMA synchronous = NORMAL")
    conn2.execute(f"PRAGMA cache_size = -{CACHE_KIB}")
    for sql in schema:
        try:
            conn2.execute(sql)
        except sqlcipher3.OperationalError as exc:
            if "already exists" not in str(exc):  # a search index's own shadow tables
                raise
    total = sum(len(v) for v in rows.values())

    def insert_all() -> None:
        conn2.execute("BEGIN")
        for name in order:
            if rows[name]:
                width = len(rows[name][0])
                conn2.executemany(f"INSERT INTO {name} ({columns[name]}) "
                                  f"VALUES ({','.join('?' * width)})", rows[name])
        conn2.execute("COMMIT")

    seconds = timed(insert_all)
    conn2.close()
    return seconds, total


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--households", type=int, default=2000)
    parser.add_argument("--keep", help="keep the scratch files in this folder")
    args = parser.parse_args()
    use_memory_keyring()
    os.environ.pop("RENODESK_PASSPHRASE", None)

    from renodesk.app import init_workspace
    from renodesk.core.workspace import Workspace
    from renodesk.paths import Paths
    from renodesk.reports.demo import generate
    from renodesk.security.keys import SecretStore, WorkspaceFile
    from renodesk.sync.engine import SyncRun
    from renodesk.sync.team import create_team, join_team, load_team

    with scratch_dir(args.keep) as tmp:
        def laptop(name: str) -> tuple[Workspace, SecretStore]:
            paths = Paths.resolve(tmp / name)
            ws = init_workspace(paths, "Woonstichting De Linde", f"Coach {name}")
            return ws, SecretStore(WorkspaceFile.read(paths.workspace_file).workspace_id)

        share = tmp / "share"
        share.mkdir()
        source, source_store = laptop("source")
        made = timed(lambda: generate(source, households=args.households, seed=3))
        create_team(source, source_store, share, "Team Bench", "bench-wachtwoord-1")
        team = load_team(source, source_store)
        first = SyncRun(source, team)
        send_all = timed(first.run)
        compact = timed(first.compact)
        print(f"households {args.households}: demo data {made:.1f} s, first send "
              f"{first.report.sent_ops} operations in {send_all:.1f} s, snapshot {compact:.1f} s")

        newcomer, newcomer_store = laptop("newcomer")
        join_team(newcomer, newcomer_store, share, "bench-wachtwoord-1")
        pull = SyncRun(newcomer, load_team(newcomer, newcomer_store))
        pulled = timed(pull.run)
        assert pull.report.stopped is None and pull.report.bootstrapped
        baseline, rows = raw_insert_baseline(source.engine, tmp / "raw.db")
        bare, _rows = raw_insert_baseline(source.engine, tmp / "bare.db", bare=True)
        print(f"new laptop pulls {rows} records: {pulled:.2f} s; raw sqlcipher3 insert "
              f"{baseline:.2f} s (same schema, indexes and triggers); ratio "
              f"{pulled / baseline:.2f}x (target <= 3x)")
        print(f"  for comparison, into bare tables (no indexes, no search triggers): "
              f"{bare:.2f} s, ratio {pulled / bare:.2f}x")

        from sqlalchemy import select

        from renodesk.core.workspace import table_of

        households = table_of("household")
        with source.engine.connect() as conn:
            ids = conn.execute(select(households.c.id).limit(100)).scalars().all()
        with source.write() as uow:
            for number, household in enumerate(ids):
                uow.update("household", household, {"phone": f"06-{10000000 + number}"})
        send = SyncRun(source, team)
        sent = timed(send.run)
        receive = SyncRun(newcomer, load_team(newcomer, newcomer_store))
        received = timed(receive.run)
        print(f"incremental sync of {len(ids)} edits: send {sent:.3f} s, receive "
              f"{received:.3f} s, together {sent + received:.3f} s (target <= 1 s)")
        for ws in (source, newcomer):
            ws.engine.dispose()
    return 0


if __name__ == "__main__":
    sys.exit(main())
