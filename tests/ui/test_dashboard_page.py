"""The project leader's overview and a coach importing a messy tenant list (work runs inline)."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest
from fixtures.dashboard_world import Zonnehof, build_zonnehof
from fixtures.tenant_files import garbage, messy_xlsx
from pagekit import Recorder, page_context
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QFormLayout, QLabel

from renodesk.core.workspace import Workspace
from renodesk.ui.models.records import HouseholdTableModel
from renodesk.ui.pages.base import PageContext

#: Set RENODESK_SCREENSHOTS=folder to keep the screenshots for a look by eye.
SHOTS = os.environ.get("RENODESK_SCREENSHOTS")


@pytest.fixture
def zonnehof(workspace: Workspace) -> Zonnehof:
    return build_zonnehof(workspace)


@pytest.fixture
def recorder() -> Recorder:
    return Recorder()


@pytest.fixture
def context(zonnehof: Zonnehof, recorder: Recorder) -> PageContext:
    return page_context(zonnehof.ws, recorder)


def _shot(widget: Any, tmp_path: Path, name: str) -> Path:
    QApplication.processEvents()  # let layouts place what the last answer added
    folder = Path(SHOTS) if SHOTS else tmp_path
    path = folder / name
    assert widget.grab().save(str(path))
    return path


def _figures(page: Any) -> dict[str, str]:
    values = {}
    for row in range(page.figures.rowCount()):
        label = page.figures.itemAt(row, QFormLayout.ItemRole.LabelRole)
        value = page.figures.itemAt(row, QFormLayout.ItemRole.FieldRole)
        assert label is not None and value is not None
        label_widget, value_widget = label.widget(), value.widget()
        assert isinstance(label_widget, QLabel) and isinstance(value_widget, QLabel)
        values[label_widget.text()] = value_widget.text()
    return values


def test_the_overview_shows_the_figures_and_a_bar_lists_its_households(
        qtbot: Any, context: PageContext, recorder: Recorder, zonnehof: Zonnehof,
        tmp_path: Path) -> None:
    from renodesk.ui.pages.dashboard import DashboardPage

    page = DashboardPage(context)
    qtbot.addWidget(page)
    page.resize(1400, 900)
    page.show()
    page.load(zonnehof.project)
    assert page.project_id == zonnehof.project
    values = _figures(page)
    assert values["Akkoord met het voorstel:"] == "7 / 12 (58%)"
    assert values["Nodig voor 70%:"] == "9 — nog 2 nodig"
    assert set(page.chart_views) == {"visited", "stance", "vulnerability", "adjustment",
                                     "attention"}

    page.chart_views["stance"].click_bar(2)  # Twijfelt
    assert page.model.rowCount() == 2
    assert "2 household(s)" in page.list_title.text()
    assert page.model.data(page.model.index(0, HouseholdTableModel.NAME)) == "Bewoner 8"
    page.chart_views["attention"].click_bar(0)  # not reached after 3 tries
    assert [page.model.data(page.model.index(r, HouseholdTableModel.NAME))
            for r in range(page.model.rowCount())] == ["Bewoner 6", "Bewoner 7"]
    page.view.setFocus()
    page.view.setCurrentIndex(page.model.index(1, 0))
    qtbot.keyClick(page.view, Qt.Key.Key_Return)
    assert recorder.went == [("household", zonnehof.b[7])]
    assert _shot(page, tmp_path, "dashboard.png").stat().st_size > 10_000


def test_a_coach_imports_a_messy_spreadsheet_and_fixes_the_mapping(
        qtbot: Any, context: PageContext, zonnehof: Zonnehof, tmp_path: Path) -> None:
    from renodesk.ui.import_dialog import ImportDialog

    changes: list[Any] = []
    context.runner.changes.connect(changes.extend)
    dialog = ImportDialog(context.runner, messy_xlsx(tmp_path), zonnehof.project,
                          "ZH-01 Zonnehof")
    qtbot.addWidget(dialog)
    dialog.show()
    # Below a merged title and group headers; the three empty rows are not counted.
    assert "6 row(s) with data (Excel), headers on row 3" in dialog.file_label.text()
    assert not dialog.check_button.isEnabled()
    assert "Naam huurder" in dialog.summary.text()
    assert dialog.combos["postcode"].currentText() == "Postcode"
    assert dialog.combos["phone"].currentText() == "Tel"

    dialog.set_column("name", "Huurder 1")
    assert dialog.check_button.isEnabled()
    assert dialog.preview.rowCount() == 6
    assert dialog.preview.verticalHeaderItem(0).text() == "4"  # spreadsheet row numbers
    qtbot.mouseClick(dialog.check_button, Qt.MouseButton.LeftButton)
    assert dialog.summary.text() == "3 new, 0 to update, 0 unchanged, 3 rejected."
    assert dialog.report.count() == 3
    assert dialog.report.item(0).text().startswith("Regel 7: Postcode")
    _shot(dialog, tmp_path, "import_checked.png")

    qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    assert dialog.outcome is not None and dialog.outcome.created == 3
    assert dialog.summary.text().startswith("Done: 3 new")
    assert {c.entity for c in changes} == {"dwelling", "household"}
    _shot(dialog, tmp_path, "import_done.png")


def test_a_broken_file_says_so_and_offers_nothing_to_import(
        qtbot: Any, context: PageContext, zonnehof: Zonnehof, tmp_path: Path) -> None:
    from renodesk.ui.import_dialog import ImportDialog

    dialog = ImportDialog(context.runner, garbage(tmp_path), zonnehof.project, "ZH-01")
    qtbot.addWidget(dialog)
    assert "beschadigd" in dialog.file_label.text()
    assert dialog.summary.text() == "Nothing was imported."
    assert not dialog.check_button.isEnabled() and not dialog.import_button.isEnabled()
    assert isinstance(dialog.file_label, QLabel)
