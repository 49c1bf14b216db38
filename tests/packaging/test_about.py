"""Help -> About shows the one version number and the licences of the bundled components."""

from __future__ import annotations

from collections.abc import Iterator
from importlib import metadata
from typing import Any

import pytest
from PySide6.QtWidgets import QLabel

from renodesk.paths import licences_dir
from renodesk.ui.about import COMPONENTS, AboutDialog, component_version


def _cell(dialog: AboutDialog, row: int, column: int) -> str:
    item = dialog.table.item(row, column)
    assert item is not None
    return item.text()


def test_the_about_dialog_shows_the_package_version_and_every_component(qtbot: Any) -> None:
    dialog = AboutDialog()
    qtbot.addWidget(dialog)
    heading = dialog.findChild(QLabel, "aboutVersion")
    assert heading is not None and metadata.version("renodesk") in heading.text()
    rows = range(dialog.table.rowCount())
    assert [_cell(dialog, row, 0) for row in rows] == [component.name for component in COMPONENTS]
    licences = {_cell(dialog, row, 0): _cell(dialog, row, 2) for row in rows}
    assert licences["Qt 6"] == "LGPL-3.0-only"
    assert licences["SQLCipher"] == "BSD-3-Clause"
    assert licences["ReportLab"] == "BSD-3-Clause"


def test_every_installed_component_reports_its_version() -> None:
    for component in COMPONENTS:
        if component.distribution:
            assert component_version(component) == metadata.version(component.distribution)
    versions = {component.name: component_version(component) for component in COMPONENTS}
    assert versions["Qt 6"].startswith("6.")
    assert versions["SQLCipher"][:1].isdigit(), versions["SQLCipher"]


def test_the_licence_texts_the_dialog_points_to_exist() -> None:
    folder = licences_dir()
    assert (folder / "LGPL-3.0.txt").read_text("utf-8").startswith(
        "                   GNU LESSER GENERAL PUBLIC LICENSE")
    assert (folder / "GPL-3.0.txt").is_file()


@pytest.fixture
def window(qtbot: Any, small_demo: Any, workspace_paths: Any) -> Iterator[Any]:
    """The main window in Dutch over a small fictitious workspace."""
    from renodesk.ui.app import build
    from renodesk.ui.i18n_build import release
    from renodesk.ui.worker import InlineRunner

    release()
    runner = InlineRunner()
    shown, _startup = build(workspace_paths, "nl", demo=False, runner=runner)
    qtbot.addWidget(shown)
    runner.workspace = small_demo
    shown.workspace_ready()
    yield shown
    shown.translations.use_source_texts()  # other tests expect the source texts


def test_help_about_is_in_the_main_window_and_follows_the_language(qtbot: Any, window: Any) -> None:
    assert window.menus.help_menu.menuAction() in window.menuBar().actions()
    assert window.menus.help_menu.act_about.text() == "&Over RenoDesk"
    window.switch_language("en")  # Qt posts LanguageChange; the menu answers it
    qtbot.waitUntil(lambda: window.menus.help_menu.act_about.text() == "&About RenoDesk")
