"""Household search as you type and opening a profile, on the reference workspace.

    .venv/bin/python bench/bench_ui_search.py                  # 20,000 households
    .venv/bin/python bench/bench_ui_search.py --households 2000 --keep /tmp/ws2k

One keystroke = what the Huishoudens page does after its debounce: the indexed
search (ids plus the first screenful of rows), the model reset and every value a
paint asks of the model for the visible cells. The repaint itself is reported
apart, beside a bare QTableView's repaint (Qt's own raster cost on this machine).
Baselines, measured in the same run on the same keystrokes: a plain substring
filter over all households held in a Python list, and a bare SQL
``LIKE`` over the same folded text without the index.
Opening a profile = loading it (with the audit entry) and filling the page.
Targets: keystroke p95 <= 30 ms, profile median <= 50 ms.
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _common import (
    percentile,
    scratch_dir,
    summary_ms,
    timed,
    use_memory_keyring,
    verdict,
)

KEYSTROKE_TARGET_MS = 30.0
VISIBLE_ROWS = 32
PROFILE_TARGET_MS = 50.0


def workspace(root: Path, households: int) -> Any:
    from renodesk.app import exists, init_workspace, open_workspace
    from renodesk.paths import Paths
    from renodesk.reports.demo import generate

    paths = Paths(root / "workspace")
    if exists(paths):
        return open_workspace(paths)
    started = time.perf_counter()
    ws = init_workspace(paths, "Woonstichting De Linde (fictief)", "Sanne Bakker", demo=True)
    counts = generate(ws, households=households, seed=1)
    print(f"built workspace in {time.perf_counter() - started:.0f} s: "
          + ", ".join(f"{counts.get(k, 0)} {k}" for k in
                      ("household", "visit", "adjustment", "contact_moment")))
    return ws


def bare_table_paints(width: int, height: int, times: int) -> list[float]:
    """Repaints of a plain QTableView over a QStandardItemModel with as many visible cells."""
    from PySide6.QtGui import QStandardItem, QStandardItemModel
    from PySide6.QtWidgets import QApplication, QTableView

    model = QStandardItemModel(VISIBLE_ROWS * 4, 8)
    for row in range(VISIBLE_ROWS * 4):
        for column in range(8):
            model.setItem(row, column, QStandardItem(f"Łukasz Wiśniewski {row}"))
    view = QTableView()
    view.setModel(model)
    view.setAlternatingRowColors(True)
    view.resize(width, height)
    view.show()
    QApplication.processEvents()
    return [timed(view.viewport().repaint) for _ in range(times)]


def keystrokes(ws: Any, samples: int, rng: random.Random) -> list[str]:
    """What coaches type: growing prefixes of names, 'street number' and postcodes."""
    from sqlalchemy import text

    with ws.engine.connect() as conn:
        rows = conn.execute(text(
            "SELECT h.name, d.street, d.number, d.postcode FROM household h "
            "JOIN dwelling d ON d.id = h.dwelling_id")).all()
    typed: list[str] = []
    for name, street, number, postcode in rng.sample(rows, min(samples, len(rows))):
        for target in (name.split()[-1], f"{street} {number}", postcode):
            typed.extend(target[:n] for n in range(1, len(target) + 1))
    return typed


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--households", type=int, default=20_000)
    parser.add_argument("--samples", type=int, default=12, help="households whose names are typed")
    parser.add_argument("--profiles", type=int, default=200)
    parser.add_argument("--keep", help="folder to keep (and reuse) the generated workspace")
    args = parser.parse_args()
    use_memory_keyring()

    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QApplication
    from sqlalchemy import text

    from renodesk.core.queries.households import HouseholdFilter, open_profile
    from renodesk.settings import Settings
    from renodesk.storage.search import fold, search_terms
    from renodesk.ui.pages.base import PageContext
    from renodesk.ui.pages.household import HouseholdPage
    from renodesk.ui.pages.households import HouseholdsPage, search
    from renodesk.ui.worker import InlineRunner

    roles = tuple(int(r) for r in (
        Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.DecorationRole, Qt.ItemDataRole.FontRole,
        Qt.ItemDataRole.TextAlignmentRole, Qt.ItemDataRole.BackgroundRole,
        Qt.ItemDataRole.ForegroundRole, Qt.ItemDataRole.CheckStateRole))
    app = QApplication.instance() or QApplication([])
    rng = random.Random(7)
    with scratch_dir(args.keep) as root:
        ws = workspace(root, args.households)
        context = PageContext(InlineRunner(ws), Settings(None), lambda *a: None,
                              lambda _m: None)
        page = HouseholdsPage(context)
        page.resize(1200, 800)
        page.show()
        page.load()
        app.processEvents()
        typed = keystrokes(ws, args.samples, rng)

        model, view = page.model, page.view

        def keystroke(prefix: str) -> None:
            page.query.blockSignals(True)  # the debounce timer is not what we time
            page.query.setText(prefix)
            page.query.blockSignals(False)
            page.refresh()
            # Everything a paint asks of the model: each visible cell, each role.
            for row in range(min(model.rowCount(), VISIBLE_ROWS)):
                for column in range(model.columnCount()):
                    index = model.index(row, column)
                    for role in roles:
                        model.data(index, role)

        for prefix in typed[:20]:  # warm the page cache
            keystroke(prefix)
        ours: list[float] = []
        paints: list[float] = []
        for prefix in typed:
            started = time.perf_counter()
            keystroke(prefix)
            ours.append(time.perf_counter() - started)
            paints.append(timed(view.viewport().repaint))
        bare_paints = bare_table_paints(view.width(), view.height(), len(paints))
        core: list[float] = []
        for prefix in typed:
            started = time.perf_counter()
            search(ws, HouseholdFilter(query=prefix))
            core.append(time.perf_counter() - started)

        # Baseline 1: every household's folded text in a Python list, plain substring test.
        with ws.engine.connect() as conn:
            everything = [(hid, fold(f"{name} {street} {number}{addition} {number} {postcode} "
                                     f"{postcode.replace(' ', '')} {city}"))
                          for hid, name, street, number, addition, postcode, city in conn.execute(
                              text("SELECT h.id, h.name, d.street, d.number, d.addition, "
                                   "d.postcode, d.city FROM household h "
                                   "JOIN dwelling d ON d.id = h.dwelling_id"))]
        in_list: list[float] = []
        for prefix in typed:
            terms = search_terms(prefix)
            started = time.perf_counter()
            [hid for hid, body in everything if all(t in body for t in terms)]
            in_list.append(time.perf_counter() - started)
        # Baseline 2: a bare SQL LIKE over the same folded text, without the index.
        like_sql = text(
            "SELECT h.id FROM household h JOIN dwelling d ON d.id = h.dwelling_id "
            "WHERE rd_fold(h.name || ' ' || d.street || ' ' || d.number || d.addition || ' ' "
            "|| d.postcode || ' ' || replace(d.postcode, ' ', '')) LIKE :q")
        bare: list[float] = []
        with ws.engine.connect() as conn:
            for prefix in typed[::4]:
                started = time.perf_counter()
                conn.execute(like_sql, {"q": f"%{fold(prefix)}%"}).all()
                bare.append(time.perf_counter() - started)

        profile_page = HouseholdPage(context)
        profile_page.resize(1200, 800)
        profile_page.show()
        with ws.engine.connect() as conn:
            all_ids = [r[0] for r in conn.execute(text("SELECT id FROM household"))]
        ids = rng.sample(all_ids, min(args.profiles, len(all_ids)))
        profile_page.load(ids[0])
        opened: list[float] = []
        loaded: list[float] = []
        for household_id in ids:
            started = time.perf_counter()
            open_profile(ws, household_id)
            loaded.append(time.perf_counter() - started)
            started = time.perf_counter()
            profile_page.load(household_id)
            app.processEvents()
            opened.append(time.perf_counter() - started)
        ws.engine.dispose()

    p95 = percentile(ours, 95) * 1000
    print(f"households: {args.households}, keystrokes: {len(typed)}")
    print(f"keystroke, page (search + model + visible cells):  {summary_ms(ours)}")
    print(f"keystroke, search only (ids + first rows):         {summary_ms(core)}")
    print(f"baseline, substring filter over a Python list:     {summary_ms(in_list)}")
    print(f"baseline, bare SQL LIKE without the index:         {summary_ms(bare)}")
    print(f"ratio keystroke p95 / Python-list p95: "
          f"{percentile(ours, 95) / max(percentile(in_list, 95), 1e-9):.2f}x; "
          f"/ bare LIKE p95: {percentile(ours, 95) / max(percentile(bare, 95), 1e-9):.2f}x")
    print(f"keystroke p95 {p95:.1f} ms vs target {KEYSTROKE_TARGET_MS:.0f} ms: "
          f"{verdict(p95 <= KEYSTROKE_TARGET_MS)}")
    print(f"repaint of the table after a keystroke:            {summary_ms(paints)}")
    print(f"baseline, repaint of a bare QTableView (same size): {summary_ms(bare_paints)} "
          f"-> ratio {statistics.median(paints) / max(statistics.median(bare_paints), 1e-9):.2f}x")
    median = statistics.median(opened) * 1000
    print(f"open profile, load + audit:            {summary_ms(loaded)}")
    print(f"open profile, load + audit + page:     {summary_ms(opened)}")
    print(f"open profile median {median:.1f} ms vs target {PROFILE_TARGET_MS:.0f} ms: "
          f"{verdict(median <= PROFILE_TARGET_MS)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
