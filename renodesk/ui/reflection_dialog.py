"""Review the free text of a household before it goes into an anonymised case summary.

Every passage starts excluded. The coach reads it, edits it where needed and ticks
"Include"; a passage that still holds a name, street, postcode, phone number or
e-mail address is flagged at once and blocks saving until it is edited or left out.
The facts without free text (age band, weeks, vulnerabilities, the timeline and the
outcome) are always in the summary and never name anybody.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QGroupBox,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from renodesk.core import i18n
from renodesk.core.errors import RenoDeskError
from renodesk.core.workspace import Workspace
from renodesk.reports.reflection import (
    CaseFile,
    Passage,
    ReviewedPassage,
    collect_case,
    export_case_summary,
    scrub,
)
from renodesk.ui.pages.base import PageContext
from renodesk.ui.widgets.form import ErrorLabel


@dataclass
class _Review:
    passage: Passage
    include: QCheckBox
    text: QPlainTextEdit
    flag: ErrorLabel


class ReflectionDialog(QDialog):
    """Choose and edit the passages, then save the anonymised PDF."""

    def __init__(self, context: PageContext, household_id: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Case for a reflection meeting"))
        self.setObjectName("reflectionDialog")
        self.context = context
        self.household_id = household_id
        self.case: CaseFile | None = None
        self.reviews: list[_Review] = []
        self.saved_path: Path | None = None

        intro = QLabel(self.tr(
            "The summary shows the age as a band, weeks instead of dates, and no names, "
            "addresses or contact details. Read each text below. Tick <b>Include</b> only for "
            "texts that help the meeting, and remove anything that could identify the tenant, "
            "family or staff."), self)
        intro.setWordWrap(True)
        intro.setTextFormat(Qt.TextFormat.RichText)
        self.facts = QLabel(self)
        self.facts.setWordWrap(True)
        self.host = QWidget(self)
        self.column = QVBoxLayout(self.host)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.host)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.general = ErrorLabel(self)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.save_button: QPushButton = buttons.addButton(
            self.tr("&Save PDF..."), QDialogButtonBox.ButtonRole.AcceptRole)
        self.save_button.setObjectName("saveReflection")
        self.save_button.setEnabled(False)
        self.save_button.clicked.connect(self.choose_file)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.facts)
        layout.addWidget(scroll, 1)
        layout.addWidget(self.general)
        layout.addWidget(buttons)
        self.resize(760, 640)
        context.runner.read(lambda ws: self._collect(ws, household_id), self._loaded)

    @staticmethod
    def _collect(ws: Workspace, household_id: str) -> CaseFile:
        with ws.engine.connect() as conn:
            return collect_case(conn, household_id)

    def _loaded(self, case: CaseFile | None, error: BaseException | None) -> None:
        if case is None:
            self.general.say(str(error))
            return
        self.case = case
        self.facts.setText(self.tr("Always included: age band, %1 over %2, %3 and the outcome.")
                           .replace("%1", self.tr("%n event(s)", "", len(case.events)))
                           .replace("%2", self.tr("%n week(s)", "", case.weeks))
                           .replace("%3", self.tr("%n agreement(s)", "", len(case.adjustments))))
        if not case.passages:
            self.column.addWidget(QLabel(self.tr("There is no free text to review."), self.host))
        for passage in case.passages:
            self.reviews.append(self._passage(passage))
        self.column.addStretch(1)
        self.save_button.setEnabled(True)

    def _passage(self, passage: Passage) -> _Review:
        box = QGroupBox(passage.label(), self.host)
        column = QVBoxLayout(box)
        include = QCheckBox(self.tr("Include"), box)
        include.setAccessibleName(self.tr("Include: %1").replace("%1", passage.label()))
        text = QPlainTextEdit(passage.text, box)
        text.setAccessibleName(passage.label())
        text.setTabChangesFocus(True)
        lines = min(6, max(2, passage.text.count("\n") + 1 + len(passage.text) // 90))
        text.setFixedHeight(text.fontMetrics().lineSpacing() * lines + 14)
        flag = ErrorLabel(box)
        column.addWidget(include)
        column.addWidget(text)
        column.addWidget(flag)
        self.column.addWidget(box)
        review = _Review(passage, include, text, flag)
        include.toggled.connect(lambda _on: self._check(review))
        text.textChanged.connect(lambda: self._check(review))
        self._check(review)
        return review

    def _check(self, review: _Review) -> None:
        if self.case is None:
            return
        hits = scrub(review.text.toPlainText(), self.case.identifiers)
        if hits:
            review.flag.say(self.tr("Still identifies someone: %1. Edit the text or leave it "
                                    "out.").replace("%1", ", ".join(hits)))
        else:
            review.flag.say("")
        blocked = any(r.include.isChecked() and r.flag.text() for r in self.reviews)
        self.save_button.setEnabled(not blocked)

    def reviewed(self) -> list[ReviewedPassage]:
        """The passages ticked for inclusion, as edited."""
        return [ReviewedPassage(r.passage.key, r.text.toPlainText())
                for r in self.reviews if r.include.isChecked()]

    def choose_file(self) -> None:
        path, _filter = QFileDialog.getSaveFileName(
            self, self.tr("Save case summary"), self.tr("case-for-reflection.pdf"),
            self.tr("PDF files (*.pdf)"))
        if path:
            self.save_to(Path(path))

    def save_to(self, path: Path) -> None:
        """Render the summary with the reviewed passages and write it to ``path``."""
        reviewed = self.reviewed()
        household_id = self.household_id
        lang = i18n.language()

        def work(ws: Workspace) -> Path:
            path.write_bytes(export_case_summary(ws, household_id, reviewed, lang))
            return path

        def done(written: Path | None, error: BaseException | None) -> None:
            if isinstance(error, (RenoDeskError, OSError)):
                self.general.say(error.message() if isinstance(error, RenoDeskError)
                                 else self.tr("The file could not be saved: %1")
                                 .replace("%1", str(error)))
                return
            if error is not None:
                raise error
            self.saved_path = written
            self.context.notify(self.tr("The case summary is saved."))
            self.accept()

        self.context.runner.read(work, done)
