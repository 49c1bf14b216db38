"""Bezoeken: the list of visits beside the open visit (see ``visit_panel``), where the
coach plans a visit, writes its report, finalises it or notes that nobody was home. A
draft left behind by a crash is offered back when the page first opens."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QSplitter, QVBoxLayout, QWidget

from renodesk.core.drafts import Draft, DraftStore
from renodesk.ui.pages.base import Page, PageContext
from renodesk.ui.pages.visit_list import VisitListPanel
from renodesk.ui.pages.visit_panel import VisitPanel

if TYPE_CHECKING:
    from renodesk.core.workspace import Change


class VisitsPage(Page):
    key = "visits"
    icon = "visits"
    commands = frozenset({"new_visit", "save", "refresh", "search"})
    WATCHED = frozenset({"visit", "household"})

    def __init__(self, context: PageContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self._checked_drafts = False
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.setObjectName("visitsSplitter")
        self.list = VisitListPanel(context, self)
        self.list.picked.connect(self._picked)
        splitter.addWidget(self.list)
        self.editor = VisitPanel(context, self)
        splitter.addWidget(self.editor)
        splitter.setSizes([570, 570])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        layout.addWidget(splitter)

    @classmethod
    def title(cls) -> str:
        return QCoreApplication.translate("VisitsPage", "Visits")

    def load(self, argument: Any = None) -> None:
        self.refresh()
        if isinstance(argument, dict) and argument.get("plan_for"):
            self.editor.start_planning(str(argument["plan_for"]))
        elif isinstance(argument, str):
            self.editor.open_visit(argument)
        elif not self._checked_drafts:
            self._checked_drafts = True
            self.context.runner.read(lambda ws: DraftStore(ws.engine).pending("visit:"),
                                     self._offer_left_drafts)

    def refresh(self) -> None:
        self.list.refresh()

    def _picked(self, visit_id: str) -> None:
        if visit_id != self.editor.visit_id:
            self.editor.open_visit(visit_id)

    def _offer_left_drafts(self, drafts: Sequence[Draft] | None,
                           _error: BaseException | None) -> None:
        if drafts and self.editor.visit_id is None and self.editor.plan_for is None:
            self.editor.open_visit(drafts[0].row_id)

    def on_changes(self, changes: Sequence[Change]) -> None:
        if self.isVisible() and any(c.entity in self.WATCHED for c in changes):
            self.refresh()

    def run_command(self, name: str) -> None:
        if name == "search":  # Ctrl+F anywhere: find a household
            self.context.navigate("households", None)
            return
        if name == "save":
            self.editor.save()
        elif name == "refresh":
            self.refresh()
        elif name == "new_visit":
            household_id = self.editor.household_id
            if household_id:
                self.editor.start_planning(household_id)
            else:
                self.context.notify(self.tr(
                    "Open a household first (Ctrl+F), then press Ctrl+N."))


PAGE = VisitsPage
