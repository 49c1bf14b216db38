"""The letters page and the letter dialog: a coach makes, finds, reprints and batches letters."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtPrintSupport import QPrinter
from sqlalchemy import text

from renodesk.core.enums import LetterKind
from renodesk.core.workspace import Workspace
from renodesk.settings import Settings
from renodesk.ui.pages.base import PageContext
from renodesk.ui.worker import InlineRunner


def count(ws: Workspace, sql: str) -> int:
    with ws.engine.connect() as conn:
        return int(conn.execute(text(sql)).scalar() or 0)


@pytest.fixture
def context(small_demo: Workspace) -> PageContext:
    said: list[str] = []

    def navigate(key: str, argument: Any = None) -> None:
        said.append(key)

    return PageContext(runner=InlineRunner(small_demo), settings=Settings(None),
                       navigate=navigate, notify=said.append)


def household(ws: Workspace) -> str:
    with ws.engine.connect() as conn:
        return str(conn.execute(text("SELECT id FROM household ORDER BY name LIMIT 1")).scalar())


def test_a_letter_made_from_a_household_is_kept_listed_and_reprinted(
        qtbot: Any, context: PageContext, small_demo: Workspace, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    from renodesk.ui import letter_dialog
    from renodesk.ui.letter_dialog import LetterDialog
    from renodesk.ui.pages.letters import LettersPage

    hid = household(small_demo)
    dialog = LetterDialog(context.runner, household_id=hid)
    qtbot.addWidget(dialog)
    dialog.kind.setCurrentIndex(dialog.kind.findData(LetterKind.CONTACT_PERSONS.value))
    assert dialog.preview.page_count >= 1
    assert count(small_demo, "SELECT count(*) FROM letter") == 0  # a preview keeps nothing
    dialog.language.setCurrentIndex(dialog.language.findData("en"))
    dialog.large_print.setCheckState(Qt.CheckState.Checked)
    out = tmp_path / "brief.pdf"
    monkeypatch.setattr(letter_dialog.QFileDialog, "getSaveFileName",
                        lambda *args: (str(out), ""))
    dialog.save_letter()
    assert "Who can you call?" in PdfReader(out).pages[0].extract_text()
    dialog.save_letter()  # the same choice again is the same kept letter
    assert count(small_demo, "SELECT count(*) FROM letter WHERE language = 'en' "
                 "AND large_print = 1") == 1

    page = LettersPage(context)
    qtbot.addWidget(page)
    page.resize(1300, 800)
    page.show()
    page.load()
    assert page.table.rowCount() == 1
    cells = [page.table.item(0, column) for column in (3, 5)]
    assert [cell.text() if cell else None for cell in cells] == [
        "Uw contactpersonen (large print)", "Sanne Bakker"]
    page.table.selectRow(0)
    assert page.preview.page_count >= 1 and page.print_button.isEnabled()
    printed = tmp_path / "printed.pdf"

    def fake_print(parent: Any, pdf: bytes) -> bool:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(printed))
        return letter_dialog.print_pdf_to(printer, pdf) > 0

    monkeypatch.setattr("renodesk.ui.pages.letters.print_pdf", fake_print)
    page.run_command("print")
    assert len(PdfReader(printed).pages) == page.preview.page_count
    assert count(small_demo, "SELECT count(*) FROM audit_entry WHERE action = 'print' "
                 "AND detail LIKE '%reprint'") == 1


def test_a_batch_for_a_project_can_be_cancelled_and_then_made(
        qtbot: Any, context: PageContext, small_demo: Workspace) -> None:
    from renodesk.ui.pages.letters import LettersPage

    page = LettersPage(context)
    qtbot.addWidget(page)
    context.runner.changes.connect(page.on_changes)  # as the main window broadcasts
    page.show()
    page.load()
    with small_demo.engine.connect() as conn:
        project_id = str(conn.execute(text("SELECT id FROM project ORDER BY name")).scalar())
    runner = context.runner
    original = runner.long

    def cancel_after_first(work: Any, done: Any, writes: bool = False,
                           on_progress: Any = None) -> Any:
        def pressing_cancel(step: int, total: int, label: str) -> None:
            on_progress(step, total, label)
            if step >= 1 and job is not None:
                job.cancel()  # the person presses Cancel in the progress dialog

        job = None

        def wrapped(ws: Workspace, running: Any) -> Any:
            nonlocal job
            job = running
            return work(ws, running)

        return original(wrapped, done, writes=writes, on_progress=pressing_cancel)

    runner.long = cancel_after_first  # type: ignore[method-assign]
    page.run_batch(project_id, LetterKind.AGREEMENTS)
    assert count(small_demo, "SELECT count(*) FROM letter") == 0
    assert "gestopt" in page.message.text()
    runner.long = original  # type: ignore[method-assign]
    page.run_batch(project_id, LetterKind.AGREEMENTS)
    made = count(small_demo, "SELECT count(*) FROM letter")
    assert made >= 3
    assert page.table.rowCount() == made
    assert page.preview.page_count >= made and page.save_button.isEnabled()


def test_the_make_a_letter_button_opens_the_dialog_for_the_visit_shown(
        qtbot: Any, context: PageContext, small_demo: Workspace,
        monkeypatch: pytest.MonkeyPatch) -> None:
    from PySide6.QtWidgets import QWidget

    from renodesk.ui import letter_dialog

    opened: list[Any] = []

    def exec_(dialog: Any) -> int:
        opened.append(dialog)
        return 0

    monkeypatch.setattr(letter_dialog.LetterDialog, "exec", exec_)
    with small_demo.engine.connect() as conn:
        visit_id = str(conn.execute(text("SELECT id FROM visit WHERE status = 'done'")).scalar())
    host = QWidget()
    qtbot.addWidget(host)
    shown: list[str | None] = [None]
    button = letter_dialog.letter_button(host, context.runner, visit_id=lambda: shown[0])
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert opened == []  # nothing shown yet: nothing to write about
    shown[0] = visit_id
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert len(opened) == 1 and opened[0].visit_id == visit_id
    assert opened[0].kind.currentData() == LetterKind.INVITATION.value
    assert opened[0].preview.page_count >= 1
