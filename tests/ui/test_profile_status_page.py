"""On the profile: a tenant died, the coach says so, the open work is closed, letters and
visits stop; a mistake is undone with 'Make active again'. The household list greys them."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest
from fixtures.records_world import TODAY, World, build_world
from pagekit import Recorder, page_context
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QDialog, QMessageBox

from renodesk.core.household_status import end_tenancy
from renodesk.core.workspace import Workspace
from renodesk.ui.models.base import OVERDUE_ROLE
from renodesk.ui.models.records import HouseholdTableModel, TimelineModel
from renodesk.ui.pages.base import PageContext
from renodesk.ui.pages.household import HouseholdPage
from renodesk.ui.pages.household_status import EndTenancyDialog


@pytest.fixture
def world(workspace: Workspace) -> World:
    return build_world(workspace)


@pytest.fixture
def recorder() -> Recorder:
    return Recorder()


@pytest.fixture
def context(world: World, recorder: Recorder) -> PageContext:
    return page_context(world.ws, recorder)


@pytest.fixture
def dialogs(monkeypatch: pytest.MonkeyPatch) -> list[EndTenancyDialog]:
    """Every status dialog shown; the coach picks 'deceased', two days ago, and confirms
    (with the open work closed as proposed)."""
    seen: list[EndTenancyDialog] = []

    def answer(dialog: EndTenancyDialog) -> int:
        seen.append(dialog)
        dialog.deceased.setChecked(True)
        dialog.when.setDate(QDate.currentDate().addDays(-2))
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(EndTenancyDialog, "exec", answer)
    return seen


def profile(qtbot: Any, context: PageContext, household: str) -> HouseholdPage:
    page = HouseholdPage(context)
    qtbot.addWidget(page)
    page.resize(1366, 700)
    page.show()
    page.load(household)
    return page


def test_the_profile_shows_what_is_planned_apart_from_what_happened(
        qtbot: Any, context: PageContext, world: World) -> None:
    page = profile(qtbot, context, world.households["Gülşen Yılmaz"])
    planned, history = page.timeline.planned_model, page.timeline.history_model
    assert [planned.data(planned.index(r, TimelineModel.STATUS)) for r in range(2)] == [
        "Afgesproken, overdue", "Open, overdue"]  # vocabulary in Dutch, the default
    assert all(planned.data(planned.index(r, 0), OVERDUE_ROLE) for r in range(2))
    assert "(2 overdue)" in page.timeline.planned_title.text()
    assert history.data(history.index(0, TimelineModel.WHAT)) == "Visit: Keukentafelgesprek"
    assert page.timeline.tabs.tabText(0) == "History (2)"
    assert page.form.edits.keys().isdisjoint({"status"})  # changed through its dialog only


def test_a_death_is_recorded_with_care_and_can_be_undone(
        qtbot: Any, context: PageContext, world: World, recorder: Recorder,
        dialogs: list[EndTenancyDialog], monkeypatch: pytest.MonkeyPatch) -> None:
    yilmaz = world.households["Gülşen Yılmaz"]
    page = profile(qtbot, context, yilmaz)
    assert page.status_row.label.text() == "Actief" and not page.banner.isVisible()
    qtbot.mouseClick(page.status_row.button, Qt.MouseButton.LeftButton)

    dialog = dialogs[0]
    assert dialog.close_work.isChecked()
    assert dialog.close_work.text() == "Close the open work: 1 open agreement(s), 1 open action(s)"
    told = dialog.consequences.text()
    assert "Emre Yılmaz (zoon)" in told and "consent tally" in told
    assert dialog.confirm.text() == "Mark as deceased"

    stored = world.ws.get("household", yilmaz)
    assert (stored["status"], stored["tenancy_end_date"]) == ("deceased",
                                                              TODAY - timedelta(days=2))
    assert world.ws.get("action", world.action_overdue)["done_date"] is not None
    assert page.timeline.planned_model.rowCount() == 0
    assert page.timeline.nothing_planned.isVisible()
    assert page.banner.isVisible() and "Emre Yılmaz" in page.banner.text()
    assert page.status_tag.text() == "Overleden"
    assert not page.letter_button.isEnabled() and not page.plan_button.isEnabled()
    page.run_command("new_visit")
    assert recorder.went == []  # no visit planned for someone who died
    assert "Closed: 1 open agreement(s), 1 open action(s)." in recorder.said[-1]

    asked: list[str] = []

    def question(_parent: Any, _title: str, text: str) -> QMessageBox.StandardButton:
        asked.append(text)
        return QMessageBox.StandardButton.Yes

    monkeypatch.setattr(QMessageBox, "question", staticmethod(question))
    assert page.status_row.button.text() == "Make active again..."
    page.status_row.button.click()
    assert "by mistake" in asked[0]
    assert world.ws.get("household", yilmaz)["status"] == "active"
    assert not page.banner.isVisible() and page.letter_button.isEnabled()


def test_a_cancelled_dialog_changes_nothing(qtbot: Any, context: PageContext, world: World,
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(EndTenancyDialog, "exec", lambda _d: QDialog.DialogCode.Rejected)
    yilmaz = world.households["Gülşen Yılmaz"]
    page = profile(qtbot, context, yilmaz)
    page.status_row.button.click()
    assert world.ws.get("household", yilmaz)["status"] == "active"


def test_back_to_active_is_refused_when_a_new_tenant_lives_there(
        qtbot: Any, context: PageContext, world: World, monkeypatch: pytest.MonkeyPatch) -> None:
    told: list[str] = []
    monkeypatch.setattr(QMessageBox, "question",
                        staticmethod(lambda *_a: QMessageBox.StandardButton.Yes))
    monkeypatch.setattr(QMessageBox, "information",
                        staticmethod(lambda _p, _t, text: told.append(text)))
    page = profile(qtbot, context, world.moved_out)  # Bram Vorig; Tom de Graaf lives there now
    assert page.banner.isVisible() and "Moved out" in page.banner.text()
    page.status_row.button.click()
    assert told and told[0].startswith("Op dit adres woont nu een ander huishouden.")
    assert world.ws.get("household", world.moved_out)["status"] == "moved"


def test_the_list_greys_who_left_only_when_asked(qtbot: Any, context: PageContext,
                                                 world: World) -> None:
    from renodesk.ui.pages.households import HouseholdsPage

    end_tenancy(world.ws, world.households["Henk Visser"], "deceased", TODAY)
    page = HouseholdsPage(context)
    qtbot.addWidget(page)
    page.show()
    page.load()
    model = page.model

    def names() -> list[str]:
        return [model.data(model.index(r, HouseholdTableModel.NAME))
                for r in range(model.rowCount())]

    assert "Henk Visser" not in names() and "Henk Visser (overleden)" not in names()
    page.inactive.setChecked(True)
    assert {"Henk Visser (overleden)", "Bram Vorig (verhuisd)"} <= set(names())
    row = names().index("Henk Visser (overleden)")
    grey = model.data(model.index(row, 0), Qt.ItemDataRole.ForegroundRole)
    active = names().index("Gülşen Yılmaz")
    assert grey is not None
    assert model.data(model.index(active, 0), Qt.ItemDataRole.ForegroundRole) is None
