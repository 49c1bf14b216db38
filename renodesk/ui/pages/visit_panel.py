"""Bezoeken, the right-hand side: the open visit. Plan a visit for a household, write its
report with agreements and actions, finalise it, or note in one click that nobody was
home. What the coach types is kept as a draft a moment after the last keystroke.

Its texts keep the translation context ``VisitsPage`` (hence the explicit
``QCoreApplication.translate``): they are the visits page's words, translated with it.
"""

from __future__ import annotations

from itertools import pairwise
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, QTimer
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from renodesk.core import enums
from renodesk.core.drafts import DraftStore, draft_key
from renodesk.core.errors import RenoDeskError, ValidationError
from renodesk.core.visits import (
    NotHomeOutcome,
    Outcome,
    finalise_visit,
    mark_not_home,
    plan_visit,
)
from renodesk.ui.pages.base import PageContext
from renodesk.ui.pages.visit_data import (
    OpenVisit,
    household_label,
    read_visit,
    save_report,
)
from renodesk.ui.pages.visit_drafts import DraftBanner
from renodesk.ui.pages.visit_editor import VisitReportForm
from renodesk.ui.pages.visit_planning import PlanVisitBox, not_home_advice
from renodesk.ui.widgets.form import FormErrors
from renodesk.ui.widgets.privacy_hints import IdentifierWarnings

#: Save a draft this long after the last keystroke (ms).
DRAFT_DELAY_MS = 700


