"""Preferences dialog, built from the declared settings (renodesk.settings.DECLARED)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from renodesk.settings import DECLARED, LABEL_CONTEXT, Setting, Settings


class SettingsDialog(QDialog):
    """One field per declared setting; OK saves, Cancel changes nothing."""

    def __init__(self, settings: Settings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.settings = settings
        self.setWindowTitle(self.tr("Settings"))
        self.setMinimumWidth(520)
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.editors: dict[str, QWidget] = {}
        for setting in DECLARED:
            label = QCoreApplication.translate(LABEL_CONTEXT, setting.label)
            editor = self._editor(setting, settings.get(setting.key))
            editor.setAccessibleName(label)
            editor.setObjectName(f"setting-{setting.key}")
            form.addRow(label, editor)
            self.editors[setting.key] = editor
        layout.addLayout(form)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def _editor(self, setting: Setting, value: Any) -> QWidget:
        if setting.key == "language":
            combo = QComboBox(self)
            combo.addItem("Nederlands", "nl")
            combo.addItem("English", "en")
            combo.setCurrentIndex(max(0, combo.findData(value)))
            return combo
        if setting.choices:
            combo = QComboBox(self)
            for choice in setting.choices:
                combo.addItem(choice, choice)
            combo.setCurrentIndex(max(0, combo.findData(value)))
            return combo
        if setting.type is bool:
            box = QCheckBox(self)
            box.setChecked(bool(value))
            return box
        if setting.type is int:
            spin = QSpinBox(self)
            spin.setRange(setting.minimum if setting.minimum is not None else 0,
                          setting.maximum if setting.maximum is not None else 1_000_000)
            spin.setValue(int(value))
            return spin
        edit = QLineEdit(str(value), self)
        return edit

    def value_of(self, key: str) -> Any:
        editor = self.editors[key]
        if isinstance(editor, QComboBox):
            return editor.currentData()
        if isinstance(editor, QCheckBox):
            return editor.isChecked()
        if isinstance(editor, QSpinBox):
            return editor.value()
        if isinstance(editor, QLineEdit):
            return editor.text()
        raise TypeError(key)

    def accept(self) -> None:
        for setting in DECLARED:
            self.settings.set(setting.key, self.value_of(setting.key))
        self.settings.save()
        super().accept()
