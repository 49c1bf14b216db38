"""Guidance in the coach's day: record a vulnerability, see its guidance, add its
suggestions in one click; browse and search; keep the organisation's own entries;
review free text and save an anonymised case (work runs inline)."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest
from pagekit import Recorder, page_context
from pypdf import PdfReader
from PySide6.QtWidgets import QApplication, QWidget
from sqlalchemy import text

from renodesk.core.workspace import Workspace
from renodesk.ui.pages.base import PageContext

#: Set to a folder to keep screenshots of the widgets (for a person to look at).
SHOTS = os.environ.get("RENODESK_GUIDANCE_SHOTS")


def snap(widget: QWidget, name: str) -> None:
    if SHOTS:
        for _ in range(3):
            QApplication.processEvents()  # let pending layouts settle before the grab
        Path(SHOTS).mkdir(parents=True, exist_ok=True)
        widget.grab().save(str(Path(SHOTS) / f"{name}.png"))


@pytest.fixture
def recorder() -> Recorder:
    return Recorder(strict=True)


@pytest.fixture
def context(workspace: Workspace, recorder: Recorder) -> PageContext:
    return page_context(workspace, recorder)


@pytest.fixture
def household(workspace: Workspace) -> str:
    with workspace.write() as uow:
        project = uow.create("project", {"name": "Vogelbuurt", "code": "VB-01"})
        dwelling = uow.create("dwelling", {"project_id": project, "street": "Merelstraat",
                                           "number": 12, "postcode": "1234 AB",
                                           "city": "Utrecht"})
        household_id = uow.create("household", {
            "dwelling_id": dwelling, "name": "Gülşen Yılmaz", "birth_year": 1951,
            "phone": "06-12345678", "consent_basis": "explicit_consent"})
    return household_id


def _count(ws: Workspace, entity: str, household_id: str) -> int:
    with ws.engine.connect() as conn:
        return int(conn.execute(text(f"SELECT count(*) FROM {entity} WHERE household_id = :h"),
                                {"h": household_id}).scalar() or 0)


def test_a_recorded_vulnerability_brings_its_guidance_and_one_click_adds_suggestions(
        qtbot: Any, context: PageContext, workspace: Workspace, household: str,
        recorder: Recorder) -> None:
    from renodesk.ui.widgets.guidance_panel import GuidancePanel, SuggestionsDialog

    panel = GuidancePanel(context)
    qtbot.addWidget(panel)
    panel.resize(900, 360)
    panel.show()
    panel.show_household(household)
    assert panel.empty.isVisible() and panel.list.count() == 0

    # Recording a vulnerability anywhere refreshes the panel through the runner's changes.
    context.runner.write(lambda ws: ws.create("vulnerability", {
        "household_id": household, "category": "dementia", "weight": 2}), lambda *_: None)
    assert panel.list.count() >= 1
    assert panel.list.item(0).text() == "Dementie en geheugenproblemen"
    assert "Toestemming vragen om de contactpersoon te betrekken" in panel.detail.toPlainText()
    snap(panel, "guidance-panel")

    panel.add_suggestions()
    dialog = panel.findChild(SuggestionsDialog)
    assert dialog is not None
    assert dialog.adjustments[0].description.text().startswith(
        "Alle afspraken ook met de contactpersoon")
    snap(dialog, "guidance-suggestions")
    dialog.adjustments[1].include.setChecked(False)
    dialog.adjustments[0].description.setText("Alles ook met de dochter bespreken")
    dialog.adjustments[0].due.setText("15-01-2027")
    for row in dialog.action_rows[1:]:
        row.include.setChecked(False)
    dialog.add_button.click()

    assert dialog.result() == dialog.DialogCode.Accepted
    assert _count(workspace, "adjustment", household) == 3
    assert _count(workspace, "action", household) == 1
    with workspace.engine.connect() as conn:
        made = conn.execute(text("SELECT description, status, due_date FROM adjustment "
                                 "WHERE household_id = :h AND description LIKE 'Alles%'"),
                            {"h": household}).one()
    assert made.status == "proposed" and str(made.due_date)[:10] == "2027-01-15"
    assert recorder.said[-1] == "Added 3 agreement(s) and 1 action(s)."


def test_a_wrong_due_date_is_named_on_its_line_and_nothing_is_written(
        qtbot: Any, context: PageContext, workspace: Workspace, household: str) -> None:
    from renodesk.core.guidance import for_theme
    from renodesk.core.guidance_actions import load_team_guidance
    from renodesk.ui.widgets.guidance_panel import SuggestionsDialog

    entry = for_theme(load_team_guidance(workspace, "nl").entries, "resistance", "distrust")[0]
    dialog = SuggestionsDialog(context, household, entry)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.action_rows[0].due.setText("31-02-2027")
    dialog.add_button.click()
    assert dialog.action_rows[0].error.text()
    assert dialog.isVisible()
    assert _count(workspace, "adjustment", household) == 0
    assert _count(workspace, "action", household) == 0


def test_browse_search_and_filter_the_guidance(qtbot: Any, context: PageContext) -> None:
    from renodesk.ui.pages.guidance import GuidancePage

    page = GuidancePage(context)
    qtbot.addWidget(page)
    page.resize(1200, 760)
    page.show()
    page.load()
    total = page.list.count()
    assert total == 29 + 3  # the entries under a heading per kind of theme
    assert page.list.item(0).text() == "Kwetsbaarheid" and page.current_entry() is not None
    qtbot.keyClicks(page.search_edit, "schulden")
    assert 0 < page.list.count() < 29
    titles = [page.list.item(i).text() for i in range(page.list.count())]
    assert any("geld" in t.lower() or "schuld" in t.lower() for t in titles)
    page.search_edit.clear()
    qtbot.keyClicks(page.search_edit, "xyzzy")
    assert page.list.count() == 0 and "another word" in page.detail.toPlainText()
    page.search_edit.clear()
    page.kind.setCurrentIndex(page.kind.findData("neighbouring_field"))
    assert page.list.count() == 1 + 4
    snap(page, "guidance-page")


def test_the_organisation_adapts_an_entry_and_deletes_it_again(
        qtbot: Any, context: PageContext, workspace: Workspace) -> None:
    from renodesk.ui.pages.guidance import GuidancePage
    from renodesk.ui.pages.guidance_editor import GuidanceEntryDialog

    page = GuidancePage(context)
    qtbot.addWidget(page)
    context.runner.changes.connect(page.on_changes)  # as the main window does
    page.show()
    page.load()
    page.run_command("search")
    qtbot.keyClicks(page.search_edit, "dementie")
    page.list.setCurrentRow(0)
    shipped = page.current_entry()
    assert shipped is not None and not page.delete_button.isEnabled()
    page.edit_entry()
    dialog = page.findChild(GuidanceEntryDialog)
    assert dialog is not None
    dialog.resize(780, 720)
    snap(dialog, "guidance-editor")

    dialog.title_edit.setText("")
    dialog.texts["signals"].setPlainText("Vergeet afspraken\nx")
    dialog.save_button.click()
    assert dialog.errors.message_for("title")
    assert "2" in dialog.errors.message_for("signals")
    assert dialog.isVisible()

    dialog.title_edit.setText("Dementie: zo werken wij")
    dialog.texts["signals"].setPlainText("Vergeet afspraken")
    dialog.save_button.click()
    assert not dialog.isVisible()
    # The page followed the change: the own version replaced the shipped one.
    assert page.current_entry() is not None
    assert page.current_entry().title == "Dementie: zo werken wij"  # type: ignore[union-attr]
    assert page.delete_button.isEnabled()
    with workspace.engine.connect() as conn:
        assert conn.execute(text("SELECT count(*) FROM guidance_entry")).scalar() == 1

    page.confirm = lambda _question: True
    page.delete_entry()
    assert page.current_entry().title == shipped.title  # type: ignore[union-attr]


def test_review_free_text_and_save_an_anonymised_case(
        qtbot: Any, context: PageContext, workspace: Workspace, household: str,
        tmp_path: Path) -> None:
    from renodesk.ui.reflection_dialog import ReflectionDialog

    with workspace.write() as uow:
        uow.create("contact_moment", {"household_id": household, "at": "2026-02-02 10:00",
                                      "channel": "phone", "outcome": "reached",
                                      "summary": "Mevrouw Yılmaz wil graag een rustige kamer."})
        uow.create("visit", {"household_id": household, "planned_at": "2026-02-10 14:00",
                             "kind": "kitchen_table", "status": "done",
                             "worries": "Bang voor stof en lawaai."})
    dialog = ReflectionDialog(context, household)
    qtbot.addWidget(dialog)
    dialog.show()
    by_kind = {r.passage.kind: r for r in dialog.reviews}
    summary, worries = by_kind["contact_summary"], by_kind["visit_worries"]
    assert "yilmaz" in summary.flag.text().lower()
    assert not worries.include.isChecked() and not worries.flag.text()  # excluded until ticked
    summary.include.setChecked(True)
    assert not dialog.save_button.isEnabled()
    snap(dialog, "reflection-dialog")
    summary.text.setPlainText("Mevrouw wil graag een rustige kamer.")
    assert dialog.save_button.isEnabled() and not summary.flag.text()
    target = tmp_path / "casus.pdf"
    dialog.save_to(target)
    content = " ".join(p.extract_text() for p in PdfReader(str(target)).pages)
    assert "Mevrouw wil graag een rustige kamer." in content
    assert "Bang voor stof" not in content  # not ticked, so not included
    assert "Yılmaz" not in content and "Merelstraat" not in content
    assert "70 tot 79 jaar" in content
    assert dialog.saved_path == target
