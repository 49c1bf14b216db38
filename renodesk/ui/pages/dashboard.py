"""Projectoverzicht: one project at a glance for the project leader, with charts.

Clicking a bar lists the households behind it beside the charts; opening one shows
the household's profile. From here the project leader imports a tenant list, saves
the project report (PDF) or the dwelling sheet (Excel), and exports the anonymised
what-works figures.
"""

from __future__ import annotations

import html
import math
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCharts import (
    QBarCategoryAxis,
    QBarSet,
    QChart,
    QChartView,
    QHorizontalStackedBarSeries,
    QValueAxis,
)
from PySide6.QtCore import QCoreApplication, QMargins, QModelIndex, Qt
from PySide6.QtGui import QColor, QPainter
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from renodesk.core.queries.households import household_rows
from renodesk.core.queries.projects import ProjectRow, project_rows
from renodesk.reports.dashboard import (
    Bucket,
    ProjectDashboard,
    bucket_household_ids,
    project_dashboard,
)
from renodesk.reports.project_report import COLOURS, Chart, charts, key_figures
from renodesk.ui.models.base import ID_ROLE
from renodesk.ui.models.records import HouseholdTableModel
from renodesk.ui.pages.base import Page, PageContext
from renodesk.ui.pages.records_kit import lazy_loader, table

if TYPE_CHECKING:
    from renodesk.core.workspace import Change, Workspace


@dataclass(frozen=True)
class Overview:
    dashboard: ProjectDashboard
    charts: list[Chart]
    figures: list[tuple[str, str]]


def overview(ws: Workspace, project_id: str) -> Overview:
    with ws.engine.connect() as conn:
        d = project_dashboard(conn, project_id)
    return Overview(d, charts(d), key_figures(d))


