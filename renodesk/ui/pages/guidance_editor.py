"""The form for the organisation's own guidance entry, checked against the guidance schema.

Lists (signals, approach, actions, sources) are typed one item per line; a wrong field
is named beside itself (for a list: which line) and nothing is saved.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from renodesk.core import enums, i18n
from renodesk.core.errors import RenoDeskError
from renodesk.core.guidance import THEME_VOCABULARIES, GuidanceEntry
from renodesk.core.guidance_actions import new_entry_id, save_organisation_entry
from renodesk.core.visits import Outcome
from renodesk.ui.pages.base import PageContext
from renodesk.ui.pages.records_kit import fill_vocabulary, select_code
from renodesk.ui.widgets.form import FormErrors

LIST_FIELDS = ("signals", "approach", "suggested_actions", "sources")


def _lines(text: str) -> list[str]:
    return [line.strip() for line in text.splitlines() if line.strip()]


def parse_sources(text: str) -> list[dict[str, str]]:
    """Lines "title | https://..." or "title | reference" as the schema's source items."""
    sources = []
    for line in _lines(text):
        title, _, where = (part.strip() for part in line.partition("|"))
        item = {"title": title}
        if where.startswith(("http://", "https://")):
            item["url"] = where
        elif where:
            item["reference"] = where
        sources.append(item)
    return sources


def format_sources(entry: GuidanceEntry) -> str:
    return "\n".join(f"{s.title} | {s.url or s.reference or ''}".rstrip(" |")
                     for s in entry.sources)


