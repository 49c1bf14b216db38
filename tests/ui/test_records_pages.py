"""A coach's day on the records pages: find, visit, agree, follow up (work runs inline)."""

from __future__ import annotations

from typing import Any

import pytest
from fixtures.records_world import NOW, World, build_world
from pagekit import Recorder, page_context
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QComboBox, QMessageBox, QTableWidgetItem

from renodesk.core.enums import AdjustmentCategory, AdjustmentStatus
from renodesk.core.visits import plan_visit
from renodesk.core.workspace import Workspace
from renodesk.ui.models.base import CODE_ROLE
from renodesk.ui.models.records import AdjustmentTableModel, HouseholdTableModel
from renodesk.ui.pages.base import PageContext


@pytest.fixture(autouse=True)
def final_answers(monkeypatch: pytest.MonkeyPatch) -> list[QMessageBox.StandardButton]:
    """What the coach answers when asked to make a report final: Yes, unless a test
    puts another answer in this list first."""
    replies: list[QMessageBox.StandardButton] = []

    def question(*_args: Any, **_kwargs: Any) -> QMessageBox.StandardButton:
        return replies.pop(0) if replies else QMessageBox.StandardButton.Yes

    monkeypatch.setattr(QMessageBox, "question", staticmethod(question))
    return replies


@pytest.fixture
def world(workspace: Workspace) -> World:
    return build_world(workspace)


@pytest.fixture
def recorder() -> Recorder:
    return Recorder()


@pytest.fixture
def context(world: World, recorder: Recorder) -> PageContext:
    return page_context(world.ws, recorder)


def shown(qtbot: Any, page: Any, argument: Any = None) -> Any:
    qtbot.addWidget(page)
    page.resize(1200, 800)
    page.show()
    page.load(argument)
    return page


def test_find_a_household_as_you_type_and_open_it(qtbot: Any, context: PageContext,
                                                   recorder: Recorder, world: World) -> None:
    from renodesk.ui.pages.households import HouseholdsPage

    page = shown(qtbot, HouseholdsPage(context))
    assert page.model.rowCount() == 15
    page.run_command("search")
    qtbot.keyClicks(page.query, "yilm")
    qtbot.waitUntil(lambda: page.model.rowCount() == 1)
    assert page.model.data(page.model.index(0, HouseholdTableModel.NAME)) == "Gülşen Yılmaz"
    assert page.count.text() == "1 household(s)"
    assert page.empty_hint.isHidden()
    page.query.clear()
    qtbot.keyClicks(page.query, "nobody by this name")
    qtbot.waitUntil(lambda: page.model.rowCount() == 0)
    assert not page.empty_hint.isHidden()  # says what to try instead of an empty table
    page.query.clear()
    qtbot.keyClicks(page.query, "1234 ab 16")
    qtbot.waitUntil(lambda: page.model.data(page.model.index(0, 0)) == "Nguyễn Văn An")
    assert page.model.rowCount() == 1
    page.view.setFocus()
    page.view.setCurrentIndex(page.model.index(0, 0))
    qtbot.keyClick(page.view, Qt.Key.Key_Return)
    assert recorder.went == [("household", world.households["Nguyễn Văn An"])]


def test_ctrl_n_on_the_list_plans_a_visit_for_the_chosen_household(
        qtbot: Any, context: PageContext, recorder: Recorder, world: World) -> None:
    from renodesk.ui.pages.households import HouseholdsPage

    page = shown(qtbot, HouseholdsPage(context))
    page.run_command("new_visit")
    assert recorder.went == [] and recorder.said
    page.view.setCurrentIndex(page.model.index(0, 0))
    page.run_command("new_visit")
    assert recorder.went == [("visits", {"plan_for": world.households["Gülşen Yılmaz"]})]


def test_filters_narrow_the_list(qtbot: Any, context: PageContext) -> None:
    from renodesk.ui.pages.households import HouseholdsPage

    page = shown(qtbot, HouseholdsPage(context))
    page.not_reached.setChecked(True)
    names = [page.model.data(page.model.index(r, 0)) for r in range(page.model.rowCount())]
    assert names == ["Łukasz Wiśniewski", "Jan de Vries"]
    page.not_reached.setChecked(False)
    page.stance.setCurrentIndex(page.stance.findData("no"))
    assert page.model.rowCount() == 1


