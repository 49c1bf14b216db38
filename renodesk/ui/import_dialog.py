"""Importing a tenant list: check the columns, look at the rows, see what is wrong, import.

The file is read in the background; the columns are matched on their headers and the
person corrects any guess with one drop-down per field while the preview follows.
"Check" lists every row that would be rejected with its row number and reason;
"Import" writes the good rows with a progress bar and a Cancel button (a cancelled
import leaves nothing written).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from renodesk.core.i18n import t
from renodesk.reports.import_source import (
    FIELDS,
    REQUIRED_FIELDS,
    Mapping,
    SourceTable,
    guess_mapping,
    missing_fields,
    read_source,
)
from renodesk.reports.importer import ImportPlan, ImportResult, import_households, plan_import
from renodesk.ui.worker import Cancelled, Job, Runner, run_with_progress

if TYPE_CHECKING:
    from renodesk.core.workspace import Workspace

#: Rows shown in the preview.
PREVIEW_ROWS = 30


class ImportDialog(QDialog):
    """Import one tenant list into one project."""

    def __init__(self, runner: Runner, path: Path, project_id: str, project_name: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.runner = runner
        self.path = path
        self.project_id = project_id
        self.source: SourceTable | None = None
        self.plan: ImportPlan | None = None
        self.outcome: ImportResult | None = None
        self.job: Job[ImportResult] | None = None
        self.setObjectName("importDialog")
        self.setWindowTitle(self.tr("Import tenant list"))
        self.resize(1100, 720)

        self.file_label = QLabel(self.tr("Reading %1…").replace("%1", path.name), self)
        self.file_label.setObjectName("importFile")
        self.file_label.setWordWrap(True)
        target = QLabel(self.tr("Into project: %1").replace("%1", project_name), self)

        self.combos: dict[str, QComboBox] = {}
        mapping_box = QGroupBox(self.tr("Which column holds what?"), self)
        form = QFormLayout(mapping_box)
        for fld in FIELDS:
            combo = QComboBox(mapping_box)
            combo.setObjectName(f"map-{fld}")
            label = t(f"import.field.{fld}") + (" *" if fld in REQUIRED_FIELDS else "")
            combo.setAccessibleName(label)
            combo.currentIndexChanged.connect(lambda _i: self._mapping_changed())
            self.combos[fld] = combo
            form.addRow(label, combo)
        hint = QLabel(self.tr("* required. A street column with the number in it "
                              "(Merelstraat 12 A) is split automatically."), mapping_box)
        hint.setWordWrap(True)
        form.addRow(hint)

        self.preview = QTableWidget(self)
        self.preview.setObjectName("importPreview")
        self.preview.setAccessibleName(self.tr("Preview"))
        self.preview.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.preview.verticalHeader().setVisible(True)
        preview_box = QGroupBox(self.tr("Preview (first rows)"), self)
        QVBoxLayout(preview_box).addWidget(self.preview)

        self.summary = QLabel(self.tr("Check the columns, then press Check."), self)
        self.summary.setObjectName("importSummary")
        self.summary.setWordWrap(True)
        self.report = QListWidget(self)
        self.report.setObjectName("importReport")
        self.report.setAccessibleName(self.tr("Rejected rows"))

        self.check_button = QPushButton(self.tr("Check"), self)
        self.check_button.setObjectName("importCheck")
        self.import_button = QPushButton(self.tr("Import"), self)
        self.import_button.setObjectName("importRun")
        self.import_button.setEnabled(False)
        self.check_button.setEnabled(False)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.addButton(self.check_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.import_button, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.rejected.connect(self.reject)
        self.check_button.clicked.connect(self.check)
        self.import_button.clicked.connect(self.run_import)

        middle = QHBoxLayout()
        middle.addWidget(mapping_box, 1)
        middle.addWidget(preview_box, 3)
        layout = QVBoxLayout(self)
        layout.addWidget(self.file_label)
        layout.addWidget(target)
        layout.addLayout(middle, 3)
        layout.addWidget(self.summary)
        layout.addWidget(self.report, 1)
        layout.addWidget(buttons)

        self.runner.call(lambda: read_source(path), self._read)

    # -- the file ----------------------------------------------------------------
    def _read(self, source: SourceTable | None, error: BaseException | None) -> None:
        if source is None:
            self.file_label.setText(str(error))
            self.file_label.setProperty("error", True)
            self.summary.setText(self.tr("Nothing was imported."))
            return
        self.source = source
        detail = (self.tr("CSV, separator “%1”, %2").replace("%1", source.delimiter)
                  .replace("%2", source.encoding) if source.kind == "csv" else "Excel")
        self.file_label.setText(self.tr("%1: %n row(s) with data (%2), headers on row %3", "",
                                        len(source.rows))
                                .replace("%1", self.path.name).replace("%2", detail)
                                .replace("%3", str(source.header_row)))
        guessed = guess_mapping(source.headers)
        for fld, combo in self.combos.items():
            combo.blockSignals(True)
            combo.clear()
            combo.addItem(self.tr("(not in the file)"), None)
            for column, header in enumerate(source.headers):
                combo.addItem(header, column)
            if fld in guessed:
                combo.setCurrentIndex(guessed[fld] + 1)
            combo.blockSignals(False)
        self._mapping_changed()

    def mapping(self) -> Mapping:
        return {fld: int(combo.currentData()) for fld, combo in self.combos.items()
                if combo.currentData() is not None}

    def set_column(self, fld: str, header: str) -> None:
        """Choose the column with ``header`` for ``fld`` (what the person does in the list)."""
        combo = self.combos[fld]
        combo.setCurrentIndex(combo.findText(header))

    def _mapping_changed(self) -> None:
        self.plan = None
        self.import_button.setEnabled(False)
        self.report.clear()
        if self.source is None:
            return
        mapping = self.mapping()
        missing = missing_fields(mapping)
        self.check_button.setEnabled(not missing)
        if missing:
            self.summary.setText(t("import.error.unmapped", fields=", ".join(
                t(f"import.field.{f}") for f in missing)))
        else:
            self.summary.setText(self.tr("Check the columns, then press Check."))
        self._fill_preview(mapping)

    def _fill_preview(self, mapping: Mapping) -> None:
        assert self.source is not None
        shown = [f for f in FIELDS if f in mapping]
        rows = self.source.rows[:PREVIEW_ROWS]
        self.preview.clear()
        self.preview.setColumnCount(len(shown))
        self.preview.setRowCount(len(rows))
        self.preview.setHorizontalHeaderLabels([t(f"import.field.{f}") for f in shown])
        self.preview.setVerticalHeaderLabels([str(r.number) for r in rows])
        for row_index, row in enumerate(rows):
            for column, fld in enumerate(shown):
                self.preview.setItem(row_index, column, QTableWidgetItem(row.get(mapping[fld])))
        self.preview.resizeColumnsToContents()

    # -- check and import ------------------------------------------------------------
    def check(self) -> None:
        source, mapping = self.source, self.mapping()
        if source is None:
            return

        def work(ws: Workspace) -> ImportPlan:
            with ws.engine.connect() as conn:
                return plan_import(conn, source, mapping, self.project_id)

        self.check_button.setEnabled(False)
        self.runner.read(work, self._checked)

    def _checked(self, plan: ImportPlan | None, error: BaseException | None) -> None:
        self.check_button.setEnabled(True)
        self.report.clear()
        if plan is None:
            self.summary.setText(str(error))
            return
        self.plan = plan
        self.summary.setText(
            self.tr("%1 new, %2 to update, %3 unchanged, %4 rejected.")
            .replace("%1", str(plan.to_create)).replace("%2", str(plan.to_update))
            .replace("%3", str(plan.unchanged)).replace("%4", str(len(plan.rejected))))
        self.report.addItems(plan.report())
        self.import_button.setEnabled(plan.to_create + plan.to_update > 0)

    def run_import(self) -> None:
        source, mapping = self.source, self.mapping()
        if source is None or self.plan is None:
            return

        def work(ws: Workspace, job: Job[ImportResult]) -> ImportResult:
            return import_households(ws, source, mapping, self.project_id,
                                     progress=lambda done, total: job.report(done, total),
                                     check=job.check)

        self.import_button.setEnabled(False)
        self.check_button.setEnabled(False)
        self.job = run_with_progress(self.runner, self, self.tr("Importing the tenant list…"),
                                     work, self._imported, writes=True)

    def _imported(self, result: ImportResult | None, error: BaseException | None) -> None:
        self.check_button.setEnabled(True)
        if result is None:
            if isinstance(error, Cancelled):
                self.summary.setText(self.tr("Import stopped. Nothing was saved."))
            else:
                self.summary.setText(str(error))
            return
        self.outcome = result
        self.plan = None
        self.summary.setText(
            self.tr("Done: %1 new, %2 updated, %3 unchanged, %4 rejected.")
            .replace("%1", str(result.created)).replace("%2", str(result.updated))
            .replace("%3", str(result.unchanged)).replace("%4", str(len(result.rejected))))
