"""Privacy in the coach's own screens: sensitive fields marked and hidden without a basis,
BSN/IBAN warnings before saving, erasure proposed when consent is withdrawn, and the
shell's title, desktop name and Help > Privacy statement."""

from __future__ import annotations

from datetime import datetime
from typing import Any

import pytest
from fixtures.privacy_world import SENSITIVE, Planted, plant_household
from PySide6.QtWidgets import QApplication, QLabel

from renodesk.core import privacy
from renodesk.core.visits import plan_visit
from renodesk.core.workspace import Workspace
from renodesk.settings import Settings
from renodesk.ui.pages.base import PageContext
from renodesk.ui.pages.privacy_parts import ConfirmErasure
from renodesk.ui.widgets.privacy_hints import SensitiveMarker
from renodesk.ui.worker import InlineRunner

BSN = "111222333"  # passes the eleven-test; a well-known test number, nobody's
IBAN = "NL91ABNA0417164300"  # the textbook example IBAN


@pytest.fixture
def planted(workspace: Workspace) -> Planted:
    return plant_household(workspace)


@pytest.fixture
def said() -> list[str]:
    return []


@pytest.fixture
def context(workspace: Workspace, said: list[str]) -> PageContext:
    return PageContext(runner=InlineRunner(workspace), settings=Settings(None),
                       navigate=lambda _key, _argument=None: None, notify=said.append)


def _shown(qtbot: Any, page: Any, argument: Any) -> Any:
    qtbot.addWidget(page)
    page.resize(1200, 800)
    page.show()
    page.load(argument)
    return page


@pytest.fixture
def confirmations(monkeypatch: pytest.MonkeyPatch) -> list[ConfirmErasure]:
    seen: list[ConfirmErasure] = []

    def answer(dialog: ConfirmErasure) -> int:
        seen.append(dialog)
        dialog.understood.setChecked(True)
        dialog.erase_button.click()
        return int(dialog.result())

    monkeypatch.setattr(ConfirmErasure, "exec", answer)
    return seen


# --- the household profile ----------------------------------------------------------


def test_the_profile_marks_its_sensitive_fields(qtbot: Any, context: PageContext,
                                                planted: Planted) -> None:
    from renodesk.ui.pages.household import SENSITIVE as FIELDS
    from renodesk.ui.pages.household import HouseholdPage

    page = _shown(qtbot, HouseholdPage(context), planted.household_id)
    markers = page.findChildren(SensitiveMarker)
    assert len(markers) == len(FIELDS) + 1  # the fields and the vulnerabilities list
    assert all(m.isVisible() and m.toolTip() for m in markers)
    assert page.edits["notes"].accessibleDescription() == markers[0].toolTip()


def test_a_bsn_in_the_notes_is_warned_about_and_saved_only_when_confirmed(
        qtbot: Any, context: PageContext, planted: Planted, workspace: Workspace) -> None:
    from renodesk.ui.pages.household import HouseholdPage

    page = _shown(qtbot, HouseholdPage(context), planted.household_id)
    notes = page.edits["notes"]
    notes.setPlainText(f"Gebeld. BSN {BSN} genoemd.")
    page.save()
    assert page.warnings.isVisible()
    assert "BSN" in page.warnings.text.text() and "Notes" in page.warnings.text.text()
    assert notes.textCursor().selectedText() == BSN  # the coach sees what to remove
    assert workspace.get("household", planted.household_id)["notes"] == SENSITIVE["notes"]

    page.warnings.save_anyway.click()  # confirmed: saved as typed
    assert workspace.get("household", planted.household_id)["notes"].endswith("genoemd.")
    assert not page.warnings.isVisible()

    page.edits["notes"].setPlainText(f"Nog eens {BSN}")  # new text asks again
    page.save()
    assert page.warnings.isVisible()
    page.edits["notes"].setPlainText("Nummer weggehaald")  # removed: saves at once
    page.save()
    assert not page.warnings.isVisible()
    assert workspace.get("household", planted.household_id)["notes"] == "Nummer weggehaald"


def test_an_iban_in_a_contact_summary_is_warned_about(qtbot: Any, context: PageContext,
                                                      planted: Planted,
                                                      workspace: Workspace) -> None:
    from renodesk.ui.pages.household import HouseholdPage

    page = _shown(qtbot, HouseholdPage(context), planted.household_id)
    logger = page.timeline  # the contact logger sits under the history
    logger.contact_summary.setText(f"Betaalt via {IBAN}")
    logger.log_contact()
    assert logger.contact_warnings.isVisible() and "IBAN" in logger.contact_warnings.text.text()
    assert logger.contact_summary.selectedText() == IBAN
    logger.contact_warnings.save_anyway.click()
    assert logger.contact_summary.text() == ""  # logged


