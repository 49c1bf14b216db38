"""The privacy page's two review tabs: the audit trail and the retention review.

Their texts keep the translation context ``PrivacyPage`` (hence the explicit
``QCoreApplication.translate``): they are the privacy page's words, translated with it.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QDate
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from renodesk.core import enums
from renodesk.core.privacy import RetentionItem
from renodesk.reports.audit_trail import AuditFilter, AuditRow
from renodesk.ui.labels import detail_label, entity_label
from renodesk.ui.pages.base import PageContext
from renodesk.ui.pages.records_kit import fill_vocabulary

if TYPE_CHECKING:
    from renodesk.core.workspace import Change, Workspace


def review_table(parent: QWidget, headers: Sequence[str], name: str) -> QTableWidget:
    """A read-only table of whole rows, one selectable at a time."""
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


class AuditTrailTab(QWidget):
    """Who did what to which record, filtered, and exported to CSV."""

    def __init__(self, context: PageContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.household = QLineEdit(self)
        self.household.setPlaceholderText(
            QCoreApplication.translate("PrivacyPage", "Household number"))
        self.household.setAccessibleName(
            QCoreApplication.translate("PrivacyPage", "Household number"))
        self.actor = QLineEdit(self)
        self.actor.setPlaceholderText(QCoreApplication.translate("PrivacyPage", "Who"))
        self.actor.setAccessibleName(QCoreApplication.translate("PrivacyPage", "Who"))
        self.action = QComboBox(self)
        self.action.setAccessibleName(QCoreApplication.translate("PrivacyPage", "What"))
        fill_vocabulary(self.action, enums.AuditAction,
                        QCoreApplication.translate("PrivacyPage", "Every action"))
        self.since = QDateEdit(self)
        self.since.setCalendarPopup(True)
        self.since.setDisplayFormat("dd-MM-yyyy")
        self.since.setDate(QDate.currentDate().addMonths(-3))
        self.since.setAccessibleName(QCoreApplication.translate("PrivacyPage", "From"))
        show = QPushButton(QCoreApplication.translate("PrivacyPage", "Show"), self)
        show.clicked.connect(self.load)
        export = QPushButton(QCoreApplication.translate("PrivacyPage", "Export to CSV..."), self)
        export.clicked.connect(self.export_csv)
        self.view = review_table(self, [
            QCoreApplication.translate("PrivacyPage", "When"),
            QCoreApplication.translate("PrivacyPage", "Who"),
            QCoreApplication.translate("PrivacyPage", "Laptop"),
            QCoreApplication.translate("PrivacyPage", "What"),
            QCoreApplication.translate("PrivacyPage", "Record"),
            QCoreApplication.translate("PrivacyPage", "Household"),
            QCoreApplication.translate("PrivacyPage", "Fields")],
            QCoreApplication.translate("PrivacyPage", "Audit trail"))
        self.view.setObjectName("auditTable")
        self.count = QLabel(self)
        filters = QHBoxLayout()
        for widget in (self.household, self.actor, self.action,
                       QLabel(QCoreApplication.translate("PrivacyPage", "from"), self),
                       self.since, show, export):
            filters.addWidget(widget)
        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.count)

    def filter(self) -> AuditFilter:
        """The entries the officer asked for."""
        since = self.since.date()
        return AuditFilter(household_id=self.household.text().strip(),
                           actor=self.actor.text().strip(),
                           action=self.action.currentData() or "",
                           since=date(since.year(), since.month(), since.day()))

    def load(self) -> None:
        """Read the entries that pass the filter (in the background)."""
        from renodesk.reports.audit_trail import audit_rows

        flt = self.filter()

        def work(ws: Workspace) -> list[AuditRow]:
            with ws.engine.connect() as conn:
                return audit_rows(conn, flt)

        self.context.runner.read(work, self._show)

    def _show(self, rows: list[AuditRow] | None, error: BaseException | None) -> None:
        if rows is None:
            self.context.notify(str(error))
            return
        self.view.setRowCount(len(rows))
        for index, row in enumerate(rows):
            action = enums.AuditAction(row.action).label() if row.action in set(
                enums.AuditAction) else row.action
            # Records and fields in words; the codes stay in the tooltip (and the CSV).
            for column, (text, code) in enumerate((
                    (f"{row.at:%d-%m-%Y %H:%M}", ""), (row.actor, ""), (row.device_id[:8], ""),
                    (action, ""), (entity_label(row.entity), row.entity),
                    ((row.household_id or "")[:8], row.household_id or ""),
                    (detail_label(row.detail), row.detail))):
                item = QTableWidgetItem(text)
                if code:
                    item.setToolTip(code)
                self.view.setItem(index, column, item)
        self.view.resizeColumnsToContents()
        self.count.setText(
            QCoreApplication.translate("PrivacyPage", "%n entry(ies)", "", len(rows)))

    def export_csv(self) -> None:
        """Save the entries that pass the filter as CSV, where the officer chooses."""
        from renodesk.reports.audit_trail import export_csv

        path, _filter = QFileDialog.getSaveFileName(
            self, QCoreApplication.translate("PrivacyPage", "Export the audit trail"),
            "audit-trail.csv", QCoreApplication.translate("PrivacyPage", "CSV (*.csv)"))
        if not path:
            return
        flt = self.filter()

        def done(count: int | None, error: BaseException | None) -> None:
            self.context.notify(str(error) if count is None else QCoreApplication.translate(
                "PrivacyPage", "%n entry(ies) exported", "", count))

        self.context.runner.read(lambda ws: export_csv(ws, flt, Path(path)), done)


class RetentionTab(QWidget):
    """The households due for erasure under the retention policy, erased in one step."""

    def __init__(self, context: PageContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.due: list[RetentionItem] = []
        explain = QLabel(QCoreApplication.translate(
            "PrivacyPage",
            "Under the organisation's retention policy these households are due for "
            "erasure: sensitive data some months after the project's aftercare ended, "
            "everything some months after the tenancy ended."), self)
        explain.setWordWrap(True)
        self.view = review_table(self, [
            QCoreApplication.translate("PrivacyPage", "Due since"),
            QCoreApplication.translate("PrivacyPage", "What"),
            QCoreApplication.translate("PrivacyPage", "Project"),
            QCoreApplication.translate("PrivacyPage", "Name")],
            QCoreApplication.translate("PrivacyPage", "Due for erasure"))
        self.view.setObjectName("retentionTable")
        self.erase_button = QPushButton(
            QCoreApplication.translate("PrivacyPage", "Erase everything that is due..."), self)
        self.erase_button.setObjectName("eraseDue")
        self.erase_button.clicked.connect(self.erase_due)
        layout = QVBoxLayout(self)
        layout.addWidget(explain)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.erase_button)

    def load(self) -> None:
        """Read what is due (in the background)."""
        from renodesk.core.privacy import retention_review

        def work(ws: Workspace) -> list[RetentionItem]:
            with ws.engine.connect() as conn:
                return retention_review(conn)

        self.context.runner.read(work, self._show)

    def _show(self, items: list[RetentionItem] | None, error: BaseException | None) -> None:
        if items is None:
            self.context.notify(str(error))
            return
        self.due = items
        self.view.setRowCount(len(items))
        for index, item in enumerate(items):
            what = (QCoreApplication.translate("PrivacyPage", "Sensitive data")
                    if item.scope == "sensitive"
                    else QCoreApplication.translate("PrivacyPage", "Whole household"))
            for column, text in enumerate((f"{item.due_since:%d-%m-%Y}", what,
                                           item.project_code, item.name)):
                self.view.setItem(index, column, QTableWidgetItem(text))
        self.view.resizeColumnsToContents()
        self.erase_button.setEnabled(bool(items))

    def erase_due(self) -> None:
        """Erase everything that is due, after one warning."""
        if not self.due:
            return
        answer = QMessageBox.warning(
            self, QCoreApplication.translate("PrivacyPage", "Erase data"),
            QCoreApplication.translate(
                "PrivacyPage",
                "Erase the data of %n household(s) that is due? This cannot be undone.",
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
                self.context.notify(QCoreApplication.translate(
                    "PrivacyPage", "Erased. Sync now, and ask your colleagues to sync."))
            self.load()

        self.context.runner.write(work, done)
