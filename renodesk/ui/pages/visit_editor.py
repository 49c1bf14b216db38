"""The visit report form: attendees, notes, wishes, worries, inline agreements and actions.

Kept apart from the visits page so the page stays about the list and the flow; the
form knows nothing of the database and hands back plain values.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from renodesk.core import enums
from renodesk.core.visits import NewAction, NewAdjustment, VisitReport
from renodesk.ui.models.base import CODE_ROLE
from renodesk.ui.pages.records_kit import VocabularyDelegate
from renodesk.ui.widgets.form import ErrorLabel, FormErrors
from renodesk.ui.widgets.privacy_hints import HiddenNotes, mark_sensitive

TEXTS = ("notes", "wishes", "worries")


class CodeItem(QTableWidgetItem):
    """A cell showing a vocabulary label while holding its code (CODE_ROLE)."""

    def __init__(self, vocabulary: type[enums.Labelled], code: str) -> None:
        super().__init__()
        self.vocabulary = vocabulary
        self.setData(Qt.ItemDataRole.EditRole, code)

    def setData(self, role: int, value: Any) -> None:
        codes = {member.value for member in self.vocabulary}
        if role == Qt.ItemDataRole.EditRole and value in codes:
            super().setData(CODE_ROLE, value)
            super().setData(Qt.ItemDataRole.EditRole, self.vocabulary(value).label())
            return
        super().setData(role, value)


class InlineTable(QTableWidget):
    """A few rows typed during the visit; vocabulary columns edit with a drop-down."""

    def __init__(self, headers: list[str], vocabularies: dict[int, type[enums.Labelled]],
                 name: str, parent: QWidget | None = None) -> None:
        super().__init__(0, len(headers), parent)
        self.vocabularies = vocabularies
        self.setHorizontalHeaderLabels(headers)
        self.setAccessibleName(name)
        self.verticalHeader().setVisible(False)
        self.horizontalHeader().setStretchLastSection(False)
        self.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setEditTriggers(QAbstractItemView.EditTrigger.AllEditTriggers)
        self.setTabKeyNavigation(False)
        self.setMinimumHeight(self.fontMetrics().height() * 6)
        self.setMaximumHeight(self.fontMetrics().height() * 10)
        for column, vocabulary in vocabularies.items():
            self.setItemDelegateForColumn(column, VocabularyDelegate(vocabulary, self))

    def add_row(self, values: dict[int, str] | None = None) -> None:
        row = self.rowCount()
        self.insertRow(row)
        values = values or {}
        for column in range(self.columnCount()):
            vocabulary = self.vocabularies.get(column)
            if vocabulary is not None:
                self.setItem(row, column, CodeItem(
                    vocabulary, values.get(column) or next(iter(vocabulary)).value))
            else:
                self.setItem(row, column, QTableWidgetItem(values.get(column, "")))

    def text(self, row: int, column: int) -> str:
        item = self.item(row, column)
        if item is None:
            return ""
        if column in self.vocabularies:
            return str(item.data(CODE_ROLE) or "")
        return item.text().strip()

    def rows(self) -> list[dict[int, str]]:
        return [{c: self.text(r, c) for c in range(self.columnCount())}
                for r in range(self.rowCount())]

    def remove_selected(self) -> None:
        for row in sorted({i.row() for i in self.selectedIndexes()}, reverse=True):
            self.removeRow(row)


class VisitReportForm(QWidget):
    """What happened at the visit. ``edited`` fires on every keystroke (for drafts)."""

    edited = Signal()
    A_CATEGORY, A_DESCRIPTION, A_DUE, A_STATUS = range(4)
    T_DESCRIPTION, T_FOR_WHOM, T_DUE = range(3)

    def __init__(self, errors: FormErrors, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.errors = errors
        self.attendees = QLineEdit(self)
        self.attendees.setObjectName("attendees")
        self.attendees.setPlaceholderText(self.tr("e.g. tenant, daughter, interpreter"))
        self.texts: dict[str, QPlainTextEdit] = {}
        group = QGroupBox(self.tr("Report"), self)
        form = QFormLayout(group)
        errors.add_row(form, "attendees", self.tr("Present"), self.attendees)
        labels = {"notes": self.tr("Notes"), "wishes": self.tr("Wishes"),
                  "worries": self.tr("Worries")}
        for name in TEXTS:
            edit = QPlainTextEdit(self)
            edit.setObjectName(name)
            edit.setTabChangesFocus(True)
            edit.setMinimumHeight(edit.fontMetrics().lineSpacing() * 3 + 12)
            edit.setMaximumHeight(edit.fontMetrics().lineSpacing() * 5 + 12)
            self.texts[name] = edit
            errors.add_row(form, name, labels[name], edit)
            edit.textChanged.connect(self.edited)
        self.attendees.textChanged.connect(self.edited)
        #: Field labels, for messages about a field.
        self.labels = {"attendees": self.tr("Present"), **labels}
        mark_sensitive(form, self.texts["notes"])
        self.hidden_note = HiddenNotes(group)
        form.addRow(self.hidden_note)

        self.adjustment_table = InlineTable(
            [self.tr("Category"), self.tr("What was agreed"), self.tr("Due"),
             self.tr("Status")],
            {self.A_CATEGORY: enums.AdjustmentCategory, self.A_STATUS: enums.AdjustmentStatus},
            self.tr("Agreements made at this visit"), self)
        self.adjustment_table.setObjectName("inlineAdjustments")
        self.adjustment_table.horizontalHeader().setSectionResizeMode(
            self.A_DESCRIPTION, QHeaderView.ResizeMode.Stretch)
        self.adjustment_table.horizontalHeader().resizeSection(self.A_CATEGORY, 170)
        self.adjustment_table.horizontalHeader().resizeSection(self.A_DUE, 95)
        self.adjustment_table.horizontalHeader().resizeSection(self.A_STATUS, 110)
        self.adjustment_errors = ErrorLabel(self)
        self.action_table = InlineTable(
            [self.tr("What"), self.tr("For whom"), self.tr("Due")], {},
            self.tr("Actions from this visit"), self)
        self.action_table.setObjectName("inlineActions")
        self.action_table.horizontalHeader().setSectionResizeMode(
            self.T_DESCRIPTION, QHeaderView.ResizeMode.Stretch)
        self.action_table.horizontalHeader().resizeSection(self.T_DUE, 95)
        self.action_errors = ErrorLabel(self)
        date_tip = self.tr("A date such as 26-11-2026")
        for table, due in ((self.adjustment_table, self.A_DUE), (self.action_table, self.T_DUE)):
            header_item = table.horizontalHeaderItem(due)
            if header_item is not None:
                header_item.setToolTip(date_tip)
        for table in (self.adjustment_table, self.action_table):
            table.itemChanged.connect(lambda _item: self.edited.emit())

        self.add_adjustment = QPushButton(self.tr("Add agreement"), self)
        self.add_adjustment.clicked.connect(lambda: self._add(self.adjustment_table))
        self.remove_adjustment = QPushButton(self.tr("Remove agreement"), self)
        self.remove_adjustment.clicked.connect(self.adjustment_table.remove_selected)
        self.add_action = QPushButton(self.tr("Add action"), self)
        self.add_action.clicked.connect(lambda: self._add(self.action_table))
        self.remove_action = QPushButton(self.tr("Remove action"), self)
        self.remove_action.clicked.connect(self.action_table.remove_selected)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(group)
        for title, table, error, add, remove in (
                (self.tr("Agreements (maatwerk)"), self.adjustment_table, self.adjustment_errors,
                 self.add_adjustment, self.remove_adjustment),
                (self.tr("Actions"), self.action_table, self.action_errors, self.add_action,
                 self.remove_action)):
            box = QGroupBox(title, self)
            column = QVBoxLayout(box)
            column.addWidget(table)
            column.addWidget(error)
            buttons = QHBoxLayout()
            buttons.addWidget(add)
            buttons.addWidget(remove)
            buttons.addStretch(1)
            column.addLayout(buttons)
            layout.addWidget(box)

    def _add(self, table: InlineTable) -> None:
        table.add_row()
        table.setCurrentCell(table.rowCount() - 1, 1 if table is self.adjustment_table else 0)
        table.editItem(table.currentItem())
        self.edited.emit()

    # -- values -------------------------------------------------------------------
    def report(self) -> VisitReport:
        adjustments = [
            NewAdjustment(category=r[self.A_CATEGORY], description=r[self.A_DESCRIPTION],
                          due_date=r[self.A_DUE] or None, status=r[self.A_STATUS])
            for r in self.adjustment_table.rows()]
        actions = [
            NewAction(description=r[self.T_DESCRIPTION], for_whom=r[self.T_FOR_WHOM],
                      due_date=r[self.T_DUE] or None)
            for r in self.action_table.rows()]
        return VisitReport(attendees=self.attendees.text(),
                           notes=self.texts["notes"].toPlainText(),
                           wishes=self.texts["wishes"].toPlainText(),
                           worries=self.texts["worries"].toPlainText(),
                           adjustments=adjustments, actions=actions)

    def content(self) -> dict[str, Any]:
        """Everything typed, as JSON-able values (for a draft)."""
        return {"attendees": self.attendees.text(),
                **{name: edit.toPlainText() for name, edit in self.texts.items()},
                "adjustments": [list(r.values()) for r in self.adjustment_table.rows()],
                "actions": [list(r.values()) for r in self.action_table.rows()]}

    def set_content(self, content: dict[str, Any]) -> None:
        self.blockSignals(True)
        try:
            self.attendees.setText(str(content.get("attendees", "")))
            for name, edit in self.texts.items():
                edit.setPlainText(str(content.get(name, "")))
            for table, key in ((self.adjustment_table, "adjustments"),
                               (self.action_table, "actions")):
                table.blockSignals(True)
                table.setRowCount(0)
                for values in content.get(key, []):
                    table.add_row(dict(enumerate(values)))
                table.blockSignals(False)
        finally:
            self.blockSignals(False)

    def inline_texts(self) -> tuple[dict[str, str], dict[str, str]]:
        """The free text typed in the inline agreements and actions, with a label each
        (for the BSN/IBAN check before saving)."""
        texts: dict[str, str] = {}
        labels: dict[str, str] = {}
        for number, row in enumerate(self.adjustment_table.rows(), start=1):
            texts[f"adjustment.{number}"] = str(row[self.A_DESCRIPTION] or "")
            labels[f"adjustment.{number}"] = self.tr("Agreement %1").replace("%1", str(number))
        for number, row in enumerate(self.action_table.rows(), start=1):
            for column, key in ((self.T_DESCRIPTION, "description"),
                                (self.T_FOR_WHOM, "for_whom")):
                texts[f"action.{number}.{key}"] = str(row[column] or "")
                labels[f"action.{number}.{key}"] = self.tr("Action %1").replace(
                    "%1", str(number))
        return texts, labels

    def text_fields(self) -> dict[str, QLineEdit | QPlainTextEdit]:
        """The report's free-text fields that are in use, by field name."""
        fields: dict[str, QLineEdit | QPlainTextEdit] = {"attendees": self.attendees}
        fields.update({name: edit for name, edit in self.texts.items() if edit.isEnabled()})
        return fields

    def set_sensitive_shown(self, shown: bool) -> None:
        """Without a basis for sensitive data the notes are hidden and cannot be typed."""
        self.texts["notes"].setEnabled(shown)
        self.hidden_note.setVisible(not shown)

    def set_read_only(self, read_only: bool) -> None:
        self.attendees.setReadOnly(read_only)
        for edit in self.texts.values():
            edit.setReadOnly(read_only)
        for widget in (self.add_adjustment, self.remove_adjustment, self.add_action,
                       self.remove_action):
            widget.setEnabled(not read_only)
        for table in (self.adjustment_table, self.action_table):
            table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers if read_only
                                  else QAbstractItemView.EditTrigger.AllEditTriggers)

    def show_inline_errors(self, messages: dict[str, str], agreement: str, action: str) -> None:
        """Messages for ``adjustments.<i>.<field>`` / ``actions.<i>.<field>`` under their table;
        ``agreement`` and ``action`` are translated templates with %1 for the row number."""
        columns = {
            "adjustments": {"category": self.tr("Category"),
                            "description": self.tr("What was agreed"),
                            "due_date": self.tr("Due"), "status": self.tr("Status")},
            "actions": {"description": self.tr("What"), "for_whom": self.tr("For whom"),
                        "due_date": self.tr("Due")},
        }
        lines: dict[str, list[str]] = {"adjustments": [], "actions": []}
        for name, text in messages.items():
            kind, _, rest = name.partition(".")
            if kind in lines:
                index, _, field = rest.partition(".")
                template = agreement if kind == "adjustments" else action
                where = template.replace("%1", str(int(index) + 1))
                column = columns[kind].get(field)
                lines[kind].append(f"{where}, {column}: {text}" if column else f"{where}: {text}")
        self.adjustment_errors.say("\n".join(lines["adjustments"]))
        self.action_errors.say("\n".join(lines["actions"]))
