"""The privacy officer's page: find a household, basis, inzage, erasure, audit, retention."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from fixtures.privacy_world import PLAIN, Planted, plant_household
from PySide6.QtWidgets import QDialog, QFileDialog, QMessageBox

from renodesk.core.errors import NotFoundError
from renodesk.core.workspace import Workspace
from renodesk.settings import Settings
from renodesk.ui.pages.base import PageContext
from renodesk.ui.pages.privacy import PrivacyPage
from renodesk.ui.pages.privacy_parts import ConfirmErasure
from renodesk.ui.worker import InlineRunner


@pytest.fixture
def planted(workspace: Workspace) -> Planted:
    return plant_household(workspace)


@pytest.fixture
def page(qtbot: Any, workspace: Workspace, planted: Planted) -> PrivacyPage:
    said: list[str] = []
    context = PageContext(runner=InlineRunner(workspace), settings=Settings(None),
                          navigate=lambda _key, _arg: None, notify=said.append)
    page = PrivacyPage(context)
    page.said = said  # type: ignore[attr-defined]
    qtbot.addWidget(page)
    page.resize(1200, 800)
    page.show()
    page.load()
    return page


@pytest.fixture
def confirmations(monkeypatch: pytest.MonkeyPatch) -> list[ConfirmErasure]:
    """Erasure confirmations answered 'yes, I understand' (after checking the guard)."""
    seen: list[ConfirmErasure] = []

    def answer(dialog: ConfirmErasure) -> int:
        assert not dialog.erase_button.isEnabled()  # nothing is erased by one stray click
        dialog.understood.setChecked(True)
        assert dialog.erase_button.isEnabled()
        seen.append(dialog)
        return int(QDialog.DialogCode.Accepted.value)

    monkeypatch.setattr(ConfirmErasure, "exec", answer)
    return seen


def _find(page: PrivacyPage, text: str) -> None:
    page.query.setText(text)
    page.search()


def test_withdrawing_consent_offers_to_erase_the_sensitive_data(
        page: PrivacyPage, workspace: Workspace, planted: Planted,
        confirmations: list[ConfirmErasure]) -> None:
    _find(page, "Zwaluwstaart")
    assert page.results.rowCount() == 1 and page.current() is not None
    assert page.results.item(0, 3).text() == "7"  # sensitive data held, counted
    page.withdraw()
    assert len(confirmations) == 1
    household = workspace.get("household", planted.household_id)
    assert household["consent_withdrawn_date"] is not None and household["notes"] == ""
    assert page.results.item(0, 3).text() == "0"
    assert "(withdrawn)" in page.results.item(0, 2).text()  # no translator installed here


def test_a_basis_without_its_date_or_note_is_shown_beside_the_field(
        page: PrivacyPage, planted: Planted) -> None:
    _find(page, "Zwaluwstaart")
    page.basis.setCurrentIndex(page.basis.findData("other"))
    page.scope.setText("")
    page.save_basis()
    assert page.errors.message_for("consent_scope")


def test_erasing_a_household_from_the_page(page: PrivacyPage, workspace: Workspace,
                                           planted: Planted,
                                           confirmations: list[ConfirmErasure]) -> None:
    _find(page, planted.household_id)
    page.erase(sensitive_only=False)
    with pytest.raises(NotFoundError):
        workspace.get("household", planted.household_id)
    assert page.results.rowCount() == 0
    page.tabs.setCurrentIndex(1)
    page.audit.household.setText(planted.household_id)
    page.refresh()
    actions = {page.audit.view.item(r, 3).text() for r in range(page.audit.view.rowCount())}
    assert "Gewist" in actions or "erase" in actions


def test_inzage_and_audit_export_write_their_files(page: PrivacyPage, planted: Planted,
                                                   tmp_path: Path,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *a, **k: str(tmp_path))
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        lambda *a, **k: (str(tmp_path / "log.csv"), ""))
    told: list[str] = []
    monkeypatch.setattr(QMessageBox, "information", lambda _p, _t, text: told.append(text))
    _find(page, "Zwaluwstaart")
    page.export_inzage()
    (folder,) = [p for p in tmp_path.iterdir() if p.name.startswith("inzage-")]
    assert (folder / "inzage.pdf").exists() and str(folder) in told[0]
    page.tabs.setCurrentIndex(1)
    page.audit.export_csv()
    content = (tmp_path / "log.csv").read_text("utf-8-sig")
    assert planted.household_id in content and PLAIN["name"] not in content


def test_retention_lists_what_is_due_and_erases_it_in_one_step(
        page: PrivacyPage, workspace: Workspace, planted: Planted,
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(QMessageBox, "warning",
                        lambda *a, **k: QMessageBox.StandardButton.Yes)
    page.tabs.setCurrentIndex(2)
    names = {page.retention.view.item(r, 3).text() for r in range(page.retention.view.rowCount())}
    assert names == {PLAIN["name"], "Fam. Buurman"}  # aftercare ended in January 2024
    page.retention.erase_due()
    assert page.retention.view.rowCount() == 0 and not page.retention.erase_button.isEnabled()
    assert workspace.get("household", planted.household_id)["notes"] == ""


def test_the_privacy_statement_is_in_the_app(page: PrivacyPage) -> None:
    page.tabs.setCurrentIndex(3)
    statement = page.tabs.currentWidget().toPlainText()
    assert "SQLCipher" in statement and "BSN" in statement