class VisitPanel(QWidget):
    """A hint while no visit is open; else the plan form or the visit's report."""

    def __init__(self, context: PageContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.visit_id: str | None = None
        self.visit: dict[str, Any] | None = None
        #: The form as the visit was opened: anything else is typed but not saved yet.
        self.opened_content: dict[str, Any] = {}
        self.plan_for: str | None = None
        self._advice = ""
        self.errors = FormErrors(self)
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        self.placeholder = QLabel(QCoreApplication.translate(
            "VisitsPage",
            "Choose a visit in the list. To plan a new visit, open a household "
            "(Ctrl+F on Households) and press Ctrl+N."), self)
        self.placeholder.setObjectName("visitPlaceholder")
        self.placeholder.setWordWrap(True)
        self.placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        column.addWidget(self.placeholder)
        column.addWidget(self._editor(), 1)

        self.draft_timer = QTimer(self)
        self.draft_timer.setSingleShot(True)
        self.draft_timer.setInterval(DRAFT_DELAY_MS)
        self.draft_timer.timeout.connect(self.save_draft)
        self.form.edited.connect(self._typed)
        self._show_editor(False)

    # -- building -----------------------------------------------------------------
    def _editor(self) -> QWidget:
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        body = QWidget(scroll)
        column = QVBoxLayout(body)
        self.banner = DraftBanner(self.context, body)

        self.heading = QLabel(body)
        self.heading.setObjectName("visitHeading")
        font = self.heading.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.25)
        self.heading.setFont(font)
        self.heading.setWordWrap(True)
        self.open_profile = QPushButton(
            QCoreApplication.translate("VisitsPage", "Open &profile"), body)
        self.open_profile.clicked.connect(self._open_profile)
        self.state = QLabel(body)
        self.state.setWordWrap(True)
        self.next_step = QLabel(body)
        self.next_step.setObjectName("nextStep")
        self.next_step.setWordWrap(True)
        self.next_step.setStyleSheet("font-weight: 600;")

        self.plan_box = PlanVisitBox(self.errors, self.plan, body)

        self.form = VisitReportForm(self.errors, body)
        self.banner.restored.connect(self.form.set_content)
        self.warnings = IdentifierWarnings(self.save, body)
        self.save_button = QPushButton(
            QCoreApplication.translate("VisitsPage", "&Save report"), body)
        self.save_button.setObjectName("saveReport")
        self.save_button.clicked.connect(self.save)
        self.finalise_button = QPushButton(
            QCoreApplication.translate("VisitsPage", "&Finalise"), body)
        self.finalise_button.setObjectName("finaliseVisit")
        self.finalise_button.setToolTip(QCoreApplication.translate(
            "VisitsPage", "Make the report final. Afterwards it can no longer be changed."))
        self.finalise_button.clicked.connect(self.finalise)
        self.not_home_button = QPushButton(
            QCoreApplication.translate("VisitsPage", "&Not at home"), body)
        self.not_home_button.setObjectName("notHome")
        self.not_home_button.setToolTip(QCoreApplication.translate(
            "VisitsPage", "Nobody opened: log a contact moment and suggest the next step"))
        self.not_home_button.clicked.connect(self.not_home)

        heading_row = QHBoxLayout()
        heading_row.addWidget(self.heading, 1)
        heading_row.addWidget(self.not_home_button)  # first thing at the door: on top
        heading_row.addWidget(self.open_profile)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        from renodesk.ui.letter_dialog import letter_button  # Brief maken (letters area)

        self.letter_button = letter_button(body, self.context.runner,
                                           visit_id=lambda: self.visit_id)
        buttons.addWidget(self.letter_button)
        buttons.addWidget(self.finalise_button)
        buttons.addWidget(self.save_button)
        column.addWidget(self.banner)
        column.addLayout(heading_row)
        column.addWidget(self.state)
        column.addWidget(self.next_step)
        column.addWidget(self.errors.general)
        column.addWidget(self.warnings)
        column.addWidget(self.plan_box)
        column.addWidget(self.form)
        column.addLayout(buttons)
        column.addStretch(1)
        form = self.form
        order = [self.banner.restore_button, self.banner.discard_button, self.not_home_button,
                 self.open_profile, self.plan_box.planned_at, self.plan_box.kind,
                 self.plan_box.visitors, self.plan_box.button,
                 form.attendees, *form.texts.values(), form.adjustment_table,
                 form.add_adjustment, form.remove_adjustment, form.action_table,
                 form.add_action, form.remove_action, self.finalise_button, self.save_button]
        for first, second in pairwise(order):
            QWidget.setTabOrder(first, second)
        scroll.setWidget(body)
        self.editor_body = body
        self.editor_scroll = scroll
        return scroll

    def _show_editor(self, visible: bool, planning: bool = False) -> None:
        self.editor_body.setVisible(visible)
        self.editor_scroll.setVisible(visible)
        self.placeholder.setVisible(not visible)
        self.plan_box.setVisible(planning)
        self.form.setVisible(visible and not planning)
        for button in (self.save_button, self.finalise_button, self.not_home_button,
                       self.letter_button):  # no letter about a visit not planned yet
            button.setVisible(visible and not planning)

    @property
    def household_id(self) -> str | None:
        """The household being planned for or whose visit is open."""
        found = self.plan_for or (self.visit or {}).get("household_id")
        return str(found) if found else None

    # -- planning -----------------------------------------------------------------
    def start_planning(self, household_id: str) -> None:
        """Show the plan form for a household (from its profile, or Ctrl+N)."""
        self.visit_id, self.visit, self.plan_for = None, None, household_id
        self.errors.clear()
        self.next_step.clear()
        self.banner.setVisible(False)
        self.plan_box.start(self.context.workspace.actor if self.context.runner.has_workspace
                            else "")
        self.state.setText(QCoreApplication.translate("VisitsPage", "New visit"))
        self._show_editor(True, planning=True)
        self.context.runner.read(lambda ws: household_label(ws, household_id),
                                 lambda label, _e: self.heading.setText(label or ""))
        self.plan_box.planned_at.setFocus()

    def plan(self) -> None:
        household_id = self.plan_for
        if household_id is None:
            return
        when, kind, visitors = self.plan_box.request()

        def planned(outcome: Outcome | None, error: BaseException | None) -> None:
            if isinstance(error, RenoDeskError):
                self.errors.show(error)
                return
            if outcome is not None:
                self.context.notify(QCoreApplication.translate("VisitsPage",
                                                               "The visit is planned."))
                self.open_visit(outcome.row_id)

        self.context.runner.write(
            lambda ws: plan_visit(ws, household_id, when, kind, visitors), planned)

    # -- the open visit -------------------------------------------------------------
    def open_visit(self, visit_id: str) -> None:
        self.draft_timer.stop()
        self.context.runner.read(lambda ws: read_visit(ws, visit_id), self._show_visit)

    def _show_visit(self, opened: OpenVisit | None, error: BaseException | None) -> None:
        if opened is None:
            self.context.notify(str(error))
            return
        visit = opened.visit
        self.visit_id, self.visit, self.plan_for = visit["id"], visit, None
        self.errors.clear()
        self.form.show_inline_errors({}, "", "")
        self.next_step.setText(self._advice)
        self._advice = ""
        self.heading.setText(f"{opened.household_name}, {opened.address}")
        self._show_state()
        if opened.agreements or opened.actions:
            agreements = QCoreApplication.translate("VisitsPage", "%n agreement(s)", "",
                                                    opened.agreements)
            actions = QCoreApplication.translate("VisitsPage", "%n action(s)", "",
                                                 opened.actions)
            self.state.setText(self.state.text() + "\n" + QCoreApplication.translate(
                "VisitsPage",
                "Already recorded at this visit: %1 and %2. "
                "You find them under Agreements and Actions.").replace(
                "%1", agreements).replace("%2", actions))
        self.form.set_content({"attendees": visit["attendees"], "notes": visit["notes"],
                               "wishes": visit["wishes"], "worries": visit["worries"]})
        self.form.set_sensitive_shown(opened.sensitive_shown)
        self.opened_content = self.form.content()
        self.warnings.clear()
        self._show_editor(True)
        self.editor_scroll.verticalScrollBar().setValue(0)
        final = visit["finalised_at"] is not None
        self.form.set_read_only(final)
        self.save_button.setEnabled(not final)
        self.finalise_button.setEnabled(not final and visit["status"] == "done")
        self.not_home_button.setEnabled(not final and visit["status"] == "planned")
        self.banner.offer(opened.draft, self.form.content())

    def _show_state(self) -> None:
        visit = self.visit
        if visit is None:
            return
        text = (f"{visit['planned_at'].strftime('%d-%m-%Y %H:%M')} · "
                f"{enums.VisitKind(visit['kind']).label()} · "
                f"{enums.VisitStatus(visit['status']).label()}")
        if visit["finalised_at"]:
            text += " · " + QCoreApplication.translate("VisitsPage", "final since %1").replace(
                "%1", visit["finalised_at"].strftime("%d-%m-%Y"))
        self.state.setText(text)

    # -- drafts -------------------------------------------------------------------
    def _typed(self) -> None:
        if self.visit_id and self.visit and not self.visit["finalised_at"]:
            self.draft_timer.start()

    def save_draft(self) -> None:
        """Keep what is typed so far (called a moment after the last keystroke)."""
        if self.visit_id is None:
            return
        key, content = draft_key("visit", self.visit_id), self.form.content()
        self.context.runner.read(lambda ws: DraftStore(ws.engine).save(key, content),
                                 lambda _r, _e: None)

    # -- the coach's actions ----------------------------------------------------------
    def save(self) -> None:
        visit_id = self.visit_id
        if visit_id is None:
            if self.plan_for:
                self.plan()
            return
        cells, labels = self.form.inline_texts()
        if not self.warnings.check("visit", self.form.text_fields(),
                                   {**self.form.labels, **labels}, cells):
            return
        self.draft_timer.stop()
        report = self.form.report()

        def saved(outcome: Outcome | None, error: BaseException | None) -> None:
            if isinstance(error, ValidationError):
                self.errors.show(error)
                messages = error.messages()
                self.form.show_inline_errors(
                    messages, QCoreApplication.translate("VisitsPage", "Agreement %1"),
                    QCoreApplication.translate("VisitsPage", "Action %1"))
                if any(name.startswith(("adjustments.", "actions.")) for name in messages):
                    self.errors.general.say(QCoreApplication.translate(
                        "VisitsPage", "Nothing was saved. Check the red text."))
                return
            if isinstance(error, RenoDeskError):
                self.errors.show(error)
                return
            if outcome is not None:
                self.banner.setVisible(False)
                self.context.notify(QCoreApplication.translate(
                    "VisitsPage", "The visit report is saved."))
                self.open_visit(visit_id)

        self.context.runner.write(lambda ws: save_report(ws, visit_id, report), saved)

    def finalise(self) -> None:
        visit_id = self.visit_id
        if visit_id is None:
            return
        if self.form.content() != self.opened_content:
            # Finalising reopens the saved report: unsaved typing would be lost unseen.
            self.errors.general.say(QCoreApplication.translate(
                "VisitsPage",
                "Save the report first (Ctrl+S): some of what you typed is not saved yet."))
            return
        if not self.confirm_finalise():
            return

        def done(outcome: Outcome | None, error: BaseException | None) -> None:
            if isinstance(error, RenoDeskError):
                self.errors.show(error)
            elif outcome is not None:
                self.open_visit(visit_id)

        self.context.runner.write(lambda ws: finalise_visit(ws, visit_id), done)

    def confirm_finalise(self) -> bool:
        """A final report can no longer be changed (only added to): ask once."""
        answer = QMessageBox.question(
            self, QCoreApplication.translate("VisitsPage", "Make the report final?"),
            QCoreApplication.translate(
                "VisitsPage",
                "After this the report cannot be changed any more. You can still add "
                "an addendum. Make it final now?"),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No)
        return answer == QMessageBox.StandardButton.Yes

    def not_home(self) -> None:
        """One click: visit 'not at home', a contact moment logged, the next step offered."""
        visit_id = self.visit_id
        if visit_id is None:
            return

        def done(outcome: NotHomeOutcome | None, error: BaseException | None) -> None:
            if isinstance(error, RenoDeskError):
                self.errors.show(error)
                return
            if outcome is None:
                return
            advice = not_home_advice(outcome)
            # Shown once the visit is re-read (which clears the editor), whenever that is.
            self._advice = advice
            self.context.notify(advice)
            self.open_visit(visit_id)

        self.context.runner.write(lambda ws: mark_not_home(ws, visit_id), done)

    def _open_profile(self) -> None:
        household_id = self.household_id
        if household_id:
            self.context.navigate("household", household_id)
