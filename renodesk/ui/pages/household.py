"""A household's profile: view and edit, with what matters for the works and its history.

Saving writes every field in one change; a wrong field is named beside itself and
nothing is saved. Sensitive fields are shown only with a recorded basis (consent).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTreeWidget,
    QVBoxLayout,
    QWidget,
)

from renodesk.core import enums
from renodesk.core.errors import RenoDeskError
from renodesk.core.profiles import update_profile
from renodesk.core.queries.households import HouseholdProfile, open_profile
from renodesk.core.visits import log_contact
from renodesk.ui.models.records import TimelineModel
from renodesk.ui.pages.base import Page, PageContext
from renodesk.ui.pages.records_kit import fill_vocabulary, select_code, table
from renodesk.ui.widgets.form import FormErrors
from renodesk.ui.widgets.privacy_hints import IdentifierWarnings, SensitiveMarker, mark_sensitive

if TYPE_CHECKING:
    from renodesk.core.privacy import SensitiveHoldings
    from renodesk.core.workspace import Change, Workspace

TEXT_FIELDS = ("name", "phone", "email", "contact_person_name", "contact_person_relation",
               "contact_person_phone")
DATE_FIELDS = ("consent_date", "consent_withdrawn_date", "stance_signed_date")
FLAG_FIELDS = ("interpreter_needed", "reads_with_difficulty", "large_print")
LONG_FIELDS = ("consent_scope", "resistance_approach", "safety_note", "notes")
CHOICE_FIELDS: dict[str, type[enums.Labelled]] = {
    "language": enums.Language, "preferred_channel": enums.Channel,
    "consent_basis": enums.ConsentBasis, "stance": enums.Stance,
    "resistance_kind": enums.ResistanceKind, "status": enums.HouseholdStatus,
}
#: Fields hidden and locked without a basis for sensitive data.
SENSITIVE = ("resistance_kind", "resistance_causes", "resistance_approach", "safety_note",
             "notes")


def _day(value: Any) -> str:
    return value.strftime("%d-%m-%Y") if isinstance(value, date) else ""


class HouseholdPage(Page):
    key = "household"
    icon = "household"
    in_navigation = False
    commands = frozenset({"save", "refresh", "new_visit", "search"})
    WATCHED = frozenset({"household", "vulnerability", "involvement", "contact_moment", "visit",
                         "adjustment", "action", "letter"})

    def __init__(self, context: PageContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.household_id: str | None = None
        self.profile: HouseholdProfile | None = None
        self.errors = FormErrors(self)
        self.edits: dict[str, QWidget] = {}

        self.heading = QLabel(self)
        self.heading.setObjectName("profileHeading")
        font = self.heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.4)
        font.setBold(True)
        self.heading.setFont(font)
        self.subheading = QLabel(self)
        self.subheading.setWordWrap(True)
        self.safety = QLabel(self)
        self.safety.setObjectName("safetyNote")
        self.safety.setWordWrap(True)
        self.safety.setStyleSheet("font-weight: 600;")
        self.plan_button = QPushButton(self.tr("Plan a &visit"), self)
        self.plan_button.clicked.connect(lambda: self.run_command("new_visit"))
        self.save_button = QPushButton(self.tr("&Save"), self)
        self.save_button.setObjectName("saveProfile")
        self.save_button.clicked.connect(self.save)
        self.saved_label = QLabel(self)
        self.labels: dict[str, str] = {}
        self.warnings = IdentifierWarnings(self.save, self)

        form_host = QWidget(self)
        form_column = QVBoxLayout(form_host)
        form_column.addWidget(self.errors.general)
        form_column.addWidget(self._group_contact(form_host))
        form_column.addWidget(self._group_contact_person(form_host))
        form_column.addWidget(self._group_consent(form_host))
        form_column.addWidget(self._group_stance(form_host))
        form_column.addStretch(1)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setWidget(form_host)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setMinimumWidth(380)

        right = QWidget(self)
        right_column = QVBoxLayout(right)
        right_column.setContentsMargins(0, 0, 0, 0)
        self.vulnerabilities = self._tree(right, [self.tr("Vulnerability"), self.tr("Weight"),
                                                  self.tr("What it means for the works")])
        self.partners = self._tree(right, [self.tr("Partner"), self.tr("Role"),
                                           self.tr("May share")])
        self.timeline_model = TimelineModel()
        self.timeline = table(right, self.timeline_model, self.tr("History"),
                              TimelineModel.TEXT)
        self.timeline.horizontalHeader().resizeSection(TimelineModel.WHEN, 120)
        self.timeline.horizontalHeader().resizeSection(TimelineModel.WHAT, 190)
        for title, widget in ((self.tr("Vulnerabilities"), self.vulnerabilities),
                              (self.tr("Partners involved"), self.partners),
                              (self.tr("History"), self.timeline)):
            label = QLabel(f"<b>{title}</b>", right)
            label.setBuddy(widget)
            if widget is self.vulnerabilities:
                title_row = QHBoxLayout()
                title_row.addWidget(label)
                title_row.addWidget(SensitiveMarker(right))
                title_row.addStretch(1)
                right_column.addLayout(title_row)
            else:
                right_column.addWidget(label)
            right_column.addWidget(widget, 2 if widget is self.timeline else 1)
        right_column.addWidget(self._contact_logger(right))
        from renodesk.ui.widgets.guidance_panel import GuidancePanel  # handvatten (guidance area)

        self.guidance = GuidancePanel(context, right)
        right_column.addWidget(self.guidance, 2)

        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.setObjectName("profileSplitter")
        splitter.addWidget(scroll)
        splitter.addWidget(right)
        splitter.setSizes([480, 600])

        top = QHBoxLayout()
        titles = QVBoxLayout()
        titles.addWidget(self.heading)
        titles.addWidget(self.subheading)
        top.addLayout(titles, 1)
        top.addWidget(self.saved_label)
        top.addWidget(self.plan_button)
        from renodesk.ui.letter_dialog import letter_button  # Brief maken (letters area)

        top.addWidget(letter_button(self, context.runner, lambda: self.household_id))
        top.addWidget(self.guidance.reflection_button)  # Casus voor intervisie
        top.addWidget(self.save_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        layout.addLayout(top)
        layout.addWidget(self.safety)
        layout.addWidget(self.warnings)
        layout.addWidget(splitter, 1)
        from renodesk.ui.widgets.needs_editor import NeedsEditor  # add/change/remove (needs area)

        self.needs = NeedsEditor(context, self.vulnerabilities, self.partners, self)

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

    def _group(self, parent: QWidget, title: str) -> tuple[QGroupBox, QFormLayout]:
        group = QGroupBox(title, parent)
        form = QFormLayout(group)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        # In a narrow column (or a long translation) the label goes above its field.
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        return group, form

    def _group_contact(self, parent: QWidget) -> QGroupBox:
        group, form = self._group(parent, self.tr("Contact and language"))
        self._line(form, group, "name", self.tr("Name"))
        self._line(form, group, "phone", self.tr("Phone"), "06-12345678")
        self._line(form, group, "email", self.tr("E-mail"))
        self._choice(form, group, "language", self.tr("Language"))
        self._flag(form, group, "interpreter_needed", self.tr("Needs an interpreter"))
        self._flag(form, group, "reads_with_difficulty", self.tr("Reads with difficulty"))
        self._flag(form, group, "large_print", self.tr("Letters in large print"))
        self._choice(form, group, "preferred_channel", self.tr("Preferred contact"))
        self._choice(form, group, "status", self.tr("Status"))
        return group

    def _group_contact_person(self, parent: QWidget) -> QGroupBox:
        group, form = self._group(parent, self.tr("Contact person"))
        self._line(form, group, "contact_person_name", self.tr("Name"))
        self._line(form, group, "contact_person_relation", self.tr("Relation"),
                   self.tr("e.g. daughter, carer"))
        self._line(form, group, "contact_person_phone", self.tr("Phone"))
        return group

    def _group_consent(self, parent: QWidget) -> QGroupBox:
        group, form = self._group(parent, self.tr("Consent for sensitive data"))
        self._choice(form, group, "consent_basis", self.tr("Basis"))
        self._line(form, group, "consent_date", self.tr("Date"), self.tr("dd-mm-yyyy"))
        self._long(form, group, "consent_scope", self.tr("Scope"))
        self._line(form, group, "consent_withdrawn_date", self.tr("Withdrawn on"),
                   self.tr("dd-mm-yyyy"))
        return group

    def _group_stance(self, parent: QWidget) -> QGroupBox:
        group, form = self._group(parent, self.tr("Stance and resistance"))
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

    def _tree(self, parent: QWidget, headers: list[str]) -> QTreeWidget:
        tree = QTreeWidget(parent)
        tree.setRootIsDecorated(False)
        tree.setHeaderLabels(headers)
        tree.setAccessibleName(headers[0])
        tree.setAlternatingRowColors(True)
        tree.header().resizeSection(0, 200)
        tree.setMaximumHeight(tree.fontMetrics().height() * 8)
        return tree

    def _contact_logger(self, parent: QWidget) -> QGroupBox:
        group = QGroupBox(self.tr("Log a contact"), parent)
        column = QVBoxLayout(group)
        self.contact_channel = QComboBox(group)
        self.contact_channel.setAccessibleName(self.tr("Channel"))
        fill_vocabulary(self.contact_channel, enums.Channel)
        select_code(self.contact_channel, "phone")
        self.contact_outcome = QComboBox(group)
        self.contact_outcome.setAccessibleName(self.tr("Outcome"))
        fill_vocabulary(self.contact_outcome, enums.ContactOutcome)
        self.contact_summary = QLineEdit(group)
        self.contact_summary.setAccessibleName(self.tr("Summary"))
        self.contact_summary.setPlaceholderText(self.tr("Short summary"))
        self.contact_button = QPushButton(self.tr("&Log"), group)
        self.contact_button.clicked.connect(self.log_contact)
        self.contact_warnings = IdentifierWarnings(self.log_contact, group)
        row = QHBoxLayout()
        for widget in (self.contact_channel, self.contact_outcome):
            row.addWidget(widget)
        row.addWidget(self.contact_summary, 1)
        row.addWidget(self.contact_button)
        column.addLayout(row)
        column.addWidget(self.contact_warnings)
        return group

    # -- page -------------------------------------------------------------------
    @classmethod
    def title(cls) -> str:
        return QCoreApplication.translate("HouseholdPage", "Household")

    def load(self, argument: Any = None) -> None:
        if argument:
            self.household_id = str(argument)
        if self.household_id is None:
            return
        household_id = self.household_id
        self.errors.clear()
        self.warnings.clear()
        self.contact_warnings.clear()
        self.saved_label.clear()
        self.context.runner.read(lambda ws: open_profile(ws, household_id), self._show)
        self.guidance.show_household(household_id)

    def _show(self, profile: HouseholdProfile | None, error: BaseException | None) -> None:
        if profile is None:
            self.context.notify(str(error))
            return
        self.profile = profile
        values = profile.household
        self.heading.setText(values["name"])
        phase = enums.ProjectPhase(profile.project["phase"]).label()
        self.subheading.setText(
            f"{profile.address}, {profile.dwelling['postcode']} {profile.dwelling['city']}"
            f" · {profile.project['code']} {profile.project['name']} ({phase})")
        note = values.get("safety_note") or ""
        self.safety.setText(self.tr("Safety: %1").replace("%1", note) if note else "")
        self.safety.setVisible(bool(note))
        for name in TEXT_FIELDS:
            self._edit(name, QLineEdit).setText(str(values.get(name) or ""))
        for name in DATE_FIELDS:
            self._edit(name, QLineEdit).setText(_day(values.get(name)))
        for name in FLAG_FIELDS:
            self._edit(name, QCheckBox).setChecked(bool(values.get(name)))
        for name in LONG_FIELDS:
            self._edit(name, QPlainTextEdit).setPlainText(str(values.get(name) or ""))
        for name in CHOICE_FIELDS:
            select_code(self._edit(name, QComboBox), values.get(name))
        chosen = set(filter(None, str(values.get("resistance_causes") or "").split(",")))
        for code, box in self.causes.items():
            box.setChecked(code in chosen)
        for name in SENSITIVE:
            self.edits[name].setEnabled(profile.sensitive_shown)
        self.hidden_note.setVisible(not profile.sensitive_shown)
        self.needs.show_profile(profile)  # the two tables, with their ids
        self.timeline_model.set_rows(profile.timeline)

    def _edit(self, name: str, kind: type[Any]) -> Any:
        widget = self.edits[name]
        assert isinstance(widget, kind)
        return widget

    def values(self) -> dict[str, Any]:
        """What the form holds, as the domain expects it (validated there)."""
        values: dict[str, Any] = {}
        for name in (*TEXT_FIELDS, *DATE_FIELDS):
            values[name] = self._edit(name, QLineEdit).text()
        for name in FLAG_FIELDS:
            values[name] = self._edit(name, QCheckBox).isChecked()
        for name in LONG_FIELDS:
            values[name] = self._edit(name, QPlainTextEdit).toPlainText()
        for name in CHOICE_FIELDS:
            values[name] = self._edit(name, QComboBox).currentData()
        values["resistance_causes"] = ",".join(
            code for code, box in self.causes.items() if box.isChecked())
        if self.profile is not None and not self.profile.sensitive_shown:
            for name in SENSITIVE:
                values.pop(name)  # hidden, so never overwritten
        return values

    def save(self) -> None:
        household_id = self.household_id
        if household_id is None:
            return
        values = self.values()
        texts = {name: edit for name in (*TEXT_FIELDS, *LONG_FIELDS)
                 if name in values and isinstance(edit := self.edits[name],
                                                  QLineEdit | QPlainTextEdit)}
        if not self.warnings.check("household", texts, self.labels):
            return
        before = self.profile.household if self.profile is not None else {}
        withdrawing = bool(values.get("consent_withdrawn_date")) and not before.get(
            "consent_withdrawn_date")

        def saved(changes: list[Change] | None, error: BaseException | None) -> None:
            if isinstance(error, RenoDeskError):
                self.errors.show(error)
                return
            if error is not None:
                raise error
            self.context.notify(self.tr("The profile is saved."))
            self.load()  # show what was stored, e.g. 0612345678 written as 06-12345678
            self.saved_label.setText(self.tr("Saved"))
            if withdrawing:
                self._propose_erasure(household_id)

        self.context.runner.write(lambda ws: update_profile(ws, household_id, values), saved)

    def _propose_erasure(self, household_id: str) -> None:
        """Consent was withdrawn: the sensitive data is hidden now; propose to erase it,
        as the privacy page does."""
        from renodesk.core.privacy import sensitive_holdings
        from renodesk.ui.pages.privacy_parts import offer_erasure

        def held(ws: Workspace) -> tuple[str, SensitiveHoldings]:
            with ws.engine.connect() as conn:
                return ws.get("household", household_id)["name"], sensitive_holdings(
                    conn, household_id)

        def offer(found: tuple[str, SensitiveHoldings] | None,
                  error: BaseException | None) -> None:
            if found is None:
                self.context.notify(str(error))
                return
            name, holdings = found
            if holdings.total and household_id == self.household_id:
                offer_erasure(self, self.context, household_id, name, True, holdings,
                              self.load)

        self.context.runner.read(held, offer)

    def log_contact(self) -> None:
        household_id = self.household_id
        if household_id is None:
            return
        if not self.contact_warnings.check("contact_moment", {"summary": self.contact_summary},
                                           {"summary": self.tr("Summary")}):
            return
        channel = self.contact_channel.currentData()
        outcome = self.contact_outcome.currentData()
        summary = self.contact_summary.text()

        def logged(_result: Any, error: BaseException | None) -> None:
            if error is not None:
                self.context.notify(str(error))
                return
            self.contact_summary.clear()
            self.context.notify(self.tr("The contact is logged."))

        self.context.runner.write(
            lambda ws: log_contact(ws, household_id, channel, outcome, summary), logged)

    def on_changes(self, changes: Sequence[Change]) -> None:
        if (self.household_id and self.isVisible()
                and any(c.household_id == self.household_id and c.entity in self.WATCHED
                        and c.entity != "household" for c in changes)):
            # Other records of this household changed: refresh the lists, keep the form.
            household_id = self.household_id
            self.context.runner.read(lambda ws: open_profile(ws, household_id),
                                     self._show_lists)

    def _show_lists(self, profile: HouseholdProfile | None, _error: BaseException | None) -> None:
        if profile is not None and profile.household["id"] == self.household_id:
            self.timeline_model.set_rows(profile.timeline)

    def run_command(self, name: str) -> None:
        if name == "search":  # Ctrl+F anywhere: find a household
            self.context.navigate("households", None)
            return
        if name == "save":
            self.save()
        elif name == "refresh":
            self.load()
        elif name == "new_visit" and self.household_id:
            self.context.navigate("visits", {"plan_for": self.household_id})


PAGE = HouseholdPage