def test_record_a_visit_with_an_adjustment_and_an_action(qtbot: Any, context: PageContext,
                                                         world: World) -> None:
    from renodesk.ui.pages.visits import VisitsPage

    visit_id = plan_visit(world.ws, world.households["Kees Jansen"], NOW, "kitchen_table").row_id
    page = shown(qtbot, VisitsPage(context), visit_id)
    form = page.editor.form
    qtbot.keyClicks(form.attendees, "Huurder en dochter")
    qtbot.keyClicks(form.texts["notes"], "Meneer is blij met de plannen.")
    qtbot.keyClicks(form.texts["worries"], "Stof en lawaai")
    qtbot.mouseClick(form.add_adjustment, Qt.MouseButton.LeftButton)
    table = form.adjustment_table
    table.item(0, form.A_DESCRIPTION).setText("Rustwoning tijdens de sloop")
    table.model().setData(table.model().index(0, form.A_CATEGORY), "temporary_housing")
    table.model().setData(table.model().index(0, form.A_STATUS), "agreed")
    assert table.text(0, form.A_CATEGORY) == "temporary_housing"
    assert table.item(0, form.A_CATEGORY).text() == AdjustmentCategory.TEMPORARY_HOUSING.label()
    qtbot.mouseClick(form.add_action, Qt.MouseButton.LeftButton)
    form.action_table.setItem(0, form.T_DESCRIPTION, QTableWidgetItem("Rustwoning reserveren"))
    page.run_command("save")
    visit = world.ws.get("visit", visit_id)
    assert (visit["status"], visit["attendees"], visit["worries"]) == (
        "done", "Huurder en dochter", "Stof en lawaai")
    with world.ws.engine.connect() as conn:
        adjustments = conn.exec_driver_sql(
            "SELECT category, status, description FROM adjustment WHERE visit_id = ?",
            (visit_id,)).all()
        actions = conn.exec_driver_sql(
            "SELECT description FROM action WHERE visit_id = ?", (visit_id,)).all()
    assert adjustments == [("temporary_housing", "agreed", "Rustwoning tijdens de sloop")]
    assert actions == [("Rustwoning reserveren",)]
    assert "1 agreement(s) and 1 action(s)" in page.editor.state.text()
    assert form.adjustment_table.rowCount() == 0  # saved once, not offered again
    assert page.editor.finalise_button.isEnabled()
    qtbot.mouseClick(page.editor.finalise_button, Qt.MouseButton.LeftButton)
    assert world.ws.get("visit", visit_id)["finalised_at"] is not None
    assert form.texts["notes"].isReadOnly()


def test_a_wrong_inline_agreement_saves_nothing_and_says_why(qtbot: Any, context: PageContext,
                                                              world: World) -> None:
    from renodesk.ui.pages.visits import VisitsPage

    visit_id = plan_visit(world.ws, world.households["Kees Jansen"], NOW, "proposal").row_id
    page = shown(qtbot, VisitsPage(context), visit_id)
    qtbot.keyClicks(page.editor.form.texts["notes"], "Goed gesprek")
    qtbot.mouseClick(page.editor.form.add_adjustment, Qt.MouseButton.LeftButton)  # left empty
    page.run_command("save")
    assert world.ws.get("visit", visit_id)["notes"] == ""
    assert "Agreement 1, What was agreed: " in page.editor.form.adjustment_errors.text()
    assert page.editor.errors.general.text() == "Nothing was saved. Check the red text."


def test_not_at_home_in_one_click_offers_the_next_step(qtbot: Any, context: PageContext,
                                                       world: World) -> None:
    from renodesk.ui.pages.visits import VisitsPage

    household = world.households["Fatima El Amrani"]
    visit_id = plan_visit(world.ws, household, NOW, "kitchen_table").row_id
    page = shown(qtbot, VisitsPage(context), visit_id)
    qtbot.mouseClick(page.editor.not_home_button, Qt.MouseButton.LeftButton)
    assert world.ws.get("visit", visit_id)["status"] == "not_home"
    assert "attempt 3" in page.editor.next_step.text()
    assert "letter with a fixed appointment" in page.editor.next_step.text()
    assert not page.editor.not_home_button.isEnabled()


