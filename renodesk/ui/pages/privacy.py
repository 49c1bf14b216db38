"""Privacy: the privacy officer's page.

Four tabs: a household (basis for sensitive data, inzage export, erasure), the audit
trail (filters, CSV export), the retention review (what is due, one action to erase)
and the privacy statement. Every erasure asks a clear confirmation first.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QDate
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from renodesk.core import enums
from renodesk.core.errors import ValidationError
from renodesk.core.privacy import SensitiveHoldings
from renodesk.ui.pages.base import Page, PageContext
from renodesk.ui.pages.privacy_parts import offer_erasure, privacy_statement
from renodesk.ui.pages.privacy_tabs import AuditTrailTab, RetentionTab, review_table
from renodesk.ui.pages.records_kit import fill_vocabulary
from renodesk.ui.widgets.form import FormErrors

if TYPE_CHECKING:
    from renodesk.core.workspace import Change, Workspace


@dataclass(frozen=True)
class Found:
    """A household the officer looked up, with what the page needs to act on it."""

    id: str
    name: str
    address: str
    household: dict[str, Any]
    holdings: SensitiveHoldings


def find_households(ws: Workspace, query: str) -> list[Found]:
    """Households matching a name, address or id (at most 50)."""
    from renodesk.core.privacy import sensitive_holdings
    from renodesk.core.queries.households import HouseholdFilter, household_ids, household_rows

    with ws.engine.connect() as conn:
        ids = [query] if len(query) == 32 and _exists(ws, query) else household_ids(
            conn, HouseholdFilter(query=query, include_inactive=True))[:50]
        rows = household_rows(conn, ids)
        return [Found(r.id, r.name, f"{r.address}, {r.postcode} {r.city}",
                      ws.get("household", r.id), sensitive_holdings(conn, r.id)) for r in rows]


def _exists(ws: Workspace, household_id: str) -> bool:
    from renodesk.core.errors import NotFoundError

    try:
        ws.get("household", household_id)
    except NotFoundError:
        return False
    return True


class PrivacyPage(Page):
    key = "privacy"
    icon = "privacy"
    commands = frozenset({"refresh"})

    def __init__(self, context: PageContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.found: list[Found] = []
        self.tabs = QTabWidget(self)
        self.tabs.addTab(self._household_tab(), self.tr("Household"))
        self.audit = AuditTrailTab(context, self)
        self.tabs.addTab(self.audit, self.tr("Audit trail"))
        self.retention = RetentionTab(context, self)
        self.tabs.addTab(self.retention, self.tr("Retention"))
        self.statement = privacy_statement(self)
        self.tabs.addTab(self.statement, self.tr("Privacy statement"))
        self.tabs.currentChanged.connect(lambda _i: self.refresh())
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        layout.addWidget(self.tabs)

    @classmethod
    def title(cls) -> str:
        return QCoreApplication.translate("PrivacyPage", "Privacy")

    # -- building the household tab --------------------------------------------------
    def _household_tab(self) -> QWidget:
        tab = QWidget(self)
        self.query = QLineEdit(tab)
        self.query.setObjectName("privacySearch")
        self.query.setPlaceholderText(self.tr("Name, address or number of the household"))
        self.query.setAccessibleName(self.tr("Find a household"))
        self.query.returnPressed.connect(self.search)
        find = QPushButton(self.tr("Find"), tab)
        find.clicked.connect(self.search)
        self.results = review_table(tab, [self.tr("Name"), self.tr("Address"),
                                          self.tr("Basis"), self.tr("Sensitive data held")],
                                    self.tr("Households found"))
        self.results.setObjectName("privacyResults")
        self.results.itemSelectionChanged.connect(self._selected)

        consent = QGroupBox(self.tr("Basis for sensitive data"), tab)
        form = QFormLayout(consent)
        self.errors = FormErrors(consent)
        self.basis = QComboBox(consent)
        fill_vocabulary(self.basis, enums.ConsentBasis, None)
        self.consent_date = QDateEdit(consent)
        self.consent_date.setCalendarPopup(True)
        self.consent_date.setDisplayFormat("dd-MM-yyyy")
        self.consent_date.setDate(QDate.currentDate())
        self.scope = QLineEdit(consent)
        self.scope.setPlaceholderText(self.tr("What the consent covers, or which basis and why"))
        self.errors.add_row(form, "consent_basis", self.tr("Basis"), self.basis)
        self.errors.add_row(form, "consent_date", self.tr("Date of consent"), self.consent_date)
        self.errors.add_row(form, "consent_scope", self.tr("Scope or note"), self.scope)
        form.addRow(self.errors.general)
        save_basis = QPushButton(self.tr("Save basis"), consent)
        save_basis.clicked.connect(self.save_basis)
        withdraw = QPushButton(self.tr("Consent withdrawn"), consent)
        withdraw.setObjectName("withdrawConsent")
        withdraw.clicked.connect(self.withdraw)
        buttons = QHBoxLayout()
        buttons.addWidget(save_basis)
        buttons.addWidget(withdraw)
        buttons.addStretch(1)
        form.addRow(buttons)

        self.export_button = QPushButton(self.tr("Export everything held (inzage)..."), tab)
        self.export_button.setObjectName("exportInzage")
        self.export_button.clicked.connect(self.export_inzage)
        self.erase_sensitive_button = QPushButton(self.tr("Erase sensitive data..."), tab)
        self.erase_sensitive_button.clicked.connect(lambda: self.erase(sensitive_only=True))
        self.erase_button = QPushButton(self.tr("Erase household..."), tab)
        self.erase_button.setObjectName("eraseHousehold")
        self.erase_button.clicked.connect(lambda: self.erase(sensitive_only=False))
        actions = QHBoxLayout()
        for button in (self.export_button, self.erase_sensitive_button, self.erase_button):
            actions.addWidget(button)
        actions.addStretch(1)
        self.selection_widgets = [consent, self.export_button, self.erase_sensitive_button,
                                  self.erase_button]
        search = QHBoxLayout()
        search.addWidget(self.query, 1)
        search.addWidget(find)
        layout = QVBoxLayout(tab)
        layout.addLayout(search)
        layout.addWidget(self.results, 1)
        layout.addWidget(consent)
        layout.addLayout(actions)
        self._selected()
        return tab

    # -- loading ---------------------------------------------------------------------
    def load(self, argument: Any = None) -> None:
        from renodesk.core.erasure import compact_if_due

        # Erasures that arrived by sync leave old pages until the file is rewritten.
        self.context.runner.read(compact_if_due, lambda _done, _error: None)
        if isinstance(argument, str) and argument:
            self.query.setText(argument)
            self.tabs.setCurrentIndex(0)
        elif isinstance(argument, dict) and argument.get("tab") == "statement":
            self.tabs.setCurrentWidget(self.statement)  # Help > Privacy statement
        self.search()
        self.refresh()

    def refresh(self) -> None:
        current = self.tabs.currentIndex()
        if current == 1:
            self.audit.load()
        elif current == 2:
            self.retention.load()

    def search(self) -> None:
        query = self.query.text().strip()
        self.context.runner.read(lambda ws: find_households(ws, query), self._show_found)

    def _show_found(self, found: list[Found] | None, error: BaseException | None) -> None:
        if found is None:
            self.context.notify(str(error))
            return
        selected = self.current()
        self.found = found
        self.results.setRowCount(len(found))
        for row, item in enumerate(found):
            basis = enums.ConsentBasis(item.household["consent_basis"]).label()
            if item.household["consent_withdrawn_date"]:
                basis = self.tr("%1 (withdrawn)").replace("%1", basis)
            for column, text in enumerate((item.name, item.address, basis,
                                           str(item.holdings.total))):
                self.results.setItem(row, column, QTableWidgetItem(text))
        self.results.resizeColumnsToContents()
        if selected is not None:
            for row, item in enumerate(found):
                if item.id == selected.id:
                    self.results.selectRow(row)
        elif len(found) == 1:
            self.results.selectRow(0)
        self._selected()

    def current(self) -> Found | None:
        rows = self.results.selectionModel().selectedRows()
        if not rows or rows[0].row() >= len(self.found):
            return None
        return self.found[rows[0].row()]

    def _selected(self) -> None:
        found = self.current()
        for widget in self.selection_widgets:
            widget.setEnabled(found is not None)
        if found is None:
            return
        household = found.household
        self.basis.setCurrentIndex(max(0, self.basis.findData(household["consent_basis"])))
        if household["consent_date"]:
            day = household["consent_date"]
            self.consent_date.setDate(QDate(day.year, day.month, day.day))
        self.scope.setText(household["consent_scope"])
        self.errors.clear()

    # -- acting ------------------------------------------------------------------------
    def save_basis(self) -> None:
        from renodesk.core.privacy import set_consent

        found = self.current()
        if found is None:
            return
        basis, scope = self.basis.currentData(), self.scope.text()
        day = self.consent_date.date()
        consent_date = date(day.year(), day.month(), day.day())
        self.context.runner.write(
            lambda ws: set_consent(ws, found.id, basis, consent_date, scope), self._written)

    def withdraw(self) -> None:
        from renodesk.core.privacy import Withdrawal, withdraw_consent

        found = self.current()
        if found is None:
            return

        def done(result: Withdrawal | None, error: BaseException | None) -> None:
            self._written(result.change if result else None, error)
            if result is not None and result.holdings.total:
                self.erase(sensitive_only=True, holdings=result.holdings)

        self.context.runner.write(lambda ws: withdraw_consent(ws, found.id), done)

    def _written(self, _result: object, error: BaseException | None) -> None:
        if isinstance(error, ValidationError):
            self.errors.show(error)
            return
        if error is not None:
            self.context.notify(str(error))
            return
        self.errors.clear()
        self.context.notify(self.tr("Saved"))
        self.search()

    def export_inzage(self) -> None:
        from renodesk.reports.inzage import InzageExport, export_household

        found = self.current()
        if found is None:
            return
        folder = QFileDialog.getExistingDirectory(self, self.tr("Where to save the inzage"))
        if not folder:
            return

        def done(result: InzageExport | None, error: BaseException | None) -> None:
            if result is None:
                self.context.notify(str(error))
                return
            QMessageBox.information(self, self.tr("Inzage"), self.tr(
                "Saved in %1: a PDF to read, a JSON file with everything, and %n letter(s).", "",
                len(result.letters)).replace("%1", str(result.folder)))

        self.context.runner.read(lambda ws: export_household(ws, found.id, Path(folder)), done)

    def erase(self, sensitive_only: bool, holdings: SensitiveHoldings | None = None) -> None:
        found = self.current()
        if found is None:
            return
        offer_erasure(self, self.context, found.id, found.name, sensitive_only,
                      holdings or found.holdings, self.search)

    def on_changes(self, changes: Sequence[Change]) -> None:
        if self.isVisible() and any(c.entity == "household" for c in changes):
            self.refresh()

    def run_command(self, name: str) -> None:
        if name == "refresh":
            self.refresh()


PAGE = PrivacyPage
