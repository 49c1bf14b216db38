"""Setting up a project in the window: the project itself, and a dwelling with its household.

Each dialog saves in one unit of work through the runner (off the UI thread); a
domain ValidationError puts each message beside its own field and the dialog stays
open with everything typed, so nothing is lost and nothing is half-saved.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date
from typing import TYPE_CHECKING, Any

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from renodesk.core import enums
from renodesk.core.errors import RenoDeskError
from renodesk.ui.pages.records_kit import fill_vocabulary, select_code
from renodesk.ui.widgets.form import FormErrors

if TYPE_CHECKING:
    from renodesk.core.queries.projects import ProjectRow
    from renodesk.core.setup import Saved
    from renodesk.core.workspace import Workspace
    from renodesk.ui.worker import Runner


def day_text(value: date | None) -> str:
    """A date as a coach types it (26-11-2026), '' for none."""
    return value.strftime("%d-%m-%Y") if value else ""


class SetupDialog(QDialog):
    """A form whose Save runs one use case; errors beside the fields, closed when saved."""

    def __init__(self, runner: Runner, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.runner = runner
        self.saved: Saved | None = None
        self.setWindowTitle(title)
        self.setAccessibleName(title)
        self.setMinimumWidth(640)
        self.errors = FormErrors(self)
        self.form = QFormLayout()
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                        | QDialogButtonBox.StandardButton.Cancel, self)
        self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setObjectName("setupSave")
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.errors.general)
        layout.addLayout(self.form)
        layout.addStretch(1)
        layout.addWidget(self.buttons)

    def line(self, field: str, label: str, text: str = "", placeholder: str = "") -> QLineEdit:
        edit = QLineEdit(text, self)
        edit.setObjectName(f"setup-{field}")
        if placeholder:
            edit.setPlaceholderText(placeholder)
        self.errors.add_row(self.form, field, label, edit)
        return edit

    def date_line(self, field: str, label: str, value: date | None) -> QLineEdit:
        return self.line(field, label, day_text(value), self.tr("dd-mm-yyyy"))

    def show_field(self, widget: QWidget, visible: bool) -> None:
        """Show or hide a field's whole row (label, field and its error)."""
        holder = widget.parentWidget()
        assert holder is not None
        self.form.setRowVisible(holder, visible)

    def submit(self, work: Callable[[Workspace], Saved]) -> None:
        """Save in the background; on success close, else show what is wrong."""
        self.save_button.setEnabled(False)
        self.runner.write(work, self._done)

    def _done(self, saved: Saved | None, error: BaseException | None) -> None:
        self.save_button.setEnabled(True)
        if error is None:
            self.saved = saved
            self.errors.clear()
            self.accept()
        elif isinstance(error, RenoDeskError):
            self.errors.show(error)
        else:
            self.errors.general.say(self.tr("Saving failed: %1").replace("%1", str(error)))
        if error is not None:
            self._fit_messages()

    def _fit_messages(self) -> None:
        """Grow to make room for the messages under the fields, then lay out again: after
        a plain adjustSize a message that wraps keeps one line's height and is cut off."""
        self.adjustSize()
        layout = self.layout()
        assert layout is not None
        layout.invalidate()
        layout.activate()

    def save(self) -> None:
        raise NotImplementedError


