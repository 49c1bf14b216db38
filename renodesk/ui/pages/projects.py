"""Projecten: a project's details and phase, the consent tally against the 70% rule with
the deadline, its dwellings, the roster (who is responsible for what) and its partners."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QAbstractItemModel, QCoreApplication, QItemSelection, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from renodesk.core import enums
from renodesk.core.queries.projects import ProjectDetail, ProjectRow, project_detail
from renodesk.core.queries.projects import project_rows as read_project_rows
from renodesk.ui.models.base import ID_ROLE, day
from renodesk.ui.models.projects import DwellingModel, PartnerModel, ProjectListModel, RosterModel
from renodesk.ui.pages.base import Page, PageContext
from renodesk.ui.pages.projects_tally import ConsentTallyBox
from renodesk.ui.pages.records_kit import table
from renodesk.ui.setup_dialogs import dialog_button

if TYPE_CHECKING:
    from renodesk.core.setup import Known, Saved
    from renodesk.core.workspace import Change, Workspace

#: The tabs under a project, in order.
ROSTER_TAB, PARTNERS_TAB, DWELLINGS_TAB = range(3)


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

        self.dwellings = DwellingModel()
        self.roster = RosterModel()
        self.partners = PartnerModel()
        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("projectTabs")
        self.views: list[QTableView] = []
        tab_buttons: tuple[tuple[tuple[str, str, Callable[[], None]], ...], ...] = (
            ((self.tr("&Add person..."), "addRoster", self.add_roster_entry),
             (self.tr("Ed&it..."), "editRoster", self.edit_roster_entry),
             (self.tr("&Remove from roster"), "removeRoster", self.remove_roster_entry)),
            ((self.tr("&Add partner..."), "addPartner", self.add_partner),
             (self.tr("&Remove partner"), "removePartner", self.remove_partner)),
            ((self.tr("&Add dwelling with household..."), "addDwelling", self.add_household),
             (self.tr("Read in &tenant list..."), "importTenants", self.import_tenant_list)),
        )
        self.buttons: dict[str, QPushButton] = {}
        tabs: tuple[tuple[QAbstractItemModel, str, int], ...] = (
            (self.roster, self.tr("Roster"), RosterModel.RESPONSIBILITIES),
            (self.partners, self.tr("Partners"), PartnerModel.ROLE),
            (self.dwellings, self.tr("Dwellings"), DwellingModel.HOUSEHOLD))
        for (model, title, stretch), actions in zip(tabs, tab_buttons, strict=True):
            holder = QWidget(self.tabs)
            view = table(holder, model, title, stretch)
            view.horizontalHeader().setDefaultSectionSize(120)
            view.horizontalHeader().setMinimumSectionSize(60)
            if model is self.roster:  # a phone number needs less room than the duties
                view.horizontalHeader().resizeSection(RosterModel.PHONE, 95)
            row = QHBoxLayout()
            for text, name, slot in actions:
                button = dialog_button(text, name, holder)
                button.clicked.connect(slot)
                row.addWidget(button)
                self.buttons[name] = button
            row.addStretch(1)
            column = QVBoxLayout(holder)
            column.setContentsMargins(4, 4, 4, 4)
            column.addWidget(view, 1)
            column.addLayout(row)
            self.views.append(view)
            self.tabs.addTab(holder, title)
        self.views[ROSTER_TAB].doubleClicked.connect(lambda _i: self.edit_roster_entry())
        self.views[DWELLINGS_TAB].doubleClicked.connect(self._open_household)
        for tab, slot in ((ROSTER_TAB, self.remove_roster_entry),
                          (PARTNERS_TAB, self.remove_partner)):
            remove = QShortcut(QKeySequence.StandardKey.Delete, self.views[tab])
            remove.setContext(Qt.ShortcutContext.WidgetShortcut)
            remove.activated.connect(slot)

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
        self.roster.set_rows(detail.roster)
        self.partners.set_rows(detail.partners)
        self.dwellings.set_rows(detail.dwellings)
        titles = (self.tr("Roster"), self.tr("Partners"), self.tr("Dwellings"))
        counts = (len(detail.roster), len(detail.partners), len(detail.dwellings))
        for index, (title, count) in enumerate(zip(titles, counts, strict=True)):
            self.tabs.setTabText(index, f"{title} ({count})")
        self.buttons["editRoster"].setEnabled(bool(detail.roster))
        self.buttons["removeRoster"].setEnabled(bool(detail.roster))
        self.buttons["removePartner"].setEnabled(bool(detail.partners))

    def _open_household(self, index: Any) -> None:
        item = self.dwellings.row_at(index.row())
        if item is not None and item.household_id:
            self.context.navigate("household", item.household_id)

    # -- setting up ---------------------------------------------------------------
    def _after(self, dialog: Any, message: str) -> None:
        """Open ``dialog`` (window-modal, not blocking); once it saved, say so. The page
        itself follows the change through :meth:`on_changes`."""
        def finished(result: int) -> None:
            if result and dialog.saved is not None:
                self.context.notify(message)
            dialog.deleteLater()

        dialog.finished.connect(finished)
        dialog.open()

    def new_project(self) -> None:
        from renodesk.ui.setup_dialogs import ProjectDialog

        self._after(ProjectDialog(self.context.runner, parent=self), self.tr("Project saved."))

    def edit_project(self) -> None:
        from renodesk.ui.setup_dialogs import ProjectDialog

        if self.detail is None:
            return
        self._after(ProjectDialog(self.context.runner, self.detail.project, self),
                    self.tr("Project saved."))

    def _current(self, tab: int, model: Any) -> Any:
        index = self.views[tab].currentIndex()
        return model.row_at(index.row()) if index.isValid() else None

    def _with_known(self, read: Callable[[Any], list[Known]],
                    then: Callable[[list[Known]], None]) -> None:
        def work(ws: Workspace) -> list[Known]:
            with ws.engine.connect() as conn:
                return read(conn)

        def done(found: list[Known] | None, error: BaseException | None) -> None:
            if found is None:
                self.context.notify(str(error))
            else:
                then(found)

        self.context.runner.read(work, done)

    def add_roster_entry(self) -> None:
        from renodesk.core.setup import roster_candidates
        from renodesk.ui.roster_dialogs import RosterDialog

        project_id = self.project_id
        if project_id is None:
            return
        self._with_known(roster_candidates, lambda members: self._after(
            RosterDialog(self.context.runner, project_id, members, parent=self),
            self.tr("Added to the roster.")))

    def edit_roster_entry(self) -> None:
        from renodesk.ui.roster_dialogs import RosterDialog

        entry = self._current(ROSTER_TAB, self.roster)
        if entry is None or self.project_id is None:
            self.context.notify(self.tr("Choose someone on the roster first."))
            return
        project_id = self.project_id

        def opened(row: dict[str, Any] | None, error: BaseException | None) -> None:
            if row is None:
                self.context.notify(str(error))
                return
            self._after(RosterDialog(self.context.runner, project_id, [], entry,
                                     bool(row["tenant_facing"]), self),
                        self.tr("Roster entry saved."))

        self.context.runner.read(lambda ws: ws.get("roster_entry", entry.id), opened)

    def _confirm(self, question: str) -> bool:
        answer = QMessageBox.question(self, self.tr("Remove"), question,
                                      QMessageBox.StandardButton.Yes
                                      | QMessageBox.StandardButton.No,
                                      QMessageBox.StandardButton.No)
        return answer == QMessageBox.StandardButton.Yes

    def _write(self, work: Callable[[Workspace], Saved], message: str) -> None:
        def done(saved: Saved | None, error: BaseException | None) -> None:
            self.context.notify(message if saved is not None else str(error))

        self.context.runner.write(work, done)

    def remove_roster_entry(self) -> None:
        from renodesk.core.setup import remove_roster_entry

        entry = self._current(ROSTER_TAB, self.roster)
        if entry is None:
            self.context.notify(self.tr("Choose someone on the roster first."))
            return
        if self._confirm(self.tr("Take %1 off this project's roster? They stay in the team.")
                         .replace("%1", entry.member_name)):
            self._write(lambda ws: remove_roster_entry(ws, entry.id),
                        self.tr("Removed from the roster."))

    def add_partner(self) -> None:
        from renodesk.core.setup import partner_organisations
        from renodesk.ui.roster_dialogs import PartnerDialog

        project_id = self.project_id
        if project_id is None:
            return
        self._with_known(partner_organisations, lambda partners: self._after(
            PartnerDialog(self.context.runner, project_id, partners, self),
            self.tr("Partner added to the project.")))

    def remove_partner(self) -> None:
        from renodesk.core.setup import unlink_partner

        link = self._current(PARTNERS_TAB, self.partners)
        if link is None:
            self.context.notify(self.tr("Choose a partner first."))
            return
        if self._confirm(self.tr("Is %1 no longer involved in this project?")
                         .replace("%1", link.name)):
            self._write(lambda ws: unlink_partner(ws, link.id),
                        self.tr("Partner removed from the project."))

    def add_household(self) -> None:
        from renodesk.ui.setup_dialogs import HouseholdDialog

        if self.project_id is None:
            return
        projects = [self.list_model.row_at(i) for i in range(self.list_model.rowCount())]
        self._after(HouseholdDialog(self.context.runner, [p for p in projects if p],
                                    self.project_id, self), self.tr("Household added."))

    def import_tenant_list(self) -> None:
        from renodesk.ui.import_dialog import ImportDialog

        if self.detail is None:
            return
        project = self.detail.project
        path, _filter = QFileDialog.getOpenFileName(
            self, self.tr("Choose a tenant list"), str(Path.home()),
            self.tr("Spreadsheets (*.xlsx *.csv *.txt);;All files (*)"))
        if path:
            dialog = ImportDialog(self.context.runner, Path(path), project["id"],
                                  f"{project['code']} {project['name']}", self)
            dialog.open()

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