def test_plan_a_visit_from_a_profile(qtbot: Any, context: PageContext, world: World,
                                     recorder: Recorder) -> None:
    from renodesk.ui.pages.household import HouseholdPage
    from renodesk.ui.pages.visits import VisitsPage

    household = world.households["Henk Visser"]
    profile = shown(qtbot, HouseholdPage(context), household)
    profile.run_command("new_visit")
    assert recorder.went == [("visits", {"plan_for": household})]
    profile.run_command("search")  # Ctrl+F from a profile: back to finding a household
    assert recorder.went[-1] == ("households", None)
    page = shown(qtbot, VisitsPage(context), {"plan_for": household})
    assert "Henk Visser" in page.editor.heading.text()
    assert page.editor.letter_button.isHidden()  # no letter about a visit not planned yet
    page.editor.plan_box.kind.setCurrentIndex(page.editor.plan_box.kind.findData("introduction"))
    qtbot.mouseClick(page.editor.plan_box.button, Qt.MouseButton.LeftButton)
    with world.ws.engine.connect() as conn:
        kinds = conn.exec_driver_sql("SELECT kind, status FROM visit WHERE household_id = ?",
                                     (household,)).all()
    assert kinds == [("introduction", "planned")]
    assert page.editor.visit_id is not None and page.editor.not_home_button.isEnabled()
    assert not page.editor.letter_button.isHidden()  # the invitation can go out now


def test_profile_shows_errors_beside_fields_and_saves_nothing_half(
        qtbot: Any, context: PageContext, world: World) -> None:
    from renodesk.ui.pages.household import HouseholdPage

    household = world.households["Gülşen Yılmaz"]
    page = shown(qtbot, HouseholdPage(context), household)
    assert page.heading.text() == "Gülşen Yılmaz"
    assert "Hond in de tuin" in page.safety.text()
    assert page.vulnerabilities.topLevelItemCount() == 2
    assert page.timeline.history_model.rowCount() == 2  # the visit, the agreement made
    assert page.timeline.planned_model.rowCount() == 2  # the agreement and action due
    page.edits["phone"].setText("12345")
    page.edits["contact_person_name"].setText("Emre Y.")
    page.run_command("save")
    assert "06-12345678" in page.errors.message_for("phone")
    assert world.ws.get("household", household)["contact_person_name"] == "Emre Yılmaz"
    page.edits["phone"].setText("0612345678")
    page.run_command("save")
    saved = world.ws.get("household", household)
    assert (saved["phone"], saved["contact_person_name"]) == ("06-12345678", "Emre Y.")
    assert page.errors.message_for("phone") == ""
    assert page.edits["phone"].text() == "06-12345678"  # shown as stored
    assert page.saved_label.text() == "Saved"


def test_profile_without_consent_hides_and_keeps_sensitive_fields(
        qtbot: Any, context: PageContext, world: World) -> None:
    from renodesk.ui.pages.household import HouseholdPage

    page = shown(qtbot, HouseholdPage(context), world.households["Maria Santos"])
    assert page.form.hidden_note.isVisible()
    assert not page.edits["safety_note"].isEnabled()
    assert "safety_note" not in page.values()


def test_change_an_adjustments_status_in_place(qtbot: Any, context: PageContext,
                                               world: World) -> None:
    from renodesk.ui.pages.adjustments import AdjustmentsPage

    page = shown(qtbot, AdjustmentsPage(context))
    model = page.model()
    row = model.row_of(world.adjustment_overdue)
    index = model.index(row, AdjustmentTableModel.STATUS)
    page.view.setCurrentIndex(index)
    page.view.edit(index)
    editor = page.view.indexWidget(index) or page.view.focusWidget()
    assert isinstance(editor, QComboBox)
    editor.setCurrentIndex(editor.findData("done"))
    editor.activated.emit(editor.currentIndex())
    assert world.ws.get("adjustment", world.adjustment_overdue)["status"] == "done"
    assert model.data(index, CODE_ROLE) == "done"
    assert model.data(index) == AdjustmentStatus.DONE.label()
    assert model.data(model.index(row, 0), Qt.ItemDataRole.ForegroundRole) is None  # no longer late