class ProjectDialog(SetupDialog):
    """A new project, or a project's details and phase."""

    def __init__(self, runner: Runner, project: dict[str, Any] | None = None,
                 parent: QWidget | None = None) -> None:
        title = self.tr("New project") if project is None else self.tr("Edit project")
        super().__init__(runner, title, parent)
        self.setObjectName("projectDialog")
        self.project_id: str | None = project["id"] if project else None
        values = project or {}
        self.name = self.line("name", self.tr("&Name"), values.get("name", ""),
                              self.tr("e.g. Vogelbuurt renovation"))
        self.code = self.line("code", self.tr("&Code"), values.get("code", ""),
                              self.tr("short and unique, e.g. VB-01"))
        self.complex_name = self.line("complex_name", self.tr("Co&mplex"),
                                      values.get("complex_name", ""))
        self.phase = QComboBox(self)
        self.phase.setObjectName("setup-phase")
        fill_vocabulary(self.phase, enums.ProjectPhase)
        select_code(self.phase, values.get("phase", enums.ProjectPhase.ORIENTATION.value))
        self.errors.add_row(self.form, "phase", self.tr("&Phase"), self.phase)
        self.start_date = self.date_line("start_date", self.tr("&Start of the works"),
                                         values.get("start_date"))
        self.end_date = self.date_line("end_date", self.tr("&End of the works"),
                                       values.get("end_date"))
        self.consent_deadline = self.date_line("consent_deadline", self.tr("Consent &deadline"),
                                               values.get("consent_deadline"))
        self.inhabited = QCheckBox(self.tr("Tenants stay at &home during the works"), self)
        self.inhabited.setObjectName("setup-inhabited")
        self.inhabited.setChecked(bool(values.get("inhabited", True)))
        self.errors.add_row(self.form, "inhabited", self.tr("Works"), self.inhabited)
        self.rent_change = self.line("rent_change", self.tr("&Rent change"),
                                     values.get("rent_change", ""),
                                     self.tr("e.g. none, or + € 25 a month"))
        self.social_plan_ref = self.line("social_plan_ref", self.tr("Social p&lan"),
                                         values.get("social_plan_ref", ""),
                                         self.tr("reference or title"))
        self.description = QPlainTextEdit(values.get("description", ""), self)
        self.description.setObjectName("setup-description")
        self.description.setTabChangesFocus(True)
        self.description.setFixedHeight(self.fontMetrics().lineSpacing() * 4 + 12)
        self.errors.add_row(self.form, "description", self.tr("Descr&iption"), self.description)
        self.name.setFocus()

    def values(self) -> dict[str, Any]:
        return {
            "name": self.name.text(), "code": self.code.text(),
            "complex_name": self.complex_name.text(), "phase": self.phase.currentData(),
            "start_date": self.start_date.text(), "end_date": self.end_date.text(),
            "consent_deadline": self.consent_deadline.text(),
            "inhabited": self.inhabited.isChecked(), "rent_change": self.rent_change.text(),
            "social_plan_ref": self.social_plan_ref.text(),
            "description": self.description.toPlainText(),
        }

    def save(self) -> None:
        from renodesk.core.setup import create_project, update_project

        values, project_id = self.values(), self.project_id
        if project_id is None:
            self.submit(lambda ws: create_project(ws, values))
        else:
            self.submit(lambda ws: update_project(ws, project_id, values))


class HouseholdDialog(SetupDialog):
    """A dwelling of a project and the household living there, in one go."""

    def __init__(self, runner: Runner, projects: Sequence[ProjectRow],
                 project_id: str | None = None, parent: QWidget | None = None) -> None:
        super().__init__(runner, self.tr("New household"), parent)
        self.setObjectName("householdDialog")
        intro = QLabel(self.tr("The address of the dwelling and who lives there. You fill in "
                               "the rest of the profile afterwards."), self)
        intro.setWordWrap(True)
        self.form.addRow(intro)
        self.project = QComboBox(self)
        self.project.setObjectName("setup-project")
        for row in projects:
            self.project.addItem(f"{row.code}  {row.name}", row.id)
        self.project.setCurrentIndex(max(0, self.project.findData(project_id)))
        self.errors.add_row(self.form, "project_id", self.tr("&Project"), self.project)
        self.street = self.line("street", self.tr("&Street"))
        self.number = QLineEdit(self)
        self.number.setObjectName("setup-number")
        self.number.setAccessibleName(self.tr("House number"))
        self.number.setMaximumWidth(90)
        self.addition = QLineEdit(self)
        self.addition.setObjectName("setup-addition")
        self.addition.setAccessibleName(self.tr("Addition"))
        self.addition.setPlaceholderText(self.tr("e.g. A or 2-hoog"))
        self.addition.setMaxLength(10)
        numbers = QWidget(self)
        line = QHBoxLayout(numbers)
        line.setContentsMargins(0, 0, 0, 0)
        line.addWidget(self.number)
        line.addWidget(QLabel(self.tr("Addition"), numbers))
        line.addWidget(self.addition, 1)
        number_error = self.errors.add_row(self.form, "number", self.tr("House &number"), numbers)
        self.errors.bind("number", self.number, number_error)
        self.errors.bind("addition", self.addition, number_error)
        self.postcode = self.line("postcode", self.tr("P&ostcode"), placeholder="1234 AB")
        self.city = self.line("city", self.tr("&Town"))
        self.name = self.line("name", self.tr("Na&me"),
                              placeholder=self.tr("e.g. Mrs. J. de Vries, or J. and A. de Vries"))
        self.phone = self.line("phone", self.tr("P&hone"), placeholder="06-12345678")
        if project_id is None:
            self.project.setFocus()
        else:
            self.street.setFocus()

    def save(self) -> None:
        from renodesk.core.setup import add_household

        project_id = self.project.currentData()
        if project_id is None:
            self.errors.general.say(self.tr("Make a project first."))
            return
        dwelling = {"street": self.street.text(), "number": self.number.text().strip(),
                    "addition": self.addition.text(), "postcode": self.postcode.text(),
                    "city": self.city.text()}
        household = {"name": self.name.text(), "phone": self.phone.text()}
        self.submit(lambda ws: add_household(ws, str(project_id), dwelling, household))


def dialog_button(text: str, name: str, parent: QWidget) -> QPushButton:
    """A page button with an accessible name that leaves out the mnemonic."""
    button = QPushButton(text, parent)
    button.setObjectName(name)
    button.setAccessibleName(text.replace("&", "").rstrip("."))
    return button
