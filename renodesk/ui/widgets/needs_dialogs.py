"""The two dialogs of the needs editor: a vulnerability, and a partner's involvement.

Each stays open until its save succeeds: a wrong field is named beside itself, and
without a basis for sensitive data the dialog says so plainly (:class:`NoBasisNote`)
and points to the profile's consent section. Nothing is half-saved.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from renodesk.core import enums, needs
from renodesk.core.errors import RenoDeskError, ValidationError
from renodesk.core.i18n import t
from renodesk.ui.pages.records_kit import fill_vocabulary, select_code
from renodesk.ui.widgets.form import FormErrors
from renodesk.ui.widgets.privacy_hints import IdentifierWarnings, mark_sensitive

if TYPE_CHECKING:
    from renodesk.core.queries.households import InvolvementItem, VulnerabilityItem
    from renodesk.core.setup import Known, Saved
    from renodesk.core.workspace import Workspace
    from renodesk.ui.pages.base import PageContext

# Data of the partner choice that adds a new organisation.
NEW_PARTNER = "new"


def weight_labels() -> dict[int, str]:
    """The weights of a vulnerability as a coach says them (1 light ... 3 severe)."""
    return {1: QCoreApplication.translate("NeedsEditor", "light"),
            2: QCoreApplication.translate("NeedsEditor", "moderate"),
            3: QCoreApplication.translate("NeedsEditor", "severe")}


class NoBasisNote(QFrame):
    """Says plainly that sensitive data needs a basis first, and leads to the consent
    section of the profile."""

    def __init__(self, go_to_consent: Callable[[], None], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("noBasisNote")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setStyleSheet("#noBasisNote { background: #fff4ce; color: #5c4400; }")
        self.text = QLabel(self)
        self.text.setObjectName("noBasisText")
        self.text.setWordWrap(True)
        self.text.setText("\n".join([t("validation.no_basis"), self.tr(
            "Fill in the basis under 'Consent for sensitive data' on the profile and save "
            "the profile; then add this again.")]))
        self.text.setAccessibleName(self.text.text())
        self.button = QPushButton(self.tr("Go to &consent"), self)
        self.button.setObjectName("goToConsent")
        self.button.clicked.connect(go_to_consent)
        row = QHBoxLayout(self)
        row.addWidget(self.text, 1)
        row.addWidget(self.button, 0, Qt.AlignmentFlag.AlignBottom)
        self.setVisible(False)


class _NeedDialog(QDialog):
    """What both dialogs share: a form with errors beside its fields, the no-basis note,
    Save and Cancel, and a save that keeps the dialog open until it succeeds."""

    def __init__(self, context: PageContext, sensitive_shown: bool,
                 go_to_consent: Callable[[], None], save: Callable[[], None],
                 parent: QWidget | None) -> None:
        super().__init__(parent)
        self.context = context
        self.sensitive_shown = sensitive_shown
        self.errors = FormErrors(self)
        self.labels: dict[str, str] = {}
        self.go_to_consent = go_to_consent
        self.no_basis = NoBasisNote(self._to_consent, self)
        self.form = QFormLayout()
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        self.warnings = IdentifierWarnings(save, self)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self)
        self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setText(self.tr("&Save"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        self.buttons.accepted.connect(save)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.no_basis)
        layout.addWidget(self.errors.general)
        layout.addLayout(self.form)
        layout.addWidget(self.warnings)
        layout.addStretch(1)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(560)

    def _row(self, name: str, label: str, widget: QWidget) -> None:
        widget.setObjectName(name)
        self.labels[name] = label.replace("&", "")
        self.errors.add_row(self.form, name, label, widget)

    def _to_consent(self) -> None:
        self.reject()
        self.go_to_consent()

    def run(self, work: Callable[[Workspace], Saved]) -> None:
        """Save in the background; close on success, else say what is wrong."""
        self.save_button.setEnabled(False)
        self.errors.clear()

        def done(_saved: Saved | None, error: BaseException | None) -> None:
            self.save_button.setEnabled(True)
            if error is None:
                self.accept()
                return
            if isinstance(error, ValidationError):
                self.show_problems(error)
            elif isinstance(error, RenoDeskError):
                self.errors.show(error)
            else:
                raise error
            self.adjustSize()  # room for the messages, none cut off

        self.context.runner.write(work, done)

    def show_problems(self, error: ValidationError) -> None:
        """A missing basis in the note at the top; every other problem beside its field."""
        rest = {name: problem for name, problem in error.problems.items()
                if problem[0] != "validation.no_basis"}
        self.no_basis.setVisible(len(rest) < len(error.problems))
        if rest:
            self.errors.show(ValidationError(rest))
        elif self.no_basis.isVisible():
            self.no_basis.button.setFocus(Qt.FocusReason.OtherFocusReason)


class VulnerabilityDialog(_NeedDialog):
    """Record or change one vulnerability: category, weight, what it means for the works."""

    def __init__(self, context: PageContext, household_id: str,
                 item: VulnerabilityItem | None, sensitive_shown: bool,
                 go_to_consent: Callable[[], None], parent: QWidget | None = None) -> None:
        super().__init__(context, sensitive_shown, go_to_consent, self.submit, parent)
        self.household_id = household_id
        self.item = item
        self.setWindowTitle(self.tr("Change vulnerability") if item else
                            self.tr("Add a vulnerability"))
        # Labels above their fields: the question is long, the text needs the full width.
        self.form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapAllRows)
        self.category = QComboBox(self)
        fill_vocabulary(self.category, enums.VulnerabilityCategory)
        self._row("category", self.tr("&Vulnerability"), self.category)
        self.weight = QComboBox(self)
        for value, label in weight_labels().items():
            self.weight.addItem(label, value)
        self._row("weight", self.tr("W&eight"), self.weight)
        self.implications = QPlainTextEdit(self)
        self.implications.setTabChangesFocus(True)
        self.implications.setPlaceholderText(self.tr(
            "For example: cannot climb stairs, needs a quiet room during the works"))
        self.implications.setMinimumHeight(self.fontMetrics().lineSpacing() * 5 + 12)
        self._row("implications", self.tr("What does this &mean for the works?"),
                  self.implications)
        self.labels["implications"] = self.tr("What it means for the works")  # in warnings
        for widget in (self.category, self.implications):
            mark_sensitive(self.form, widget)
        if item is not None:
            select_code(self.category, item.category)
            self.weight.setCurrentIndex(self.weight.findData(item.weight))
            self.implications.setPlainText(item.implications)
        else:
            self.weight.setCurrentIndex(self.weight.findData(2))
        self.no_basis.setVisible(not sensitive_shown)
        self.category.setFocus()

    def values(self) -> dict[str, Any]:
        return {"category": self.category.currentData(), "weight": self.weight.currentData(),
                "implications": self.implications.toPlainText()}

    def submit(self) -> None:
        if not self.warnings.check("vulnerability", {"implications": self.implications},
                                   self.labels):
            return
        values = self.values()
        household_id, item = self.household_id, self.item
        if item is None:
            self.run(lambda ws: needs.record_vulnerability(ws, household_id, values))
        else:
            self.run(lambda ws: needs.change_vulnerability(ws, item.id, values))


class InvolvementDialog(_NeedDialog):
    """Involve a partner (or a new organisation) with a role and the tenant's consent to
    share, or change an involvement's role and consent."""

    def __init__(self, context: PageContext, household_id: str,
                 item: InvolvementItem | None, sensitive_shown: bool,
                 go_to_consent: Callable[[], None], parent: QWidget | None = None) -> None:
        super().__init__(context, sensitive_shown, go_to_consent, self.submit, parent)
        self.household_id = household_id
        self.item = item
        self.setWindowTitle(self.tr("Change partner involved") if item else
                            self.tr("Involve a partner"))
        self.partner = QComboBox(self)
        self.partner.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.partner.setMinimumContentsLength(24)
        self._row("partner_id", self.tr("&Organisation"), self.partner)
        self.new_fields: list[QWidget] = []
        self.partner_name = QLineEdit(self)
        self._new_row("partner_name", self.tr("&Name of the organisation"), self.partner_name)
        self.partner_kind = QComboBox(self)
        fill_vocabulary(self.partner_kind, enums.PartnerKind)
        self._new_row("partner_kind", self.tr("&Kind"), self.partner_kind)
        self.partner_contact = QLineEdit(self)
        self._new_row("partner_contact_name", self.tr("Contact &person"), self.partner_contact)
        self.partner_phone = QLineEdit(self)
        self.partner_phone.setPlaceholderText("030-1234567")
        self._new_row("partner_phone", self.tr("&Phone"), self.partner_phone)
        self.role = QLineEdit(self)
        self.role.setPlaceholderText(self.tr("For example: fixed contact, comes along to visits"))
        self._row("role", self.tr("&Role with this household"), self.role)
        mark_sensitive(self.form, self.role)
        self.consent = QCheckBox(self.tr(
            "The tenant &agrees that we share information with this organisation"), self)
        self.consent.setObjectName("consent_to_share")
        self.errors.add_row(self.form, "consent_to_share", "", self.consent)
        self.consent.setAccessibleName(self.consent.text().replace("&", ""))
        self.partner.currentIndexChanged.connect(self._partner_chosen)
        if item is not None:
            self.partner.addItem(self._partner_text(item.partner_name, item.partner_kind),
                                 item.partner_id)
            self.partner.setEnabled(False)  # another organisation: end this one, add that one
            self.role.setText(item.role)
            self.consent.setChecked(item.consent_to_share)
        else:
            self.partner.addItem(self.tr("New organisation…"), NEW_PARTNER)
            context.runner.read(needs.partners_to_choose, self._show_partners)
        if not sensitive_shown:
            # The role is sensitive: hidden and locked; who is involved may still be noted.
            self.role.setEnabled(False)
            self.role.setPlaceholderText(self.tr("Record a basis first"))
            self.role.setToolTip(t("validation.no_basis"))
        self._partner_chosen()
        self.partner.setFocus()

    def _new_row(self, name: str, label: str, widget: QWidget) -> None:
        self._row(name, label, widget)
        holder = widget.parentWidget()
        if holder is not None:
            self.new_fields.append(holder)

    @staticmethod
    def _partner_text(name: str, kind: str) -> str:
        return f"{name} ({enums.PartnerKind(kind).label()})"

    def _show_partners(self, found: list[Known] | None, error: BaseException | None) -> None:
        if found is None:
            self.errors.general.say(str(error))
            return
        for position, partner in enumerate(found):
            self.partner.insertItem(position, self._partner_text(partner.name, partner.code),
                                    partner.id)
        self.partner.setCurrentIndex(0)

    def _partner_chosen(self) -> None:
        adding = self.partner.currentData() == NEW_PARTNER
        for holder in self.new_fields:
            self.form.setRowVisible(holder, adding)
        self.adjustSize()

    def submit(self) -> None:
        household_id, item = self.household_id, self.item
        consent = self.consent.isChecked()
        if item is not None:
            role = self.role.text() if self.role.isEnabled() else None
            self.run(lambda ws: needs.change_involvement(ws, item.id, role, consent))
            return
        role = self.role.text()
        chosen = self.partner.currentData()
        new_partner = None
        if chosen == NEW_PARTNER:
            new_partner = {"name": self.partner_name.text(),
                           "kind": self.partner_kind.currentData(),
                           "contact_name": self.partner_contact.text(),
                           "phone": self.partner_phone.text()}
            chosen = None
        self.run(lambda ws: needs.involve_partner(ws, household_id, chosen, role, consent,
                                                  new_partner))
