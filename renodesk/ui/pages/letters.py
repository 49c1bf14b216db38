"""Brieven: the letters made (newest first), their pages, reprint and save, and how each
reached the tenant; batch letters for a whole project or a filtered selection, with a
progress bar and cancel."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from renodesk.core.enums import Delivery, LetterKind, Stance
from renodesk.core.errors import RenoDeskError
from renodesk.core.letter_delivery import suggested_delivery
from renodesk.core.letters import LetterRow, MadeBatch
from renodesk.core.workspace import Change, Workspace
from renodesk.ui.letter_delivery import DeliveryButton, DeliveryChoice
from renodesk.ui.letter_dialog import PdfPreview, kind_combo, print_pdf, save_pdf
from renodesk.ui.pages.base import Page, PageContext
from renodesk.ui.worker import Job, run_with_progress


class BatchDialog(QDialog):
    """Which letters for which households: a project, optionally narrowed by a filter."""

    def __init__(self, projects: Sequence[tuple[str, str]], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Batch letters"))
        self.project = QComboBox(self)
        self.project.setObjectName("batchProject")
        for project_id, name in projects:
            self.project.addItem(name, project_id)
        self.kind = kind_combo(self, list(LetterKind))
        self.kind.setObjectName("batchKind")
        self.stance = QComboBox(self)
        self.stance.setObjectName("batchStance")
        self.stance.addItem(self.tr("Every household"), None)
        for stance in Stance:
            self.stance.addItem(stance.label(), stance.value)
        self.open_actions = QCheckBox(self.tr("Only households with open actions"), self)
        self.delivery = DeliveryChoice(self, "batchDelivery")
        self.kind.currentIndexChanged.connect(self._suggest_delivery)
        self._suggest_delivery()
        form = QFormLayout(self)
        form.addRow(self.tr("Project"), self.project)
        form.addRow(self.tr("Kind of letter"), self.kind)
        form.addRow(self.tr("Delivery"), self.delivery)
        form.addRow(self.tr("Stance on the proposal"), self.stance)
        form.addRow("", self.open_actions)
        note = QLabel(self.tr("Households without the visit a letter is about, or that "
                              "moved out or died in the meantime, are skipped and named. "
                              "Each letter is kept with its household."), self)
        note.setWordWrap(True)
        form.addRow(note)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Make letters"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def _suggest_delivery(self) -> None:
        """A batch goes out together: cards through the door, the other kinds by post."""
        self.delivery.suggest(suggested_delivery(LetterKind(self.kind.currentData())))


class LettersPage(Page):
    key = "letters"
    icon = "letters"
    commands = frozenset({"print", "refresh"})

    COLUMNS = 8
    MADE_ON, HOUSEHOLD, ADDRESS, KIND, LANGUAGE, MADE_BY, ADDRESSED_TO, DELIVERY = range(8)
    #: The order on screen: which letter and how it went out first, so a window whose right
    #: half is the preview still shows them; the columns keep their numbers.
    ON_SCREEN = (MADE_ON, HOUSEHOLD, KIND, DELIVERY, ADDRESS, LANGUAGE, MADE_BY, ADDRESSED_TO)

    def __init__(self, context: PageContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.rows: list[LetterRow] = []
        self.current_pdf: bytes | None = None
        self.current_name = ""
        self.last_batch: MadeBatch | None = None
        self.table = QTableWidget(0, self.COLUMNS, self)
        self.table.setObjectName("letterTable")
        self.table.setAccessibleName(self.tr("Letters made"))
        self.table.setHorizontalHeaderLabels([
            self.tr("Made on"), self.tr("Household"), self.tr("Address"), self.tr("Kind"),
            self.tr("Language"), self.tr("Made by"), self.tr("Addressed to"),
            self.tr("Delivery")])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.setAlternatingRowColors(True)
        self.table.setShowGrid(False)
        self.table.setWordWrap(False)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.horizontalHeader().setStretchLastSection(True)
        for column, width in enumerate((115, 135, 110, 160, 50, 110, 130, 160)):
            self.table.setColumnWidth(column, width)
        header = self.table.horizontalHeader()
        for place, column in enumerate(self.ON_SCREEN):
            header.moveSection(header.visualIndex(column), place)
        self.table.itemSelectionChanged.connect(self.show_selected)
        self.count = QLabel(self)
        self.batch_button = QPushButton(self.tr("&Batch letters..."), self)
        self.batch_button.setObjectName("batchLetters")
        self.batch_button.clicked.connect(self.ask_batch)
        self.print_button = QPushButton(self.tr("&Print..."), self)
        self.print_button.setObjectName("printLetter")
        self.print_button.clicked.connect(self.print_current)
        self.save_button = QPushButton(self.tr("Save as &PDF..."), self)
        self.save_button.setObjectName("saveLetter")
        self.save_button.clicked.connect(self.save_current)
        self.delivery_button = DeliveryButton(self)
        self.delivery_button.chosen.connect(self.change_delivery)
        self.message = QLabel(self)
        self.message.setObjectName("lettersMessage")
        self.message.setWordWrap(True)
        self.preview = PdfPreview(self, width=420)
        self.preview.setAccessibleName(self.tr("Preview of the letter"))

        top = QHBoxLayout()
        top.addWidget(self.count, 1)
        top.addWidget(self.batch_button)
        left = QWidget(self)
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addLayout(top)
        left_layout.addWidget(self.table, 1)
        left_layout.addWidget(self.message)
        right = QWidget(self)
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        buttons = QHBoxLayout()
        buttons.addWidget(self.print_button)
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.delivery_button)
        buttons.addStretch(1)
        right_layout.addLayout(buttons)
        right_layout.addWidget(self.preview, 1)
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setSizes([860, 520])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        layout.addWidget(splitter)
        self._enable(False)

    @classmethod
    def title(cls) -> str:
        return QCoreApplication.translate("LettersPage", "Letters")

    # -- the list ------------------------------------------------------------------
    def load(self, argument: Any = None) -> None:
        from renodesk.core.letters import letter_rows

        def work(ws: Workspace) -> list[LetterRow]:
            with ws.engine.connect() as conn:
                return letter_rows(conn)

        self.context.runner.read(work, lambda rows, _error: self._fill(rows or []))

    def _fill(self, rows: list[LetterRow]) -> None:
        selected = self.selected()
        self.rows = rows
        self.table.setRowCount(len(rows))
        for number, row in enumerate(rows):
            kind = LetterKind(row.kind).label()
            if row.large_print:
                kind += " " + self.tr("(large print)")
            values = (row.created_at.strftime("%d-%m-%Y %H:%M"), row.household_name,
                      row.address, kind, row.language.upper(), row.created_by,
                      row.addressed_to or self.tr("The household"),
                      Delivery(row.delivery).label())
            items = [QTableWidgetItem(value) for value in values]
            for column, item in enumerate(items):
                item.setData(Qt.ItemDataRole.UserRole, row.id)
                self.table.setItem(number, column, item)
            if row.addressed_to:
                items[self.ADDRESSED_TO].setToolTip(
                    self.tr("Contact person %1").replace("%1", row.addressed_to))
        self._keep_selected(selected.id if selected is not None else None)
        self.count.setText(self.tr("%n letter(s) made", "", len(rows)))
        hint = self.tr("No letters yet. Open a household and choose 'Make letter...', or "
                       "make letters for a whole group with 'Batch letters...'.")
        if not rows:
            self.message.setText(hint)
        elif self.message.text() == hint:
            self.message.clear()

    def on_changes(self, changes: Sequence[Change]) -> None:
        if any(change.entity == "letter" for change in changes):
            self.load()

    def run_command(self, name: str) -> None:
        if name == "print":
            self.print_current()
        elif name == "refresh":
            self.load()

    def _keep_selected(self, letter_id: str | None) -> None:
        """After a reload the same letter stays selected (new letters come in on top),
        without reading its pages again; a letter that is gone (erased) leaves the preview."""
        number = next((n for n, row in enumerate(self.rows) if row.id == letter_id), None)
        model = self.table.selectionModel()
        model.blockSignals(True)
        self.table.clearSelection()
        if number is not None:
            self.table.selectRow(number)
        model.blockSignals(False)
        self.table.viewport().update()
        if letter_id is not None and number is None:
            self.current_pdf = None
            self.preview.show_pdf(None)
            self._enable(False)
        current = self.selected()
        self.delivery_button.show_delivery(current.delivery if current else None)

    # -- one letter ------------------------------------------------------------------
    def selected(self) -> LetterRow | None:
        rows = self.table.selectionModel().selectedRows()
        return self.rows[rows[0].row()] if rows and rows[0].row() < len(self.rows) else None

    def show_selected(self) -> None:
        """Show the kept pages of the selected letter (viewing is not printing)."""
        from sqlalchemy import select

        from renodesk.storage.models import Letter

        row = self.selected()
        self.delivery_button.show_delivery(row.delivery if row else None)
        if row is None:
            return

        def work(ws: Workspace) -> bytes:
            with ws.engine.connect() as conn:
                return bytes(conn.execute(select(Letter.pdf).where(Letter.id == row.id))
                             .scalar_one())

        def shown(pdf: bytes | None, error: BaseException | None) -> None:
            self.current_pdf = pdf
            self.current_name = f"{row.household_name} - {LetterKind(row.kind).label()}.pdf"
            self.preview.show_pdf(pdf)
            self._enable(pdf is not None)

        self.context.runner.read(work, shown)

    def _enable(self, on: bool) -> None:
        self.print_button.setEnabled(on)
        self.save_button.setEnabled(on)

    def _reprinted(self, then: Any) -> None:
        """A kept letter printed or saved again is audited as a print; a batch just made
        was audited when it was made."""
        from renodesk.core.letters import reprint

        row = self.selected()
        if self.last_batch is not None and self.current_pdf == self.last_batch.pdf:
            then(self.current_pdf)
        elif row is not None:
            def reprinted(pdf: bytes | None, _error: BaseException | None) -> None:
                if pdf is not None:
                    then(pdf)

            self.context.runner.read(lambda ws: reprint(ws, row.id), reprinted)

    def print_current(self) -> None:
        self._reprinted(lambda pdf: print_pdf(self, pdf))

    def save_current(self) -> None:
        self._reprinted(lambda pdf: save_pdf(self, pdf, self.current_name))

    def change_delivery(self, code: str) -> None:
        """Record how the selected letter reached the tenant (the list then reloads)."""
        from renodesk.core.letter_delivery import change_delivery

        row = self.selected()
        if row is None:
            return

        def changed(_change: Change | None, error: BaseException | None) -> None:
            if error is not None:
                self.message.setText(error.message() if isinstance(error, RenoDeskError)
                                     else self.tr("The delivery could not be recorded."))
                self.delivery_button.show_delivery(row.delivery)
                return
            self.message.setText(self.tr("Recorded for %1: %2.").replace(
                "%1", row.household_name).replace("%2", Delivery(code).label()))

        self.context.runner.write(lambda ws: change_delivery(ws, row.id, code), changed)

    # -- batches ---------------------------------------------------------------------
    def ask_batch(self) -> None:
        from renodesk.core.queries.projects import project_rows

        def work(ws: Workspace) -> list[tuple[str, str]]:
            with ws.engine.connect() as conn:
                return [(p.id, f"{p.name} ({p.code})") for p in project_rows(conn)]

        def chosen(projects: list[tuple[str, str]] | None, _error: BaseException | None) -> None:
            dialog = BatchDialog(projects or [], self)
            if dialog.exec() == QDialog.DialogCode.Accepted and dialog.project.count():
                self.run_batch(str(dialog.project.currentData()),
                               LetterKind(dialog.kind.currentData()),
                               dialog.stance.currentData(), dialog.open_actions.isChecked(),
                               dialog.delivery.delivery())

        self.context.runner.read(work, chosen)

    def run_batch(self, project_id: str, kind: LetterKind, stance: str | None = None,
                  open_actions: bool = False,
                  delivery: Delivery | None = None) -> Job[MadeBatch]:
        """Make the letters in the background with a progress bar and a Cancel button."""
        from renodesk.core.letters import make_batch, workspace_templates
        from renodesk.core.queries.households import HouseholdFilter, household_ids

        def work(ws: Workspace, job: Job[MadeBatch]) -> MadeBatch:
            with ws.engine.connect() as conn:
                ids = household_ids(conn, HouseholdFilter(project_id=project_id, stance=stance,
                                                          open_actions=open_actions))

            def progress(done: int, total: int) -> bool:
                job.report(done, total)
                return not job.cancelled

            return make_batch(ws, kind, ids, progress, workspace_templates(ws),
                              delivery=delivery)

        return run_with_progress(self.context.runner, self, self.tr("Making letters..."),
                                 work, self._batch_done, writes=True)

    def _batch_done(self, batch: MadeBatch | None, error: BaseException | None) -> None:
        if batch is None:
            self.message.setText(error.message() if isinstance(error, RenoDeskError)
                                 else self.tr("The letters could not be made."))
            return
        self.last_batch = batch
        self.current_pdf = batch.pdf
        self.current_name = self.tr("letters.pdf")
        self.table.clearSelection()
        self.preview.show_pdf(batch.pdf)
        self._enable(True)
        text = self.tr("%n letter(s) made and kept; print or save them on the right.", "",
                       len(batch.letter_ids))
        if batch.skipped_without_visit():
            text += " " + self.tr("Skipped (no suitable visit): %1").replace(
                "%1", ", ".join(batch.skipped_without_visit()))
        for skipped in batch.skipped_otherwise():
            text += "\n" + self.tr("Skipped: %1").replace("%1", skipped.message())
        self.message.setText(text)
        self.context.notify(text)


PAGE = LettersPage
