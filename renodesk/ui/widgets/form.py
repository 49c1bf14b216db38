"""Forms that show each domain validation error beside its own field.

Usage in a page or dialog::

    self.errors = FormErrors(self)
    layout = QFormLayout()
    self.errors.add_row(layout, "postcode", self.tr("Postcode"), postcode_edit)
    ...
    def saved(result, error):
        if isinstance(error, ValidationError):
            self.errors.show(error)      # texts beside the fields, focus on the first
        elif error is None:
            self.errors.clear()

Fields the form does not know are shown in a general message at the top.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFormLayout, QLabel, QVBoxLayout, QWidget

from renodesk.core import i18n
from renodesk.core.errors import RenoDeskError, ValidationError
from renodesk.ui import theme


class ErrorLabel(QLabel):
    """Plain words under a field, hidden while there is nothing to say."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("fieldError")
        self.setWordWrap(True)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        # The attention colour, so "check the red text" points at something red.
        self.setStyleSheet(f"color: {theme.attention_colour().name()}; font-weight: 600;")
        self.setVisible(False)

    def say(self, text: str) -> None:
        self.setText(text)
        self.setAccessibleName(text)
        self.setVisible(bool(text))


class FormErrors:
    """Binds field names of the domain to widgets and their error labels."""

    def __init__(self, parent: QWidget) -> None:
        self.parent = parent
        self.general = ErrorLabel(parent)
        self._fields: dict[str, tuple[QWidget, ErrorLabel]] = {}

    def add_row(self, layout: QFormLayout, field: str, label: str, widget: QWidget) -> ErrorLabel:
        """Add ``label: widget`` to ``layout`` with an error label right under the widget."""
        holder = QWidget(self.parent)
        column = QVBoxLayout(holder)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(2)
        column.addWidget(widget)
        error = ErrorLabel(holder)
        column.addWidget(error)
        layout.addRow(label, holder)
        if not widget.accessibleName():
            widget.setAccessibleName(label.replace("&", ""))
        self._fields[field] = (widget, error)
        return error

    def bind(self, field: str, widget: QWidget, error: ErrorLabel) -> None:
        """For layouts other than a form: the caller placed ``error`` beside ``widget``."""
        self._fields[field] = (widget, error)

    def clear(self) -> None:
        self.general.say("")
        for widget, error in self._fields.values():
            error.say("")
            widget.setProperty("invalid", False)

    def show(self, error: RenoDeskError, lang: str | None = None) -> None:
        """Show ``error``: per field for a ValidationError, else as the general message."""
        self.clear()
        lang = lang or i18n.language()
        if not isinstance(error, ValidationError):
            self.general.say(error.message(lang))
            return
        first: QWidget | None = None
        unplaced: list[str] = []
        for field, text in error.messages(lang).items():
            bound = self._fields.get(field)
            if bound is None:
                unplaced.append(text)
                continue
            widget, label = bound
            label.say(text)
            widget.setProperty("invalid", True)
            first = first or widget
        self.general.say("\n".join(unplaced))
        if first is not None:
            first.setFocus(Qt.FocusReason.OtherFocusReason)

    def message_for(self, field: str) -> str:
        """The error now shown for ``field`` ('' if none); for tests and screen readers."""
        bound = self._fields.get(field)
        return bound[1].text() if bound else ""
