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
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from renodesk.core import enums
from renodesk.core.errors import ValidationError
from renodesk.core.privacy import RetentionItem, SensitiveHoldings
from renodesk.reports.audit_trail import AuditFilter, AuditRow
from renodesk.ui.labels import detail_label, entity_label
from renodesk.ui.pages.base import Page, PageContext
from renodesk.ui.pages.privacy_parts import offer_erasure, privacy_statement
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


def _item(text: str) -> QTableWidgetItem:
    return QTableWidgetItem(text)


def _table(parent: QWidget, headers: Sequence[str], name: str) -> QTableWidget:
    view = QTableWidget(0, len(headers), parent)
    view.setHorizontalHeaderLabels(list(headers))
    view.setAccessibleName(name)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.verticalHeader().setVisible(False)
    view.horizontalHeader().setStretchLastSection(True)
    view.setTabKeyNavigation(False)
    view.setWordWrap(False)
    return view


class PrivacyPage(Page):
    key = "privacy"
    icon = "privacy"
    commands = frozenset({"refresh"})

    def __init__(self, context: PageContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.found: list[Found] = []
        self.due: list[RetentionItem] = []
        self.tabs = QTabWidget(self)
        self.tabs.addTab(self._household_tab(), self.tr("Household"))
        self.tabs.addTab(self._audit_tab(), self.tr("Audit trail"))
        self.tabs.addTab(self._retention_tab(), self.tr("Retention"))
        self.statement = privacy_statement(self)
        self.tabs.addTab(self.statement, self.tr("Privacy statement"))
        self.tabs.currentChanged.connect(lambda _i: self.refresh())
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        layout.addWidget(self.tabs)

    @classmethod
    def title(cls) -> str:
        return QCoreApplication.translate("PrivacyPage", "Privacy")

    # -- building the tabs ----------------------------------------------------------
    def _household_tab(self) -> QWidget:
        tab = QWidget(self)
        self.query = QLineEdit(tab)
        self.query.setObjectName("privacySearch")
        self.query.setPlaceholderText(self.tr("Name, address or number of the household"))
        self.query.setAccessibleName(self.tr("Find a household"))
        self.query.returnPressed.connect(self.search)
        find = QPushButton(self.tr("Find"), tab)
        find.clicked.connect(self.search)
        self.results = _table(tab, [self.tr("Name"), self.tr("Address"),
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

    def _audit_tab(self) -> QWidget:
        tab = QWidget(self)
        self.audit_household = QLineEdit(tab)
        self.audit_household.setPlaceholderText(self.tr("Household number"))
        self.audit_household.setAccessibleName(self.tr("Household number"))
        self.audit_actor = QLineEdit(tab)
        self.audit_actor.setPlaceholderText(self.tr("Who"))
        self.audit_actor.setAccessibleName(self.tr("Who"))
        self.audit_action = QComboBox(tab)
        self.audit_action.setAccessibleName(self.tr("What"))
        fill_vocabulary(self.audit_action, enums.AuditAction, self.tr("Every action"))
        self.audit_since = QDateEdit(tab)
        self.audit_since.setCalendarPopup(True)
        self.audit_since.setDisplayFormat("dd-MM-yyyy")
        self.audit_since.setDate(QDate.currentDate().addMonths(-3))
        self.audit_since.setAccessibleName(self.tr("From"))
        show = QPushButton(self.tr("Show"), tab)
        show.clicked.connect(self.refresh)
        export = QPushButton(self.tr("Export to CSV..."), tab)
        export.clicked.connect(self.export_audit)
        self.audit_view = _table(tab, [self.tr("When"), self.tr("Who"), self.tr("Laptop"),
                                       self.tr("What"), self.tr("Record"),
                                       self.tr("Household"), self.tr("Fields")],
                                 self.tr("Audit trail"))
        self.audit_view.setObjectName("auditTable")
        self.audit_count = QLabel(tab)
        filters = QHBoxLayout()
        for widget in (self.audit_household, self.audit_actor, self.audit_action,
                       QLabel(self.tr("from"), tab), self.audit_since, show, export):
            filters.addWidget(widget)
        layout = QVBoxLayout(tab)
        layout.addLayout(filters)
        layout.addWidget(self.audit_view, 1)
        layout.addWidget(self.audit_count)
        return tab

    def _retention_tab(self) -> QWidget:
        tab = QWidget(self)
        explain = QLabel(self.tr(
            "Under the organisation's retention policy these households are due for "
            "erasure: sensitive data some months after the project's aftercare ended, "
            "everything some months after the tenancy ended."), tab)
        explain.setWordWrap(True)
        self.retention_view = _table(tab, [self.tr("Due since"), self.tr("What"),
                                           self.tr("Project"), self.tr("Name")],
                                     self.tr("Due for erasure"))
        self.retention_view.setObjectName("retentionTable")
        self.erase_due_button = QPushButton(self.tr("Erase everything that is due..."), tab)
        self.erase_due_button.setObjectName("eraseDue")
        self.erase_due_button.clicked.connect(self.erase_due)
        layout = QVBoxLayout(tab)
        layout.addWidget(explain)
        layout.addWidget(self.retention_view, 1)
        layout.addWidget(self.erase_due_button)
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
            self._load_audit()
        elif current == 2:
            self._load_retention()

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
                self.results.setItem(row, column, _item(text))
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

    def _load_audit(self) -> None:
        from renodesk.reports.audit_trail import audit_rows

        flt = self.audit_filter()

        def work(ws: Workspace) -> list[AuditRow]:
            with ws.engine.connect() as conn:
                return audit_rows(conn, flt)

        self.context.runner.read(work, self._show_audit)

    def audit_filter(self) -> AuditFilter:
        since = self.audit_since.date()
        return AuditFilter(household_id=self.audit_household.text().strip(),
                           actor=self.audit_actor.text().strip(),
                           action=self.audit_action.currentData() or "",
                           since=date(since.year(), since.month(), since.day()))

    def _show_audit(self, rows: list[AuditRow] | None, error: BaseException | None) -> None:
        if rows is None:
            self.context.notify(str(error))
            return
        self.audit_view.setRowCount(len(rows))
        for index, row in enumerate(rows):
            action = enums.AuditAction(row.action).label() if row.action in set(
                enums.AuditAction) else row.action
            # Records and fields in words; the codes stay in the tooltip (and the CSV).
            for column, (text, code) in enumerate((
                    (f"{row.at:%d-%m-%Y %H:%M}", ""), (row.actor, ""), (row.device_id[:8], ""),
                    (action, ""), (entity_label(row.entity), row.entity),
                    ((row.household_id or "")[:8], row.household_id or ""),
                    (detail_label(row.detail), row.detail))):
                item = _item(text)
                if code:
                    item.setToolTip(code)
                self.audit_view.setItem(index, column, item)
        self.audit_view.resizeColumnsToContents()
        self.audit_count.setText(self.tr("%n entry(ies)", "", len(rows)))

    def _load_retention(self) -> None:
        from renodesk.core.privacy import retention_review

        def work(ws: Workspace) -> list[RetentionItem]:
            with ws.engine.connect() as conn:
                return retention_review(conn)

        self.context.runner.read(work, self._show_retention)

    def _show_retention(self, items: list[RetentionItem] | None,
                        error: BaseException | None) -> None:
        if items is None:
            self.context.notify(str(error))
            return
        self.due = items
        self.retention_view.setRowCount(len(items))
        for index, item in enumerate(items):
            what = (self.tr("Sensitive data") if item.scope == "sensitive"
                    else self.tr("Whole household"))
            for column, text in enumerate((f"{item.due_since:%d-%m-%Y}", what,
                                           item.project_code, item.name)):
                self.retention_view.setItem(index, column, _item(text))
        self.retention_view.resizeColumnsToContents()
        self.erase_due_button.setEnabled(bool(items))

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
                "Saved in %1: a PDF to read, a JSON file with everything, and %2 letter(s)."
            ).replace("%1", str(result.folder)).replace("%2", str(len(result.letters))))

        self.context.runner.read(lambda ws: export_household(ws, found.id, Path(folder)), done)

    def erase(self, sensitive_only: bool, holdings: SensitiveHoldings | None = None) -> None:
        found = self.current()
        if found is None:
            return
        offer_erasure(self, self.context, found.id, found.name, sensitive_only,
                      holdings or found.holdings, self.search)

    def erase_due(self) -> None:
        if not self.due:
            return
        answer = QMessageBox.warning(
            self, self.tr("Erase data"),
            self.tr("Erase the data of %n household(s) that is due? This cannot be undone.",
                    "", len(self.due)),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No)
        if answer != QMessageBox.StandardButton.Yes:
            return
        items = list(self.due)

        def work(ws: Workspace) -> list[Change]:
            from renodesk.core.erasure import compact_database, erase_household

            changes: list[Change] = []
            for item in items:
                changes += erase_household(ws, item.household_id, compact=False,
                                           sensitive_only=item.scope == "sensitive").changes
            compact_database(ws)
            return changes

        def done(_changes: list[Change] | None, error: BaseException | None) -> None:
            if error is not None:
                self.context.notify(str(error))
            else:
                self.context.notify(self.tr("Erased. Sync now, and ask your colleagues to sync."))
            self._load_retention()

        self.context.runner.write(work, done)

    def export_audit(self) -> None:
        from renodesk.reports.audit_trail import export_csv

        path, _filter = QFileDialog.getSaveFileName(
            self, self.tr("Export the audit trail"), "audit-trail.csv", self.tr("CSV (*.csv)"))
        if not path:
            return
        flt = self.audit_filter()

        def done(count: int | None, error: BaseException | None) -> None:
            self.context.notify(str(error) if count is None else self.tr(
                "%n entry(ies) exported", "", count))

        self.context.runner.read(lambda ws: export_csv(ws, flt, Path(path)), done)

    def on_changes(self, changes: Sequence[Change]) -> None:
        if self.isVisible() and any(c.entity == "household" for c in changes):
            self.refresh()

    def run_command(self, name: str) -> None:
        if name == "refresh":
            self.refresh()


PAGE = PrivacyPage
