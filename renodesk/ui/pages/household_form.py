"""The editable part of a household's profile: contact, contact person, consent, stance.

The form shows what the domain stored and hands back what the coach typed, as the
domain expects it (validated there). Sensitive fields are locked and left out of the
values without a recorded basis (consent), so hidden data is never overwritten.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from renodesk.core import enums
from renodesk.ui.pages.records_kit import fill_vocabulary, select_code
from renodesk.ui.widgets.form import FormErrors
from renodesk.ui.widgets.privacy_hints import mark_sensitive

TEXT_FIELDS = ("name", "phone", "email", "contact_person_name", "contact_person_relation",
               "contact_person_phone", "contact_person_street", "contact_person_postcode",
               "contact_person_city")
DATE_FIELDS = ("consent_date", "consent_withdrawn_date", "stance_signed_date")
FLAG_FIELDS = ("interpreter_needed", "reads_with_difficulty", "large_print")
LONG_FIELDS = ("consent_scope", "resistance_approach", "safety_note", "notes")
# The status is not here: it changes through its own dialog (household_status), which
# says what moving out or a death means for the open work.
CHOICE_FIELDS: dict[str, type[enums.Labelled]] = {
    "language": enums.Language, "preferred_channel": enums.Channel,
    "consent_basis": enums.ConsentBasis, "stance": enums.Stance,
    "resistance_kind": enums.ResistanceKind,
}
#: Fields hidden and locked without a basis for sensitive data.
SENSITIVE = ("resistance_kind", "resistance_causes", "resistance_approach", "safety_note",
             "notes")


def _day(value: Any) -> str:
    return value.strftime("%d-%m-%Y") if isinstance(value, date) else ""


class ProfileForm(QWidget):
    """The profile's fields in four groups; ``status_row`` is shown under 'Contact'."""

    def __init__(self, status_row: QWidget, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.errors = FormErrors(self)
        self.edits: dict[str, QWidget] = {}
        self.labels: dict[str, str] = {}
        self.sensitive_shown = True
        column = QVBoxLayout(self)
        column.addWidget(self.errors.general)
        column.addWidget(self._group_contact(status_row))
        column.addWidget(self._group_contact_person())
        column.addWidget(self._group_consent())
        column.addWidget(self._group_stance())
        column.addStretch(1)

    # -- building ---------------------------------------------------------------
    def _line(self, form: QFormLayout, parent: QWidget, name: str, label: str,
              placeholder: str = "") -> None:
        edit = QLineEdit(parent)
        edit.setObjectName(name)
        edit.setPlaceholderText(placeholder)
        self.edits[name] = edit
        self.labels[name] = label
        self.errors.add_row(form, name, label, edit)

    def _choice(self, form: QFormLayout, parent: QWidget, name: str, label: str) -> None:
        combo = QComboBox(parent)
        combo.setObjectName(name)
        # Long labels must not make the whole form wider than its column.
        combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        combo.setMinimumContentsLength(14)
        fill_vocabulary(combo, CHOICE_FIELDS[name])
        self.edits[name] = combo
        self.errors.add_row(form, name, label, combo)

    def _flag(self, form: QFormLayout, parent: QWidget, name: str, label: str) -> None:
        box = QCheckBox(label, parent)
        box.setObjectName(name)
        self.edits[name] = box
        self.errors.add_row(form, name, "", box)
        box.setAccessibleName(label)

    def _long(self, form: QFormLayout, parent: QWidget, name: str, label: str) -> None:
        edit = QPlainTextEdit(parent)
        edit.setObjectName(name)
        edit.setTabChangesFocus(True)
        edit.setFixedHeight(edit.fontMetrics().lineSpacing() * 4 + 12)
        self.edits[name] = edit
        self.labels[name] = label
        self.errors.add_row(form, name, label, edit)

    def _group(self, title: str) -> tuple[QGroupBox, QFormLayout]:
        group = QGroupBox(title, self)
        form = QFormLayout(group)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        # In a narrow column (or a long translation) the label goes above its field.
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        return group, form

    def _group_contact(self, status_row: QWidget) -> QGroupBox:
        group, form = self._group(self.tr("Contact and language"))
        self._line(form, group, "name", self.tr("Name"))
        self._line(form, group, "phone", self.tr("Phone"), "06-12345678")
        self._line(form, group, "email", self.tr("E-mail"))
        self._choice(form, group, "language", self.tr("Language"))
        self._flag(form, group, "interpreter_needed", self.tr("Needs an interpreter"))
        self._flag(form, group, "reads_with_difficulty", self.tr("Reads with difficulty"))
        self._flag(form, group, "large_print", self.tr("Letters in large print"))
        self._choice(form, group, "preferred_channel", self.tr("Preferred contact"))
        status_row.setParent(group)
        self.errors.add_row(form, "status", self.tr("Status"), status_row)
        return group

    def _group_contact_person(self) -> QGroupBox:
        group, form = self._group(self.tr("Contact person"))
        self._line(form, group, "contact_person_name", self.tr("Name"))
        self._line(form, group, "contact_person_relation", self.tr("Relation"),
                   self.tr("e.g. daughter, carer"))
        self._line(form, group, "contact_person_phone", self.tr("Phone"))
        # The address a letter to the contact person goes to.
        self._line(form, group, "contact_person_street", self.tr("Street and number"))
        self._line(form, group, "contact_person_postcode", self.tr("Postcode"), "1234 AB")
        self._line(form, group, "contact_person_city", self.tr("Place"))
        return group

    def _group_consent(self) -> QGroupBox:
        group, form = self._group(self.tr("Consent for sensitive data"))
        self._choice(form, group, "consent_basis", self.tr("Basis"))
        self._line(form, group, "consent_date", self.tr("Date"), self.tr("dd-mm-yyyy"))
        self._long(form, group, "consent_scope", self.tr("Scope"))
        self._line(form, group, "consent_withdrawn_date", self.tr("Withdrawn on"),
                   self.tr("dd-mm-yyyy"))
        return group

    def _group_stance(self) -> QGroupBox:
        group, form = self._group(self.tr("Stance and resistance"))
        self._choice(form, group, "stance", self.tr("Stance on the proposal"))
        self._line(form, group, "stance_signed_date", self.tr("Signed on"), self.tr("dd-mm-yyyy"))
        self._choice(form, group, "resistance_kind", self.tr("Won't or can't"))
        causes = QWidget(group)
        grid = QGridLayout(causes)
        grid.setContentsMargins(0, 0, 0, 0)
        self.causes: dict[str, QCheckBox] = {}
        for i, cause in enumerate(enums.ResistanceCause):
            box = QCheckBox(cause.label(), causes)
            self.causes[cause.value] = box
            grid.addWidget(box, i, 0)
        self.edits["resistance_causes"] = causes
        self.errors.add_row(form, "resistance_causes", self.tr("Causes"), causes)
        self._long(form, group, "resistance_approach", self.tr("Approach"))
        self._long(form, group, "safety_note", self.tr("Safety note for staff"))
        self._long(form, group, "notes", self.tr("Notes"))
        for name in SENSITIVE:
            mark_sensitive(form, self.edits[name])
        self.hidden_note = QLabel(self.tr(
            "Sensitive data is hidden: no basis was recorded, or the tenant withdrew consent."),
            group)
        self.hidden_note.setWordWrap(True)
        form.addRow(self.hidden_note)
        return group

    # -- values -----------------------------------------------------------------
    def edit(self, name: str, kind: type[Any]) -> Any:
        """The edit of field ``name``, which is a ``kind``."""
        widget = self.edits[name]
        assert isinstance(widget, kind)
        return widget

    def show_values(self, values: dict[str, Any], sensitive_shown: bool) -> None:
        """Show a stored household; sensitive fields locked unless ``sensitive_shown``."""
        self.sensitive_shown = sensitive_shown
        for name in TEXT_FIELDS:
            self.edit(name, QLineEdit).setText(str(values.get(name) or ""))
        for name in DATE_FIELDS:
            self.edit(name, QLineEdit).setText(_day(values.get(name)))
        for name in FLAG_FIELDS:
            self.edit(name, QCheckBox).setChecked(bool(values.get(name)))
        for name in LONG_FIELDS:
            self.edit(name, QPlainTextEdit).setPlainText(str(values.get(name) or ""))
        for name in CHOICE_FIELDS:
            select_code(self.edit(name, QComboBox), values.get(name))
        chosen = set(filter(None, str(values.get("resistance_causes") or "").split(",")))
        for code, box in self.causes.items():
            box.setChecked(code in chosen)
        for name in SENSITIVE:
            self.edits[name].setEnabled(sensitive_shown)
        self.hidden_note.setVisible(not sensitive_shown)

    def values(self) -> dict[str, Any]:
        """What the form holds, as the domain expects it (validated there)."""
        values: dict[str, Any] = {}
        for name in (*TEXT_FIELDS, *DATE_FIELDS):
            values[name] = self.edit(name, QLineEdit).text()
        for name in FLAG_FIELDS:
            values[name] = self.edit(name, QCheckBox).isChecked()
        for name in LONG_FIELDS:
            values[name] = self.edit(name, QPlainTextEdit).toPlainText()
        for name in CHOICE_FIELDS:
            values[name] = self.edit(name, QComboBox).currentData()
        values["resistance_causes"] = ",".join(
            code for code, box in self.causes.items() if box.isChecked())
        if not self.sensitive_shown:
            for name in SENSITIVE:
                values.pop(name)  # hidden, so never overwritten
        return values

    def texts(self, values: dict[str, Any]) -> dict[str, QLineEdit | QPlainTextEdit]:
        """The free-text edits among ``values`` (checked for a BSN or IBAN before saving)."""
        return {name: edit for name in (*TEXT_FIELDS, *LONG_FIELDS)
                if name in values and isinstance(edit := self.edits[name],
                                                 QLineEdit | QPlainTextEdit)}
