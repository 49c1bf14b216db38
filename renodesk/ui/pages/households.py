"""Huishoudens: find a household as you type, narrow the list with filters, open a profile."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QModelIndex, Qt, QTimer
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from renodesk.core import enums
from renodesk.core.queries.households import (
    SEARCH_LIMIT,
    HouseholdFilter,
    HouseholdRow,
    household_ids,
    household_rows,
)
from renodesk.core.queries.projects import ProjectRow, project_rows
from renodesk.ui.models.base import BLOCK, ID_ROLE
from renodesk.ui.models.records import HouseholdTableModel
from renodesk.ui.pages.base import Page, PageContext
from renodesk.ui.pages.records_kit import fill_vocabulary, lazy_loader, table
from renodesk.ui.setup_dialogs import dialog_button

if TYPE_CHECKING:
    from renodesk.core.workspace import Change, Workspace

#: Wait this long after the last keystroke before searching (ms).
DEBOUNCE_MS = 150
#: The 'not reached' filter: this many tries in a row without reaching the tenant.
NOT_REACHED_TRIES = 3


@dataclass(frozen=True)
class SearchResult:
    ids: list[str]
    first_rows: list[HouseholdRow]


def search(ws: Workspace, flt: HouseholdFilter) -> SearchResult:
    """The ids of every match and the rows of the first screenful (one round trip)."""
    with ws.engine.connect() as conn:
        ids = household_ids(conn, flt)
        return SearchResult(ids, household_rows(conn, ids[:BLOCK]))


class HouseholdsPage(Page):
    key = "households"
    icon = "households"
    commands = frozenset({"search", "refresh", "new_visit"})
    WATCHED = frozenset({"household", "dwelling", "action", "contact_moment", "vulnerability"})

    def __init__(self, context: PageContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self._generation = 0
        self._projects_loaded = False
        self.project_rows: list[ProjectRow] = []
        self.model = HouseholdTableModel(lazy_loader(context.runner, household_rows))
        self.query = QLineEdit(self)
        self.query.setObjectName("householdSearch")
        self.query.setPlaceholderText(self.tr("Search by name, street, number or postcode"))
        self.query.setAccessibleName(self.tr("Search households"))
        self.query.setClearButtonEnabled(True)
        self.new_button = dialog_button(self.tr("&New household..."), "newHousehold", self)
        self.new_button.setShortcut(QKeySequence("Ctrl+Shift+N"))
        self.new_button.setToolTip(self.tr("A dwelling and its household (Ctrl+Shift+N)"))
        self.new_button.clicked.connect(self.new_household)
        self.project = QComboBox(self)
        self.project.setAccessibleName(self.tr("Project"))
        self.project.addItem(self.tr("All projects"), None)
        self.vulnerability = QComboBox(self)
        self.vulnerability.setAccessibleName(self.tr("Vulnerability"))
        fill_vocabulary(self.vulnerability, enums.VulnerabilityCategory,
                        self.tr("Any vulnerability"))
        self.stance = QComboBox(self)
        self.stance.setAccessibleName(self.tr("Stance on the proposal"))
        fill_vocabulary(self.stance, enums.Stance, self.tr("Any stance"))
        self.open_actions = QCheckBox(self.tr("Open actions"), self)
        self.not_reached = QCheckBox(self.tr("Not reached"), self)
        self.not_reached.setToolTip(self.tr(
            "Tried %1 times in a row without reaching the tenant").replace(
            "%1", str(NOT_REACHED_TRIES)))
        self.inactive = QCheckBox(self.tr("Also moved out or deceased"), self)
        self.inactive.setObjectName("includeInactive")
        self.inactive.setToolTip(self.tr(
            "Households that left or died keep their history; they are shown greyed"))
        self.count = QLabel(self)
        self.count.setObjectName("householdCount")
        self.empty_hint = QLabel(self.tr(
            "No household matches. Type part of a name, street, house number or postcode "
            "(for example 3521 or 3521 AB), or set the filters back to 'All'."), self)
        self.empty_hint.setObjectName("householdEmptyHint")
        self.empty_hint.setWordWrap(True)
        self.empty_hint.setVisible(False)
        self.view = table(self, self.model, self.tr("Households"), HouseholdTableModel.NAME)
        self.view.setObjectName("householdTable")
        header = self.view.horizontalHeader()
        for column, width in ((HouseholdTableModel.ADDRESS, 180),
                              (HouseholdTableModel.POSTCODE, 90),
                              (HouseholdTableModel.PROJECT, 110),
                              (HouseholdTableModel.OPEN_ACTIONS, 110)):
            header.resizeSection(column, width)
        self.view.activated.connect(self._open)
        self.view.doubleClicked.connect(self._open)

        filters = QHBoxLayout()
        for widget in (self.project, self.vulnerability, self.stance):
            filters.addWidget(widget)
        filters.addWidget(self.open_actions)
        filters.addWidget(self.not_reached)
        filters.addWidget(self.inactive)
        filters.addStretch(1)
        filters.addWidget(self.count)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        top = QHBoxLayout()
        top.addWidget(self.query, 1)
        top.addWidget(self.new_button)
        layout.addLayout(top)
        layout.addLayout(filters)
        layout.addWidget(self.empty_hint)
        layout.addWidget(self.view, 1)
        for first, second in ((self.query, self.new_button), (self.new_button, self.project),
                              (self.project, self.vulnerability),
                              (self.vulnerability, self.stance),
                              (self.stance, self.open_actions),
                              (self.open_actions, self.not_reached),
                              (self.not_reached, self.inactive),
                              (self.inactive, self.view)):
            QWidget.setTabOrder(first, second)

        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(DEBOUNCE_MS)
        self.timer.timeout.connect(self.refresh)
        self.query.textChanged.connect(lambda _text: self.timer.start())
        for combo in (self.project, self.vulnerability, self.stance):
            combo.currentIndexChanged.connect(lambda _i: self.refresh())
        for box in (self.open_actions, self.not_reached, self.inactive):
            box.toggled.connect(lambda _on: self.refresh())

    @classmethod
    def title(cls) -> str:
        return QCoreApplication.translate("HouseholdsPage", "Households")

    def current_filter(self) -> HouseholdFilter:
        return HouseholdFilter(
            query=self.query.text(), project_id=self.project.currentData(),
            vulnerability=self.vulnerability.currentData(), stance=self.stance.currentData(),
            open_actions=self.open_actions.isChecked(),
            not_reached=NOT_REACHED_TRIES if self.not_reached.isChecked() else 0,
            include_inactive=self.inactive.isChecked())

    def load(self, argument: Any = None) -> None:
        if not self._projects_loaded:
            self._projects_loaded = True
            self.context.runner.read(_projects, self._show_projects)
        self.refresh()
        self.query.setFocus()

    def refresh(self) -> None:
        """Search with the current text and filters; only the newest answer is shown."""
        self.timer.stop()
        self._generation += 1
        generation = self._generation
        flt = self.current_filter()

        def shown(result: SearchResult | None, error: BaseException | None) -> None:
            if generation != self._generation:
                return  # the coach typed on; a newer search is under way
            if result is None:
                self.context.notify(str(error))
                return
            self.model.set_ids(result.ids, result.first_rows)
            if flt.query.strip() and len(result.ids) >= SEARCH_LIMIT:
                self.count.setText(self.tr("More than %n: type more to narrow the search",
                                           "", SEARCH_LIMIT))
            else:
                self.count.setText(self.tr("%n household(s)", "", len(result.ids)))
            self.empty_hint.setVisible(not result.ids)

        self.context.runner.read(lambda ws: search(ws, flt), shown)

    def _show_projects(self, rows: Sequence[ProjectRow] | None,
                       _error: BaseException | None) -> None:
        chosen = self.project.currentData()
        self.project_rows = list(rows or ())
        self.project.blockSignals(True)
        while self.project.count() > 1:  # keep 'All projects'
            self.project.removeItem(1)
        for row in self.project_rows:
            self.project.addItem(f"{row.code} {row.name}", row.id)
        self.project.setCurrentIndex(max(0, self.project.findData(chosen)))
        self.project.blockSignals(False)

    def new_household(self) -> None:
        """A dwelling and its household, in the project filtered on (or the only one)."""
        from renodesk.ui.setup_dialogs import HouseholdDialog

        if not self.project_rows:
            self.context.notify(self.tr(
                "Make a project first (page Projects), then add its households."))
            return
        dialog = HouseholdDialog(self.context.runner, self.project_rows,
                                 self.project.currentData(), self)

        def finished(result: int) -> None:
            if result and dialog.saved is not None:
                self.context.notify(self.tr("Household added."))
            dialog.deleteLater()

        dialog.finished.connect(finished)
        dialog.open()

    def _open(self, index: QModelIndex) -> None:
        household_id = index.data(ID_ROLE)
        if household_id:
            self.context.navigate("household", household_id)

    def on_changes(self, changes: Sequence[Change]) -> None:
        if any(c.entity == "project" for c in changes):
            self._projects_loaded = False  # the project filter reloads when next shown
            if self.isVisible():
                self._projects_loaded = True
                self.context.runner.read(_projects, self._show_projects)
        # A hidden page refreshes when it is shown again (load).
        if self.isVisible() and any(c.entity in self.WATCHED for c in changes):
            self.refresh()

    def run_command(self, name: str) -> None:
        if name == "search":
            self.query.setFocus(Qt.FocusReason.ShortcutFocusReason)
            self.query.selectAll()
        elif name == "refresh":
            self.refresh()
        elif name == "new_visit":
            household_id = self.view.currentIndex().data(ID_ROLE)
            if household_id:
                self.context.navigate("visits", {"plan_for": household_id})
            else:
                self.context.notify(self.tr("Choose a household first, then press Ctrl+N."))


def _projects(ws: Workspace) -> list[ProjectRow]:
    with ws.engine.connect() as conn:
        return project_rows(conn)


PAGE = HouseholdsPage
