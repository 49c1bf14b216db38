"""A coach records what a vulnerable household needs, on its profile: a vulnerability
(and its guidance appears), no sensitive data without a basis, change and remove; a
partner involved, also a new organisation (work runs inline)."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget
from sqlalchemy import text

from renodesk.core.workspace import Workspace
from renodesk.settings import Settings
from renodesk.ui.pages.base import PageContext
from renodesk.ui.worker import InlineRunner

#: Set to a folder to keep screenshots of the profile and the dialogs (for a person to look at).
SHOTS = os.environ.get("RENODESK_NEEDS_SHOTS")


def snap(widget: QWidget, name: str) -> None:
    if SHOTS:
        for _ in range(3):
            QApplication.processEvents()  # let pending layouts settle before the grab
        Path(SHOTS).mkdir(parents=True, exist_ok=True)
        widget.grab().save(str(Path(SHOTS) / f"{name}.png"))


def _no_navigation(key: str, argument: Any = None) -> None:
    raise AssertionError(f"no navigation expected ({key})")


@pytest.fixture
def said() -> list[str]:
    return []


@pytest.fixture
def context(small_demo: Workspace, said: list[str]) -> PageContext:
    return PageContext(runner=InlineRunner(small_demo), settings=Settings(None),
                       navigate=_no_navigation, notify=said.append)


def _household(ws: Workspace, basis: bool) -> str:
    """A demo household with (or without) a basis for sensitive data, and nothing noted
    yet about its needs."""
    condition = ("consent_basis != 'none' AND consent_withdrawn_date IS NULL" if basis
                 else "consent_basis = 'none'")
    with ws.engine.connect() as conn:
        return str(conn.execute(text(
            f"SELECT id FROM household h WHERE {condition} AND NOT EXISTS "
            "(SELECT 1 FROM vulnerability v WHERE v.household_id = h.id) AND NOT EXISTS "
            "(SELECT 1 FROM involvement i WHERE i.household_id = h.id) "
            "ORDER BY name LIMIT 1")).scalar_one())


def _partner_names(ws: Workspace) -> list[str]:
    with ws.engine.connect() as conn:
        return [str(name) for name in conn.execute(text("SELECT name FROM partner")).scalars()]


def _rows(ws: Workspace, sql: str, household_id: str) -> list[Any]:
    with ws.engine.connect() as conn:
        return list(conn.execute(text(sql), {"h": household_id}).all())


def _profile(qtbot: Any, context: PageContext, household_id: str) -> Any:
    from renodesk.ui.pages.household import HouseholdPage

    page = HouseholdPage(context)
    qtbot.addWidget(page)
    page.resize(1280, 860)
    page.show()
    page.load(household_id)
    return page


def _texts(tree: Any, column: int) -> list[str]:
    return [tree.topLevelItem(i).text(column) for i in range(tree.topLevelItemCount())]


def test_a_recorded_vulnerability_shows_in_the_table_and_brings_its_guidance(
        qtbot: Any, context: PageContext, small_demo: Workspace, said: list[str]) -> None:
    from renodesk.ui.widgets.needs_dialogs import VulnerabilityDialog

    household = _household(small_demo, basis=True)
    page = _profile(qtbot, context, household)
    assert page.vulnerabilities.topLevelItemCount() == 0
    assert not page.needs.vulnerability_buttons[1].isEnabled()  # nothing chosen to change

    page.needs.vulnerability_buttons[0].click()
    dialog = page.findChild(VulnerabilityDialog)
    assert dialog is not None and dialog.isVisible()
    assert not dialog.no_basis.isVisible()
    dialog.category.setCurrentIndex(dialog.category.findData("mobility"))
    dialog.weight.setCurrentIndex(dialog.weight.findData(3))
    assert dialog.weight.currentText() == "severe"
    qtbot.keyClicks(dialog.implications, "Kan geen trap op: tijdens de werkzaamheden een "
                                         "kamer beneden")
    snap(dialog, "vulnerability-dialog")
    dialog.save_button.click()

    assert dialog.result() == dialog.DialogCode.Accepted
    assert _rows(small_demo, "SELECT category, weight FROM vulnerability WHERE household_id = :h",
                 household) == [("mobility", 3)]
    assert _texts(page.vulnerabilities, 0) == ["Beperkt mobiel"]
    assert _texts(page.vulnerabilities, 1) == ["severe"]
    titles = [page.guidance.list.item(i).text() for i in range(page.guidance.list.count())]
    assert titles and titles[0] == "Beperkt mobiel"
    snap(page, "profile-with-needs")


def test_without_a_basis_the_dialog_says_so_and_nothing_is_saved(
        qtbot: Any, context: PageContext, small_demo: Workspace) -> None:
    from renodesk.ui.widgets.needs_dialogs import VulnerabilityDialog

    household = _household(small_demo, basis=False)
    page = _profile(qtbot, context, household)
    dialog = page.needs.add_vulnerability()
    assert isinstance(dialog, VulnerabilityDialog)
    assert dialog.no_basis.isVisible()  # said before anything is typed
    dialog.no_basis.setVisible(False)
    dialog.category.setCurrentIndex(dialog.category.findData("dementia"))
    dialog.implications.setPlainText("Vaste contactpersoon, alles ook op papier")
    dialog.save_button.click()

    assert dialog.isVisible() and dialog.no_basis.isVisible()
    assert "Leg eerst de grondslag vast" in dialog.no_basis.text.text()
    assert "Consent for sensitive data" in dialog.no_basis.text.text()
    assert dialog.errors.message_for("category") == ""  # not the category's fault
    assert _rows(small_demo, "SELECT id FROM vulnerability WHERE household_id = :h",
                 household) == []
    snap(dialog, "vulnerability-no-basis")

    qtbot.mouseClick(dialog.no_basis.button, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()
    assert page.focusWidget() is page.edits["consent_basis"]  # the cursor waits there


def test_change_and_remove_a_vulnerability(qtbot: Any, context: PageContext,
                                           small_demo: Workspace, said: list[str]) -> None:
    from renodesk.core.needs import record_vulnerability

    household = _household(small_demo, basis=True)
    record_vulnerability(small_demo, household, {"category": "mobility", "weight": 3})
    record_vulnerability(small_demo, household, {"category": "old_age", "weight": 2})
    page = _profile(qtbot, context, household)
    before = _texts(page.vulnerabilities, 0)
    assert len(before) == 2
    page.vulnerabilities.setCurrentItem(page.vulnerabilities.topLevelItem(0))
    dialog = page.needs.change_vulnerability()
    assert dialog is not None and dialog.windowTitle() == "Change vulnerability"
    chosen = dialog.item
    dialog.weight.setCurrentIndex(dialog.weight.findData(1))
    dialog.implications.setPlainText("Rollator; looproute vrijhouden tijdens de werkzaamheden")
    dialog.save_button.click()
    assert dialog.result() == dialog.DialogCode.Accepted
    assert small_demo.get("vulnerability", chosen.id)["weight"] == 1
    assert "Rollator; looproute vrijhouden" in " ".join(_texts(page.vulnerabilities, 2))

    # A second record of a category already there is named beside the category.
    page.vulnerabilities.setCurrentItem(page.vulnerabilities.topLevelItem(0))
    other = page.needs.change_vulnerability()
    assert other is not None
    taken = next(code for code in ("mobility", "old_age") if code != other.item.category)
    other.category.setCurrentIndex(other.category.findData(taken))
    other.save_button.click()
    assert other.isVisible() and "staat al bij dit huishouden" in other.errors.message_for(
        "category")
    other.reject()

    page.needs.confirm = lambda _title, _question: True  # the coach answers Yes
    page.vulnerabilities.setCurrentItem(page.vulnerabilities.topLevelItem(0))
    gone = page.needs._chosen_vulnerability()
    page.vulnerabilities.setFocus()
    qtbot.keyClick(page.vulnerabilities, Qt.Key.Key_Delete)  # Delete on the table removes
    assert page.vulnerabilities.topLevelItemCount() == 1
    assert _rows(small_demo, "SELECT id FROM vulnerability WHERE id = :h", gone.id) == []
    assert said[-1] == "The vulnerability is removed."


def test_involve_a_partner_and_a_new_organisation_then_end_one(
        qtbot: Any, context: PageContext, small_demo: Workspace) -> None:
    household = _household(small_demo, basis=True)
    page = _profile(qtbot, context, household)
    dialog = page.needs.involve_partner()
    assert dialog is not None
    assert "Thuiszorg Samen" in _partner_names(small_demo)
    assert dialog.partner.count() == len(_partner_names(small_demo)) + 1  # + New organisation
    dialog.partner.setCurrentIndex(dialog.partner.findText("Thuiszorg Samen (Thuiszorg)"))
    assert not dialog.partner_name.isVisible()
    dialog.role.setText("Helpt bij inpakken")
    dialog.consent.setChecked(True)
    dialog.save_button.click()
    assert dialog.result() == dialog.DialogCode.Accepted
    assert _texts(page.partners, 0) == ["Thuiszorg Samen (Thuiszorg)"]
    assert _texts(page.partners, 2) == ["yes"]

    dialog = page.needs.involve_partner()
    assert dialog is not None
    dialog.partner.setCurrentIndex(dialog.partner.count() - 1)  # New organisation…
    assert dialog.partner_name.isVisible()
    dialog.partner_phone.setText("12")
    snap(dialog, "involvement-dialog")
    dialog.save_button.click()
    assert dialog.isVisible()
    assert dialog.errors.message_for("partner_name") == "Dit veld is verplicht."
    assert "06-12345678" in dialog.errors.message_for("partner_phone")
    assert _rows(small_demo, "SELECT id FROM involvement WHERE household_id = :h",
                 household) != [] and len(_texts(page.partners, 0)) == 1
    dialog.partner_name.setText("Buurtkamer De Linde")
    dialog.partner_kind.setCurrentIndex(dialog.partner_kind.findData("other"))
    dialog.partner_phone.setText("030 123 45 67")
    dialog.save_button.click()
    assert dialog.result() == dialog.DialogCode.Accepted
    assert _texts(page.partners, 0) == ["Buurtkamer De Linde (Anders)",
                                        "Thuiszorg Samen (Thuiszorg)"]
    assert _texts(page.partners, 2) == ["no", "yes"]

    page.partners.setCurrentItem(page.partners.topLevelItem(1))
    change = page.needs.change_involvement()
    assert change is not None and not change.partner.isEnabled()
    change.consent.setChecked(False)
    change.save_button.click()
    assert _texts(page.partners, 2) == ["no", "no"]
    assert _texts(page.partners, 1)[1] == "Helpt bij inpakken"

    page.needs.confirm = lambda _title, _question: True
    page.partners.setCurrentItem(page.partners.topLevelItem(0))
    page.needs.partner_buttons[2].click()
    assert _texts(page.partners, 0) == ["Thuiszorg Samen (Thuiszorg)"]
    assert _rows(small_demo, "SELECT name FROM partner WHERE name = :h",
                 "Buurtkamer De Linde") == [("Buurtkamer De Linde",)]


def test_without_a_basis_a_partner_is_involved_but_its_role_stays_locked(
        qtbot: Any, context: PageContext, small_demo: Workspace) -> None:
    household = _household(small_demo, basis=False)
    page = _profile(qtbot, context, household)
    dialog = page.needs.involve_partner()
    assert dialog is not None
    assert not dialog.role.isEnabled() and not dialog.no_basis.isVisible()
    dialog.partner.setCurrentIndex(dialog.partner.findText("Wijkteam Noord (Wijkteam)"))
    dialog.save_button.click()
    assert dialog.result() == dialog.DialogCode.Accepted
    assert _rows(small_demo, "SELECT role, consent_to_share FROM involvement "
                             "WHERE household_id = :h", household) == [("", False)]
