"""Planning the next contact with a household: the form that plans a visit, and the
next step on the contact ladder once nobody was home.

Its texts keep the translation context ``VisitsPage`` (hence the explicit
``QCoreApplication.translate``): they are the visits page's words, translated with it.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QDateTime, QTime
from PySide6.QtWidgets import (
    QComboBox,
    QDateTimeEdit,
    QFormLayout,
    QGroupBox,
    QLineEdit,
    QPushButton,
    QWidget,
)

from renodesk.core import enums
from renodesk.core.visits import ContactStep, NotHomeOutcome
from renodesk.ui.pages.records_kit import fill_vocabulary
from renodesk.ui.widgets.form import FormErrors


class PlanVisitBox(QGroupBox):
    """When, what kind of visit and who goes; its fields' errors show through ``errors``."""

    def __init__(self, errors: FormErrors, plan: Callable[[], None],
                 parent: QWidget | None = None) -> None:
        super().__init__(QCoreApplication.translate("VisitsPage", "Plan"), parent)
        form = QFormLayout(self)
        self.planned_at = QDateTimeEdit(self)
        self.planned_at.setCalendarPopup(True)
        self.planned_at.setDisplayFormat("dd-MM-yyyy HH:mm")
        self.kind = QComboBox(self)
        fill_vocabulary(self.kind, enums.VisitKind)
        self.visitors = QLineEdit(self)
        self.visitors.setPlaceholderText(
            QCoreApplication.translate("VisitsPage", "Names, separated by commas"))
        errors.add_row(form, "planned_at",
                       QCoreApplication.translate("VisitsPage", "Date and time"), self.planned_at)
        errors.add_row(form, "kind",
                       QCoreApplication.translate("VisitsPage", "Kind of visit"), self.kind)
        errors.add_row(form, "visitors",
                       QCoreApplication.translate("VisitsPage", "Visitors"), self.visitors)
        self.button = QPushButton(QCoreApplication.translate("VisitsPage", "P&lan visit"), self)
        self.button.setObjectName("planVisit")
        self.button.clicked.connect(plan)
        form.addRow(self.button)

    def start(self, visitors: str) -> None:
        """Ready for a new visit: tomorrow at ten, with ``visitors`` going."""
        tomorrow = QDateTime.currentDateTime().addDays(1)
        tomorrow.setTime(QTime(10, 0))
        self.planned_at.setDateTime(tomorrow)
        self.visitors.setText(visitors)

    def request(self) -> tuple[str, str, str]:
        """(when as ``yyyy-MM-ddTHH:mm``, kind, visitors) as filled in."""
        when = self.planned_at.dateTime().toString("yyyy-MM-ddTHH:mm")
        return when, self.kind.currentData(), self.visitors.text()


def not_home_advice(outcome: NotHomeOutcome) -> str:
    """What the coach is told once 'not at home' is logged: the attempt and the next step."""
    return QCoreApplication.translate(
        "VisitsPage", "Not at home is logged (attempt %1). Next step: %2").replace(
        "%1", str(outcome.attempts)).replace("%2", step_text(outcome.next_step))


def step_text(step: ContactStep) -> str:
    """The next step on the contact ladder, as the end of a sentence."""
    texts = {
        ContactStep.DOOR_CARD: QCoreApplication.translate(
            "VisitsPage", "leave the not-at-home card and come back at another time of day."),
        ContactStep.PHONE: QCoreApplication.translate("VisitsPage", "call the tenant."),
        ContactStep.LETTER: QCoreApplication.translate(
            "VisitsPage", "send a letter with a fixed appointment."),
        ContactStep.CONTACT_PERSON: QCoreApplication.translate(
            "VisitsPage", "ask the contact person to help."),
        ContactStep.PARTNER: QCoreApplication.translate(
            "VisitsPage", "ask the partner who is involved to help."),
        ContactStep.ESCALATE: QCoreApplication.translate(
            "VisitsPage", "discuss with the project leader and the social housing officer."),
    }
    return texts[step]
