"""Privacy hints in the coach's forms: a discreet "sensitive" marker beside sensitive
fields, and a warning when a free-text field holds what looks like a BSN or an IBAN.

The warning never blocks: the first Save shows what was found (and selects it in its
field), the coach removes it or presses "Save anyway".
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Any

from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import (
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from renodesk.core.i18n import t
from renodesk.core.privacy import TextWarning, check_free_text, find_identifiers


class SensitiveMarker(QLabel):
    """A small "sensitive" tag; its tooltip says what that means."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("sensitiveMarker")
        self.setText(self.tr("sensitive"))
        self.setToolTip(self.tr(
            "Sensitive data: recorded only with a basis such as the tenant's consent, "
            "and hidden when consent is withdrawn."))
        font = self.font()
        font.setPointSizeF(font.pointSizeF() * 0.85)
        self.setFont(font)
        self.setStyleSheet("color: palette(window-text); border: 1px solid palette(mid); "
                           "border-radius: 6px; padding: 0px 4px;")
        self.setSizePolicy(self.sizePolicy().Policy.Maximum, self.sizePolicy().Policy.Fixed)


class HiddenNotes(QLabel):
    """Says why the visit notes are empty and locked (no basis, or consent withdrawn)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("notesHidden")
        self.setText(self.tr(
            "The notes are hidden: no basis was recorded, or the tenant withdrew consent."))
        self.setWordWrap(True)
        self.setVisible(False)


def mark_sensitive(form: QFormLayout, field: QWidget) -> SensitiveMarker:
    """Put a marker under the label of ``field``'s row in ``form`` (the row made by
    ``FormErrors.add_row``, which holds the field in a small container)."""
    holder = field.parentWidget()
    if holder is None:
        raise ValueError("the field is not in a form row")
    position: Any = form.getWidgetPosition(holder)
    row = int(position[0])
    if row < 0:
        raise ValueError("the field is not in this form")
    item = form.itemAt(row, QFormLayout.ItemRole.LabelRole)
    label = item.widget() if item is not None else None
    host = QWidget(holder.parentWidget())
    column = QVBoxLayout(host)
    column.setContentsMargins(0, 0, 0, 0)
    column.setSpacing(2)
    if label is not None:
        form.removeWidget(label)
        label.setParent(host)
        column.addWidget(label)
    marker = SensitiveMarker(host)
    column.addWidget(marker)
    column.addStretch(1)
    form.setWidget(row, QFormLayout.ItemRole.LabelRole, host)
    field.setAccessibleDescription(marker.toolTip())
    return marker


TextField = QLineEdit | QPlainTextEdit


def _text(widget: TextField) -> str:
    return widget.text() if isinstance(widget, QLineEdit) else widget.toPlainText()


def _select(widget: TextField, start: int, end: int) -> None:
    if isinstance(widget, QLineEdit):
        widget.setSelection(start, end - start)
    else:
        cursor = widget.textCursor()
        cursor.setPosition(start)
        cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
        widget.setTextCursor(cursor)
    widget.setFocus()


def _scroll_to(widget: QWidget) -> None:
    """Scroll the scroll area that holds ``widget`` (if any) so it is in view."""
    parent = widget.parentWidget()
    while parent is not None and not isinstance(parent, QScrollArea):
        parent = parent.parentWidget()
    if parent is not None:
        parent.ensureWidgetVisible(widget)


class IdentifierWarnings(QFrame):
    """Says which fields hold what looks like a BSN or an IBAN; "Save anyway" saves the
    text as it is now (typing on asks again)."""

    def __init__(self, save: Callable[[], None], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("identifierWarnings")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setStyleSheet("#identifierWarnings { background: #fff4ce; color: #5c4400; }")
        self._save = save
        self._accepted: dict[str, str] | None = None
        self._shown: dict[str, str] = {}
        self.text = QLabel(self)
        self.text.setObjectName("identifierWarningText")
        self.text.setWordWrap(True)
        self.save_anyway = QPushButton(self.tr("Save &anyway"), self)
        self.save_anyway.setObjectName("saveAnyway")
        self.save_anyway.clicked.connect(self._confirm)
        row = QHBoxLayout(self)
        row.addWidget(self.text, 1)
        row.addWidget(self.save_anyway)
        self.setVisible(False)

    def check(self, entity: str, fields: Mapping[str, TextField],
              labels: Mapping[str, str], cells: Mapping[str, str] | None = None) -> bool:
        """True when saving may go ahead: nothing found, or the coach confirmed exactly
        this text. Otherwise the warnings are shown and the first finding selected.
        ``cells``: other texts saved along (a table's cells), by a name ``labels`` knows."""
        values = {name: _text(widget) for name, widget in fields.items()}
        warnings = check_free_text(entity, values)
        for name, text in (cells or {}).items():
            warnings.extend(find_identifiers(text, name))
        everything = {**values, **(cells or {})}
        if not warnings or everything == self._accepted:
            self.clear()
            return True
        self._shown = everything
        self.show_warnings(warnings, labels)
        first = warnings[0]
        if first.field in fields:
            _select(fields[first.field], first.start, first.end)
            _scroll_to(fields[first.field])
        _scroll_to(self)
        return False

    def show_warnings(self, warnings: Sequence[TextWarning], labels: Mapping[str, str]) -> None:
        lines = [f"{labels.get(w.field, w.field)}: {t(w.key)}" for w in warnings]
        lines.append(self.tr("Remove the number and save again, or press Save anyway."))
        self.text.setText("\n".join(lines))
        self.text.setAccessibleName(self.text.text())
        self.setVisible(True)

    def clear(self) -> None:
        self._accepted = None
        self._shown = {}
        self.text.clear()
        self.setVisible(False)

    def _confirm(self) -> None:
        self._accepted = dict(self._shown)
        self._save()
