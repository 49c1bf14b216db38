"""Render each main screen of the demo workspace to PNG, offscreen.

Every page in the registry is included automatically; the household profile is
shown for the first household (by name) with a recorded need and a partner. Work
runs inline so each page is complete when it is grabbed.
"""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QSize
from PySide6.QtWidgets import QApplication

from renodesk.paths import Paths

SIZE = QSize(1280, 800)


def _first_household(paths: Paths) -> str | None:
    from sqlalchemy import select

    from renodesk.commands._common import ensure_demo
    from renodesk.storage.models import Household, Involvement, Vulnerability

    workspace = ensure_demo(paths)
    with workspace.engine.connect() as conn:
        # A profile that shows what the page is for: needs, a partner, and guidance.
        found = conn.execute(
            select(Household.id)
            .where(Household.id.in_(select(Vulnerability.household_id)),
                   Household.id.in_(select(Involvement.household_id)))
            .order_by(Household.name).limit(1)).scalar() or conn.execute(
            select(Household.id).order_by(Household.name).limit(1)).scalar()
    workspace.engine.dispose()
    return str(found) if found else None


def render(paths: Paths, out: Path, language: str = "nl") -> list[Path]:
    """Write one PNG per page (and the lock screen) into ``out``; returns the files."""
    from renodesk.ui.app import _open_demo, build
    from renodesk.ui.worker import InlineRunner

    app = QApplication.instance() or QApplication(sys.argv[:1])
    out.mkdir(parents=True, exist_ok=True)
    household = _first_household(paths)
    runner = InlineRunner(_open_demo(paths))
    window, _startup = build(paths, language, demo=True, runner=runner)
    window.resize(SIZE)
    window.show()
    window.workspace_ready()
    written: list[Path] = []

    def grab(name: str) -> None:
        for _ in range(3):
            app.processEvents()
        target = out / f"{name}.png"
        window.grab().save(str(target))
        written.append(target)

    for key, page in window.page_classes.items():
        if page.in_navigation:
            window.navigate(key)
        elif key == "household" and household:
            window.navigate(key, household)
        else:
            continue
        grab(f"{len(written) + 1:02d}-{key}")
    window.lock()
    grab(f"{len(written) + 1:02d}-locked")
    window.unlock()
    runner.workspace.engine.dispose()
    window.close()
    return written