def test_withdrawing_consent_on_the_profile_proposes_erasing_the_sensitive_data(
        qtbot: Any, context: PageContext, planted: Planted, workspace: Workspace,
        confirmations: list[ConfirmErasure], said: list[str]) -> None:
    from renodesk.ui.pages.household import HouseholdPage

    page = _shown(qtbot, HouseholdPage(context), planted.household_id)
    page.edits["consent_withdrawn_date"].setText("01-06-2025")
    page.save()
    assert len(confirmations) == 1
    told = " ".join(label.text() for label in confirmations[0].findChildren(QLabel))
    assert "Held now: 4 sensitive profile field(s), 1 vulnerability(ies)" in told
    household = workspace.get("household", planted.household_id)
    assert (household["notes"], household["safety_note"]) == ("", "")
    assert workspace.get("visit", planted.visit_id)["notes"] == ""  # the final report too
    assert any("Sync now" in message for message in said)
    assert not page.edits["notes"].isEnabled() and page.form.hidden_note.isVisible()

    page.save()  # saving again proposes nothing more
    assert len(confirmations) == 1


# --- the visit editor ---------------------------------------------------------------


def _open_visit(workspace: Workspace, planted: Planted) -> str:
    visit_id = plan_visit(workspace, planted.household_id, datetime(2025, 5, 1, 10),
                          "aftercare", "Sanne Bakker").row_id
    workspace.update("visit", visit_id, {"notes": "Bezoeknotitie-Reiger-77"})
    return visit_id


def test_the_visit_editor_hides_notes_after_consent_is_withdrawn_and_keeps_them(
        qtbot: Any, context: PageContext, planted: Planted, workspace: Workspace) -> None:
    from renodesk.ui.pages.visits import VisitsPage

    visit_id = _open_visit(workspace, planted)
    page = _shown(qtbot, VisitsPage(context), visit_id)
    notes = page.editor.form.texts["notes"]
    assert notes.toPlainText() == "Bezoeknotitie-Reiger-77" and notes.isEnabled()
    assert not page.editor.form.hidden_note.isVisible()
    assert page.editor.form.findChildren(SensitiveMarker)

    privacy.withdraw_consent(workspace, planted.household_id)
    page.editor.open_visit(visit_id)
    assert notes.toPlainText() == "" and not notes.isEnabled()
    assert page.editor.form.hidden_note.isVisible()
    page.editor.form.texts["wishes"].setPlainText("Graag een rustige dag")
    page.editor.save()
    visit = workspace.get("visit", visit_id)
    # Hidden is not erased: the stored notes stay until the privacy officer erases them.
    assert (visit["notes"], visit["wishes"]) == ("Bezoeknotitie-Reiger-77",
                                                 "Graag een rustige dag")


def test_the_visit_editor_warns_about_a_bsn_before_saving(
        qtbot: Any, context: PageContext, planted: Planted, workspace: Workspace) -> None:
    from renodesk.ui.pages.visits import VisitsPage

    visit_id = _open_visit(workspace, planted)
    page = _shown(qtbot, VisitsPage(context), visit_id)
    page.editor.form.texts["worries"].setPlainText(f"Zorgen over {BSN[:3]} {BSN[3:6]} {BSN[6:]}")
    page.editor.save()
    assert page.editor.warnings.isVisible() and "Worries" in page.editor.warnings.text.text()
    assert workspace.get("visit", visit_id)["worries"] == ""
    page.editor.warnings.save_anyway.click()
    assert workspace.get("visit", visit_id)["worries"].startswith("Zorgen over")


def test_a_bsn_in_an_inline_agreement_is_warned_about_too(
        qtbot: Any, context: PageContext, planted: Planted, workspace: Workspace) -> None:
    from PySide6.QtWidgets import QTableWidgetItem

    from renodesk.ui.pages.visits import VisitsPage

    visit_id = _open_visit(workspace, planted)
    page = _shown(qtbot, VisitsPage(context), visit_id)
    form = page.editor.form
    form.add_adjustment.click()
    form.adjustment_table.setItem(0, form.A_DESCRIPTION,
                                  QTableWidgetItem(f"Vergoeding naar BSN {BSN}"))
    page.editor.save()
    assert page.editor.warnings.isVisible() and "Agreement 1" in page.editor.warnings.text.text()
    with workspace.engine.connect() as conn:
        assert conn.exec_driver_sql("SELECT count(*) FROM adjustment WHERE visit_id = ?",
                                    (visit_id,)).scalar() == 0
    page.editor.warnings.save_anyway.click()
    with workspace.engine.connect() as conn:
        assert conn.exec_driver_sql("SELECT count(*) FROM adjustment WHERE visit_id = ?",
                                    (visit_id,)).scalar() == 1


# --- the shell ----------------------------------------------------------------------


def test_the_window_title_names_the_app_once_and_help_opens_the_privacy_statement(
        shell: Any) -> None:
    from renodesk.ui.app import DESKTOP_FILE, configure

    app = QApplication.instance()
    assert isinstance(app, QApplication)
    configure(app)
    assert app.desktopFileName() == DESKTOP_FILE == "nl.renodesk.RenoDesk"
    title = shell.windowTitle()
    # Qt appends the display name to a title that does not end with it.
    assert title.endswith(app.applicationDisplayName()) and title.count("RenoDesk") == 1
    assert title.startswith("Vandaag")

    assert shell.menus.act_privacy in shell.menus.help_menu.actions()
    assert shell.menus.act_privacy.text().replace("&", "") == "Privacyverklaring"
    shell.menus.act_privacy.trigger()
    page = shell.current_page()
    assert page.key == "privacy" and page.tabs.currentWidget() is page.statement
    assert shell.windowTitle().count("RenoDesk") == 1
