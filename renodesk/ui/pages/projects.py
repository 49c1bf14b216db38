"""Projecten: a project's details and phase, the consent tally against the 70% rule with
the deadline, its dwellings, the roster (who is responsible for what) and its partners."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QItemSelection, Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from renodesk.core import enums
from renodesk.core.queries.projects import ProjectDetail, ProjectRow, project_detail
from renodesk.core.queries.projects import project_rows as read_project_rows
from renodesk.ui.models.base import ID_ROLE, day
from renodesk.ui.models.projects import ProjectListModel
from renodesk.ui.pages.base import Page, PageContext
from renodesk.ui.pages.projects_tabs import ProjectTabs, open_then_say
from renodesk.ui.pages.projects_tally import ConsentTallyBox
from renodesk.ui.pages.records_kit import table
from renodesk.ui.setup_dialogs import dialog_button

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
        self.list_view.horizontalHeader().resizeSection(ProjectListModel.NAME, 150)
        self.list_view.horizontalHeader().resizeSection(ProjectListModel.CODE, 95)
        self.list_view.horizontalHeader().resizeSection(ProjectListModel.PHASE, 115)
        self.list_view.horizontalHeader().resizeSection(ProjectListModel.DWELLINGS, 70)
        self.list_view.setObjectName("projectTable")
        self.list_view.selectionModel().selectionChanged.connect(self._selected)
        self.new_button = dialog_button(self.tr("&New project..."), "newProject", self)
        self.new_button.setShortcut(QKeySequence("Ctrl+Shift+N"))
        self.new_button.setToolTip(self.tr("A new project (Ctrl+Shift+N)"))
        self.new_button.clicked.connect(self.new_project)
        self.edit_button = dialog_button(self.tr("&Edit project..."), "editProject", self)
        self.edit_button.setShortcut(QKeySequence("F2"))
        self.edit_button.setToolTip(self.tr("Details and phase of this project (F2)"))
        self.edit_button.clicked.connect(self.edit_project)
        self.empty = QLabel(self.tr(
            "There are no projects yet. Press 'New project' to start one; then add the "
            "roster, the partners and the dwellings with their households, or read in a "
            "tenant list."), self)
        self.empty.setObjectName("projectsEmpty")
        self.empty.setWordWrap(True)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.empty.setVisible(False)

        self.heading = QLabel(self)
        font = self.heading.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.3)
        self.heading.setFont(font)
        self.details = QLabel(self)
        self.details.setWordWrap(True)
        self.details.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.tally = ConsentTallyBox(self)

        self.tabs = ProjectTabs(context, self._projects, self)

        right = QWidget(self)
        column = QVBoxLayout(right)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.details)
        column.addWidget(self.tally)
        column.addWidget(self.tabs, 1)
        heading_row = QHBoxLayout()
        heading_row.addWidget(self.heading, 1)
        heading_row.addWidget(self.edit_button)
        column.insertLayout(0, heading_row)
        left = QWidget(self)
        left_column = QVBoxLayout(left)
        left_column.setContentsMargins(0, 0, 0, 0)
        left_column.addWidget(self.new_button)
        left_column.addWidget(self.list_view, 1)
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.setObjectName("projectsSplitter")
        side = QWidget(self)
        side_column = QVBoxLayout(side)
        side_column.setContentsMargins(0, 0, 0, 0)
        side_column.addWidget(right, 1)
        side_column.addWidget(self.empty, 1)
        splitter.addWidget(left)
        splitter.addWidget(side)
        splitter.setSizes([400, 740])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        layout.addWidget(splitter)
        right.setVisible(False)
        self.right = right
        self.detail: ProjectDetail | None = None

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
        self.empty.setVisible(not rows)
        self.edit_button.setEnabled(bool(rows))
        if rows:
            wanted = self.project_id or rows[0].id
            row = max(self.list_model.row_of(wanted), 0)
            self.list_view.selectRow(row)
        else:
            self.right.setVisible(False)

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
        self.detail = detail
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
        self.tally.show_tally(detail.tally)
        self.tabs.show_detail(detail)

    # -- setting up ---------------------------------------------------------------
    def _projects(self) -> list[ProjectRow]:
        rows = [self.list_model.row_at(i) for i in range(self.list_model.rowCount())]
        return [row for row in rows if row]

    def new_project(self) -> None:
        from renodesk.ui.setup_dialogs import ProjectDialog

        open_then_say(ProjectDialog(self.context.runner, parent=self), self.context.notify,
                      self.tr("Project saved."))

    def edit_project(self) -> None:
        from renodesk.ui.setup_dialogs import ProjectDialog

        if self.detail is None:
            return
        open_then_say(ProjectDialog(self.context.runner, self.detail.project, self),
                      self.context.notify, self.tr("Project saved."))

    def on_changes(self, changes: Sequence[Change]) -> None:
        created = [c.row_id for c in changes if c.entity == "project" and c.kind == "create"]
        if created:
            self.project_id = created[-1]  # a new project is shown at once
        if self.isVisible() and any(c.entity in self.WATCHED for c in changes):
            self.load()

    def run_command(self, name: str) -> None:
        if name == "search":  # Ctrl+F anywhere: find a household
            self.context.navigate("households", None)
            return
        if name == "refresh":
            self.load()


PAGE = ProjectsPage