class GuidanceEntryDialog(QDialog):
    """Write a new entry, edit an own one, or adapt a shipped one for the organisation."""

    def __init__(self, context: PageContext, entry: GuidanceEntry | None,
                 record_id: str | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.entry = entry
        self.record_id = record_id
        self.lang = entry.lang if entry else i18n.language()
        self.saved: Outcome | None = None
        self.setObjectName("guidanceEntryDialog")
        if entry is None:
            self.setWindowTitle(self.tr("New guidance entry"))
        elif record_id is None:
            self.setWindowTitle(self.tr("Adapt for our organisation: %1").replace("%1",
                                                                                   entry.title))
        else:
            self.setWindowTitle(self.tr("Edit guidance entry: %1").replace("%1", entry.title))

        self.errors = FormErrors(self)
        host = QWidget(self)
        form = QFormLayout(host)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.kind = QComboBox(host)
        fill_vocabulary(self.kind, enums.GuidanceThemeKind)
        self.theme = QComboBox(host)
        self.kind.currentIndexChanged.connect(self._fill_themes)
        self.errors.add_row(form, "theme_kind", self.tr("Kind of theme"), self.kind)
        self.errors.add_row(form, "theme_code", self.tr("Theme"), self.theme)
        self.title_edit = QLineEdit(host)
        self.errors.add_row(form, "title", self.tr("Title"), self.title_edit)
        self.texts: dict[str, QPlainTextEdit] = {}
        self._text(form, host, "summary", self.tr("Summary"), 3)
        self._text(form, host, "signals", self.tr("Signals (one per line)"), 5)
        self._text(form, host, "approach", self.tr("Approach (one step per line)"), 6)
        self.adjustments = QTableWidget(0, 2, host)
        self.adjustments.setHorizontalHeaderLabels([self.tr("Kind"), self.tr("Description")])
        self.adjustments.horizontalHeader().setSectionResizeMode(
            1, QHeaderView.ResizeMode.Stretch)
        self.adjustments.horizontalHeader().resizeSection(0, 240)
        self.adjustments.setWordWrap(True)
        self.adjustments.verticalHeader().setVisible(False)
        self.adjustments.setMinimumHeight(140)
        add_row = QPushButton(self.tr("Add a line"), host)
        add_row.clicked.connect(lambda: self._add_adjustment("other", ""))
        remove_row = QPushButton(self.tr("Remove line"), host)
        remove_row.clicked.connect(self._remove_adjustment)
        table_host = QWidget(host)
        table_column = QVBoxLayout(table_host)
        table_column.setContentsMargins(0, 0, 0, 0)
        table_column.addWidget(self.adjustments)
        row_buttons = QHBoxLayout()
        row_buttons.addWidget(add_row)
        row_buttons.addWidget(remove_row)
        row_buttons.addStretch(1)
        table_column.addLayout(row_buttons)
        self.errors.add_row(form, "suggested_adjustments",
                            self.tr("Adjustments that often help"), table_host)
        self.adjustments.setAccessibleName(self.tr("Adjustments that often help"))
        self._text(form, host, "suggested_actions", self.tr("Follow-up actions (one per line)"),
                   4)
        partners = QWidget(host)
        grid = QGridLayout(partners)
        grid.setContentsMargins(0, 0, 0, 0)
        self.partners: dict[str, QCheckBox] = {}
        for i, kind in enumerate(enums.PartnerKind):
            box = QCheckBox(kind.label(), partners)
            self.partners[kind.value] = box
            grid.addWidget(box, i // 2, i % 2)
        self.errors.add_row(form, "partners", self.tr("Partners to involve"), partners)
        self._text(form, host, "sources",
                   self.tr("Sources (one per line: title | web address or reference)"), 3)

        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setWidget(host)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                   | QDialogButtonBox.StandardButton.Cancel, self)
        self.save_button = buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setText(self.tr("&Save"))
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.errors.general)
        layout.addWidget(scroll, 1)
        layout.addWidget(buttons)
        self.resize(780, 720)
        self._fill(entry)

    def _text(self, form: QFormLayout, parent: QWidget, name: str, label: str,
              lines: int) -> None:
        edit = QPlainTextEdit(parent)
        edit.setObjectName(name)
        edit.setTabChangesFocus(True)
        edit.setFixedHeight(edit.fontMetrics().lineSpacing() * lines + 14)
        self.texts[name] = edit
        self.errors.add_row(form, name, label, edit)

    def _fill_themes(self) -> None:
        kind = enums.GuidanceThemeKind(self.kind.currentData())
        current = self.theme.currentData()
        fill_vocabulary(self.theme, THEME_VOCABULARIES[kind])
        select_code(self.theme, current)

    def _add_adjustment(self, category: str, description: str) -> None:
        row = self.adjustments.rowCount()
        self.adjustments.insertRow(row)
        combo = QComboBox(self.adjustments)
        combo.setAccessibleName(self.tr("Kind"))
        fill_vocabulary(combo, enums.AdjustmentCategory)
        select_code(combo, category)
        self.adjustments.setCellWidget(row, 0, combo)
        self.adjustments.setItem(row, 1, QTableWidgetItem(description))

    def _remove_adjustment(self) -> None:
        row = self.adjustments.currentRow()
        if row >= 0:
            self.adjustments.removeRow(row)

    def _fill(self, entry: GuidanceEntry | None) -> None:
        self._fill_themes()
        if entry is None:
            return
        select_code(self.kind, entry.theme_kind.value)
        self._fill_themes()
        select_code(self.theme, entry.theme_code)
        self.title_edit.setText(entry.title)
        self.texts["summary"].setPlainText(entry.summary)
        self.texts["signals"].setPlainText("\n".join(entry.signals))
        self.texts["approach"].setPlainText("\n".join(entry.approach))
        self.texts["suggested_actions"].setPlainText("\n".join(entry.suggested_actions))
        self.texts["sources"].setPlainText(format_sources(entry))
        for item in entry.suggested_adjustments:
            self._add_adjustment(item.category.value, item.description)
        self.adjustments.resizeRowsToContents()
        for partner in entry.partners:
            self.partners[partner.value].setChecked(True)

    def data(self) -> dict[str, Any]:
        """The entry as the form holds it, in the schema's shape (checked when saved)."""
        kind, theme = self.kind.currentData(), self.theme.currentData()
        adjustments = []
        for row in range(self.adjustments.rowCount()):
            combo = self.adjustments.cellWidget(row, 0)
            item = self.adjustments.item(row, 1)
            description = item.text().strip() if item else ""
            if isinstance(combo, QComboBox) and description:
                adjustments.append({"category": combo.currentData(),
                                    "description": description})
        data: dict[str, Any] = {
            "id": self.entry.id if self.entry else new_entry_id(kind, theme),
            "lang": self.lang, "theme_kind": kind, "theme_code": theme,
            "title": self.title_edit.text().strip(),
            "summary": " ".join(self.texts["summary"].toPlainText().split()),
            "signals": _lines(self.texts["signals"].toPlainText()),
            "approach": _lines(self.texts["approach"].toPlainText()),
            "suggested_adjustments": adjustments,
            "suggested_actions": _lines(self.texts["suggested_actions"].toPlainText()),
            "partners": [code for code, box in self.partners.items() if box.isChecked()],
            "sources": parse_sources(self.texts["sources"].toPlainText()),
        }
        if self.entry and self.entry.see_also:
            data["see_also"] = list(self.entry.see_also)
        return data

    def save(self) -> None:
        data, record_id = self.data(), self.record_id
        self.save_button.setEnabled(False)

        def done(outcome: Outcome | None, error: BaseException | None) -> None:
            self.save_button.setEnabled(True)
            if isinstance(error, RenoDeskError):
                self.errors.show(error)
                return
            if error is not None:
                raise error
            self.saved = outcome
            self.context.notify(self.tr("The guidance entry is saved for the whole team."))
            self.accept()

        self.context.runner.write(lambda ws: save_organisation_entry(ws, data, record_id), done)
