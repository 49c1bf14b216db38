"""A household's status on its profile: moved out, deceased, or active again.

The status changes through a dialog that says what follows (core/household_status.py):
open work can be closed in the same step, letters stop, the household leaves the
consent tally but keeps its history. A death is handled with care: no letters to the
person who died, contact through the contact person. 'Make active again' undoes a
mistake.
"""

from __future__ import annotations

import html
from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QDate, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from renodesk.core import enums
from renodesk.core.errors import RenoDeskError, ValidationError
from renodesk.core.household_status import (
    OpenWork,
    StatusChanged,
    end_tenancy,
    open_work,
    reactivate,
)
from renodesk.ui.models.base import day

if TYPE_CHECKING:
    from renodesk.core.workspace import Workspace
    from renodesk.ui.pages.base import PageContext

ACTIVE = enums.HouseholdStatus.ACTIVE.value
MOVED = enums.HouseholdStatus.MOVED.value
DECEASED = enums.HouseholdStatus.DECEASED.value


def _contact_person(household: dict[str, Any]) -> str:
    """"Emre Yılmaz (zoon), 06-12345678" (escaped), or "" when none is recorded."""
    name = str(household.get("contact_person_name") or "").strip()
    if not name:
        return ""
    relation = str(household.get("contact_person_relation") or "").strip()
    phone = str(household.get("contact_person_phone") or "").strip()
    # Shown in rich text: typed names are escaped.
    return html.escape(name + (f" ({relation})" if relation else "")
                       + (f", {phone}" if phone else ""))


