"""What the adjustments and actions pages share: a filtered, lazily loaded list whose
rows a coach changes in place, each change carried out as a use case."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Generic, TypeVar

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QTableView, QVBoxLayout, QWidget
from sqlalchemy import Connection

from renodesk.core.queries.projects import ProjectRow, project_rows
from renodesk.core.queries.work import WorkFilter
from renodesk.ui.models.base import BLOCK, LazyModel
from renodesk.ui.pages.base import Page, PageContext

if TYPE_CHECKING:
    from renodesk.core.workspace import Change, Workspace

T = TypeVar("T")


@dataclass(frozen=True)
class Listing(Generic[T]):
    ids: list[str]
    first_rows: list[T]


class WorkListPage(Page, Generic[T]):
    """A list with a 'which' filter (open / overdue / all) and a project filter."""

    #: Entities whose changes make the list stale.
    WATCHED: frozenset[str] = frozenset()
    commands = frozenset({"refresh", "search"})

    def __init__(self, context: PageContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self._generation = 0
        self._projects_loaded = False
        self.which = QComboBox(self)
        self.which.setAccessibleName(self.tr("Show"))
        self.which.addItem(self.tr("Open"), "open")
        self.which.addItem(self.tr("Overdue"), "overdue")
        self.which.addItem(self.tr("All"), "all")
        self.project = QComboBox(self)
        self.project.setAccessibleName(self.tr("Project"))
        self.project.addItem(self.tr("All projects"), None)
        self.count = QLabel(self)
        self.which.currentIndexChanged.connect(lambda _i: self.refresh())
        self.project.currentIndexChanged.connect(lambda _i: self.refresh())

    def _layout(self, view: QTableView, hint: str) -> None:
        filters = QHBoxLayout()
        filters.addWidget(self.which)
        filters.addWidget(self.project)
        filters.addStretch(1)
        filters.addWidget(self.count)
        help_text = QLabel(hint, self)
        help_text.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        layout.addLayout(filters)
        layout.addWidget(view, 1)
        layout.addWidget(help_text)
        QWidget.setTabOrder(self.which, self.project)
        QWidget.setTabOrder(self.project, view)
        view.doubleClicked.connect(self._open_household)

    # -- what subclasses provide ----------------------------------------------------
    def model(self) -> LazyModel[T]:
        raise NotImplementedError

    def fetch_ids(self) -> Callable[[Connection, WorkFilter], list[str]]:
        raise NotImplementedError

    def fetch_rows(self) -> Callable[[Connection, Sequence[str]], list[T]]:
        raise NotImplementedError

    def count_text(self, count: int) -> str:
        raise NotImplementedError

    # -- loading --------------------------------------------------------------------
    def current_filter(self) -> WorkFilter:
        which = self.which.currentData()
        return WorkFilter(project_id=self.project.currentData(), open_only=which == "open",
                          overdue_only=which == "overdue")

    def load(self, argument: Any = None) -> None:
        if not self._projects_loaded:
            self._projects_loaded = True
            self.context.runner.read(_projects, self._show_projects)
        self.refresh()

    def refresh(self) -> None:
        self._generation += 1
        generation = self._generation
        flt = self.current_filter()
        ids_of, rows_of = self.fetch_ids(), self.fetch_rows()

        def work(ws: Workspace) -> Listing[T]:
            with ws.engine.connect() as conn:
                ids = ids_of(conn, flt)
                return Listing(ids, rows_of(conn, ids[:BLOCK]))

        def shown(result: Listing[T] | None, error: BaseException | None) -> None:
            if generation != self._generation:
                return
            if result is None:
                self.context.notify(str(error))
                return
            self.model().set_ids(result.ids, result.first_rows)
            self.count.setText(self.count_text(len(result.ids)))

        self.context.runner.read(work, shown)

    def refresh_row(self, row_id: str) -> None:
        """Show the fresh state of one row after it changed (no full reload)."""
        rows_of = self.fetch_rows()

        def work(ws: Workspace) -> list[T]:
            with ws.engine.connect() as conn:
                return rows_of(conn, [row_id])

        def shown(rows: list[T] | None, _error: BaseException | None) -> None:
            for item in rows or ():
                self.model().replace_row(item)

        self.context.runner.read(work, shown)

    def _show_projects(self, rows: Sequence[ProjectRow] | None,
                       _error: BaseException | None) -> None:
        self.project.blockSignals(True)
        for row in rows or ():
            self.project.addItem(f"{row.code} {row.name}", row.id)
        self.project.blockSignals(False)

    def _open_household(self, index: QModelIndex) -> None:
        item = self.model().row_at(index.row())
        household_id = getattr(item, "household_id", None)
        in_place = Qt.ItemFlag.ItemIsEditable | Qt.ItemFlag.ItemIsUserCheckable
        if household_id and not self.model().flags(index) & in_place:
            self.context.navigate("household", household_id)

    def changed(self, row_id: str, result: Any, error: BaseException | None) -> None:
        """After an in-place change: show the error, or refresh just that row."""
        if error is not None:
            self.context.notify(str(error))
        self.refresh_row(row_id)

    def on_changes(self, changes: Sequence[Change]) -> None:
        if not self.isVisible():
            return
        touched = [c for c in changes if c.entity in self.WATCHED]
        if any(c.kind != "change" for c in touched):
            self.refresh()
        else:
            for change in touched:
                if self.model().row_of(change.row_id) >= 0:
                    self.refresh_row(change.row_id)

    def run_command(self, name: str) -> None:
        if name == "search":  # Ctrl+F anywhere: find a household
            self.context.navigate("households", None)
            return
        if name == "refresh":
            self.refresh()


def _projects(ws: Workspace) -> list[ProjectRow]:
    with ws.engine.connect() as conn:
        return project_rows(conn)
