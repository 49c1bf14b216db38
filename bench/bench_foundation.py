"""Foundation benchmarks on the reference workspace (DESIGN.md §7).

1. Building the workspace through the use cases vs inserting the same rows with raw
   sqlcipher3 executemany (target <= 5x).
2. Household search by name, street or postcode (target p95 <= 30 ms), against a naive
   LIKE scan of the same data as the baseline.
3. Recording one visit with two adjustments through the use cases (target median <= 10 ms),
   against raw inserts of the same three rows.

Run: .venv/bin/python bench/bench_foundation.py [--households 20000]
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _common import percentile, scratch_dir, summary_ms, use_memory_keyring, verdict

from renodesk import app
from renodesk.core.workspace import Workspace, table_of
from renodesk.paths import Paths
from renodesk.reports import demo
from renodesk.storage import migrate
from renodesk.storage.engine import _connect, open_engine
from renodesk.storage.search import find_household_ids

TODAY = date(2026, 11, 26)


def raw_database(path: Path) -> Any:
    """A migrated, empty database opened as a bare sqlcipher3 connection."""
    key = b"\x42" * 32
    engine = open_engine(path, key)
    migrate.upgrade(engine, path, path.parent / "backups")
    engine.dispose()
    conn = _connect(path, key)
    return conn


def raw_insert(conn: Any, batch: demo.Batch) -> None:
    conn.execute("BEGIN")
    for entity in demo.WRITE_ORDER:
        rows = batch.get(entity)
        if not rows:
            continue
        columns = [c.name for c in table_of(entity).c]
        sql = (f"INSERT INTO {entity} ({', '.join(columns)}) "
               f"VALUES ({', '.join('?' for _ in columns)})")
        defaults = {c.name: getattr(c.default, "arg", None) for c in table_of(entity).c}
        conn.executemany(sql, [tuple(row.get(c, defaults[c] if not callable(defaults[c])
                                             else None) for c in columns) for row in rows])
    conn.execute("COMMIT")


def bench_build(households: int, folder: Path) -> Workspace:
    batches = list(demo.iter_batches(households, seed=1, today=TODAY))
    rows = sum(len(r) for b in batches for r in b.values())
    conn = raw_database(folder / "raw.db")
    started = time.perf_counter()
    for batch in batches:
        raw_insert(conn, batch)
    raw = time.perf_counter() - started
    conn.close()

    workspace = app.init_workspace(Paths.resolve(folder / "ws"), "Woonstichting De Linde",
                                   "Sanne Bakker")
    started = time.perf_counter()
    for batch in batches:
        demo.write_batch(workspace, batch)
    use_cases = time.perf_counter() - started
    ratio = use_cases / raw
    print(f"[build] {households} households, {rows} rows")
    print(f"  raw sqlcipher3 executemany: {raw:.2f} s ({rows / raw:,.0f} rows/s)")
    print(f"  through the use cases:      {use_cases:.2f} s "
          f"(rows + audit entries + outbox operations)")
    print(f"  ratio {ratio:.2f}x (target <= 5x) {verdict(ratio <= 5)}")
    return workspace


def bench_search(workspace: Workspace) -> None:
    rng = random.Random(5)
    with workspace.engine.connect() as conn:
        sample = conn.exec_driver_sql(
            "SELECT h.name, d.street, d.number, d.postcode FROM household h "
            "JOIN dwelling d ON d.id = h.dwelling_id ORDER BY h.id LIMIT 400").fetchall()
    queries: list[str] = []
    for name, street, number, postcode in rng.sample(sample, 60):
        surname = name.split()[-1]
        # what a coach types, keystroke by keystroke
        queries += [surname[:n] for n in range(1, min(len(surname), 6) + 1)]
        queries += [street[:5], f"{street} {number}", postcode, postcode.replace(" ", "")]
    fts: list[float] = []
    like: list[float] = []
    with workspace.engine.connect() as conn:
        for query in queries:
            started = time.perf_counter()
            ids = find_household_ids(conn, query, limit=200)
            if ids:
                marks = ",".join("?" * len(ids))
                conn.exec_driver_sql(
                    "SELECT h.id, h.name, d.street, d.number, d.postcode FROM household h "
                    f"JOIN dwelling d ON d.id = h.dwelling_id WHERE h.id IN ({marks})",
                    tuple(ids)).fetchall()
            fts.append(time.perf_counter() - started)
            started = time.perf_counter()
            pattern = f"%{query}%"
            conn.exec_driver_sql(
                "SELECT h.id, h.name, d.street, d.number, d.postcode FROM household h "
                "JOIN dwelling d ON d.id = h.dwelling_id WHERE h.name LIKE ? OR d.street LIKE ? "
                "OR d.postcode LIKE ? LIMIT 200", (pattern, pattern, pattern)).fetchall()
            like.append(time.perf_counter() - started)
    p95 = percentile(fts, 95)
    print(f"[search] {len(queries)} queries (keystrokes, streets, postcodes)")
    print(f"  trigram index + rows:  {summary_ms(fts)}")
    print(f"  baseline LIKE scan:    {summary_ms(like)}")
    print(f"  p95 {p95 * 1000:.2f} ms (target <= 30 ms) {verdict(p95 <= 0.030)}; "
          f"ratio to LIKE p95 {p95 / percentile(like, 95):.2f}x")


def bench_record_visit(workspace: Workspace, folder: Path) -> None:
    with workspace.engine.connect() as conn:
        targets = conn.exec_driver_sql(
            "SELECT h.id, d.project_id FROM household h JOIN dwelling d ON d.id = h.dwelling_id "
            "WHERE h.consent_basis != 'none' LIMIT 200").fetchall()
    times: list[float] = []
    for index, (household, project) in enumerate(targets):
        when = datetime(2026, 12, 1, 10, 0) + timedelta(hours=index)
        started = time.perf_counter()
        with workspace.write() as uow:
            visit = uow.create("visit", {"household_id": household, "planned_at": when,
                                         "kind": "kitchen_table", "status": "done",
                                         "notes": "Keukentafelgesprek over de planning.",
                                         "wishes": "Douchestoel", "worries": "Stof"})
            for category, text in (("storage", "Opslagcontainer drie weken"),
                                   ("communication", "Vaste contactpersoon")):
                uow.create("adjustment", {"household_id": household, "project_id": project,
                                          "visit_id": visit, "category": category,
                                          "description": text, "status": "agreed"})
        times.append(time.perf_counter() - started)
    conn = raw_database(folder / "raw-visit.db")
    conn.execute("PRAGMA foreign_keys = OFF")  # the baseline has no households to point at
    raw: list[float] = []
    for index in range(len(targets)):
        started = time.perf_counter()
        conn.execute("BEGIN")
        conn.execute("INSERT INTO visit (id, household_id, planned_at, duration_minutes, status,"
                     " kind, visitors, attendees, notes, wishes, worries, addenda) VALUES "
                     "(?, ?, ?, 60, 'done', 'kitchen_table', '', '', 'x', 'y', 'z', '')",
                     (f"{index:032x}", "h", "2026-12-01 10:00:00"))
        for n in range(2):
            conn.execute("INSERT INTO adjustment (id, household_id, project_id, visit_id, "
                         "category, description, status) VALUES (?, 'h', 'p', ?, 'storage', "
                         "'x', 'agreed')", (f"{index:030x}a{n}", f"{index:032x}"))
        conn.execute("COMMIT")
        raw.append(time.perf_counter() - started)
    conn.close()
    median = sorted(times)[len(times) // 2]
    print("[record visit] one visit with two adjustments, one transaction")
    print(f"  through the use cases: {summary_ms(times)}")
    print(f"  raw inserts baseline:  {summary_ms(raw)}")
    print(f"  median {median * 1000:.2f} ms (target <= 10 ms) {verdict(median <= 0.010)}; "
          f"ratio {median / sorted(raw)[len(raw) // 2]:.1f}x")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--households", type=int, default=20000)
    parser.add_argument("--keep", help="keep the workspace in this folder")
    args = parser.parse_args()
    use_memory_keyring()
    with scratch_dir(args.keep) as folder:
        workspace = bench_build(args.households, folder)
        bench_search(workspace)
        bench_record_visit(workspace, folder)
        workspace.engine.dispose()


if __name__ == "__main__":
    main()