class StatusBanner(QLabel):
    """Above the profile of a household that moved out or died: what that means now."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("statusBanner")
        self.setWordWrap(True)
        self.setStyleSheet("border: 1px solid palette(mid); border-radius: 4px; padding: 6px;")
        self.setVisible(False)

    def show_household(self, household: dict[str, Any]) -> None:
        status = household.get("status") or ACTIVE
        self.setVisible(status != ACTIVE)
        if status == ACTIVE:
            self.clear()
            return
        when = day(household.get("tenancy_end_date"))
        if status == DECEASED:
            first = self.tr("Deceased on %1.").replace("%1", when) if when else self.tr(
                "Deceased.")
            contact = _contact_person(household)
            rest = (self.tr("No letters go to this tenant any more. Contact goes through the "
                            "contact person: %1.").replace("%1", contact) if contact else
                    self.tr("No letters go to this tenant any more. No contact person is "
                            "recorded: add family or a carer under Contact person."))
        else:
            first = self.tr("Moved out on %1.").replace("%1", when) if when else self.tr(
                "Moved out.")
            rest = self.tr("No letters go to this household any more.")
        self.setText(" ".join((f"<b>{first}</b>", rest, self.tr(
            "It no longer counts in the consent tally; its history stays."))))


class StatusRow(QWidget):
    """The status in the profile form, with the button that changes it."""

    #: The status changed (the page reloads the profile).
    changed = Signal()

    def __init__(self, context: PageContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.household: dict[str, Any] = {}
        self.label = QLabel(self)
        self.label.setObjectName("householdStatus")
        self.button = QPushButton(self)
        self.button.setObjectName("changeStatus")
        self.button.clicked.connect(self.change)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.label, 1)
        row.addWidget(self.button)

    @property
    def active(self) -> bool:
        return (self.household.get("status") or ACTIVE) == ACTIVE

    def show_household(self, household: dict[str, Any]) -> None:
        self.household = household
        status = enums.HouseholdStatus(household.get("status") or ACTIVE)
        when = day(household.get("tenancy_end_date"))
        self.label.setText(status.label() + (f" ({when})" if when and not self.active else ""))
        self.button.setText(self.tr("Moved out or deceased...") if self.active
                            else self.tr("Make active again..."))
        self.button.setToolTip("" if self.active else self.tr(
            "Only when moving out or the death was recorded by mistake"))

    def change(self) -> None:
        household_id = self.household.get("id")
        if not household_id:
            return
        if self.active:
            self.context.runner.read(lambda ws: _open_work(ws, household_id), self._ask_end)
        elif self._confirm_reactivate():
            self._write(lambda ws: reactivate(ws, household_id))

    def _ask_end(self, work: OpenWork | None, error: BaseException | None) -> None:
        if work is None:
            self.context.notify(str(error))
            return
        dialog = EndTenancyDialog(self.household, work, self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        household_id = str(self.household["id"])
        status, on, close = dialog.status(), dialog.date(), dialog.close_work.isChecked()
        self._write(lambda ws: end_tenancy(ws, household_id, status, on, close))

    def _write(self, change: Callable[[Workspace], StatusChanged]) -> None:
        def done(result: StatusChanged | None, error: BaseException | None) -> None:
            if isinstance(error, RenoDeskError):
                # A ValidationError's text names the field ("status: ..."): say only why.
                why = (" ".join(error.messages().values()) if isinstance(error, ValidationError)
                       else str(error))
                QMessageBox.information(self, self.tr("Status not changed"), why)
                return
            if error is not None:
                raise error
            if result is not None:
                self.context.notify(self._said(result))
                self.changed.emit()

        self.context.runner.write(change, done)

    def _said(self, result: StatusChanged) -> str:
        if result.status == ACTIVE:
            return self.tr("The household is active again.")
        said = (self.tr("The household is marked as deceased.") if result.status == DECEASED
                else self.tr("The household is marked as moved out."))
        if result.closed.total:
            said += " " + self.tr("Closed: %1.").replace("%1", work_text(result.closed))
        return said

    def _confirm_reactivate(self) -> bool:
        """Ask before undoing a move or a death (meant for a mistake only)."""
        name = str(self.household.get("name") or "")
        answer = QMessageBox.question(
            self, self.tr("Make active again"),
            self.tr("Make %1 active again? Do this only if moving out or the death was "
                    "recorded by mistake. The household counts in the consent tally again "
                    "and can get letters. Visits, agreements and actions that were closed "
                    "stay closed.").replace("%1", name))
        return answer == QMessageBox.StandardButton.Yes


def _open_work(ws: Workspace, household_id: str) -> OpenWork:
    with ws.engine.connect() as conn:
        return open_work(conn, household_id)


def work_text(work: OpenWork) -> str:
    """"2 planned visits, 1 open agreement" (the parts that are not zero)."""
    parts = (
        (work.planned_visits, QCoreApplication.translate(
            "OpenWork", "%n planned visit(s)", "", work.planned_visits)),
        (work.open_adjustments, QCoreApplication.translate(
            "OpenWork", "%n open agreement(s)", "", work.open_adjustments)),
        (work.open_actions, QCoreApplication.translate(
            "OpenWork", "%n open action(s)", "", work.open_actions)),
    )
    return ", ".join(text for count, text in parts if count)


class EndTenancyDialog(QDialog):
    """Moved out or deceased: when, what happens, and whether to close the open work."""

    def __init__(self, household: dict[str, Any], work: OpenWork,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.household = household
        self.setWindowTitle(self.tr("Moved out or deceased"))
        self.setMinimumWidth(520)
        name = str(household.get("name") or "")
        self.moved = QRadioButton(self.tr("Moved out"), self)
        self.deceased = QRadioButton(self.tr("Deceased"), self)
        self.moved.setChecked(True)
        self.when = QDateEdit(QDate.currentDate(), self)
        self.when.setCalendarPopup(True)
        self.when.setDisplayFormat("dd-MM-yyyy")
        self.when.setMaximumDate(QDate.currentDate())
        self.when_label = QLabel(self)
        self.when_label.setBuddy(self.when)
        self.consequences = QLabel(self)
        self.consequences.setWordWrap(True)
        self.close_work = QCheckBox(self.tr("Close the open work: %1").replace(
            "%1", work_text(work)), self)
        self.close_work.setChecked(work.total > 0)
        self.close_work.setVisible(work.total > 0)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        self.confirm = self.buttons.addButton("", QDialogButtonBox.ButtonRole.AcceptRole)
        self.confirm.setObjectName("confirmStatus")
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

        which = QHBoxLayout()
        which.addWidget(self.moved)
        which.addWidget(self.deceased)
        which.addStretch(1)
        form = QFormLayout()
        form.addRow(self.tr("What happened"), which)
        form.addRow(self.when_label, self.when)
        layout = QVBoxLayout(self)
        title = QLabel(f"<b>{html.escape(name)}</b>", self)
        layout.addWidget(title)
        layout.addLayout(form)
        layout.addWidget(self.consequences)
        layout.addWidget(self.close_work)
        layout.addStretch(1)
        layout.addWidget(self.buttons)
        for button in (self.moved, self.deceased):
            button.toggled.connect(lambda _on: self._explain())
        self._explain()

    def status(self) -> str:
        return DECEASED if self.deceased.isChecked() else MOVED

    def date(self) -> date:
        chosen = self.when.date()
        return date(chosen.year(), chosen.month(), chosen.day())

    def _explain(self) -> None:
        dead = self.status() == DECEASED
        self.when_label.setText(self.tr("Died on") if dead else self.tr("Moved out on"))
        self.confirm.setText(self.tr("Mark as deceased") if dead else self.tr("Mark as moved"))
        contact = _contact_person(self.household)
        if not dead:
            letters = self.tr("No more letters go to this household; batch letters leave it out.")
        elif contact:
            letters = self.tr("No letters are addressed to the tenant who died. Contact about "
                              "the home goes through the contact person: %1.").replace(
                "%1", contact)
        else:
            letters = self.tr("No letters are addressed to the tenant who died. No contact "
                              "person is recorded: add family or a carer on the profile.")
        points = (
            letters,
            self.tr("The household no longer counts in the project's consent tally: the 70% "
                    "rule counts the tenants who live there now. The dwelling still counts."),
            self.tr("Visits, agreements, letters and contact moments stay with the record. "
                    "The household list shows it only with 'Also moved out or deceased'."),
            self.tr("A mistake can be undone with 'Make active again'."),
        )
        self.consequences.setText(self.tr("What happens:") + "<ul>" + "".join(
            f"<li>{point}</li>" for point in points) + "</ul>")
