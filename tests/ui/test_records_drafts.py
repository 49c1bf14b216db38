"""Typed text survives a killed process: the next start offers the draft back."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
from pathlib import Path
from typing import Any

from fixtures.records_world import NOW, build_world

from renodesk.app import init_workspace, open_workspace
from renodesk.core.drafts import DraftStore
from renodesk.core.visits import plan_visit
from renodesk.paths import Paths
from renodesk.settings import Settings
from renodesk.ui.pages.base import PageContext
from renodesk.ui.worker import InlineRunner

TYPED = "Mevrouw wil graag een rustige kamer tijdens de sloop."

# The coach's session: open the visit, type, wait for the draft, then get killed.
SESSION = textwrap.dedent("""
    import sys, time
    from PySide6.QtWidgets import QApplication
    from PySide6.QtTest import QTest
    from renodesk.app import open_workspace
    from renodesk.core.drafts import DraftStore
    from renodesk.paths import Paths
    from renodesk.settings import Settings
    from renodesk.ui.pages.base import PageContext
    from renodesk.ui.pages.visits import VisitsPage
    from renodesk.ui.worker import InlineRunner

    root, visit_id, typed = sys.argv[1:4]
    app = QApplication([])
    ws = open_workspace(Paths(__import__("pathlib").Path(root)))
    context = PageContext(InlineRunner(ws), Settings(None), lambda *a: None, lambda m: None)
    page = VisitsPage(context)
    page.show()
    page.load(visit_id)
    QTest.keyClicks(page.editor.form.texts["notes"], typed)
    store = DraftStore(ws.engine)
    deadline = time.monotonic() + 20
    while store.load("visit:" + visit_id) is None and time.monotonic() < deadline:
        app.processEvents()
        time.sleep(0.02)
    print("DRAFTED", flush=True)
    time.sleep(120)
""")


def test_a_draft_is_offered_back_after_the_process_is_killed(qtbot: Any, tmp_path: Path) -> None:
    from renodesk.ui.pages.visits import VisitsPage

    paths = Paths(tmp_path / "workspace")
    # A demo workspace has a public passphrase, so the child process needs no keyring.
    ws = init_workspace(paths, "Woonstichting De Linde", "Sanne Bakker", demo=True)
    world = build_world(ws)
    visit_id = plan_visit(ws, world.households["Kees Jansen"], NOW, "kitchen_table").row_id
    ws.engine.dispose()

    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen",
           "PYTHON_KEYRING_BACKEND": "keyring.backends.fail.Keyring"}
    child = subprocess.Popen([sys.executable, "-c", SESSION, str(paths.root), visit_id, TYPED],
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)
    try:
        assert child.stdout is not None
        line = child.stdout.readline()
        assert line.strip() == "DRAFTED", child.stderr.read() if child.stderr else ""
    finally:
        child.send_signal(signal.SIGKILL)
        child.wait(timeout=10)
    assert child.returncode == -signal.SIGKILL

    ws = open_workspace(paths)  # the next start
    try:
        context = PageContext(InlineRunner(ws), Settings(None), lambda *a: None, lambda m: None)
        page = VisitsPage(context)
        qtbot.addWidget(page)
        page.show()
        page.load()
        assert page.editor.visit_id == visit_id
        assert page.editor.banner.isVisible()
        assert page.editor.form.texts["notes"].toPlainText() == ""
        page.editor.banner.restore_button.click()
        assert page.editor.form.texts["notes"].toPlainText() == TYPED
        page.run_command("save")
        assert ws.get("visit", visit_id)["notes"] == TYPED
        assert DraftStore(ws.engine).pending() == []
    finally:
        ws.engine.dispose()