class ChartView(QChartView):
    """One horizontal bar chart; a click on a bar reports the bar's bucket."""

    def __init__(self, chart: Chart, on_bar: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.data = chart
        self.setObjectName(f"chart-{chart.key}")
        self.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.setMinimumHeight(150 + 22 * len(chart.bars))
        qchart = QChart()
        title = chart.title + (f" — {chart.marker_label}" if chart.marker_label else "")
        # The marker's words go on a line of their own: beside the title they were cut off.
        qchart.setTitle(html.escape(chart.title) + (f"<br>{html.escape(chart.marker_label)}"
                                                    if chart.marker_label else ""))
        self.setAccessibleName(title)
        qchart.legend().hide()
        qchart.setAnimationOptions(QChart.AnimationOption.NoAnimation)
        qchart.setMargins(QMargins(4, 4, 4, 4))
        series = QHorizontalStackedBarSeries()
        self.sets: list[QBarSet] = []
        # One set per bar so each bar keeps its own colour (the others are zero there).
        # Qt stacks categories from the bottom up; reversed, the first bar is on top.
        count = len(chart.bars)
        for index, bar in enumerate(chart.bars):
            position = count - 1 - index
            bar_set = QBarSet(bar.label)
            bar_set.append([bar.value if i == position else 0 for i in range(count)])
            bar_set.setColor(QColor(COLOURS[bar.colour]))
            bar_set.setBorderColor(QColor(COLOURS[bar.colour]))
            bucket = chart.buckets[index] if index < len(chart.buckets) else None
            bar_set.clicked.connect(lambda _i, b=bucket, label=bar.label: on_bar(b, label))
            series.append(bar_set)
            self.sets.append(bar_set)
        series.setLabelsVisible(False)
        qchart.addSeries(series)
        categories = QBarCategoryAxis()
        categories.append([bar.label for bar in reversed(chart.bars)])
        values = QValueAxis()
        top = max([b.value for b in chart.bars] + [math.ceil(chart.marker or 0), 1])
        step = _nice_step(top)
        values.setRange(0, math.ceil(top / step) * step)
        values.setLabelFormat("%d")
        values.setTickType(QValueAxis.TickType.TicksDynamic)
        values.setTickAnchor(0)
        values.setTickInterval(step)
        qchart.addAxis(categories, Qt.AlignmentFlag.AlignLeft)
        qchart.addAxis(values, Qt.AlignmentFlag.AlignBottom)
        series.attachAxis(categories)
        series.attachAxis(values)
        self.setChart(qchart)

    def click_bar(self, index: int) -> None:
        """Act as if the ``index``-th bar (from the top) was clicked."""
        self.sets[index].clicked.emit(len(self.sets) - 1 - index)


def _nice_step(top: float) -> int:
    """A whole-number tick step giving at most about six ticks: 1, 2, 5, 10, 20, 50, ..."""
    step = 1
    while top / step > 6:
        for factor in (2, 2.5, 2):
            step = int(step * factor)
            if top / step <= 6:
                break
    return step


class DashboardPage(Page):
    key = "dashboard"
    icon = "dashboard"
    commands = frozenset({"refresh"})
    WATCHED = frozenset({"household", "dwelling", "visit", "adjustment", "action",
                         "contact_moment", "vulnerability", "project", "legal_figure"})

    def __init__(self, context: PageContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self._projects_loaded = False
        self._generation = 0
        self.current: Overview | None = None
        self.project = QComboBox(self)
        self.project.setObjectName("dashboardProject")
        self.project.setAccessibleName(self.tr("Project"))
        self.project.setMinimumWidth(260)
        self.import_button = QPushButton(self.tr("Import tenant list…"), self)
        self.pdf_button = QPushButton(self.tr("Project report (PDF)…"), self)
        self.xlsx_button = QPushButton(self.tr("Per dwelling (Excel)…"), self)
        self.works_button = QPushButton(self.tr("What works (anonymised)…"), self)
        self.works_button.setToolTip(self.tr(
            "Figures across all projects without names or small groups, to share with others"))
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Project:"), self))
        top.addWidget(self.project)
        top.addStretch(1)
        for button in (self.import_button, self.pdf_button, self.xlsx_button,
                       self.works_button):
            top.addWidget(button)

        self.figures = QFormLayout()
        figures_box = QWidget(self)
        figures_box.setObjectName("dashboardFigures")
        figures_box.setLayout(self.figures)
        self.charts_box = QWidget(self)
        self.charts_grid = QGridLayout(self.charts_box)
        self.chart_views: dict[str, ChartView] = {}
        inner = QWidget(self)
        inner_layout = QVBoxLayout(inner)
        inner_layout.addWidget(figures_box)
        inner_layout.addWidget(self.charts_box)
        inner_layout.addStretch(1)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setWidget(inner)
        scroll.setMinimumWidth(560)

        self.list_title = QLabel(self.tr("Click a bar to see the households behind it."), self)
        self.list_title.setObjectName("dashboardListTitle")
        self.list_title.setWordWrap(True)
        self.model = HouseholdTableModel(lazy_loader(context.runner, household_rows))
        self.view = table(self, self.model, self.tr("Households behind the bar"),
                          HouseholdTableModel.NAME)
        self.view.setObjectName("dashboardHouseholds")
        # Beside the charts only who and where matter; the full list is one click away.
        for column in (HouseholdTableModel.POSTCODE, HouseholdTableModel.CITY,
                       HouseholdTableModel.PROJECT, HouseholdTableModel.OPEN_ACTIONS,
                       HouseholdTableModel.LAST_CONTACT):
            self.view.setColumnHidden(column, True)
        self.view.horizontalHeader().resizeSection(HouseholdTableModel.ADDRESS, 130)
        self.view.horizontalHeader().resizeSection(HouseholdTableModel.STANCE, 100)
        self.view.activated.connect(self._open)
        self.view.doubleClicked.connect(self._open)
        side = QWidget(self)
        side_layout = QVBoxLayout(side)
        side_layout.setContentsMargins(0, 0, 0, 0)
        side_layout.addWidget(self.list_title)
        side_layout.addWidget(self.view, 1)
        splitter = QSplitter(self)
        splitter.addWidget(scroll)
        splitter.addWidget(side)
        splitter.setChildrenCollapsible(False)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setSizes([900, 500])

        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        layout.addLayout(top)
        layout.addWidget(splitter, 1)

        self.project.currentIndexChanged.connect(lambda _i: self.refresh())
        self.import_button.clicked.connect(self.import_tenant_list)
        self.pdf_button.clicked.connect(lambda: self.save_report("pdf"))
        self.xlsx_button.clicked.connect(lambda: self.save_report("xlsx"))
        self.works_button.clicked.connect(self.export_what_works)

    @classmethod
    def title(cls) -> str:
        return QCoreApplication.translate("DashboardPage", "Project overview")

    @property
    def project_id(self) -> str | None:
        value = self.project.currentData()
        return str(value) if value else None

    # -- loading ---------------------------------------------------------------
    def load(self, argument: Any = None) -> None:
        if not self._projects_loaded:
            self._projects_loaded = True
            wanted = argument if isinstance(argument, str) else None
            self.context.runner.read(_projects, lambda rows, error: self._show_projects(
                rows, error, wanted))
            return
        if isinstance(argument, str):
            index = self.project.findData(argument)
            if index >= 0 and index != self.project.currentIndex():
                self.project.setCurrentIndex(index)  # refreshes
                return
        self.refresh()

    def _show_projects(self, rows: Sequence[ProjectRow] | None, error: BaseException | None,
                       wanted: str | None) -> None:
        if rows is None:
            self.context.notify(str(error))
            return
        self.project.blockSignals(True)
        self.project.clear()
        for row in rows:
            self.project.addItem(f"{row.code} {row.name}", row.id)
        if wanted and self.project.findData(wanted) >= 0:
            self.project.setCurrentIndex(self.project.findData(wanted))
        self.project.blockSignals(False)
        has_project = self.project.count() > 0
        for button in (self.import_button, self.pdf_button, self.xlsx_button):
            button.setEnabled(has_project)
        if not has_project:
            self.list_title.setText(self.tr("There are no projects yet."))
        self.refresh()

    def refresh(self) -> None:
        project_id = self.project_id
        if project_id is None:
            return
        self._generation += 1
        generation = self._generation

        def shown(result: Overview | None, error: BaseException | None) -> None:
            if generation != self._generation:
                return
            if result is None:
                self.context.notify(str(error))
                return
            self._show(result)

        self.context.runner.read(lambda ws: overview(ws, project_id), shown)

    def _show(self, result: Overview) -> None:
        self.current = result
        while self.figures.rowCount():
            self.figures.removeRow(0)
        for label, value in result.figures:
            shown = QLabel(value, self)
            shown.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            self.figures.addRow(label + ":", shown)
        for view in self.chart_views.values():
            self.charts_grid.removeWidget(view)
            view.deleteLater()
        self.chart_views = {}
        for index, chart in enumerate(result.charts):
            view = ChartView(chart, self.show_bucket, self.charts_box)
            self.chart_views[chart.key] = view
            self.charts_grid.addWidget(view, index // 2, index % 2)
        self.model.set_ids([], [])
        self.list_title.setText(self.tr("Click a bar to see the households behind it."))

    # -- a click on a bar --------------------------------------------------------
    def show_bucket(self, bucket: Bucket | None, label: str) -> None:
        project_id = self.project_id
        if bucket is None or project_id is None:
            return

        def shown(result: tuple[list[str], list[Any]] | None, error: BaseException | None) -> None:
            if result is None:
                self.context.notify(str(error))
                return
            ids, first = result
            self.model.set_ids(ids, first)
            self.list_title.setText(self.tr("%1: %n household(s)", "", len(ids))
                                    .replace("%1", label))

        def work(ws: Workspace) -> tuple[list[str], list[Any]]:
            with ws.engine.connect() as conn:
                ids = bucket_household_ids(conn, project_id, bucket)
                return ids, household_rows(conn, ids[:200])

        self.context.runner.read(work, shown)

    def _open(self, index: QModelIndex) -> None:
        household_id = index.data(ID_ROLE)
        if household_id:
            self.context.navigate("household", household_id)

    # -- files ---------------------------------------------------------------------
    def import_tenant_list(self) -> None:
        from renodesk.ui.import_dialog import ImportDialog

        project_id = self.project_id
        if project_id is None:
            return
        path, _filter = QFileDialog.getOpenFileName(
            self, self.tr("Choose a tenant list"), str(Path.home()),
            self.tr("Spreadsheets (*.xlsx *.csv *.txt);;All files (*)"))
        if path:
            dialog = ImportDialog(self.context.runner, Path(path), project_id,
                                  self.project.currentText(), self)
            dialog.open()

    def save_report(self, kind: str) -> None:
        from renodesk.reports.project_report import export_project_report

        project_id = self.project_id
        if project_id is None or self.current is None:
            return
        suggested = Path.home() / f"{self.current.dashboard.code}.{kind}"
        name_filter = self.tr("PDF (*.pdf)") if kind == "pdf" else self.tr("Excel (*.xlsx)")
        path, _filter = QFileDialog.getSaveFileName(self, self.tr("Save report"),
                                                    str(suggested), name_filter)
        if not path:
            return
        out = Path(path) if path.lower().endswith(f".{kind}") else Path(f"{path}.{kind}")
        self.context.runner.read(
            lambda ws: export_project_report(ws, project_id, out),
            lambda result, error: self.context.notify(
                self.tr("Saved: %1").replace("%1", str(result)) if result else str(error)))

    def export_what_works(self) -> None:
        from renodesk.reports.what_works import export_what_works

        path, _filter = QFileDialog.getSaveFileName(
            self, self.tr("Save what works"), str(Path.home() / "wat-werkt.json"),
            self.tr("JSON (*.json);;CSV (*.csv)"))
        if not path:
            return
        out = Path(path)
        self.context.runner.read(
            lambda ws: export_what_works(ws, out),
            lambda result, error: self.context.notify(
                self.tr("Saved: %1").replace("%1", str(out)) if result else str(error)))

    def on_changes(self, changes: Sequence[Change]) -> None:
        if self.isVisible() and any(c.entity in self.WATCHED for c in changes):
            if any(c.entity == "project" for c in changes):
                self._projects_loaded = False
                self.load(self.project_id)
            else:
                self.refresh()

    def run_command(self, name: str) -> None:
        if name == "refresh":
            self.refresh()


def _projects(ws: Workspace) -> list[ProjectRow]:
    with ws.engine.connect() as conn:
        return project_rows(conn)


PAGE = DashboardPage