def test_tick_off_an_action(qtbot: Any, context: PageContext, world: World) -> None:
    from renodesk.ui.models.records import ActionTableModel
    from renodesk.ui.pages.actions import ActionsPage

    page = shown(qtbot, ActionsPage(context))
    model = page.model()
    tick = model.index(model.row_of(world.action_overdue), ActionTableModel.DONE)
    model.setData(tick, Qt.CheckState.Checked.value, Qt.ItemDataRole.CheckStateRole)
    assert world.ws.get("action", world.action_overdue)["done_date"] is not None
    assert model.data(tick, Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Checked
    assert model.rowCount() == 1  # stays in view until the list is refreshed, to undo a slip
    page.run_command("refresh")
    assert [model.id_at(r) for r in range(model.rowCount())] == []


def test_project_shows_the_consent_tally_and_deadline(qtbot: Any, context: PageContext,
                                                      world: World) -> None:
    from renodesk.ui.pages.projects import ProjectsPage

    page = shown(qtbot, ProjectsPage(context), world.vogelbuurt)
    assert page.heading.text() == "Vogelbuurt (VB-01)"
    assert page.tally.counts.text().startswith("8 agree, 1 do not agree, 1 undecided, 2 unknown")
    assert page.tally.verdict.text() == "Not enough yet: 1 more 'yes' needed to reach 70%."
    assert "30 day(s) left" in page.tally.deadline.text()
    assert page.tabs.tabText(0) == "Roster (2)"
    assert page.tally.bar.value() == 67


def test_visits_from_today_on_start_with_the_next_one(qtbot: Any, context: PageContext,
                                                      world: World) -> None:
    from datetime import timedelta

    from renodesk.ui.pages.visits import VisitsPage

    household = world.households["Henk Visser"]
    for days in (9, 2, 5):
        plan_visit(world.ws, household, NOW + timedelta(days=days), "introduction",
                   "Sanne Bakker")
    page = shown(qtbot, VisitsPage(context))
    page.list.upcoming.setChecked(True)
    model = page.list.view.model()
    shown_dates = [model.index(row, 0).data() for row in range(model.rowCount())]
    expected = [f"{NOW + timedelta(days=d):%d-%m-%Y %H:%M}" for d in (2, 5, 9)]
    assert shown_dates[:3] == expected
    # Beside an open visit the list is narrow: the address comes after kind and status.
    from renodesk.ui.models.records import VisitTableModel as Columns

    header = page.list.view.horizontalHeader()
    order = sorted(range(model.columnCount()), key=header.visualIndex)
    assert order[:5] == [Columns.WHEN, Columns.HOUSEHOLD, Columns.KIND, Columns.STATUS,
                         Columns.ADDRESS]


def test_finalising_never_drops_unsaved_typing(qtbot: Any, context: PageContext,
                                               world: World) -> None:
    from renodesk.ui.pages.visits import VisitsPage

    visit_id = plan_visit(world.ws, world.households["Kees Jansen"], NOW, "kitchen_table").row_id
    page = shown(qtbot, VisitsPage(context), visit_id)
    qtbot.keyClicks(page.editor.form.texts["notes"], "Eerste deel.")
    page.run_command("save")
    page.editor.form.texts["notes"].moveCursor(QTextCursor.MoveOperation.End)
    qtbot.keyClicks(page.editor.form.texts["notes"], " Tweede deel.")
    qtbot.mouseClick(page.editor.finalise_button, Qt.MouseButton.LeftButton)
    assert world.ws.get("visit", visit_id)["finalised_at"] is None
    assert "Ctrl+S" in page.editor.errors.general.text()
    assert page.editor.form.texts["notes"].toPlainText() == "Eerste deel. Tweede deel."
    page.run_command("save")
    qtbot.mouseClick(page.editor.finalise_button, Qt.MouseButton.LeftButton)
    visit = world.ws.get("visit", visit_id)
    assert visit["finalised_at"] is not None and visit["notes"] == "Eerste deel. Tweede deel."


def test_finalising_asks_first_and_no_keeps_the_report_open(
        qtbot: Any, context: PageContext, world: World,
        final_answers: list[QMessageBox.StandardButton]) -> None:
    from renodesk.ui.pages.visits import VisitsPage

    visit_id = plan_visit(world.ws, world.households["Kees Jansen"], NOW, "kitchen_table").row_id
    page = shown(qtbot, VisitsPage(context), visit_id)
    qtbot.keyClicks(page.editor.form.texts["notes"], "Gesprek over de planning.")
    page.run_command("save")
    final_answers.append(QMessageBox.StandardButton.No)
    qtbot.mouseClick(page.editor.finalise_button, Qt.MouseButton.LeftButton)
    assert world.ws.get("visit", visit_id)["finalised_at"] is None
    assert not page.editor.form.texts["notes"].isReadOnly()
    qtbot.mouseClick(page.editor.finalise_button, Qt.MouseButton.LeftButton)  # now: Yes
    assert world.ws.get("visit", visit_id)["finalised_at"] is not None
