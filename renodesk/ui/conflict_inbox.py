"""Synchronisatie: "Tegelijk bewerkt op twee laptops", the conflicts inbox.

Both versions of a text edited on two laptops at once are shown side by side with a
third, combined one the coach may edit; a button under each keeps that text. The page
settles the chosen text (see ``SyncPage``); texts keep the page's translation context.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import (
    QGroupBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from renodesk.ui.labels import conflict_label

if TYPE_CHECKING:
    from renodesk.sync.conflicts import Conflict


def _text(value: Any) -> str:
    return "" if value is None else str(value)


class ConflictInbox(QGroupBox):
    """The open conflicts, the chosen one's versions, and the buttons that keep one."""

    #: "kept", "other" or "combined": the text the coach chose to keep.
    keep = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(
            QCoreApplication.translate("SyncPage", "Edited on two laptops at once"), parent)
        self.conflicts: list[Conflict] = []
        self.conflict_list = QListWidget(self)
        self.conflict_list.setObjectName("conflictList")
        self.conflict_list.currentRowChanged.connect(self._show_conflict)
        self.kept_text = QPlainTextEdit(self)
        self.kept_text.setObjectName("keptVersion")
        self.kept_text.setReadOnly(True)
        self.other_text = QPlainTextEdit(self)
        self.other_text.setObjectName("otherVersion")
        self.other_text.setReadOnly(True)
        self.combined_text = QPlainTextEdit(self)
        self.combined_text.setObjectName("combinedVersion")
        keep = QCoreApplication.translate("SyncPage", "Keep this version")
        self.keep_button = QPushButton(keep, self)
        self.keep_button.clicked.connect(lambda: self.keep.emit("kept"))
        self.other_button = QPushButton(keep, self)
        self.other_button.setObjectName("keepOther")
        self.other_button.clicked.connect(lambda: self.keep.emit("other"))
        self.combined_button = QPushButton(
            QCoreApplication.translate("SyncPage", "Keep the combined text"), self)
        self.combined_button.clicked.connect(lambda: self.keep.emit("combined"))
        sides = QSplitter(self)
        columns = (
            (QCoreApplication.translate("SyncPage", "Now in the field"), self.kept_text,
             self.keep_button),
            (QCoreApplication.translate("SyncPage", "The other version"), self.other_text,
             self.other_button),
            (QCoreApplication.translate("SyncPage", "Combined (edit freely)"), self.combined_text,
             self.combined_button))
        for title, text, button in columns:
            column = QWidget(sides)
            inner = QVBoxLayout(column)
            inner.setContentsMargins(0, 0, 0, 0)
            inner.addWidget(QLabel(title, column))
            inner.addWidget(text, 1)
            inner.addWidget(button)
            sides.addWidget(column)
        self.inbox_hint = QLabel(self)
        self.inbox_hint.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.inbox_hint)
        row = QSplitter(self)
        row.addWidget(self.conflict_list)
        row.addWidget(sides)
        row.setStretchFactor(1, 3)
        layout.addWidget(row, 1)

    def fill(self, conflicts: list[Conflict], wanted: str | None) -> None:
        """Show ``conflicts``, with the one whose id is ``wanted`` chosen (else the first)."""
        self.conflicts = conflicts
        self.conflict_list.blockSignals(True)
        self.conflict_list.clear()
        chosen = 0
        for row, item in enumerate(conflicts):
            entry = QListWidgetItem(f"{conflict_label(item.entity, item.field)}\n"
                                    f"{item.created_at.strftime('%d-%m-%Y %H:%M')}")
            self.conflict_list.addItem(entry)
            if item.id == wanted:
                chosen = row
        self.conflict_list.blockSignals(False)
        self.inbox_hint.setText(
            QCoreApplication.translate(
                "SyncPage", "Both versions are kept. Choose the one to keep, or combine them.")
            if conflicts else QCoreApplication.translate("SyncPage", "Nothing to settle."))
        self.conflict_list.setCurrentRow(chosen if conflicts else -1)
        self._show_conflict(chosen if conflicts else -1)

    def chosen(self, which: str) -> tuple[Conflict, Any] | None:
        """The conflict on screen and the text to keep for it (``which`` as in ``keep``)."""
        row = self.conflict_list.currentRow()
        if not 0 <= row < len(self.conflicts):
            return None
        item = self.conflicts[row]
        return item, {"kept": item.kept, "other": item.other,
                      "combined": self.combined_text.toPlainText()}[which]

    def _show_conflict(self, row: int) -> None:
        item = self.conflicts[row] if 0 <= row < len(self.conflicts) else None
        self.kept_text.setPlainText(_text(item.kept) if item else "")
        self.other_text.setPlainText(_text(item.other) if item else "")
        combined = f"{_text(item.kept)}\n{_text(item.other)}" if item else ""
        self.combined_text.setPlainText(combined)
        editable = item is not None and not item.is_record
        for widget in (self.keep_button, self.other_button, self.combined_button,
                       self.combined_text):
            widget.setEnabled(editable)
