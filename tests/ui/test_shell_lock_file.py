"""The window starts while another RenoDesk program has the workspace open: it says which
program, and opens the workspace once the coach tries again after that program ended."""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from fixtures.lock_holder import close_normally, held_by_another_process
from PySide6.QtWidgets import QAbstractButton, QMessageBox

from renodesk.app import init_workspace
from renodesk.core import i18n as core_i18n
from renodesk.paths import Paths
from renodesk.storage.workspace_lock import WINDOW, command_label
from renodesk.ui.app import Startup, build
from renodesk.ui.main_window import MainWindow
from renodesk.ui.worker import InlineRunner

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="POSIX child processes")


def _demo_workspace(tmp_path: Path) -> Paths:
    paths = Paths(tmp_path / "werkruimte")
    init_workspace(paths, "Woonstichting De Linde", "Sanne Bakker", demo=True).engine.dispose()
    return paths


@pytest.fixture
def start(qtbot: Any, compiled_translations: None) -> Iterator[Callable[[Paths], Startup]]:
    """Start the window in Dutch over ``paths``, background work run inline."""
    windows: list[MainWindow] = []

    def started(paths: Paths) -> Startup:
        window, startup = build(paths, "nl", demo=False, runner=InlineRunner())
        qtbot.addWidget(window)
        windows.append(window)
        window.show()
        startup.begin()
        return startup

    yield started
    for window in windows:
        if window.ready:
            window.runner.workspace.engine.dispose()
        window.translations.use_source_texts()  # other tests see the source texts
    core_i18n.set_language("nl")


def _button(box: QMessageBox | None, text: str) -> QAbstractButton:
    assert box is not None and box.isVisible()
    return next(button for button in box.buttons() if button.text() == text)


def test_the_window_says_a_command_has_the_workspace_and_opens_it_on_retry(
        qtbot: Any, tmp_path: Path, start: Callable[[Paths], Startup]) -> None:
    paths = _demo_workspace(tmp_path)
    with held_by_another_process(paths.root, command_label("sync")) as command:
        startup = start(paths)
        window, box = startup.window, startup.in_use
        assert box is not None
        assert box.windowTitle() == "Werkruimte in gebruik"
        assert "de opdracht 'renodesk sync'" in box.text()
        assert f"proces {command.pid}" in box.text()
        assert not window.ready

        _button(box, "&Opnieuw proberen").click()  # still running: said again
        assert startup.in_use is not None and startup.in_use is not box
        assert "Wacht tot die opdracht klaar is" in window.loading.text()
        assert not window.ready

        close_normally(command)
        _button(startup.in_use, "&Opnieuw proberen").click()
        qtbot.waitUntil(lambda: window.ready)
        assert startup.in_use is None
        assert window.runner.workspace.meta("coach_name") == "Sanne Bakker"


def test_closing_from_the_message_closes_the_window(
        qtbot: Any, tmp_path: Path, start: Callable[[Paths], Startup]) -> None:
    paths = _demo_workspace(tmp_path)
    with held_by_another_process(paths.root, WINDOW):
        startup = start(paths)
        assert startup.in_use is not None
        assert "Sluit het RenoDesk-venster en probeer het opnieuw." in startup.in_use.text()
        _button(startup.in_use, "RenoDesk &sluiten").click()
        qtbot.waitUntil(lambda: not startup.window.isVisible())
        assert not startup.window.ready
