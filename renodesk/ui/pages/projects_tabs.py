"""Projecten: the tabs under a project — its roster (who is responsible for what), its
partners and its dwellings — and what the coach does in them: add, edit or remove a
person on the roster, add or remove a partner, add a dwelling with its household or read
in a tenant list.

Its texts keep the translation context ``ProjectsPage`` (hence the explicit
``QCoreApplication.translate`` calls).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QAbstractItemModel, QCoreApplication, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QMessageBox,
    QPushButton,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from renodesk.ui.models.projects import DwellingModel, PartnerModel, RosterModel
from renodesk.ui.pages.records_kit import table
from renodesk.ui.setup_dialogs import dialog_button

if TYPE_CHECKING:
    from renodesk.core.queries.projects import ProjectDetail, ProjectRow
    from renodesk.core.setup import Known, Saved
    from renodesk.core.workspace import Workspace
    from renodesk.ui.pages.base import PageContext

#: The tabs under a project, in order.
ROSTER_TAB, PARTNERS_TAB, DWELLINGS_TAB = range(3)


def open_then_say(dialog: Any, notify: Callable[[str], None], message: str) -> None:
    """Open ``dialog`` (window-modal, not blocking); once it saved, say ``message``. The
    page itself follows the change through its ``on_changes``."""
    def finished(result: int) -> None:
        if result and dialog.saved is not None:
            notify(message)
        dialog.deleteLater()

    dialog.finished.connect(finished)
    dialog.open()


class ProjectTabs(QTabWidget):
    """Roster, partners and dwellings of the project shown, each with its buttons."""

    def __init__(self, context: PageContext, projects: Callable[[], Sequence[ProjectRow]],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("projectTabs")
        self.context = context
        self.projects = projects  # the project list, to choose from when adding a household
        self.detail: ProjectDetail | None = None
        self.dwellings = DwellingModel()
        self.roster = RosterModel()
        self.partners = PartnerModel()
        self.views: list[QTableView] = []
        tab_buttons: tuple[tuple[tuple[str, str, Callable[[], None]], ...], ...] = (
            ((QCoreApplication.translate("ProjectsPage", "&Add person..."), "addRoster",
              self.add_roster_entry),
             (QCoreApplication.translate("ProjectsPage", "Ed&it..."), "editRoster",
              self.edit_roster_entry),
             (QCoreApplication.translate("ProjectsPage", "&Remove from roster"), "removeRoster",
              self.remove_roster_entry)),
            ((QCoreApplication.translate("ProjectsPage", "&Add partner..."), "addPartner",
              self.add_partner),
             (QCoreApplication.translate("ProjectsPage", "&Remove partner"), "removePartner",
              self.remove_partner)),
            ((QCoreApplication.translate("ProjectsPage", "&Add dwelling with household..."),
              "addDwelling", self.add_household),
             (QCoreApplication.translate("ProjectsPage", "Read in &tenant list..."),
              "importTenants", self.import_tenant_list)),
        )
        self.buttons: dict[str, QPushButton] = {}
        tabs: tuple[tuple[QAbstractItemModel, str, int], ...] = (
            (self.roster, self._titles()[ROSTER_TAB], RosterModel.RESPONSIBILITIES),
            (self.partners, self._titles()[PARTNERS_TAB], PartnerModel.ROLE),
            (self.dwellings, self._titles()[DWELLINGS_TAB], DwellingModel.HOUSEHOLD))
        for (model, title, stretch), actions in zip(tabs, tab_buttons, strict=True):
            holder = QWidget(self)
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
            self.addTab(holder, title)
        self.views[ROSTER_TAB].doubleClicked.connect(lambda _i: self.edit_roster_entry())
        self.views[DWELLINGS_TAB].doubleClicked.connect(self._open_household)
        for tab, slot in ((ROSTER_TAB, self.remove_roster_entry),
                          (PARTNERS_TAB, self.remove_partner)):
            remove = QShortcut(QKeySequence.StandardKey.Delete, self.views[tab])
            remove.setContext(Qt.ShortcutContext.WidgetShortcut)
            remove.activated.connect(slot)

    @staticmethod
    def _titles() -> tuple[str, str, str]:
        return (QCoreApplication.translate("ProjectsPage", "Roster"),
                QCoreApplication.translate("ProjectsPage", "Partners"),
                QCoreApplication.translate("ProjectsPage", "Dwellings"))

    def show_detail(self, detail: ProjectDetail) -> None:
        """Fill the tabs with the project's roster, partners and dwellings, counted."""
        self.detail = detail
        self.roster.set_rows(detail.roster)
        self.partners.set_rows(detail.partners)
        self.dwellings.set_rows(detail.dwellings)
        counts = (len(detail.roster), len(detail.partners), len(detail.dwellings))
        for index, (title, count) in enumerate(zip(self._titles(), counts, strict=True)):
            self.setTabText(index, f"{title} ({count})")
        self.buttons["editRoster"].setEnabled(bool(detail.roster))
        self.buttons["removeRoster"].setEnabled(bool(detail.roster))
        self.buttons["removePartner"].setEnabled(bool(detail.partners))

    @property
    def project_id(self) -> str | None:
        return None if self.detail is None else str(self.detail.project["id"])

    def _open_household(self, index: Any) -> None:
        item = self.dwellings.row_at(index.row())
        if item is not None and item.household_id:
            self.context.navigate("household", item.household_id)

    def _chosen(self, tab: int, model: Any, missing: str) -> Any:
        """The row chosen in ``tab``; None, after saying ``missing``, when there is none."""
        index = self.views[tab].currentIndex()
        row = model.row_at(index.row()) if index.isValid() else None
        if row is None:
            self.context.notify(missing)
        return row

    def _chosen_on_roster(self) -> Any:
        return self._chosen(ROSTER_TAB, self.roster, QCoreApplication.translate(
            "ProjectsPage", "Choose someone on the roster first."))

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

    def _confirm(self, question: str) -> bool:
        answer = QMessageBox.question(self, QCoreApplication.translate("ProjectsPage", "Remove"),
                                      question,
                                      QMessageBox.StandardButton.Yes
                                      | QMessageBox.StandardButton.No,
                                      QMessageBox.StandardButton.No)
        return answer == QMessageBox.StandardButton.Yes

    def _write(self, work: Callable[[Workspace], Saved], message: str) -> None:
        def done(saved: Saved | None, error: BaseException | None) -> None:
            self.context.notify(message if saved is not None else str(error))

        self.context.runner.write(work, done)

    # -- the roster -----------------------------------------------------------------
    def add_roster_entry(self) -> None:
        from renodesk.core.setup import roster_candidates
        from renodesk.ui.roster_dialogs import RosterDialog

        project_id = self.project_id
        if project_id is None:
            return
        self._with_known(roster_candidates, lambda members: open_then_say(
            RosterDialog(self.context.runner, project_id, members, parent=self),
            self.context.notify,
            QCoreApplication.translate("ProjectsPage", "Added to the roster.")))

    def edit_roster_entry(self) -> None:
        from renodesk.ui.roster_dialogs import RosterDialog

        entry = self._chosen_on_roster()
        project_id = self.project_id
        if entry is None or project_id is None:
            return

        def opened(row: dict[str, Any] | None, error: BaseException | None) -> None:
            if row is None:
                self.context.notify(str(error))
                return
            open_then_say(RosterDialog(self.context.runner, project_id, [], entry,
                                       bool(row["tenant_facing"]), self),
                          self.context.notify,
                          QCoreApplication.translate("ProjectsPage", "Roster entry saved."))

        self.context.runner.read(lambda ws: ws.get("roster_entry", entry.id), opened)

    def remove_roster_entry(self) -> None:
        from renodesk.core.setup import remove_roster_entry

        entry = self._chosen_on_roster()
        if entry is None:
            return
        if self._confirm(QCoreApplication.translate(
                "ProjectsPage", "Take %1 off this project's roster? They stay in the team.")
                         .replace("%1", entry.member_name)):
            self._write(lambda ws: remove_roster_entry(ws, entry.id),
                        QCoreApplication.translate("ProjectsPage", "Removed from the roster."))

    # -- partners -------------------------------------------------------------------
    def add_partner(self) -> None:
        from renodesk.core.setup import partner_organisations
        from renodesk.ui.roster_dialogs import PartnerDialog

        project_id = self.project_id
        if project_id is None:
            return
        self._with_known(partner_organisations, lambda partners: open_then_say(
            PartnerDialog(self.context.runner, project_id, partners, self),
            self.context.notify,
            QCoreApplication.translate("ProjectsPage", "Partner added to the project.")))

    def remove_partner(self) -> None:
        from renodesk.core.setup import unlink_partner

        link = self._chosen(PARTNERS_TAB, self.partners,
                            QCoreApplication.translate("ProjectsPage", "Choose a partner first."))
        if link is None:
            return
        if self._confirm(QCoreApplication.translate(
                "ProjectsPage", "Is %1 no longer involved in this project?")
                         .replace("%1", link.name)):
            self._write(lambda ws: unlink_partner(ws, link.id),
                        QCoreApplication.translate("ProjectsPage",
                                                   "Partner removed from the project."))

    # -- dwellings ------------------------------------------------------------------
    def add_household(self) -> None:
        from renodesk.ui.setup_dialogs import HouseholdDialog

        if self.project_id is None:
            return
        open_then_say(HouseholdDialog(self.context.runner, list(self.projects()),
                                      self.project_id, self),
                      self.context.notify,
                      QCoreApplication.translate("ProjectsPage", "Household added."))

    def import_tenant_list(self) -> None:
        from renodesk.ui.import_dialog import ImportDialog

        if self.detail is None:
            return
        project = self.detail.project
        path, _filter = QFileDialog.getOpenFileName(
            self, QCoreApplication.translate("ProjectsPage", "Choose a tenant list"),
            str(Path.home()),
            QCoreApplication.translate("ProjectsPage",
                                       "Spreadsheets (*.xlsx *.csv *.txt);;All files (*)"))
        if path:
            dialog = ImportDialog(self.context.runner, Path(path), project["id"],
                                  f"{project['code']} {project['name']}", self)
            dialog.open()
