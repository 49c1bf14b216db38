"""Projecten: a project's details and phase, the consent tally against the 70% rule with
the deadline, its dwellings, the roster (who is responsible for what) and its partners."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QItemSelection, Qt
from PySide6.QtWidgets import (
    QFormLayout,
    QGroupBox,
    QLabel,
    QProgressBar,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from renodesk.core import enums
from renodesk.core.queries.projects import ConsentTally, ProjectDetail, ProjectRow, project_detail
from renodesk.core.queries.projects import project_rows as read_project_rows
from renodesk.ui.models.base import ID_ROLE, day
from renodesk.ui.models.projects import DwellingModel, PartnerModel, ProjectListModel, RosterModel
from renodesk.ui.pages.base import Page, PageContext
from renodesk.ui.pages.records_kit import table

if TYPE_CHECKING:
    from renodesk.core.workspace import Change, Workspace


def _rows(ws: Workspace) -> list[ProjectRow]:
    with ws.engine.connect() as conn:
        return read_project_rows(conn)


def _detail(ws: Workspace, project_id: str) -> ProjectDetail:
    with ws.engine.connect() as conn:
        return project_detail(conn, project_id)


class ProjectsPage(Page):
    key = "projects"
    icon = "projects"
    commands = frozenset({"refresh", "search"})
    WATCHED = frozenset({"project", "dwelling", "household", "roster_entry", "project_partner",
                         "team_member", "partner", "legal_figure"})

    def __init__(self, context: PageContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.project_id: str | None = None
        self.list_model = ProjectListModel()
        self.list_view = table(self, self.list_model, self.tr("Projects"))
        self.list_view.horizontalHeader().resizeSection(ProjectListModel.NAME, 170)
        self.list_view.horizontalHeader().resizeSection(ProjectListModel.CODE, 110)
        self.list_view.horizontalHeader().resizeSection(ProjectListModel.DWELLINGS, 80)
        self.list_view.setObjectName("projectTable")
        self.list_view.selectionModel().selectionChanged.connect(self._selected)

        self.heading = QLabel(self)
        font = self.heading.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.3)
        self.heading.setFont(font)
        self.details = QLabel(self)
        self.details.setWordWrap(True)
        self.details.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        tally_box = QGroupBox(self.tr("Consent (70% rule)"), self)
        tally_form = QFormLayout(tally_box)
        self.tally_bar = QProgressBar(tally_box)
        self.tally_bar.setObjectName("consentBar")
        self.tally_bar.setRange(0, 100)
        self.tally_bar.setAccessibleName(self.tr("Share of tenants who agree"))
        self.tally_counts = QLabel(tally_box)
        self.tally_counts.setObjectName("consentCounts")
        self.tally_verdict = QLabel(tally_box)
        self.tally_verdict.setObjectName("consentVerdict")
        self.tally_verdict.setWordWrap(True)
        self.tally_verdict.setStyleSheet("font-weight: 600;")
        self.tally_deadline = QLabel(tally_box)
        self.tally_deadline.setObjectName("consentDeadline")
        tally_form.addRow(self.tr("Agree"), self.tally_bar)
        tally_form.addRow(self.tr("Answers"), self.tally_counts)
        tally_form.addRow(self.tr("Verdict"), self.tally_verdict)
        tally_form.addRow(self.tr("Deadline"), self.tally_deadline)

        self.dwellings = DwellingModel()
        self.roster = RosterModel()
        self.partners = PartnerModel()
        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("projectTabs")
        for model, title, stretch in (
                (self.roster, self.tr("Roster"), RosterModel.RESPONSIBILITIES),
                (self.partners, self.tr("Partners"), PartnerModel.ROLE),
                (self.dwellings, self.tr("Dwellings"), DwellingModel.HOUSEHOLD)):
            view = table(self.tabs, model, title, stretch)
            view.horizontalHeader().setDefaultSectionSize(120)
            view.horizontalHeader().setMinimumSectionSize(60)
            if model is self.dwellings:
                view.doubleClicked.connect(self._open_household)
            self.tabs.addTab(view, title)

        right = QWidget(self)
        column = QVBoxLayout(right)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.heading)
        column.addWidget(self.details)
        column.addWidget(tally_box)
        column.addWidget(self.tabs, 1)
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.setObjectName("projectsSplitter")
        splitter.addWidget(self.list_view)
        splitter.addWidget(right)
        splitter.setSizes([330, 810])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        layout.addWidget(splitter)
        right.setVisible(False)
        self.right = right

    @classmethod
    def title(cls) -> str:
        return QCoreApplication.translate("ProjectsPage", "Projects")

    def load(self, argument: Any = None) -> None:
        if argument:
            self.project_id = str(argument)
        self.context.runner.read(_rows, self._show_rows)

    def _show_rows(self, rows: Sequence[ProjectRow] | None, error: BaseException | None) -> None:
        if rows is None:
            self.context.notify(str(error))
            return
        self.list_model.set_rows(rows)
        if rows:
            wanted = self.project_id or rows[0].id
            row = max(self.list_model.row_of(wanted), 0)
            self.list_view.selectRow(row)

    def _selected(self, selected: QItemSelection, _deselected: QItemSelection) -> None:
        indexes = selected.indexes()
        if indexes:
            self.show_project(str(indexes[0].data(ID_ROLE)))

    def show_project(self, project_id: str) -> None:
        self.project_id = project_id
        self.context.runner.read(lambda ws: _detail(ws, project_id), self._show_detail)

    def _show_detail(self, detail: ProjectDetail | None, error: BaseException | None) -> None:
        if detail is None:
            self.context.notify(str(error))
            return
        project = detail.project
        self.right.setVisible(True)
        self.heading.setText(f"{project['name']} ({project['code']})")
        works = self.tr("Works while tenants stay at home") if project["inhabited"] \
            else self.tr("Works while the dwellings are empty")
        lines = [
            self.tr("Phase: %1").replace("%1", enums.ProjectPhase(project["phase"]).label()),
            self.tr("Complex: %1").replace("%1", project["complex_name"] or "-"),
            works,
        ]
        if project["start_date"] or project["end_date"]:
            lines.append(self.tr("From %1 to %2").replace(
                "%1", day(project["start_date"]) or "?").replace(
                "%2", day(project["end_date"]) or "?"))
        if project["rent_change"]:
            lines.append(self.tr("Rent change: %1").replace("%1", project["rent_change"]))
        if project["social_plan_ref"]:
            lines.append(self.tr("Social plan: %1").replace("%1", project["social_plan_ref"]))
        self.details.setText("\n".join(lines))
        self.show_tally(detail.tally)
        self.roster.set_rows(detail.roster)
        self.partners.set_rows(detail.partners)
        self.dwellings.set_rows(detail.dwellings)
        titles = (self.tr("Roster"), self.tr("Partners"), self.tr("Dwellings"))
        counts = (len(detail.roster), len(detail.partners), len(detail.dwellings))
        for index, (title, count) in enumerate(zip(titles, counts, strict=True)):
            self.tabs.setTabText(index, f"{title} ({count})")

    def show_tally(self, tally: ConsentTally) -> None:
        self.tally_bar.setValue(round(tally.percent_yes))
        self.tally_bar.setFormat(f"{tally.percent_yes:.1f}%".replace(".", ","))
        self.tally_counts.setText(self.tr(
            "%1 agree, %2 do not agree, %3 undecided, %4 unknown (of %5 tenants)")
            .replace("%1", str(tally.yes)).replace("%2", str(tally.no))
            .replace("%3", str(tally.undecided)).replace("%4", str(tally.unknown))
            .replace("%5", str(tally.total)))
        threshold = "?" if tally.threshold_percent is None else f"{tally.threshold_percent}%"
        if not tally.rule_applies:
            verdict = self.tr(
                "The 70% rule does not apply: fewer than %1 dwellings. Every tenant decides "
                "for themselves.").replace("%1", str(tally.min_dwellings or "?"))
        elif tally.reached:
            verdict = self.tr("Enough tenants agree: %1 of %2 (%3 needed).").replace(
                "%1", str(tally.yes)).replace("%2", str(tally.total)).replace(
                "%3", threshold)
        else:
            verdict = self.tr("Not enough yet: %1 more 'yes' needed to reach %2.").replace(
                "%1", str(tally.yes_short)).replace("%2", threshold)
        self.tally_verdict.setText(verdict)
        if tally.deadline is None:
            self.tally_deadline.setText(self.tr("No deadline set"))
        elif tally.days_to_deadline is not None and tally.days_to_deadline >= 0:
            self.tally_deadline.setText(self.tr("%1 (%n day(s) left)", "",
                                                tally.days_to_deadline).replace(
                "%1", day(tally.deadline)))
        else:
            self.tally_deadline.setText(self.tr("%1 (passed)").replace(
                "%1", day(tally.deadline)))

    def _open_household(self, index: Any) -> None:
        item = self.dwellings.row_at(index.row())
        if item is not None and item.household_id:
            self.context.navigate("household", item.household_id)

    def on_changes(self, changes: Sequence[Change]) -> None:
        if self.isVisible() and any(c.entity in self.WATCHED for c in changes):
            self.load()

    def run_command(self, name: str) -> None:
        if name == "search":  # Ctrl+F anywhere: find a household
            self.context.navigate("households", None)
            return
        if name == "refresh":
            self.load()


PAGE = ProjectsPage
