"""How a letter reached the tenant, in the window: chosen when the letter is made (the
suggestion follows the kind until the coach picks), changed later on the letters page."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import Any

import pytest
from pagekit import Recorder, page_context
from sqlalchemy import text

from renodesk.core.enums import Delivery, LetterKind
from renodesk.core.workspace import Workspace
from renodesk.ui.worker import InlineRunner


def rows(ws: Workspace, sql: str) -> list[tuple[Any, ...]]:
    with ws.engine.connect() as conn:
        return [tuple(r) for r in conn.execute(text(sql))]


def first(ws: Workspace, sql: str) -> str:
    return str(rows(ws, sql)[0][0])


def choose(combo: Any, delivery: Delivery) -> None:
    """What a coach does: pick an entry in the list (Qt reports it as 'activated')."""
    index = combo.findData(delivery.value)
    combo.setCurrentIndex(index)
    combo.activated.emit(index)


@pytest.fixture
def saving_to(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    from renodesk.ui import letter_dialog

    out = tmp_path / "brief.pdf"
    monkeypatch.setattr(letter_dialog.QFileDialog, "getSaveFileName",
                        lambda *args: (str(out), ""))
    return out


def test_a_card_at_the_door_is_suggested_through_the_letterbox_and_can_be_handed_over(
        qtbot: Any, small_demo: Workspace, saving_to: Path) -> None:
    from renodesk.ui.letter_dialog import LetterDialog

    visit = first(small_demo, "SELECT id FROM visit WHERE status = 'not_home' LIMIT 1")
    dialog = LetterDialog(InlineRunner(small_demo), visit_id=visit)
    qtbot.addWidget(dialog)
    dialog.kind.setCurrentIndex(dialog.kind.findData(LetterKind.NOT_HOME_CARD.value))
    assert dialog.delivery.currentText() == "In de brievenbus"
    dialog.save_letter()
    assert rows(small_demo, "SELECT kind, delivery FROM letter") == [("not_home_card", "door")]

    # The tenant opened the door after all: the same letter, handed over.
    choose(dialog.delivery, Delivery.BY_HAND)
    dialog.save_letter()
    assert rows(small_demo, "SELECT kind, delivery FROM letter") == [("not_home_card", "by_hand")]
    assert rows(small_demo, "SELECT count(*) FROM audit_entry WHERE entity = 'letter' "
                "AND action = 'change' AND detail = 'delivery'") == [(1,)]


def test_the_suggestion_follows_the_kind_until_the_coach_chooses(
        qtbot: Any, small_demo: Workspace) -> None:
    from renodesk.ui.letter_dialog import LetterDialog

    household = first(small_demo, "SELECT household_id FROM visit WHERE status = 'not_home' "
                      "ORDER BY household_id LIMIT 1")
    dialog = LetterDialog(InlineRunner(small_demo), household_id=household)
    qtbot.addWidget(dialog)
    dialog.kind.setCurrentIndex(dialog.kind.findData(LetterKind.AGREEMENTS.value))
    assert dialog.delivery.delivery() == Delivery.POST
    dialog.kind.setCurrentIndex(dialog.kind.findData(LetterKind.NOT_HOME_CARD.value))
    assert dialog.delivery.delivery() == Delivery.DOOR
    choose(dialog.delivery, Delivery.EMAIL)
    dialog.kind.setCurrentIndex(dialog.kind.findData(LetterKind.AGREEMENTS.value))
    assert dialog.delivery.delivery() == Delivery.EMAIL  # the coach's choice stays


def test_a_report_printed_at_the_kitchen_table_is_handed_over(
        qtbot: Any, small_demo: Workspace, saving_to: Path) -> None:
    from renodesk.core.visits import plan_visit
    from renodesk.ui.letter_dialog import LetterDialog

    household = first(small_demo, "SELECT id FROM household WHERE status = 'active' "
                      "ORDER BY name LIMIT 1")
    now = datetime.now().replace(second=0, microsecond=0)
    visit = plan_visit(small_demo, household, now, "kitchen_table").row_id
    small_demo.update("visit", visit, {"status": "done"})
    dialog = LetterDialog(InlineRunner(small_demo), visit_id=visit)
    qtbot.addWidget(dialog)
    dialog.kind.setCurrentIndex(dialog.kind.findData(LetterKind.VISIT_REPORT.value))
    assert dialog.delivery.currentText() == "Persoonlijk overhandigd"
    dialog.save_letter()
    assert rows(small_demo, "SELECT delivery FROM letter") == [("by_hand",)]


def test_the_letters_page_shows_and_changes_how_a_letter_went_out(
        qtbot: Any, small_demo: Workspace) -> None:
    from renodesk.core.letter_requests import LetterChoice
    from renodesk.core.letters import make_letter
    from renodesk.ui.pages.letters import LettersPage

    household = first(small_demo, "SELECT id FROM household ORDER BY name LIMIT 1")
    older = make_letter(small_demo, LetterChoice(LetterKind.AGREEMENTS, household))
    context = page_context(small_demo, Recorder())
    page = LettersPage(context)
    qtbot.addWidget(page)
    context.runner.changes.connect(page.on_changes)  # as the main window broadcasts
    page.resize(1300, 800)
    page.show()
    page.load()
    assert not page.delivery_button.isEnabled()  # nothing selected, nothing to change
    delivered = page.table.item(0, page.DELIVERY)
    assert delivered is not None and delivered.text() == "Per post"
    header = page.table.horizontalHeader()
    assert header.visualIndex(page.DELIVERY) == header.visualIndex(page.KIND) + 1

    page.table.selectRow(0)
    assert page.delivery_button.isEnabled()
    ticked = [code for code, action in page.delivery_button.actions_by_code.items()
              if action.isChecked()]
    assert ticked == ["post"]
    page.delivery_button.actions_by_code["by_hand"].trigger()
    assert small_demo.get("letter", older.letter_id)["delivery"] == "by_hand"
    assert small_demo.get("letter", older.letter_id)["pdf"] == older.result.pdf
    cell = page.table.item(0, page.DELIVERY)
    assert cell is not None and cell.text() == "Persoonlijk overhandigd"
    assert "Persoonlijk overhandigd" in page.message.text()

    # A letter made meanwhile comes in on top; the one being looked at stays selected.
    make_letter(small_demo, LetterChoice(LetterKind.CONTACT_PERSONS, household))
    page.load()
    selected = page.selected()
    assert selected is not None and selected.id == older.letter_id
    assert page.delivery_button.actions_by_code["by_hand"].isChecked()
    assert page.preview.page_count >= 1

    # Gone (the household's data erased): its pages leave the screen, nothing to print.
    small_demo.delete("letter", older.letter_id)
    page.load()
    assert page.selected() is None and page.preview.page_count == 0
    assert not page.print_button.isEnabled() and not page.delivery_button.isEnabled()


def test_a_batch_of_cards_is_made_through_the_letterbox(
        qtbot: Any, small_demo: Workspace) -> None:
    from renodesk.ui.pages.letters import BatchDialog, LettersPage

    dialog = BatchDialog([("p", "Project")])
    qtbot.addWidget(dialog)
    dialog.kind.setCurrentIndex(dialog.kind.findData(LetterKind.NOT_HOME_CARD.value))
    assert dialog.delivery.currentText() == "In de brievenbus"
    dialog.kind.setCurrentIndex(dialog.kind.findData(LetterKind.AGREEMENTS.value))
    assert dialog.delivery.currentText() == "Per post"

    page = LettersPage(page_context(small_demo, Recorder()))
    qtbot.addWidget(page)
    project = first(small_demo, "SELECT id FROM project ORDER BY name LIMIT 1")
    page.run_batch(project, LetterKind.AGREEMENTS, delivery=Delivery.EMAIL)
    assert rows(small_demo, "SELECT DISTINCT delivery FROM letter") == [("email",)]


def test_the_history_shows_the_letter_and_how_it_went_out(small_demo: Workspace) -> None:
    from renodesk.core.letter_delivery import change_delivery
    from renodesk.core.letter_requests import LetterChoice
    from renodesk.core.letters import make_letter
    from renodesk.core.queries.timeline import household_timeline
    from renodesk.ui.models.records import TimelineModel

    household = first(small_demo, "SELECT id FROM household ORDER BY name LIMIT 1")
    made = make_letter(small_demo, LetterChoice(LetterKind.AGREEMENTS, household))
    change_delivery(small_demo, made.letter_id, "door")
    with small_demo.engine.connect() as conn:
        history = household_timeline(conn, household, datetime.now().date()).history
    (letter,) = [item for item in history if item.row_id == made.letter_id]
    model = TimelineModel()
    assert [model.display(letter, column) for column in (model.WHAT, model.STATUS)] == [
        "Letter: Overzicht afspraken", "In de brievenbus"]
